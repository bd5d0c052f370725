// `npm run bench` (not a test): city-scale figures for the operation store, each as min / median / p99 within one run.
// Runs in plain Node. Options: --children N (50000) --operations N (1000000) --commits N (2000) --crash-trials N (1000)
// --quick: the issue-13 figures only (tests/bench/quick-bench.ts: no crash trials, minutes at 50,000 children);
// --json: the last line printed is one JSON object of those figures (after the full bench, the quick one runs too);
// --import-rows N (50000): the township ledger the quick bench imports and exports.
import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { JSONFile } from 'lowdb/node';
import { Low } from 'lowdb';
import { birthAndId, chineseName, COUNTIES, mobile, pick, seededRandom, villageName, WORK_PLACES } from '../../electron/demo/synthetic';
import { encryptStore } from '../../electron/store/encrypt-store';
import { Sealer } from '../../electron/store/sealed';
import { Store, storeFiles, type Change } from '../../electron/store/store';
import { ledgerListBench } from './ledger-list-bench';
import { readerOnce, xlsxImportBench } from './ledger-excel-bench';
import { exchangeBench } from './exchange-bench';
import { backupBench } from './backup-bench';
import { appSession, crashWriter, generateOffice, openFirstPage, quickBench } from './quick-bench';

const { values } = parseArgs({
  options: {
    children: { type: 'string', default: '50000' },
    operations: { type: 'string', default: '1000000' },
    commits: { type: 'string', default: '2000' },
    'crash-trials': { type: 'string', default: '1000' },
    /** open | ledger | xlsx | exchange (one part alone), store (the store's figures only); default: everything.
     *  qb-generate | qb-open | qb-crash | qb-app: the quick bench's child processes. */
    mode: { type: 'string' },
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    'import-rows': { type: 'string', default: '50000' },
    /** With --mode read: which xlsx reader (ours | exceljs) reads the file given as --dir. */
    reader: { type: 'string' },
    dir: { type: 'string' },
    /** With --mode open: open the sealed copy. */
    sealed: { type: 'boolean', default: false },
  },
});
const OFFICE = '445200';
/** A fixed key for the sealed figures (a benchmark's throwaway data, never a real office's). */
const benchSealer = () => new Sealer(crypto.createHash('sha256').update('guanai bench key').digest());

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { min: s[0]!, median: at(0.5), p99: at(0.99), n: s.length };
}
const ms = (n: number) => `${n.toFixed(3)} ms`;
const line = (label: string, st: ReturnType<typeof stats>) =>
  console.log(`${label.padEnd(34)} min ${ms(st.min)}  median ${ms(st.median)}  p99 ${ms(st.p99)}  (n=${st.n})`);
const now = () => Number(process.hrtime.bigint()) / 1e6;

function childRecord(r: () => number, i: number) {
  const county = COUNTIES[i % COUNTIES.length]!;
  const { birthDate, idNumber, sex } = birthAndId(r, county.code, 2011, 2024);
  const surname = chineseName(r).slice(0, 1);
  return {
    name: surname + chineseName(r).slice(1),
    sex,
    ethnicity: '汉族',
    birthDate,
    idNumber,
    registered: true,
    hukou: `广东省揭阳市${county.name}`,
    township: pick(r, county.townships),
    village: villageName(r),
    health: r() < 0.95 ? '健康' : '患病',
    boarding: r() < 0.2,
    school: pick(r, ['未入园', '幼儿园', '小学', '小学', '初中']),
    fatherName: surname + chineseName(r).slice(1),
    fatherWorkPlace: pick(r, WORK_PLACES),
    fatherPhone: mobile(r),
    motherName: chineseName(r),
    motherWorkPlace: pick(r, WORK_PLACES),
    motherPhone: mobile(r),
    guardianType: pick(r, ['祖辈监护', '祖辈监护', '亲友监护', '父母一方监护', '无人监护']),
    guardianName: surname + chineseName(r).slice(1),
    guardianPhone: mobile(r),
    guardianRelation: pick(r, ['祖父', '祖母', '外祖父', '外祖母']),
    guardianshipAssessment: pick(r, ['较好', '一般', '差']),
    income: ['打工收入'],
    assistance: r() < 0.2 ? ['低保'] : [],
    supervisor: chineseName(r),
    director: chineseName(r),
    risk: pick(r, ['蓝', '黄', '黄', '橙', '红']),
    status: '在册',
  };
}

