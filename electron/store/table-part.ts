// One part of a table in memory. Its file is one line per record (`"id"\t{record}\n`), and a record is parsed only
// when someone reads it: opening after a crash folds a few thousand operations into a city's 50,000 children, and
// parsing every record to change a few was most of that start. Records never read stay as the file's bytes, and a
// snapshot copies those bytes as they are; only records changed in this run are serialised again.
import crypto from 'node:crypto';
import { applyToTable } from './fold';
import type { Operation } from './operation';
import { SnapshotDamaged } from './snapshot-file';
import { ownValue, setOwn, type EntityRecord } from './state';

export type Table = Record<string, EntityRecord>;

/** The first bytes of a part file; the rest of the first line is the body's SHA-256 (hex). */
const MAGIC = 'GPART1 ';
const HEAD = MAGIC.length + 64 + 1;

/**
 * A part as a snapshot takes it, in time proportional to what changed: the stored lines (never altered once read)
 * and the records changed or added in this run, by reference (edits replace records, never alter them).
 */
export interface TakenPart {
  raw: Buffer | null;
  lines: ReadonlyMap<string, number>;
  lineStart: Int32Array;
  lineEnd: Int32Array;
  changed: Map<string, EntityRecord>;
  added: string[];
  /** The stored lines were let go to save memory: read them again from the part's file when writing. */
  reload: (() => Buffer) | null;
}

/** Reads a part's stored body (the lines after the head) again from its file. Throws SnapshotDamaged. */
export type BodyLoader = () => Buffer;

function hasBackslash(raw: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (raw[i] === 0x5c) return true;
  return false;
}

export class TablePart {
  /** Records parsed or changed in this run (own properties). */
  readonly parsed: Table = {};
  /** Ids changed in this run: their stored lines are out of date. */
  private readonly changed = new Set<string>();
  /** Ids with no stored line (new in this run, or the part was read whole), in the order they came. */
  private readonly added = new Set<string>();
  /** Stored lines: id → slot in lineStart / lineEnd (the line without its newline). Replaced, never cleared: a
   *  snapshot under way holds the previous one. */
  private slotOf = new Map<string, number>();
  private lineStart = new Int32Array(0);
  private lineEnd = new Int32Array(0);
  /** Where each record's JSON begins within its line. */
  private recordStart = new Int32Array(0);

  /** The stored lines were let go (dropBase): they are read again from the file when next needed. */
  private dropped = false;

  constructor(
    private raw: Buffer | null = null,
    records?: Table,
    /** Reads the stored lines again after dropBase (null: this part cannot let them go). */
    private readonly load: BodyLoader | null = null,
  ) {
    if (raw) this.index(raw);
    // A table read whole (the older one-object file, or rebuilt from the journal): every record already parsed.
    if (records) {
      for (const id of Object.keys(records)) {
        setOwn(this.parsed, id, records[id]!);
        this.added.add(id);
      }
    }
    this.loose = records ? Object.keys(records).length : 0;
  }

  /** Records held only as objects from the start (no stored line): counted toward the memory they take. */
  private readonly loose: number;

  /** A part from its file's bytes (already unsealed). Throws SnapshotDamaged. */
  static fromFile(plain: Buffer, verify: boolean, load: BodyLoader | null = null): TablePart {
    return new TablePart(partBody(plain, verify), undefined, load);
  }

  /**
   * Lets go of the stored lines and of the records only read from them, keeping the records changed in this run
   * (issue 13: at 200,000 children a few thousand edits touch every part, and holding each touched part's lines
   * until the next snapshot held the whole table). They are read again from the file when next needed.
   */
  dropBase(): boolean {
    if (!this.raw || !this.load) return false;
    for (const id of Object.keys(this.parsed)) if (!this.changed.has(id)) delete this.parsed[id];
    this.raw = null;
    this.slotOf = new Map();
    this.lineStart = new Int32Array(0);
    this.lineEnd = new Int32Array(0);
    this.recordStart = new Int32Array(0);
    this.dropped = true;
    return true;
  }

  /** Whether the stored lines are in memory (or there are none). */
  get holdsBase(): boolean {
    return !this.dropped;
  }

  private ensureBase(): void {
    if (!this.dropped) return;
    const body = this.load!();
    this.dropped = false;
    this.raw = body;
    this.index(body);
  }

