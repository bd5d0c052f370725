// Member units as offices (issue 14), in the renderer: the liaison's desk at a unit office (and its setup-file
// import), the unit's progress report with an attachment and its extension request on the task page, the office's
// view of a unit's report and its answer to the request, and the 成员单位联络 page with its one-time setup code.
import { screen, within } from '@testing-library/react';
import type { TaskDetail, TaskRow } from '../../../electron/contract/schemas/units';
import type { ConnectedUnit, UnitDesk } from '../../../electron/contract/schemas/unit-office';
import {
  createFakeApi,
  fakeOffice,
  fakeStatus,
  uninitialisedStatus,
  type FakeHandlers,
} from '../../helpers/fake-api';
import { renderApp } from '../render-app';

const UNIT_FP = 'J2AB-CD3E-FG4H-JK5L-MN6P';
const OFFICE_FP = '7K3M-Q9TX-2HDP-WRN5-8CJA';
const unitStatus = () =>
  fakeStatus({
    office: fakeOffice({ code: '445200-jiaoyu', name: '揭阳市教育局', level: 'unit', fingerprint: UNIT_FP }),
  });

const row = (over: Partial<TaskRow> = {}): TaskRow => ({
  id: 't1',
  title: '落实留守儿童控辍保学措施',
  source: { kind: 'adhoc' },
  sourceLabel: '临时交办',
  lead: { id: 'jiaoyu', name: '市教育局' },
  coUnits: [{ id: 'gongan', name: '市公安局' }],
  deadline: '2026-12-31',
  status: '进行中',
  daysLeft: 33,
  reportCount: 0,
  latestReport: null,
  childIds: [],
  originalDeadline: null,
  urgeCount: 1,
  ...over,
});
const detail = (over: Partial<TaskDetail> = {}): TaskDetail => ({
  ...row(),
  reports: [],
  children: [],
  closedOn: null,
  closeNote: '',
  cancelReason: '',
  dutyItemText: '',
  extensions: [],
  history: [],
  urges: [],
  attachments: [],
  extensionRequests: [],
  contacts: [],
  ...over,
});

const desk = (over: Partial<UnitDesk> = {}): UnitDesk => ({
  today: '2026-11-28',
  office: { code: '445200-jiaoyu', name: '揭阳市教育局', level: 'unit' },
  unit: {
    id: 'jiaoyu',
    name: '市教育局',
    dutyItems: [{ id: 'jiaoyu.1', text: '负责留守儿童教育工作，控辍保学。' }],
    liaison: { name: '林晓', post: '基础教育科科长', phone: '0663-8220001' },
  },
  jointOffice: {
    code: '445200',
    name: '揭阳市民政局',
    connected: true,
    lastSentAt: null,
    lastReceivedAt: '2026-11-27T02:00:00.000Z',
  },
  tasks: [
    row(),
    row({
      id: 't2',
      title: '开展寒假安全教育',
      lead: { id: 'gongan', name: '市公安局' },
      coUnits: [{ id: 'jiaoyu', name: '市教育局' }],
      status: '已逾期',
      daysLeft: -8,
      deadline: '2026-11-20',
    }),
    row({
      id: 't3',
      title: '排查寄宿制学校生活老师配备',
      status: '进行中',
      daysLeft: 3,
      deadline: '2026-12-01',
    }),
  ],
  overdue: [
    row({ id: 't2', title: '开展寒假安全教育', status: '已逾期', daysLeft: -8, deadline: '2026-11-20' }),
  ],
  dueSoon: [row({ id: 't3', title: '排查寄宿制学校生活老师配备', daysLeft: 3, deadline: '2026-12-01' })],
  urges: [
    {
      id: 'u1',
      taskId: 't1',
      year: 2026,
      number: 3,
      numberLabel: '催办〔2026〕3号',
      date: '2026-11-25',
      replyBy: '2026-12-10',
      text: '请报送进展',
      by: '王管理',
    },
  ],
  extensionRequests: [],
  meetings: [
    {
      id: 'm1',
      name: '2026年第二次全体会议',
      date: '2026-10-15',
      minutes: [{ id: 'min1', number: '〔2026〕2号', title: '会议纪要', issuedDate: '2026-10-20' }],
    },
  ],
  bulletins: [
    {
      id: 'b1',
      year: 2026,
      number: 4,
      numberLabel: '第4期',
      date: '2026-11-01',
      from: '2026-10-01',
      to: '2026-10-31',
      title: '工作进展通报',
    },
  ],
  ...over,
});

