import { screen, within } from '@testing-library/react';
import { AppError } from '../../electron/contract/errors';
import { createFakeApi, fakeBackupStatus, fakeOffice, fakeSettings, fakeStatus } from '../helpers/fake-api';
import { renderApp } from './render-app';

describe('settings page', () => {
  it('shows the office, its fingerprint in groups, the data folder and how to back up', async () => {
    const office = fakeOffice({
      code: '445224',
      name: '惠来县民政局',
      level: 'county',
      fingerprint: 'ABCD-EFGH-JKMN-PQRS-TUVW',
    });
    const api = createFakeApi({
      'app.status': () => fakeStatus({ office }),
      'settings.get': () =>
        fakeSettings({ office, dataDir: 'D:\\关爱\\数据', schemaVersion: 3, operations: 4821 }),
      'backup.status': () => fakeBackupStatus(),
    });
    renderApp(api, '/settings');

    expect(await screen.findByRole('heading', { level: 1, name: '设置' })).toBeInTheDocument();
    const officeSection = await screen.findByRole('region', { name: '本单位' });
    const rows = within(officeSection);
    expect(rows.getByText('单位代码').nextElementSibling).toHaveTextContent('445224');
    expect(rows.getByText('单位名称').nextElementSibling).toHaveTextContent('惠来县民政局');
    expect(rows.getByText('级别').nextElementSibling).toHaveTextContent('县（市、区）级');

    const fingerprint = within(screen.getByRole('region', { name: '本单位指纹' }));
    // Shown as five groups with real spaces between them, so it reads and copies as groups.
    const code = fingerprint.getByText(
      (_, el) => el?.tagName === 'CODE' && el.textContent === 'ABCD EFGH JKMN PQRS TUVW',
    );
    expect(code).toHaveClass('fingerprint');
    expect(code.children).toHaveLength(5);
    expect(fingerprint.getByText(/朗读/)).toBeInTheDocument();

    const data = within(screen.getByRole('region', { name: '数据' }));
    expect(data.getByText('D:\\关爱\\数据')).toBeInTheDocument();
    expect(data.getByText('数据格式版本').nextElementSibling).toHaveTextContent('3');
    expect(data.getByText('修改记录').nextElementSibling).toHaveTextContent('4821 条');

    // Backing up is done in the app (the section's own tests: settings-backup.test.tsx), not by copying the folder.
    const backup = screen.getByRole('region', { name: '备份与恢复' });
    expect(backup).toHaveTextContent('加密');
    expect(backup).toHaveTextContent('切勿通过电子邮件');
    expect(backup).not.toHaveTextContent('先关闭本程序');
    expect(await within(backup).findByRole('region', { name: '立即备份' })).toBeInTheDocument();
    expect(document.title).toBe('设置 - 关爱');
  });

  it('says why when the settings cannot be read, and retries', async () => {
    let fail = true;
    const api = createFakeApi({
      'app.status': () => fakeStatus(),
      'settings.get': () => {
        if (fail) throw new AppError('STORE_DAMAGED', '数据文件损坏，无法读取。');
        return fakeSettings();
      },
      'backup.status': () => fakeBackupStatus(),
    });
    const { user } = renderApp(api, '/settings');
    expect(await screen.findByRole('alert')).toHaveTextContent('数据文件损坏，无法读取。');
    fail = false;
    await user.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByRole('region', { name: '本单位指纹' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
