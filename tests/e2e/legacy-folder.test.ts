// End to end in the browser preview: a data folder from before accounts opens on 升级数据文件夹; the first administrator
// is named there, the data is encrypted, the recovery code is shown once, and the clerk goes on into the app with a
// one-time notice, finding the old child with its history still by 本机用户. No plaintext remains in the folder.
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium, type LaunchedChromium } from '../helpers/chromium';
import { LEGACY_CHILD, makeLegacyFolder } from '../helpers/legacy-folder';
import { E2E_ADMIN, e2eAvailable, startPreview, type RunningPreview } from '../helpers/preview';
import { cleanupTempDirs, tempDir } from '../helpers/temp-dir';

const run = e2eAvailable() ? describe : describe.skip;
jest.setTimeout(120_000);

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : [p];
  });
}

run('a data folder from before accounts, in the browser preview', () => {
  let preview: RunningPreview;
  let browser: LaunchedChromium;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = path.join(tempDir('e2e-legacy'), 'data');
    await makeLegacyFolder(dataDir);
    preview = await startPreview(['--data', dataDir]);
    browser = await launchChromium({ viewport: { width: 1366, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    cleanupTempDirs();
  });

  test('names the first administrator, encrypts, shows the recovery code once, keeps the old history', async () => {
    const { page } = browser;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(preview.url);
    await page.getByRole('heading', { name: '升级数据文件夹' }).waitFor();
    const form = page.getByRole('form', { name: '设置系统管理员' });
    await form.getByLabel('用户名', { exact: true }).fill(E2E_ADMIN.login);
    await form.getByLabel('姓名', { exact: true }).fill(E2E_ADMIN.name);
    await form.getByLabel('密码', { exact: true }).fill('short');
    await form.getByRole('button', { name: '设置并加密数据' }).click();
    await form.getByText('至少 8 位', { exact: false }).first().waitFor();
    expect(fs.existsSync(path.join(dataDir, 'keys', 'access.json'))).toBe(false);

    await form.getByLabel('密码', { exact: true }).fill(E2E_ADMIN.password);
    await form.getByLabel('确认密码', { exact: true }).fill(E2E_ADMIN.password);
    await form.getByRole('button', { name: '设置并加密数据' }).click();
    await page.getByRole('heading', { name: '请保存恢复码' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('数据已加密');
    await page.getByRole('checkbox', { name: '我已妥善保存恢复码' }).check();
    await page.getByRole('button', { name: '继续' }).click();

    // Into the app, signed in as the new administrator, with the notice of the upgrade.
    await page.getByRole('region', { name: '当前用户' }).waitFor();
    await page.getByText('数据文件夹已升级').first().waitFor();
    const base = preview.url.replace(/#.*$/, '');
    await page.goto(`${base}#/ledger/${LEGACY_CHILD.id}`);
    await page.getByRole('heading', { name: `${LEGACY_CHILD.name}的档案` }).waitFor();
    const timeline = page.locator('ol.timeline');
    await timeline.waitFor();
    expect(await timeline.innerText()).toContain('本机用户');

    // A copy of the folder reveals neither the name nor the ID number.
    for (const file of filesUnder(dataDir)) {
      const text = fs.readFileSync(file).toString('utf8');
      expect({ file, name: text.includes(LEGACY_CHILD.name), id: text.includes(LEGACY_CHILD.idNumber) }).toEqual({ file, name: false, id: false });
    }
    expect(errors).toEqual([]);
  });
});