/** jsdom's File has no arrayBuffer() (browsers and Electron do), so the chosen file supplies it. */
function chosenFile(text: string, name: string): File {
  const bytes = new TextEncoder().encode(text);
  const file = new File([bytes], name);
  Object.defineProperty(file, 'arrayBuffer', { value: async () => bytes.buffer });
  return file;
}
const b64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

function unitApi(handlers: FakeHandlers = {}) {
  return createFakeApi({ 'app.status': () => unitStatus(), 'unitOffice.desk': () => desk(), ...handlers });
}

describe('the liaison’s desk at a unit office', () => {
  it('shows the unit’s tasks, deadlines, 催办, duties, meetings with their minutes and bulletins; no ledger', async () => {
    const api = unitApi({ 'print.render': () => ({ html: '<p>纪要</p>' }) as never });
    const { user } = renderApp(api, '/');
    expect(await screen.findByRole('heading', { level: 1, name: '联络员工作台' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: /主导航|导航/ });
    expect(within(nav).queryByRole('link', { name: '留守儿童台账' })).not.toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: '数据交换' })).toBeInTheDocument();
    expect(
      api.calls.some(
        (c) => c.name.startsWith('children.') || c.name === 'alerts.list' || c.name.startsWith('reports.'),
      ),
    ).toBe(false);

    const table = await screen.findByRole('table', { name: '本单位督办事项' });
    const lead = within(table).getByRole('link', { name: '落实留守儿童控辍保学措施' }).closest('tr')!;
    expect(within(lead).getByText('牵头')).toBeInTheDocument();
    const co = within(table).getByRole('link', { name: '开展寒假安全教育' }).closest('tr')!;
    expect(within(co).getByText('配合')).toBeInTheDocument();
    expect(within(co).getByText('已逾期')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: '已逾期' })).getByText(/已逾期 8 天/)).toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: '即将到期' })).getByText(/3 天后到期/),
    ).toBeInTheDocument();
    expect(screen.getByText('催办〔2026〕3号')).toBeInTheDocument();
    expect(screen.getByText('负责留守儿童教育工作，控辍保学。')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /工作进展通报 第4期/ })).toHaveAttribute(
      'href',
      '/units/bulletins/b1',
    );
    // No setup form once connected.
    expect(screen.queryByRole('form', { name: '导入设置文件' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '查看纪要' }));
    expect(await screen.findByTitle(/纪要〔2026〕2号打印预览/)).toBeInTheDocument();
    expect(api.callsTo('print.render')).toEqual([{ kind: 'minutes', id: 'min1' }]);
  });

  it('imports the setup file with the code the office gave, then shows both fingerprints to compare', async () => {
    let connected = false;
    const api = unitApi({
      'unitOffice.desk': () =>
        desk(
          connected
            ? {}
            : {
                jointOffice: null,
                tasks: [],
                overdue: [],
                dueSoon: [],
                urges: [],
                meetings: [],
                bulletins: [],
              },
        ),
      'unitOffice.setupImport': () => {
        connected = true;
        return {
          applied: true,
          bundleId: 'x',
          sender: { code: '445200', name: '揭阳市民政局' },
          transfersAccepted: 0,
          added: 40,
          updated: 0,
          unchanged: 0,
          conflicts: 0,
          byEntity: {},
          alreadyApplied: false,
          operations: 40,
          office: { code: '445200', name: '揭阳市民政局', fingerprint: OFFICE_FP },
        } as never;
      },
      'exchange.card': () => ({ text: '{}', fileName: '名片.json', fingerprint: UNIT_FP }) as never,
    });
    const { user } = renderApp(api, '/');
    const form = await screen.findByRole('form', { name: '导入设置文件' });
    await user.click(within(form).getByRole('button', { name: '导入设置文件' }));
    expect(within(form).getByText('请选择设置文件')).toBeInTheDocument();
    expect(api.callsTo('unitOffice.setupImport')).toHaveLength(0);

    await user.upload(
      within(form).getByLabelText('设置文件'),
      chosenFile('{"setup":1}', '关爱成员单位设置_市教育局.json'),
    );
    await user.type(within(form).getByLabelText('设置码'), 'ABCD-EFGH-JKLM-NPQR');
    await user.click(within(form).getByRole('button', { name: '导入设置文件' }));
    const done = await screen.findByRole('status', { name: '设置完成' });
    expect(api.callsTo('unitOffice.setupImport')).toEqual([
      { data: b64('{"setup":1}'), setupCode: 'ABCD-EFGH-JKLM-NPQR' },
    ]);
    expect(within(done).getByText(/揭阳市民政局/)).toBeInTheDocument();
    const fps = within(done)
      .getAllByText((_, el) => el?.classList.contains('fingerprint') ?? false)
      .map((el) => el.textContent);
    expect(fps).toEqual(['7K3M Q9TX 2HDP WRN5 8CJA', 'J2AB CD3E FG4H JK5L MN6P']);
    expect(within(done).getByRole('button', { name: '导出本单位名片' })).toBeInTheDocument();
  });
});

