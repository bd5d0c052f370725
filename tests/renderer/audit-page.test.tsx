import { screen, waitFor, within } from '@testing-library/react';
import type { AuditEntryView, AuditVerifyResult } from '../../electron/contract/schemas/accounts';
import { createFakeApi, fakeStatus } from '../helpers/fake-api';
import { renderApp } from './render-app';

const entries: AuditEntryView[] = [
  {
    n: 1,
    at: '2026-11-20T01:00:00.000Z',
    user: 'admin',
    userName: '王管理',
    action: 'signin.ok',
    target: '本机',
    detail: '',
  },
  {
    n: 2,
    at: '2026-11-20T01:05:00.000Z',
    user: 'lilu',
    userName: '李录入',
    action: 'view',
    target: '儿童档案 c1',
    detail: '查看完整号码',
  },
  {
    n: 3,
    at: '2026-11-20T01:09:00.000Z',
    user: 'lilu',
    userName: '李录入',
    action: 'export',
    target: '台账',
    detail: '12 行，已隐藏号码',
  },
];

function setup(verify: AuditVerifyResult = { ok: true, count: 3 }) {
  return createFakeApi({
    'app.status': () => fakeStatus(),
    'users.list': () => [
      {
        login: 'admin',
        name: '王管理',
        role: 'admin',
        disabled: false,
        mustChangePassword: false,
        lastSignIn: null,
        createdAt: '',
      },
      {
        login: 'lilu',
        name: '李录入',
        role: 'ledger',
        disabled: false,
        mustChangePassword: false,
        lastSignIn: null,
        createdAt: '',
      },
    ],
    'audit.list': (args) =>
      entries.filter(
        (e) => (!args.person || e.user === args.person) && (!args.action || e.action === args.action),
      ),
    'audit.verify': () => verify,
    'audit.exportXlsx': () => ({ fileName: '审计日志.xlsx', contentBase64: 'UEsDBA==', rows: 3 }),
  });
}

describe('审计日志', () => {
  it('shows the newest entries first, with 时间, 人员, 操作, 对象 and 说明 in words', async () => {
    const api = setup();
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('link', { name: '审计日志' }));
    const table = await screen.findByRole('table', { name: '审计日志' });
    const rows = within(table).getAllByRole('row');
    expect(
      within(rows[0]!)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['时间', '人员', '操作', '对象', '说明']);
    expect(
      within(rows[1]!)
        .getAllByRole('cell')
        .slice(1)
        .map((c) => c.textContent),
    ).toEqual(['李录入', '导出', '台账', '12 行，已隐藏号码']);
    expect(rows[3]).toHaveTextContent('登录');
    expect(screen.getByText('共 3 条')).toBeInTheDocument();
  });

  it('filters by person, action and dates', async () => {
    const api = setup();
    const { user } = renderApp(api, '/audit');
    await screen.findByRole('table', { name: '审计日志' });
    const filters = within(screen.getByRole('search', { name: '筛选审计日志' }));
    await waitFor(() => expect(filters.getAllByRole('option', { name: /李录入/ })).toHaveLength(1));
    await user.selectOptions(filters.getByRole('combobox', { name: '人员' }), 'lilu');
    await user.selectOptions(filters.getByRole('combobox', { name: '操作' }), '查看完整信息');
    await user.type(filters.getByLabelText('起始日期'), '2026-11-01');
    await waitFor(() =>
      expect(api.callsTo('audit.list').at(-1)).toEqual({
        person: 'lilu',
        action: 'view',
        from: '2026-11-01',
      }),
    );
    expect(await screen.findByText('共 1 条')).toBeInTheDocument();
  });

  it('校验审计日志 says the trail is complete, with its count', async () => {
    const api = setup();
    const { user } = renderApp(api, '/audit');
    await user.click(await screen.findByRole('button', { name: '校验审计日志' }));
    expect(await screen.findByRole('status')).toHaveTextContent('审计日志完整，共 3 条');
  });

  it('校验审计日志 names the first bad entry in red when the chain is broken', async () => {
    const api = setup({ ok: false, count: 3, firstBad: { n: 2, message: '该条记录的内容被修改过' } });
    const { user } = renderApp(api, '/audit');
    await user.click(await screen.findByRole('button', { name: '校验审计日志' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveClass('form-error');
    expect(alert).toHaveTextContent('审计日志已被改动');
    expect(alert).toHaveTextContent('从第 2 条起记录不可信：该条记录的内容被修改过');
  });

  it('exports the filtered trail to Excel', async () => {
    const api = setup();
    const { user } = renderApp(api, '/audit');
    await screen.findByRole('table', { name: '审计日志' });
    await user.selectOptions(screen.getByRole('combobox', { name: '操作' }), '导出');
    await user.click(screen.getByRole('button', { name: '导出 Excel' }));
    expect(await screen.findByText(/已导出 审计日志\.xlsx（3 条）/)).toBeInTheDocument();
    expect(api.callsTo('audit.exportXlsx')).toEqual([{ action: 'export' }]);
  });
});
