// Hybrid logical clock. Timestamps are fixed-width strings, so plain string comparison orders them: physical
// milliseconds, then a counter for events in the same millisecond, then the office code as the final tie-break.

export type Clock = () => number;
export const systemClock: Clock = () => Date.now();

const MS_WIDTH = 15;
const COUNTER_WIDTH = 5;
const MAX_COUNTER = 10 ** COUNTER_WIDTH - 1;

export interface HlcParts {
  ms: number;
  counter: number;
  office: string;
}

export function formatHlc(p: HlcParts): string {
  return `${String(p.ms).padStart(MS_WIDTH, '0')}-${String(p.counter).padStart(COUNTER_WIDTH, '0')}-${p.office}`;
}

/**
 * An office code: 6 digits (行政区划代码) for a joint-meeting office, 9 for a township (乡镇街道代码, 445202001), or
 * `CODE-UNITID` for a member unit's office (issue 14, e.g. 445200-jiaoyu; a unit added in the app has a UUID id).
 * Shared by every check of codes and stamps.
 */
export const OFFICE_CODE_SOURCE = '[0-9]{6}(?:[0-9]{3}|-[a-z0-9][a-z0-9-]{0,39})?';
export const OFFICE_CODE_RE = new RegExp(`^${OFFICE_CODE_SOURCE}$`);
/** A whole stamp: 15-digit milliseconds, 5-digit counter, the office code. */
export const HLC_SOURCE = `[0-9]{15}-[0-9]{5}-${OFFICE_CODE_SOURCE}`;
const HLC_RE = new RegExp(`^([0-9]{15})-([0-9]{5})-(${OFFICE_CODE_SOURCE})$`);

/** The office that made a stamp: everything after the second '-' (the fixed-width time and counter come first). */
export function hlcOffice(hlc: string): string {
  return hlc.slice(MS_WIDTH + COUNTER_WIDTH + 2);
}

export function parseHlc(s: string): HlcParts {
  const m = HLC_RE.exec(s);
  if (!m) throw new Error(`bad hlc`);
  return { ms: Number(m[1]), counter: Number(m[2]), office: m[3]! };
}

export function isHlc(s: unknown): s is string {
  return typeof s === 'string' && HLC_RE.test(s);
}

/** The wall time an HLC stands for, for showing "when" to people. */
export function hlcDate(s: string): Date {
  return new Date(parseHlc(s).ms);
}

export class HybridClock {
  private last: HlcParts;
  constructor(
    private readonly office: string,
    private readonly clock: Clock,
    last?: string,
  ) {
    this.last = last ? parseHlc(last) : { ms: 0, counter: 0, office };
  }

  /** A timestamp for a local event, strictly greater than every timestamp seen so far. */
  next(): string {
    const wall = this.clock();
    if (wall > this.last.ms) this.last = { ms: wall, counter: 0, office: this.office };
    else this.last = this.bump(this.last.ms, this.last.counter);
    return formatHlc(this.last);
  }

  /** Folds in a timestamp received from another office so later local events sort after it. */
  observe(remote: string): void {
    const r = parseHlc(remote);
    if (r.ms > this.last.ms || (r.ms === this.last.ms && r.counter > this.last.counter)) {
      this.last = { ms: r.ms, counter: r.counter, office: this.office };
    }
  }

  current(): string {
    return formatHlc(this.last);
  }

  private bump(ms: number, counter: number): HlcParts {
    // A counter overflow within one millisecond borrows the next millisecond rather than wrapping.
    if (counter >= MAX_COUNTER) return { ms: ms + 1, counter: 0, office: this.office };
    return { ms, counter: counter + 1, office: this.office };
  }
}
