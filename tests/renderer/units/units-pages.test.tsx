// The composition and task pages over a fake bridge: what they show and what they send.
import { screen, within } from '@testing-library/react';
import { AppError } from '../../../electron/contract/errors';
import type { CompositionView, TaskDetail, TaskRow } from '../../../electron/contract/schemas/units';
import { createFakeApi, fakeStatus } from '../../helpers/fake-api';
import { renderUnits as renderApp } from './render-units';

const duty = { paragraph: '指导做好教育关爱工作。加强寄宿制学校建设。', items: [{ id: 'jiaoyu.1', text: '指导做好教育关爱工作。' }, { id: 'jiaoyu.2', text: '加强寄宿制学校建设。' }] };
const composition = (over: Partial<CompositionView> = {}): CompositionView => ({
  setUp: true,
  date: '2025-07-10',
  body: { name: '揭阳市农村留守儿童关爱保护工作联席会议', level: 'city', origin: 'template', from: '2017-03-20', docNumber: '揭府办〔2017〕24号', officeName: '联席会议办公室' },
  units: [
    { id: 'jiaoyu', name: '市教育局', dutyName: '市教育局', order: 1, duty },
    { id: 'minzheng', name: '市民政局', dutyName: '市民政局', order: 2, duty: null, liaison: { name: '陈联络', post: '儿童福利科科长', phone: '0663-8123456' } },
  ],
  posts: [
    { id: 'p1', role: 'convener', personName: '马儒生', title: '副市长、市公安局局长', unitId: null, unitName: '市政府', order: 1, from: '2017-03-20', to: null },
    { id: 'p2', role: 'member', personName: '倪任华', title: '市教育局副局长', unitId: 'jiaoyu', unitName: '市教育局', order: 9, from: '2017-03-20', to: null },
  ],
  history: [],
  ...over,
});

describe('composition page', () => {
  it('offers the notice template to a city office that has not set up, and sends the set-up', async () => {
    let setUp = false;
    const api = createFakeApi({
      'app.status': () => fakeStatus(),
      'composition.get': () => (setUp ? composition() : composition({ setUp: false, units: [], posts: [] })),
      'composition.template': () => ({ bodyName: '揭阳市农村留守儿童关爱保护工作联席会议', level: 'city', docNumber: '揭府办〔2017〕24号', date: '2017-03-20', unitCount: 26, dutyUnitCount: 25, posts: [{ order: 1, role: 'convener', unitName: '市公安局', personName: '马儒生', title: '副市长、市公安局局长' }] }),
      'composition.setup': () => {
        setUp = true;
        return composition();
      },
    });
    const { user } = renderApp(api, '/units');
    expect(await screen.findByRole('heading', { name: '设置联席会议组成' })).toBeInTheDocument();
    expect(await screen.findByText(/成员单位 26 个（其中 25 个有职责分工）/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '按通知模板设置' }));
    expect(api.callsTo('composition.setup')).toEqual([{ mode: 'template' }]);
    api.emit('store.changed', { entities: ['post'] });
    const posts = await screen.findByRole('region', { name: '组成人员' });
    expect(within(posts).getByRole('cell', { name: '倪任华' })).toBeInTheDocument();
  });

  it('shows who was who, and replaces a member with a successor from a date, with errors by the field', async () => {
    const api = createFakeApi({
      'app.status': () => fakeStatus(),
      'composition.get': (a) => composition({ date: a.date ?? '2025-07-10' }),
      'posts.replace': (a) => {
        if (a.from <= '2017-03-20') throw new AppError('VALIDATION', '接任日期应晚于前任的任职起始日期。', { from: '应晚于 2017-03-20。' });
        return { id: 'p9', role: 'member', personName: a.personName, title: a.title, unitId: 'jiaoyu', unitName: '市教育局', order: 9, from: a.from, to: null };
      },
    });
    const { user } = renderApp(api, '/units');
    const units = await screen.findByRole('region', { name: '成员单位（2 个）' });
    expect(within(units).getByRole('link', { name: '市教育局' })).toHaveAttribute('href', '/units/jiaoyu');
    expect(within(units).getByText('陈联络（儿童福利科科长）')).toBeInTheDocument();
    expect(within(units).getByText('通知未列职责')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '更换倪任华' }));
    const form = screen.getByRole('form', { name: '更换倪任华' });
    // Enter in an empty required field does not send the form.
    await user.type(within(form).getByLabelText('接任人姓名'), '{Enter}');
    expect(api.callsTo('posts.replace')).toHaveLength(0);
    await user.type(within(form).getByLabelText('接任人姓名'), '王小明');
    const date = within(form).getByLabelText(/接任日期/);
    await user.clear(date);
    await user.type(date, '2017-03-01');
    await user.click(within(form).getByRole('button', { name: '确认更换' }));
    expect(await within(form).findByText('应晚于 2017-03-20。')).toBeInTheDocument();
    expect(within(form).getByLabelText(/接任日期/)).toHaveAttribute('aria-invalid', 'true');
    await user.clear(date);
    await user.type(date, '2025-03-01');
    await user.click(within(form).getByRole('button', { name: '确认更换' }));
    expect(api.callsTo('posts.replace').at(-1)).toEqual({ postId: 'p2', personName: '王小明', title: '市教育局副局长', from: '2025-03-01' });
    expect(screen.queryByRole('form', { name: '更换倪任华' })).not.toBeInTheDocument();

    await user.type(screen.getByLabelText(/查看某日的组成/), '2020-01-01');
    expect(api.callsTo('composition.get').at(-1)).toEqual({ date: '2020-01-01' });
  });
});

