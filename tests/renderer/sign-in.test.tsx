import { screen, waitFor, within } from '@testing-library/react';
import { AppError } from '../../electron/contract/errors';
import { createFakeApi } from '../helpers/fake-api';
import { sessionFor, withAccounts } from '../helpers/fake-accounts';
import { renderApp } from './render-app';

const admin = sessionFor('admin');
const ledger = sessionFor('ledger');

function signedOut(extra: Parameters<typeof withAccounts>[2] = {}) {
  const api = createFakeApi();
  const accounts = withAccounts(
    api,
    [
      { session: admin, password: 'guanai2026' },
      { session: ledger, password: 'luru2026' },
    ],
    { signedIn: null, ...extra },
  );
  return { api, accounts };
}

const loginBox = () => screen.getByRole('textbox', { name: '用户名' });
const passwordBox = () => screen.getByLabelText('密码', { selector: 'input' });

describe('sign-in', () => {
  it('is all that is shown when nobody is signed in', async () => {
    const { api } = signedOut();
    renderApp(api, '/ledger');
    expect(await screen.findByRole('heading', { level: 1, name: '登录' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(api.callsTo('children.list')).toHaveLength(0);
    expect(document.title).toBe('登录 - 关爱');
    // Not a demo: no accounts are listed.
    expect(screen.queryByRole('region', { name: '演示账号' })).not.toBeInTheDocument();
  });

  it('signs in and shows who is signed in, with their role, in the frame', async () => {
    const { api } = signedOut();
    const { user } = renderApp(api);
    await user.type(await screen.findByRole('textbox', { name: '用户名' }), ' lilu ');
    await user.type(passwordBox(), 'luru2026');
    await user.click(screen.getByRole('button', { name: '登录' }));
    const who = await screen.findByRole('region', { name: '当前用户' });
    expect(who).toHaveTextContent('李录入');
    expect(who).toHaveTextContent('台账录入');
    expect(within(who).getByRole('button', { name: '锁定' })).toBeInTheDocument();
    expect(within(who).getByRole('link', { name: '修改密码' })).toBeInTheDocument();
    expect(within(who).getByRole('button', { name: '退出登录' })).toBeInTheDocument();
    expect(api.callsTo('auth.signIn')).toEqual([{ login: 'lilu', password: 'luru2026' }]);
  });

  it('says 用户名或密码错误 on a wrong password, empties the password and keeps the name', async () => {
    const { api } = signedOut();
    const { user } = renderApp(api);
    await user.type(await screen.findByRole('textbox', { name: '用户名' }), 'admin');
    await user.type(passwordBox(), 'wrong-one1');
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('用户名或密码错误');
    expect(passwordBox()).toHaveValue('');
    expect(passwordBox()).toHaveFocus();
    expect(loginBox()).toHaveValue('admin');
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  });

  it('shows how long to wait after repeated failures, in the server’s words', async () => {
    const { api } = signedOut();
    api.handle('auth.signIn', () => {
      throw new AppError('SIGNIN_PAUSED', '连续输错密码次数过多，请 2 分钟后再试。');
    });
    const { user } = renderApp(api);
    await user.type(await screen.findByRole('textbox', { name: '用户名' }), 'admin');
    await user.type(passwordBox(), 'guanai2026');
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('连续输错密码次数过多，请 2 分钟后再试。');
  });

  it('asks for a name and a password before calling the server', async () => {
    const { api } = signedOut();
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: '登录' }));
    expect(screen.getByRole('alert')).toHaveTextContent('请填写用户名');
    expect(loginBox()).toHaveFocus();
    await user.type(loginBox(), 'admin');
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(screen.getByRole('alert')).toHaveTextContent('请填写密码');
    expect(api.callsTo('auth.signIn')).toHaveLength(0);
  });

  it('lists the demo people and passwords in a clearly marked box on a demo folder', async () => {
    const { api } = signedOut({
      status: {
        demo: true,
        demoAccounts: [
          { login: 'admin', name: '王管理', role: 'admin', password: 'Demo2026a' },
          { login: 'viewer', name: '陈查阅', role: 'viewer', password: 'Demo2026v' },
        ],
      },
    });
    renderApp(api);
    const box = await screen.findByRole('region', { name: '演示账号' });
    expect(box).toHaveTextContent('演示数据：以下账号仅供试用');
    const rows = within(box).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      'adminDemo2026a王管理系统管理员',
      'viewerDemo2026v陈查阅查阅',
    ]);
  });

  it('退出登录 ends the session and returns to the sign-in page, from where someone else signs in', async () => {
    const { api, accounts } = signedOut({ signedIn: admin });
    const { user, router } = renderApp(api, '/settings');
    await user.click(await screen.findByRole('button', { name: '退出登录' }));
    expect(await screen.findByRole('heading', { level: 1, name: '登录' })).toBeInTheDocument();
    expect(api.callsTo('auth.lock')).toHaveLength(1);
    expect(accounts.session).toBeNull();
    expect(router.state.location.pathname).toBe('/');
    await user.type(loginBox(), 'lilu');
    await user.type(passwordBox(), 'luru2026');
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByRole('region', { name: '当前用户' })).toHaveTextContent('李录入');
  });
});