/** Builds the data set through the store's own write path, in batches so it takes minutes, not hours. */
async function generate(dir: string, children: number, operations: number) {
  await Store.create(dir, OFFICE);
  const store = await Store.open(dir, { office: OFFICE, snapshotEvery: 250_000 });
  const r = seededRandom(42);
  let made = 0;
  const BATCH = 1000;
  const childIds: string[] = [];
  let pending: Change[] = [];
  const flush = () => {
    if (pending.length) store.commit(pending, 'bench');
    made += pending.length;
    pending = [];
  };
  for (let i = 0; i < children; i++) {
    const id = `c${String(i).padStart(6, '0')}`;
    childIds.push(id);
    pending.push({ entity: 'child', id, set: childRecord(r, i) });
    if (pending.length === BATCH) flush();
  }
  flush();
  let visit = 0;
  while (made < operations) {
    const id = pick(r, childIds);
    const roll = r();
    if (roll < 0.3) {
      pending.push({
        entity: 'visit',
        id: `v${visit++}`,
        set: { childId: id, date: '2026-10-15', visitor: chineseName(r), findings: '生活正常，监护人照料到位。', nextDue: '2026-11-15' },
      });
    } else if (roll < 0.6) {
      pending.push({ entity: 'child', id, set: { guardianPhone: mobile(r) } });
    } else if (roll < 0.8) {
      pending.push({ entity: 'child', id, set: { risk: pick(r, ['蓝', '黄', '橙', '红']), school: pick(r, ['小学', '初中']) } });
    } else {
      pending.push({ entity: 'child', id, set: { guardianshipAssessment: pick(r, ['较好', '一般', '差']) } });
    }
    if (pending.length === BATCH) flush();
  }
  flush();
  await store.close();
}

async function openOnce(dir: string, sealed: boolean) {
  const sealer = sealed ? benchSealer() : undefined;
  const t0 = now();
  const store = await Store.open(dir, { office: OFFICE, sealer });
  const t = now() - t0;
  // What the first screen needs: the children table (the visits table stays on disk until a record page asks).
  const t1 = now();
  const children = Object.keys(store.table('child')).length;
  const tChildren = now() - t1;
  const counts = store.counts();
  await store.close();
  console.log(
    JSON.stringify({ openMs: t, childrenMs: tChildren, children, rssMb: process.resourceUsage().maxRSS / 1024, operations: counts.operations }),
  );
}

/**
 * Commit latency of the plaintext and the sealed store, alternating one commit each, so a shared machine's load
 * falls on both alike and the ratio means something.
 */
async function commitLatency(dir: string, sealedDir: string, n: number) {
  const runs = await Promise.all(
    [undefined, benchSealer()].map(async (sealer) => {
      const store = await Store.open(sealer ? sealedDir : dir, { office: OFFICE, snapshotEvery: 1_000_000, sealer });
      return { store, r: seededRandom(7), ids: Object.keys(store.table('child')), samples: [] as number[], snapshotMs: 0 };
    }),
  );
  for (let i = 0; i < n; i++) {
    for (const run of runs) {
      const id = pick(run.r, run.ids);
      const t0 = now();
      run.store.commit([{ entity: 'child', id, set: { guardianPhone: mobile(run.r) } }], 'bench');
      run.samples.push(now() - t0);
    }
  }
  // A snapshot after them: the children table (dirty) rewritten, the visits table (clean) not.
  for (const run of runs) {
    const t0 = now();
    await run.store.snapshot();
    run.snapshotMs = now() - t0;
  }
  const state = runs[0]!.store.stateForCheck();
  for (const run of runs) await run.store.close();
  const [plain, sealed] = runs.map(({ samples, snapshotMs }) => ({ samples, snapshotMs }));
  return { plain: { ...plain!, state }, sealed: sealed! };
}

