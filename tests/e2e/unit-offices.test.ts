// End to end in the browser preview (issue 14): the city's joint-meeting office and two member units' offices
// (市教育局, 市公安局), each its own preview process and data folder. The office exports each unit's setup file on the
// 成员单位联络 page; each liaison imports it with the code on the desk and hands back the unit's card; each unit files
// a report (教育局 with a scanned reply letter, and an extension request) on the task page; both 教育局 and the office
// write 教育局's 承办人 line; the bundles go up through the exchange pages, where the clash is kept as a conflict; the
// office's task page shows both reports as 单位报送 and the request, approves it, and the answer goes down. No unit
// office's data folder holds a child's name or ID number.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { runCli } from '../../electron/cli/run';
import { launchChromium, type LaunchedChromium } from '../helpers/chromium';
import { e2eAvailable, ensureSignedIn, startPreview, type RunningPreview } from '../helpers/preview';
import { cleanupTempDirs, tempDir } from '../helpers/temp-dir';
import { validChild } from '../unit/ledger/child-fixture';

const run = e2eAvailable() ? describe : describe.skip;
jest.setTimeout(300_000);

async function invoke<T = unknown>(page: Page, name: string, args: unknown): Promise<T> {
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
  ) as Promise<T>;
}

async function download(page: Page, click: () => Promise<void>, dir: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = path.join(dir, `${Date.now()}-${dl.suggestedFilename()}`);
  await dl.saveAs(file);
  return file;
}

/** Every byte of a data folder, as text (the raw files, read both ways). */
function folderText(dir: string): string {
  let out = '';
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    out += e.isDirectory()
      ? folderText(p)
      : fs.readFileSync(p).toString('latin1') + fs.readFileSync(p).toString('utf8');
  }
  return out;
}

const compact = (s: string) => s.replace(/[\s-]/g, '');

const UNITS = [
  { id: 'jiaoyu', name: '市教育局', office: '揭阳市教育局' },
  { id: 'gongan', name: '市公安局', office: '揭阳市公安局' },
] as const;
type UnitId = (typeof UNITS)[number]['id'];