describe('a password an administrator set', () => {
  const newcomer = sessionFor('ledger', { mustChangePassword: true });

  function firstSignIn() {
    const api = createFakeApi();
    const accounts = withAccounts(api, [{ session: newcomer, password: 'first2026' }], {
      signedIn: newcomer,
    });
    return { api, accounts };
  }
  const box = (label: string) => screen.getByLabelText(label, { selector: 'input' });

  it('must be changed before anything else is shown', async () => {
    const { api } = firstSignIn();
    const { user } = renderApp(api, '/ledger');
    expect(await screen.findByRole('heading', { level: 1, name: '请设置自己的密码' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(api.callsTo('children.list')).toHaveLength(0);

    await user.type(box('当前密码'), 'first2026');
    await user.type(box('新密码'), 'onlyletters');
    await user.type(box('确认新密码'), 'onlyletter');
    await user.click(screen.getByRole('button', { name: '保存新密码' }));
    expect(box('新密码')).toHaveAccessibleDescription(
      expect.stringContaining('密码至少 8 位，须同时包含字母和数字'),
    );
    expect(box('确认新密码')).toHaveAccessibleDescription('两次输入的密码不一致');
    expect(api.callsTo('auth.changePassword')).toHaveLength(0);

    await user.clear(box('新密码'));
    await user.type(box('新密码'), 'mine2026x');
    await user.clear(box('确认新密码'));
    await user.type(box('确认新密码'), 'mine2026x');
    await user.click(screen.getByRole('button', { name: '保存新密码' }));
    expect(await screen.findByRole('navigation', { name: '主导航' })).toBeInTheDocument();
    expect(api.callsTo('auth.changePassword')).toEqual([
      { currentPassword: 'first2026', newPassword: 'mine2026x' },
    ]);
  });

  it('says so when the current password is wrong', async () => {
    const { api } = firstSignIn();
    const { user } = renderApp(api);
    await user.type(await screen.findByLabelText('当前密码', { selector: 'input' }), 'nope');
    await user.type(box('新密码'), 'mine2026x');
    await user.type(box('确认新密码'), 'mine2026x');
    await user.click(screen.getByRole('button', { name: '保存新密码' }));
    await waitFor(() => expect(box('当前密码')).toHaveAccessibleDescription('当前密码不正确'));
    expect(screen.getByRole('heading', { level: 1, name: '请设置自己的密码' })).toBeInTheDocument();
  });

  it('修改密码 in the frame changes one’s own password at any time', async () => {
    const api = createFakeApi();
    withAccounts(api, [{ session: admin, password: 'guanai2026' }]);
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('link', { name: '修改密码' }));
    expect(await screen.findByRole('heading', { level: 1, name: '修改密码' })).toBeInTheDocument();
    await user.type(box('当前密码'), 'guanai2026');
    await user.type(box('新密码'), 'better2027');
    await user.type(box('确认新密码'), 'better2027');
    await user.click(screen.getByRole('button', { name: '保存新密码' }));
    expect(await screen.findByRole('status')).toHaveTextContent('新密码已保存');
    expect(box('当前密码')).toHaveValue('');
  });
});
