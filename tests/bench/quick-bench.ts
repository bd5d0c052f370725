// `npm run bench -- --quick [--json] [--children N]` (issue 13): the figures a clerk feels, at city scale, in minutes.
// Every phase that opens the data folder runs in its own fresh Node process (the way the app opens it: openContext,
// sign-in, then the handlers through dispatch), with a time limit, so a phase that runs out of memory or hangs is
// reported by name and the rest still run. Uses only the store's public methods and the handlers: the store's
// internals may change beneath it.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openContext, storeDirOf, type AppContext } from '../../electron/app/context';
import { signIn } from '../../electron/accounts/sign-in';
import type { ChildRecordInput } from '../../electron/contract/schemas/child';
import { childChanges, generateChildRecords } from '../../electron/demo/ledger-demo';
import { mobile, seededRandom } from '../../electron/demo/synthetic';
import { dispatch } from '../../electron/dispatch/dispatch';
import { addDays } from '../../electron/domain/ledger/dates';
import { pinyinInitials } from '../../electron/domain/ledger/pinyin';
import type { Change } from '../../electron/store/store';
import { initTestOffice, TEST_ADMIN } from '../helpers/office';
import { writeLedger } from './ledger-excel-bench';

/** The ledger's "today" and a fixed clock for every process (the list's ages and alerts depend on the day). */
const TODAY = '2026-11-28';
const clock = () => Date.UTC(2026, 10, 28, 2, 0, 0);
const OFFICE = { code: '445200', name: '揭阳市民政局', level: 'city' } as const;
/** The ledger page's first request (renderer/src/pages/ledger/ledger-page.tsx): 在册, sorted by alerts, 200 rows. */
export const FIRST_PAGE_QUERY = {
  filters: { status: 'active' },
  search: '',
  sort: { field: 'alerts', dir: 'asc' },
  offset: 0,
  limit: 200,
};
/** Edits in the stall phase and commits in the latency phase: with the store's default policy (a snapshot every
 *  5,000 operations) each crosses several snapshots. */
const EDITS = 20_000;
const COMMITS = 20_000;
/** Edits the crash writer acknowledges before it is killed: all past the last snapshot while the store snapshots less
 *  often than every 3,000 operations (the writer opens a folder closed cleanly). */
const CRASH_AFTER = 3_000;
/** Distinct searches per kind (names, pinyin initials, ID tails, guardians' names): 240 in all. */
const PER_KIND = 60;

const now = () => Number(process.hrtime.bigint()) / 1e6;
const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const childId = (i: number) => `bench-${i}`;
const queriesFile = (dir: string) => path.join(path.dirname(dir), 'queries.json');
const rssPeakMb = () => process.resourceUsage().maxRSS / 1024;

