// The folded state, one set of files per entity type, loaded when first needed. A large table (a city's 50,000 to
// 200,000 children) is split by a hash of each record's id into PARTS parts, each its own file: a child's page
// reads one part, a snapshot writes only the parts that changed (eight side by side, see Store.writeParts, each
// serialised in its own turns of the event loop), and parts can let go of their lines and read them again later, so
// the table is never held whole.
// A part of a large table may be two files: a base and a delta holding only the records changed since that base, named
// together in the manifest as `base+delta` (so an older version, not knowing deltas, finds no such file and rebuilds
// the table from the journal rather than read the base alone). A snapshot writes a part's delta while it stays small
// beside its base (DELTA_SHARE), and rewrites the base, with the delta folded in, when it does not.
// Part files are named by their content hash and written before the manifest that names them, so a crash leaves
// either the old or the new set complete; files no manifest (current or backup) names are removed after the
// manifest is durable. In a sealed store each file is sealed under its entity and name (so one part cannot stand in
// for another) and its name is a keyed hash of its content (so the name confirms nothing without the key).
import fs from 'node:fs';
import path from 'node:path';
import type { Operation } from './operation';
import type { Sealer } from './sealed';
import { decodeSnapshotBuffer, SnapshotDamaged, unsealFile } from './snapshot-file';
import {
  encodeDelta,
  encodePart,
  isLinePart,
  partBody,
  TablePart,
  takenCount,
  withBase,
  type BodyLoader,
  type TakenPart,
} from './table-part';
import { setOwn, type EntityRecord, type State } from './state';
import { writeNewFileAsync } from './durable-file';

export interface TableRef {
  /** The whole table in one file: small tables, and every table written before parts existed. */
  file?: string;
  /** The table's parts (a record's part: a hash of its id modulo their number): `base` or `base+delta`; null for an
   *  empty part. */
  parts?: (string | null)[];
  count: number;
  conflicts: number;
  /** Ids of the records holding values that lost a concurrent edit, so the conflicts list needs no scan. */
  conflicted?: string[];
}

export type Table = Record<string, EntityRecord>;

/** Resolves on the next turn of the event loop (after pending I/O callbacks): long work is done a slice a turn. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What a table file is sealed under. */
export const tableLabel = (entity: string, file: string) => `table:${entity}:${file}`;

/** The files of one part's entry: its base, and its delta if it has one. */
export const entryFiles = (entry: string): string[] => entry.split('+');

/** Every file a table reference names. */
export const refFiles = (ref: TableRef): string[] =>
  ref.parts ? ref.parts.filter((f): f is string => f !== null).flatMap(entryFiles) : ref.file ? [ref.file] : [];

/** A table split into this many parts once it holds SPLIT_AT records (50,000 children: ~900 KB a part). */
export const PARTS = 128;
export const SPLIT_AT = 4096;
/**
 * Past this many records a part on average, the table is spread over eight times as many parts, up to MAX_PARTS.
 * At 200,000 children 128 parts were ~10 MB each: with more parts than memory holds, an edit may have to read its
 * part again, and a part that size took longer to read than the app may pause.
 */
export const FINER_AT = 512;
export const MAX_PARTS = 1024;
/**
 * A part's delta is written while it stays under this share of its base's bytes; past it the base is rewritten with
 * the delta folded in. Each snapshot rewrites a changed part's whole delta, so the share bounds that repeated cost,
 * and reading a part reads at most this much more.
 */
export const DELTA_SHARE = 0.25;
/** Milliseconds between removals of files no manifest names (see removeUnnamed). */
const REMOVE_GAP_MS = 2;
/**
 * Stored bytes of large-table parts kept in memory before the least recently used are let go. At 200,000 children
 * (1.2 GB of parts) 128 MB held a tenth of them, and random edits read a part again for most edits (4 ms each);
 * 256 MB measured RSS ~935 MB against the 1.2 GB goal. A city's 50,000 (~125 MB) fit either way.
 */
