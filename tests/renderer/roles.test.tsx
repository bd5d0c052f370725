// Each role's reach in the UI: what a person can't call is not offered (the dispatcher refuses it anyway).
import { screen, within } from '@testing-library/react';
import type { ChildListResult, ChildView } from '../../electron/contract/schemas/ledger';
import { emptyChildRecord } from '../../electron/contract/schemas/ledger';
import type { Role } from '../../electron/contract/schemas/accounts';
import { shippedCodeLists } from '../../electron/domain/ledger/shipped-codelists';
import { createFakeApi, fakeStatus } from '../helpers/fake-api';
import { allowedFor, sessionFor } from '../helpers/fake-accounts';
import { renderApp } from './render-app';

jest.setTimeout(30_000);

function child(): ChildView {
  const record = emptyChildRecord();
  record.child = {
    ...record.child,
    name: '张小明',
    sex: '1',
    birthDate: '2015-08-08',
    idNumber: '445202********1237',
  };
  return {
    id: 'c1',
    record,
    masked: true,
    age: 11,
    ageBand: '6-13',
    eligible: true,
    eligibilityReasons: [],
    missing: [],
    alerts: [],
    lastVisitDate: '',
    nextVisitDue: '',
    lastAssessmentDate: '',
    createdAt: '2026-11-01T02:00:00.000Z',
    updatedAt: '2026-11-20T02:00:00.000Z',
    transferredOut: null,
  };
}

function as(role: Role) {
  return createFakeApi({
    'app.status': () => fakeStatus({ session: sessionFor(role) }),
    'codelists.get': () => shippedCodeLists,
    'children.list': (): ChildListResult => ({ total: 0, offset: 0, rows: [], townships: [], villages: [] }),
    'children.get': child,
    'children.history': () => [],
    'visits.list': () => [],
    'assistance.list': () => [],
    'assessments.list': () => [],
    'reports.list': () => ({ items: [], townships: [], counts: { all: 0, open: 0, overdue: 0, closed: 0 } }),
    'exchange.peers': () => [],
    'exchange.log': () => [],
    'conflicts.list': () => [],
    'exchange.duplicates': () => [],
  });
}

const navLabels = () =>
  within(screen.getByRole('navigation', { name: '主导航' }))
    .getAllByRole('link')
    .map((a) => a.textContent);

describe('what each role is offered', () => {
  it('the contract gives each role its reach', () => {
    expect(allowedFor('viewer')).not.toContain('children.reveal');
    expect(allowedFor('viewer')).not.toContain('ledgerExport.xlsx');
    expect(allowedFor('ledger')).toContain('children.create');
    expect(allowedFor('ledger')).not.toContain('users.list');
    expect(allowedFor('admin')).toContain('audit.list');
  });

  it('a viewer sees the ledger without 新增, 导入 or 导出', async () => {
    const api = as('viewer');
    renderApp(api, '/ledger');
    expect(await screen.findByText('共 0 名儿童')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '新增儿童' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /导入/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /导出/ })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: '统计' })).toBeInTheDocument();
    expect(navLabels()).not.toContain('人员管理');
    expect(navLabels()).not.toContain('审计日志');
  });

  it('a viewer sees a child’s record masked, with no way to show the full numbers and no forms', async () => {
    const api = as('viewer');
    renderApp(api, '/ledger/c1');
    expect(await screen.findByRole('heading', { level: 1, name: '张小明的档案' })).toBeInTheDocument();
    expect(screen.getByText('445202********1237')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /显示完整/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '修改信息' })).not.toBeInTheDocument();
    for (const name of ['办理退出', '登记走访', '登记帮扶措施', '登记评估'])
      expect(screen.queryByRole('form', { name })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '登记关于该儿童的强制报告' })).not.toBeInTheDocument();
    expect(api.callsTo('children.reveal')).toHaveLength(0);
  });

  it('a viewer is not offered bundle export or import, and no refused call is made', async () => {
    const api = as('viewer');
    renderApp(api, '/exchange');
    expect(await screen.findByRole('heading', { level: 2, name: '交换记录' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '导出数据包' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '导出' })).not.toBeInTheDocument();
    expect(api.callsTo('exchange.duplicates')).toHaveLength(0);
  });

  it('a ledger clerk may add, import, export and show full numbers, but not manage people', async () => {
    const api = as('ledger');
    const { unmount } = renderApp(api, '/ledger');
    expect(await screen.findByRole('link', { name: '新增儿童' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '导入 Excel' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '导出 Excel' })).toBeInTheDocument();
    expect(navLabels()).not.toContain('人员管理');
    unmount();
    renderApp(api, '/ledger/c1');
    expect(await screen.findByRole('button', { name: '显示完整号码' })).toBeInTheDocument();
    expect(screen.getByRole('form', { name: '登记走访' })).toBeInTheDocument();
  });

  it('an administrator sees 人员管理 and 审计日志; an address to them says 无权限 to others', async () => {
    const admin = as('admin');
    const { unmount } = renderApp(admin);
    await screen.findByRole('navigation', { name: '主导航' });
    expect(navLabels()).toEqual(expect.arrayContaining(['人员管理', '审计日志']));
    unmount();

    const ledger = as('ledger');
    renderApp(ledger, '/users');
    expect(await screen.findByRole('alert')).toHaveTextContent('无权限');
    expect(ledger.callsTo('users.list')).toHaveLength(0);
  });
});
