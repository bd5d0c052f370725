// End to end in the browser preview, the restore drill of issue 11: an administrator sets the backup passphrase,
// backs up into a folder of the exchange folder (a USB stick outside the data folder), verifies the backup; then the
// data's store is lost while the preview is stopped. Started again on the same folder, the sign-in is refused with
// the problem, the sign-in page restores from the backup (backup passphrase and an administrator of the backup),
// and after signing in every child is there again, with the restore's notice until an administrator acknowledges it.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { runCli } from '../../electron/cli/run';
import { makeIdNumber } from '../../electron/domain/ledger/id-number';
import { launchChromium, type LaunchedChromium } from '../helpers/chromium';
import { E2E_ADMIN, e2eAvailable, ensureSignedIn, signIn, startPreview, type RunningPreview } from '../helpers/preview';
import { cleanupTempDirs, tempDir } from '../helpers/temp-dir';
import { validChild } from '../unit/ledger/child-fixture';

const run = e2eAvailable() ? describe : describe.skip;
jest.setTimeout(180_000);

const PASSPHRASE = 'Jieyang-backup-2026';
const CHILDREN = ['张小明', '李小华', '陈小芳'];

async function invoke(page: Page, name: string, args: unknown): Promise<unknown> {
  return page.evaluate(
    async ([n, a]) => {
      const token = document.querySelector('meta[name="guanai-preview-token"]')!.getAttribute('content')!;
      const res = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-guanai-token': token },
        body: JSON.stringify({ name: n, args: a }),
      });
      const body = await res.json();
      if (!body.ok) throw new Error(`${n}: ${body.error.message}`);
      return body.value;
    },
    [name, args] as const,
  );
}

