import { screen, within } from '@testing-library/react';
import type { ChildView } from '../../electron/contract/schemas/ledger';
import { emptyChildRecord } from '../../electron/contract/schemas/ledger';
import type { ReportSummary } from '../../electron/contract/schemas/report';
import { shippedCodeLists } from '../../electron/domain/ledger/shipped-codelists';
import { createFakeApi, fakeStatus } from '../helpers/fake-api';
import { renderApp } from './render-app';

function view(over: Partial<ChildView> = {}): ChildView {
  const record = emptyChildRecord();
  record.child = { ...record.child, name: '张小明', sex: '1', birthDate: '2015-08-08', idNumber: '445202********1237' };
  record.responsibility = { ...record.responsibility, township: '仙桥街道', village: '东湖村' };
  return {
    id: 'c1',
    record,
    masked: true,
    age: 11,
    ageBand: '6-13',
    eligible: true,
    eligibilityReasons: [],
    alerts: [],
    missing: [],
    lastVisitDate: '',
    nextVisitDue: '',
    lastAssessmentDate: '',
    createdAt: '2026-11-01T02:00:00.000Z',
    updatedAt: '2026-11-20T02:00:00.000Z',
    transferredOut: null,
    ...over,
  };
}

const report: ReportSummary = {
  id: 'r1',
  childId: 'c1',
  childName: '张小明',
  township: '仙桥街道',
  village: '东湖村',
  reporterType: 'school',
  reporterTypeLabel: '学校',
  situations: ['living-alone'],
  situationLabels: ['独自居住'],
  reportedAt: '2026-11-10T08:00',
  closed: false,
  overdue: true,
  overdueSteps: ['出警处置'],
  next: { label: '出警处置', due: '2026-11-10T09:00' },
};

function api(v: ChildView, reports: ReportSummary[] = []) {
  return createFakeApi({
    'app.status': () => fakeStatus(),
    'codelists.get': () => shippedCodeLists,
    'children.get': () => v,
    'children.history': () => [],
    'visits.list': () => [],
    'assistance.list': () => [],
    'assessments.list': () => [],
    'reports.list': () => ({ items: reports, townships: [], counts: { all: reports.length, open: reports.length, overdue: 1, closed: 0 } }),
  });
}

describe('child record page', () => {
  it('shows the mandatory reports about the child, and offers to record one for it', async () => {
    const fake = api(view(), [report]);
    renderApp(fake, '/ledger/c1');
    const section = (await screen.findByRole('heading', { name: '强制报告' })).closest('section')!;
    expect(await within(section).findByRole('link', { name: /独自居住/ })).toHaveAttribute('href', '/ledger/reports/r1');
    expect(section).toHaveTextContent('已超时：出警处置');
    expect(within(section).getByRole('link', { name: '登记关于该儿童的强制报告' })).toHaveAttribute(
      'href',
      `/ledger/reports/new?childId=c1&name=${encodeURIComponent('张小明')}`,
    );
    expect(fake.callsTo('reports.list')[0]).toEqual({ filter: 'all', childId: 'c1' });
    // A child kept here can be edited.
    expect(screen.getByRole('link', { name: '修改信息' })).toBeInTheDocument();
    expect(screen.getByRole('form', { name: '登记走访' })).toBeInTheDocument();
    expect(screen.getByRole('form', { name: '办理退出' })).toBeInTheDocument();
  });

  it('shows a child transferred out read-only, with whom and when', async () => {
    const v = view({ transferredOut: { to: '揭阳市普宁市民政局', toCode: '445281', date: '2026-11-20', note: '随父母迁居' } });
    v.record.status = { ...v.record.status, state: 'transferred', date: '2026-11-20', transferTo: '揭阳市普宁市民政局' };
    renderApp(api(v), '/ledger/c1');
    const trace = await screen.findByRole('note', { name: '转出情况' });
    expect(trace).toHaveTextContent('该儿童已于2026-11-20转出至揭阳市普宁市民政局。');
    expect(trace).toHaveTextContent('如需更正，请联系接收单位');
    expect(screen.getByText(/已转出（转至揭阳市普宁市民政局，2026-11-20）/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '修改信息' })).toBeNull();
    for (const name of ['办理退出', '重新纳入台账', '登记走访', '登记帮扶措施', '登记评估']) {
      expect(screen.queryByRole('form', { name })).toBeNull();
    }
    // What was recorded before the transfer is still there to read.
    expect(screen.getByRole('heading', { name: '走访记录' })).toBeInTheDocument();
  });
});
