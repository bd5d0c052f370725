// The snapshot: the folded state at a known point of the journal, persisted with lowdb through an adapter that
// writes durably (temp, fsync, rename, fsync folder), keeps the previous good file as a backup, and carries a
// checksum so a truncated or garbled file is recognised instead of being read as an empty store.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Low, type Adapter } from 'lowdb';
import { writeFileDurablyAsync } from './durable-file';
import { SealError, type Sealer } from './sealed';

const PREFIX = '{"sha256":"';
const MIDDLE = '","doc":';

export class SnapshotDamaged extends Error {
  constructor(
    readonly reason: 'missing' | 'empty' | 'truncated' | 'checksum' | 'json',
    /** The file found damaged, when the reader knows it (a part is read from two files). */
    readonly file?: string,
  ) {
    super(reason);
  }
}

/** The file's bytes and its checksum, hashing the UTF-8 bytes once (not the string, which costs far more). */
export function encodeSnapshotBuffer(doc: unknown): { bytes: Buffer; sha256: string } {
  return encodeSnapshotBody(Buffer.from(JSON.stringify(doc)));
}

/** The same file around a document already serialised (in pieces, over several turns: see Store.writeSidecar). */
export function encodeSnapshotBody(body: Buffer): { bytes: Buffer; sha256: string } {
  const sha256 = crypto.createHash('sha256').update(body).digest('hex');
  return { bytes: Buffer.concat([Buffer.from(`${PREFIX}${sha256}${MIDDLE}`), body, Buffer.from('}')]), sha256 };
}

export function encodeSnapshot(doc: unknown): string {
  const json = JSON.stringify(doc);
  const sum = crypto.createHash('sha256').update(json).digest('hex');
  return `${PREFIX}${sum}${MIDDLE}${json}}`;
}

export function decodeSnapshot<T>(text: string): T {
  if (text.length === 0) throw new SnapshotDamaged('empty');
  const head = PREFIX.length + 64 + MIDDLE.length;
  if (!text.startsWith(PREFIX) || text.slice(PREFIX.length + 64, head) !== MIDDLE) throw new SnapshotDamaged('json');
  if (!text.endsWith('}') || text.length < head + 2) throw new SnapshotDamaged('truncated');
  const json = text.slice(head, -1);
  const sum = text.slice(PREFIX.length, PREFIX.length + 64);
  if (crypto.createHash('sha256').update(json).digest('hex') !== sum) throw new SnapshotDamaged('checksum');
  try {
    return JSON.parse(json) as T;
  } catch {
    throw new SnapshotDamaged('json');
  }
}

/**
 * The same check on the raw bytes: hashing the file's bytes costs a tenth of hashing the decoded string, which
 * matters for a 50 MB table read at start-up. The digest is the same (the prefix is ASCII).
 */
export function decodeSnapshotBuffer<T>(buf: Buffer, verify = true): T {
  if (buf.length === 0) throw new SnapshotDamaged('empty');
  const head = PREFIX.length + 64 + MIDDLE.length;
  if (buf.length < head + 2) throw new SnapshotDamaged('truncated');
  const start = buf.toString('latin1', 0, head);
  if (!start.startsWith(PREFIX) || start.slice(PREFIX.length + 64) !== MIDDLE) throw new SnapshotDamaged('json');
  if (buf[buf.length - 1] !== 0x7d) throw new SnapshotDamaged('truncated');
  const body = buf.subarray(head, buf.length - 1);
  if (verify && crypto.createHash('sha256').update(body).digest('hex') !== start.slice(PREFIX.length, PREFIX.length + 64)) {
    throw new SnapshotDamaged('checksum');
  }
  try {
    return JSON.parse(body.toString('utf8')) as T;
  } catch {
    throw new SnapshotDamaged('json');
  }
}

/** The label a manifest (state.json and its backup) is sealed under. */
export const MANIFEST_LABEL = 'manifest';

/**
 * A checksummed file's bytes as stored, sealed under `label` when there is a sealer. The checksum stays inside the
 * seal: it is what names table files, and it keeps the plaintext check identical in both formats.
 */
export function sealSnapshotBuffer(doc: unknown, label: string, sealer?: Sealer): { bytes: Buffer; sha256: string } {
  const plain = encodeSnapshotBuffer(doc);
  return sealer ? { bytes: sealer.sealFile(plain.bytes, label), sha256: plain.sha256 } : plain;
}

/** A stored file's plain bytes: its seal opened when there is a sealer. Throws SnapshotDamaged. */
export function unsealFile(stored: Buffer, label: string, sealer?: Sealer): Buffer {
  if (!sealer) return stored;
  if (stored.length === 0) throw new SnapshotDamaged('empty');
  try {
    return sealer.openFile(stored, label);
  } catch (err) {
    if (!(err instanceof SealError)) throw err;
    throw new SnapshotDamaged(err.reason === 'format' ? 'json' : 'checksum');
  }
}

/** Reads a stored checksummed file, opening its seal first when there is a sealer. Throws SnapshotDamaged. */
export function openSnapshotBuffer<T>(stored: Buffer, label: string, sealer?: Sealer): T {
  if (!sealer) return decodeSnapshotBuffer<T>(stored);
  if (stored.length === 0) throw new SnapshotDamaged('empty');
  let plain: Buffer;
  try {
    plain = sealer.openFile(stored, label);
  } catch (err) {
    if (!(err instanceof SealError)) throw err;
    // A plaintext file where a sealed one belongs was put there, not written by this store: damaged, like any other.
    throw new SnapshotDamaged(err.reason === 'format' ? 'json' : 'checksum');
  }
  // The seal's tag already proves these bytes are the ones sealed under this label: hashing them again (a tenth of
  // the cost of reading a 50 MB table) proves nothing more.
  return decodeSnapshotBuffer<T>(plain, false);
}

/** lowdb adapter. `read` throws SnapshotDamaged rather than returning null for a damaged file. */
export class DurableSnapshotAdapter<T> implements Adapter<T> {
  constructor(
    readonly file: string,
    readonly backupFile: string,
    private readonly sealer?: Sealer,
  ) {}

  async read(): Promise<T | null> {
    let stored: Buffer;
    try {
      stored = await fs.promises.readFile(this.file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    return openSnapshotBuffer<T>(stored, MANIFEST_LABEL, this.sealer);
  }

  async write(data: T): Promise<void> {
    // Serialise synchronously: the state cannot change between reading it and recording where the journal stood.
    const { bytes } = sealSnapshotBuffer(data, MANIFEST_LABEL, this.sealer);
    await writeFileDurablyAsync(this.file, bytes, this.backupFile);
  }
}

export function snapshotDb<T>(file: string, backupFile: string, sealer?: Sealer): Low<T | null> {
  return new Low<T | null>(new DurableSnapshotAdapter<T>(file, backupFile, sealer) as Adapter<T | null>, null);
}
