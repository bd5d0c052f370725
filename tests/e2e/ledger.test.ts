// End to end in the browser preview: a county clerk creates a child by the form, finds it by pinyin initials, edits a
// field and sees old → new in the timeline, records a visit and an exit, re-enters the child, and sees the mandatory
// reports section of the record page.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { runCli } from '../../electron/cli/run';
import { makeIdNumber } from '../../electron/domain/ledger/id-number';
import { launchChromium, type LaunchedChromium } from '../helpers/chromium';
import { fillChildForm } from '../helpers/child-form';
import { e2eAvailable, ensureSignedIn, startPreview, type RunningPreview } from '../helpers/preview';
import { cleanupTempDirs, tempDir } from '../helpers/temp-dir';

const run = e2eAvailable() ? describe : describe.skip;
jest.setTimeout(120_000);

const ID = makeIdNumber('445202', '2015-08-08', 123);
const fillForm = (page: Page) => fillChildForm(page, { name: '张小明', idNumber: ID });

run('the ledger in the browser preview', () => {
  let preview: RunningPreview;
  let browser: LaunchedChromium;

  beforeAll(async () => {
    const dataDir = path.join(tempDir('e2e-ledger'), 'data');
    const quiet = { out: () => undefined, err: () => undefined };
    expect(await runCli(['init', '--data', dataDir, '--office-code', '445202', '--office-name', '揭阳市榕城区民政局', '--level', 'county'], quiet)).toBe(0);
    preview = await startPreview(['--data', dataDir]);
    browser = await launchChromium({ viewport: { width: 1366, height: 768 } });
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    cleanupTempDirs();
  });

  test('create by the form, find by pinyin initials, edit, visit, exit and re-enter', async () => {
    const { page } = browser;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const base = preview.url.replace(/#.*$/, '');
    await page.goto(preview.url);
    await ensureSignedIn(page);
    await page.getByRole('link', { name: '首页' }).first().waitFor();
    await page.goto(`${base}#/ledger`);
    await page.getByText('共 0 名儿童').waitFor();
    await page.getByRole('link', { name: '新增儿童' }).click();

    // The form: the ID number fills the birth date and sex; eligibility is computed.
    await page.getByRole('form', { name: '儿童信息' }).waitFor();
    await fillForm(page);
    const form = page.getByRole('form', { name: '儿童信息' });
    expect(await form.getByLabel('出生日期', { exact: true }).inputValue()).toBe('2015-08-08');
    expect(await form.getByLabel('性别', { exact: true }).inputValue()).toBe('1');
    await page.getByText('符合农村留守儿童定义').waitFor();
    await page.screenshot({ path: '/tmp/guanai-ledger-form.png' });
    await page.getByRole('button', { name: '保存' }).click();

    // The record page, masked.
    await page.getByRole('heading', { name: '张小明的档案' }).waitFor();
    const summary = await page.locator('main').innerText();
    expect(summary).toContain('445202********123');
    expect(summary).not.toContain(ID);
    expect(summary).toContain('0663-****456');
    await page.screenshot({ path: '/tmp/guanai-ledger-record-top.png' });

    // The list: found by pinyin initials, masked.
    await page.getByRole('link', { name: '返回台账' }).click();
    await page.getByText('共 1 名儿童').waitFor();
    const search = page.getByRole('searchbox', { name: '查找' });
    // 'cxh' is nobody's initials; 'lxh' finds the child by the mother 李小红 (parents and guardians are searched too).
    await search.fill('cxh');
    await page.getByText('共 0 名儿童').waitFor();
    await search.fill('lxh');
    await page.getByText('共 1 名儿童').waitFor();
    await search.fill('zxm');
    await page.getByText('共 1 名儿童').waitFor();
    const table = page.getByRole('table', { name: '儿童列表' });
    await table.getByRole('link', { name: '张小明' }).waitFor();
    const listText = await table.innerText();
    expect(listText).toContain('445202********123');
    expect(listText).not.toContain(ID);
    await page.screenshot({ path: '/tmp/guanai-ledger-list.png' });
    await table.getByRole('link', { name: '张小明' }).click();

    // Edit a field; the timeline shows old → new.
    await page.getByRole('heading', { name: '张小明的档案' }).waitFor();
    await page.getByRole('link', { name: '修改信息' }).click();
    const school = page.getByRole('form', { name: '儿童信息' }).getByLabel('就读学校', { exact: true });
    await school.waitFor();
    expect(await school.inputValue()).toBe('东湖小学');
    await school.fill('仙桥中心小学');
    await page.getByRole('button', { name: '保存' }).click();
    const timeline = page.locator('ol.timeline');
    await timeline.getByText('就读学校：东湖小学 → 仙桥中心小学').waitFor();
    expect(await timeline.innerText()).toContain('建档');

    // A visit.
    const visit = page.getByRole('form', { name: '登记走访' });
    await visit.getByLabel('走访人', { exact: true }).fill('林主任');
    await visit.getByLabel('走访情况', { exact: true }).fill('祖父身体尚好，孩子按时上学');
    await visit.getByRole('button', { name: '登记走访' }).click();
    await page.getByRole('cell', { name: '祖父身体尚好，孩子按时上学' }).waitFor();
    expect(await page.getByText('尚未走访').count()).toBe(0);
    await timeline.locator('.timeline-head', { hasText: '登记走访' }).waitFor();

    // The mandatory reports section, linking a new report to this child.
    await page.getByRole('heading', { name: '强制报告' }).waitFor();
    await page.getByText('没有关于该儿童的强制报告。').waitFor();
    const newReport = await page.getByRole('link', { name: '登记关于该儿童的强制报告' }).getAttribute('href');
    expect(decodeURIComponent(newReport ?? '')).toMatch(/ledger\/reports\/new\?childId=[\w-]+&name=张小明$/);
    await page.screenshot({ path: '/tmp/guanai-ledger-record.png', fullPage: true });

    // Exit: a reason and a date; the record stays and can re-enter.
    const exit = page.getByRole('form', { name: '办理退出' });
    await exit.getByRole('button', { name: '确认退出' }).click();
    await exit.getByText('请选择退出原因', { exact: false }).first().waitFor();
    await exit.getByLabel('退出原因', { exact: true }).selectOption({ label: '父母返乡' });
    await exit.getByRole('button', { name: '确认退出' }).click();
    await page.getByRole('form', { name: '重新纳入台账' }).waitFor();
    const status = await page.locator('dl.details').innerText();
    expect(status).toMatch(/已退出（父母返乡，\d{4}-\d{2}-\d{2}）/);
    await timeline.locator('.timeline-head', { hasText: '办理退出' }).waitFor();
    await page.getByRole('heading', { name: '张小明的档案' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/guanai-ledger-exited.png' });

    await page.getByRole('link', { name: '返回台账' }).click();
    await page.getByText('共 0 名儿童').waitFor();
    await page.getByLabel('状态').selectOption({ label: '已退出' });
    await table.getByRole('link', { name: '张小明' }).click();
    await page.getByRole('form', { name: '重新纳入台账' }).getByRole('button', { name: '重新纳入' }).click();
    await page.getByRole('form', { name: '办理退出' }).waitFor();
    await timeline.locator('.timeline-head', { hasText: '重新纳入' }).waitFor();
    expect(errors).toEqual([]);
  });
});
