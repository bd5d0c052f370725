import { screen, waitFor, within } from '@testing-library/react';
import type { UserView } from '../../electron/contract/schemas/accounts';
import { AppError } from '../../electron/contract/errors';
import { createFakeApi, fakeStatus } from '../helpers/fake-api';
import { renderApp } from './render-app';

function person(over: Partial<UserView>): UserView {
  return {
    login: 'admin',
    name: '王管理',
    role: 'admin',
    disabled: false,
    mustChangePassword: false,
    lastSignIn: '2026-11-20T01:30:00.000Z',
    createdAt: '2026-03-01T08:00:00.000Z',
    ...over,
  };
}

function setup() {
  let people = [
    person({}),
    person({ login: 'lilu', name: '李录入', role: 'ledger', lastSignIn: null, mustChangePassword: true }),
    person({ login: 'old', name: '周离任', role: 'viewer', disabled: true }),
  ];
  const change = (login: string, over: Partial<UserView>) => {
    people = people.map((p) => (p.login === login ? { ...p, ...over } : p));
    return people.find((p) => p.login === login)!;
  };
  const api = createFakeApi({
    'app.status': () => fakeStatus(),
    'users.list': () => people,
    'users.add': (a) => {
      const p = person({
        login: a.login,
        name: a.name,
        role: a.role,
        mustChangePassword: true,
        lastSignIn: null,
      });
      people = [...people, p];
      return p;
    },
    'users.disable': ({ login }) => change(login, { disabled: true }),
    'users.enable': ({ login }) => change(login, { disabled: false }),
    'users.setRole': ({ login, role }) => change(login, { role }),
    'users.resetPassword': ({ login }) => change(login, { mustChangePassword: true }),
  });
  return api;
}

const table = async () => screen.findByRole('table', { name: '人员列表' });
const rowOf = (name: string) => screen.getByRole('cell', { name }).closest('tr')!;

