// End to end in the browser preview (issue 12 §4–5): a unit renamed from a past date keeps its old name for earlier
// days; an overdue task is extended, corrected and urged, and the 催办通知 prints as an A4 official document.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { htmlToPdf, launchChromium, type LaunchedChromium } from '../helpers/chromium';
import { e2eAvailable, fillFirstAdmin, finishFirstRun, startPreview, type RunningPreview } from '../helpers/preview';
import { cleanupTempDirs, tempDir } from '../helpers/temp-dir';

const run = e2eAvailable() ? describe : describe.skip;
jest.setTimeout(180_000);

const OUT = process.env.GUANAI_E2E_OUT ?? '/tmp/guanai-e2e-supervision';

run('units through time and supervision in the browser preview', () => {
  let preview: RunningPreview;
  let browser: LaunchedChromium;

  beforeAll(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    const dataDir = path.join(tempDir('e2e-supervision'), 'data');
    preview = await startPreview(['--data', dataDir]);
    browser = await launchChromium({ viewport: { width: 1366, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    cleanupTempDirs();
  });

  test('rename a unit from a past date; extend, correct and urge a task; print the 催办通知', async () => {
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
    await page.getByRole('button', { name: '按通知模板设置' }).click();
    const posts = page.getByRole('region', { name: '组成人员' });
    await posts.getByRole('cell', { name: '陈家斌', exact: true }).waitFor();
    expect(await posts.getByRole('row').filter({ hasText: '陈家斌' }).getByRole('cell', { name: '市政府', exact: true }).count()).toBe(1);

    // 机构改革: 市地税局 → 国家税务总局揭阳市税务局 from 2018-07-20.
    await page.getByRole('button', { name: '单位更名' }).click();
    const rename = page.getByRole('form', { name: '单位更名' });
    await rename.getByLabel('成员单位').selectOption({ label: '市地税局' });
    await rename.getByLabel(/新名称/).fill('国家税务总局揭阳市税务局');
    await rename.getByLabel(/更名日期/).fill('2018-07-20');
    await rename.getByRole('button', { name: '确认更名' }).click();
    const units = page.getByRole('region', { name: /成员单位（26 个）/ });
    await units.getByRole('link', { name: '国家税务总局揭阳市税务局' }).waitFor();
    await units.getByText('原称「市地税局」（至 2018-07-20）').waitFor();
    await page.getByLabel(/查看某日的组成/).fill('2018-07-19');
    await units.getByRole('link', { name: '市地税局', exact: true }).waitFor();
    await page.getByRole('button', { name: '回到今天' }).click();

    // An overdue task: extend it, correct it, urge it.
    await page.getByRole('link', { name: '督办事项' }).first().click();
    await page.getByRole('button', { name: '新建督办事项' }).click();
    const create = page.getByRole('form', { name: '新建督办事项' });
    await create.getByLabel('督办事项').fill('在农村寄宿制学校配齐生活管理教师');
    await create.getByLabel('牵头单位').selectOption({ label: '市教育局' });
    await create.getByLabel('完成时限').fill('2025-01-31');
    await create.getByRole('checkbox', { name: '市财政局' }).check();
    await create.getByRole('button', { name: '保存督办事项' }).click();
    await page.getByRole('heading', { level: 1, name: '在农村寄宿制学校配齐生活管理教师' }).waitFor();
    const facts = await page.locator('.u-facts').innerText();
    expect(facts.match(/已逾期/g)).toHaveLength(1);

    await page.getByRole('button', { name: '发催办通知' }).click();
    const urge = page.getByRole('form', { name: '发催办通知' });
    await urge.getByLabel(/报送时限/).fill('2099-12-31');
    await urge.getByLabel(/催办要求/).fill('请说明逾期原因');
    await urge.getByRole('button', { name: '发出催办通知' }).click();
    const urges = page.getByRole('region', { name: '催办记录' });
    const year = new Date().getFullYear();
    await urges.getByRole('button', { name: new RegExp(`打印催办〔(${year}|${year - 1}|${year + 1})〕1号`) }).click();
    const frame = urges.locator('iframe');
    await frame.waitFor();
    const html = (await frame.getAttribute('srcdoc')) ?? '';
    await page.screenshot({ path: path.join(OUT, 'task-urged.png'), fullPage: true });
    const pdf = path.join(OUT, 'urge.pdf');
    const printed = await htmlToPdf(html, pdf, { browser });
    expect(printed.requests).toEqual([]);
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+59\d\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toMatch(/催办〔\d{4}〕1号/);
    expect(text).toContain('市教育局、市财政局：');
    expect(text).toContain('请说明逾期原因。');
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(OUT, 'urge-page')]);

    await page.getByRole('button', { name: '延期' }).click();
    const extend = page.getByRole('form', { name: '延期' });
    await extend.getByLabel('新的完成时限').fill('2099-06-30');
    await extend.getByLabel(/批准人/).fill('召集人马儒生');
    await extend.getByLabel('延期理由').fill('招聘计划需经编办审批');
    await extend.getByRole('button', { name: '确认延期' }).click();
    await page.getByText('（原定 2025-01-31，已延期）').waitFor();
    expect(await page.locator('.u-facts').innerText()).not.toContain('已逾期');

    await page.getByRole('button', { name: '修改事项' }).click();
    const edit = page.getByRole('form', { name: '修改事项' });
    await edit.getByRole('checkbox', { name: '市人力资源社会保障局' }).check();
    await edit.getByLabel(/修改说明/).fill('按会议纪要增加配合单位');
    await edit.getByRole('button', { name: '保存修改' }).click();
    await page.getByRole('region', { name: '修改记录' }).getByText(/配合单位：由「市财政局」改为「市财政局、市人力资源社会保障局」/).waitFor();
    await page.screenshot({ path: path.join(OUT, 'task-supervised.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
