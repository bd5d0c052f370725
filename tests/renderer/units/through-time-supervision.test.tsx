// Issue 12 §4–5 on the units pages over a fake bridge: a successor in another unit, 单位更名/合并, duty items with
// history and the notice's wording, and on a task 延期, 修改事项 and 催办 — each offered only to roles that may do it.
import { screen, within } from '@testing-library/react';
import { AppError } from '../../../electron/contract/errors';
import type { CompositionView, TaskDetail, UnitDetail } from '../../../electron/contract/schemas/units';
import { createFakeApi, fakeStatus } from '../../helpers/fake-api';
import { sessionFor } from '../../helpers/fake-accounts';
import { renderUnits } from './render-units';

const composition = (): CompositionView => ({
  setUp: true,
  date: '2026-03-10',
  body: { name: '揭阳市农村留守儿童关爱保护工作联席会议', level: 'city', origin: 'template', from: '2017-03-20', docNumber: '揭府办〔2017〕24号', officeName: '联席会议办公室' },
  units: [
    { id: 'gongan', name: '市公安局', dutyName: '市公安局', order: 7, duty: null },
    {
      id: 'dishui',
      name: '国家税务总局揭阳市税务局',
      dutyName: '国家税务总局揭阳市税务局',
      order: 16,
      duty: null,
      names: [
        { name: '市地税局', from: '2017-03-20', to: '2018-07-20' },
        { name: '国家税务总局揭阳市税务局', from: '2018-07-20', to: null },
      ],
    },
    { id: 'gongshang', name: '市工商局', dutyName: '市工商局', order: 17, duty: null },
    { id: 'fazhi', name: '市法制局', dutyName: '市法制局', order: 19, duty: null },
  ],
  posts: [
    { id: 'p1', role: 'convener', personName: '马儒生', title: '副市长、市公安局局长', unitId: 'gongan', unitName: '市公安局', order: 1, from: '2017-03-20', to: null },
    { id: 'p2', role: 'deputyConvener', personName: '陈家斌', title: '市政府副秘书长', unitId: null, unitName: '市政府', order: 2, from: '2017-03-20', to: null },
  ],
  history: [],
});

const viewer = () => fakeStatus({ session: sessionFor('viewer') });

describe('composition through time', () => {
  it('shows 陈家斌 under 市政府 and the former name; a successor may serve in no member unit', async () => {
    const api = createFakeApi({
      'app.status': () => fakeStatus(),
      'composition.get': () => composition(),
      'posts.replace': (a) => ({ id: 'p9', role: 'convener', personName: a.personName, title: a.title, unitId: null, unitName: '市政府', order: 1, from: a.from, to: null }),
    });
    const { user } = renderUnits(api, '/units');
    const posts = await screen.findByRole('region', { name: '组成人员' });
    const chen = within(posts).getByRole('cell', { name: '陈家斌' }).closest('tr')!;
    expect(within(chen).getByRole('cell', { name: '市政府' })).toBeInTheDocument();
    expect(screen.getByText('原称「市地税局」（至 2018-07-20）')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '更换马儒生' }));
    const form = screen.getByRole('form', { name: '更换马儒生' });
    expect(within(form).getByLabelText(/接任人所在单位/)).toHaveValue('__same');
    await user.type(within(form).getByLabelText('接任人姓名'), '李新市');
    const title = within(form).getByLabelText('接任人职务');
    await user.clear(title);
    await user.type(title, '副市长');
    await user.selectOptions(within(form).getByLabelText(/接任人所在单位/), '（不属于成员单位）');
    const date = within(form).getByLabelText(/接任日期/);
    await user.clear(date);
    await user.type(date, '2026-01-05');
    await user.click(within(form).getByRole('button', { name: '确认更换' }));
    expect(api.callsTo('posts.replace')).toEqual([{ postId: 'p1', personName: '李新市', title: '副市长', from: '2026-01-05', unitId: null }]);
  });

  it('renames a unit and merges two, with the refusal shown next to the field', async () => {
    const api = createFakeApi({
      'app.status': () => fakeStatus(),
      'composition.get': () => composition(),
      'units.rename': (a) => {
        if (a.from < '2017-03-20') throw new AppError('VALIDATION', '更名日期应晚于 2017-03-20。', { from: '应晚于 2017-03-20。' });
        return { ...composition().units[2]!, name: a.name };
      },
      'units.merge': (a) => ({ ...composition().units[2]!, name: a.name }),
    });
    const { user } = renderUnits(api, '/units');
    await user.click(await screen.findByRole('button', { name: '单位更名' }));
    const rename = screen.getByRole('form', { name: '单位更名' });
    await user.selectOptions(within(rename).getByLabelText('成员单位'), '市工商局');
    await user.type(within(rename).getByLabelText(/新名称/), '市市场监督管理局');
    const from = within(rename).getByLabelText(/更名日期/);
    await user.clear(from);
    await user.type(from, '2016-01-01');
    await user.click(within(rename).getByRole('button', { name: '确认更名' }));
    expect(await within(rename).findByText('应晚于 2017-03-20。')).toBeInTheDocument();
    await user.clear(from);
    await user.type(from, '2019-01-10');
    await user.click(within(rename).getByRole('button', { name: '确认更名' }));
    expect(api.callsTo('units.rename').at(-1)).toEqual({ unitId: 'gongshang', name: '市市场监督管理局', from: '2019-01-10' });
    expect(screen.queryByRole('form', { name: '单位更名' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '单位合并' }));
    const merge = screen.getByRole('form', { name: '单位合并' });
    await user.selectOptions(within(merge).getByLabelText('承继单位'), '市工商局');
    await user.click(within(merge).getByRole('checkbox', { name: '市法制局' }));
    await user.type(within(merge).getByLabelText('合并后的单位名称'), '市市场监督管理局');
    const day = within(merge).getByLabelText('合并日期');
    await user.clear(day);
    await user.type(day, '2019-01-10');
    await user.click(within(merge).getByRole('button', { name: '确认合并' }));
    expect(api.callsTo('units.merge')).toEqual([{ unitIds: ['gongshang', 'fazhi'], name: '市市场监督管理局', from: '2019-01-10' }]);
  });

  it('offers no changes to a viewer', async () => {
    const api = createFakeApi({ 'app.status': () => viewer(), 'composition.get': () => composition() });
    renderUnits(api, '/units', viewer());
    await screen.findByRole('region', { name: '组成人员' });
    expect(screen.queryByRole('button', { name: '单位更名' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '单位合并' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '更换马儒生' })).not.toBeInTheDocument();
  });
});

