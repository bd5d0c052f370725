// Crash test: a child process commits operations and is killed with SIGKILL at random moments. After every kill the
// store must reopen cleanly with every acknowledged operation present and the sequence still gap-free. Runs on a
// legacy plaintext store and (fewer trials) on a sealed one.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { buildSync } from 'esbuild';
import fs from 'node:fs';
import { Store, storeFiles } from '../../../electron/store/store';
import { Sealer } from '../../../electron/store/sealed';
import { MANIFEST_LABEL, openSnapshotBuffer } from '../../../electron/store/snapshot-file';
import { cleanupTempDirs, tempDir } from '../../helpers/temp-dir';

const OFFICE = '445281';
const TRIALS = Number(process.env.GUANAI_CRASH_TRIALS ?? 200);
const SEALED_TRIALS = Number(process.env.GUANAI_CRASH_TRIALS_SEALED ?? 60);
const KEY = crypto.randomBytes(32);

let script: string;
beforeAll(() => {
  script = path.join(tempDir('crash-bundle'), 'crash-writer.cjs');
  buildSync({
    entryPoints: [path.join(__dirname, '../../helpers/crash-writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: script,
    logLevel: 'silent',
  });
});
afterAll(cleanupTempDirs);

/** A deterministic pseudo-random sequence, so a failing trial can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

function runUntilKilled(dir: string, delayMs: number, snapshotEvery: number, sealed: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const args = [script, dir, OFFICE, String(snapshotEvery), ...(sealed ? [KEY.toString('hex')] : [])];
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let acked = 0;
    let buf = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const l of lines) {
        if (l === 'ready') timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
        else acked = Math.max(acked, Number(l));
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`writer stopped by itself: ${err}`));
      else resolve(acked);
    });
  });
}

test.each([
  ['plaintext', TRIALS, undefined],
  ['sealed', SEALED_TRIALS, new Sealer(KEY)],
] as const)('%s: no acknowledged operation is lost across %d SIGKILLs', async (_mode, trials, sealer) => {
  const TRIALS = trials;
  const random = rng(20261128);
  let dir = '';
  let replayed = 0;
  let totalAcked = 0;
  for (let trial = 0; trial < TRIALS; trial++) {
    if (trial % 25 === 0) {
      dir = path.join(tempDir('crash'), 'store');
      await Store.create(dir, OFFICE, sealer);
    }
    const snapshotEvery = 20 + Math.floor(random() * 200);
    const acked = await runUntilKilled(dir, Math.floor(random() * 60), snapshotEvery, sealer !== undefined);
    // Was the journal ahead of the snapshot (the kill landed between snapshots, so reopening must replay)?
    const stored = fs.readFileSync(storeFiles(dir).snapshot);
    const snap = openSnapshotBuffer<{ log: { bytes: number } }>(stored, MANIFEST_LABEL, sealer);
    if (fs.statSync(storeFiles(dir).journal).size > snap.log.bytes) replayed++;
    const store = await Store.open(dir, { office: OFFICE, sealer });
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const held = store.versionVector()[OFFICE] ?? 0;
    if (held < acked) throw new Error(`trial ${trial}: acknowledged ${acked}, store holds ${held}`);
    for (let s = Math.max(1, acked - 5); s <= acked; s++) {
      if (!store.get('item', `s${s}`)) throw new Error(`trial ${trial}: acknowledged item s${s} missing`);
    }
    // History is readable to the last operation.
    expect(store.history('item', `s${held}`).length).toBeGreaterThanOrEqual(held > 0 ? 1 : 0);
    totalAcked += acked;
    await store.close();
  }
  // The kills must really have landed while writing, or the test proves nothing.
  expect(totalAcked).toBeGreaterThan(TRIALS);
  expect(replayed).toBeGreaterThan(TRIALS / 4);
}, 600_000);