/** Cold opens, each in a fresh process (module load included). */
function coldOpens(dir: string, times: number, sealed: boolean) {
  const opens: number[] = [];
  const withChildren: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < times; i++) {
    const args = [__filename, '--mode', 'open', '--dir', dir, ...(sealed ? ['--sealed'] : [])];
    const out = execFileSync(process.execPath, args, { encoding: 'utf8' });
    const o = JSON.parse(out.trim().split('\n').pop()!);
    opens.push(o.openMs);
    withChildren.push(o.openMs + o.childrenMs);
    rss.push(o.rssMb);
  }
  return { opens, withChildren, rss };
}

async function naiveLowdb(dir: string, state: unknown, n: number) {
  const file = path.join(dir, 'naive-lowdb.json');
  const db = new Low(new JSONFile<unknown>(file), null);
  db.data = state;
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = now();
    await db.write();
    samples.push(now() - t0);
  }
  return { samples, bytes: fs.statSync(file).size };
}

async function crashTrials(trials: number) {
  const { buildSync } = await import('esbuild');
  const root = path.resolve(__dirname, '..', '..');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'guanai-crash-'));
  const script = path.join(work, 'crash-writer.cjs');
  buildSync({ entryPoints: [path.join(root, 'tests/helpers/crash-writer.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'silent' });
  const r = seededRandom(99);
  let dir = '';
  let lost = 0;
  let acknowledged = 0;
  for (let t = 0; t < trials; t++) {
    if (t % 50 === 0) {
      dir = path.join(work, `s${t}`);
      await Store.create(dir, '445281');
    }
    const acked = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, [script, dir, '445281', String(20 + Math.floor(r() * 200))], { stdio: ['ignore', 'pipe', 'ignore'] });
      let last = 0;
      let buf = '';
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        const lines = buf.split('\n');
        buf = lines.pop()!;
        for (const l of lines) {
          if (l === 'ready') setTimeout(() => child.kill('SIGKILL'), Math.floor(r() * 60));
          else last = Math.max(last, Number(l));
        }
      });
      child.on('exit', () => resolve(last));
    });
    acknowledged += acked;
    const store = await Store.open(dir, { office: '445281' });
    if ((store.versionVector()['445281'] ?? 0) < acked) lost++;
    await store.close();
  }
  fs.rmSync(work, { recursive: true, force: true });
  return { trials, lost, acknowledged };
}