function pct(samples: number[], q: number): number | null {
  if (samples.length === 0) return null;
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

// ─── Child-process modes (bench.ts --mode qb-…) ─────────────────────────────────────────────────────────────────

interface Query {
  kind: 'name' | 'initials' | 'idTail' | 'guardian';
  q: string;
}

/** Distinct searches a clerk types, taken from the generated children. */
function searchQueries(records: ChildRecordInput[]): Query[] {
  const r = seededRandom(7);
  const seen = new Set<string>();
  const out: Query[] = [];
  const kinds: Array<[Query['kind'], (rec: ChildRecordInput) => string]> = [
    ['name', (rec) => rec.child.name],
    ['initials', (rec) => pinyinInitials(rec.child.name)],
    ['idTail', (rec) => String(rec.child.idNumber ?? '').slice(-6)],
    ['guardian', (rec) => rec.entrustedGuardian?.name ?? ''],
  ];
  for (const [kind, of] of kinds) {
    let taken = 0;
    for (let attempt = 0; taken < PER_KIND && attempt < PER_KIND * 50; attempt += 1) {
      const q = of(records[Math.floor(r() * records.length)]!).trim();
      if (q.length < 2 || seen.has(q)) continue;
      seen.add(q);
      out.push({ kind, q });
      taken += 1;
    }
  }
  return out;
}

/** `--mode qb-generate`: a sealed city office with `children` valid children and visits for a third of them. */
export async function generateOffice(dir: string, children: number): Promise<void> {
  const t0 = now();
  const ctx = await openContext({ dataDir: dir, owner: 'cli', clock });
  try {
    await initTestOffice(ctx, OFFICE);
    const store = ctx.store!;
    const records = generateChildRecords(children, 42, TODAY);
    fs.writeFileSync(queriesFile(dir), JSON.stringify(searchQueries(records)));
    let operations = 0;
    const BATCH = 1000;
    for (let i = 0; i < records.length; i += BATCH) {
      const changes = childChanges(records.slice(i, i + BATCH), TODAY, (k) => childId(i + k));
      store.commit(changes, ctx.user);
      operations += changes.length;
      if ((i / BATCH) % 20 === 19)
        console.log(`· ${i + BATCH} children committed (${((now() - t0) / 1000).toFixed(0)} s)`);
    }
    const tChildren = now();
    // Visits as visits.add records them: the visit, and the child's last visit and next due date.
    let visits = 0;
    let pending: Change[] = [];
    for (let i = 0; i < children; i += 3) {
      const date = addDays(TODAY, -(i % 70));
      const nextDue = addDays(date, 30);
      pending.push(
        {
          entity: 'visit',
          id: `bench-visit-${i}`,
          set: {
            childId: childId(i),
            date,
            visitor: '林主任',
            findings: ['normal'],
            note: '儿童生活、学习情况正常。',
            nextDue,
          },
        },
        { entity: 'child', id: childId(i), set: { lastVisitDate: date, nextVisitDue: nextDue } },
      );
      visits += 1;
      if (pending.length >= BATCH) {
        store.commit(pending, ctx.user);
        operations += pending.length;
        pending = [];
      }
    }
    if (pending.length) store.commit(pending, ctx.user);
    operations += pending.length;
    const tVisits = now();
    // The folder as the app leaves it: the clerk has had the ledger open, so whatever the list keeps for the next
    // start is written when the folder closes (the first start after an upgrade, with nothing kept yet, is this time).
    const listed = await dispatch(ctx, 'children.list', FIRST_PAGE_QUERY);
    if (!listed.ok) throw new Error(`children.list: ${listed.error.message}`);
    const tList = now();
    await ctx.close();
    console.log(
      `GENERATED ${JSON.stringify({
        children,
        visits,
        operations,
        childrenMs: tChildren - t0,
        visitsMs: tVisits - tChildren,
        firstListMs: tList - tVisits,
        closeMs: now() - tList,
        folderMb: folderBytes(dir) / 1e6,
        rssMb: rssPeakMb(),
      })}`,
    );
  } catch (err) {
    await ctx.close().catch(() => undefined);
    throw err;
  }
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? folderBytes(p) : fs.statSync(p).size;
  }
  return total;
}

/** Opens the folder as the app does after the sign-in page. */
async function openAsApp(dir: string): Promise<AppContext> {
  const ctx = await openContext({ dataDir: dir, owner: 'desktop', clock });
  try {
    await signIn(ctx, ctx.seat, TEST_ADMIN.login, TEST_ADMIN.password);
  } catch (err) {
    await ctx.close();
    throw err;
  }
  return ctx;
}

async function firstPage(ctx: AppContext): Promise<{ total: number; rows: number }> {
  const r = await dispatch(ctx, 'children.list', FIRST_PAGE_QUERY);
  if (!r.ok) throw new Error(`children.list: ${r.error.message}`);
  const v = r.value as { total: number; rows: unknown[] };
  if (v.rows.length === 0) throw new Error('children.list: the first page is empty');
  return { total: v.total, rows: v.rows.length };
}

