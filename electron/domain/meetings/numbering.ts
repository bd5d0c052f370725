// Minutes are numbered per year in the order they are issued; the office chooses 第N期 or 〔YYYY〕N号 and the number
// is fixed when the minutes are issued. A correction is a new version of the same minutes and keeps their number;
// the version it replaces stays, marked superseded.
import { AppError } from '../../contract/errors';
import { formatMinutesNumber, type NumberStyle } from '../../contract/schemas/meetings';
import type { Change } from '../../store/store';
import { MINUTES_ENTITY, type MinutesRecord } from './records';

/** The next number in `year`: one more than the highest issued that year (any meeting). */
export function nextMinutesSeq(all: readonly MinutesRecord[], year: number): number {
  let max = 0;
  for (const m of all)
    if (m.status !== 'draft' && m.year === year && m.seq !== null) max = Math.max(max, m.seq);
  return max + 1;
}

/** Issues draft `target`: numbers it (or keeps the number of the version it corrects) and locks it. */
export function issueChanges(
  all: readonly MinutesRecord[],
  target: MinutesRecord,
  date: string,
  style: NumberStyle,
): Change[] {
  if (target.status !== 'draft')
    throw new AppError('LOCKED', '该纪要已经印发，不能再次印发。如需修改，请另起更正版本。');
  if (target.blocks.length === 0)
    throw new AppError('VALIDATION', '纪要正文为空，不能印发。', { text: '请先填写纪要正文' });
  const previous = all
    .filter((m) => m.meetingId === target.meetingId && m.status === 'issued' && m.id !== target.id)
    .sort((a, b) => b.version - a.version)[0];
  if (previous?.issuedDate && date < previous.issuedDate)
    throw new AppError('VALIDATION', '更正版本的印发日期不能早于原纪要。', {
      date: '不能早于原纪要的印发日期',
    });
  const changes: Change[] = [];
  let year: number;
  let seq: number;
  let number: string;
  if (previous && previous.year !== null && previous.seq !== null && previous.number) {
    ({ year, seq, number } = { year: previous.year, seq: previous.seq, number: previous.number });
    changes.push({
      entity: MINUTES_ENTITY,
      id: previous.id,
      set: { status: 'superseded', supersededBy: target.id },
    });
  } else {
    year = Number(date.slice(0, 4));
    seq = nextMinutesSeq(all, year);
    number = formatMinutesNumber(style, year, seq);
  }
  changes.push({
    entity: MINUTES_ENTITY,
    id: target.id,
    set: { status: 'issued', issuedDate: date, year, seq, number },
  });
  return changes;
}
