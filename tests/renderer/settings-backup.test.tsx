import { screen, waitFor, within } from '@testing-library/react';
import { shippedCodeLists } from '../../electron/domain/ledger/shipped-codelists';
import { AppError } from '../../electron/contract/errors';
import type { BackupStatusView } from '../../electron/contract/schemas/backup';
import {
  createFakeApi,
  fakeBackupManifest,
  fakeBackupStatus,
  fakeSettings,
  fakeStatus,
  type FakeHandlers,
} from '../helpers/fake-api';
import { sessionFor } from '../helpers/fake-accounts';
import { renderApp } from './render-app';

const LIVE = { children: 30, meetings: 4, tasks: 10, operations: 845 };

function setup(options: { role?: 'admin' | 'ledger'; shell?: 'desktop' | 'preview'; backup?: Partial<BackupStatusView> } = {}, handlers: FakeHandlers = {}) {
  let backup = fakeBackupStatus(options.backup);
  const api = createFakeApi({
    'app.status': () => fakeStatus({ session: sessionFor(options.role ?? 'admin'), shell: options.shell ?? 'desktop' }),
    'settings.get': () => fakeSettings(),
    'security.get': () => ({ idleMinutes: 10 }),
    'ledger.settings.get': () => ({ visitPeriodDays: 30, turning16Days: 90 }),
    'codelists.get': () => shippedCodeLists,
    'backup.status': () => backup,
    'backup.setPassphrase': ({ passphrase }) => {
      if (passphrase.length < 10) {
        throw new AppError('VALIDATION', '备份口令至少 10 个字符，须同时包含字母和数字。', { passphrase: '至少 10 个字符，含字母和数字' });
      }
      backup = { ...backup, passphraseSet: true, passphraseSetAt: '2026-12-08T02:00:00.000Z' };
      return backup;
    },
    'backup.setReminder': ({ reminderDays }) => {
      backup = { ...backup, reminderDays };
      return backup;
    },
    'backup.verify': () => ({ manifest: fakeBackupManifest(), live: LIVE, sameOffice: true }),
    ...handlers,
  });
  return api;
}

async function section(name: string) {
  const backup = await screen.findByRole('region', { name: '备份与恢复' });
  return within(await within(backup).findByRole('region', { name }));
}