const DEFAULT_BUDGET = 256 * 1024 * 1024;

/** FNV-1a over the id's UTF-16 units: cheap, stable across runs and platforms. */
export function partOf(id: string, parts: number): number {
  if (parts === 1) return 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & (parts - 1);
}

function readPlain(folder: string, entity: string, file: string, sealer?: Sealer): Buffer {
  let stored: Buffer;
  try {
    stored = fs.readFileSync(path.join(folder, file));
  } catch {
    throw new SnapshotDamaged('missing', file);
  }
  try {
    // Sealed: the seal's tag proves the bytes; plaintext: the checksum inside.
    return unsealFile(stored, tableLabel(entity, file), sealer);
  } catch (err) {
    throw err instanceof SnapshotDamaged ? new SnapshotDamaged(err.reason, file) : err;
  }
}

/** A part file's lines, checked. Throws SnapshotDamaged naming the file. */
function readBody(folder: string, entity: string, file: string, sealer?: Sealer): Buffer {
  const plain = readPlain(folder, entity, file, sealer);
  try {
    return partBody(plain, !sealer);
  } catch (err) {
    throw err instanceof SnapshotDamaged ? new SnapshotDamaged(err.reason, file) : err;
  }
}

/** Whether a taken part's new delta stays small beside its base (DELTA_SHARE): its old delta, and the records changed
 *  since the base at its base's average line size. */
function deltaFits(taken: TakenPart): boolean {
  if (taken.baseCount === 0) return false;
  let fresh = 0;
  for (const id of taken.changed.keys()) if (!taken.delta.has(id)) fresh++;
  const estimate = taken.delta.raw.length + (fresh * taken.baseBytes) / taken.baseCount;
  return estimate <= taken.baseBytes * DELTA_SHARE;
}

/** Reads a part file's lines again (after the part let them go). Throws SnapshotDamaged. */
const bodyLoader = (folder: string, entity: string, file: string, sealer?: Sealer): BodyLoader => ({
  file,
  read: () => readBody(folder, entity, file, sealer),
});

/** Reads one stored part, its base and delta (or a whole table file of the older one-object form). Throws
 *  SnapshotDamaged. */
export function readPart(folder: string, entity: string, entry: string, sealer?: Sealer): TablePart {
  const [file, delta] = entryFiles(entry) as [string, string | undefined];
  const plain = readPlain(folder, entity, file, sealer);
  if (isLinePart(plain)) {
    const deltaBody = delta ? readBody(folder, entity, delta, sealer) : null;
    try {
      return TablePart.fromFile(plain, !sealer, bodyLoader(folder, entity, file, sealer), deltaBody);
    } catch (err) {
      throw err instanceof SnapshotDamaged && !err.file ? new SnapshotDamaged(err.reason, file) : err;
    }
  }
  if (delta) throw new SnapshotDamaged('json', file);
  try {
    return new TablePart(null, decodeSnapshotBuffer<Table>(plain, !sealer));
  } catch (err) {
    throw err instanceof SnapshotDamaged ? new SnapshotDamaged(err.reason, file) : err;
  }
}

/** A whole table read from its files (integrity checks). Throws SnapshotDamaged. */
export function readWholeTable(folder: string, entity: string, ref: TableRef, sealer?: Sealer): Table {
  const out: Table = {};
  const entries = ref.parts ? ref.parts.filter((f): f is string => f !== null) : ref.file ? [ref.file] : [];
  for (const file of entries) readPart(folder, entity, file, sealer).each((id, rec) => setOwn(out, id, rec));
  return out;
}

/** One entity type's records in memory: its parts, those read so far, and what changed since the last snapshot. */
class Parted {
  parts: (TablePart | undefined)[];
  files: (string | null)[];
  sizes: number[];
  readonly dirty = new Set<number>();
  /** Parts a snapshot has taken but not yet made durable: they may let go of their base, never of their changes. */
  readonly pending = new Set<number>();
  lastUse: number[];
  count: number;
  conflicted: Set<string> | null;

