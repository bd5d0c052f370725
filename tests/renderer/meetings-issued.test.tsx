// Issue 12 §1–2 in the pages: a meeting whose minutes are issued shows its attendance, topics and decided items
// read-only (no way to change them; the handlers refuse anyway), a draft shows the meeting's live 第N次, and the
// issue form takes a number or 第N次 by hand, showing a refusal next to its field.
import { screen, within } from '@testing-library/react';
import { AppError } from '../../electron/contract/errors';
import type { MeetingDetail, MinutesVersion } from '../../electron/contract/schemas/meetings';
import { createFakeApi, fakeStatus } from '../helpers/fake-api';
import { renderApp } from './render-app';

jest.mock('../../renderer/src/pages/ledger/stats/chart', () => ({ Chart: () => null }));

const settings = () => ({
  numberStyle: 'hao' as const,
  copyLabel: '抄报' as const,
  copyTo: ['市人民政府'],
  mark: '纪要',
  issuer: '办公室',
});

const version = (over: Partial<MinutesVersion> = {}): MinutesVersion => ({
  id: 'v1',
  version: 1,
  status: 'issued',
  title: '2026年第一次全体会议纪要',
  text: '会议议定如下。',
  blocks: [{ type: 'paragraph', text: '会议议定如下。' }],
  sendTo: ['市民政局'],
  number: '〔2026〕1号',
  issuedDate: '2026-03-25',
  createdAt: '',
  ...over,
});

function detail(over: Partial<MeetingDetail> = {}): MeetingDetail {
  return {
    id: 'p1',
    kind: 'plenary',
    date: '2026-03-20',
    time: '上午9:30',
    place: '市政府第一会议室',
    name: '2026年第一次全体会议',
    minutesStatus: 'issued',
    minutesNumber: '〔2026〕1号',
    chairKind: 'convener',
    chairName: '马儒生',
    chairTitle: '副市长',
    requestedBy: '',
    preparesId: null,
    preparesName: null,
    preparedBy: [],
    units: [
      { id: 'civil', name: '市民政局' },
      { id: 'fin', name: '市财政局' },
    ],
    topics: [],
    agenda: [],
    attendance: [
      {
        postId: 'a',
        role: 'convener',
        roleName: '召集人',
        personName: '马儒生',
        title: '副市长',
        unitName: '',
        status: 'present',
        reason: '',
        substitute: '',
      },
      {
        postId: 'b',
        role: 'member',
        roleName: '成员',
        personName: '陈家斌',
        title: '市民政局局长',
        unitName: '市民政局',
        status: 'absent',
        reason: '出差',
        substitute: '',
      },
    ],
    attending: [{ id: 'x1', name: '林晓红', unit: '榕城区民政局', title: '局长' }],
    decisions: [
      {
        id: 'd1',
        order: 1,
        text: '经费纳入预算',
        leadUnitId: 'fin',
        leadUnitName: '市财政局',
        coUnitIds: [],
        coUnitNames: [],
        deadline: '2026-09-30',
        major: true,
        approval: 'pending',
        approvalDate: null,
        approver: null,
        taskId: 'k1',
        taskStatus: '待报批',
      },
    ],
    minutes: [version()],
    jointMeetings: [],
    ...over,
  };
}

describe('a meeting whose minutes are issued', () => {
  it('shows attendance and decided items read-only, keeps the sign-in sheet and the approval of a major matter', async () => {
    const api = createFakeApi({ 'app.status': () => fakeStatus(), 'meetings.get': () => detail() });
    renderApp(api, '/meetings/p1');
    const attendance = await screen.findByRole('region', { name: '出席情况' });
    expect(within(attendance).getByRole('note')).toHaveTextContent(
      '会议纪要已印发，出席情况以印发的纪要为准',
    );
    expect(within(attendance).getByRole('row', { name: /陈家斌/ })).toHaveTextContent('请假（出差）');
    expect(within(attendance).queryByRole('button', { name: /出席$|请假$/ })).not.toBeInTheDocument();
    expect(within(attendance).queryByRole('button', { name: '其余人员登记为出席' })).not.toBeInTheDocument();
    expect(within(attendance).queryByRole('button', { name: '删除列席人员林晓红' })).not.toBeInTheDocument();
    expect(within(attendance).queryByRole('form', { name: '添加列席人员' })).not.toBeInTheDocument();
    expect(within(attendance).queryByRole('columnheader', { name: '登记' })).not.toBeInTheDocument();
    expect(within(attendance).getByText(/林晓红/)).toBeInTheDocument();
    expect(within(attendance).getByRole('button', { name: '打印签到表' })).toBeInTheDocument();

    const decisions = screen.getByRole('region', { name: '议定事项' });
    expect(within(decisions).getByRole('note')).toHaveTextContent('议定事项以印发的纪要为准');
    expect(within(decisions).queryByRole('form', { name: '记录议定事项' })).not.toBeInTheDocument();
    // The approval of a major matter is the life of its task: still recorded after issue.
    expect(within(decisions).getByRole('form', { name: '第1项报批结果' })).toBeInTheDocument();
    expect(screen.getByText(/第几次已在纪要印发时确定/)).toBeInTheDocument();
  });

  it('a liaison meeting shows its topics and their outcomes without a way to change them', async () => {
    const api = createFakeApi({
      'app.status': () => fakeStatus(),
      'meetings.get': () =>
        detail({
          kind: 'liaison',
          name: '2026年第一次联络员会议',
          decisions: [],
          topics: [
            {
              id: 't1',
              meetingId: 'p1',
              title: '年度工作安排',
              unitId: 'civil',
              unitName: '市民政局',
              outcome: 'accepted',
              note: '提交全体会议',
            },
          ],
        }),
    });
    renderApp(api, '/meetings/p1');
    const topics = await screen.findByRole('region', { name: '议题' });
    expect(within(topics).getByRole('note')).toHaveTextContent('议题及研究结果以印发的纪要为准');
    expect(within(topics).getByRole('row', { name: /年度工作安排/ })).toHaveTextContent('提交联席会议');
    expect(within(topics).queryByRole('combobox')).not.toBeInTheDocument();
    expect(within(topics).queryByRole('button', { name: /保存/ })).not.toBeInTheDocument();
    expect(within(topics).queryByRole('form', { name: '提出议题' })).not.toBeInTheDocument();
  });

  it('while a correction is open, attendance can be put right again', async () => {
    const api = createFakeApi({
      'app.status': () => fakeStatus(),
      'meetings.get': () =>
        detail({
          minutesStatus: 'correcting',
          minutes: [
            version({ status: 'issued' }),
            version({
              id: 'v2',
              version: 2,
              status: 'draft',
              number: null,
              issuedDate: null,
              corrects: '〔2026〕1号',
            }),
          ],
        }),
    });
    renderApp(api, '/meetings/p1');
    const attendance = await screen.findByRole('region', { name: '出席情况' });
    expect(within(attendance).queryByRole('note')).not.toBeInTheDocument();
    expect(within(attendance).getByRole('button', { name: '马儒生出席' })).toBeInTheDocument();
    expect(screen.getByRole('form', { name: '记录议定事项' })).toBeInTheDocument();
  });
});

