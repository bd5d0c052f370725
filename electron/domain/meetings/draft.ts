// The first draft of the minutes, written from what the meeting recorded: an opening paragraph (when, where, who
// chaired, what was studied), the open tasks reviewed, then the decided items numbered 一、二、… with who leads,
// who cooperates and by when. The office then edits it as text, so the draft must already read as minutes worth
// signing: each heading a whole sentence, nothing said twice, quotations nested “「」”, times as 下午3时.
import {
  chineseNumeral,
  type AgendaItem,
  type DecisionView,
  type MeetingKind,
  type MinutesBlock,
  type TopicView,
} from '../../contract/schemas/meetings';
import { formatChineseDate, formatMeetingTime } from '../../print/chinese-date';

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
  /** A liaison meeting's minutes say what became of each topic it studied. */
  kind?: MeetingKind;
  topics?: readonly TopicView[];
  /** The joint meeting a liaison meeting prepared, e.g. 2026年第一次全体会议. */
  preparesName?: string | null;
}

const OPENING = '（《“‘「『【〔([{';
const CLOSING = '）》”’」』】〕)]}';
const SENTENCE_END = '。！？；!?;';

/**
 * The first whole sentence of `text` (up to 。！？ or ； outside brackets and quotes, the mark itself left off) and
 * what follows it. A comma never ends it: 「会议同意由市教育局牵头，……」 is one sentence.
 */
export function firstSentence(text: string): { sentence: string; rest: string } {
  const t = text.trim();
  const chars = [...t];
  let depth = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (OPENING.includes(c)) depth++;
    else if (CLOSING.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && SENTENCE_END.includes(c)) {
      let end = i;
      while (end + 1 < chars.length && SENTENCE_END.includes(chars[end + 1]!)) end++;
      return {
        sentence: chars.slice(0, i).join('').trim(),
        rest: chars
          .slice(end + 1)
          .join('')
          .trim(),
      };
    }
  }
  return { sentence: t.replace(/[，、：,:]+$/, ''), rest: '' };
}

/**
 * A title quoted in running text: “…”, with the quotation marks inside it turned one level down (“” → 「」, 「」 →
 * 『』), and without the full stop a decided item ends with.
 */
export function quoted(text: string): string {
  let open = true;
  const inner = text
    .trim()
    .replace(/[。；，、！？.;,!?]+$/, '')
    .replace(/「/g, '『')
    .replace(/」/g, '』')
    .replace(/“/g, '「')
    .replace(/”/g, '」')
    .replace(/"/g, () => {
      const q = open ? '「' : '」';
      open = !open;
      return q;
    });
  return `“${inner}”`;
}

/** Ends a piece of running text with exactly one full stop. */
const sentenceEnd = (text: string) => text.replace(/[。；，、：,;:]*$/, '。');

/**
 * Who leads, who helps, by when — only what the item does not already say: 「由市公安局会同有关单位制定……」 names
 * its lead, so the sentence adds the cooperating units and the deadline, not 「由市公安局牵头」 again.
 */
function assignment(d: DecisionView, text: string): string {
  const lead = d.leadUnitName;
  const leadNamed = [`由${lead}`, `${lead}牵头`, `${lead}会同`, `${lead}负责`].some((p) => text.includes(p));
  const co = d.coUnitNames.filter((u) => !text.includes(u));
  const parts: string[] = [];
  if (!leadNamed) parts.push(`由${lead}牵头`);
  if (co.length > 0) parts.push(`${co.join('、')}配合`);
  const deadline = formatChineseDate(d.deadline);
  if (!text.includes(deadline)) parts.push(`${deadline}前完成`);
  return parts.length > 0 ? `${parts.join('，')}。` : '';
}

function approvalSentence(d: DecisionView): string {
  if (!d.major) return '';
  if (d.approval === 'approved')
    return `该事项为重大事项，已报经批准（${formatChineseDate(d.approvalDate!)}）。`;
  if (d.approval === 'rejected') return '该事项为重大事项，报批未获批准，暂不实施。';
  return '该事项为重大事项，报经批准后实施。';
}

const listed = (items: string[]) => items.map(quoted).join('、');

/**
 * What a liaison meeting decided about each topic: those put to the joint meeting, those deferred and those not
 * taken up, each with who proposed it and the reason recorded.
 */