  private index(raw: Buffer): void {
    this.slotOf = new Map();
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

  /** Bytes held for this part (its stored lines, and a rough size for the records parsed). */
  get bytes(): number {
    return (this.raw?.length ?? 0) + (this.changed.size + this.loose) * 3000;
  }


  private parseSlot(slot: number): EntityRecord {
    try {
      return JSON.parse(this.raw!.toString('utf8', this.recordStart[slot]!, this.lineEnd[slot]!)) as EntityRecord;
    } catch {
      // The file's checksum (or seal) held: bytes that do not parse were written wrong, not damaged since.
      throw new SnapshotDamaged('json');
    }
  }

  get(id: string): EntityRecord | undefined {
    const hit = ownValue(this.parsed, id);
    if (hit) return hit;
    this.ensureBase();
    const slot = this.slotOf.get(id);
    if (slot === undefined) return undefined;
    return setOwn(this.parsed, id, this.parseSlot(slot));
  }

  /** Folds one operation into its record; true when the record is new. */
  apply(op: Operation, offset: number): boolean {
    // A record changed before in this run is in `parsed` and already placed (stored line or added): no need for the
    // stored lines, which may have been let go.
    if (!this.changed.has(op.id)) {
      this.get(op.id);
      this.ensureBase();
      this.changed.add(op.id);
      if (!this.slotOf.has(op.id)) this.added.add(op.id);
    }
    return applyToTable(this.parsed, op, offset);
  }

  /** Every record; those not parsed yet are parsed for the visit and not kept. */
  each(visit: (id: string, record: EntityRecord) => void): void {
    this.ensureBase();
    for (const [id, slot] of this.slotOf) visit(id, ownValue(this.parsed, id) ?? this.parseSlot(slot));
    for (const id of this.added) visit(id, this.parsed[id]!);
  }

  /** Every record parsed and kept (a small table read whole): the live object, following later edits. */
  whole(): Table {
    this.ensureBase();
    for (const [id, slot] of this.slotOf) if (!Object.hasOwn(this.parsed, id)) setOwn(this.parsed, id, this.parseSlot(slot));
    return this.parsed;
  }

  /**
   * This part again, its stored lines now the ones just written for `taken`: the records parsed or changed before
   * that moment are let go (read again from the lines when asked), those changed since are carried over. Without it
   * every record a session touched would stay parsed, and a day of edits would hold the whole table as objects.
   */
  renewed(body: Buffer, taken: TakenPart, load: BodyLoader | null): TablePart {
    const fresh = new TablePart(body, undefined, load);
    for (const id of this.changed) {
      const now = this.parsed[id]!;
      if (now === taken.changed.get(id)) continue;
      setOwn(fresh.parsed, id, now);
      fresh.changed.add(id);
      if (!fresh.slotOf.has(id)) fresh.added.add(id);
    }
    return fresh;
  }

  /**
   * Every record as its stored line (bytes, newline included) when unchanged, else as the record: for spreading a
   * table over more parts without parsing what did not change.
   */
  spill(visit: (id: string, line: Buffer | null, record: EntityRecord | null) => void): void {
    this.ensureBase();
    for (const [id, slot] of this.slotOf) {
      if (this.changed.has(id)) visit(id, null, this.parsed[id]!);
      else visit(id, this.raw!.subarray(this.lineStart[slot]!, this.lineEnd[slot]! + 1), null);
    }
    for (const id of this.added) visit(id, null, this.parsed[id]!);
  }

  /** What a snapshot writes, as it is now: stored lines by position, changed records by reference. */
  take(): TakenPart {
    const changed = new Map<string, EntityRecord>();
    for (const id of this.changed) changed.set(id, this.parsed[id]!);
    for (const id of this.added) if (!changed.has(id)) changed.set(id, this.parsed[id]!);
    return {
      raw: this.raw,
      lines: this.slotOf,
      lineStart: this.lineStart,
      lineEnd: this.lineEnd,
      changed,
      added: [...this.added],
      reload: this.dropped ? this.load : null,
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

/** A taken part whose stored lines were let go, with them read again (the writing snapshot's turn). */
export function withBase(taken: TakenPart): TakenPart {
  if (!taken.reload) return taken;
  const base = new TablePart(taken.reload());
  const lines = base.take();
  return { ...taken, raw: lines.raw, lines: lines.lines, lineStart: lines.lineStart, lineEnd: lines.lineEnd, reload: null };
}

/** A taken part's file content (before sealing), and its checksum. Unchanged records are copied byte for byte. */
export function encodePart(taken: TakenPart): { bytes: Buffer; sha256: string; body: Buffer } {
  const pieces: Buffer[] = [];
  let text = '';
  const flush = () => {
    if (text) pieces.push(Buffer.from(text));
    text = '';
  };
  const line = (id: string, rec: EntityRecord) => {
    text += `${JSON.stringify(id)}\t${JSON.stringify(rec)}\n`;
    if (text.length > 1 << 20) flush();
  };
  for (const [id, slot] of taken.lines) {
    const rec = taken.changed.get(id);
    if (rec) line(id, rec);
    else {
      flush();
      pieces.push(taken.raw!.subarray(taken.lineStart[slot]!, taken.lineEnd[slot]! + 1));
    }
  }
  for (const id of taken.added) line(id, taken.changed.get(id)!);
  flush();
  const body = Buffer.concat(pieces);
  const sha256 = crypto.createHash('sha256').update(body).digest('hex');
  const bytes = Buffer.concat([Buffer.from(`${MAGIC}${sha256}\n`), body]);
  return { bytes, sha256, body: bytes.subarray(HEAD) };
}

/** Whether a file's bytes are a part in lines (else the older one-object form). */
export const isLinePart = (plain: Buffer): boolean => plain.length >= MAGIC.length && plain.toString('latin1', 0, MAGIC.length) === MAGIC;
