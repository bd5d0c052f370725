// Reading the journal past damage (issue 11): which lines are damaged, which operations they held (told by the gap
// each leaves in its origin's gap-free sequence) and which records they touched (told by the next operation on the
// same record, which links back to the damaged line). A damaged line is never guessed at: what cannot be told is
// said to be unknown.
import { eachLogEntry, type DamagedLine, type LogEntry } from './oplog';
import type { Sealer } from './sealed';
import { entityLabel } from '../contract/schemas/exchange';

export interface JournalDamage {
  lines: DamagedLine[];
  /** Operations no longer readable, per origin office: the sequence numbers missing between good lines. */
  lost: Record<string, number[]>;
  /** Records whose history runs through a damaged line (entity and id; ids hold no personal data). */
  records: { entity: string; id: string }[];
}

export const noDamage = (): JournalDamage => ({ lines: [], lost: {}, records: [] });

/**
 * Scans [start, end) of the journal, visiting every good line and collecting the damage. `seqs` is each origin's
 * last sequence before `start` (to tell gaps at the very start of the range); it is updated in place.
 */
export function scanWithDamage(
  file: string,
  start: number,
  sealer: Sealer | undefined,
  opts: { end?: number; firstLineNo?: number; seqs?: Record<string, number>; visit?: (e: LogEntry) => void } = {},
): { damage: JournalDamage; goodEnd: number; lines: number } {
  const damage = noDamage();
  const seqs = opts.seqs ?? {};
  const damagedAt = new Set<number>();
  let lines = 0;
  const seen = new Set<string>();
  const scan = eachLogEntry(
    file,
    start,
    sealer,
    (e) => {
      lines++;
      const held = seqs[e.op.office] ?? 0;
      if (e.op.seq > held + 1 && damage.lines.length) {
        const missing = (damage.lost[e.op.office] ??= []);
        for (let s = held + 1; s < e.op.seq; s++) missing.push(s);
      }
      seqs[e.op.office] = Math.max(held, e.op.seq);
      if (damagedAt.has(e.prev)) {
        const key = `${e.op.entity}\n${e.op.id}`;
        if (!seen.has(key)) {
          seen.add(key);
          damage.records.push({ entity: e.op.entity, id: e.op.id });
        }
      }
      opts.visit?.(e);
    },
    {
      ...(opts.end !== undefined ? { end: opts.end } : {}),
      firstLineNo: opts.firstLineNo ?? 1,
      onDamaged: (d) => {
        lines++;
        damage.lines.push(d);
        damagedAt.add(d.offset);
      },
    },
  );
  return { damage, goodEnd: scan.goodEnd, lines };
}

/** Why a line failed, for people (the reasons inside the code are short English words). */
export function lineReasonText(reason: string): string {
  if (reason.includes('key')) return '用另一把密钥加密，不属于本单位的数据';
  if (reason.includes('moved')) return '位置被移动过';
  return '内容损坏或被改动';
}

export function mergeDamage(into: JournalDamage, more: JournalDamage): void {
  into.lines.push(...more.lines);
  for (const [o, seqs] of Object.entries(more.lost)) (into.lost[o] ??= []).push(...seqs);
  into.records.push(...more.records);
}

/** "本单位（445202）第 5 号" style list of the lost operations, for notices. */
export function lostText(damage: JournalDamage): string {
  const parts = Object.entries(damage.lost).map(([origin, seqs]) => {
    const ranges: string[] = [];
    let from = seqs[0]!;
    let prev = from;
    for (const s of [...seqs.slice(1), Infinity]) {
      if (s === prev + 1) {
        prev = s;
        continue;
      }
      ranges.push(from === prev ? `${from}` : `${from}–${prev}`);
      from = s;
      prev = s;
    }
    return `单位 ${origin} 的第 ${ranges.join('、')} 号操作`;
  });
  return parts.length ? parts.join('；') : '无法确定是哪一单位的哪一号操作';
}

export function recordsText(damage: JournalDamage, limit = 10): string {
  if (!damage.records.length) return '无法确定涉及哪些记录';
  const shown = damage.records.slice(0, limit).map((r) => `${entityLabel(r.entity)} ${r.id}`);
  const more = damage.records.length > limit ? ` 等 ${damage.records.length} 条记录` : '';
  return `涉及记录：${shown.join('、')}${more}（可能还有无法确定的记录）`;
}