const row = (over: Partial<TaskRow> = {}): TaskRow => ({
  id: 't1',
  title: '配齐寄宿制学校生活管理教师',
  source: { kind: 'duty', dutyItemId: 'jiaoyu.2' },
  sourceLabel: '职责分工',
  lead: { id: 'jiaoyu', name: '市教育局' },
  coUnits: [{ id: 'minzheng', name: '市民政局' }],
  deadline: '2025-06-30',
  status: '已逾期',
  daysLeft: -10,
  reportCount: 1,
  latestReport: { id: 'r1', unitId: 'minzheng', unitName: '市民政局', date: '2025-06-01', text: '已摸底', final: false },
  childIds: [],
  originalDeadline: null,
  urgeCount: 0,
  ...over,
});
const detail = (over: Partial<TaskDetail> = {}): TaskDetail => ({
  ...row(),
  reports: [{ id: 'r1', unitId: 'minzheng', unitName: '市民政局', date: '2025-06-01', text: '已摸底', final: false }],
  children: [],
  closedOn: null,
  closeNote: '',
  cancelReason: '',
  dutyItemText: '加强寄宿制学校建设。',
  extensions: [],
  history: [],
  urges: [],
  ...over,
});

describe('task pages', () => {
  it('lists tasks with their status, filters the overdue ones and creates a task for two units', async () => {
    const api = createFakeApi({
      'app.status': () => fakeStatus(),
      'composition.get': () => composition(),
      'tasks.list': () => [row(), row({ id: 't2', title: '开展安全教育', status: '进行中', daysLeft: 5, deadline: '2025-07-15' })],
      'tasks.create': (a) => detail({ id: 't3', title: a.title }),
      'tasks.get': () => detail({ id: 't3', title: '建立月度通报机制', status: '未开始', reports: [], latestReport: null }),
    });
    const { user, router } = renderApp(api, '/units/tasks');
    const table = await screen.findByRole('table', { name: '督办事项列表' });
    const first = within(table).getByRole('link', { name: '配齐寄宿制学校生活管理教师' }).closest('tr')!;
    expect(within(first).getByText('已逾期', { selector: '.u-badge' })).toBeInTheDocument();
    expect(within(first).getByText('逾期 10 天')).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: '只看已逾期' }));
    expect(api.callsTo('tasks.list').at(-1)).toEqual({ overdue: true });

    await user.click(screen.getByRole('button', { name: '新建督办事项' }));
    const form = screen.getByRole('form', { name: '新建督办事项' });
    await user.type(within(form).getByLabelText('督办事项'), '建立月度通报机制');
    await user.selectOptions(within(form).getByLabelText('牵头单位'), 'jiaoyu');
    await user.type(within(form).getByLabelText('完成时限'), '2025-09-30');
    await user.type(within(form).getByLabelText(/交办日期/), '2025-06-15');
    await user.selectOptions(within(form).getByLabelText('事项来源'), 'duty');
    await user.selectOptions(within(form).getByLabelText('对应的职责条目'), 'jiaoyu.2');
    await user.click(within(form).getByRole('checkbox', { name: '市民政局' }));
    await user.click(within(form).getByRole('button', { name: '保存督办事项' }));
    expect(api.callsTo('tasks.create')).toEqual([
      { title: '建立月度通报机制', source: { kind: 'duty', dutyItemId: 'jiaoyu.2' }, leadUnitId: 'jiaoyu', coUnitIds: ['minzheng'], deadline: '2025-09-30', assignedOn: '2025-06-15' },
    ]);
    expect(router.state.location.pathname).toBe('/units/tasks/t3');
  });

  it('takes a progress report and shows why 销号 is refused', async () => {
    const api = createFakeApi({
      'app.status': () => fakeStatus(),
      'tasks.get': () => detail(),
      'tasks.report': () => detail(),
      'tasks.close': () => {
        throw new AppError('FINAL_REPORT_REQUIRED', '该事项尚无办结报告，不能销号。请先由承办单位报送办结情况。');
      },
    });
    const { user } = renderApp(api, '/units/tasks/t1');
    expect(await screen.findByRole('heading', { level: 1, name: '配齐寄宿制学校生活管理教师' })).toBeInTheDocument();
    expect(screen.getByText('职责条目：加强寄宿制学校建设。')).toBeInTheDocument();
    const report = screen.getByRole('form', { name: '报送进展' });
    await user.selectOptions(within(report).getByLabelText('报送单位'), 'jiaoyu');
    const date = within(report).getByLabelText('报送日期');
    await user.clear(date);
    await user.type(date, '2025-07-09');
    await user.type(within(report).getByLabelText('进展情况'), '已招聘到岗 60 名');
    await user.click(within(report).getByRole('button', { name: '报送' }));
    expect(api.callsTo('tasks.report')).toEqual([{ taskId: 't1', unitId: 'jiaoyu', date: '2025-07-09', text: '已招聘到岗 60 名', final: false }]);

    const close = screen.getByRole('form', { name: '销号' });
    await user.click(within(close).getByRole('button', { name: '销号' }));
    expect(await within(close).findByRole('alert')).toHaveTextContent('尚无办结报告，不能销号');
  });
});