function topicParagraphs(
  topics: readonly TopicView[],
  preparesName: string | null | undefined,
): MinutesBlock[] {
  const named = (t: TopicView, extra = '') =>
    `${quoted(t.title)}（${t.unitName}提出${extra ? `，${extra.replace(/[。；，]+$/, '')}` : ''}）`;
  const because = (note: string) => (note ? `，${note.replace(/[。；，]+$/, '')}` : '');
  const accepted = topics.filter((t) => t.outcome === 'accepted');
  const out: MinutesBlock[] = [];
  if (accepted.length > 0) {
    // A note that only says it goes to the joint meeting says nothing this sentence does not.
    const items = accepted.map((t) => named(t, /^提交/.test(t.note) ? '' : t.note));
    out.push({
      type: 'paragraph',
      // 「等」 promises more than is listed: only for several items, never for one.
      text: `会议同意将${items.join('、')}${accepted.length > 1 ? `等${accepted.length}项议题` : ''}提交${preparesName ?? '联席会议'}审议。`,
    });
  }
  for (const t of topics.filter((x) => x.outcome === 'deferred'))
    out.push({ type: 'paragraph', text: `会议决定，${named(t)}暂缓提交${because(t.note)}。` });
  for (const t of topics.filter((x) => x.outcome === 'dropped'))
    out.push({ type: 'paragraph', text: `会议决定，${named(t)}不提交联席会议研究${because(t.note)}。` });
  if (accepted.length > 0)
    out.push({
      type: 'paragraph',
      text: '会议要求各提出单位根据会议意见进一步完善议题材料，于会前报送联席会议办公室。',
    });
  return out;
}

export function draftMinutes(input: DraftInput): { title: string; blocks: MinutesBlock[] } {
  const liaisonTopics = input.kind === 'liaison' ? (input.topics ?? []) : [];
  const topics = input.agenda.filter((a) => a.kind === 'topic');
  const carried = input.agenda.filter((a) => a.kind === 'carried');
  const chair = [input.chairTitle, input.chairName].filter(Boolean).join('');
  const when = `${formatChineseDate(input.date)}${formatMeetingTime(input.time, { words: true })}`;
  let opening = `${when}，${chair ? `${chair}在` : '在'}${input.place}主持召开${input.bodyName}${input.meetingName}`;
  const studied: string[] = [];
  // A liaison meeting's topics are set out one by one below; the opening only counts them.
  if (liaisonTopics.length > 0) studied.push(`研究了各成员单位提出的${liaisonTopics.length}项议题`);
  else if (topics.length > 0)
    studied.push(`研究了${listed(topics.map((t) => t.title))}${topics.length > 1 ? `等${topics.length}项议题` : ''}`);
  if (carried.length > 0) studied.push('听取了此前会议议定事项落实情况的汇报');
  opening += studied.length > 0 ? `，${studied.join('，')}。` : '。';
  opening += input.decisions.length > 0 ? '现将会议议定事项纪要如下：' : '现纪要如下：';

  const blocks: MinutesBlock[] = [{ type: 'paragraph', text: opening }];
  blocks.push(...topicParagraphs(liaisonTopics, input.preparesName));
  if (carried.length > 0) {
    // The opening has said the report was heard; this says what is still open and what is asked of it.
    const items = carried.map(
      (c) => `${c.leadUnitName}牵头的${quoted(firstSentence(c.title).sentence)}（${c.status}）`,
    );
    blocks.push({
      type: 'paragraph',
      text:
        `截至会议召开时，${items.join('、')}${carried.length > 1 ? `等${carried.length}项事项` : ''}尚未办结。` +
        '会议要求各牵头单位对照完成时限抓紧推进，继续列入督办，按时报送进展情况。',
    });
  }
  input.decisions.forEach((d, i) => {
    const { sentence, rest } = firstSentence(d.text);
    blocks.push({ type: 'heading1', text: `${chineseNumeral(i + 1)}、${sentence}` });
    const body = `${rest ? sentenceEnd(rest) : ''}${assignment(d, d.text)}${approvalSentence(d)}`;
    if (body) blocks.push({ type: 'paragraph', text: body });
  });
  return { title: `${input.meetingName}纪要`, blocks };
}
