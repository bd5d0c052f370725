import { blocksToText, chineseNumeral, textToBlocks } from '../../../electron/contract/schemas/meetings';
import {
  draftMinutes,
  firstSentence,
  quoted,
  type DraftInput,
} from '../../../electron/domain/meetings/draft';
import { formatMeetingTime } from '../../../electron/print/chinese-date';
import type { DecisionView, TopicView } from '../../../electron/contract/schemas/meetings';

describe('minutes text with headings', () => {
  it('reads 一、 lines as headings, （一） as sub-headings, the rest as paragraphs', () => {
    const blocks = textToBlocks('会议认为：\n\n一、关于经费\n（二）具体安排\n1.要点\n十二、最后一项');
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'heading1', 'heading2', 'paragraph', 'heading1']);
    expect(blocksToText(blocks)).toBe('会议认为：\n一、关于经费\n（二）具体安排\n1.要点\n十二、最后一项');
  });

  it('numbers in Chinese', () => {
    expect([1, 9, 10, 11, 20, 23].map(chineseNumeral)).toEqual(['一', '九', '十', '十一', '二十', '二十三']);
  });
});

describe('draftMinutes', () => {
  const d = (over: Partial<DecisionView>): DecisionView => ({
    id: 'd',
    order: 1,
    text: '',
    leadUnitId: 'a',
    leadUnitName: '市民政局',
    coUnitIds: [],
    coUnitNames: [],
    deadline: '2025-06-30',
    major: false,
    approval: null,
    approvalDate: null,
    approver: null,
    taskId: 't',
    taskStatus: null,
    ...over,
  });
  const input: DraftInput = {
    bodyName: '揭阳市农村留守儿童关爱保护工作联席会议',
    meetingName: '2025年第一次全体会议',
    date: '2025-03-20',
    time: '上午9:30',
    place: '市政府第一会议室',
    chairName: '张三',
    chairTitle: '副市长',
    agenda: [
      { kind: 'topic', topicId: 't1', title: '年度工作安排', unitName: '市民政局' },
      {
        kind: 'carried',
        taskId: 'k',
        title: '台账更新',
        leadUnitName: '市教育局',
        deadline: '2025-01-01',
        status: '已逾期',
        fromMeeting: '2024年第一次全体会议',
      },
    ],
    decisions: [
      d({ text: '会议同意年度工作安排，请各单位抓好落实。', coUnitNames: ['市教育局', '市财政局'] }),
      d({
        text: '会议同意将关爱经费纳入预算。',
        major: true,
        approval: 'approved',
        approvalDate: '2025-03-25',
      }),
    ],
  };
  const draft = draftMinutes(input);

  it('opens with when, where, who chaired and what was studied; the time in words, never 上午9:30', () => {
    expect(draft.title).toBe('2025年第一次全体会议纪要');
    expect(draft.blocks[0]!.text).toBe(
      '2025年3月20日上午9时30分，副市长张三在市政府第一会议室主持召开揭阳市农村留守儿童关爱保护工作联席会议2025年第一次全体会议，' +
        '研究了“年度工作安排”，听取了此前会议议定事项落实情况的汇报。现将会议议定事项纪要如下：',
    );
    // The opening said the report was heard; the next paragraph does not say it again.
    expect(draft.blocks[1]!.text).toBe(
      '截至会议召开时，市教育局牵头的“台账更新”（已逾期）尚未办结。' +
        '会议要求各牵头单位对照完成时限抓紧推进，继续列入督办，按时报送进展情况。',
    );
    expect(draft.blocks.map((b) => b.text).join('\n')).not.toMatch(/\d:\d\d/);
  });

  it('numbers the decided items 一、二、 with whole sentences as headings, then lead, cooperating units, deadline and approval', () => {
    const headings = draft.blocks.filter((b) => b.type === 'heading1').map((b) => b.text);
    expect(headings).toEqual([
      '一、会议同意年度工作安排，请各单位抓好落实',
      '二、会议同意将关爱经费纳入预算',
    ]);
    expect(draft.blocks[3]!.text).toBe('由市民政局牵头，市教育局、市财政局配合，2025年6月30日前完成。');
    expect(draft.blocks[5]!.text).toBe(
      '由市民政局牵头，2025年6月30日前完成。该事项为重大事项，已报经批准（2025年3月25日）。',
    );
  });

  it('never cuts a heading at a comma, and says who leads only once', () => {
    const out = draftMinutes({
      ...input,
      agenda: [],
      decisions: [
        d({
          text: '会议同意由市教育局牵头，在全市中小学推行“代理家长”结对帮扶制度。各县（市、区）教育局要建立台账；每学期报送一次。',
          leadUnitName: '市教育局',
          coUnitNames: ['市妇联', '市民政局'],
          deadline: '2025-12-31',
        }),
        d({
          text: '会议同意建立强制报告联动机制，由市公安局会同市民政局制定工作规程，2025年6月30日前完成',
          leadUnitName: '市公安局',
          coUnitNames: ['市民政局'],
        }),
      ],
    });
    const texts = out.blocks.map((b) => b.text);
    expect(texts[1]).toBe('一、会议同意由市教育局牵头，在全市中小学推行“代理家长”结对帮扶制度');
    expect(texts[2]).toBe(
      '各县（市、区）教育局要建立台账；每学期报送一次。市妇联、市民政局配合，2025年12月31日前完成。',
    );
    expect(texts[3]).toBe(
      '二、会议同意建立强制报告联动机制，由市公安局会同市民政局制定工作规程，2025年6月30日前完成',
    );
    // Everything the assignment would say is in the item already: no paragraph repeating it.
    expect(texts).toHaveLength(4);
    expect(texts.join('')).not.toContain('由市教育局牵头，市妇联');
  });

  it('quotes titles “…” with the quotation marks inside them as 「」 and without their full stop', () => {
    const out = draftMinutes({
      ...input,
      agenda: [
        { kind: 'topic', topicId: 't', title: '关于推行“代理家长”制度的建议', unitName: '市教育局' },
        {
          kind: 'carried',
          taskId: 'k',
          title: '在全市中小学推行农村留守儿童“代理家长”结对帮扶制度。另附说明。',
          leadUnitName: '市教育局',
          deadline: '2025-01-01',
          status: '正在办理',
          fromMeeting: '2024年第一次全体会议',
        },
      ],
      decisions: [],
    });
    expect(out.blocks[0]!.text).toContain('研究了“关于推行「代理家长」制度的建议”，');
    expect(out.blocks[1]!.text).toContain(
      '市教育局牵头的“在全市中小学推行农村留守儿童「代理家长」结对帮扶制度”（正在办理）',
    );
    expect(quoted('他说“要做『好』”。')).toBe('“他说「要做『好』」”');
  });

  it('reads the first whole sentence, past commas and inside brackets', () => {
    expect(firstSentence('会议同意由市教育局牵头，推行结对帮扶。其余照办。')).toEqual({
      sentence: '会议同意由市教育局牵头，推行结对帮扶',
      rest: '其余照办。',
    });
    expect(firstSentence('会议要求（见附件。）抓紧落实；按时报送。').sentence).toBe(
      '会议要求（见附件。）抓紧落实',
    );
    expect(firstSentence('会议同意，请各单位落实').rest).toBe('');
  });
});

