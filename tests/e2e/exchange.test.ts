// End to end in the browser preview: a county (445202) and the city (445200), each its own preview process and data
// folder, trust each other through their exchange pages; the county exports, the city imports after the dry run; a
// conflicting edit on both sides shows in the conflicts list and is resolved there.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { runCli } from '../../electron/cli/run';
import { launchChromium, type LaunchedChromium } from '../helpers/chromium';
import { e2eAvailable, ensureSignedIn, startPreview, type RunningPreview } from '../helpers/preview';
import { cleanupTempDirs, tempDir } from '../helpers/temp-dir';
import { validChild } from '../unit/ledger/child-fixture';

const run = e2eAvailable() ? describe : describe.skip;
jest.setTimeout(180_000);

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

async function download(page: Page, click: () => Promise<void>, dir: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = path.join(dir, dl.suggestedFilename());
  await dl.saveAs(file);
  return file;
}

run('data exchange between a county and the city', () => {
  let root: string;
  let county: RunningPreview;
  let city: RunningPreview;
  let browser: LaunchedChromium;
  let cityPage: Page;

  beforeAll(async () => {
    root = tempDir('e2e-exchange');
    const io = { out: () => undefined, err: () => undefined };
    await runCli(['init', '--data', path.join(root, 'county'), '--office-code', '445202', '--office-name', '榕城区民政局', '--level', 'county'], io);
    await runCli(['init', '--data', path.join(root, 'city'), '--office-code', '445200', '--office-name', '揭阳市民政局', '--level', 'city'], io);
    county = await startPreview(['--data', path.join(root, 'county')]);
    city = await startPreview(['--data', path.join(root, 'city')]);
    browser = await launchChromium({ viewport: { width: 1366, height: 900 } });
    cityPage = await browser.page.context().newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await county?.stop();
    await city?.stop();
    cleanupTempDirs();
  });

  test('trust, export, dry run, import, conflict resolved', async () => {
    const countyPage = browser.page;
    const errors: string[] = [];
    for (const p of [countyPage, cityPage]) p.on('pageerror', (e) => errors.push(String(e)));
    await countyPage.goto(`${county.url}#/exchange`);
    await cityPage.goto(`${city.url}#/exchange`);
    await ensureSignedIn(countyPage);
    await ensureSignedIn(cityPage);
    await countyPage.getByRole('heading', { name: '数据交换' }).waitFor();
    await cityPage.getByRole('heading', { name: '数据交换' }).waitFor();

    // Cards both ways, each compared and confirmed.
    for (const [from, to] of [
      [countyPage, cityPage],
      [cityPage, countyPage],
    ] as const) {
      const card = await download(from, () => from.getByRole('button', { name: '导出本单位名片' }).click(), root);
      const fp = JSON.parse(fs.readFileSync(card, 'utf8')).fingerprint as string;
      await to.getByLabel('单位名片文件').setInputFiles(card);
      const group = to.getByRole('group', { name: '核对名片' });
      await group.waitFor();
      expect((await group.innerText()).replace(/\s/g, '')).toContain(fp.replace(/-/g, ''));
      const trust = to.getByRole('button', { name: '信任该单位' });
      expect(await trust.isDisabled()).toBe(true);
      await to.getByLabel('我已与对方电话核对，指纹完全一致').check();
      await trust.click();
      await to.getByText('已信任「').waitFor();
    }

    // The county registers a child and exports to the city.
    const record = validChild() as unknown as Record<string, Record<string, unknown>>;
    const { id } = (await invoke(countyPage, 'children.create', { record })) as { id: string };
    await countyPage.getByLabel('接收单位').selectOption('445200');
    const bundle = await download(countyPage, () => countyPage.getByRole('button', { name: '导出数据包' }).click(), root);
    expect(path.basename(bundle)).toMatch(/^关爱数据包_榕城区民政局→揭阳市民政局_.*\.guanai$/);

    await cityPage.getByLabel('数据包文件').setInputFiles(bundle);
    await cityPage.getByText('签名有效').waitFor();
    const dry = await cityPage.getByRole('table', { name: /导入后各类记录的变化/ }).innerText();
    expect(dry).toContain('儿童信息');
    await cityPage.getByRole('button', { name: '确认导入' }).click();
    await cityPage.getByText(/已导入「榕城区民政局」的数据包：新增 1 条/).waitFor();

    // Replay: nothing changes, and the page says so.
    await cityPage.getByLabel('数据包文件').setInputFiles(bundle);
    await cityPage.getByText('全部记录均已导入过').first().waitFor();
    await cityPage.getByRole('button', { name: '取消' }).click();

    // Both sides change the same field without seeing each other's change.
    const edit = (village: string) => ({ ...record, responsibility: { ...record.responsibility, village } });
    await invoke(cityPage, 'children.update', { id, record: edit('西山村') });
    await invoke(countyPage, 'children.update', { id, record: edit('南山村') });
    await countyPage.getByLabel('接收单位').selectOption('445200');
    const second = await download(countyPage, () => countyPage.getByRole('button', { name: '导出数据包' }).click(), root);
    await cityPage.getByLabel('数据包文件').setInputFiles(second);
    await cityPage.getByText('签名有效').waitFor();
    await cityPage.getByText(/条记录与本单位的修改冲突/).waitFor();
    await cityPage.screenshot({ path: '/tmp/exchange-dry-run.png', fullPage: true });
    await cityPage.getByRole('button', { name: '确认导入' }).click();
    await cityPage.getByText(/冲突 1 条/).first().waitFor();

    const conflict = cityPage.getByRole('group', { name: /儿童信息「张小明」的“村（居）”/ });
    await conflict.waitFor();
    await cityPage.locator('#x-conflicts-anchor').screenshot({ path: '/tmp/exchange-conflicts.png' });
    await conflict.getByRole('radio', { name: /西山村/ }).check();
    await conflict.getByRole('button', { name: '采用所选的值' }).click();
    await cityPage.getByText('没有待处理的冲突。').waitFor();
    const child = (await invoke(cityPage, 'children.get', { id })) as { record: { responsibility: { village: string } } };
    expect(child.record.responsibility.village).toBe('西山村');

    await cityPage.screenshot({ path: '/tmp/exchange-page.png', fullPage: true });
    const log = await cityPage.locator('#x-log-anchor').innerText();
    expect(log).toContain('榕城区民政局');
    expect(errors).toEqual([]);
  });
});
