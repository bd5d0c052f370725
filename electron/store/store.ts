// The operation store: the one write path for every change in the app. A commit appends operations to the journal
// and fsyncs before it returns; the folded state is kept in memory and snapshotted now and then, so the cost of a
// commit grows with the change, not with the data.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../contract/errors';
import { preserve } from './damaged-copies';
import { fsyncDir, fsyncDirAsync, writeFileDurably, writeNewFileAsync } from './durable-file';
import { applyOperation } from './fold';
import { type Clock, HybridClock, systemClock } from './hlc';
import { migrate, SCHEMA_VERSION } from './migrations';
import { encodeLine, entityKey, lineHash, type JsonValue, type Operation } from './operation';
import { LogWriter, readLineAt, scanLog, storedLine } from './oplog';
import { assertSealing } from './seal-check';
import type { Sealer } from './sealed';
import { encodeSnapshotBody, MANIFEST_LABEL, openSnapshotBuffer, sealSnapshotBuffer, SnapshotDamaged, snapshotDb } from './snapshot-file';
import { settleSwap, swapPending } from './store-swap';
import { emptyState, isPrototypeKey, stampOf, type EntityRecord, type State } from './state';
import { nextTurn, refFiles, TableSet, type Table, type TableRef, type TableWrite } from './tables';
import { entityLabel } from '../contract/schemas/exchange';
import { lineReasonText, lostText, mergeDamage, noDamage, recordsText, scanWithDamage, type JournalDamage } from './journal-check';

export interface Change {
  entity: string;
  id: string;
  set: Record<string, JsonValue>;
  /** Settles conflicts: for each field, the stamps of the losing values the person has decided on. */
  resolves?: Record<string, string[]>;
}

export interface StoreNotice {
  /** SNAPSHOT_RECOVERED, SNAPSHOT_REBUILT, TABLE_REBUILT, TABLE_REBUILT_PARTIAL, UNFINISHED_WRITE_DISCARDED, MIGRATED,
   *  JOURNAL_DAMAGED… */
  code: string;
  message: string;
  /** Damage that is still there (not an event that is over). */
  standing?: boolean;
  /** The same key is the same notice (damage found again is not a new one). */
  key?: string;
}

export interface StoreOptions {
  office: string;
  clock?: Clock;
  /** Operations between snapshots. */
  snapshotEvery?: number;
  /** Seals every file and journal line under the data key. Undefined: the legacy plaintext format. */
  sealer?: Sealer;
  /** Tests: a table splits into parts from this many records (tables.ts SPLIT_AT), and clean parts are dropped
   *  from memory past this many stored bytes. */
  splitAt?: number;
  memoryBudget?: number;
  /** Tests: records a part holds on average before the table is spread over more parts (tables.ts FINER_AT). */
  finerAt?: number;
}

export interface StoreDoc {
  format: 'guanai-store';
  schemaVersion: number;
  office: string;
  log: { bytes: number; count: number; tailOffset: number; tailHash: string | null };
  hlc: string;
  /** Highest sequence number held per origin office (all lower ones are held too). */
  seqs: Record<string, number>;
  /** Per origin, the journal offset of every MARK_EVERY-th operation (seq 1, 1001, …): where to start reading
   *  when a bundle needs that origin's operations after some sequence number. */
  marks?: Record<string, number[]>;
  /** The state, one file per entity type (see tables.ts). */
  tables?: Record<string, TableRef>;
  /** The state inline: the first prototype's layout, and what migrations work on. Split on the next snapshot. */
  state?: State;
  /** Derived data kept beside the tables (the ledger list's summaries), each as of journal offset `at`. */
  sidecars?: Record<string, SidecarRef>;
}

export interface SidecarRef {
  files: string[];
  /** The journal offset it describes: the operations from here on are not in it. */
  at: number;
  meta: JsonValue;
  /** Items in `files` (absent in sidecars written before additions existed). */
  rows?: number;
  /** Files of items added since `files` were written, in order (a later item may stand for an earlier one). */
  adds?: string[];
  /** Items in `adds`. */
  addRows?: number;
}

/** What a sidecar's owner is told of the stored sidecar when a snapshot begins. */
export interface StoredSidecar {
  at: number;
  meta: JsonValue;
  /** Items in its first files; null when not known (written before additions existed). */
  rows: number | null;
  addRows: number;
  /** The store is closing: additions are better folded in now (the next start then reads one set of files). */
  closing: boolean;
}

/** What a sidecar's owner hands a snapshot, synchronously: items no later change will alter. */
export interface SidecarCapture {
  meta: JsonValue;
  items: unknown[];
  /** Turns an item into what is stored, chunk by chunk as the chunks are written (never all at once: a city's
   *  encoded summaries would be a second copy of them). Items must not change after capture. */
  encode?: (item: unknown) => unknown;
  /** The items are additions to the stored sidecar (whose meta they share): written as files of their own beside
   *  its files, so a snapshot writes what changed, not the whole sidecar again. Ignored when none is stored. */
  append?: boolean;
}

/** Sidecar items per file, serialised SIDECAR_SLICE a turn of the event loop: at 200,000 children a whole file's
 *  4,000 rows in one turn stalled the app for over 100 ms. */