describe('draftMinutes: a liaison meeting', () => {
  const topic = (
    title: string,
    unitName: string,
    outcome: TopicView['outcome'],
    note: string,
  ): TopicView => ({
    id: title,
    meetingId: 'l',
    title,
    unitId: 'u',
    unitName,
    outcome,
    note,
  });
  it('counts the topics in the opening and says once what became of each, with who proposed it and why', () => {
    const out = draftMinutes({
      bodyName: '揭阳市农村留守儿童关爱保护工作联席会议',
      meetingName: '2026年第一次联络员会议',
      date: '2026-03-10',
      time: '上午9:30',
      place: '市民政局三楼会议室',
      chairName: '林小彭',
      chairTitle: '联席会议办公室主任',
      agenda: [],
      decisions: [],
      kind: 'liaison',
      preparesName: '2026年第一次全体会议',
      topics: [
        topic('2025年全市农村留守儿童关爱保护工作情况', '市民政局', 'accepted', '提交全体会议审议'),
        topic('关于将关爱服务经费纳入财政预算的建议', '市财政局', 'accepted', '作为重大事项报市政府审批'),
        topic('心理健康服务进校园试点方案', '市卫生健康局', 'deferred', '待试点县确定后再提交'),
        topic('关于举办“快乐暑假”夏令营的建议', '市妇联', 'dropped', '由市妇联按年度计划自行组织。'),
      ],
    });
    expect(out.blocks.map((b) => b.text)).toEqual([
      '2026年3月10日上午9时30分，联席会议办公室主任林小彭在市民政局三楼会议室主持召开揭阳市农村留守儿童关爱保护工作联席会议' +
        '2026年第一次联络员会议，研究了各成员单位提出的4项议题。现纪要如下：',
      '会议同意将“2025年全市农村留守儿童关爱保护工作情况”（市民政局提出）、“关于将关爱服务经费纳入财政预算的建议”' +
        '（市财政局提出，作为重大事项报市政府审批）等2项议题提交2026年第一次全体会议审议。',
      '会议决定，“心理健康服务进校园试点方案”（市卫生健康局提出）暂缓提交，待试点县确定后再提交。',
      '会议决定，“关于举办「快乐暑假」夏令营的建议”（市妇联提出）不提交联席会议研究，由市妇联按年度计划自行组织。',
      '会议要求各提出单位根据会议意见进一步完善议题材料，于会前报送联席会议办公室。',
    ]);
  });
});

describe('formatMeetingTime', () => {
  it('writes 15:00 or 下午3时, never 下午3:00', () => {
    expect(formatMeetingTime('下午3:00')).toBe('下午3时');
    expect(formatMeetingTime('上午9:30')).toBe('上午9时30分');
    expect(formatMeetingTime('下午3点')).toBe('下午3时');
    expect(formatMeetingTime('15:00')).toBe('15:00');
    expect(formatMeetingTime('09：30')).toBe('9:30');
    expect(formatMeetingTime('15:00', { words: true })).toBe('下午3时');
    expect(formatMeetingTime('9:30', { words: true })).toBe('上午9时30分');
    expect(formatMeetingTime('下午3时至5时')).toBe('下午3时至5时');
    expect(formatMeetingTime('')).toBe('');
  });
});