async function main() {
  if (values.mode === 'open') return openOnce(values.dir!, values.sealed!);
  if (values.mode === 'ledger') return ledgerListBench(Number(values.children));
  if (values.mode === 'xlsx') {
    const figures = await xlsxImportBench(Number(values.children), values.dir);
    if (values.json) console.log(JSON.stringify(figures));
    return;
  }
  if (values.mode === 'read') return readerOnce(values.dir!, values.reader ?? 'ours');
  if (values.mode === 'exchange') {
    const figures = await exchangeBench(10_000);
    if (values.json) console.log(JSON.stringify(figures));
    return;
  }
  if (values.mode === 'qb-generate') return generateOffice(values.dir!, Number(values.children));
  if (values.mode === 'qb-open') return openFirstPage(values.dir!);
  if (values.mode === 'qb-crash') return crashWriter(values.dir!, Number(values.children));
  if (values.mode === 'qb-app') return appSession(values.dir!, Number(values.children));
  const quick = () => quickBench({ children: Number(values.children), importRows: Number(values['import-rows']), script: __filename });
  if (values.quick) {
    const figures = await quick();
    if (values.json) console.log(JSON.stringify(figures));
    if (figures.errors) process.exitCode = 1;
    return;
  }
  const children = Number(values.children);
  const operations = Number(values.operations);
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'guanai-bench-')), 'store');
  console.log(`关爱 benchmark — ${children} children, ${operations} operations, node ${process.version}, ${os.cpus().length} cores`);

  let t0 = now();
  await generate(dir, children, operations);
  const files = storeFiles(dir);
  console.log(
    `generated in ${((now() - t0) / 1000).toFixed(1)} s: journal ${(fs.statSync(files.journal).size / 1e6).toFixed(0)} MB, ` +
      `snapshot ${(fs.statSync(files.snapshot).size / 1e6).toFixed(0)} MB`,
  );

  // The same store encrypted (the legacy-folder migration), for the sealed figures beside the plaintext ones.
  const sealedDir = path.join(path.dirname(dir), 'sealed-store');
  fs.cpSync(dir, sealedDir, { recursive: true });
  t0 = now();
  await encryptStore(sealedDir, OFFICE, benchSealer());
  const encryptMs = now() - t0;

  const { opens, withChildren, rss } = coldOpens(dir, 5, false);
  const sealedOpen = coldOpens(sealedDir, 5, true);

  const { plain: commits, sealed: sealedCommits } = await commitLatency(dir, sealedDir, Number(values.commits));
  const naive = await naiveLowdb(path.dirname(dir), commits.state, 7);
  const c = stats(commits.samples);
  const nv = stats(naive.samples);
  console.log('');
  line('durable commit (journal + fsync)', c);
  line(`naive lowdb write (${(naive.bytes / 1e6).toFixed(0)} MB file)`, nv);
  console.log(`${'ratio naive / durable (median)'.padEnd(34)} ${(nv.median / c.median).toFixed(0)}×`);
  line('cold open (fresh process)', stats(opens));
  line('cold open + children table loaded', stats(withChildren));
  console.log(`${'peak RSS (cold open)'.padEnd(34)} max ${Math.max(...rss).toFixed(0)} MB`);
  console.log(`${'snapshot after the commits'.padEnd(34)} ${ms(commits.snapshotMs)}`);

  // Sealed (AES-256-GCM per journal line and per file), as ratios to the plaintext run above.
  const sc = stats(sealedCommits.samples);
  const so = stats(sealedOpen.opens);
  const sw = stats(sealedOpen.withChildren);
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  const sf = storeFiles(sealedDir);
  console.log('');
  console.log(
    `${'encrypt legacy store (migration)'.padEnd(34)} ${(encryptMs / 1000).toFixed(1)} s: journal ` +
      `${(fs.statSync(sf.journal).size / 1e6).toFixed(0)} MB sealed`,
  );
  line('sealed durable commit', sc);
  console.log(`${'ratio sealed / plain commit'.padEnd(34)} median ${ratio(sc.median, c.median)}  p99 ${ratio(sc.p99, c.p99)}`);
  line('sealed cold open (fresh process)', so);
  line('sealed cold open + children table', sw);
  console.log(
    `${'ratio sealed / plain open'.padEnd(34)} median ${ratio(so.median, stats(opens).median)}  ` +
      `with children ${ratio(sw.median, stats(withChildren).median)}`,
  );
  {
    // The CPU cost sealing adds to a commit, apart from the disk: one line of a typical size, sealed and opened.
    const sealer = benchSealer();
    const text = 'x'.repeat(500);
    const n = 20_000;
    const t = now();
    for (let i = 0; i < n; i++) sealer.openLine(sealer.sealLine(text, i * 700), i * 700);
    console.log(`${'seal + open one 500-byte line'.padEnd(34)} ${(((now() - t) / n) * 1000).toFixed(1)} µs`);
  }
  console.log(`${'peak RSS (sealed cold open)'.padEnd(34)} max ${Math.max(...sealedOpen.rss).toFixed(0)} MB`);
  console.log(
    `${'sealed snapshot after the commits'.padEnd(34)} ${ms(sealedCommits.snapshotMs)}  (${ratio(sealedCommits.snapshotMs, commits.snapshotMs)})`,
  );

  await backupBench(sealedDir, path.dirname(dir));

  t0 = now();
  const crash = await crashTrials(Number(values['crash-trials']));
  console.log(
    `${'crash trials (SIGKILL)'.padEnd(34)} ${crash.trials} trials, ${crash.acknowledged} acknowledged operations, ` +
      `${crash.lost} lost (${((now() - t0) / 1000).toFixed(0)} s)`,
  );
  console.log(`${'peak RSS (this process)'.padEnd(34)} ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  if (values.mode === 'store') return;
  await ledgerListBench(children);
  await exchangeBench(10_000);
  // In a fresh process, so its peak RSS is the import's own.
  process.stdout.write(execFileSync(process.execPath, [__filename, '--mode', 'xlsx', '--children', String(children)], { encoding: 'utf8' }));
  if (values.json) {
    console.log('');
    const figures = await quick();
    console.log(JSON.stringify(figures));
    if (figures.errors) process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