run('member units as offices: setup, reports up, answers down', () => {
  let root: string;
  let browser: LaunchedChromium;
  let city: RunningPreview;
  let cityPage: Page;
  const unitPreviews = {} as Record<UnitId, RunningPreview>;
  const unitPages = {} as Record<UnitId, Page>;
  const unitDirs = {} as Record<UnitId, string>;
  const secrets: string[] = [];
  let taskId: string;

  beforeAll(async () => {
    root = tempDir('e2e-unit-offices');
    const io = { out: () => undefined, err: () => undefined };
    await runCli(
      [
        'init',
        '--data',
        path.join(root, 'city'),
        '--office-code',
        '445200',
        '--office-name',
        '揭阳市民政局',
        '--level',
        'city',
      ],
      io,
    );
    for (const u of UNITS) {
      unitDirs[u.id] = path.join(root, u.id);
      await runCli(
        [
          'init',
          '--data',
          unitDirs[u.id],
          '--office-code',
          `445200-${u.id}`,
          '--office-name',
          u.office,
          '--level',
          'unit',
        ],
        io,
      );
    }
    city = await startPreview(['--data', path.join(root, 'city')]);
    for (const u of UNITS) unitPreviews[u.id] = await startPreview(['--data', unitDirs[u.id]]);
    browser = await launchChromium({ viewport: { width: 1366, height: 900 } });
    cityPage = browser.page;
    for (const u of UNITS) unitPages[u.id] = await browser.page.context().newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await city?.stop();
    for (const p of Object.values(unitPreviews)) await p?.stop();
    cleanupTempDirs();
  });

  test('two units set up, report, request an extension, clash on a field; the office sees and answers', async () => {
    const errors: string[] = [];
    for (const p of [cityPage, ...Object.values(unitPages)]) p.on('pageerror', (e) => errors.push(String(e)));

    // The office: the composition, a child in its ledger, and a task for both units linked to the child.
    await cityPage.goto(`${city.url}#/units/connected`);
    await ensureSignedIn(cityPage);
    await invoke(cityPage, 'composition.setup', { mode: 'template' });
    const record = validChild() as unknown as Record<string, Record<string, unknown>>;
    const child = await invoke<{ id: string }>(cityPage, 'children.create', { record });
    secrets.push(String(record.child!.name), String(record.child!.idNumber));
    const task = await invoke<{ id: string }>(cityPage, 'tasks.create', {
      title: '落实留守儿童控辍保学措施',
      source: { kind: 'adhoc' },
      leadUnitId: 'jiaoyu',
      coUnitIds: ['gongan'],
      deadline: '2027-06-30',
      childIds: [child.id],
    });
    taskId = task.id;
    const officeFp = (await invoke<{ office: { fingerprint: string } }>(cityPage, 'app.status', {})).office
      .fingerprint;

    // One sitting per unit: the setup file and its code on the office's screen; the liaison imports both, compares
    // the office's fingerprint and hands back the unit's card, which the office compares and trusts.
    const table = cityPage.getByRole('table', { name: '成员单位连接情况' });
    await table.waitFor();
    for (const u of UNITS) {
      const row = table.getByRole('row', { name: new RegExp(u.name) });
      expect(await row.innerText()).toContain('未连接');
      const setupFile = await download(
        cityPage,
        () => row.getByRole('button', { name: `导出${u.name}的设置文件` }).click(),
        root,
      );
      const shown = cityPage.getByRole('group', { name: `${u.name}的设置码` });
      await shown.waitFor();
      const code = (await shown.getByLabel('设置码').innerText()).trim();
      expect(code).toMatch(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$/);
      expect(compact(await shown.innerText())).toContain(compact(officeFp));
      await shown.getByRole('button', { name: '已告知，关闭' }).click();

      const page = unitPages[u.id];
      await page.goto(`${unitPreviews[u.id].url}#/`);
      await ensureSignedIn(page);
      await page.getByRole('heading', { level: 1, name: '联络员工作台' }).waitFor();
      // A unit office keeps no ledger: it is not in the navigation.
      expect(await page.getByRole('link', { name: '留守儿童台账' }).count()).toBe(0);
      const form = page.getByRole('form', { name: '导入设置文件' });
      await form.getByLabel('设置文件').setInputFiles(setupFile);
      await form.getByLabel('设置码').fill(code);
      await form.getByRole('button', { name: '导入设置文件' }).click();
      const done = page.getByRole('status', { name: '设置完成' });
      await done.waitFor();
      expect(compact(await done.innerText())).toContain(compact(officeFp));
      const card = await download(
        page,
        () => done.getByRole('button', { name: '导出本单位名片' }).click(),
        root,
      );

      await cityPage.goto(`${city.url}#/exchange`);
      await cityPage.getByLabel('单位名片文件').setInputFiles(card);
      const check = cityPage.getByRole('group', { name: '核对名片' });
      await check.waitFor();
      const unitFp = JSON.parse(fs.readFileSync(card, 'utf8')).fingerprint as string;
      expect(compact(await check.innerText())).toContain(compact(unitFp));
      await cityPage.getByLabel('我已与对方电话核对，指纹完全一致').check();
      await cityPage.getByRole('button', { name: '信任该单位' }).click();
      await cityPage.getByText('已信任「').waitFor();
      await cityPage.goto(`${city.url}#/units/connected`);
      await table.waitFor();
      expect(await table.getByRole('row', { name: new RegExp(u.name) }).innerText()).toContain('已连接');
    }

    // The liaisons' desks list the task (教育局 leads, 公安局 cooperates); each files a report on the task page.
    const reportText = {
      jiaoyu: '已完成全市学校排查，劝返辍学留守儿童12人。',
      gongan: '已会同教育部门开展校园周边治安巡查。',
    };
    const letter = path.join(root, '教育局复函.pdf');
    fs.writeFileSync(letter, '%PDF-1.4 扫描的复函');
    for (const u of UNITS) {
      const page = unitPages[u.id];
      await page.goto(`${unitPreviews[u.id].url}#/`);
      const tasks = page.getByRole('table', { name: '本单位督办事项' });
      const row = tasks.getByRole('row', { name: /落实留守儿童控辍保学措施/ });
      expect(await row.innerText()).toContain(u.id === 'jiaoyu' ? '牵头' : '配合');
      await row.getByRole('link', { name: '落实留守儿童控辍保学措施' }).click();
      const form = page.getByRole('form', { name: '报送进展' });
      await form.waitFor();
      expect(await form.getByLabel('报送单位').count()).toBe(0);
      // The task's link to a child stayed at the office.
      expect(await page.getByText('涉及儿童').count()).toBe(0);
      await form.getByLabel('进展情况').fill(reportText[u.id]);
      if (u.id === 'jiaoyu') await form.getByLabel('附件').setInputFiles(letter);
      await form.getByRole('button', { name: '报送' }).click();
      const reports = page.locator('section', { has: page.getByRole('heading', { name: '进展报告' }) });
      await reports.getByText(reportText[u.id]).waitFor();
      if (u.id === 'jiaoyu') {
        const saved = form.getByRole('status');
        await saved.waitFor();
        expect(await saved.innerText()).toMatch(/校验值\s+sha256:[0-9a-f]{64}/);
      }
    }

    // 教育局 asks for more time, and writes its 承办人 line.
    const jy = unitPages.jiaoyu;
    await jy.getByRole('button', { name: '申请延期' }).click();
    const ask = jy.getByRole('form', { name: '申请延期' });
    await ask.getByLabel('申请的完成时限').fill('2027-09-30');
    await ask.getByLabel('申请理由').fill('寒假期间学校停课，核查需顺延。');
    await ask.getByRole('button', { name: '提交延期申请' }).click();
    await jy.getByRole('listitem', { name: '市教育局的延期申请' }).getByText('待批复').waitFor();
    const jyContact = jy.getByRole('form', { name: '填写承办人' });
    await jyContact.getByLabel('承办人及联系方式').fill('基础教育科 林科长 0663-8220001');
    await jyContact.getByRole('button', { name: '保存承办人' }).click();
    await jy.getByText('市教育局：基础教育科 林科长 0663-8220001').waitFor();

    // Meanwhile the office, from a phone call, writes the same line.
    await cityPage.goto(`${city.url}#/units/tasks/${taskId}`);
    const cityContact = cityPage.getByRole('form', { name: '填写承办人' });
    await cityContact.getByLabel('承办单位').selectOption('jiaoyu');
    await cityContact.getByLabel('承办人及联系方式').fill('林科长 13800000000');
    await cityContact.getByRole('button', { name: '保存承办人' }).click();
    await cityPage.getByText('市教育局：林科长 13800000000').waitFor();

    // Up: each unit exports to the office on its exchange page; the office imports after the dry run.
    for (const u of UNITS) {
      const page = unitPages[u.id];
      await page.goto(`${unitPreviews[u.id].url}#/exchange`);
      await page.getByRole('heading', { name: '数据交换' }).waitFor();
      await page.getByLabel('接收单位').selectOption('445200');
      const bundle = await download(
        page,
        () => page.getByRole('button', { name: '导出数据包' }).click(),
        root,
      );
      await cityPage.goto(`${city.url}#/exchange`);
      await cityPage.getByLabel('数据包文件').setInputFiles(bundle);
      await cityPage.getByText('签名有效').waitFor();
      await cityPage.getByRole('button', { name: '确认导入' }).click();
      await cityPage.getByText(new RegExp(`已导入「${u.office}」的数据包`)).waitFor();
    }

    // The clash is kept: both values, the office's and the unit's, in 冲突.
    const conflict = cityPage.getByRole('group', { name: /督办事项「落实留守儿童控辍保学措施」/ });
    await conflict.waitFor();
    const both = await conflict.innerText();
    expect(both).toContain('林科长 13800000000');
    expect(both).toContain('基础教育科 林科长 0663-8220001');
    expect(both).toContain('揭阳市教育局');

    // The office's task page: both units' reports as 单位报送 from their offices, the letter with its hash, the request.
    await cityPage.goto(`${city.url}#/units/tasks/${taskId}`);
    const reports = cityPage.locator('section', { has: cityPage.getByRole('heading', { name: '进展报告' }) });
    for (const u of UNITS) {
      const item = reports.getByRole('listitem').filter({ hasText: reportText[u.id] });
      await item.waitFor();
      const text = await item.innerText();
      expect(text).toContain('单位报送');
      expect(text).toContain(`单位报送（来源：445200-${u.id}）`);
    }
    expect(await reports.getByRole('listitem').filter({ hasText: reportText.jiaoyu }).innerText()).toMatch(
      /教育局复函\.pdf[\s\S]*sha256:[0-9a-f]{64}/,
    );
    const request = cityPage.getByRole('listitem', { name: '市教育局的延期申请' });
    expect(await request.innerText()).toContain('2027-09-30');
    expect(await request.innerText()).toContain('待批复');
    await cityPage.screenshot({ path: '/tmp/unit-offices-office-task.png', fullPage: true });
    const decide = request.getByRole('form', { name: '批复市教育局的延期申请' });
    await decide.getByLabel(/批准人/).fill('召集人 马儒生');
    await decide.getByRole('button', { name: '同意延期' }).click();
    await request.getByText('已同意').waitFor();
    await cityPage
      .getByText(/2027-09-30.*已延期|原定 2027-06-30/)
      .first()
      .waitFor();

    // Down: the answer reaches 教育局 by the office's bundle.
    await cityPage.goto(`${city.url}#/exchange`);
    await cityPage.getByLabel('接收单位').selectOption('445200-jiaoyu');
    const down = await download(
      cityPage,
      () => cityPage.getByRole('button', { name: '导出数据包' }).click(),
      root,
    );
    await jy.goto(`${unitPreviews.jiaoyu.url}#/exchange`);
    await jy.getByLabel('数据包文件').setInputFiles(down);
    await jy.getByText('签名有效').waitFor();
    await jy.getByRole('button', { name: '确认导入' }).click();
    await jy.getByText(/已导入「揭阳市民政局」的数据包/).waitFor();
    await jy.goto(`${unitPreviews.jiaoyu.url}#/`);
    const desk = jy.locator('section', { has: jy.getByRole('heading', { name: '延期申请' }) });
    await desk.getByText('已同意').waitFor();
    expect(await jy.getByRole('table', { name: '本单位督办事项' }).innerText()).toContain('2027-09-30');
    await jy.screenshot({ path: '/tmp/unit-offices-desk.png', fullPage: true });

    // The unit's other pages read what it holds without a refusal (the ledger is not offered there at all).
    for (const [hash, heading] of [
      ['#/units', '成员单位与职责'],
      ['#/units/tasks', '督办事项'],
      ['#/units/bulletins', '工作进展通报'],
      ['#/meetings', '会议与纪要'],
    ] as const) {
      await jy.goto(`${unitPreviews.jiaoyu.url}${hash}`);
      await jy.getByRole('heading', { level: 1, name: heading }).waitFor();
      await jy.waitForLoadState('networkidle');
      expect({ hash, alerts: await jy.locator('.form-error[role="alert"]').allInnerTexts() }).toEqual({
        hash,
        alerts: [],
      });
    }
    expect(await jy.getByRole('button', { name: '新建督办事项' }).count()).toBe(0);

    // The office's connections page says when each unit last sent.
    await cityPage.goto(`${city.url}#/units/connected`);
    for (const u of UNITS) {
      const row = cityPage
        .getByRole('table', { name: '成员单位连接情况' })
        .getByRole('row', { name: new RegExp(u.name) });
      await row.waitFor();
      expect(await row.innerText()).toMatch(/已连接[\s\S]*\d{4}年\d+月\d+日/);
    }

    // No unit office ever holds a child's name or ID number.
    expect(secrets).toHaveLength(2);
    for (const u of UNITS) {
      const text = folderText(unitDirs[u.id]);
      expect({ unit: u.id, found: secrets.filter((s) => text.includes(s)) }).toEqual({
        unit: u.id,
        found: [],
      });
    }
    expect(errors).toEqual([]);
  });
});