describe('人员管理', () => {
  it('lists each person with login, name, role, state and last sign-in', async () => {
    const api = setup();
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('link', { name: '人员管理' }));
    const rows = within(await table()).getAllByRole('row');
    expect(
      within(rows[0]!)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['用户名', '姓名', '角色', '状态', '最近登录', '操作']);
    expect(rows[2]).toHaveTextContent('李录入');
    expect(rows[2]).toHaveTextContent('台账录入');
    expect(rows[2]).toHaveTextContent('在用（待本人改密码）');
    expect(rows[2]).toHaveTextContent('从未登录');
    expect(rows[3]).toHaveTextContent('已停用');
    // Nobody disables themselves; a disabled person can be enabled again.
    expect(within(rows[1]!).queryByRole('button', { name: /停用/ })).not.toBeInTheDocument();
    expect(within(rows[3]!).getByRole('button', { name: '启用周离任' })).toBeInTheDocument();
  });

  it('adds a person with a first password, checked in the form, and says it must be changed', async () => {
    const api = setup();
    const { user } = renderApp(api, '/users');
    await table();
    const form = screen.getByRole('form', { name: '新增人员' });
    const f = within(form);
    await user.type(f.getByRole('textbox', { name: '用户名' }), 'chenyue');
    await user.type(f.getByRole('textbox', { name: '姓名' }), '陈查阅');
    await user.selectOptions(f.getByRole('combobox', { name: '角色' }), '查阅');
    expect(f.getByRole('combobox', { name: '角色' })).toHaveAccessibleDescription(
      expect.stringContaining('不能导出'),
    );
    await user.type(f.getByLabelText('初始密码'), '12345678');
    await user.type(f.getByLabelText('确认初始密码'), '12345678');
    await user.click(f.getByRole('button', { name: '新增人员' }));
    expect(f.getByLabelText('初始密码')).toHaveAccessibleDescription(
      expect.stringContaining('须同时包含字母和数字'),
    );
    expect(api.callsTo('users.add')).toHaveLength(0);

    await user.clear(f.getByLabelText('初始密码'));
    await user.type(f.getByLabelText('初始密码'), 'chen2026a');
    await user.clear(f.getByLabelText('确认初始密码'));
    await user.type(f.getByLabelText('确认初始密码'), 'chen2026a');
    await user.click(f.getByRole('button', { name: '新增人员' }));
    expect(await screen.findByRole('status')).toHaveTextContent('已新增陈查阅');
    expect(api.callsTo('users.add')).toEqual([
      { login: 'chenyue', name: '陈查阅', role: 'viewer', password: 'chen2026a' },
    ]);
    expect(await screen.findByRole('cell', { name: '陈查阅' })).toBeInTheDocument();
    expect(f.getByRole('textbox', { name: '用户名' })).toHaveValue('');
  });

  it('shows the server’s refusal of a login already taken', async () => {
    const api = setup();
    api.handle('users.add', () => {
      throw new AppError('VALIDATION', '该用户名已被使用', { login: '该用户名已被使用' });
    });
    const { user } = renderApp(api, '/users');
    await table();
    const f = within(screen.getByRole('form', { name: '新增人员' }));
    await user.type(f.getByRole('textbox', { name: '用户名' }), 'lilu');
    await user.type(f.getByRole('textbox', { name: '姓名' }), '李二');
    await user.selectOptions(f.getByRole('combobox', { name: '角色' }), '联席办');
    await user.type(f.getByLabelText('初始密码'), 'abc12345');
    await user.type(f.getByLabelText('确认初始密码'), 'abc12345');
    await user.click(f.getByRole('button', { name: '新增人员' }));
    expect(await f.findByRole('alert')).toHaveTextContent('该用户名已被使用');
    expect(f.getByRole('textbox', { name: '用户名' })).toHaveAccessibleDescription(
      expect.stringContaining('该用户名已被使用'),
    );
  });

  it('disables a person after explaining that their name stays in every history, and enables again', async () => {
    const api = setup();
    const { user } = renderApp(api, '/users');
    await table();
    await user.click(within(rowOf('李录入')).getByRole('button', { name: '停用李录入' }));
    const panel = screen.getByRole('form', { name: '停用：李录入（lilu）' });
    expect(panel).toHaveTextContent('人员不会被删除');
    expect(panel).toHaveTextContent('仍保留其姓名');
    await user.click(within(panel).getByRole('button', { name: '确认停用' }));
    expect(await screen.findByRole('status')).toHaveTextContent('李录入已停用');
    expect(api.callsTo('users.disable')).toEqual([{ login: 'lilu' }]);
    await waitFor(() => expect(rowOf('李录入')).toHaveTextContent('已停用'));

    await user.click(within(rowOf('李录入')).getByRole('button', { name: '启用李录入' }));
    await user.click(screen.getByRole('button', { name: '确认启用' }));
    await waitFor(() => expect(api.callsTo('users.enable')).toEqual([{ login: 'lilu' }]));
  });

  it('changes a role and resets a password', async () => {
    const api = setup();
    const { user } = renderApp(api, '/users');
    await table();
    await user.click(screen.getByRole('button', { name: '修改李录入的角色' }));
    await user.selectOptions(screen.getByRole('combobox', { name: '新角色' }), '联席办');
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByRole('status')).toHaveTextContent('李录入的角色已改为联席办');
    expect(api.callsTo('users.setRole')).toEqual([{ login: 'lilu', role: 'meeting' }]);

    await user.click(screen.getByRole('button', { name: '重置李录入的密码' }));
    const panel = within(screen.getByRole('form', { name: '重置密码：李录入（lilu）' }));
    await user.type(panel.getByLabelText('新密码'), 'reset2026');
    await user.type(panel.getByLabelText('确认新密码'), 'reset2026');
    await user.click(panel.getByRole('button', { name: '保存' }));
    expect(await screen.findByRole('status')).toHaveTextContent('密码已重置');
    expect(api.callsTo('users.resetPassword')).toEqual([{ login: 'lilu', password: 'reset2026' }]);
  });
});