  constructor(ref: TableRef | undefined) {
    this.files = ref?.parts ? [...ref.parts] : ref?.file ? [ref.file] : [null];
    this.parts = this.files.map(() => undefined);
    this.sizes = this.files.map(() => 0);
    this.lastUse = this.files.map(() => 0);
    this.count = ref?.count ?? 0;
    // A reference written before the list was kept, with conflicts in it: found by reading the table once.
    this.conflicted = ref?.conflicted ? new Set(ref.conflicted) : (ref?.conflicts ?? 0) === 0 ? new Set() : null;
  }

  get k(): number {
    return this.files.length;
  }

}

/** A table as a snapshot captured it, apart from the parts it is writing. */
export interface TableBase {
  files: (string | null)[];
  count: number;
  conflicts: number;
  conflicted?: string[];
}

/** What a snapshot writes: each changed part, serialised when its turn comes, from the records as they were. */
export interface TableWrite {
  entity: string;
  part: number;
  /** Let go once written: the part's previous lines and objects need not outlive its new file. */
  taken: TakenPart | null;
  source: TablePart | null;
  /** A delta may be written (a table in parts). */
  mayDelta: boolean;
}

export class TableSet {
  private readonly tables = new Map<string, Parted>();
  private clock = 0;
  private loadedBytes = 0;
  private readonly splitAt: number;
  private readonly finerAt: number;
  private readonly budget: number;

  constructor(
    private readonly dir: string,
    private refs: Record<string, TableRef>,
    /** Called when a table file is missing or damaged: must return the table rebuilt from the journal. */
    private readonly rebuild: (entity: string, reason: SnapshotDamaged['reason'], damagedFile: string | null) => Table,
    /** Undefined: the legacy plaintext files. */
    private readonly sealer?: Sealer,
    sizing: { splitAt?: number; budget?: number; finerAt?: number } = {},
  ) {
    this.splitAt = sizing.splitAt ?? SPLIT_AT;
    this.finerAt = sizing.finerAt ?? FINER_AT;
    this.budget = sizing.budget ?? DEFAULT_BUDGET;
    for (const [entity, ref] of Object.entries(refs)) this.tables.set(entity, new Parted(ref));
  }

  static fromState(dir: string, state: State, rebuild: TableSet['rebuild'], sealer?: Sealer, sizing?: { splitAt?: number; budget?: number; finerAt?: number }): TableSet {
    const set = new TableSet(dir, {}, rebuild, sealer, sizing);
    for (const [entity, table] of Object.entries(state.entities)) {
      const t = set.parted(entity);
      t.parts[0] = new TablePart(null, table);
      t.count = Object.keys(table).length;
      t.conflicted = new Set(Object.keys(table).filter((id) => table[id]!.x?.length));
      t.dirty.add(0);
    }
    return set;
  }

  get folder(): string {
    return path.join(this.dir, 'tables');
  }

  private parted(entity: string): Parted {
    let t = this.tables.get(entity);
    if (!t) this.tables.set(entity, (t = new Parted(undefined)));
    return t;
  }

  /** One part, read from its file (or the whole table rebuilt from the journal when the file is damaged). */
  private part(entity: string, t: Parted, i: number): TablePart {
    t.lastUse[i] = ++this.clock;
    const loaded = t.parts[i];
    if (loaded) return loaded;
    const file = t.files[i];
    if (!file) return (t.parts[i] = new TablePart());
    try {
      const part = readPart(this.folder, entity, file, this.sealer);
      t.parts[i] = part;
      if (t.k > 1) {
        t.sizes[i] = part.bytes;
        this.loadedBytes += t.sizes[i]!;
        this.evict(t, i);
      }
      return part;
    } catch (err) {
      const reason = err instanceof SnapshotDamaged ? err.reason : 'missing';
      const damaged = (err instanceof SnapshotDamaged && err.file) || entryFiles(file)[0]!;
      this.replaceWhole(entity, t, this.rebuild(entity, reason, damaged));
      return t.parts[i]!;
    }
  }