/** `--mode qb-open`: a fresh process's way to the first page of the ledger; prints FIRST_PAGE the moment it has it. */
export async function openFirstPage(dir: string): Promise<void> {
  const loaded = performance.now(); // since the process started: Node and the bundle's modules
  const t0 = now();
  const ctx = await openContext({ dataDir: dir, owner: 'desktop', clock });
  const t1 = now();
  await signIn(ctx, ctx.seat, TEST_ADMIN.login, TEST_ADMIN.password);
  const t2 = now();
  const page = await firstPage(ctx);
  const t3 = now();
  console.log(
    `FIRST_PAGE ${JSON.stringify({ ...page, loadMs: loaded, openMs: t1 - t0, signInMs: t2 - t1, listMs: t3 - t2, rssMb: rssPeakMb() })}`,
  );
  const t4 = now();
  await ctx.close();
  console.log(`CLOSED ${JSON.stringify({ closeMs: now() - t4 })}`);
}

function childEdit(r: () => number, children: number): Change {
  return {
    entity: 'child',
    id: childId(Math.floor(r() * children)),
    set: { 'responsibility.directorPhone': mobile(r) },
  };
}

/** `--mode qb-crash`: edits through the store, one at a time as a clerk makes them, printing each count once
 *  durable, until the parent kills it. */
export async function crashWriter(dir: string, children: number): Promise<void> {
  const ctx = await openAsApp(dir);
  const store = ctx.store!;
  const r = seededRandom(11);
  console.log('READY');
  for (let i = 1; ; i += 1) {
    store.commit([childEdit(r, children)], ctx.user);
    if (i % 100 === 0) console.log(`EDITS ${i}`);
    await yieldNow();
  }
}

/**
 * What a snapshot (of whatever shape) leaves on disk: the store folder's files but the journal, and its folders' own
 * times (a file written, renamed or removed in one changes them). Not every file within: at 200,000 children the
 * parts, their deltas and the sidecar's files are thousands, and stat'ing each, every 500 edits, was the bench's own
 * stall of 50-100 ms, counted as the app's.
 */
function snapshotSignature(dir: string, journal: string | null): string {
  const parts: string[] = [];
  const root = storeDirOf(dir);
  for (const e of fs.readdirSync(root, { withFileTypes: true })) {
    const p = path.join(root, e.name);
    if (p === journal) continue;
    try {
      const s = fs.statSync(p);
      parts.push(`${p}:${e.isDirectory() ? 'dir' : s.size}:${s.mtimeMs}`);
    } catch {
      // Renamed away between the listing and the stat: the next look sees the new file.
    }
  }
  return parts.sort().join('\n');
}

/** The longest event-loop stall: a 1-ms interval's largest gap, and the delay histogram's maximum, whichever is more. */
function stallSampler() {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  let last = now();
  let gap = 0;
  let over = 0;
  const timer = setInterval(() => {
    const t = now();
    if (t - last - 1 > 100) over += 1;
    gap = Math.max(gap, t - last - 1);
    last = t;
  }, 1);
  return {
    reset() {
      h.reset();
      gap = 0;
      over = 0;
      last = now();
    },
    maxMs: () => Math.max(gap, h.max / 1e6),
    /** Stalls longer than 100 ms. */
    over: () => over,
    stop() {
      clearInterval(timer);
      h.disable();
    },
  };
}

/**
 * Edits with a turn of the event loop between them (so the store's scheduled snapshot runs among them, as in the
 * app), until `count` are made and a snapshot has been written and settled; up to `count` more if none was.
 */
async function editsAcrossSnapshot(
  dir: string,
  journal: string | null,
  count: number,
  edit: (i: number) => void,
): Promise<{ made: number; crossed: boolean }> {
  const before = snapshotSignature(dir, journal);
  let crossed = false;
  let made = 0;
  const check = () => {
    if (!crossed && snapshotSignature(dir, journal) !== before) crossed = true;
  };
  while (made < count || (!crossed && made < 2 * count)) {
    edit(made);
    made += 1;
    if (made % 500 === 0) check();
    await yieldNow();
    if (made >= count && !crossed && (made - count) % 1000 === 0) {
      // The snapshot the last edits scheduled may be under way: give it a moment before making more.
      const until = now() + 3000;
      while (!crossed && now() < until) {
        await sleep(50);
        check();
      }
    }
  }
  // Let the snapshot finish writing (the stall sampler keeps watching): the folder unchanged for a second.
  let sig = snapshotSignature(dir, journal);
  let stableSince = now();
  const limit = now() + 120_000;
  while (now() - stableSince < 1000 && now() < limit) {
    await sleep(100);
    const next = snapshotSignature(dir, journal);
    if (next !== sig) {
      sig = next;
      stableSince = now();
    }
  }
  return { made, crossed };
}

