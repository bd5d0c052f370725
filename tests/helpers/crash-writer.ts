// Child process for the crash test: opens the store and commits as fast as it can, printing each sequence number
// only after its commit returned (i.e. after it was acknowledged as durable). The parent kills it with SIGKILL.
// A fourth argument, the data key in hex (a test key, never a real one), makes it write a sealed store.
import { Sealer } from '../../electron/store/sealed';
import { Store } from '../../electron/store/store';

async function main() {
  const [dir, office, snapshotEvery, keyHex] = process.argv.slice(2);
  const sealer = keyHex ? new Sealer(Buffer.from(keyHex, 'hex')) : undefined;
  const store = await Store.open(dir!, { office: office!, snapshotEvery: Number(snapshotEvery), sealer });
  process.stdout.write('ready\n');
  let i = 0;
  for (;;) {
    i++;
    const seq = (store.versionVector()[office!] ?? 0) + 1;
    // Every few commits, a batch: all or nothing.
    const changes =
      i % 7 === 0
        ? [0, 1, 2].map((k) => ({ entity: 'item', id: `s${seq + k}`, set: { seq: seq + k, batch: true } }))
        : [{ entity: 'item', id: `s${seq}`, set: { seq, note: '测试'.repeat(i % 50) } }];
    const ops = store.commit(changes, 'crash-test');
    process.stdout.write(`${ops[ops.length - 1]!.seq}\n`);
    // Let the snapshot (scheduled with setImmediate) run now and then, so kills land inside it too.
    if (i % 5 === 0) await new Promise((r) => setImmediate(r));
  }
}
main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err));
  process.exit(2);
});
