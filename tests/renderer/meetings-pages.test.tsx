import { act, screen, within } from '@testing-library/react';
import { AppError } from '../../electron/contract/errors';
import type { MeetingDetail, MeetingSummary } from '../../electron/contract/schemas/meetings';
import { createFakeApi, fakeStatus } from '../helpers/fake-api';
import { renderApp } from './render-app';

// The ledger's chart pulls in echarts' ES modules, which this jest set-up does not transform; these pages never chart.
jest.mock('../../renderer/src/pages/ledger/stats/chart', () => ({ Chart: () => null }));

const summary = (over: Partial<MeetingSummary> = {}): MeetingSummary => ({
  id: 'p1',
  kind: 'plenary',
  date: '2025-03-20',
  time: '上午9:30',
  place: '市政府第一会议室',
  name: '2025年第一次全体会议',
  minutesStatus: 'none',
  minutesNumber: null,
  ...over,
});

function detail(over: Partial<MeetingDetail> = {}): MeetingDetail {
  return {
    ...summary(),
    chairKind: 'convener',
    chairName: '马儒生',
    chairTitle: '副市长',
    requestedBy: '',
    preparesId: null,
    preparesName: null,
    preparedBy: [{ id: 'l1', name: '2025年第一次联络员会议', date: '2025-03-10' }],
    units: [
      { id: 'civil', name: '市民政局' },
      { id: 'edu', name: '市教育局' },
      { id: 'fin', name: '市财政局' },
    ],
    topics: [],
    agenda: [
      { kind: 'topic', topicId: 't1', title: '年度工作安排', unitName: '市民政局' },
      {
        kind: 'carried',
        taskId: 'k1',
        title: '台账季度更新',
        leadUnitName: '市教育局',
        deadline: '2024-12-31',
        status: '已逾期',
        fromMeeting: '2024年第一次全体会议',
      },
    ],
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
        status: 'unmarked',
        reason: '',
        substitute: '',
      },
    ],
    attending: [],
    decisions: [
      {
        id: 'd1',
        order: 1,
        text: '经费纳入预算',
        leadUnitId: 'fin',
        leadUnitName: '市财政局',
        coUnitIds: [],
        coUnitNames: [],
        deadline: '2025-09-30',
        major: true,
        approval: 'pending',
        approvalDate: null,
        approver: null,
        taskId: 'x',
        taskStatus: '待报批',
      },
    ],
    minutes: [],
    jointMeetings: [],
    ...over,
  };
}