/**
 * `--mode qb-app`: the app's session at city scale in one process: open, sign in, first page, ≥ 200 distinct
 * searches, 20,000 edits across a snapshot (stalls sampled), then 20,000 commits timed beside a bare durable append
 * of the same size to another file. Prints APP with the figures.
 */
export async function appSession(dir: string, children: number): Promise<void> {
  const stalls = stallSampler();
  // Where the memory is: the JavaScript heap, or buffers (table parts' lines) outside it.
  let heapPeak = 0;
  let externalPeak = 0;
  const memory = setInterval(() => {
    const m = process.memoryUsage();
    heapPeak = Math.max(heapPeak, m.heapUsed);
    externalPeak = Math.max(externalPeak, m.external + m.arrayBuffers);
  }, 200);
  const t0 = now();
  const ctx = await openAsApp(dir);
  const store = ctx.store!;
  const page = await firstPage(ctx);
  const firstPageMs = now() - t0;
  console.log(`· app: first page (${page.total} children) ${firstPageMs.toFixed(0)} ms after open began`);

  const queries = JSON.parse(fs.readFileSync(queriesFile(dir), 'utf8')) as Query[];
  const searchMs: number[] = [];
  let searchEmpty = 0;
  for (const { q } of queries) {
    const t = now();
    const r = await dispatch(ctx, 'children.list', { ...FIRST_PAGE_QUERY, search: q });
    searchMs.push(now() - t);
    if (!r.ok) throw new Error(`children.list “${q}”: ${r.error.message}`);
    if ((r.value as { total: number }).total === 0) searchEmpty += 1;
  }
  console.log(`· app: ${queries.length} searches, p95 ${pct(searchMs, 0.95)!.toFixed(1)} ms`);

  let journal: string | null = null;
  try {
    journal = store.journalFile;
  } catch {
    journal = null;
  }
  const r = seededRandom(23);
  stalls.reset();
  const tEdits = now();
  const cpu0 = process.cpuUsage();
  const pause = await editsAcrossSnapshot(dir, journal, EDITS, () =>
    store.commit([childEdit(r, children)], ctx.user),
  );
  const pauseMaxMs = stalls.maxMs();
  const pausesOver100 = stalls.over();
  const editsMs = now() - tEdits;
  const cpu = process.cpuUsage(cpu0);
  const editCpuMs = (cpu.user + cpu.system) / 1000 / pause.made;
  const rssPeak = rssPeakMb();
  console.log(
    `· app: ${pause.made} edits in ${(editsMs / 1000).toFixed(1)} s (CPU ${editCpuMs.toFixed(2)} ms per edit, the snapshot's included), ` +
      `snapshot crossed: ${pause.crossed}, longest stall ${pauseMaxMs.toFixed(0)} ms (${pausesOver100} over 100 ms)`,
  );

  // Commit latency with snapshots among the commits, beside the floor: the same bytes appended and made durable
  // (write + fdatasync, as the journal does) to a separate file, one for one.
  const floorFd = fs.openSync(path.join(path.dirname(dir), 'floor.log'), 'a');
  const commitMs: number[] = [];
  const floorMs: number[] = [];
  let size = journal ? fs.statSync(journal).size : 0;
  const tCommits = now();
  const commits = await editsAcrossSnapshot(dir, journal, COMMITS, () => {
    const change = childEdit(r, children);
    const t = now();
    const ops = store.commit([change], ctx.user);
    commitMs.push(now() - t);
    let bytes: number;
    if (journal) {
      const next = fs.statSync(journal).size;
      bytes = next - size;
      size = next;
    } else bytes = Buffer.byteLength(JSON.stringify(ops[0])) + 1;
    const line = Buffer.alloc(Math.max(1, bytes), 0x61);
    line[line.length - 1] = 0x0a;
    const f = now();
    fs.writeSync(floorFd, line);
    fs.fdatasyncSync(floorFd);
    floorMs.push(now() - f);
  });
  fs.closeSync(floorFd);
  stalls.stop();
  console.log(
    `· app: ${commits.made} timed commits in ${((now() - tCommits) / 1000).toFixed(1)} s, snapshot crossed: ${commits.crossed}`,
  );
  const figures = {
    firstPageMs,
    firstPageTotal: page.total,
    searches: queries.length,
    searchEmpty,
    searchP50Ms: pct(searchMs, 0.5),
    searchP95Ms: pct(searchMs, 0.95),
    searchMaxMs: Math.max(...searchMs),
    edits: pause.made,
    editsMs,
    editCpuMs,
    pauseCrossedSnapshot: pause.crossed,
    pauseMaxMs,
    pausesOver100,
    rssPeakMb: rssPeak,
    commits: commits.made,
    commitsCrossedSnapshot: commits.crossed,
    commitP50Ms: pct(commitMs, 0.5),
    commitP99Ms: pct(commitMs, 0.99),
    commitMaxMs: Math.max(...commitMs),
    commitMeanMs: commitMs.reduce((a, b) => a + b, 0) / commitMs.length,
    floorMeanMs: floorMs.reduce((a, b) => a + b, 0) / floorMs.length,
    floorP50Ms: pct(floorMs, 0.5),
    floorP99Ms: pct(floorMs, 0.99),
    rssPeakAllMb: rssPeakMb(),
    heapPeakMb: heapPeak / 2 ** 20,
    externalPeakMb: externalPeak / 2 ** 20,
  };
  clearInterval(memory);
  console.log(`APP ${JSON.stringify(figures)}`);
  // Quitting after the session: its last snapshot (the parts changed since, the list's summaries folded whole).
  const quitAt = now();
  await ctx.close();
  console.log(`QUIT ${JSON.stringify({ quitMs: now() - quitAt })}`);
}