const SIDECAR_CHUNK = 4000;
const SIDECAR_SLICE = 500;
const SIDECAR_WRITING = 4;
/** Part files written side by side by a snapshot (see writeParts). */
const PART_WRITERS = 8;
const sidecarLabel = (name: string, file: string) => `sidecar:${name}:${file}`;

export type ChangeListener = (ops: Operation[]) => void;

const MARK_EVERY = 1000;
/** How long after opening on a journal tail its snapshot waits. */
const AFTER_START_MS = 3000;
const EAGER_TABLE_BYTES = 4 * 1024 * 1024;

export const storeFiles = (dir: string) => ({
  dir,
  snapshot: path.join(dir, 'state.json'),
  backup: path.join(dir, 'state.bak.json'),
  journal: path.join(dir, 'journal.log'),
  damaged: path.join(dir, 'damaged'),
});

export const emptyDoc = (office: string): StoreDoc => ({
  format: 'guanai-store',
  schemaVersion: SCHEMA_VERSION,
  office,
  log: { bytes: 0, count: 0, tailOffset: 0, tailHash: null },
  hlc: `${'0'.repeat(15)}-00000-${office}`,
  seqs: {},
  tables: {},
});

const reasonText: Record<SnapshotDamaged['reason'], string> = {
  missing: '缺失',
  empty: '为空',
  truncated: '不完整（可能写入时断电）',
  checksum: '校验不符（内容被改动或损坏）',
  json: '无法识别',
};

/** What bundle export says while the journal has unrecovered damage. */
export function journalRefusal(d: JournalDamage): string {
  return (
    `操作日志中有 ${d.lines.length} 行已损坏（第 ${d.lines.map((l) => l.lineNo).join('、')} 行：${lostText(d)}），导出的交换包会缺少这些修改，已拒绝导出。` +
    '请先从损坏之前的备份恢复；确需先发送完好的部分时，可使用“仍然导出完好部分”（命令行 --allow-damaged），交换包将注明缺失。'
  );
}

export class Store {
  private listeners = new Set<ChangeListener>();
  private noticeListeners = new Set<(n: StoreNotice) => void>();
  /** Journal damage found so far, how far the journal has been checked, and each origin's sequence there. */
  private damage: JournalDamage = noDamage();
  private checkedTo = 0;
  private checkedLines = 0;
  private checkedSeqs: Record<string, number> = {};
  /** A table was rebuilt from a journal with damaged lines: what those lines held is gone from the current data. */
  private rebuiltPastDamage = false;
  private sinceSnapshot = 0;
  private snapshotting: Promise<void> | null = null;
  private closed = false;
  /** The snapshot under way is the last before closing: sidecars are written whole (the next start reads one). */
  private closing = false;
  private readonly sidecarOwners = new Map<string, (stored: StoredSidecar | null) => SidecarCapture | null>();
  /** Where the journal stood in the manifest this store opened, and each record changed since (its latest offset). */
  private openedAt = 0;
  private readonly touched = new Map<string, Map<string, number>>();

  private tables!: TableSet;

  private constructor(
    readonly dir: string,
    private doc: StoreDoc,
    private readonly writer: LogWriter,
    private readonly clock: HybridClock,
    private readonly snapshotEvery: number,
    readonly notices: StoreNotice[],
    private readonly sealer: Sealer | undefined,
  ) {}

  /** A table whose file is missing or damaged is rebuilt from the journal: every operation on that entity type. */
  private rebuildTable(entity: string, reason: SnapshotDamaged['reason'], damagedName: string | null): Table {
    const files = storeFiles(this.dir);
    const damagedFile = damagedName ? path.join(files.dir, 'tables', damagedName) : null;
    if (damagedFile && fs.existsSync(damagedFile)) {
      preserve(files.damaged, damagedFile, `table-${entity}.json`, this.sealer);
      // Its name is its intended content's hash: the rebuilt table must be written afresh under it.
      fs.rmSync(damagedFile, { force: true });
    }
    const state = emptyState();
    // Past any damaged line: the good lines after it still hold their changes.
    const { damage } = scanWithDamage(files.journal, 0, this.sealer, {
      visit: (e) => {
        if (e.op.entity === entity) applyOperation(state, e.op, e.offset);
      },
    });
    if (damage.lines.length) {
      // A double fault: the table and a journal line. What the damaged lines held is gone from this table.
      this.rebuiltPastDamage = true;
      this.report({
        code: 'TABLE_REBUILT_PARTIAL',
        standing: true,
        message:
          `数据文件中“${entityLabel(entity)}”部分${reasonText[reason]}，已从操作日志重建，但操作日志中有 ${damage.lines.length} 行已损坏` +
          `（第 ${damage.lines.map((l) => l.lineNo).join('、')} 行），这些行记载的修改无法恢复：${lostText(damage)}；${recordsText(damage)}。` +
          '重建出的这部分数据可能缺少这些修改。请从损坏之前的备份恢复（设置 → 备份与恢复）。损坏的文件已另存备查。',
      });
      // A journal notice raised earlier said the current data still held those changes: no longer true.
      if (this.damage.lines.length) this.reportJournalDamage();
    } else {
      this.report({
        code: 'TABLE_REBUILT',
        message: `数据文件中“${entityLabel(entity)}”部分${reasonText[reason]}，已从操作日志逐条重建（操作日志完整，未丢失已保存的内容）。损坏的文件已另存备查。`,
      });
    }
    return state.entities[entity] ?? {};
  }