  /** The whole table replaced (rebuilt from the journal): spread over the parts again, every part to be rewritten. */
  private replaceWhole(entity: string, t: Parted, table: Table): void {
    for (let i = 0; i < t.k; i++) if (t.parts[i] && t.k > 1) this.loadedBytes -= t.sizes[i]!;
    const parts: Table[] = t.files.map(() => ({}));
    const conflicted = new Set<string>();
    let count = 0;
    for (const [id, rec] of Object.entries(table)) {
      setOwn(parts[partOf(id, t.k)]!, id, rec);
      if (rec.x?.length) conflicted.add(id);
      count++;
    }
    t.parts = parts.map((p) => new TablePart(null, p));
    t.sizes = t.files.map(() => 0);
    t.count = count;
    t.conflicted = conflicted;
    for (let i = 0; i < t.k; i++) t.dirty.add(i);
    void entity;
  }

  /**
   * Until the parts in memory fit the budget, least recently used first: a part nobody changed is dropped whole; a
   * changed one lets go of its stored lines and keeps only its changed records (the snapshot reads the lines again).
   */
  private evict(t: Parted | null, keep: number): void {
    if (this.loadedBytes <= this.budget) return;
    const candidates: { t: Parted; i: number; use: number }[] = [];
    for (const other of this.tables.values()) {
      if (other.k === 1) continue;
      for (let i = 0; i < other.k; i++) {
        const part = other.parts[i];
        if (!part || (other === t && i === keep)) continue;
        if ((other.dirty.has(i) || other.pending.has(i)) && !part.holdsBase) continue;
        candidates.push({ t: other, i, use: other.lastUse[i]! });
      }
    }
    candidates.sort((a, b) => a.use - b.use);
    for (const c of candidates) {
      if (this.loadedBytes <= this.budget * 0.75) break;
      const part = c.t.parts[c.i]!;
      // A part being written by the snapshot under way holds changes not yet durable: like a changed part, it keeps
      // them (edits during a snapshot of every part used to read each part again and hold it, ~1 GB at 200,000).
      if (c.t.dirty.has(c.i) || c.t.pending.has(c.i)) {
        if (!part.dropBase()) continue;
      } else c.t.parts[c.i] = undefined;
      this.loadedBytes -= c.t.sizes[c.i]!;
      c.t.sizes[c.i] = c.t.parts[c.i] ? part.bytes : 0;
      this.loadedBytes += c.t.sizes[c.i]!;
    }
  }

  /** The record, reading only the part that holds it. */
  get(entity: string, id: string): EntityRecord | undefined {
    const t = this.tables.get(entity);
    if (!t) return undefined;
    const i = partOf(id, t.k);
    const part = this.part(entity, t, i);
    const held = part.holdsBase;
    const rec = part.get(id);
    if (!held && part.holdsBase) this.recount(t, i);
    return rec;
  }

  /** A part read its let-go lines again: they count toward the budget once more. */
  private recount(t: Parted, i: number): void {
    if (t.k === 1) return;
    const part = t.parts[i]!;
    this.loadedBytes += part.bytes - t.sizes[i]!;
    t.sizes[i] = part.bytes;
    this.evict(t, i);
  }

  /** Folds one operation into its record's part. */
  apply(op: Operation, offset: number): void {
    const t = this.parted(op.entity);
    const i = partOf(op.id, t.k);
    const part = this.part(op.entity, t, i);
    const held = part.holdsBase;
    if (part.apply(op, offset)) t.count++;
    if (!held && part.holdsBase) this.recount(t, i);
    t.dirty.add(i);
    if (t.conflicted) {
      if (part.get(op.id)!.x?.length) t.conflicted.add(op.id);
      else t.conflicted.delete(op.id);
    }
  }