const unitDetail = (): UnitDetail => ({
  date: '2026-03-10',
  unit: {
    id: 'dishui',
    name: '国家税务总局揭阳市税务局',
    dutyName: '国家税务总局揭阳市税务局',
    order: 16,
    from: '2017-03-20',
    to: null,
    names: composition().units[1]!.names!,
    duty: {
      paragraph: '指导各级地方税务部门落实税费减免优惠政策。指导落实定向减税政策。',
      items: [
        {
          id: 'dishui.1',
          text: '指导各级税务部门落实税费减免优惠政策。',
          original: '指导各级地方税务部门落实税费减免优惠政策。',
          history: [
            { text: '指导各级地方税务部门落实税费减免优惠政策。', from: '2017-03-20', to: '2018-07-20', note: '', by: '' },
            { text: '指导各级税务部门落实税费减免优惠政策。', from: '2018-07-20', to: null, note: '国税地税征管体制改革', by: '王管理' },
          ],
        },
        { id: 'dishui.2', text: '指导落实定向减税政策。' },
      ],
    },
  },
  posts: [],
  formerPosts: [],
  liaisonHistory: [],
  leading: [],
  cooperating: [],
  reports: [],
});

describe('duty items', () => {
  it('shows the notice wording and history, rewords an item from a date and adds one', async () => {
    const api = createFakeApi({
      'app.status': () => fakeStatus(),
      'units.get': () => unitDetail(),
      'units.editDuty': () => unitDetail().unit,
      'units.addDuty': () => unitDetail().unit,
    });
    const { user } = renderUnits(api, '/units/dishui');
    const names = await screen.findByRole('region', { name: '名称沿革' });
    expect(within(names).getByText('市地税局：2017-03-20 至 2018-07-20')).toBeInTheDocument();
    const duty = screen.getByRole('region', { name: '职责分工' });
    expect(within(duty).getByText('通知原文：指导各级地方税务部门落实税费减免优惠政策。')).toBeInTheDocument();
    expect(within(duty).getByText('修改记录（1 次）')).toBeInTheDocument();
    expect(within(duty).getByText(/国税地税征管体制改革，王管理/)).toBeInTheDocument();

    await user.click(within(duty).getByRole('button', { name: '修改第2条职责' }));
    const form = within(duty).getByRole('form', { name: '修改第2条职责' });
    const text = within(form).getByLabelText('职责内容');
    expect(text).toHaveValue('指导落实定向减税政策。');
    await user.clear(text);
    await user.type(text, '指导落实定向减税和普遍性降费政策。');
    const from = within(form).getByLabelText(/生效日期/);
    await user.clear(from);
    await user.type(from, '2019-01-01');
    await user.type(within(form).getByLabelText(/修改依据/), '市编办文件');
    await user.click(within(form).getByRole('button', { name: '保存修改' }));
    expect(api.callsTo('units.editDuty')).toEqual([
      { unitId: 'dishui', itemId: 'dishui.2', text: '指导落实定向减税和普遍性降费政策。', from: '2019-01-01', note: '市编办文件' },
    ]);

    await user.click(within(duty).getByRole('button', { name: '增加职责条目' }));
    const add = within(duty).getByRole('form', { name: '增加职责条目' });
    await user.type(within(add).getByLabelText('职责内容'), '配合做好社会保险费征收工作。');
    const day = within(add).getByLabelText('生效日期');
    await user.clear(day);
    await user.type(day, '2019-01-01');
    await user.click(within(add).getByRole('button', { name: '保存' }));
    expect(api.callsTo('units.addDuty')).toEqual([{ unitId: 'dishui', text: '配合做好社会保险费征收工作。', from: '2019-01-01' }]);
  });

  it('lets a viewer read the history but not change duties', async () => {
    const api = createFakeApi({ 'app.status': () => viewer(), 'units.get': () => unitDetail() });
    renderUnits(api, '/units/dishui', viewer());
    const duty = await screen.findByRole('region', { name: '职责分工' });
    expect(within(duty).getByText('通知原文：指导各级地方税务部门落实税费减免优惠政策。')).toBeInTheDocument();
    expect(within(duty).queryByRole('button', { name: /修改第/ })).not.toBeInTheDocument();
    expect(within(duty).queryByRole('button', { name: '增加职责条目' })).not.toBeInTheDocument();
  });
});

