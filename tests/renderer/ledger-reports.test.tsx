import { screen, within } from '@testing-library/react';
import { AppError } from '../../electron/contract/errors';
import type { ReportView, ReportSummary, StepStatus } from '../../electron/contract/schemas/report';
import { createFakeApi, fakeStatus } from '../helpers/fake-api';
import { renderApp } from './render-app';

const steps = (over: Partial<Record<StepStatus['step'], Partial<StepStatus>>> = {}): StepStatus[] =>
  (
    [
      { step: 'report', label: '接报', state: 'done', done: '2026-03-10T08:00' },
      { step: 'police', label: '出警处置', state: 'overdue', due: '2026-03-10T09:00' },
      { step: 'assessment', label: '乡镇评估', state: 'pending', due: '2026-03-13' },
      { step: 'placement', label: '临时安置', state: 'pending', due: '2026-03-11T08:00' },
      { step: 'followUp', label: '跟踪回访', state: 'pending', due: '2026-04-09' },
      { step: 'referral', label: '申请监护干预', state: 'optional' },
      { step: 'closing', label: '结案', state: 'pending' },
    ] as StepStatus[]
  ).map((s) => ({ ...s, ...over[s.step] }));

function view(over: Partial<ReportView> = {}): ReportView {
  return {
    id: 'r1',
    childId: 'child-1',
    childName: '李小红',
    township: '仙桥街道',
    village: '东湖村',
    reporterType: 'school',
    reporterTypeLabel: '学校',
    reporterName: '陈老师',
    reporterUnit: '东湖小学',
    reporterPhone: '13800138000',
    situations: ['living-alone'],
    situationLabels: ['独自居住'],
    description: '连续三天独自在家。',
    reportedAt: '2026-03-10T08:00',
    createdAt: '2026-03-10T00:05:00.000Z',
    closed: false,
    overdue: true,
    overdueSteps: ['出警处置'],
    next: { label: '出警处置', due: '2026-03-10T09:00' },
    police: null,
    assessment: null,
    placement: null,
    followUps: [],
    referral: null,
    closing: null,
    steps: steps(),
    settings: { policeHours: 1, assessmentDays: 3, placementDays: 1, followUpDays: 30, isDefault: true },
    ...over,
  };
}
const summary = (v: ReportView): ReportSummary => {
  const { id, childId, childName, township, village, reporterType, reporterTypeLabel, situations, situationLabels, reportedAt, closed, overdue, overdueSteps, next } = v;
  return { id, childId, childName, township, village, reporterType, reporterTypeLabel, situations, situationLabels, reportedAt, closed, overdue, overdueSteps, next };
};

const settings = () => ({ policeHours: 1, assessmentDays: 3, placementDays: 1, followUpDays: 30, isDefault: true });

describe('mandatory reports list', () => {
  it('lists reports with what is overdue and filters by state', async () => {
    const overdue = view();
    const other = view({ id: 'r2', childName: '王小明', childId: null, overdue: false, overdueSteps: [], next: { label: '乡镇评估', due: '2026-03-13' } });
    const api = createFakeApi({
      'app.status': () => fakeStatus(),
      'reports.settings.get': settings,
      'reports.list': (args) => ({
        items: args.filter === 'overdue' ? [summary(overdue)] : [summary(overdue), summary(other)],
        townships: ['仙桥街道'],
        counts: { all: 2, open: 2, overdue: 1, closed: 0 },
      }),
    });
    const { user } = renderApp(api, '/ledger/reports');
    expect(await screen.findByRole('heading', { level: 1, name: '强制报告' })).toBeInTheDocument();
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('李小红');
    expect(rows[1]).toHaveTextContent('已超时：出警处置');
    expect(rows[2]).toHaveTextContent('王小明未入台账');
    expect(rows[2]).toHaveTextContent('待乡镇评估（时限 2026年3月13日）');
    expect(api.callsTo('reports.list')[0]).toEqual({ filter: 'open' });

    await user.click(screen.getByRole('button', { name: '已超时 1' }));
    expect(api.callsTo('reports.list').at(-1)).toEqual({ filter: 'overdue' });
    expect(await screen.findAllByRole('row')).toHaveLength(2);
    expect(screen.getByText(/处置时限设置（目前使用默认值）/)).toBeInTheDocument();
  });
});