  /** Visits every record, part by part; parts read only for this may be dropped again afterwards. */
  each(entity: string, visit: (id: string, record: EntityRecord) => void): void {
    const t = this.tables.get(entity);
    if (!t) return;
    for (let i = 0; i < t.k; i++) {
      const part = this.part(entity, t, i);
      const held = part.holdsBase;
      part.each(visit);
      if (!held) this.recount(t, i);
    }
  }

  /**
   * The whole table as one object. A table in one part is that part itself (it follows later edits); a table in
   * several parts is gathered into a new object, so use each() for large tables.
   */
  ensure(entity: string): Table {
    const t = this.parted(entity);
    if (t.k === 1) return this.part(entity, t, 0).whole();
    const out: Table = {};
    this.each(entity, (id, rec) => setOwn(out, id, rec));
    return out;
  }

  /** Every table whole (integrity checks, migrations). */
  ensureAll(): State {
    const state: State = { entities: {} };
    for (const entity of this.names()) state.entities[entity] = this.ensure(entity);
    return state;
  }

  /** Reads the tables whose files are small, so damage to them is found at open. */
  ensureSmall(maxBytes: number): void {
    for (const [entity, t] of this.tables) {
      if (t.k > 1) continue;
      const file = t.files[0];
      let size = 0;
      if (file) {
        try {
          size = fs.statSync(path.join(this.folder, file)).size;
        } catch {
          size = 0; // missing: reading it now reports and rebuilds it
        }
      }
      if (size <= maxBytes) this.part(entity, t, 0);
    }
  }

  hasDirty(): boolean {
    for (const t of this.tables.values()) if (t.dirty.size) return true;
    return false;
  }

  /** Stored bytes of large-table parts in memory (tests). */
  get bytesInMemory(): number {
    return this.loadedBytes;
  }

  /**
   * What the parts changed since the last snapshot hold that they cannot let go until it is written (their changed
   * records, lines with no file behind them): a snapshot is due when it crowds the budget. Not their stored lines,
   * which they let go when memory is short: counting those started a snapshot every 1,500 random edits at 200,000
   * children, each writing most parts again, where every 5,000 writes each part once.
   */
  dirtyPressure(): boolean {
    let bytes = 0;
    for (const t of this.tables.values()) {
      if (t.k === 1) continue;
      for (const i of t.dirty) bytes += t.parts[i]?.pinnedBytes ?? 0;
    }
    return bytes > this.budget / 2;
  }

  names(): string[] {
    return [...this.tables.keys()];
  }

  count(entity: string): number {
    return this.tables.get(entity)?.count ?? 0;
  }

  conflictCount(): number {
    let n = 0;
    for (const entity of this.names()) n += this.conflictedIds(entity).length;
    return n;
  }

  /** Ids of the records of one type that hold conflict losers. */
  conflictedIds(entity: string): string[] {
    const t = this.tables.get(entity);
    if (!t) return [];
    if (!t.conflicted) {
      const found = new Set<string>();
      this.each(entity, (id, rec) => {
        if (rec.x?.length) found.add(id);
      });
      t.conflicted = found;
    }
    return [...t.conflicted];
  }

  /**
   * Takes, synchronously, what the next snapshot writes: each changed part's records as they are now (records are
   * replaced, not changed, by later edits) and every table's reference apart from its files. A table that has grown
   * past SPLIT_AT is split into parts here (read whole once).
   */
  capture(): { writes: TableWrite[]; taken: Map<string, Set<number>>; base: Map<string, TableBase> } {
    const writes: TableWrite[] = [];
    const taken = new Map<string, Set<number>>();
    const base = new Map<string, TableBase>();
    for (const [entity, t] of this.tables) {
      if (t.k === 1 && t.count >= this.splitAt) this.split(entity, t);
      else if (t.k > 1 && t.k < MAX_PARTS && t.count > t.k * this.finerAt) this.spreadFiner(entity, t);
      // A type only asked about (an empty table read) is not a table of the snapshot.
      if (t.count === 0 && !t.dirty.size && t.files.every((f) => f === null)) continue;
      const conflicted = t.conflicted ? [...t.conflicted] : undefined;
      base.set(entity, {
        files: [...t.files],
        count: t.count,
        conflicts: conflicted?.length ?? this.refs[entity]?.conflicts ?? 0,
        conflicted,
      });
      if (!t.dirty.size) continue;
      const parts = new Set<number>();
      for (const i of t.dirty) {
        const part = t.parts[i];
        if (!part) continue;
        writes.push({ entity, part: i, taken: part.take(), source: part, mayDelta: t.k > 1 });
        parts.add(i);
        t.pending.add(i);
      }
      t.dirty.clear();
      taken.set(entity, parts);
    }
    return { writes, taken, base };
  }