describe('meetings pages', () => {
  it('lists meetings with the state of their minutes and records a new liaison meeting', async () => {
    const api = createFakeApi({
      'app.status': () => fakeStatus(),
      'meetings.list': () => [summary({ minutesStatus: 'issued', minutesNumber: '第1期' })],
      'meetings.create': (args) => {
        if (!args.place) throw new AppError('INVALID_ARGS', '填写的内容有误', { place: '请填写会议地点' });
        return { id: 'new' };
      },
      'meetings.get': () => detail({ id: 'new', kind: 'liaison', name: '2025年第一次联络员会议' }),
      'minutes.getSettings': () => ({
        numberStyle: 'qi',
        copyLabel: '抄报',
        copyTo: ['市人民政府'],
        mark: '纪要',
        issuer: '办公室',
      }),
    });
    const { user } = renderApp(api, '/meetings');
    const row = (await screen.findByRole('link', { name: '2025年第一次全体会议' })).closest('tr')!;
    expect(row).toHaveTextContent('已印发（第1期）');

    const form = screen.getByRole('form', { name: '登记会议' });
    await user.selectOptions(within(form).getByLabelText('会议类型'), 'liaison');
    expect(within(form).getByLabelText('筹备的联席会议')).toHaveDisplayValue('（暂不指定）');
    await user.type(within(form).getByLabelText('会议日期'), '2025-03-10');
    // Enter in a field does not send the form.
    await user.type(within(form).getByLabelText('会议时间'), '上午9:30{Enter}');
    expect(api.callsTo('meetings.create')).toHaveLength(0);
    await user.click(within(form).getByRole('button', { name: '登记会议' }));
    expect(await within(form).findByText('请填写会议地点')).toBeInTheDocument();
    await user.type(within(form).getByLabelText('会议地点'), '市民政局会议室');
    await user.click(within(form).getByRole('button', { name: '登记会议' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: '2025年第一次联络员会议' }),
    ).toBeInTheDocument();
    expect(api.callsTo('meetings.create').at(-1)).toEqual({
      kind: 'liaison',
      date: '2025-03-10',
      time: '上午9:30',
      place: '市民政局会议室',
      chairKind: 'convener',
    });
  });

  it('shows the agenda with carried tasks, marks attendance and records an approval', async () => {
    const api = createFakeApi({
      'app.status': () => fakeStatus(),
      'meetings.get': () => detail(),
      'attendance.mark': () => ({ id: 'x' }),
      'decisions.approve': () => ({ id: 'd1' }),
      'decisions.create': () => ({ id: 'd2', taskId: 't2' }),
    });
    const { user } = renderApp(api, '/meetings/p1');
    const agenda = await screen.findByRole('region', { name: '会议议程' });
    expect(
      within(agenda)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      '年度工作安排（市民政局提出）',
      '上次议定事项台账季度更新（2024年第一次全体会议议定，市教育局牵头，时限2024-12-31，已逾期）',
    ]);

    const attendance = screen.getByRole('region', { name: '出席情况' });
    await user.click(within(attendance).getByRole('button', { name: '陈家斌请假' }));
    await user.type(within(attendance).getByLabelText('陈家斌请假事由'), '出差');
    await user.click(within(attendance).getByRole('button', { name: '登记陈家斌请假' }));
    expect(api.callsTo('attendance.mark')).toEqual([
      { meetingId: 'p1', postId: 'b', status: 'absent', reason: '出差' },
    ]);

    const item = screen.getByRole('listitem', { name: '议定事项第1项' });
    expect(item).toHaveTextContent('待报批');
    const approval = within(item).getByRole('form', { name: '第1项报批结果' });
    await user.type(within(approval).getByLabelText('批复日期'), '2025-03-25');
    await user.type(within(approval).getByLabelText('批复机关或领导'), '市人民政府');
    await user.click(within(approval).getByRole('button', { name: '登记批复' }));
    expect(api.callsTo('decisions.approve')).toEqual([
      { id: 'd1', outcome: 'approved', date: '2025-03-25', approver: '市人民政府' },
    ]);

    const form = screen.getByRole('form', { name: '记录议定事项' });
    await user.type(within(form).getByLabelText('议定事项内容'), '开展专项排查');
    await user.selectOptions(within(form).getByLabelText('牵头单位'), 'civil');
    await user.click(within(form).getByRole('checkbox', { name: '市教育局' }));
    await user.type(within(form).getByLabelText('完成时限'), '2025-06-30');
    await user.click(within(form).getByRole('checkbox', { name: '重大事项（须报批）' }));
    await user.click(within(form).getByRole('button', { name: '添加议定事项' }));
    expect(api.callsTo('decisions.create')).toEqual([
      {
        meetingId: 'p1',
        text: '开展专项排查',
        leadUnitId: 'civil',
        coUnitIds: ['edu'],
        deadline: '2025-06-30',
        major: true,
      },
    ]);
  });

  it('minutes: edits a draft, issues it, shows issued versions locked, and previews the print', async () => {
    const draft = {
      id: 'm1',
      version: 1,
      status: 'draft' as const,
      title: '纪要',
      text: '会议认为：\n一、同意',
      blocks: [],
      sendTo: ['市民政局'],
      number: null,
      issuedDate: null,
      createdAt: '',
    };
    let versions: MeetingDetail['minutes'] = [draft];
    const api = createFakeApi({
      'app.status': () => fakeStatus({ shell: 'preview' }),
      'meetings.get': () =>
        detail({ minutes: versions, minutesStatus: versions[0]!.status === 'draft' ? 'draft' : 'issued' }),
      'minutes.getSettings': () => ({
        numberStyle: 'qi',
        copyLabel: '抄报',
        copyTo: ['市人民政府'],
        mark: '纪要',
        issuer: '办公室',
      }),
      'minutes.save': () => ({ id: 'm1' }),
      'minutes.issue': () => ({ id: 'm1', number: '第1期' }),
      'print.render': () => ({ title: '纪要', html: '<!DOCTYPE html><html><body>纪要正文</body></html>' }),
    });
    const { user } = renderApp(api, '/meetings/p1/minutes');
    const body = await screen.findByLabelText(/纪要正文/);
    await user.clear(body);
    await user.type(body, '会议认为：{Enter}一、同意经费方案');
    await user.click(screen.getByRole('button', { name: '保存草稿' }));
    expect(api.callsTo('minutes.save')).toEqual([
      { id: 'm1', title: '纪要', text: '会议认为：\n一、同意经费方案', sendTo: ['市民政局'] },
    ]);

    const issue = screen.getByRole('form', { name: '印发纪要' });
    await user.type(within(issue).getByLabelText('印发日期'), '2025-03-22');
    versions = [
      {
        ...draft,
        status: 'issued',
        number: '第1期',
        issuedDate: '2025-03-22',
        blocks: [
          { type: 'paragraph', text: '会议认为：' },
          { type: 'heading1', text: '一、同意经费方案' },
        ],
      },
    ];
    await user.click(within(issue).getByRole('button', { name: '印发纪要' }));
    expect(api.callsTo('minutes.issue')).toEqual([{ id: 'm1', date: '2025-03-22' }]);
    act(() => api.emit('store.changed', { entities: ['minutes'] }));
    expect(await screen.findByText(/已印发的纪要不能修改/)).toBeInTheDocument();
    expect(screen.queryByLabelText(/纪要正文/, { selector: 'textarea' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '更正（另起新版本）' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '打印预览' }));
    const frame = await screen.findByTitle('会议纪要打印预览');
    expect(frame.getAttribute('srcdoc')).toContain('纪要正文');
    expect(api.callsTo('print.render').at(-1)).toEqual({
      kind: 'minutes',
      id: 'p1',
      options: { version: 1 },
    });
  });
});