describe('recording a report', () => {
  it('sends a report for a child not yet in the ledger and opens it', async () => {
    const created = view({ childId: null, childName: '王小明', township: '梅云街道' });
    const api = createFakeApi({
      'app.status': () => fakeStatus(),
      'reports.create': () => created,
      'reports.get': () => created,
    });
    const { user } = renderApp(api, '/ledger/reports/new');
    await screen.findByRole('heading', { level: 1, name: '登记强制报告' });
    await user.click(screen.getByRole('checkbox', { name: /儿童尚未录入台账/ }));
    await user.type(screen.getByLabelText('儿童姓名'), '王小明');
    await user.type(screen.getByLabelText('乡镇（街道）'), '梅云街道');
    await user.selectOptions(screen.getByLabelText('报告主体'), '村（居）委会');
    await user.type(screen.getByLabelText('报告人姓名'), '蔡主任');
    // Enter in a one-line field never sends the form.
    await user.type(screen.getByLabelText('报告单位'), '上寮村委会{Enter}');
    expect(api.callsTo('reports.create')).toHaveLength(0);
    await user.click(screen.getByRole('checkbox', { name: '失踪' }));
    await user.type(screen.getByLabelText('情况描述'), '傍晚未回家。');
    const when = screen.getByLabelText(/报告时间/);
    await user.clear(when);
    await user.type(when, '2026-03-10T19:30');
    await user.click(screen.getByRole('button', { name: '保存报告' }));

    expect(api.callsTo('reports.create')).toEqual([
      {
        childName: '王小明',
        township: '梅云街道',
        village: '',
        reporterType: 'village-committee',
        reporterName: '蔡主任',
        reporterUnit: '上寮村委会',
        reporterPhone: '',
        description: '傍晚未回家。',
        reportedAt: '2026-03-10T19:30',
        situations: ['missing'],
      },
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: '强制报告：王小明' })).toBeInTheDocument();
  });

  it('shows the handler’s errors next to the fields', async () => {
    const api = createFakeApi({
      'app.status': () => fakeStatus(),
      'reports.findChildren': () => [{ id: 'child-1', name: '李小红', township: '仙桥街道', village: '东湖村', birthDate: '2015-05-01' }],
      'reports.create': () => {
        throw new AppError('INVALID_ARGS', '填写的内容有误', { reporterName: '请填写报告人姓名', situations: '请至少选择一项报告情形' });
      },
    });
    const { user } = renderApp(api, '/ledger/reports/new');
    await user.type(await screen.findByRole('searchbox'), '小红{Enter}');
    await user.click(await screen.findByRole('button', { name: '选择李小红' }));
    expect(screen.getByText('已关联台账儿童：')).toHaveTextContent('李小红');
    await user.click(screen.getByRole('button', { name: '保存报告' }));
    expect(await screen.findByText('请填写报告人姓名')).toBeInTheDocument();
    expect(screen.getByLabelText('报告人姓名')).toHaveAccessibleDescription('请填写报告人姓名');
    expect(screen.getByText('请至少选择一项报告情形')).toBeInTheDocument();
    expect(api.callsTo('reports.create')[0]).toMatchObject({ childId: 'child-1' });
  });
});

describe('a report page', () => {
  it('shows each step with its deadline and records the police response', async () => {
    let current = view();
    const api = createFakeApi({
      'app.status': () => fakeStatus(),
      'reports.get': () => current,
      'reports.recordStep': (args) => {
        current = view({
          overdue: false,
          overdueSteps: [],
          police: { value: { ...(args.step as object), officer: '', note: '' } as never, recordedAt: '2026-03-10T02:00:00.000Z', recordedBy: 'u' },
          steps: steps({ police: { state: 'late', done: '2026-03-10T09:20' } }),
        });
        return current;
      },
    });
    const { user } = renderApp(api, '/ledger/reports/r1');
    expect(await screen.findByRole('heading', { level: 1, name: '强制报告：李小红' })).toBeInTheDocument();
    expect(screen.getByText(/已超时：出警处置。/)).toBeInTheDocument();
    const police = screen.getByText('出警处置', { selector: '.step-label' }).closest('li')!;
    expect(police).toHaveTextContent('已超时（时限 2026年3月10日 09:00）');

    await user.click(within(police).getByRole('button', { name: '登记出警处置' }));
    const form = screen.getByRole('form', { name: '登记出警处置' });
    const at = within(form).getByLabelText('出警时间');
    await user.clear(at);
    await user.type(at, '2026-03-10T09:20');
    await user.type(within(form).getByLabelText('出警单位（派出所）'), '仙桥派出所');
    await user.click(within(form).getByRole('checkbox', { name: '护送至其他亲属' }));
    await user.click(within(form).getByRole('button', { name: '保存' }));

    expect(api.callsTo('reports.recordStep')).toEqual([
      {
        id: 'r1',
        step: { kind: 'police', at: '2026-03-10T09:20', station: '仙桥派出所', officer: '', measures: ['escort-relatives'], note: '' },
      },
    ]);
    const after = (await screen.findByText('超时办理')).closest('li')!;
    expect(after).toHaveTextContent('办理时间：2026年3月10日 09:20');
    expect(after).toHaveTextContent('护送至其他亲属');
  });
});

describe('home page', () => {
  it('lists overdue reports', async () => {
    const api = createFakeApi({
      'app.status': () => fakeStatus(),
      'reports.list': () => ({ items: [summary(view())], townships: [], counts: { all: 1, open: 1, overdue: 1, closed: 0 } }),
    });
    renderApp(api, '/');
    const section = await screen.findByRole('region', { name: '强制报告超时未办（1 件）' });
    expect(section).toHaveTextContent('李小红');
    expect(section).toHaveTextContent('已超时：出警处置');
  });
});