const task = (over: Partial<TaskDetail> = {}): TaskDetail => ({
  id: 't1',
  title: '配齐寄宿制学校生活管理教师',
  source: { kind: 'adhoc' },
  sourceLabel: '临时交办',
  lead: { id: 'jiaoyu', name: '市教育局' },
  coUnits: [{ id: 'caizheng', name: '市财政局' }],
  deadline: '2026-02-18',
  status: '已逾期',
  daysLeft: -20,
  reportCount: 0,
  latestReport: null,
  childIds: [],
  originalDeadline: null,
  urgeCount: 0,
  reports: [],
  children: [],
  closedOn: null,
  closeNote: '',
  cancelReason: '',
  dutyItemText: '',
  extensions: [],
  history: [],
  urges: [],
  ...over,
});

describe('supervision on the task page', () => {
  it('says 已逾期 once, and extends the deadline with reason, approver and date', async () => {
    const api = createFakeApi({
      'app.status': () => fakeStatus(),
      'tasks.get': () => task(),
      'tasks.extend': (a) => {
        if (!a.reason.trim()) throw new AppError('VALIDATION', '延期信息填写不完整。', { reason: '请填写延期理由。' });
        return task({ deadline: a.deadline, originalDeadline: '2026-02-18', status: '未开始' });
      },
    });
    const { user } = renderUnits(api, '/units/tasks/t1');
    await screen.findByRole('heading', { level: 1, name: '配齐寄宿制学校生活管理教师' });
    const status = screen.getByText('状态').closest('.fact')!;
    expect(status.textContent).toBe('状态已逾期 20 天');
    expect((status.textContent ?? '').match(/逾期/g)).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: '延期' }));
    const form = screen.getByRole('form', { name: '延期' });
    await user.type(within(form).getByLabelText('新的完成时限'), '2026-06-30');
    await user.type(within(form).getByLabelText(/批准人/), '召集人马儒生');
    const from = within(form).getByLabelText(/批准日期/);
    await user.clear(from);
    await user.type(from, '2026-03-01');
    await user.click(within(form).getByRole('button', { name: '确认延期' }));
    expect(await within(form).findByText('请填写延期理由。')).toBeInTheDocument();
    await user.type(within(form).getByLabelText('延期理由'), '招聘计划需经编办审批');
    await user.click(within(form).getByRole('button', { name: '确认延期' }));
    expect(api.callsTo('tasks.extend').at(-1)).toEqual({ id: 't1', deadline: '2026-06-30', reason: '招聘计划需经编办审批', approvedBy: '召集人马儒生', from: '2026-03-01' });
  });

  it('shows the original deadline, the extension, edit history and 催办 records, and prints a notice', async () => {
    const api = createFakeApi({
      'app.status': () => fakeStatus(),
      'tasks.get': () =>
        task({
          status: '未开始',
          deadline: '2026-06-30',
          daysLeft: 112,
          originalDeadline: '2026-02-18',
          extensions: [{ deadline: '2026-06-30', previous: '2026-02-18', reason: '招聘计划需经编办审批', approvedBy: '召集人马儒生', from: '2026-03-01', by: '王管理' }],
          history: [{ date: '2026-03-05', by: '王管理', reason: '按会议纪要措辞更正', changes: [{ field: '配合单位', before: '市财政局', after: '市财政局、市人力资源社会保障局' }] }],
          urgeCount: 1,
          urges: [{ id: 'u1', taskId: 't1', year: 2026, number: 3, numberLabel: '催办〔2026〕3号', date: '2026-02-25', replyBy: '2026-03-05', text: '请说明逾期原因', by: '王管理' }],
        }),
      'print.render': () => ({ title: '催办通知（催办〔2026〕3号）', html: '<p>催办〔2026〕3号</p>' }),
      'print.print': () => ({ printed: true }),
    });
    const { user } = renderUnits(api, '/units/tasks/t1');
    expect(await screen.findByText('（原定 2026-02-18，已延期）')).toBeInTheDocument();
    const ext = screen.getByRole('region', { name: '延期记录' });
    expect(ext).toHaveTextContent('经召集人马儒生批准，时限由 2026-02-18 延至 2026-06-30。理由：招聘计划需经编办审批');
    expect(screen.getByRole('region', { name: '修改记录' })).toHaveTextContent('配合单位：由「市财政局」改为「市财政局、市人力资源社会保障局」');
    const urges = screen.getByRole('region', { name: '催办记录' });
    await user.click(within(urges).getByRole('button', { name: '打印催办〔2026〕3号' }));
    expect(api.callsTo('print.render')).toEqual([{ kind: 'urgeNotice', id: 'u1' }]);
    const preview = within(urges).getByRole('group', { name: '催办通知催办〔2026〕3号' });
    expect(await within(preview).findByTitle('催办通知催办〔2026〕3号打印预览')).toBeInTheDocument();
    await user.click(within(preview).getByRole('button', { name: '打印' }));
    expect(api.callsTo('print.print')).toEqual([{ kind: 'urgeNotice', id: 'u1' }]);
  });

  it('edits the task with a reason and issues a 催办通知', async () => {
    const api = createFakeApi({
      'app.status': () => fakeStatus(),
      'tasks.get': () => task(),
      'composition.get': () => ({ ...composition(), units: [...composition().units, { id: 'jiaoyu', name: '市教育局', dutyName: '市教育局', order: 6, duty: null }, { id: 'caizheng', name: '市财政局', dutyName: '市财政局', order: 10, duty: null }] }),
      'tasks.edit': () => task(),
      'tasks.urge': (a) => ({ id: 'u2', taskId: a.id, year: 2026, number: 4, numberLabel: '催办〔2026〕4号', date: a.date ?? '2026-03-10', replyBy: a.replyBy, text: a.text ?? '', by: '王管理' }),
    });
    const { user } = renderUnits(api, '/units/tasks/t1');
    await user.click(await screen.findByRole('button', { name: '修改事项' }));
    const edit = screen.getByRole('form', { name: '修改事项' });
    await user.click(await within(edit).findByRole('checkbox', { name: '市公安局' }));
    await user.type(within(edit).getByLabelText(/修改说明/), '公安局负责安全排查');
    await user.click(within(edit).getByRole('button', { name: '保存修改' }));
    expect(api.callsTo('tasks.edit')).toEqual([{ id: 't1', reason: '公安局负责安全排查', coUnitIds: ['caizheng', 'gongan'] }]);

    await user.click(screen.getByRole('button', { name: '发催办通知' }));
    const urge = screen.getByRole('form', { name: '发催办通知' });
    expect(urge).toHaveTextContent('致市教育局、市财政局');
    const day = within(urge).getByLabelText('催办日期');
    await user.clear(day);
    await user.type(day, '2026-03-10');
    await user.type(within(urge).getByLabelText(/报送时限/), '2026-03-20');
    await user.type(within(urge).getByLabelText(/催办要求/), '请说明逾期原因');
    await user.click(within(urge).getByRole('button', { name: '发出催办通知' }));
    expect(api.callsTo('tasks.urge')).toEqual([{ id: 't1', date: '2026-03-10', replyBy: '2026-03-20', text: '请说明逾期原因' }]);
  });

  it('offers a viewer neither 延期, 修改 nor 催办', async () => {
    const api = createFakeApi({ 'app.status': () => viewer(), 'tasks.get': () => task() });
    renderUnits(api, '/units/tasks/t1', viewer());
    await screen.findByRole('heading', { level: 1, name: '配齐寄宿制学校生活管理教师' });
    for (const name of ['延期', '修改事项', '发催办通知']) expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
  });

  it('offers nothing on a closed task, even to an administrator', async () => {
    const api = createFakeApi({ 'app.status': () => fakeStatus(), 'tasks.get': () => task({ status: '已销号', closedOn: '2026-03-01' }) });
    renderUnits(api, '/units/tasks/t1');
    await screen.findByText('已于 2026-03-01 销号');
    for (const name of ['延期', '修改事项', '发催办通知']) expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
  });
});
