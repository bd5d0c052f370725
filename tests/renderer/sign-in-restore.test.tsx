import { screen, waitFor, within } from '@testing-library/react';
import type { AppStatus } from '../../electron/contract/channels';
import { AppError } from '../../electron/contract/errors';
import { createFakeApi, fakeBackupManifest, fakeStatus } from '../helpers/fake-api';
import { sessionFor, withAccounts } from '../helpers/fake-accounts';
import { renderApp } from './render-app';

const MISSING = {
  code: 'STORE_MISSING',
  message: '数据文件夹中的数据（store 文件夹）缺失，本单位的台账、会议和任务都无法打开。请由系统管理员从备份恢复（登录页“从备份恢复”或 guanai backup restore）。',
};

/** A data folder that cannot be opened: every sign-in is refused with the problem until a restore. */
function unopened(shell: AppStatus['shell'] = 'preview', problemAtStart = true) {
  const api = createFakeApi();
  let storeProblem: AppStatus['storeProblem'] = problemAtStart ? MISSING : null;
  let restored = false;
  let session: AppStatus['session'] = null;
  api.handle('app.status', () => fakeStatus({ shell, storeProblem, session, counts: { operations: 0, entities: {} } }));
  api.handle('auth.signIn', ({ login, password }) => {
    if (!restored) {
      storeProblem = MISSING;
      throw new AppError(MISSING.code, MISSING.message);
    }
    if (login !== 'admin' || password !== 'guanai2026') throw new AppError('SIGNIN_FAILED', '用户名或密码错误');
    session = sessionFor('admin');
    storeProblem = null;
    return session;
  });
  api.handle('backup.restoreUnopened', ({ login, password }) => {
    if (login !== 'admin' || password !== 'guanai2026') throw new AppError('SIGNIN_FAILED', '用户名或密码错误（按备份中的人员核对）。');
    restored = true;
    return { manifest: fakeBackupManifest(), replaced: 'replaced-20261208-101500' };
  });
  return api;
}

const restoreForm = () => within(screen.getByRole('form', { name: '从备份恢复' }));
const signInForm = () => within(screen.getByRole('form', { name: '登录' }));

async function signInAs(user: ReturnType<typeof renderApp>['user'], password = 'guanai2026') {
  await user.type(signInForm().getByRole('textbox', { name: '用户名' }), 'admin');
  await user.type(signInForm().getByLabelText('密码', { selector: 'input' }), password);
  await user.click(signInForm().getByRole('button', { name: '登录' }));
}

