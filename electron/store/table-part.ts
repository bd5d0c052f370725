// One part of a table in memory. Its files are one line per record (`"id"\t{record}\n`): a base file, and for a part
// of a large table possibly a delta file holding the records changed since that base (issue 13: at 200,000 children
// a snapshot after a few thousand random edits rewrote every part, 1.2 GB, and the disk's queue stalled the journal's
// fsyncs behind it; a delta writes only what changed). A record is parsed only when someone reads it. Records never
// read stay as the files' bytes, and a snapshot copies those bytes as they are; only records changed in this run are
// serialised again.
import crypto from 'node:crypto';
import { applyToTable } from './fold';
import type { Operation } from './operation';
import { SnapshotDamaged } from './snapshot-file';
import { ownValue, setOwn, type EntityRecord } from './state';

export type Table = Record<string, EntityRecord>;

/** The first bytes of a part file; the rest of the first line is the body's SHA-256 (hex). */
const MAGIC = 'GPART1 ';
const HEAD = MAGIC.length + 64 + 1;

function hasBackslash(raw: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (raw[i] === 0x5c) return true;
  return false;
}

/** A file's lines by id: where each line ends and where its record begins. Never altered once read. */
export class Lines {
  static readonly EMPTY = new Lines(Buffer.alloc(0));
  readonly slotOf = new Map<string, number>();
  private readonly lineStart: Int32Array;
  private readonly lineEnd: Int32Array;
  private readonly recordStart: Int32Array;

  constructor(readonly raw: Buffer) {
    const starts: number[] = [];
    const ends: number[] = [];
    const records: number[] = [];
    let at = 0;
    while (at < raw.length) {
      const nl = raw.indexOf(0x0a, at);
      if (nl < 0) throw new SnapshotDamaged('truncated');
      const tab = raw.indexOf(0x09, at);
      if (tab < 0 || tab > nl) throw new SnapshotDamaged('json');
      let id: unknown;
      // Ids are plain strings almost always: one without a backslash is read between its quotes, no JSON parse.
      if (raw[at] === 0x22 && raw[tab - 1] === 0x22 && tab - at >= 2 && !hasBackslash(raw, at, tab)) {
        id = raw.toString('utf8', at + 1, tab - 1);
      } else {
        try {
          id = JSON.parse(raw.toString('utf8', at, tab));
        } catch {
          throw new SnapshotDamaged('json');
        }
      }
      if (typeof id !== 'string') throw new SnapshotDamaged('json');
      this.slotOf.set(id, starts.length);
      starts.push(at);
      ends.push(nl);
      records.push(tab + 1);
      at = nl + 1;
    }
    this.lineStart = Int32Array.from(starts);
    this.lineEnd = Int32Array.from(ends);
    this.recordStart = Int32Array.from(records);
  }

  get size(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  record(slot: number): EntityRecord {
    try {
      return JSON.parse(this.raw.toString('utf8', this.recordStart[slot]!, this.lineEnd[slot]!)) as EntityRecord;
    } catch {
      // The file's checksum (or seal) held: bytes that do not parse were written wrong, not damaged since.
      throw new SnapshotDamaged('json');
    }
  }

  /** The record stored for `id`, parsed now; undefined when this file holds none. */
  recordOf(id: string): EntityRecord | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.record(slot);
  }

  /** The stored line, its newline included. */
  line(slot: number): Buffer {
    return this.raw.subarray(this.lineStart[slot]!, this.lineEnd[slot]! + 1);
  }

  lineOf(id: string): Buffer | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.line(slot);
  }
}

/**
 * A part as a snapshot takes it, in time proportional to what changed: the stored lines (never altered once read)
 * and the records changed or added in this run, by reference (edits replace records, never alter them).
 */
export interface TakenPart {
  /** The base file's lines; null when they were let go (read them again with `reload`). */
  base: Lines | null;
  delta: Lines;
  /** Records changed in this run, and records with no stored line (`added`). */
  changed: Map<string, EntityRecord>;
  /** Ids in neither file, in the order they came. */
  added: string[];
  reload: (() => Buffer) | null;
  /** The file the base lines are from (a delta is written over it); null when they are from no file yet (a full
   *  write). Not the manifest's entry: after a failed snapshot the part's lines may be a newer file's. */
  baseFile: string | null;
  /** The base file's body: its bytes and lines (known even when let go), to weigh a delta against rewriting it. */
  baseBytes: number;
  baseCount: number;
}

