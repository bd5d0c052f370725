// End to end in the browser preview with the demonstration office: the statistics page shows real figures and prints,
// and a mandatory report recorded with a report time long past shows its overdue steps on the report and home page.
import path from 'node:path';
import { launchChromium, type LaunchedChromium } from '../helpers/chromium';
import { e2eAvailable, ensureSignedIn, startPreview, type RunningPreview } from '../helpers/preview';
import { cleanupTempDirs, tempDir } from '../helpers/temp-dir';

const run = e2eAvailable() ? describe : describe.skip;
jest.setTimeout(180_000);

const SHOTS = '/tmp';

run('mandatory reports and statistics in the browser preview (demo office)', () => {
  let preview: RunningPreview;
  let browser: LaunchedChromium;

  beforeAll(async () => {
    const dataDir = path.join(tempDir('e2e-reports'), 'data');
    preview = await startPreview(['--data', dataDir, '--demo']);
    browser = await launchChromium({ viewport: { width: 1366, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    cleanupTempDirs();
  });

  test('the statistics page shows the demo ledger in figures, charts and tables', async () => {
    const { page } = browser;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${preview.url.split('#')[0]}#/ledger/stats`);
    await ensureSignedIn(page);
    await page.getByRole('heading', { name: '台账统计' }).waitFor();
    const figures = page.getByLabel('主要数字');
    await figures.waitFor();
    const inLedger = Number((await figures.locator('.fact').first().locator('dd').innerText()).replace(/\D/g, ''));
    expect(inLedger).toBeGreaterThan(100);
    // The charts are drawn as SVG.
    // The chart module loads on demand and each chart draws when it arrives: wait for all of them.
    await page.waitForFunction(() => document.querySelectorAll('.chart svg').length >= 3, undefined, { timeout: 20_000 });
    expect(await page.locator('.chart svg').count()).toBeGreaterThanOrEqual(3);
    const table = page.getByRole('table', { name: /表一/ });
    const totalRow = table.locator('tr.total-row');
    expect(Number(await totalRow.locator('td').first().innerText())).toBe(inLedger);
    // The app scrolls inside its main pane: a tall window shows the whole page in one picture.
    await page.setViewportSize({ width: 1366, height: 3200 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(SHOTS, 'guanai-stats.png') });
    await page.setViewportSize({ width: 1366, height: 900 });

    await page.getByRole('button', { name: '预览' }).click();
    const frame = page.frameLocator('iframe[title="统计表打印预览"]');
    await frame.getByText('农村留守儿童信息台账统计表').waitFor();
    expect(await frame.locator('svg').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  test('a report recorded long ago with a police response shows the overdue steps', async () => {
    const { page } = browser;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${preview.url.split('#')[0]}#/ledger/reports/new`);
    await ensureSignedIn(page);
    await page.getByRole('heading', { name: '登记强制报告' }).waitFor();

    // A child in the demo ledger, found by a common surname.
    let child = '';
    for (const surname of ['陈', '林', '黄', '李', '张', '王']) {
      await page.getByRole('searchbox').fill(surname);
      await page.getByRole('button', { name: '查找', exact: true }).click();
      const pick = page.getByRole('button', { name: /^选择/ }).first();
      const shown = await pick.waitFor({ timeout: 3000 }).then(() => true, () => false);
      if (shown) {
        child = ((await pick.innerText()) ?? '').replace(/^选择/, '');
        await pick.click();
        break;
      }
    }
    expect(child).not.toBe('');
    await page.getByLabel('报告主体').selectOption({ label: '学校' });
    await page.getByLabel('报告单位').fill('镇中心小学');
    await page.getByLabel('报告人姓名').fill('张老师');
    await page.getByLabel('报告人电话').fill('13800138001');
    await page.getByRole('checkbox', { name: '独自居住' }).check();
    await page.getByLabel('情况描述').fill('该生连续多日独自在家，无人照料。');
    await page.getByLabel(/报告时间/).fill('2026-01-05T08:00');
    await page.getByRole('button', { name: '保存报告' }).click();

    await page.getByRole('heading', { name: `强制报告：${child}` }).waitFor();
    // Nothing recorded yet: police, assessment and placement are all overdue.
    await page.getByText(/已超时：出警处置、乡镇评估、临时安置/).waitFor();

    await page.getByRole('button', { name: '登记出警处置' }).click();
    const form = page.getByRole('form', { name: '登记出警处置' });
    await form.getByLabel('出警时间').fill('2026-01-05T08:40');
    await form.getByLabel('出警单位（派出所）').fill('城区派出所');
    await form.getByRole('checkbox', { name: '责令父母返回或委托他人监护' }).check();
    await form.getByLabel('处置情况').fill('联系在外务工的父亲，责令其返回照料。');
    await form.getByRole('button', { name: '保存' }).click();

    const police = page.locator('li.step', { hasText: '出警处置' });
    await police.getByText('办理时间：2026年1月5日 08:40').waitFor();
    expect(await police.innerText()).toContain('已办理');
    // The police came in time; the township assessment and placement are still overdue.
    await page.getByText(/已超时：乡镇评估、临时安置/).waitFor();
    await page.setViewportSize({ width: 1366, height: 1800 });
    await page.screenshot({ path: path.join(SHOTS, 'guanai-report.png') });
    await page.setViewportSize({ width: 1366, height: 900 });

    await page.getByRole('link', { name: '首页' }).click();
    const home = page.getByRole('region', { name: /强制报告超时未办/ });
    await home.waitFor();
    expect(await home.innerText()).toContain(child);
    await page.screenshot({ path: path.join(SHOTS, 'guanai-home-reports.png'), fullPage: true });

    await page.getByRole('link', { name: '留守儿童台账' }).click();
    await page.goto(`${preview.url.split('#')[0]}#/ledger/reports?filter=overdue`);
    await ensureSignedIn(page);
    await page.getByRole('table').waitFor();
    expect(await page.getByRole('table').innerText()).toContain(child);
    await page.screenshot({ path: path.join(SHOTS, 'guanai-reports-list.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
