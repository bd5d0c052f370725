// End to end in the browser preview: a city office sets up its joint meeting from the notice's template, replaces a
// member with a successor from a date, assigns a task to two units, reports progress, sees it overdue (its deadline
// is in the past: the preview runs on the real clock), issues a progress bulletin and prints it to PDF.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { htmlToPdf, launchChromium, type LaunchedChromium } from '../helpers/chromium';
import { e2eAvailable, fillFirstAdmin, finishFirstRun, startPreview, type RunningPreview } from '../helpers/preview';
import { cleanupTempDirs, tempDir } from '../helpers/temp-dir';

const run = e2eAvailable() ? describe : describe.skip;
jest.setTimeout(180_000);

/** Screenshots and the PDF's page images go here, to be looked at. */
const OUT = process.env.GUANAI_E2E_OUT ?? '/tmp/guanai-e2e-units';

run('composition, tasks and bulletins in the browser preview', () => {
  let preview: RunningPreview;
  let browser: LaunchedChromium;

  beforeAll(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    const dataDir = path.join(tempDir('e2e-units'), 'data');
    preview = await startPreview(['--data', dataDir]);
    browser = await launchChromium({ viewport: { width: 1366, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    cleanupTempDirs();
  });

  test('set up, replace a member, supervise a task, print a bulletin', async () => {
    const { page } = browser;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(preview.url);
    await page.getByLabel('单位代码').fill('445200');
    await page.getByLabel('单位名称').fill('揭阳市农村留守儿童关爱保护工作联席会议办公室');
    await page.getByLabel('级别').selectOption({ label: '市级' });
    await fillFirstAdmin(page);
    await page.getByRole('button', { name: '创建本单位' }).click();
    await finishFirstRun(page);
    await page.getByRole('link', { name: '成员单位' }).first().click();

    // Set-up from the notice's template.
    await page.getByRole('button', { name: '按通知模板设置' }).click();
    const posts = page.getByRole('region', { name: '组成人员' });
    await posts.getByRole('cell', { name: '倪任华', exact: true }).waitFor();
    expect(await page.getByRole('region', { name: /成员单位（26 个）/ }).isVisible()).toBe(true);

    // A successor from a date; the composition before that date keeps the predecessor.
    await page.getByRole('button', { name: '更换倪任华' }).click();
    const form = page.getByRole('form', { name: '更换倪任华' });
    await form.getByLabel('接任人姓名').fill('王小明');
    await form.getByLabel(/接任日期/).fill('2025-03-01');
    await form.getByRole('button', { name: '确认更换' }).click();
    await posts.getByRole('cell', { name: '王小明', exact: true }).waitFor();
    expect(await posts.getByRole('cell', { name: '倪任华', exact: true }).count()).toBe(0);
    await page.getByRole('region', { name: '历任人员' }).getByRole('cell', { name: '倪任华', exact: true }).waitFor();
    await page.evaluate(() => document.querySelectorAll('main, .main').forEach((el) => el.scrollTo(0, 0)));
    await page.screenshot({ path: path.join(OUT, 'composition.png'), fullPage: false });
    await page.getByLabel(/查看某日的组成/).fill('2025-02-28');
    await posts.getByRole('cell', { name: '倪任华', exact: true }).waitFor();
    expect(await posts.getByRole('cell', { name: '王小明', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: '回到今天' }).click();

    // A task for two units, with a deadline already passed.
    await page.getByRole('link', { name: '督办事项' }).first().click();
    await page.getByRole('button', { name: '新建督办事项' }).click();
    const task = page.getByRole('form', { name: '新建督办事项' });
    await task.getByLabel('督办事项').fill('在农村寄宿制学校配齐生活管理教师');
    await task.getByLabel('牵头单位').selectOption({ label: '市教育局' });
    await task.getByLabel('完成时限').fill('2025-01-31');
    await task.getByRole('checkbox', { name: '市财政局' }).check();
    await task.getByRole('button', { name: '保存督办事项' }).click();
    await page.getByRole('heading', { level: 1, name: '在农村寄宿制学校配齐生活管理教师' }).waitFor();
    expect(await page.locator('.u-facts').innerText()).toContain('已逾期');

    const report = page.getByRole('form', { name: '报送进展' });
    await report.getByLabel('报送单位').selectOption({ label: '市财政局' });
    await report.getByLabel('报送日期').fill('2025-01-20');
    await report.getByLabel('进展情况').fill('已安排生活管理教师经费 860 万元。');
    await report.getByRole('button', { name: '报送' }).click();
    await page.getByText('已安排生活管理教师经费 860 万元。').waitFor();

    // 销号 without a final report is refused.
    await page.getByRole('form', { name: '销号' }).getByRole('button', { name: '销号' }).click();
    await page.getByText('尚无办结报告，不能销号').waitFor();

    await page.getByRole('link', { name: '督办事项' }).first().click();
    const list = page.getByRole('table', { name: '督办事项列表' });
    await list.getByRole('link', { name: '在农村寄宿制学校配齐生活管理教师' }).waitFor();
    expect(await list.locator('tr.u-overdue').count()).toBe(1);
    await page.screenshot({ path: path.join(OUT, 'tasks.png'), fullPage: false });

    // The home page reminds the overdue task.
    await page.getByRole('link', { name: '首页' }).first().click();
    await page.getByRole('region', { name: '督办提醒' }).getByText(/已逾期/).waitFor();

    // A bulletin for this year so far, printed to PDF.
    await page.evaluate(() => {
      location.hash = '#/units/bulletins';
    });
    await page.getByRole('form', { name: '编发通报' }).getByLabel('起始日期').fill('2025-01-01');
    await page.getByRole('button', { name: '编发通报' }).click();
    const frame = page.locator('iframe[title="打印预览"]');
    await frame.waitFor();
    await page.screenshot({ path: path.join(OUT, 'bulletin-preview.png'), fullPage: false });
    const html = (await frame.getAttribute('srcdoc')) ?? '';
    expect(html.replace(/<[^>]+>/g, '')).toContain('第1期');
    const pdf = path.join(OUT, 'bulletin.pdf');
    const printed = await htmlToPdf(html, pdf, { browser });
    expect(printed.requests).toEqual([]);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('进展通报');
    expect(text).toContain('在农村寄宿制学校配齐生活管理教师');
    expect(text).toContain('逾期未办结');
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(OUT, 'bulletin-page')]);
    expect(fs.readdirSync(OUT).filter((f) => f.startsWith('bulletin-page')).length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