describe('设置 → 备份与恢复', () => {
  it('sets the backup passphrase: typed twice, the server’s rule shown as it comes', async () => {
    const api = setup({ backup: { passphraseSet: false, passphraseSetAt: null } });
    const { user } = renderApp(api, '/settings');
    const form = await section('备份口令');
    const backup = within(screen.getByRole('region', { name: '备份与恢复' }));
    expect(backup.getByText('备份口令', { selector: 'dt' }).nextElementSibling).toHaveTextContent('尚未设置');
    const first = form.getByLabelText('备份口令');
    const again = form.getByLabelText('再次输入备份口令');
    expect(first).toHaveAttribute('type', 'password');

    await user.type(first, 'jieyang2026ab');
    await user.type(again, 'jieyang2026ac');
    await user.click(form.getByRole('button', { name: '设置备份口令' }));
    expect(again).toHaveAccessibleDescription('两次输入的备份口令不一致');
    expect(api.callsTo('backup.setPassphrase')).toHaveLength(0);

    await user.clear(first);
    await user.clear(again);
    await user.type(first, 'abc123');
    await user.type(again, 'abc123');
    await user.click(form.getByRole('button', { name: '设置备份口令' }));
    expect(await form.findByRole('alert')).toHaveTextContent('备份口令至少 10 个字符，须同时包含字母和数字。');
    expect(first).toHaveAccessibleDescription(expect.stringContaining('至少 10 个字符，含字母和数字'));

    await user.clear(first);
    await user.clear(again);
    await user.type(first, 'jieyang2026ab');
    await user.type(again, 'jieyang2026ab');
    await user.click(form.getByRole('button', { name: '设置备份口令' }));
    expect(await form.findByRole('status')).toHaveTextContent('已设置备份口令');
    expect(api.callsTo('backup.setPassphrase')).toEqual([{ passphrase: 'abc123' }, { passphrase: 'jieyang2026ab' }]);
    expect(first).toHaveValue('');
    // The summary and the button follow the status read again.
    await waitFor(() =>
      expect(backup.getByText('备份口令', { selector: 'dt' }).nextElementSibling).toHaveTextContent('已设置'),
    );
    expect(form.getByRole('button', { name: '更改备份口令' })).toBeInTheDocument();
  });

  it('sets the reminder days within 1 to 90', async () => {
    const api = setup();
    const { user } = renderApp(api, '/settings');
    const form = await section('备份提醒');
    const days = form.getByRole('spinbutton', { name: '提醒间隔（天）' });
    expect(days).toHaveValue(7);
    await user.clear(days);
    await user.type(days, '120');
    await user.click(form.getByRole('button', { name: '保存提醒设置' }));
    expect(days).toHaveAccessibleDescription(expect.stringContaining('最多 90 天'));
    expect(api.callsTo('backup.setReminder')).toHaveLength(0);
    await user.clear(days);
    await user.type(days, '14');
    await user.click(form.getByRole('button', { name: '保存提醒设置' }));
    expect(await form.findByRole('status')).toHaveTextContent('超过 14 天没有备份到本机以外');
    expect(api.callsTo('backup.setReminder')).toEqual([{ reminderDays: 14 }]);
  });

  it('立即备份 on the desktop: into the folder picked in the dialog, then the file name and counts', async () => {
    const api = setup(
      {},
      {
        'files.pickFolder': () => ({ handle: 'h'.repeat(20), name: 'U 盘 (E:)' }),
        'backup.create': () => ({ fileName: '关爱备份-445200-20261208-100000.gbak', manifest: fakeBackupManifest() }),
      },
    );
    const { user } = renderApp(api, '/settings');
    const form = await section('立即备份');
    await user.click(form.getByRole('button', { name: '立即备份' }));
    expect(await form.findByText('请选择保存备份的文件夹（如 U 盘）')).toBeInTheDocument();
    expect(api.callsTo('backup.create')).toHaveLength(0);

    await user.click(form.getByRole('button', { name: '选择文件夹…' }));
    expect(await form.findByText('已选择：U 盘 (E:)')).toBeInTheDocument();
    expect(api.callsTo('files.pickFolder')).toEqual([{ purpose: 'backup' }]);
    await user.click(form.getByRole('button', { name: '立即备份' }));
    const done = await form.findByRole('status');
    expect(done).toHaveTextContent('已备份到 关爱备份-445200-20261208-100000.gbak');
    expect(done).toHaveTextContent('儿童 31 名，会议 4 次，督办事项 9 件，操作记录 812 条');
    expect(api.callsTo('backup.create')).toEqual([{ folderHandle: 'h'.repeat(20) }]);
  });

  it('立即备份 in the browser preview: a folder inside the exchange folder; errors in the server’s words', async () => {
    let fail = true;
    const api = setup(
      { shell: 'preview' },
      {
        'backup.create': () => {
          if (fail) throw new AppError('NOT_FOUND', '找不到所选的文件夹，请确认 U 盘已插好。');
          return { fileName: '关爱备份-445200-20261208-100000.gbak', manifest: fakeBackupManifest() };
        },
      },
    );
    const { user } = renderApp(api, '/settings');
    const form = await section('立即备份');
    await user.type(form.getByLabelText('保存到交换文件夹中的文件夹'), 'U盘备份');
    await user.click(form.getByRole('button', { name: '立即备份' }));
    expect(await form.findByRole('alert')).toHaveTextContent('找不到所选的文件夹，请确认 U 盘已插好。');
    fail = false;
    await user.clear(form.getByLabelText('保存到交换文件夹中的文件夹'));
    await user.click(form.getByRole('button', { name: '立即备份' }));
    expect(await form.findByRole('status')).toHaveTextContent('已备份到 关爱备份-445200-20261208-100000.gbak');
    expect(api.callsTo('backup.create')).toEqual([{ folder: 'U盘备份' }, { folder: '.' }]);
  });

  it('cannot back up before a passphrase is set', async () => {
    const api = setup({ backup: { passphraseSet: false, passphraseSetAt: null, local: [] } });
    renderApp(api, '/settings');
    const form = await section('立即备份');
    expect(form.getByText('请先设置备份口令，才能备份。')).toBeInTheDocument();
    expect(form.getByRole('button', { name: '立即备份' })).toBeDisabled();
    expect((await section('本机自动备份')).getByText(/设置备份口令后，程序每天/)).toBeInTheDocument();
  });

  it('lists the automatic backups with their time and kind', async () => {
    const api = setup();
    renderApp(api, '/settings');
    const list = await section('本机自动备份');
    const rows = within(list.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[1]!.textContent)).toEqual(['退出', '每日']);
    expect(rows[0]).toHaveTextContent('关爱备份-445200-20261207-183000-退出.gbak');
    const at = new Date('2026-12-07T10:30:00.000Z');
    expect(rows[0]).toHaveTextContent(`${at.getFullYear()}-12-0${at.getDate()}`);
  });

  it('验证备份: an automatic backup, compared with the data in use', async () => {
    const api = setup();
    const { user } = renderApp(api, '/settings');
    const form = await section('验证备份');
    await user.click(form.getByRole('button', { name: '验证备份' }));
    expect(await form.findByText('请选择备份文件')).toBeInTheDocument();
    expect(api.callsTo('backup.verify')).toHaveLength(0);

    await user.click(form.getByRole('radio', { name: '本机的自动备份' }));
    await user.selectOptions(form.getByRole('combobox', { name: '自动备份' }), '关爱备份-445200-20261207-090000-每日.gbak');
    await user.click(form.getByRole('button', { name: '验证备份' }));
    const result = within(await form.findByRole('region', { name: '验证结果' }));
    expect(result.getByRole('status')).toHaveTextContent('备份文件完整');
    expect(api.callsTo('backup.verify')).toEqual([{ local: '关爱备份-445200-20261207-090000-每日.gbak' }]);
    const table = within(result.getByRole('table', { name: '备份与当前数据对比' }));
    const row = (label: string) => table.getByRole('rowheader', { name: label }).parentElement!;
    expect(row('儿童')).toHaveTextContent('31 名30 名');
    expect(row('会议')).toHaveTextContent('4 次4 次');
    expect(row('督办事项')).toHaveTextContent('9 件10 件');
    expect(row('操作记录')).toHaveTextContent('812 条845 条');
    expect(result.getByText('制作人').nextElementSibling).toHaveTextContent('王管理');
    expect(result.getByText('备份时间').nextElementSibling).toHaveTextContent('2026-12-0');
  });

  it('验证备份: a file picked on the desktop, with the passphrase it was made with; refusals as they come', async () => {
    const api = setup(
      {},
      {
        'files.pickOpen': () => ({ handle: 'f'.repeat(20), name: '关爱备份-445200-20261101-100000.gbak' }),
        'backup.verify': ({ passphrase }) => {
          if (!passphrase) throw new AppError('BACKUP_PASSPHRASE', '该备份不是用本单位当前的备份口令制作的，请输入制作它时的备份口令。');
          return { manifest: fakeBackupManifest(), live: LIVE, sameOffice: true };
        },
      },
    );
    const { user } = renderApp(api, '/settings');
    const form = await section('验证备份');
    await user.click(form.getByRole('button', { name: '选择备份文件…' }));
    expect(await form.findByText('已选择：关爱备份-445200-20261101-100000.gbak')).toBeInTheDocument();
    expect(api.callsTo('files.pickOpen')).toEqual([{ purpose: 'backup' }]);
    await user.click(form.getByRole('button', { name: '验证备份' }));
    expect(await form.findByRole('alert')).toHaveTextContent('请输入制作它时的备份口令');
    await user.type(form.getByLabelText('备份口令（不填则用本单位当前口令）'), 'old-pass-2025');
    await user.click(form.getByRole('button', { name: '验证备份' }));
    expect(await form.findByRole('region', { name: '验证结果' })).toBeInTheDocument();
    expect(api.callsTo('backup.verify')).toEqual([
      { handle: 'f'.repeat(20) },
      { handle: 'f'.repeat(20), passphrase: 'old-pass-2025' },
    ]);
  });

  it('从备份恢复: reads the backup, says plainly what a restore does, and restores only when confirmed', async () => {
    const api = setup(
      { shell: 'preview' },
      { 'backup.restore': () => ({ manifest: fakeBackupManifest(), replaced: 'replaced-20261208-101500' }) },
    );
    const { user } = renderApp(api, '/settings');
    const form = await section('从备份恢复');
    await user.type(form.getByLabelText('备份文件在交换文件夹中的路径'), 'U盘备份/关爱备份-445200-20261205-142000.gbak');
    await user.click(form.getByRole('button', { name: '从备份恢复' }));

    const confirm = within(await form.findByRole('region', { name: '确认从备份恢复' }));
    expect(api.callsTo('backup.verify')).toEqual([{ path: 'U盘备份/关爱备份-445200-20261205-142000.gbak' }]);
    expect(api.callsTo('backup.restore')).toHaveLength(0);
    expect(confirm.getByText(/当前数据不会被覆盖或删除/)).toBeInTheDocument();
    expect(confirm.getByText(/备份制作之后在本机所做的修改不在备份中/)).toHaveTextContent('当前有操作记录 845 条，备份中 812 条');
    expect(confirm.getByRole('table', { name: '备份与当前数据对比' })).toBeInTheDocument();

    // Cancel: nothing restored.
    await user.click(confirm.getByRole('button', { name: '取消' }));
    expect(form.queryByRole('region', { name: '确认从备份恢复' })).not.toBeInTheDocument();
    expect(api.callsTo('backup.restore')).toHaveLength(0);

    await user.click(form.getByRole('button', { name: '从备份恢复' }));
    const before = api.callsTo('app.status').length;
    await user.click(within(await form.findByRole('region', { name: '确认从备份恢复' })).getByRole('button', { name: '确认恢复' }));
    const done = await form.findByRole('status');
    expect(done).toHaveTextContent('已从备份恢复');
    expect(done).toHaveTextContent('儿童 31 名，会议 4 次，督办事项 9 件，操作记录 812 条');
    expect(done).toHaveTextContent('恢复前的数据已原样保存在数据文件夹的“replaced-20261208-101500”文件夹中');
    expect(api.callsTo('backup.restore')).toEqual([{ path: 'U盘备份/关爱备份-445200-20261205-142000.gbak' }]);
    // The frame reads the status again (the restore's notice), and the settings their figures.
    await waitFor(() => expect(api.callsTo('app.status').length).toBeGreaterThan(before));
    expect(api.callsTo('settings.get').length).toBeGreaterThanOrEqual(2);
  });

  it('从备份恢复: a backup of another office is shown but cannot be restored', async () => {
    const other = fakeBackupManifest({ office: { code: '445202', name: '榕城区民政局', level: 'county', fingerprint: 'X' } });
    const api = setup({}, { 'backup.verify': () => ({ manifest: other, live: LIVE, sameOffice: false }) });
    const { user } = renderApp(api, '/settings');
    const form = await section('从备份恢复');
    await user.click(form.getByRole('radio', { name: '本机的自动备份' }));
    await user.selectOptions(form.getByRole('combobox', { name: '自动备份' }), '关爱备份-445200-20261207-183000-退出.gbak');
    await user.click(form.getByRole('button', { name: '从备份恢复' }));
    const confirm = within(await form.findByRole('region', { name: '确认从备份恢复' }));
    expect(confirm.getByText('该备份不是本单位的数据，不能恢复到这里。')).toBeInTheDocument();
    expect(confirm.queryByRole('button', { name: '确认恢复' })).not.toBeInTheDocument();
  });

  it('a failed restore says why in the server’s words and changes nothing on screen', async () => {
    const api = setup(
      {},
      {
        'backup.restore': () => {
          throw new AppError('BACKUP_DAMAGED', '备份中的数据未通过完整性检查，未作恢复：操作日志第 12 行校验和不符');
        },
      },
    );
    const { user } = renderApp(api, '/settings');
    const form = await section('从备份恢复');
    await user.click(form.getByRole('radio', { name: '本机的自动备份' }));
    await user.selectOptions(form.getByRole('combobox', { name: '自动备份' }), '关爱备份-445200-20261207-183000-退出.gbak');
    await user.click(form.getByRole('button', { name: '从备份恢复' }));
    await user.click(within(await form.findByRole('region', { name: '确认从备份恢复' })).getByRole('button', { name: '确认恢复' }));
    expect(await form.findByRole('alert')).toHaveTextContent('未通过完整性检查，未作恢复：操作日志第 12 行校验和不符');
    expect(form.queryByText('已从备份恢复')).not.toBeInTheDocument();
  });

  it('is for administrators only: other roles read a note and never call backup.status', async () => {
    const api = setup({ role: 'ledger' });
    renderApp(api, '/settings');
    const note = await screen.findByRole('region', { name: '备份' });
    expect(note).toHaveTextContent('由系统管理员');
    expect(screen.queryByRole('region', { name: '备份与恢复' })).not.toBeInTheDocument();
    expect(api.callsTo('backup.status')).toHaveLength(0);
  });
});
