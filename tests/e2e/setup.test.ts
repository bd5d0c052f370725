// End to end in the browser preview: a new office completes first-run setup and sees itself in 设置.
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium, type LaunchedChromium } from '../helpers/chromium';
import { e2eAvailable, fillFirstAdmin, finishFirstRun, startPreview, type RunningPreview } from '../helpers/preview';
import { cleanupTempDirs, tempDir } from '../helpers/temp-dir';

const run = e2eAvailable() ? describe : describe.skip;
jest.setTimeout(90_000);

run('first-run setup in the browser preview', () => {
  let preview: RunningPreview;
  let browser: LaunchedChromium;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = path.join(tempDir('e2e-setup'), 'data');
    preview = await startPreview(['--data', dataDir]);
    browser = await launchChromium({ viewport: { width: 1366, height: 768 } });
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    cleanupTempDirs();
  });

  test('setup page, office created, shown in settings, refused by a second process', async () => {
    const { page } = browser;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(preview.url);

    await page.getByLabel('单位代码').fill('44520');
    await page.getByLabel('单位名称').fill('揭阳市民政局');
    await page.getByRole('button', { name: '创建本单位' }).click();
    await expect(page.getByText('单位代码应为 6 位数字').first().isVisible()).resolves.toBe(true);

    await page.getByLabel('单位代码').fill('445200');
    await page.getByLabel('级别').selectOption({ label: '市级' });
    await fillFirstAdmin(page);
    await page.getByRole('button', { name: '创建本单位' }).click();
    const recoveryCode = await finishFirstRun(page);
    expect(recoveryCode.length).toBeGreaterThanOrEqual(16);

    await page.getByRole('link', { name: '设置', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '设置', exact: true }).waitFor();
    const body = await page.locator('main').innerText();
    expect(body).toContain('揭阳市民政局');
    expect(body).toContain('445200');
    const office = JSON.parse(fs.readFileSync(path.join(dataDir, 'office.json'), 'utf8'));
    expect(body.replace(/\s/g, '')).toContain(office.fingerprint.replace(/-/g, ''));
    expect(body).toContain(dataDir);
    await page.screenshot({ path: path.join(path.dirname(dataDir), 'settings.png') });

    // The office really exists on disk, with its private keys only in the data folder.
    expect(office).toMatchObject({ code: '445200', name: '揭阳市民政局', level: 'city' });
    expect(JSON.stringify(office)).not.toContain('PRIVATE');
    // The recovery code was shown once, and is nowhere in the data folder.
    for (const file of fs.readdirSync(dataDir, { recursive: true, withFileTypes: true }))
      if (file.isFile())
        expect(fs.readFileSync(path.join(file.parentPath, file.name), 'utf8')).not.toContain(recoveryCode);
    expect(errors).toEqual([]);

    // A second process on the same folder is refused while the preview holds it.
    await expect(startPreview(['--data', dataDir])).rejects.toThrow(/正被另一个程序使用/);
  });

  test('the API refuses calls without the per-run token', async () => {
    const res = await fetch(new URL('/api/invoke', preview.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'app.status', args: {} }),
    });
    expect(res.status).toBe(403);
    const foreign = await fetch(new URL('/api/invoke', preview.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: '{}',
    });
    expect(foreign.status).toBe(403);
  });
});
