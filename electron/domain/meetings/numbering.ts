// Minutes are numbered per year and per office in the order they are issued; the office chooses 第N期 or 〔YYYY〕N号 and the number
// is fixed when the minutes are issued. A number may also be given by hand (to continue a paper series), never one
// already used that year. A correction is a new document with a number of its own that names the number it
// corrects; the version it replaces stays, as issued, marked superseded.
import { AppError } from '../../contract/errors';
import { formatMinutesNumber, type NumberStyle } from '../../contract/schemas/meetings';
import type { Change } from '../../store/store';
import { MINUTES_ENTITY, type MinutesRecord } from './records';

/**
 * The number a correction names: 〔2026〕1号 says its year; 第1期 does not, so it is named 「2026年第1期」 — one
 * series per year, and a correction may be issued the year after.
 */
export function correctedNumber(v: Pick<MinutesRecord, 'number' | 'year'>): string {
  const number = v.number ?? '';
  return number.startsWith('第') && v.year ? `${v.year}年${number}` : number;
}

/** The next number in `year`: one more than the highest issued that year (any meeting). */
export function nextMinutesSeq(all: readonly MinutesRecord[], year: number): number {
  let max = 0;
  for (const m of all)
    if (m.status !== 'draft' && m.year === year && m.seq !== null) max = Math.max(max, m.seq);
  return max + 1;
}

/** The issued minutes that already carry number `seq` of `year`, if any. */
export const holderOf = (all: readonly MinutesRecord[], year: number, seq: number) =>
  all.find((m) => m.status !== 'draft' && m.year === year && m.seq === seq);

/** The issued version a draft would replace: the one it corrects, else the meeting's version in force. */
export function replacedBy(all: readonly MinutesRecord[], target: MinutesRecord): MinutesRecord | undefined {
  return all
    .filter((m) => m.meetingId === target.meetingId && m.status === 'issued' && m.id !== target.id)
    .sort((a, b) => b.version - a.version)[0];
}

/**
 * Issues draft `target`: numbers it (the next number of the issue year, or `seq` when given by hand) and locks it;
 * the version it corrects, if any, is superseded. `fields` are written with it (the title and text as issued).
 */
export function issueChanges(
  all: readonly MinutesRecord[],
  target: MinutesRecord,
  date: string,
  style: NumberStyle,
  options: { seq?: number | undefined; fields?: Change['set'] } = {},
): Change[] {
  if (target.status !== 'draft')
    throw new AppError('LOCKED', '该纪要已经印发，不能再次印发。如需修改，请另起更正版本。');
  if (target.blocks.length === 0)
    throw new AppError('VALIDATION', '纪要正文为空，不能印发。', { text: '请先填写纪要正文' });
  const previous = replacedBy(all, target);
  // Each office numbers its own minutes: a county's store also holds the city's, which are another series.
  const series = target.office ? all.filter((m) => m.office === target.office) : all;
  if (previous?.issuedDate && date < previous.issuedDate)
    throw new AppError('VALIDATION', '更正版本的印发日期不能早于原纪要。', {
      date: '不能早于原纪要的印发日期',
    });
  const year = Number(date.slice(0, 4));
  let seq = nextMinutesSeq(series, year);
  if (options.seq !== undefined) {
    const holder = holderOf(series, year, options.seq);
    if (holder) {
      const used = formatMinutesNumber(style, year, options.seq);
      throw new AppError(
        'CONFLICT',
        `编号${used}已被使用（${holder.title || '另一份纪要'}），编号不能重复，请另选编号。`,
        {
          seq: `${used}已被使用`,
        },
      );
    }
    seq = options.seq;
  }
  const changes: Change[] = [];
  if (previous) {
    changes.push({
      entity: MINUTES_ENTITY,
      id: previous.id,
      set: { status: 'superseded', supersededBy: target.id },
    });
  }
  changes.push({
    entity: MINUTES_ENTITY,
    id: target.id,
    set: {
      ...(options.fields ?? {}),
      status: 'issued',
      issuedDate: date,
      year,
      seq,
      number: formatMinutesNumber(style, year, seq),
      ...(previous ? { correctionOf: previous.id, corrects: correctedNumber(previous) } : {}),
    },
  });
  return changes;
}