describe('a task at a unit office', () => {
  it('files a progress report as the unit, with an attachment kept with its hash, as the 办结报告', async () => {
    let task = detail();
    const api = unitApi({
      'tasks.get': () => task,
      'composition.get': () => ({}) as never,
      'tasks.report': (a) => {
        task = detail({
          reports: [
            { id: 'r9', unitId: a.unitId, unitName: '市教育局', date: a.date, text: a.text, final: a.final },
          ],
        });
        return task;
      },
      'tasks.attach': (a) => ({
        id: 'a1',
        taskId: a.taskId,
        reportId: a.reportId ?? null,
        unitId: 'jiaoyu',
        unitName: '市教育局',
        fileName: a.fileName,
        size: 12,
        sha256: 'sha256:9f86d081884c7d65',
        date: '2026-11-28',
        source: '445200-jiaoyu',
      }),
    });
    const { user } = renderApp(api, '/units/tasks/t1');
    const form = await screen.findByRole('form', { name: '报送进展' });
    // The unit reports as itself: no choice of unit; the office's own actions are not offered here.
    expect(within(form).queryByLabelText('报送单位')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '延期' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '发催办通知' })).not.toBeInTheDocument();
    expect(screen.queryByRole('form', { name: '销号' })).not.toBeInTheDocument();

    await user.type(within(form).getByLabelText('进展情况'), '已完成全部学校排查，劝返12人。');
    await user.click(within(form).getByRole('checkbox', { name: /这是办结报告/ }));
    await user.upload(within(form).getByLabelText('附件'), chosenFile('复函扫描件', '复函.pdf'));
    await user.click(within(form).getByRole('button', { name: '报送' }));
    const saved = await within(form).findByRole('status');
    expect(saved).toHaveTextContent('附件「复函.pdf」已保存，校验值 sha256:9f86d081884c7d65');
    expect(api.callsTo('tasks.report')).toEqual([
      {
        taskId: 't1',
        unitId: 'jiaoyu',
        date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        text: '已完成全部学校排查，劝返12人。',
        final: true,
      },
    ]);
    expect(api.callsTo('tasks.attach')).toEqual([
      { taskId: 't1', reportId: 'r9', unitId: 'jiaoyu', fileName: '复函.pdf', data: b64('复函扫描件') },
    ]);
  });

  it('requests an extension: the new deadline and the reason go to the office', async () => {
    const api = unitApi({
      'tasks.get': () => detail(),
      'tasks.requestExtension': (a) =>
        detail({
          extensionRequests: [
            {
              id: 'x1',
              taskId: 't1',
              unitId: 'jiaoyu',
              unitName: '市教育局',
              deadline: a.deadline,
              reason: a.reason,
              date: '2026-11-28',
              status: 'pending',
              statusLabel: '待批复',
              decidedOn: null,
              decisionNote: '',
              source: '445200-jiaoyu',
            },
          ],
        }),
    });
    const { user } = renderApp(api, '/units/tasks/t1');
    await user.click(await screen.findByRole('button', { name: '申请延期' }));
    const form = screen.getByRole('form', { name: '申请延期' });
    await user.type(within(form).getByLabelText('申请的完成时限'), '2027-01-31');
    await user.type(within(form).getByLabelText('申请理由'), '寒假期间学校停课，需顺延一个月。');
    await user.click(within(form).getByRole('button', { name: '提交延期申请' }));
    expect(api.callsTo('tasks.requestExtension')).toEqual([
      { taskId: 't1', unitId: 'jiaoyu', deadline: '2027-01-31', reason: '寒假期间学校停课，需顺延一个月。' },
    ]);
    expect(screen.queryByRole('form', { name: '申请延期' })).not.toBeInTheDocument();
  });
});