// ─── The orchestrator ──────────────────────────────────────────────────────────────────────────────────────────

interface Run {
  ok: boolean;
  /** Why not, in one line. */
  problem: string;
  lines: string[];
}

/** Runs `bench.cjs args` in a fresh process, echoing its human lines; killed after `limitMs`. */
function runPhase(
  script: string,
  args: string[],
  limitMs: number,
  onLine?: (line: string, kill: () => void) => void,
): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let stderr = '';
    let buf = '';
    let timedOut = false;
    let killedByUs = false;
    const kill = () => {
      killedByUs = true;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, limitMs);
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const parts = buf.split('\n');
      buf = parts.pop()!;
      for (const l of parts) {
        lines.push(l);
        if (!/^[A-Z_]+ /.test(l) && !l.startsWith('{') && l !== 'READY') console.log(`  ${l}`);
        onLine?.(l, kill);
      }
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (buf) lines.push(buf);
      let problem = '';
      if (timedOut) problem = `did not finish within ${(limitMs / 1000).toFixed(0)} s and was stopped`;
      else if (killedByUs) problem = '';
      else if (/heap out of memory|Allocation failed/i.test(stderr))
        problem = 'ran out of memory (JavaScript heap)';
      else if (code !== 0) {
        const last = stderr
          .trim()
          .split('\n')
          .filter((l) => l.trim())
          .slice(-3)
          .join(' | ');
        problem = `exited with ${signal ? `signal ${signal}` : `code ${code}`}${last ? `: ${last}` : ''}`;
      }
      resolve({ ok: problem === '', problem, lines });
    });
  });
}

function marked<T>(run: Run, mark: string): T | null {
  const l = run.lines.find((x) => x.startsWith(`${mark} `));
  return l ? (JSON.parse(l.slice(mark.length + 1)) as T) : null;
}