run('backup and restore in the browser preview', () => {
  let dataDir: string;
  let usb: string;
  let preview: RunningPreview | undefined;
  let browser: LaunchedChromium;

  const start = () => startPreview(['--data', dataDir, '--exchange', usb]);

  beforeAll(async () => {
    browser = await launchChromium({ viewport: { width: 1366, height: 900 } });
  });
  // Each attempt (e2e-setup retries once) starts from a new office: a retry must not meet the first one's children.
  beforeEach(async () => {
    await preview?.stop();
    const root = tempDir('e2e-backup');
    dataDir = path.join(root, 'data');
    // The exchange folder stands for the USB stick: outside the data folder, so the backup has left the PC.
    usb = path.join(root, 'usb');
    fs.mkdirSync(path.join(usb, '备份'), { recursive: true });
    const quiet = { out: () => undefined, err: () => undefined };
    const init = ['init', '--data', dataDir, '--office-code', '445202', '--office-name', '揭阳市榕城区民政局', '--level', 'county'];
    expect(await runCli([...init, '--admin-name', E2E_ADMIN.name], quiet)).toBe(0);
    preview = await start();
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    cleanupTempDirs();
  });

  test('passphrase, back up, lose the store, restore from the sign-in page, every child back', async () => {
    const { page } = browser;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(preview!.url);
    await ensureSignedIn(page);

    // Three children in the ledger.
    for (const [i, name] of CHILDREN.entries()) {
      const record = validChild() as unknown as Record<string, Record<string, unknown>>;
      record.child = { ...record.child, name, idNumber: makeIdNumber('445202', '2015-08-08', 101 + i * 2) };
      await invoke(page, 'children.create', { record });
    }

    // The home page reminds the administrator: no passphrase yet.
    const base = preview!.url.replace(/#.*$/, '');
    await page.goto(`${base}#/`);
    const reminder = page.getByRole('region', { name: '尚未设置备份口令' });
    await reminder.waitFor();
    await reminder.getByRole('link', { name: /设置 → 备份与恢复/ }).click();
    const backup = page.getByRole('region', { name: '备份与恢复' });
    await backup.waitFor();

    // The passphrase, typed twice.
    const passphraseForm = backup.getByRole('form', { name: '设置备份口令' });
    await passphraseForm.getByLabel('备份口令', { exact: true }).fill(PASSPHRASE);
    await passphraseForm.getByLabel('再次输入备份口令', { exact: true }).fill(PASSPHRASE);
    await passphraseForm.getByRole('button', { name: '设置备份口令' }).click();
    await passphraseForm.getByRole('status').filter({ hasText: '已设置备份口令' }).waitFor();

    // 立即备份 into 备份/ of the exchange folder.
    const now = backup.getByRole('form', { name: '立即备份' });
    await now.getByLabel('保存到交换文件夹中的文件夹', { exact: true }).fill('备份');
    await now.getByRole('button', { name: '立即备份' }).click();
    const made = now.getByRole('status');
    await made.waitFor();
    expect(await made.innerText()).toContain('儿童 3 名');
    const fileName = (await made.locator('strong').innerText()).trim();
    expect(fileName).toMatch(/^关爱备份-445202-\d{8}-\d{6}\.gbak$/);
    expect(fs.existsSync(path.join(usb, '备份', fileName))).toBe(true);

    // 验证备份: the same figures as the data in use.
    const verify = backup.getByRole('form', { name: '验证备份' });
    await verify.getByLabel('备份文件在交换文件夹中的路径', { exact: true }).fill(`备份/${fileName}`);
    await verify.getByRole('button', { name: '验证备份' }).click();
    const compare = verify.getByRole('table', { name: '备份与当前数据对比' });
    await compare.waitFor();
    expect((await compare.getByRole('row').filter({ hasText: '儿童' }).innerText()).replace(/\s+/g, ' ')).toContain('儿童 3 名 3 名');
    expect(await verify.innerText()).toContain(E2E_ADMIN.name);
    await page.screenshot({ path: '/tmp/guanai-backup-settings.png', fullPage: true });

    // The home page no longer reminds: the backup left the PC today.
    await page.goto(`${base}#/`);
    await page.getByRole('region', { name: '本单位数据' }).waitFor();
    expect(await page.getByRole('region', { name: /备份/ }).count()).toBe(0);

    await page.goto(`${base}#/settings`);
    await backup.waitFor();
    // The restore drill while signed in: a child added after the backup is not in it, and the confirmation says so.
    const later = validChild() as unknown as Record<string, Record<string, unknown>>;
    later.child = { ...later.child, name: '备份后新增', idNumber: makeIdNumber('445202', '2015-08-08', 201) };
    await invoke(page, 'children.create', { record: later });
    const drill = backup.getByRole('form', { name: '从备份恢复' });
    await drill.getByLabel('备份文件在交换文件夹中的路径', { exact: true }).fill(`备份/${fileName}`);
    await drill.getByRole('button', { name: '从备份恢复' }).click();
    const confirm = backup.getByRole('region', { name: '确认从备份恢复' });
    await confirm.waitFor();
    const confirmText = await confirm.innerText();
    expect(confirmText).toContain('当前数据不会被覆盖或删除');
    expect(confirmText).toContain('备份制作之后在本机所做的修改不在备份中');
    expect((await confirm.getByRole('row').filter({ hasText: '儿童' }).innerText()).replace(/\s+/g, ' ')).toContain('儿童 3 名 4 名');
    await confirm.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/guanai-backup-confirm.png' });
    await confirm.getByRole('button', { name: '确认恢复' }).click();
    const drilled = backup.getByRole('status').filter({ hasText: '已从备份恢复' });
    await drilled.waitFor();
    const drilledAside = /“(replaced-[\d-]+)”/.exec(await drilled.innerText())?.[1];
    expect(drilledAside).toBeDefined();
    expect(fs.existsSync(path.join(dataDir, drilledAside!, 'store'))).toBe(true);
    await page.goto(`${base}#/ledger`);
    await page.getByText('共 3 名儿童').waitFor();
    expect(await page.getByRole('link', { name: '备份后新增' }).count()).toBe(0);

    // The store is lost while the preview is stopped.
    await preview!.stop();
    fs.rmSync(path.join(dataDir, 'store'), { recursive: true, force: true });
    preview = await start();

    // Signing in is refused with the problem; the sign-in page offers the restore.
    await page.goto(preview.url);
    const signInForm = page.getByRole('form', { name: '登录' });
    await signInForm.getByLabel('用户名', { exact: true }).fill(E2E_ADMIN.login);
    await signInForm.getByLabel('密码', { exact: true }).fill(E2E_ADMIN.password);
    await signInForm.getByRole('button', { name: '登录' }).click();
    const problem = page.getByRole('alert', { name: '数据无法打开' });
    await problem.waitFor();
    expect(await problem.innerText()).toContain('store 文件夹');
    await page.screenshot({ path: '/tmp/guanai-backup-sign-in.png', fullPage: true });

    const restore = page.getByRole('form', { name: '从备份恢复' });
    await restore.getByLabel('备份文件在交换文件夹中的路径', { exact: true }).fill(`备份/${fileName}`);
    await restore.getByLabel('备份口令', { exact: true }).fill(PASSPHRASE);
    await restore.getByLabel('管理员用户名', { exact: true }).fill(E2E_ADMIN.login);
    await restore.getByLabel('管理员密码', { exact: true }).fill(E2E_ADMIN.password);
    await restore.getByRole('button', { name: '从备份恢复' }).click();
    const restored = page.getByRole('status').filter({ hasText: '已从备份恢复' });
    await restored.waitFor();
    const restoredText = await restored.innerText();
    expect(restoredText).toContain('儿童 3 名');
    const replaced = /“(replaced-[\d-]+)”/.exec(restoredText)?.[1];
    expect(replaced).toBeDefined();
    expect(fs.existsSync(path.join(dataDir, replaced!))).toBe(true);
    expect(await problem.count()).toBe(0);

    // Signed in to the restored data: every child is there again.
    await signIn(page);
    await page.goto(`${preview.url.replace(/#.*$/, '')}#/ledger`);
    await page.getByText('共 3 名儿童').waitFor();
    for (const name of CHILDREN) await page.getByRole('link', { name }).first().waitFor();

    // The restore's notice stays on every page until an administrator acknowledges it.
    const notice = page.getByRole('alert').filter({ hasText: '已从备份恢复数据' });
    await notice.waitFor();
    await page.screenshot({ path: '/tmp/guanai-backup-notice.png' });
    await notice.getByRole('button', { name: '确认已知悉' }).click();
    await notice.waitFor({ state: 'detached' });
    await page.reload();
    await ensureSignedIn(page);
    await page.getByText('共 3 名儿童').waitFor();
    expect(await page.getByRole('alert').filter({ hasText: '已从备份恢复数据' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