/** A part's base file, and how to read its body (the lines after the head) again. `read` throws SnapshotDamaged. */
export interface BodyLoader {
  file: string;
  read: () => Buffer;
}

export class TablePart {
  /** Records parsed or changed in this run (own properties). */
  readonly parsed: Table = {};
  /** Ids changed in this run: their stored lines are out of date. */
  private readonly changed = new Set<string>();
  /** Ids with no stored line in either file (new in this run, or the part was read whole), in the order they came. */
  private readonly added = new Set<string>();
  /** Replaced, never altered: a snapshot under way holds the previous ones. */
  private base: Lines;
  private readonly delta: Lines;
  /** The base's lines were let go (dropBase): read again from the file when next needed. The delta is kept. */
  private dropped = false;
  private baseBytes: number;
  private baseCount: number;
  /** Records held only as objects from the start (no stored line): counted toward the memory they take. */
  private readonly loose: number;

  constructor(
    raw: Buffer | null = null,
    records?: Table,
    /** Reads the base's lines again after dropBase (null: this part cannot let them go). */
    private readonly load: BodyLoader | null = null,
    delta: Buffer | null = null,
  ) {
    this.base = raw ? new Lines(raw) : Lines.EMPTY;
    this.delta = delta ? new Lines(delta) : Lines.EMPTY;
    this.baseBytes = this.base.raw.length;
    this.baseCount = this.base.size;
    // A table read whole (the older one-object file, or rebuilt from the journal): every record already parsed.
    if (records) {
      for (const id of Object.keys(records)) {
        setOwn(this.parsed, id, records[id]!);
        this.added.add(id);
      }
    }
    this.loose = records ? Object.keys(records).length : 0;
  }

  /** A part from its files' bytes (already unsealed; the delta's body already checked). Throws SnapshotDamaged. */
  static fromFile(plain: Buffer, verify: boolean, load: BodyLoader | null = null, delta: Buffer | null = null): TablePart {
    return new TablePart(partBody(plain, verify), undefined, load, delta);
  }

  /** A part whose base stays on disk until asked for (after a delta was written for a part that had let it go). */
  private static unloaded(taken: TakenPart, load: BodyLoader, delta: Buffer): TablePart {
    const part = new TablePart(null, undefined, load, delta);
    part.dropped = true;
    part.baseBytes = taken.baseBytes;
    part.baseCount = taken.baseCount;
    return part;
  }

  /**
   * Lets go of the base's lines and of the records only read from the files, keeping the records changed in this run
   * (issue 13: at 200,000 children a few thousand edits touch every part, and holding each touched part's lines
   * until the next snapshot held the whole table). They are read again from the file when next needed.
   */
  dropBase(): boolean {
    if (this.dropped || this.base.raw.length === 0 || !this.load) return false;
    for (const id of Object.keys(this.parsed)) if (!this.changed.has(id)) delete this.parsed[id];
    this.base = Lines.EMPTY;
    this.dropped = true;
    return true;
  }

  /** Whether the base's lines are in memory (or there are none). */
  get holdsBase(): boolean {
    return !this.dropped;
  }

  private ensureBase(): void {
    if (!this.dropped) return;
    this.base = new Lines(this.load!.read());
    this.dropped = false;
  }

  /** Bytes held for this part (its stored lines, and a rough size for the records parsed). */
  get bytes(): number {
    return this.base.raw.length + this.delta.raw.length + (this.changed.size + this.loose) * 3000;
  }

  /** Bytes held that cannot be let go before the next snapshot: the changed records (a rough size), the delta
   *  (kept when the base is let go), and the base when it has no file to be read from again. */
  get pinnedBytes(): number {
    return (this.changed.size + this.loose) * 3000 + this.delta.raw.length + (this.load ? 0 : this.base.raw.length);
  }