  /** Creates an empty store in `dir` (sealed under `sealer` when given). Refuses a folder that already holds one. */
  static async create(dir: string, office: string, sealer?: Sealer): Promise<void> {
    const files = storeFiles(dir);
    if (Store.exists(dir)) {
      throw new AppError('ALREADY_INITIALISED', '该文件夹中已有数据，不能重复初始化。');
    }
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.closeSync(fs.openSync(files.journal, 'a', 0o600));
    writeFileDurably(files.snapshot, sealSnapshotBuffer(emptyDoc(office), MANIFEST_LABEL, sealer).bytes, 0o600);
    fsyncDir(dir);
  }

  static exists(dir: string): boolean {
    const files = storeFiles(dir);
    // An encryption interrupted between its two renames leaves the store under another name for a moment.
    return fs.existsSync(files.snapshot) || fs.existsSync(files.journal) || swapPending(dir);
  }

  static async open(dir: string, opts: StoreOptions): Promise<Store> {
    const files = storeFiles(dir);
    settleSwap(dir);
    if (!Store.exists(dir)) throw new AppError('NOT_INITIALISED', '数据文件夹尚未初始化。');
    const sealer = opts.sealer;
    assertSealing(files, sealer);
    const notices: StoreNotice[] = [];
    // A temp file is what a snapshot interrupted before its rename leaves behind; the previous snapshot still stands.
    for (const d of [dir, path.join(dir, 'tables')]) {
      if (!fs.existsSync(d)) continue;
      for (const f of fs.readdirSync(d)) if (f.endsWith('.tmp')) fs.rmSync(path.join(d, f), { force: true });
    }
    const damagedFiles: { source: string; label: string }[] = [];

    let raw: Record<string, unknown> | null = null;
    const db = snapshotDb<Record<string, unknown>>(files.snapshot, files.backup, sealer);
    try {
      await db.read();
      raw = db.data;
      if (raw === null) throw new SnapshotDamaged('missing');
    } catch (err) {
      if (!(err instanceof SnapshotDamaged)) throw err;
      if (fs.existsSync(files.snapshot)) damagedFiles.push({ source: files.snapshot, label: 'state.json' });
      raw = null;
      if (fs.existsSync(files.backup)) {
        try {
          raw = openSnapshotBuffer<Record<string, unknown>>(fs.readFileSync(files.backup), MANIFEST_LABEL, sealer);
          notices.push({
            code: 'SNAPSHOT_RECOVERED',
            message: `数据文件${reasonText[err.reason]}，已用上一份完好的备份并补上其后的全部操作记录恢复，未丢失已保存的内容。损坏的文件已另存备查。`,
          });
        } catch {
          raw = null;
        }
      }
      if (raw === null) {
        notices.push({
          code: 'SNAPSHOT_REBUILT',
          message: `数据文件${reasonText[err.reason]}，且没有可用的备份；已从操作日志逐条重建全部数据，未丢失已保存的内容。损坏的文件已另存备查。`,
        });
        raw = emptyDoc(opts.office) as unknown as Record<string, unknown>;
      }
    }

    // Version check before anything is written: a newer file stays untouched.
    if (typeof raw.schemaVersion === 'number' && raw.schemaVersion > SCHEMA_VERSION) migrate(raw);
    if (typeof raw.schemaVersion === 'number' && raw.schemaVersion < SCHEMA_VERSION && raw.tables) {
      // Migrations work on the whole state: read every table of the older layout first.
      const old = new TableSet(
        dir,
        raw.tables as Record<string, TableRef>,
        () => {
          throw new AppError('STORE_DAMAGED', '旧版本的数据文件不完整，无法升级。请从备份恢复整个数据文件夹。');
        },
        sealer,
      );
      raw = { ...raw, state: old.ensureAll() };
      delete raw.tables;
    }
    const migrated = migrate(raw);
    const doc = migrated.doc as unknown as StoreDoc;
    if (doc.format !== 'guanai-store' || doc.office !== opts.office) {
      throw new AppError('STORE_DAMAGED', '数据文件不属于本单位，无法打开。');
    }
    if (migrated.applied.length) {
      notices.push({ code: 'MIGRATED', message: `数据格式已升级（${migrated.applied.join('、')}），升级前的文件已另存。` });
      damagedFiles.push({ source: files.snapshot, label: `state.v${String(raw.schemaVersion)}.json` });
    }

    if (!fs.existsSync(files.journal)) {
      throw new AppError('STORE_DAMAGED', '操作日志文件缺失，无法核对数据。请从备份恢复整个数据文件夹。');
    }
    const size = fs.statSync(files.journal).size;
    if (size < doc.log.bytes) {
      throw new AppError('STORE_DAMAGED', '操作日志比数据文件记录的短，可能已被截断或替换。请从备份恢复整个数据文件夹。');
    }
    if (doc.log.tailHash !== null) {
      const fd = fs.openSync(files.journal, 'r');
      let tail = '';
      try {
        tail = readLineAt(fd, doc.log.tailOffset);
      } catch {
        tail = '';
      } finally {
        fs.closeSync(fd);
      }
      if (lineHash(tail) !== doc.log.tailHash) {
        throw new AppError('STORE_DAMAGED', '操作日志与数据文件对不上，可能被替换。请从备份恢复整个数据文件夹。');
      }
    }

    const scan = scanLog(files.journal, doc.log.bytes, sealer);
    if (scan.damageAt) {
      throw new AppError(
        'STORE_DAMAGED',
        `操作日志第 ${doc.log.count + scan.damageAt.lineNo} 行（${lineReasonText(scan.damageAt.reason)}）已损坏，其后还有完好的记录，不能自动修复：` +
          '数据在上次保存点之后的修改无法可靠地读出。请运行“guanai doctor”检查，或从备份恢复（恢复会丢掉备份之后的修改，恢复前的数据会原样保留）。',
      );
    }
    // A batch is all or nothing: an unfinished batch at the end was never acknowledged.
    let entries = scan.entries;
    let keepEnd = scan.goodEnd;
    const last = entries[entries.length - 1];
    if (last?.op.batch) {
      const [batchId, , total] = last.op.batch;
      let first = entries.length - 1;
      while (first > 0 && entries[first - 1]!.op.batch?.[0] === batchId) first--;
      if (entries.length - first < total) {
        keepEnd = entries[first]!.offset;
        entries = entries.slice(0, first);
      }
    }

    for (const d of damagedFiles) preserve(files.damaged, d.source, d.label, sealer);
    // The damaged file is kept aside; removing it stops the next snapshot from linking it as the backup.
    if (notices.some((n) => n.code === 'SNAPSHOT_RECOVERED' || n.code === 'SNAPSHOT_REBUILT')) {
      fs.rmSync(files.snapshot, { force: true });
    }
    if (keepEnd < scan.size) {
      const fd = fs.openSync(files.journal, 'r+');
      try {
        const rest = Buffer.alloc(scan.size - keepEnd);
        fs.readSync(fd, rest, 0, rest.length, keepEnd);
        preserve(files.damaged, rest, 'unfinished-write.bin', sealer);
        fs.ftruncateSync(fd, keepEnd);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      notices.push({
        code: 'UNFINISHED_WRITE_DISCARDED',
        message:
          `操作日志末尾有一笔不完整的写入（${scan.size - keepEnd} 字节），已舍弃并另存备查，其前的记录不受影响。` +
          '这通常是保存时断电或程序被强行关闭所致，那一笔当时不会提示保存成功；若您记得最后一次修改曾提示保存成功，说明文件被截断，请核对最后的修改或从备份恢复。',
      });
    }

    const store = new Store(
      dir,
      doc,
      new LogWriter(files.journal),
      new HybridClock(opts.office, opts.clock ?? systemClock, doc.hlc),
      // Snapshots write only the parts that changed, in slices: frequent ones are cheap and keep the journal tail
      // a start after a crash has to fold short.
      opts.snapshotEvery ?? 5000,
      notices,
      sealer,
    );
    const inline = doc.state;
    delete doc.state;
    const rebuild = (entity: string, reason: SnapshotDamaged['reason'], file: string | null) => store.rebuildTable(entity, reason, file);
    const sizing = { splitAt: opts.splitAt, budget: opts.memoryBudget, finerAt: opts.finerAt };
    store.tables = inline
      ? TableSet.fromState(dir, inline, rebuild, sealer, sizing)
      : new TableSet(dir, doc.tables ?? {}, rebuild, sealer, sizing);
    // Small tables are read now so damage to them is reported at once; large ones when first used.
    store.tables.ensureSmall(EAGER_TABLE_BYTES);
    store.openedAt = doc.log.bytes;
    for (const e of entries) store.fold(e.op, e.offset, Buffer.byteLength(e.line) + 1);
    const lastEntry = entries[entries.length - 1];
    if (lastEntry) store.doc.log.tailHash = lineHash(lastEntry.line);
    // After a repair the repaired state is written before anyone reads it. Operations after the last snapshot (a
    // crash, or a quit cut short) are already safe in the journal: writing them into the tables can wait its turn.
    if (notices.length || inline) await store.snapshot();
    else if (entries.length) {
      // A moment later: the start (its first page) comes first.
      setTimeout(() => {
        if (!store.closed && !store.snapshotting) void store.snapshot().catch(() => undefined);
      }, AFTER_START_MS).unref();
    }
    return store;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  get office(): string {
    return this.doc.office;
  }

  get schemaVersion(): number {
    return this.doc.schemaVersion;
  }

  /** The newest timestamp this store has written or received (the hybrid logical clock). */
  get newestStamp(): string {
    return this.clock.current();
  }

  /** Records changes as operations. Returns once they are on disk; several changes are one all-or-nothing batch. */
  commit(changes: Change[], user: string): Operation[] {
    if (this.closed) throw new AppError('INTERNAL', '数据存储已关闭。');
    if (changes.length === 0) return [];
    const office = this.doc.office;
    let seq = this.doc.seqs[office] ?? 0;
    const batchId = changes.length > 1 ? `${office}-${seq + 1}` : undefined;
    const ops: Operation[] = changes.map((c, i) => {
      const op: Operation = {
        office,
        seq: ++seq,
        hlc: this.clock.next(),
        user,
        entity: c.entity,
        id: c.id,
        set: c.set,
        sv: SCHEMA_VERSION,
      };
      if (batchId) op.batch = [batchId, i, changes.length];
      // What this office saw of each field: the value this change replaces. Lets other offices tell a correction
      // from a concurrent edit.
      const rec = this.get(c.entity, c.id);
      if (rec) {
        const base: Record<string, string> = {};
        for (const f of Object.keys(c.set)) {
          const s = stampOf(rec, f);
          if (s !== undefined) base[f] = s;
        }
        if (Object.keys(base).length) op.base = base;
      }
      if (c.resolves && Object.keys(c.resolves).length) op.res = c.resolves;
      return op;
    });
    this.appendAndFold(ops);
    return ops;
  }

  /**
   * Appends operations made elsewhere (bundles). They keep their origin, sequence and stamp; the caller has checked
   * that each origin's sequence continues where this store stands.
   */
  commitForeign(ops: Operation[]): void {
    if (ops.length === 0) return;
    const batchId = `${this.doc.office}-in-${this.doc.log.count}`;
    const marked = ops.map((op, i) => {
      const copy: Operation = { ...op };
      delete copy.batch;
      if (ops.length > 1) copy.batch = [batchId, i, ops.length];
      return copy;
    });
    for (const op of marked) this.clock.observe(op.hlc);
    this.appendAndFold(marked);
  }

  private appendAndFold(ops: Operation[]): void {
    // Each line links to the previous operation on its record: the record's head, or an earlier line of this batch.
    // Lines are encoded once here; the writer only writes them.
    const heads = new Map<string, number>();
    let at = this.writer.size;
    const offsets: number[] = [];
    const lines = ops.map((op) => {
      const key = entityKey(op.entity, op.id);
      const prev = heads.get(key) ?? this.get(op.entity, op.id)?.p ?? -1;
      heads.set(key, at);
      const line = storedLine(encodeLine(op, prev), at, this.sealer);
      offsets.push(at);
      at += Buffer.byteLength(line);
      return line;
    });
    this.writer.appendLines(lines, at);
    ops.forEach((op, i) => this.fold(op, offsets[i]!, Buffer.byteLength(lines[i]!)));
    this.doc.log.tailHash = lineHash(lines[lines.length - 1]!.slice(0, -1));
    this.doc.hlc = this.clock.current();
    this.sinceSnapshot += ops.length;
    for (const l of this.listeners) l(ops);
    if ((this.sinceSnapshot >= this.snapshotEvery || this.tables.dirtyPressure()) && !this.snapshotting) {
      setImmediate(() => void this.snapshot().catch(() => undefined));
    }
  }

  private fold(op: Operation, offset: number, lineBytes: number): void {
    if (op.sv > SCHEMA_VERSION) {
      throw new AppError('SCHEMA_TOO_NEW', '操作日志中有较新版本程序写入的记录，请升级程序后再打开；文件未作任何改动。');
    }
    const held = this.doc.seqs[op.office] ?? 0;
    if (op.seq !== held + 1) {
      throw new AppError('STORE_DAMAGED', `操作日志中单位 ${op.office} 的记录序号不连续（应为 ${held + 1}，实为 ${op.seq}）。`);
    }
    this.doc.seqs[op.office] = op.seq;
    if ((op.seq - 1) % MARK_EVERY === 0) ((this.doc.marks ??= {})[op.office] ??= []).push(offset);
    this.tables.apply(op, offset);
    let ids = this.touched.get(op.entity);
    if (!ids) this.touched.set(op.entity, (ids = new Map()));
    ids.set(op.id, offset);
    this.doc.log.count++;
    this.doc.log.tailOffset = offset;
    this.doc.log.bytes = offset + lineBytes;
  }

  /** Notices raised after open (a table rebuilt when first read, journal damage found later). */
  onNotice(listener: (n: StoreNotice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  private report(n: StoreNotice): void {
    this.notices.push(n);
    for (const l of this.noticeListeners) l(n);
  }

  /**
   * Checks the journal lines not checked yet in this run (all of them, the first time), reads past damage and
   * returns all the damage known. Synchronous: bundle export and `guanai info` call it before they say anything.
   */
  checkJournal(sliceEnd?: number): JournalDamage {
    const end = Math.min(sliceEnd ?? Infinity, this.writer.size);
    if (this.checkedTo < end) {
      const r = scanWithDamage(this.writer.file, this.checkedTo, this.sealer, {
        end,
        firstLineNo: this.checkedLines + 1,
        seqs: this.checkedSeqs,
      });
      // A slice that ended inside a long line makes no progress: the next call reads to the end.
      this.checkedTo = r.goodEnd > this.checkedTo ? r.goodEnd : sliceEnd !== undefined ? this.checkedTo : this.writer.size;
      this.checkedLines += r.lines;
      if (r.damage.lines.length) {
        mergeDamage(this.damage, r.damage);
        this.reportJournalDamage();
      }
    }
    return this.damage;
  }

  /** The whole journal checked in slices, giving the event loop a turn between them (after start, in the app). */
  async patrolJournal(sliceBytes = 4 * 1024 * 1024): Promise<JournalDamage> {
    while (!this.closed && this.checkedTo < this.writer.size) {
      const before = this.checkedTo;
      this.checkJournal(this.checkedTo + sliceBytes);
      if (this.checkedTo === before) this.checkJournal();
      await nextTurn();
    }
    return this.damage;
  }

  /** The journal damage found so far in this run (see checkJournal). */
  get journalDamage(): JournalDamage {
    return this.damage;
  }

  private reportJournalDamage(): void {
    const d = this.damage;
    this.report({
      code: 'JOURNAL_DAMAGED',
      standing: true,
      key: `journal:${d.lines.map((l) => l.offset).join(',')}:${this.rebuiltPastDamage ? 'rebuilt' : 'kept'}`,
      message:
        `操作日志中有 ${d.lines.length} 行已损坏（第 ${d.lines.map((l) => l.lineNo).join('、')} 行），这些行记载的修改无法读取：${lostText(d)}；${recordsText(d)}。` +
        (this.rebuiltPastDamage
          ? '数据文件中有部分内容曾损坏并已从操作日志重建，这些修改已从当前数据中丢失（见另一条提示）；它们也无法再发送给其他单位：在修复之前，导出交换包将被拒绝。'
          : '数据文件中保存的当前内容仍包含这些修改，但它们的历史记录已丢失，也无法再发送给其他单位：在修复之前，导出交换包将被拒绝。') +
        '请从损坏之前的备份恢复（设置 → 备份与恢复）。',
    });
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // Ids and entity names may come from a caller: own properties only (see state.ts), never Object's own members.
  get(entity: string, id: string): EntityRecord | undefined {
    return isPrototypeKey(entity) ? undefined : this.tables.get(entity, id);
  }

  table(entity: string): Readonly<Record<string, EntityRecord>> {
    return isPrototypeKey(entity) ? {} : this.tables.ensure(entity);
  }

  /**
   * Every record of one type, visited one part at a time. Use this, not table(), for a table that can be large (the
   * children, visits): a city's child table is not held in memory whole, and a reader must not keep the records.
   */
  each(entity: string, visit: (id: string, record: EntityRecord) => void): void {
    if (isPrototypeKey(entity)) return;
    this.tables.each(entity, visit);
  }

  /** Stored bytes of large-table parts held in memory (bounded by the memory budget; tests and the bench). */
  get partBytesInMemory(): number {
    return this.tables.bytesInMemory;
  }

  /** How many records of one type (kept as operations fold, not counted). */
  recordCount(entity: string): number {
    return isPrototypeKey(entity) ? 0 : this.tables.count(entity);
  }

  entityTypes(): string[] {
    return this.tables.names();
  }

  /** Every operation on one record, oldest first, following the record's chain backwards through the journal. */
  history(entity: string, id: string): Operation[] {
    const out: Operation[] = [];
    let at = this.get(entity, id)?.p ?? -1;
    while (at >= 0) {
      const decoded = this.writer.readEntry(at, this.sealer);
      if (!decoded.ok || decoded.prev >= at) throw new AppError('STORE_DAMAGED', '操作日志中的一条历史记录已损坏。');
      out.push(decoded.op);
      at = decoded.prev;
    }
    return out.reverse();
  }

  /**
   * The operations this store holds beyond a version vector (per origin: the highest sequence the other side has),
   * in journal order. Reads the journal only from the earliest point that can matter.
   */
  operationsSince(known: Record<string, number>, filter?: (op: Operation) => boolean, opts: { skipDamaged?: boolean } = {}): Operation[] {
    let start = this.doc.log.bytes;
    for (const [origin, held] of Object.entries(this.doc.seqs)) {
      const have = known[origin] ?? 0;
      if (have >= held) continue;
      const marks = this.doc.marks?.[origin] ?? [];
      const mark = marks[Math.floor(have / MARK_EVERY)];
      start = Math.min(start, mark ?? 0);
    }
    if (start >= this.doc.log.bytes) return [];
    const out: Operation[] = [];
    const take = (e: { offset: number; op: Operation }) => {
      if (e.offset < this.doc.log.bytes && e.op.seq > (known[e.op.office] ?? 0) && (!filter || filter(e.op))) out.push(e.op);
    };
    if (opts.skipDamaged) {
      scanWithDamage(this.writer.file, start, this.sealer, { end: this.doc.log.bytes, visit: take });
      return out;
    }
    const scan = scanLog(this.writer.file, start, this.sealer);
    if (scan.damageAt && scan.damageAt.offset < this.doc.log.bytes) {
      // Never a silent stop at the damage (the city once got 1 of 8 children): find it all, say it, refuse.
      this.checkJournal();
      throw new AppError('JOURNAL_DAMAGED', journalRefusal(this.damage));
    }
    for (const e of scan.entries) take(e);
    return out;
  }

  /** Records holding values that lost a concurrent edit, for the conflicts list. */
  conflicts(): { entity: string; id: string; record: EntityRecord }[] {
    const out: { entity: string; id: string; record: EntityRecord }[] = [];
    for (const entity of this.tables.names()) {
      for (const id of this.tables.conflictedIds(entity)) {
        const record = this.tables.get(entity, id);
        if (record?.x?.length) out.push({ entity, id, record });
      }
    }
    return out;
  }

  /** Highest sequence held per origin office: what this store has, for acknowledgements and bundles. */
  versionVector(): Record<string, number> {
    return { ...this.doc.seqs };
  }

  counts(): { operations: number; entities: Record<string, number> } {
    const entities: Record<string, number> = {};
    for (const type of this.tables.names()) entities[type] = this.tables.count(type);
    return { operations: this.doc.log.count, entities };
  }

  /** How many records hold values that lost a concurrent edit (without loading every table). */
  conflictCount(): number {
    return this.tables.conflictCount();
  }

  /** The whole folded state (loads every table), for integrity checks. */
  stateForCheck(): State {
    return this.tables.ensureAll();
  }

  get journalFile(): string {
    return this.writer.file;
  }

  /**
   * A consistent point for a backup, handed to `take` synchronously: the snapshot manifest and the table files it
   * names (no snapshot is being written while `take` runs) and the journal's length, whose first bytes then hold
   * every operation the snapshot does not. The journal only grows, so those bytes stay as they are.
   */
  async atRest<T>(take: (point: { manifest: string; tables: string[]; journal: string; journalBytes: number }) => T): Promise<T> {
    while (this.snapshotting) await this.snapshotting;
    const files = storeFiles(this.dir);
    // A table rebuilt since the last snapshot has no file yet (its damaged one was set aside): write one first, or
    // the backup would name a file it does not hold and never pass the restore's integrity check.
    const missing = Object.values(this.doc.tables ?? {})
      .flatMap(refFiles)
      .some((file) => !fs.existsSync(path.join(files.dir, 'tables', file)));
    if (missing) {
      await this.snapshot();
      while (this.snapshotting) await this.snapshotting;
    }
    return take({
      manifest: files.snapshot,
      tables: [...Object.values(this.doc.tables ?? {}).flatMap(refFiles), ...this.sidecarFiles(this.doc)].map((file) =>
        path.join(files.dir, 'tables', file),
      ),
      journal: files.journal,
      journalBytes: this.writer.size,
    });
  }

  /** Writes the folded state as the new snapshot (the previous one becomes the backup). */
  async snapshot(): Promise<void> {
    if (this.snapshotting) return this.snapshotting;
    const files = storeFiles(this.dir);
    // Everything that describes this moment is captured synchronously; only the writing is awaited.
    const taken = this.tables.capture();
    const head: StoreDoc = JSON.parse(JSON.stringify({ ...this.doc, tables: undefined, sidecars: undefined }));
    const sidecars = this.captureSidecars();
    const previous = this.tables.currentRefs();
    const previousSidecars = this.sidecarFiles(this.doc);
    this.sinceSnapshot = 0;
    this.snapshotting = (async () => {
      // One part per turn of the event loop: serialising a city's whole child table at once froze the app for
      // seconds. The records taken above stay as they were (edits replace records), so the parts written one by one
      // still all describe the moment the manifest below records.
      const written = new Map<string, Map<number, string | null>>();
      try {
        await fs.promises.mkdir(this.tables.folder, { recursive: true });
        await this.writeParts(taken.writes, written);
        const sidecarRefs: Record<string, SidecarRef> = { ...(this.doc.sidecars ?? {}) };
        for (const c of sidecars) sidecarRefs[c.name] = await this.writeSidecar(c.name, c.capture, head.log.bytes, c.stored);
        await fsyncDirAsync(this.tables.folder);
        const refs = TableSet.refsFrom(taken.base, written);
        const db = snapshotDb<StoreDoc>(files.snapshot, files.backup, this.sealer);
        db.data = { ...head, tables: refs, sidecars: sidecarRefs };
        await db.write();
        this.doc.tables = refs;
        this.doc.sidecars = sidecarRefs;
        this.tables.adopt(refs, written, previous, [...previousSidecars, ...this.sidecarFiles(this.doc)]);
        await this.tables.removeUnnamed(!this.closing);
      } catch (err) {
        this.tables.release(taken.taken);
        throw err;
      }
    })().finally(() => {
      this.snapshotting = null;
    });
    return this.snapshotting;
  }

  /**
   * Writes the snapshot's parts, PART_WRITERS at a time: each file is made durable on its own, and one after another
   * 1,024 of them took 10-17 s at 200,000 children, the journal's fsyncs waiting behind them all that time; side by
   * side the file system commits them together. A failure stops the others taking more, and is thrown once every
   * write under way has ended (none may outlive its snapshot).
   */
  private async writeParts(writes: TableWrite[], written: Map<string, Map<number, string | null>>): Promise<void> {
    let next = 0;
    let failed: { err: unknown } | null = null;
    const writer = async () => {
      while (!failed && next < writes.length) {
        const w = writes[next++]!;
        try {
          const file = await this.tables.writePart(w);
          let parts = written.get(w.entity);
          if (!parts) written.set(w.entity, (parts = new Map()));
          parts.set(w.part, file);
        } catch (err) {
          failed ??= { err };
        }
        await nextTurn();
      }
    };
    await Promise.all(Array.from({ length: Math.min(PART_WRITERS, writes.length) }, writer));
    if (failed) throw (failed as { err: unknown }).err;
  }

  /**
   * Derived data the next snapshots keep beside the tables, so it need not be derived again from every record at the
   * next start. `capture` runs synchronously when a snapshot begins, told what is stored; null keeps the previous one
   * (with its older journal offset: readers add what changed since, see changedSince).
   */
  registerSidecar(name: string, capture: (stored: StoredSidecar | null) => SidecarCapture | null): void {
    this.sidecarOwners.set(name, capture);
  }

  /**
   * The sidecar as the opened manifest (or a later snapshot) holds it: its items, and the items added since (a later
   * one may stand for an earlier one: the owner knows which). Null when there is none or it is damaged.
   */
  readSidecar(name: string): { meta: JsonValue; items: unknown[]; adds: unknown[]; at: number } | null {
    const ref = this.sidecarRef(name);
    if (!ref) return null;
    const read = (files: string[]) => {
      const items: unknown[] = [];
      for (const file of files) {
        const stored = fs.readFileSync(path.join(this.tables.folder, file));
        const chunk = openSnapshotBuffer<unknown[]>(stored, sidecarLabel(name, file), this.sealer);
        for (const item of chunk) items.push(item);
      }
      return items;
    };
    try {
      return { meta: ref.meta, items: read(ref.files), adds: read(ref.adds ?? []), at: ref.at };
    } catch {
      // Derived data: a damaged copy is derived again by its owner, never a reason to stop.
      return null;
    }
  }

  /** Ids of the records of one type changed at or after journal offset `at`. */
  changedSince(entity: string, at: number): Set<string> {
    const out = new Set<string>();
    if (at < this.openedAt) {
      scanWithDamage(this.writer.file, at, this.sealer, {
        end: this.openedAt,
        visit: (e) => {
          if (e.op.entity === entity) out.add(e.op.id);
        },
      });
    }
    for (const [id, offset] of this.touched.get(entity) ?? []) if (offset >= at) out.add(id);
    return out;
  }

  private sidecarRef(name: string): SidecarRef | undefined {
    return this.doc.sidecars && Object.hasOwn(this.doc.sidecars, name) ? this.doc.sidecars[name] : undefined;
  }

  private captureSidecars(): { name: string; capture: SidecarCapture; stored: SidecarRef | undefined }[] {
    const out: { name: string; capture: SidecarCapture; stored: SidecarRef | undefined }[] = [];
    for (const [name, capture] of this.sidecarOwners) {
      const ref = this.sidecarRef(name);
      const c = capture(
        ref ? { at: ref.at, meta: ref.meta, rows: ref.rows ?? null, addRows: ref.addRows ?? 0, closing: this.closing } : null,
      );
      // Additions to nothing stored would stand for the whole: keep what there is (none) instead.
      if (c && !(c.append && !ref)) out.push({ name, capture: c, stored: ref });
    }
    return out;
  }

  private sidecarFiles(doc: StoreDoc): string[] {
    return Object.values(doc.sidecars ?? {}).flatMap((r) => [...r.files, ...(r.adds ?? [])]);
  }

  private async writeSidecar(name: string, capture: SidecarCapture, at: number, stored: SidecarRef | undefined): Promise<SidecarRef> {
    const files = await this.writeSidecarFiles(name, capture, capture.append ? `a${stored?.adds?.length ?? 0}-` : '');
    if (capture.append && stored) {
      return {
        ...stored,
        at,
        adds: [...(stored.adds ?? []), ...files],
        addRows: (stored.addRows ?? 0) + capture.items.length,
      };
    }
    return { files, at, meta: capture.meta, rows: capture.items.length };
  }

  /** The items in files of SIDECAR_CHUNK, each serialised SIDECAR_SLICE a turn. */
  private async writeSidecarFiles(name: string, capture: SidecarCapture, prefix: string): Promise<string[]> {
    const files: string[] = [];
    // A file is made durable while the next is serialised (up to SIDECAR_WRITING at once): one after another, a
    // city's 50 files waited on 50 fsyncs at quit. Every write has ended (or failed) before this returns.
    const writing = new Set<Promise<void>>();
    let failed: { err: unknown } | null = null;
    for (let i = 0; i < capture.items.length || i === 0; i += SIDECAR_CHUNK) {
      const end = Math.min(capture.items.length, i + SIDECAR_CHUNK);
      // The array's JSON, slice by slice: each slice's elements without its brackets, joined by commas.
      const pieces: Buffer[] = [Buffer.from('[')];
      for (let from = i; from < end; from += SIDECAR_SLICE) {
        const slice = capture.items.slice(from, Math.min(end, from + SIDECAR_SLICE));
        const json = JSON.stringify(capture.encode ? slice.map(capture.encode) : slice);
        pieces.push(Buffer.from(from === i ? json.slice(1, -1) : `,${json.slice(1, -1)}`));
        await nextTurn();
      }
      pieces.push(Buffer.from(']'));
      const plain = encodeSnapshotBody(Buffer.concat(pieces));
      const hash = (this.sealer ? this.sealer.nameFor(plain.sha256) : plain.sha256).slice(0, 16);
      const file = `sidecar-${name.replace(/[^a-zA-Z0-9_-]/g, '_')}-${prefix}${i / SIDECAR_CHUNK}-${hash}.json`;
      const target = path.join(this.tables.folder, file);
      if (!fs.existsSync(target)) {
        const done: Promise<void> = writeNewFileAsync(
          target,
          this.sealer ? this.sealer.sealFile(plain.bytes, sidecarLabel(name, file)) : plain.bytes,
        )
          .catch((err: unknown) => {
            failed ??= { err };
          })
          .finally(() => writing.delete(done));
        writing.add(done);
        if (writing.size >= SIDECAR_WRITING) await Promise.race(writing);
      }
      files.push(file);
      if (failed) break;
      await nextTurn();
    }
    await Promise.all(writing);
    if (failed) throw (failed as { err: unknown }).err;
    return files;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    if (this.snapshotting) await this.snapshotting;
    this.closing = true;
    try {
      if (this.sinceSnapshot > 0 || this.tables.hasDirty()) await this.snapshot();
    } finally {
      this.closing = false;
    }
    this.closed = true;
    this.writer.close();
    this.listeners.clear();
  }
}