function lastJson<T>(run: Run): T | null {
  const l = [...run.lines].reverse().find((x) => x.startsWith('{'));
  return l ? (JSON.parse(l) as T) : null;
}

/** Spawn → the FIRST_PAGE line, in a fresh process. */
async function timedFirstPage(
  script: string,
  dir: string,
  limitMs: number,
): Promise<{ ms: number | null; run: Run; detail: Record<string, number> | null }> {
  const t0 = now();
  let ms: number | null = null;
  const run = await runPhase(script, ['--mode', 'qb-open', '--dir', dir], limitMs, (l) => {
    if (l.startsWith('FIRST_PAGE ') && ms === null) ms = now() - t0;
  });
  return { ms: run.ok || ms !== null ? ms : null, run, detail: marked(run, 'FIRST_PAGE') };
}

export interface QuickOptions {
  children: number;
  importRows: number;
  /** dist/electron/bench.cjs: the child processes run the same bundle in a --mode. */
  script: string;
}

type Figures = Record<string, number | boolean | null | string | string[] | number[]>;

export async function quickBench(opts: QuickOptions): Promise<Figures> {
  const { children, script } = opts;
  const started = now();
  const scale = Math.max(1, children / 50_000);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'guanai-quick-'));
  const dir = path.join(work, 'data');
  const errors: string[] = [];
  const fig: Figures = {
    children,
    commit_p50_ms: null,
    commit_p99_ms: null,
    floor_p50_ms: null,
    first_page_ms: null,
    reopen_after_crash_ms: null,
    pause_max_ms: null,
    rss_peak_mb: null,
    search_p95_ms: null,
    bundle_flow_ms: null,
    import_50k_ms: null,
    import_rss_mb: null,
    export_50k_ms: null,
  };
  const failed = (phase: string, run: Run) => {
    const m = `${phase}: ${run.problem || 'printed no result'}`;
    errors.push(m);
    console.log(`✗ ${m}`);
  };
  const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `关爱 quick bench (issue 13) — ${children} children, node ${process.version}, ${os.cpus().length} cores, ${work}`,
  );

  try {
    // 1. The data set: a real sealed city office, filled through its store.
    const t0 = now();
    const gen = await runPhase(
      script,
      ['--mode', 'qb-generate', '--dir', dir, '--children', String(children)],
      900_000 * scale,
    );
    const made = marked<{
      visits: number;
      operations: number;
      folderMb: number;
      firstListMs: number;
      closeMs: number;
      rssMb: number;
    }>(gen, 'GENERATED');
    if (!gen.ok || !made) failed('generating the data set', gen);
    else await onTheDataSet(made, now() - t0);
    fs.rmSync(dir, { recursive: true, force: true });
    await bundleAndXlsx();
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return finish();

  /** Phases 2–4: the generated folder opened as the app opens it. */
  async function onTheDataSet(
    made: {
      visits: number;
      operations: number;
      folderMb: number;
      firstListMs: number;
      closeMs: number;
      rssMb: number;
    },
    generateMs: number,
  ) {
    fig.generate_s = generateMs / 1000;
    fig.generate_first_list_ms = made.firstListMs;
    console.log(
      `generated ${children} children and ${made.visits} visits (${made.operations} operations, folder ${made.folderMb.toFixed(0)} MB) ` +
        `in ${secs(generateMs)} (the list's first call there ${secs(made.firstListMs)}, closing ${secs(made.closeMs)}, ` +
        `peak RSS ${made.rssMb.toFixed(0)} MB)`,
    );

    // 2. Fresh process → first page, three times (the figure is the median).
    const pages: number[] = [];
    const modules: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const p = await timedFirstPage(script, dir, 180_000 * scale);
      if (p.ms === null || !p.run.ok) {
        failed(`first page (run ${i + 1})`, p.run);
        if (p.ms === null) break;
      }
      if (p.ms !== null) pages.push(p.ms);
      const d = p.detail;
      if (d) {
        modules.push(d.loadMs!);
        console.log(
          `  first page run ${i + 1}: ${p.ms!.toFixed(0)} ms (modules ${d.loadMs!.toFixed(0)}, openContext ${d.openMs!.toFixed(0)}, ` +
            `sign-in + store open ${d.signInMs!.toFixed(0)}, children.list ${d.listMs!.toFixed(0)} ms; RSS ${d.rssMb!.toFixed(0)} MB)`,
        );
      }
    }
    fig.first_page_ms = pct(pages, 0.5);
    fig.first_page_runs_ms = pages.length ? pages : null;
    fig.first_page_modules_ms = pct(modules, 0.5);

    // 3. A writer killed mid-stream after some edits since the last snapshot, then a fresh process's first page.
    let t = now();
    let acked = 0;
    const crash = await runPhase(
      script,
      ['--mode', 'qb-crash', '--dir', dir, '--children', String(children)],
      300_000 * scale,
      (l, kill) => {
        if (l.startsWith('EDITS ')) {
          acked = Number(l.slice(6));
          if (acked >= CRASH_AFTER) kill();
        }
      },
    );
    if (!crash.ok || acked < CRASH_AFTER) failed('crash writer', crash);
    else {
      console.log(
        `crash writer: killed (SIGKILL) after ${acked} acknowledged edits, ${secs(now() - t)} after it started`,
      );
      const p = await timedFirstPage(script, dir, 300_000 * scale);
      if (p.ms === null) failed('reopen after the crash', p.run);
      else {
        fig.reopen_after_crash_ms = p.ms;
        if (!p.run.ok) failed('reopen after the crash (closing)', p.run);
        const d = p.detail!;
        console.log(
          `  reopen after crash: ${p.ms.toFixed(0)} ms (modules ${d.loadMs!.toFixed(0)}, openContext ${d.openMs!.toFixed(0)}, ` +
            `sign-in + store open ${d.signInMs!.toFixed(0)}, children.list ${d.listMs!.toFixed(0)} ms; RSS ${d.rssMb!.toFixed(0)} MB)`,
        );
      }
    }

    // 4. The app's session: first page, searches, 20,000 edits across a snapshot, then timed commits.
    t = now();
    const app = await runPhase(
      script,
      ['--mode', 'qb-app', '--dir', dir, '--children', String(children)],
      900_000 * scale,
    );
    const a = marked<Record<string, number | boolean>>(app, 'APP');
    if (!a) failed('app session', app);
    else {
      if (!app.ok) failed('app session (closing)', app);
      Object.assign(fig, {
        commit_p50_ms: a.commitP50Ms,
        commit_p99_ms: a.commitP99Ms,
        floor_p50_ms: a.floorP50Ms,
        pause_max_ms: a.pauseMaxMs,
        pauses_over_100ms: a.pausesOver100,
        rss_peak_mb: a.rssPeakMb,
        search_p95_ms: a.searchP95Ms,
        search_p50_ms: a.searchP50Ms,
        searches: a.searches,
        searches_empty: a.searchEmpty,
        edits: a.edits,
        pause_crossed_snapshot: a.pauseCrossedSnapshot,
        commits: a.commits,
        commits_crossed_snapshot: a.commitsCrossedSnapshot,
        commit_max_ms: a.commitMaxMs,
        commit_mean_ms: a.commitMeanMs,
        floor_mean_ms: a.floorMeanMs,
        edits_s: (a.editsMs as number) / 1000,
        edit_cpu_ms: a.editCpuMs,
        floor_p99_ms: a.floorP99Ms,
        app_first_page_ms: a.firstPageMs,
        rss_peak_all_mb: a.rssPeakAllMb,
        heap_peak_mb: a.heapPeakMb,
        external_peak_mb: a.externalPeakMb,
        quit_ms: marked<{ quitMs: number }>(app, 'QUIT')?.quitMs ?? null,
      });
      console.log(`app session: ${secs(now() - t)}`);
    }
  }

  /** Phases 5–6: their own offices and files, whatever became of the data set. */
  async function bundleAndXlsx() {
    // 5. The bundle page's flow, 10,000 operations (its own offices).
    const bundle = await runPhase(script, ['--mode', 'exchange', '--json'], 600_000);
    const b = lastJson<{ flowMs: number; exportMs: number }>(bundle);
    if (!bundle.ok || !b) failed('bundle flow', bundle);
    else Object.assign(fig, { bundle_flow_ms: b.flowMs, bundle_export_ms: b.exportMs });

    // 6. A township ledger of 50,000 rows imported, then exported, in a fresh process (the file written here first,
    //    so the import process's peak RSS is the import's).
    const file = path.join(work, 'ledger.xlsx');
    const t = now();
    await writeLedger(file, opts.importRows);
    console.log(`xlsx ledger of ${opts.importRows} rows written in ${secs(now() - t)}`);
    const xlsx = await runPhase(
      script,
      ['--mode', 'xlsx', '--json', '--dir', file, '--children', String(opts.importRows)],
      900_000 * Math.max(1, opts.importRows / 50_000),
    );
    const x = lastJson<{
      importMs: number;
      importRssMb: number;
      exportMs: number;
      exportFirstMs: number;
      imported: number;
    }>(xlsx);
    if (!xlsx.ok || !x) failed('xlsx import and export', xlsx);
    else
      Object.assign(fig, {
        import_50k_ms: x.importMs,
        import_rss_mb: x.importRssMb,
        export_50k_ms: x.exportMs,
        export_first_ms: x.exportFirstMs,
        import_rows: opts.importRows,
        imported: x.imported,
      });
  }

  function finish(): Figures {
    fig.elapsed_s = (now() - started) / 1000;
    fig.git_head = gitHead();
    if (errors.length) fig.errors = errors;
    summary(fig);
    return fig;
  }
}