  get(id: string): EntityRecord | undefined {
    const hit = ownValue(this.parsed, id);
    if (hit) return hit;
    // A record changed since the base is read from the delta, without the base.
    let rec = this.delta.recordOf(id);
    if (!rec) {
      this.ensureBase();
      rec = this.base.recordOf(id);
    }
    return rec ? setOwn(this.parsed, id, rec) : undefined;
  }

  /** Folds one operation into its record; true when the record is new. */
  apply(op: Operation, offset: number): boolean {
    // A record changed before in this run is in `parsed` and already placed (stored line or added).
    if (!this.changed.has(op.id)) {
      this.get(op.id);
      this.changed.add(op.id);
      if (!this.delta.has(op.id)) {
        this.ensureBase();
        if (!this.base.has(op.id)) this.added.add(op.id);
      }
    }
    return applyToTable(this.parsed, op, offset);
  }

  /** The record for a stored id, without keeping what was parsed: changed, else the delta's, else the base's. */
  private current(id: string): EntityRecord {
    return ownValue(this.parsed, id) ?? this.delta.recordOf(id) ?? this.base.recordOf(id)!;
  }

  /** Every record; those not parsed yet are parsed for the visit and not kept. */
  each(visit: (id: string, record: EntityRecord) => void): void {
    this.ensureBase();
    for (const id of this.base.slotOf.keys()) visit(id, this.current(id));
    for (const id of this.delta.slotOf.keys()) if (!this.base.has(id)) visit(id, this.current(id));
    for (const id of this.added) visit(id, this.parsed[id]!);
  }

  /** Every record parsed and kept (a small table read whole): the live object, following later edits. */
  whole(): Table {
    this.ensureBase();
    for (const lines of [this.delta, this.base]) {
      for (const id of lines.slotOf.keys()) if (!Object.hasOwn(this.parsed, id)) setOwn(this.parsed, id, lines.recordOf(id)!);
    }
    return this.parsed;
  }

  /**
   * This part again, its stored lines now the ones just written for `taken` (`written` is a new base, or a new delta
   * over the same base): the records parsed or changed before that moment are let go (read again from the lines when
   * asked), those changed since are carried over. Without it every record a session touched would stay parsed, and a
   * day of edits would hold the whole table as objects.
   */
  renewed(written: Buffer, taken: TakenPart, load: BodyLoader | null, asDelta: boolean): TablePart {
    let fresh: TablePart;
    if (!asDelta) fresh = new TablePart(written, undefined, load);
    else if (taken.base) fresh = new TablePart(taken.base.raw, undefined, load, written);
    else fresh = TablePart.unloaded(taken, load!, written);
    for (const id of this.changed) {
      const now = this.parsed[id]!;
      if (now === taken.changed.get(id)) continue;
      setOwn(fresh.parsed, id, now);
      fresh.changed.add(id);
      // Not in the files just written nor in the ones before: new since the capture.
      if (this.added.has(id) && !taken.changed.has(id)) fresh.added.add(id);
    }
    return fresh;
  }

  /**
   * Every record as its stored line (bytes, newline included) when unchanged, else as the record: for spreading a
   * table over more parts without parsing what did not change.
   */
  spill(visit: (id: string, line: Buffer | null, record: EntityRecord | null) => void): void {
    this.ensureBase();
    const stored = (id: string) => {
      if (this.changed.has(id)) visit(id, null, this.parsed[id]!);
      else visit(id, this.delta.lineOf(id) ?? this.base.lineOf(id)!, null);
    };
    for (const id of this.base.slotOf.keys()) stored(id);
    for (const id of this.delta.slotOf.keys()) if (!this.base.has(id)) stored(id);
    for (const id of this.added) visit(id, null, this.parsed[id]!);
  }

  /** What a snapshot writes, as it is now: stored lines by position, changed records by reference. */
  take(): TakenPart {
    const changed = new Map<string, EntityRecord>();
    for (const id of this.changed) changed.set(id, this.parsed[id]!);
    for (const id of this.added) if (!changed.has(id)) changed.set(id, this.parsed[id]!);
    return {
      base: this.dropped ? null : this.base,
      delta: this.delta,
      changed,
      added: [...this.added],
      reload: this.dropped ? this.load!.read : null,
      baseFile: this.load?.file ?? null,
      baseBytes: this.dropped ? this.baseBytes : this.base.raw.length,
      baseCount: this.dropped ? this.baseCount : this.base.size,
    };
  }
}

