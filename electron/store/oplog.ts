// The operation journal: an append-only file of operations, one line each. It is never rewritten; it is the
// history of every record, the audit trail and the source for sync. A commit is acknowledged only after fsync.
import fs from 'node:fs';
import { decodeLine, type DecodedLine, type Operation } from './operation';
import { SealError, type Sealer } from './sealed';

export interface TailScan {
  /** Complete, checked lines from the start offset, with their byte offsets. */
  entries: { offset: number; op: Operation; prev: number; line: string }[];
  /** Offset just past the last good line. */
  goodEnd: number;
  /** Size of the file. Bytes between goodEnd and size were never acknowledged (a torn or unfinished write). */
  size: number;
  /** A damaged line followed by good ones: not a torn write but damage to acknowledged data. */
  damageAt?: { offset: number; lineNo: number; reason: string };
}

const CHUNK = 4 * 1024 * 1024;

/**
 * An encoded line (ending in `\n`) as it is stored at `offset`: sealed when the store has a sealer, as it is in a
 * legacy plaintext store. Offsets are those of the stored lines, so they are known only after sealing.
 */
export function storedLine(line: string, offset: number, sealer?: Sealer): string {
  return sealer ? `${sealer.sealLine(line.slice(0, -1), offset)}\n` : line;
}

/** A stored line (without its newline) read back at `offset`: opened, then checked and parsed. */
export function openStoredLine(stored: string, offset: number, sealer?: Sealer): DecodedLine {
  if (!sealer) return decodeLine(stored);
  try {
    return decodeLine(sealer.openLine(stored, offset));
  } catch (err) {
    if (!(err instanceof SealError)) throw err;
    if (err.reason === 'moved') return { ok: false, reason: MOVED };
    return { ok: false, reason: err.reason === 'key' ? 'sealed with another key' : `sealed line ${err.reason}` };
  }
}

/** Why a whole, authentic line failed where it lies: it was written elsewhere (see sealed.ts). */
const MOVED = 'line moved';

export type LogEntry = TailScan['entries'][number];

export interface DamagedLine {
  offset: number;
  /** Counted from `firstLineNo` (the line number of the scan's first line; 1 for a scan from the start). */
  lineNo: number;
  reason: string;
}

export interface DamageScan {
  /** Keep going past damaged lines, reporting each here (whole lines only: a torn tail is not visited). */
  onDamaged?: (line: DamagedLine) => void;
  /** Stop at this offset (a slice of a patrol). */
  end?: number;
  firstLineNo?: number;
}

/** Reads lines from `start` to the end of the file, checking each line (its seal, then its hash). */
export function scanLog(file: string, start: number, sealer?: Sealer): TailScan {
  const entries: TailScan['entries'] = [];
  const rest = eachLogEntry(file, start, sealer, (e) => entries.push(e));
  return { entries, ...rest };
}

/**
 * The same scan, handing each good line to `visit` instead of keeping them all (a city office's journal holds a
 * million). A line is visited before what follows it is read: damage found later is reported in the result.
 */
export function eachLogEntry(
  file: string,
  start: number,
  sealer: Sealer | undefined,
  visit: (entry: LogEntry) => void,
  opts: DamageScan = {},
): Omit<TailScan, 'entries'> {
  const size = Math.min(fs.existsSync(file) ? fs.statSync(file).size : 0, opts.end ?? Infinity);
  if (size <= start) return { goodEnd: Math.min(start, size), size };
  const fd = fs.openSync(file, 'r');
  let pos = start;
  let carry = Buffer.alloc(0);
  let carryOffset = start;
  let goodEnd = start;
  let firstBad: TailScan['damageAt'];
  let lineNo = 0;
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    while (pos < size) {
      const n = fs.readSync(fd, buf, 0, Math.min(CHUNK, size - pos), pos);
      if (n <= 0) break;
      pos += n;
      const data = carry.length ? Buffer.concat([carry, buf.subarray(0, n)]) : buf.subarray(0, n);
      let lineStart = 0;
      for (;;) {
        const nl = data.indexOf(10, lineStart);
        if (nl < 0) break;
        const offset = carryOffset + lineStart;
        const text = data.toString('utf8', lineStart, nl);
        lineNo++;
        const decoded = openStoredLine(text, offset, sealer);
        if (opts.onDamaged) {
          // Past damage: every good line is still visited, every bad one reported (rebuilds, checks, patrols).
          if (decoded.ok) visit({ offset, op: decoded.op, prev: decoded.prev, line: text });
          else opts.onDamaged({ offset, lineNo: (opts.firstLineNo ?? 1) - 1 + lineNo, reason: decoded.reason });
          goodEnd = offset + (nl - lineStart) + 1;
          lineStart = nl + 1;
          continue;
        }
        if (decoded.ok) {
          if (firstBad) return { goodEnd, size, damageAt: firstBad };
          visit({ offset, op: decoded.op, prev: decoded.prev, line: text });
          goodEnd = offset + (nl - lineStart) + 1;
        } else {
          firstBad ??= { offset, lineNo, reason: decoded.reason };
          // An authentic line out of place is acknowledged data changed, even with no good line after it: never a
          // torn write to discard.
          if (decoded.reason === MOVED) return { goodEnd, size, damageAt: firstBad };
        }
        lineStart = nl + 1;
      }
      carry = Buffer.from(data.subarray(lineStart));
      carryOffset += lineStart;
    }
  } finally {
    fs.closeSync(fd);
  }
  return { goodEnd, size };
}

/** Reads the single line that starts at `offset`. */
export function readLineAt(fd: number, offset: number): string {
  let len = 1024;
  for (;;) {
    const buf = Buffer.allocUnsafe(len);
    const n = fs.readSync(fd, buf, 0, len, offset);
    const nl = buf.subarray(0, n).indexOf(10);
    if (nl >= 0) return buf.toString('utf8', 0, nl);
    if (n < len) throw new Error('line without end');
    len *= 4;
  }
}

export class LogWriter {
  private fd: number;
  size: number;
  constructor(readonly file: string) {
    this.fd = fs.openSync(file, 'a+');
    this.size = fs.fstatSync(this.fd).size;
  }

  /** Appends encoded lines in one write and returns only when they are on disk. `end` is the size after it. */
  appendLines(lines: string[], end: number): void {
    // One buffer of the known size, filled line by line: no giant joined string to flatten and re-encode.
    const buf = Buffer.allocUnsafe(end - this.size);
    let at = 0;
    for (const l of lines) at += buf.write(l, at);
    let written = 0;
    try {
      while (written < buf.length) written += fs.writeSync(this.fd, buf, written, buf.length - written);
      fs.fdatasyncSync(this.fd);
    } catch (err) {
      // A failed write (disk full, stick pulled) must not leave half a line for the next append to follow.
      try {
        fs.ftruncateSync(this.fd, this.size);
      } catch {
        /* the next open discards the unfinished tail */
      }
      throw err;
    }
    this.size = end;
  }

  readLine(offset: number): string {
    return readLineAt(this.fd, offset);
  }

  /** The line at `offset`, opened and decoded. */
  readEntry(offset: number, sealer?: Sealer): DecodedLine {
    return openStoredLine(this.readLine(offset), offset, sealer);
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}