describe('at the joint-meeting office', () => {
  it('shows a unit’s own report as 单位报送 and answers its extension request', async () => {
    const request = {
      id: 'x1',
      taskId: 't1',
      unitId: 'jiaoyu',
      unitName: '市教育局',
      deadline: '2027-01-31',
      reason: '寒假停课',
      date: '2026-11-28',
      status: 'pending' as const,
      statusLabel: '待批复',
      decidedOn: null,
      decisionNote: '',
      source: '445200-jiaoyu',
    };
    const api = createFakeApi({
      'app.status': () => fakeStatus(),
      'composition.get': () => ({}) as never,
      'tasks.get': () =>
        detail({
          reports: [
            {
              id: 'r1',
              unitId: 'jiaoyu',
              unitName: '市教育局',
              date: '2026-11-28',
              text: '劝返12人。',
              final: false,
              source: '445200-jiaoyu',
              sourceName: '揭阳市教育局',
              channel: '单位报送',
            },
            {
              id: 'r2',
              unitId: 'gongan',
              unitName: '市公安局',
              date: '2026-11-27',
              text: '电话报：已部署。',
              final: false,
              source: '445200',
              sourceName: '揭阳市民政局',
              channel: '办公室录入',
            },
          ],
          extensionRequests: [request],
        }),
      'tasks.decideExtension': () => detail(),
    });
    const { user } = renderApp(api, '/units/tasks/t1');
    const reports = await screen.findByRole('heading', { name: '进展报告' });
    const list = within(reports.closest('section')!);
    expect(list.getByText('劝返12人。').closest('li')).toHaveTextContent('单位报送（来源：445200-jiaoyu）');
    expect(list.getByText('电话报：已部署。').closest('li')).toHaveTextContent('办公室录入');
    // The office reports for any unit: the choice is there.
    expect(screen.getByRole('form', { name: '报送进展' })).toContainElement(
      screen.getByLabelText('报送单位'),
    );

    const item = screen.getByRole('listitem', { name: '市教育局的延期申请' });
    expect(item).toHaveTextContent('待批复');
    const decide = within(item).getByRole('form', { name: '批复市教育局的延期申请' });
    await user.type(within(decide).getByLabelText(/批准人/), '召集人 马儒生');
    await user.click(within(decide).getByRole('button', { name: '同意延期' }));
    expect(api.callsTo('tasks.decideExtension')).toEqual([
      {
        requestId: 'x1',
        approve: true,
        from: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        approvedBy: '召集人 马儒生',
      },
    ]);
  });

  it('lists the units’ connections and shows a unit’s one-time setup code with the fingerprint to compare', async () => {
    const unit = (over: Partial<ConnectedUnit>): ConnectedUnit => ({
      unitId: 'jiaoyu',
      unitName: '市教育局',
      officeCode: '445200-jiaoyu',
      connected: false,
      status: 'none',
      fingerprint: null,
      lastSentAt: null,
      lastReceivedAt: null,
      bundlesSent: 0,
      bundlesReceived: 0,
      waiting: 0,
      waitingByEntity: {},
      ...over,
    });
    const api = createFakeApi({
      'app.status': () => fakeStatus({ shell: 'preview' }),
      'unitOffice.connected': () => [
        unit({
          unitId: 'gongan',
          unitName: '市公安局',
          officeCode: '445200-gongan',
          connected: true,
          status: 'trusted',
          fingerprint: UNIT_FP,
          lastSentAt: '2026-11-27T02:00:00.000Z',
          waiting: 3,
          waitingByEntity: { task: 2, taskUrge: 1 },
        }),
        unit({}),
      ],
      'unitOffice.setupExport': (a) => ({
        fileName: '关爱成员单位设置_市教育局.json',
        setupCode: 'ABCD-EFGH-JKLM-NPQR',
        unitId: a.unitId,
        unitOfficeCode: '445200-jiaoyu',
        operations: 40,
        bytes: 100,
        fingerprint: OFFICE_FP,
        base64: b64('{}'),
      }),
    });
    URL.createObjectURL = jest.fn(() => 'blob:x');
    URL.revokeObjectURL = jest.fn();
    const { user } = renderApp(api, '/units/connected');
    const table = await screen.findByRole('table', { name: '成员单位连接情况' });
    const gongan = within(table).getByRole('row', { name: /市公安局/ });
    expect(gongan).toHaveTextContent('已连接');
    expect(gongan).toHaveTextContent('J2AB CD3E FG4H JK5L MN6P');
    expect(gongan).toHaveTextContent('3 条');
    const jiaoyu = within(table).getByRole('row', { name: /市教育局/ });
    expect(jiaoyu).toHaveTextContent('未连接');

    await user.click(within(jiaoyu).getByRole('button', { name: '导出市教育局的设置文件' }));
    expect(api.callsTo('unitOffice.setupExport')).toEqual([{ unitId: 'jiaoyu' }]);
    const shown = await screen.findByRole('group', { name: '市教育局的设置码' });
    expect(within(shown).getByLabelText('设置码')).toHaveTextContent('ABCD-EFGH-JKLM-NPQR');
    expect(shown).toHaveTextContent('当面口头告知');
    expect(shown).toHaveTextContent('7K3M Q9TX 2HDP WRN5 8CJA');
  });
});

