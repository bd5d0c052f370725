// End to end in the browser preview: a messy township ledger is imported through the wizard (preview with errors,
// confirm, download the rejected rows), then the ledger is exported masked and unmasked and read back with exceljs.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { runCli } from '../../electron/cli/run';
import { launchChromium, type LaunchedChromium } from '../helpers/chromium';
import { ID, messyLedgerXlsx } from '../helpers/messy-ledger';
import { e2eAvailable, ensureSignedIn, startPreview, type RunningPreview } from '../helpers/preview';
import { cleanupTempDirs, tempDir } from '../helpers/temp-dir';

const run = e2eAvailable() ? describe : describe.skip;
jest.setTimeout(120_000);

async function download(page: Page, click: () => Promise<void>, dir: string) {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = path.join(dir, d.suggestedFilename());
  await d.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return { name: d.suggestedFilename(), ws: wb.worksheets[0]! };
}
const values = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);

run('Excel import and export in the browser preview', () => {
  let preview: RunningPreview;
  let browser: LaunchedChromium;
  let work: string;

  beforeAll(async () => {
    work = tempDir('e2e-excel');
    const dataDir = path.join(work, 'data');
    const quiet = { out: () => undefined, err: () => undefined };
    expect(await runCli(['init', '--data', dataDir, '--office-code', '445202', '--office-name', '揭阳市榕城区民政局', '--level', 'county'], quiet)).toBe(0);
    fs.writeFileSync(path.join(work, '仙桥街道台账.xlsx'), await messyLedgerXlsx());
    preview = await startPreview(['--data', dataDir]);
    browser = await launchChromium({ viewport: { width: 1366, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    cleanupTempDirs();
  });

  test('import a messy ledger, download its error file, export and read it back', async () => {
    const { page } = browser;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(preview.url);
    await ensureSignedIn(page);
    await page.getByRole('link', { name: '导入 Excel' }).first().waitFor({ timeout: 5000 }).catch(() => undefined);
    await page.goto(`${preview.url.replace(/#.*$/, '')}#/ledger/import`);

    await page.getByLabel('表格文件（Excel、WPS 或 CSV）').setInputFiles(path.join(work, '仙桥街道台账.xlsx'));
    await page.getByText(/第 3–4 行为表头（两级），第 5 行起为数据/).waitFor();
    expect(await page.getByLabel('L列（父亲 · 姓名）导入为').inputValue()).toBe('father.name');
    const counts = await page.getByRole('list', { name: '核对结果' }).innerText();
    expect(counts.replace(/\s/g, '')).toContain('新增5名');
    expect(counts.replace(/\s/g, '')).toContain('有问题3行');
    const problems = await page.getByRole('list', { name: '有问题的行' }).innerText();
    expect(problems).toContain('第8行');
    expect(problems).toContain('Excel');
    expect(problems).toContain('与第5行是同一名儿童');
    expect(problems).toContain('校验位');
    await page.screenshot({ path: '/tmp/guanai-ledger-import-preview.png', fullPage: true });

    await page.getByRole('button', { name: '确认导入（新增 5 名，更新 0 名）' }).click();
    await page.getByText('新增 5 名，更新 0 名，未写入 3 行（其中有问题 3 行）。').waitFor();
    await page.screenshot({ path: '/tmp/guanai-ledger-import-done.png', fullPage: true });

    const rejected = await download(page, () => page.getByRole('button', { name: /下载未导入的行/ }).click(), work);
    expect(rejected.name).toBe('仙桥街道台账-未导入的行.xlsx');
    const header = values(rejected.ws, 1);
    expect(header.slice(-2)).toEqual(['原表行号', '错误原因']);
    expect([2, 3, 4].map((n) => values(rejected.ws, n)[header.length - 2])).toEqual([8, 10, 11]);
    expect(String(values(rejected.ws, 3)[header.length - 1])).toContain('与第5行是同一名儿童');

    // Export, masked by default, from the list.
    await page.getByRole('link', { name: '返回台账' }).click();
    await page.getByText('共 5 名儿童').waitFor();
    await page.getByRole('button', { name: '导出 Excel' }).click();
    await page.screenshot({ path: '/tmp/guanai-ledger-export-dialog.png' });
    const masked = await download(page, () => page.getByRole('dialog').getByRole('button', { name: '导出' }).click(), work);
    expect(values(masked.ws, 1)[0]).toBe('农村留守儿童基本情况登记表');
    const headers = values(masked.ws, 4);
    const idCol = headers.indexOf('公民身份证号码');
    const ids = [5, 6, 7, 8, 9].map((n) => String(values(masked.ws, n)[idCol]));
    for (const id of ids) expect(id).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(masked.ws.rowCount).toBe(9);

    // Unmasked needs the confirmation; the file then holds the full numbers.
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: '导出完整的身份证号码和电话号码' }).check();
    expect(await dialog.getByRole('button', { name: '导出' }).isDisabled()).toBe(true);
    await dialog.getByRole('checkbox', { name: /个人信息/ }).check();
    const full = await download(page, () => dialog.getByRole('button', { name: '导出' }).click(), work);
    expect(full.name).toContain('完整信息');
    const fullIds = [5, 6, 7, 8, 9].map((n) => String(values(full.ws, n)[idCol]));
    expect(fullIds).toContain(ID.a);
    expect(errors).toEqual([]);
  });
});