/** The commit the bench was run at, with '+' when the working tree had changes (the bundle was built from it). */
function gitHead(): string | null {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return dirty ? `${head}+` : head;
  } catch {
    return null;
  }
}

function summary(fig: Figures) {
  const big = (fig.children as number) >= 200_000;
  const n = (k: string) => (typeof fig[k] === 'number' ? (fig[k] as number) : null);
  const show = (label: string, value: number | null, unit: string, goal: string, digits = 0) =>
    console.log(
      `${label.padEnd(36)} ${(value === null ? '—' : `${value.toFixed(digits)} ${unit}`).padEnd(12)} goal ${goal}`,
    );
  console.log('');
  console.log(`figures at ${fig.children} children (goals from issue 13${big ? ', the 200,000 row' : ''})`);
  show(
    'commit p50 (snapshots during the run)',
    n('commit_p50_ms'),
    'ms',
    `near the floor (${n('floor_p50_ms')?.toFixed(3) ?? '—'} ms)`,
    3,
  );
  show('commit p99', n('commit_p99_ms'), 'ms', 'no pause > 100 ms', 2);
  show('floor p50 (bare durable append)', n('floor_p50_ms'), 'ms', '—', 3);
  show('fresh process → first page', n('first_page_ms'), 'ms', big ? '≤ 3000 ms' : '≤ 1500 ms');
  show('reopen after a crash → first page', n('reopen_after_crash_ms'), 'ms', '≤ 1500 ms');
  show('longest stall over 20,000 edits', n('pause_max_ms'), 'ms', '≤ 100 ms');
  show('peak RSS (app session)', n('rss_peak_mb'), 'MB', big ? '≤ 1200 MB' : '≤ 600 MB');
  show(`search p95 (${fig.searches ?? '—'} distinct)`, n('search_p95_ms'), 'ms', '≤ 30 ms', 1);
  show('bundle flow, 10k ops', n('bundle_flow_ms'), 'ms', '≤ 2000 ms');
  show(`xlsx import (${fig.import_rows ?? '—'} rows)`, n('import_50k_ms'), 'ms', '≤ 15000 ms');
  show('peak RSS (xlsx import)', n('import_rss_mb'), 'MB', '≤ 600 MB');
  show('xlsx export', n('export_50k_ms'), 'ms', '≤ 10000 ms');
  if (fig.errors) console.log(`not measured: ${(fig.errors as string[]).join('; ')}`);
}
