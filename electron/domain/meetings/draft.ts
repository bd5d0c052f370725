// The first draft of the minutes, written from what the meeting recorded: an opening paragraph (when, where, who
// chaired, what was studied), the open tasks reviewed, then the decided items numbered 一、二、… with who leads,
// who cooperates and by when. The office then edits it as text.
import {
  chineseNumeral,
  type AgendaItem,
  type DecisionView,
  type MinutesBlock,
} from '../../contract/schemas/meetings';
import { formatChineseDate } from '../../print/chinese-date';

export interface DraftInput {
  bodyName: string;
  meetingName: string;
  date: string;
  time: string;
  place: string;
  chairName: string;
  chairTitle: string;
  agenda: readonly AgendaItem[];
  decisions: readonly DecisionView[];
}

/**
 * Splits an item into its heading (the first clause: 「会议同意……」, at most 40 characters, two heading lines) and
 * the rest, which follows as a paragraph, so the item reads on without repeating itself.
 */
function splitItem(text: string): { heading: string; rest: string } {
  const t = text.trim();
  const m = /^[^，。；]+/.exec(t);
  const clause = m ? m[0] : t;
  if ([...clause].length <= 40) {
    const rest = t
      .slice(clause.length)
      .replace(/^[，。；]/, '')
      .trim();
    return { heading: clause, rest };
  }
  return { heading: [...clause].slice(0, 38).join('') + '……', rest: t };
}

const listed = (items: string[]) => items.map((t) => `“${t}”`).join('、');

export function draftMinutes(input: DraftInput): { title: string; blocks: MinutesBlock[] } {
  const topics = input.agenda.filter((a) => a.kind === 'topic');
  const carried = input.agenda.filter((a) => a.kind === 'carried');
  const chair = [input.chairTitle, input.chairName].filter(Boolean).join('');
  const when = `${formatChineseDate(input.date)}${input.time ? input.time : ''}`;
  let opening = `${when}，${chair ? `${chair}在` : '在'}${input.place}主持召开${input.bodyName}${input.meetingName}`;
  const studied: string[] = [];
  if (topics.length > 0) studied.push(`研究了${listed(topics.map((t) => t.title))}等${topics.length}项议题`);
  if (carried.length > 0) studied.push(`听取了此前会议议定事项落实情况的汇报`);
  opening += studied.length > 0 ? `，${studied.join('，')}。` : '。';
  opening += input.decisions.length > 0 ? '现将会议议定事项纪要如下：' : '现纪要如下：';

  const blocks: MinutesBlock[] = [{ type: 'paragraph', text: opening }];
  if (carried.length > 0) {
    const items = carried.map((c) => `${c.leadUnitName}牵头的“${c.title}”（${c.status}）`);
    blocks.push({
      type: 'paragraph',
      text:
        `会议听取了${items.join('、')}等${carried.length}项事项的落实情况汇报，` +
        '要求各牵头单位对照完成时限抓紧推进，尚未办结的继续列入督办，按时报送进展情况。',
    });
  }
  input.decisions.forEach((d, i) => {
    const { heading, rest } = splitItem(d.text);
    blocks.push({ type: 'heading1', text: `${chineseNumeral(i + 1)}、${heading}` });
    const body = rest ? rest.replace(/[。；，]?$/, '。') : '';
    const who =
      `由${d.leadUnitName}牵头` +
      (d.coUnitNames.length > 0 ? `，${d.coUnitNames.join('、')}配合` : '') +
      `，${formatChineseDate(d.deadline)}前完成。`;
    const approval = d.major
      ? d.approval === 'approved'
        ? `该事项为重大事项，已报经批准（${formatChineseDate(d.approvalDate!)}）。`
        : d.approval === 'rejected'
          ? '该事项为重大事项，报批未获批准，暂不实施。'
          : '该事项为重大事项，报经批准后实施。'
      : '';
    blocks.push({ type: 'paragraph', text: `${body}${who}${approval}` });
  });
  return { title: `${input.meetingName}纪要`, blocks };
}