/** The body (the lines) of a part file's bytes (already unsealed), its checksum checked when `verify`. Throws
 *  SnapshotDamaged. */
export function partBody(plain: Buffer, verify: boolean): Buffer {
  if (plain.length === 0) throw new SnapshotDamaged('empty');
  if (plain.length < HEAD || plain.toString('latin1', 0, MAGIC.length) !== MAGIC) {
    // A table file from before parts were lines: one JSON object, parsed whole.
    throw new SnapshotDamaged('json');
  }
  if (plain[HEAD - 1] !== 0x0a) throw new SnapshotDamaged('truncated');
  const body = plain.subarray(HEAD);
  if (body.length && body[body.length - 1] !== 0x0a) throw new SnapshotDamaged('truncated');
  if (verify && crypto.createHash('sha256').update(body).digest('hex') !== plain.toString('latin1', MAGIC.length, HEAD - 1)) {
    throw new SnapshotDamaged('checksum');
  }
  return body;
}

/** A taken part whose base lines were let go, with them read again (the writing snapshot's turn). */
export function withBase(taken: TakenPart): TakenPart {
  if (!taken.reload) return taken;
  return { ...taken, base: new Lines(taken.reload()), reload: null };
}

/** Gathers lines (copied bytes, or records serialised now) into a part file's content and its checksum. */
class PartWriter {
  private readonly pieces: Buffer[] = [];
  private text = '';

  copy(line: Buffer): void {
    this.flush();
    this.pieces.push(line);
  }

  record(id: string, rec: EntityRecord): void {
    this.text += `${JSON.stringify(id)}\t${JSON.stringify(rec)}\n`;
    if (this.text.length > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.text) this.pieces.push(Buffer.from(this.text));
    this.text = '';
  }

  done(): { bytes: Buffer; sha256: string; body: Buffer } {
    this.flush();
    const body = Buffer.concat(this.pieces);
    const sha256 = crypto.createHash('sha256').update(body).digest('hex');
    const bytes = Buffer.concat([Buffer.from(`${MAGIC}${sha256}\n`), body]);
    return { bytes, sha256, body: bytes.subarray(HEAD) };
  }
}

/** The records a taken part holds, in all (base + delta + changed + added). */
export const takenCount = (taken: TakenPart): number => {
  let n = taken.baseCount + taken.added.length;
  for (const id of taken.delta.slotOf.keys()) if (!(taken.base ?? Lines.EMPTY).has(id)) n++;
  return n;
};

/** A taken part as a new base file (its base lines read again first: withBase). Unchanged records are copied byte
 *  for byte. */
export function encodePart(taken: TakenPart): { bytes: Buffer; sha256: string; body: Buffer } {
  const base = taken.base!;
  const out = new PartWriter();
  const stored = (id: string, own: Buffer) => {
    const rec = taken.changed.get(id);
    if (rec) out.record(id, rec);
    else out.copy(taken.delta.lineOf(id) ?? own);
  };
  for (const [id, slot] of base.slotOf) stored(id, base.line(slot));
  for (const [id, slot] of taken.delta.slotOf) if (!base.has(id)) stored(id, taken.delta.line(slot));
  for (const id of taken.added) out.record(id, taken.changed.get(id)!);
  return out.done();
}

/** A taken part's new delta over its base: the old delta's records (changed ones serialised again), then every
 *  other record changed or added since the base. Needs no base lines. */
export function encodeDelta(taken: TakenPart): { bytes: Buffer; sha256: string; body: Buffer } {
  const out = new PartWriter();
  for (const [id, slot] of taken.delta.slotOf) {
    const rec = taken.changed.get(id);
    if (rec) out.record(id, rec);
    else out.copy(taken.delta.line(slot));
  }
  for (const [id, rec] of taken.changed) if (!taken.delta.has(id)) out.record(id, rec);
  return out.done();
}

/** Whether a file's bytes are a part in lines (else the older one-object form). */
export const isLinePart = (plain: Buffer): boolean => plain.length >= MAGIC.length && plain.toString('latin1', 0, MAGIC.length) === MAGIC;