describe('numbering in the pages', () => {
  it('a draft shows the live 第N次; the issue form takes a number and 第N次 by hand and shows a refusal by its field', async () => {
    const draft = version({
      status: 'draft',
      title: '2026年第三次全体会议纪要',
      text: '2026年3月20日，召开2026年第三次全体会议。',
      number: null,
      issuedDate: null,
    });
    const api = createFakeApi({
      'app.status': () => fakeStatus(),
      'meetings.get': () =>
        detail({
          name: '2026年第三次全体会议',
          minutesStatus: 'draft',
          minutesNumber: null,
          minutes: [draft],
        }),
      'minutes.getSettings': settings,
      'minutes.save': () => ({ id: 'v1' }),
      'minutes.issue': (args) => {
        if (args.seq === 5)
          throw new AppError(
            'CONFLICT',
            '编号〔2026〕5号已被使用（2026年第一次全体会议纪要），编号不能重复，请另选编号。',
            {
              seq: '〔2026〕5号已被使用',
            },
          );
        return { id: 'v1', number: `〔2026〕${args.seq ?? 1}号` };
      },
    });
    const { user } = renderApp(api, '/meetings/p1/minutes');
    expect(await screen.findByLabelText('纪要标题')).toHaveValue('2026年第三次全体会议纪要');
    expect(screen.getByLabelText(/纪要正文/)).toHaveValue('2026年3月20日，召开2026年第三次全体会议。');
    const issue = screen.getByRole('form', { name: '印发纪要' });
    expect(within(issue).getByText(/现为“2026年第三次全体会议”/)).toBeInTheDocument();
    await user.type(within(issue).getByLabelText('印发日期'), '2026-03-25');
    await user.type(within(issue).getByLabelText(/纪要编号/), '5');
    await user.type(within(issue).getByLabelText(/会议次数/), '3');
    await user.click(within(issue).getByRole('button', { name: '印发纪要' }));
    expect(api.callsTo('minutes.issue')).toEqual([{ id: 'v1', date: '2026-03-25', seq: 5, ordinal: 3 }]);
    expect(await within(issue).findByText('〔2026〕5号已被使用')).toBeInTheDocument();

    await user.clear(within(issue).getByLabelText(/纪要编号/));
    await user.type(within(issue).getByLabelText(/纪要编号/), '6');
    await user.clear(within(issue).getByLabelText(/会议次数/));
    await user.click(within(issue).getByRole('button', { name: '印发纪要' }));
    expect(api.callsTo('minutes.issue').at(-1)).toEqual({ id: 'v1', date: '2026-03-25', seq: 6 });
  });

  it('a correction says what it corrects and does not ask for 第N次 again', async () => {
    const api = createFakeApi({
      'app.status': () => fakeStatus(),
      'meetings.get': () =>
        detail({
          minutesStatus: 'correcting',
          minutes: [
            version(),
            version({
              id: 'v2',
              version: 2,
              status: 'draft',
              number: null,
              issuedDate: null,
              corrects: '〔2026〕1号',
            }),
          ],
        }),
      'minutes.getSettings': settings,
    });
    renderApp(api, '/meetings/p1/minutes');
    expect(await screen.findByText(/本版本是对〔2026〕1号纪要的更正/)).toBeInTheDocument();
    const issue = screen.getByRole('form', { name: '印发纪要' });
    expect(within(issue).getByLabelText(/纪要编号/)).toBeInTheDocument();
    expect(within(issue).queryByLabelText(/会议次数/)).not.toBeInTheDocument();
  });
});