describe('sign-in when the data cannot be opened', () => {
  it('a sign-in refused because the data cannot be opened brings up the problem and 从备份恢复', async () => {
    const api = unopened('preview', false);
    const { user } = renderApp(api);
    await screen.findByRole('heading', { level: 1, name: '登录' });
    expect(screen.queryByRole('form', { name: '从备份恢复' })).not.toBeInTheDocument();
    await signInAs(user);
    const problem = await screen.findByRole('alert', { name: '数据无法打开' });
    expect(problem).toHaveTextContent('本单位的数据无法打开。');
    expect(problem).toHaveTextContent(MISSING.message);
    expect(await screen.findByRole('form', { name: '从备份恢复' })).toBeInTheDocument();
    // Said once, above the restore, not again under the sign-in form.
    expect(signInForm().queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: '恢复后登录' })).toBeInTheDocument();
    await waitFor(() => expect(api.callsTo('app.status').length).toBeGreaterThanOrEqual(2));
  });

  it('restores from a backup in the preview’s exchange folder, shows what came back, then lets the person sign in', async () => {
    const api = unopened('preview');
    const { user } = renderApp(api);
    expect(await screen.findByRole('alert', { name: '数据无法打开' })).toHaveTextContent(MISSING.message);
    const form = restoreForm();

    // Nothing is sent before everything is given.
    await user.click(form.getByRole('button', { name: '从备份恢复' }));
    expect(form.getByLabelText('备份文件在交换文件夹中的路径')).toHaveAccessibleDescription(expect.stringContaining('请填写备份文件在交换文件夹中的路径'));
    expect(form.getByLabelText('备份口令')).toHaveAccessibleDescription(expect.stringContaining('请输入备份口令'));
    expect(form.getByLabelText('管理员用户名')).toHaveAccessibleDescription(expect.stringContaining('请输入系统管理员的用户名'));
    expect(form.getByLabelText('管理员密码')).toHaveAccessibleDescription(expect.stringContaining('请输入系统管理员的密码'));
    expect(api.callsTo('backup.restoreUnopened')).toHaveLength(0);

    await user.type(form.getByLabelText('备份文件在交换文件夹中的路径'), 'U盘备份/关爱备份-445200-20261205-142000.gbak');
    await user.type(form.getByLabelText('备份口令'), 'jieyang2026ab');
    await user.type(form.getByLabelText('管理员用户名'), 'admin');
    await user.type(form.getByLabelText('管理员密码'), 'wrong-2026');
    await user.click(form.getByRole('button', { name: '从备份恢复' }));
    expect(await form.findByRole('alert')).toHaveTextContent('用户名或密码错误（按备份中的人员核对）。');
    expect(form.getByLabelText('管理员密码')).toHaveValue('');

    await user.type(form.getByLabelText('管理员密码'), 'guanai2026');
    await user.click(form.getByRole('button', { name: '从备份恢复' }));
    const done = await screen.findByRole('status');
    expect(done).toHaveTextContent('已从备份恢复');
    expect(done).toHaveTextContent('儿童 31 名，会议 4 次，督办事项 9 件，操作记录 812 条');
    expect(done).toHaveTextContent('replaced-20261208-101500');
    expect(api.callsTo('backup.restoreUnopened')).toEqual([
      { path: 'U盘备份/关爱备份-445200-20261205-142000.gbak', passphrase: 'jieyang2026ab', login: 'admin', password: 'wrong-2026' },
      { path: 'U盘备份/关爱备份-445200-20261205-142000.gbak', passphrase: 'jieyang2026ab', login: 'admin', password: 'guanai2026' },
    ]);
    // The problem is answered (the status still names it until someone signs in to the restored data).
    await waitFor(() => expect(screen.queryByRole('alert', { name: '数据无法打开' })).not.toBeInTheDocument());
    expect(screen.queryByRole('form', { name: '从备份恢复' })).not.toBeInTheDocument();

    await signInAs(user);
    expect(await screen.findByRole('region', { name: '当前用户' })).toHaveTextContent('王管理');
  });

  it('on the desktop: a file picked in the dialog, or an automatic backup by name', async () => {
    const api = unopened('desktop');
    api.handle('files.pickBackupUnopened', () => ({ handle: 'p'.repeat(20), name: '关爱备份-445200-20261205-142000.gbak' }));
    const { user } = renderApp(api);
    await screen.findByRole('alert', { name: '数据无法打开' });
    const form = restoreForm();
    await user.click(form.getByRole('button', { name: '选择备份文件…' }));
    expect(await form.findByText('已选择：关爱备份-445200-20261205-142000.gbak')).toBeInTheDocument();
    expect(api.callsTo('files.pickBackupUnopened')).toEqual([{}]);

    await user.click(form.getByRole('radio', { name: '本机的自动备份' }));
    await user.type(form.getByLabelText('自动备份的文件名'), '关爱备份-445200-20261207-090000-每日.gbak');
    await user.type(form.getByLabelText('备份口令'), 'jieyang2026ab');
    await user.type(form.getByLabelText('管理员用户名'), ' admin ');
    await user.type(form.getByLabelText('管理员密码'), 'guanai2026');
    await user.click(form.getByRole('button', { name: '从备份恢复' }));
    expect(await screen.findByRole('status')).toHaveTextContent('已从备份恢复');
    expect(api.callsTo('backup.restoreUnopened')).toEqual([
      { local: '关爱备份-445200-20261207-090000-每日.gbak', passphrase: 'jieyang2026ab', login: 'admin', password: 'guanai2026' },
    ]);
  });

  it('lists the automatic backups to choose from when the app can read their names', async () => {
    const api = unopened('desktop');
    api.handle('backup.listUnopened', () => [
      { name: '关爱备份-445200-20261207-090000-每日.gbak', at: '2026-12-07T01:00:00.000Z', kind: 'daily' as const },
    ]);
    const { user } = renderApp(api);
    await screen.findByRole('alert', { name: '数据无法打开' });
    const form = restoreForm();
    await user.click(form.getByRole('radio', { name: '本机的自动备份' }));
    const select = await form.findByRole('combobox', { name: '自动备份' });
    await user.selectOptions(select, '关爱备份-445200-20261207-090000-每日.gbak');
    await user.type(form.getByLabelText('备份口令'), 'jieyang2026ab');
    await user.type(form.getByLabelText('管理员用户名'), 'admin');
    await user.type(form.getByLabelText('管理员密码'), 'guanai2026');
    await user.click(form.getByRole('button', { name: '从备份恢复' }));
    expect(await screen.findByRole('status')).toHaveTextContent('已从备份恢复');
    expect(api.callsTo('backup.restoreUnopened')[0]).toMatchObject({ local: '关爱备份-445200-20261207-090000-每日.gbak' });
  });

  it('an ordinary sign-in page offers no restore', async () => {
    const api = createFakeApi();
    withAccounts(api, [{ session: sessionFor('admin'), password: 'guanai2026' }], { signedIn: null });
    renderApp(api);
    await screen.findByRole('heading', { level: 1, name: '登录' });
    expect(screen.queryByRole('form', { name: '从备份恢复' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
