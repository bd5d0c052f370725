import { screen, within } from '@testing-library/react';
import type { AppStatus } from '../../electron/contract/channels';
import { createFakeApi, fakeBackupStatus, fakeSettings, fakeStatus } from '../helpers/fake-api';
import { sessionFor } from '../helpers/fake-accounts';
import { renderApp } from './render-app';

type Reminder = NonNullable<AppStatus['backupReminder']>;

function home(backupReminder: Reminder | undefined, role: 'admin' | 'ledger' = 'admin') {
  return createFakeApi({
    'app.status': () => fakeStatus({ session: sessionFor(role), ...(backupReminder ? { backupReminder } : {}) }),
    'alerts.list': () => ({ total: 0, incomplete: 0, counts: { unguarded: 0, age16: 0, turning16: 0, visitOverdue: 0, missingPhone: 0 }, items: [] }),
    'settings.get': () => fakeSettings(),
    'backup.status': () => fakeBackupStatus(),
  });
}

const office = '揭阳市农村留守儿童关爱保护工作联席会议办公室';

describe('home page backup reminder', () => {
  it('tells an administrator when no backup has left the PC for too long, and leads to 备份与恢复', async () => {
    const api = home({ due: true, passphraseSet: true, lastExternalAt: '2026-11-20T02:00:00.000Z', reminderDays: 7 });
    const { user, router } = renderApp(api);
    const reminder = within(await screen.findByRole('region', { name: '请备份到 U 盘' }));
    expect(reminder.getByText(/已超过 7 天没有备份到本机以外（如 U 盘）/)).toHaveTextContent('上次是 2026-11-2');
    await user.click(reminder.getByRole('link', { name: /设置 → 备份与恢复/ }));
    expect(await screen.findByRole('region', { name: '备份与恢复' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/settings');
    expect(router.state.location.hash).toBe('#backup');
  });

  it('says so when nothing has ever been backed up outside the PC', async () => {
    const api = home({ due: true, passphraseSet: true, lastExternalAt: null, reminderDays: 7 });
    renderApp(api);
    expect(await screen.findByRole('region', { name: '请备份到 U 盘' })).toHaveTextContent('还从未备份到本机以外（如 U 盘）');
  });

  it('tells an administrator that no backup passphrase is set yet', async () => {
    const api = home({ due: true, passphraseSet: false, lastExternalAt: null, reminderDays: 7 });
    renderApp(api);
    const reminder = await screen.findByRole('region', { name: '尚未设置备份口令' });
    expect(reminder).toHaveTextContent('程序不能自动备份');
    expect(within(reminder).getByRole('link', { name: /设置备份口令/ })).toBeInTheDocument();
  });

  it('says nothing when a backup left the PC recently, or to people who are not administrators', async () => {
    const recent = home({ due: false, passphraseSet: true, lastExternalAt: '2026-12-06T02:00:00.000Z', reminderDays: 7 });
    const { unmount } = renderApp(recent);
    await screen.findByRole('heading', { level: 1, name: office });
    expect(screen.queryByRole('region', { name: '请备份到 U 盘' })).not.toBeInTheDocument();
    expect(screen.queryByText(/备份/)).not.toBeInTheDocument();
    unmount();

    // The status carries no reminder for other roles.
    renderApp(home(undefined, 'ledger'));
    await screen.findByRole('heading', { level: 1, name: office });
    expect(screen.queryByText(/备份/)).not.toBeInTheDocument();
  });
});