  private split(entity: string, t: Parted): void {
    const whole = this.part(entity, t, 0).whole();
    // A table that grew large before its first snapshot (an import, a first bundle) gets its final number of parts
    // at once.
    let k = PARTS;
    while (k < MAX_PARTS && t.count > k * this.finerAt) k *= 8;
    t.files = new Array<string | null>(k).fill(null);
    t.parts = t.files.map(() => undefined);
    t.sizes = t.files.map(() => 0);
    t.lastUse = t.files.map(() => 0);
    t.dirty.clear();
    this.replaceWhole(entity, t, whole);
  }

  /**
   * The table over eight times as many parts: stored lines are copied to their new parts as they are, only records
   * changed since the last snapshot are serialised. Every new part is written by the snapshot under way. Once per
   * table (past 65,536 records): it reads every part, so the app pauses for it.
   */
  private spreadFiner(entity: string, t: Parted): void {
    let k = t.k * 8;
    while (k < MAX_PARTS && t.count > k * this.finerAt) k *= 8;
    k = Math.min(MAX_PARTS, k);
    const lines: Buffer[][] = Array.from({ length: k }, () => []);
    const records: Table[] = Array.from({ length: k }, () => ({}));
    for (let i = 0; i < t.k; i++) {
      this.part(entity, t, i).spill((id, line, record) => {
        const j = partOf(id, k);
        if (line) lines[j]!.push(line);
        else setOwn(records[j]!, id, record!);
      });
      // Let go part by part: the old parts are not needed once spilled.
      t.parts[i] = undefined;
      this.loadedBytes -= t.sizes[i]!;
      t.sizes[i] = 0;
    }
    t.files = new Array<string | null>(k).fill(null);
    t.parts = lines.map((l, j) => new TablePart(Buffer.concat(l), records[j]));
    t.sizes = t.parts.map(() => 0);
    t.lastUse = t.files.map(() => 0);
    t.dirty.clear();
    for (let j = 0; j < k; j++) t.dirty.add(j);
  }

  /**
   * Serialises and writes one part durably; returns its entry (`base` or `base+delta`; null: the part is empty). Its
   * lines read again (if the part let them go and its base is rewritten), the encoding, and the sealing and writing
   * each take their own turn of the event loop: at 200,000 children a part is ~1.2 MB, and all three in one turn
   * stalled the app.
   */
  async writePart(w: TableWrite): Promise<string | null> {
    const source = w.source!;
    let taken = w.taken!;
    w.taken = null;
    w.source = null;
    // Over the file the part's lines are from (a failed snapshot may have written a newer one than the manifest's).
    const asDelta = w.mayDelta && taken.baseFile !== null && deltaFits(taken);
    if (!asDelta) {
      if (taken.reload) {
        taken = withBase(taken);
        await nextTurn();
      }
      if (takenCount(taken) === 0) return null;
    }
    const plain = asDelta ? encodeDelta(taken) : encodePart(taken);
    await nextTurn();
    const hash = (this.sealer ? this.sealer.nameFor(plain.sha256) : plain.sha256).slice(0, 16);
    const safe = w.entity.replace(/[^a-zA-Z0-9_-]/g, '_');
    const file = `${safe}-${w.part}-${asDelta ? 'd' : ''}${hash}.json`;
    const target = path.join(this.folder, file);
    // Same content, same name: already there.
    if (!fs.existsSync(target)) {
      await writeNewFileAsync(target, this.sealer ? this.sealer.sealFile(plain.bytes, tableLabel(w.entity, file)) : plain.bytes);
    }
    const baseFile = asDelta ? taken.baseFile! : file;
    // The part in memory now reads from these lines; what it parsed before is let go (unless rebuilt meanwhile).
    const t = this.tables.get(w.entity);
    if (t && t.parts[w.part] === source) {
      const renewed = source.renewed(plain.body, taken, bodyLoader(this.folder, w.entity, baseFile, this.sealer), asDelta);
      t.parts[w.part] = renewed;
      // Still pending (adopt counts it): when memory is short, only what changed since the capture is kept.
      if (t.k > 1 && this.loadedBytes > this.budget) renewed.dropBase();
    }
    return asDelta ? `${baseFile}+${file}` : file;
  }