describe('a new unit PC', () => {
  it('creates the office at the level 成员单位 with the code CODE-UNITID', async () => {
    const api = createFakeApi({
      'app.status': () => uninitialisedStatus(),
      'office.init': (a) => ({
        office: fakeOffice({ code: a.code, name: a.name, level: a.level }),
        admin: 'admin',
        recoveryCode: 'ABCD-EFGH',
      }),
    });
    const { user } = renderApp(api, '/');
    await screen.findByRole('heading', { name: '首次使用：填写本单位信息' });
    await user.selectOptions(screen.getByRole('combobox', { name: '级别' }), '成员单位');
    expect(screen.getByRole('textbox', { name: '单位代码' })).toHaveAccessibleDescription(/445200-jiaoyu/);
    await user.type(screen.getByRole('textbox', { name: '单位代码' }), '445200-jiaoyu');
    await user.type(screen.getByRole('textbox', { name: '单位名称' }), '揭阳市教育局');
    await user.type(screen.getByRole('textbox', { name: '姓名' }), '林晓');
    await user.type(screen.getByLabelText('密码', { selector: 'input' }), 'guanai2026');
    await user.type(screen.getByLabelText('确认密码', { selector: 'input' }), 'guanai2026');
    await user.click(screen.getByRole('button', { name: '创建本单位' }));
    await screen.findByRole('heading', { name: '请保存恢复码' });
    expect(api.callsTo('office.init')[0]).toMatchObject({
      code: '445200-jiaoyu',
      name: '揭阳市教育局',
      level: 'unit',
    });
  });
});

describe('the setup file on the desktop', () => {
  it('is written into the folder chosen in the native dialog, and its code shown once', async () => {
    const api = createFakeApi({
      'app.status': () => fakeStatus({ shell: 'desktop' }),
      'unitOffice.connected': () => [
        {
          unitId: 'gongan',
          unitName: '市公安局',
          officeCode: '445200-gongan',
          connected: false,
          status: 'none',
          fingerprint: null,
          lastSentAt: null,
          lastReceivedAt: null,
          bundlesSent: 0,
          bundlesReceived: 0,
          waiting: 0,
          waitingByEntity: {},
        },
      ],
      'files.pickFolder': () => ({ handle: 'h-usb', name: 'U盘' }),
      'unitOffice.setupExport': (a) => ({
        fileName: '关爱成员单位设置_市公安局.json',
        setupCode: 'WXYZ-2345-6789-ABCD',
        unitId: a.unitId,
        unitOfficeCode: '445200-gongan',
        operations: 40,
        bytes: 100,
        fingerprint: OFFICE_FP,
        filePath: 'E:\\关爱成员单位设置_市公安局.json',
      }),
    });
    const { user } = renderApp(api, '/units/connected');
    await user.click(await screen.findByRole('button', { name: '导出市公安局的设置文件' }));
    const shown = await screen.findByRole('group', { name: '市公安局的设置码' });
    expect(api.callsTo('unitOffice.setupExport')).toEqual([{ unitId: 'gongan', folderHandle: 'h-usb' }]);
    expect(shown).toHaveTextContent('E:\\关爱成员单位设置_市公安局.json');
    expect(within(shown).getByLabelText('设置码')).toHaveTextContent('WXYZ-2345-6789-ABCD');
  });
});
