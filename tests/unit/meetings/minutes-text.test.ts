import { blocksToText, chineseNumeral, textToBlocks } from '../../../electron/contract/schemas/meetings';
import { draftMinutes } from '../../../electron/domain/meetings/draft';
import type { DecisionView } from '../../../electron/contract/schemas/meetings';

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
  const draft = draftMinutes({
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
  });

  it('opens with when, where, who chaired and what was studied', () => {
    expect(draft.title).toBe('2025年第一次全体会议纪要');
    expect(draft.blocks[0]!.text).toBe(
      '2025年3月20日上午9:30，副市长张三在市政府第一会议室主持召开揭阳市农村留守儿童关爱保护工作联席会议2025年第一次全体会议，' +
        '研究了“年度工作安排”等1项议题，听取了此前会议议定事项落实情况的汇报。现将会议议定事项纪要如下：',
    );
    expect(draft.blocks[1]!.text).toContain('市教育局牵头的“台账更新”（已逾期）');
  });

  it('numbers the decided items 一、二、 with lead, cooperating units, deadline and approval', () => {
    const headings = draft.blocks.filter((b) => b.type === 'heading1').map((b) => b.text);
    expect(headings).toEqual(['一、会议同意年度工作安排', '二、会议同意将关爱经费纳入预算']);
    expect(draft.blocks[3]!.text).toBe(
      '请各单位抓好落实。由市民政局牵头，市教育局、市财政局配合，2025年6月30日前完成。',
    );
    expect(draft.blocks[5]!.text).toBe(
      '由市民政局牵头，2025年6月30日前完成。该事项为重大事项，已报经批准（2025年3月25日）。',
    );
  });
});