  /** The references a manifest names: the tables as captured, with the taken parts written as `written`. */
  static refsFrom(base: Map<string, TableBase>, written: Map<string, Map<number, string | null>>): Record<string, TableRef> {
    const refs: Record<string, TableRef> = {};
    for (const [entity, b] of base) {
      const files = [...b.files];
      for (const [i, f] of written.get(entity) ?? []) files[i] = f;
      const ref: TableRef = { count: b.count, conflicts: b.conflicts };
      if (files.length > 1) ref.parts = files;
      else if (files[0]) ref.file = files[0];
      if (b.conflicted) ref.conflicted = b.conflicted;
      refs[entity] = ref;
    }
    return refs;
  }

  /** After the manifest naming `refs` is durable: the written parts are clean; files neither names are to be removed
   *  (removeUnnamed). */
  adopt(
    refs: Record<string, TableRef>,
    written: Map<string, Map<number, string | null>>,
    backupRefs: Record<string, TableRef>,
    /** Other files the two manifests name in the folder (sidecars). */
    alsoKeep: string[] = [],
  ): void {
    this.refs = refs;
    for (const [entity, parts] of written) {
      const t = this.tables.get(entity)!;
      for (const [i, f] of parts) {
        t.files[i] = f;
        t.pending.delete(i);
        const part = t.parts[i];
        if (t.k > 1 && part) {
          // Its size now counts toward the budget of clean parts that may be dropped.
          this.loadedBytes += part.bytes - (t.sizes[i] ?? 0);
          t.sizes[i] = part.bytes;
        }
      }
    }
    this.keep = new Set([...[...Object.values(refs), ...Object.values(backupRefs)].flatMap(refFiles), ...alsoKeep]);
    this.evict(null, -1);
  }

  private keep = new Set<string>();

  /** Removes the files neither manifest names, one at a time without holding the event loop (128 parts a table). */
  async removeUnnamed(paced = true): Promise<void> {
    const keep = this.keep;
    let names: string[];
    try {
      names = await fs.promises.readdir(this.folder);
    } catch {
      return;
    }
    for (const f of names) {
      if (keep.has(f) || f.endsWith('.tmp')) continue;
      await fs.promises.rm(path.join(this.folder, f), { force: true });
      // Paced: a thousand removals at once make one large file-system transaction, and the journal's next fsync
      // waited 130-170 ms for it to commit (200,000 children, random edits: every part's old delta removed).
      // (Not when closing: no edit waits on the journal then.)
      if (paced) await new Promise<void>((resolve) => setTimeout(resolve, REMOVE_GAP_MS));
    }
  }

  /** A snapshot that failed: what it took is changed again, to be written by the next one. */
  release(taken: Map<string, Set<number>>): void {
    for (const [entity, parts] of taken) {
      const t = this.tables.get(entity);
      if (!t) continue;
      for (const i of parts) {
        t.pending.delete(i);
        t.dirty.add(i);
      }
    }
  }

  currentRefs(): Record<string, TableRef> {
    return { ...this.refs };
  }
}
