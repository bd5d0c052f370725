// End to end in the browser preview: a liaison meeting accepts two topics and defers one, the plenary it prepared
// is held (attendance, three decided items, one major matter approved), its minutes are issued and printed to PDF,
// and the PDF is measured against GB/T 9704-2012: A4, text inside the margins, 22 lines on a full page.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { htmlToPdf, launchChromium, type LaunchedChromium } from '../helpers/chromium';
import {
  LINE_PITCH_MM,
  groupLines,
  isA4,
  rasterizePdf,
  readPdfText,
  renderPdfPng,
  textArea,
  type PdfLine,
} from '../helpers/pdf-measure';
import { e2eAvailable, ensureSignedIn, startPreview, type RunningPreview } from '../helpers/preview';
import { cleanupTempDirs, tempDir } from '../helpers/temp-dir';

const run = e2eAvailable() ? describe : describe.skip;
jest.setTimeout(240_000);

const LONG =
  '会议强调，各成员单位要切实提高政治站位，把农村留守儿童关爱保护工作摆在更加突出的位置，主要负责同志要亲自研究部署，' +
  '分管负责同志要具体抓好落实，形成一级抓一级、层层抓落实的工作格局，确保会议议定事项按时办结。';

async function createMeeting(page: Page, kind: string, date: string, place: string, prepares?: string) {
  await page.getByRole('link', { name: '会议与纪要' }).click();
  const form = page.getByRole('form', { name: '登记会议' });
  await form.getByLabel('会议类型').selectOption({ label: kind });
  await form.getByLabel('会议日期').fill(date);
  await form.getByLabel('会议时间').fill('上午9:30');
  await form.getByLabel('会议地点').fill(place);
  if (prepares) await form.getByLabel('筹备的联席会议').selectOption({ label: prepares });
  await form.getByRole('button', { name: '登记会议' }).click();
  await page.getByRole('region', { name: '会议情况' }).waitFor();
}

run('meetings and minutes in the browser preview', () => {
  let preview: RunningPreview;
  let browser: LaunchedChromium;
  let workDir: string;

  beforeAll(async () => {
    workDir = tempDir('e2e-meetings');
    preview = await startPreview(['--data', path.join(workDir, 'data'), '--demo']);
    browser = await launchChromium({ viewport: { width: 1366, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    cleanupTempDirs();
  });

  test('liaison meeting, plenary, attendance, decided items, approval, issued minutes printed and measured', async () => {
    const { page } = browser;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(preview.url);
    await ensureSignedIn(page);

    await createMeeting(page, '全体会议', '2025-06-10', '市政府第一会议室');
    const plenaryUrl = page.url();
    const plenaryName = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
    expect(plenaryName).toMatch(/^2025年第.次全体会议$/);

    await createMeeting(
      page,
      '联络员会议',
      '2025-06-03',
      '市民政局三楼会议室',
      `${plenaryName}（2025-06-10）`,
    );
    const topics = page.getByRole('region', { name: '议题' });
    const proposals: [string, string][] = [
      ['2025年农村留守儿童关爱保护重点工作安排', '市民政局'],
      ['关于建立强制报告和应急处置联动机制的意见', '市公安局'],
      ['农村留守儿童心理健康服务进校园试点方案', '市教育局'],
    ];
    for (const [title, unit] of proposals) {
      const form = topics.getByRole('form', { name: '提出议题' });
      await form.getByLabel('议题').fill(title);
      await form.getByLabel('提出单位').selectOption({ label: unit });
      await form.getByRole('button', { name: '添加议题' }).click();
      await topics.getByRole('cell', { name: title, exact: true }).waitFor();
    }
    const decide = async (title: string, outcome: string, note: string) => {
      await topics.getByLabel(`“${title}”的研究结果`, { exact: true }).selectOption({ label: outcome });
      await topics.getByLabel(`“${title}”的说明`).fill(note);
      await topics.getByRole('button', { name: `保存“${title}”的研究结果` }).click();
      await page.waitForTimeout(300);
    };
    await decide(proposals[0]![0], '提交联席会议', '提交全体会议审议');
    await decide(proposals[1]![0], '提交联席会议', '提交全体会议审议');
    await decide(proposals[2]![0], '暂缓', '待试点县确定后再提交');
    await expect(
      topics.getByLabel(`“${proposals[2]![0]}”的研究结果`, { exact: true }).inputValue(),
    ).resolves.toBe('deferred');

    // The plenary's agenda now holds the two accepted topics, not the deferred one.
    await page.goto(plenaryUrl);
    const agenda = page.getByRole('region', { name: '会议议程' });
    await agenda.getByText(proposals[0]![0]).waitFor();
    const agendaText = await agenda.innerText();
    expect(agendaText).toContain(proposals[1]![0]);
    expect(agendaText).not.toContain(proposals[2]![0]);

    // Attendance from the composition on the meeting date: one on leave, the rest present, one attending.
    const attendance = page.getByRole('region', { name: '出席情况' });
    const firstMember = (
      await attendance.locator('tbody tr').nth(3).locator('td').first().innerText()
    ).trim();
    await attendance.getByRole('button', { name: `${firstMember}请假`, exact: true }).click();
    await attendance.getByLabel(`${firstMember}请假事由`).fill('公务出差');
    await attendance.getByRole('button', { name: `登记${firstMember}请假` }).click();
    await attendance.getByText('请假（公务出差）').waitFor();
    await attendance.getByRole('button', { name: '其余人员登记为出席' }).click();
    await attendance.getByText(/未登记 0 人/).waitFor({ timeout: 60_000 });
    const add = attendance.getByRole('form', { name: '添加列席人员' });
    await add.getByLabel('列席人员姓名').fill('林晓红');
    await add.getByLabel('列席人员单位').fill('榕城区民政局');
    await add.getByLabel('列席人员职务').fill('局长');
    await add.getByRole('button', { name: '添加列席人员' }).click();
    await attendance.getByText('林晓红（榕城区民政局局长）').waitFor();

    // Three decided items, the third a major matter.
    const decisions = page.getByRole('region', { name: '议定事项' });
    const items: [string, string, string[], string, boolean][] = [
      [
        '会议原则同意2025年农村留守儿童关爱保护重点工作安排，各成员单位按职责分工抓好落实，每季度末报送进展情况。',
        '市民政局',
        ['市教育局'],
        '2025-09-30',
        false,
      ],
      [
        '会议同意建立强制报告和应急处置联动机制，由市公安局会同有关单位制定工作规程并印发实施。',
        '市公安局',
        ['市民政局', '市教育局'],
        '2025-08-31',
        false,
      ],
      [
        '会议同意将农村留守儿童关爱服务经费纳入市级财政预算，按每名儿童每年不低于200元的标准安排。',
        '市财政局',
        ['市民政局'],
        '2025-12-31',
        true,
      ],
    ];
    for (const [text, lead, co, deadline, major] of items) {
      const form = decisions.getByRole('form', { name: '记录议定事项' });
      await form.getByLabel('议定事项内容').fill(text);
      await form.getByLabel('牵头单位').selectOption({ label: lead });
      for (const c of co) await form.getByRole('checkbox', { name: c, exact: true }).check();
      await form.getByLabel('完成时限').fill(deadline);
      if (major) await form.getByRole('checkbox', { name: '重大事项（须报批）' }).check();
      await form.getByRole('button', { name: '添加议定事项' }).click();
      await decisions.getByText(text).waitFor();
    }
    const major = decisions.getByRole('listitem', { name: '议定事项第3项' });
    await major.getByText('重大事项待报批').waitFor();
    const approval = major.getByRole('form', { name: '第3项报批结果' });
    await approval.getByLabel('批复日期').fill('2025-06-12');
    await approval.getByLabel('批复机关或领导').fill('市人民政府');
    await approval.getByRole('button', { name: '登记批复' }).click();
    await major.getByText('已批准（2025-06-12，市人民政府）').waitFor();
    await expect(major.innerText()).resolves.toContain('督办状态：');

    // Minutes: drafted from the meeting, lengthened, issued, then locked.
    await page.getByRole('button', { name: '起草会议纪要' }).click();
    const body = page.getByLabel(/纪要正文/);
    await body.waitFor();
    const drafted = await body.inputValue();
    expect(drafted).toContain('一、会议原则同意2025年农村留守儿童关爱保护重点工作安排');
    expect(drafted).toContain('三、会议同意将农村留守儿童关爱服务经费纳入市级财政预算');
    await body.fill(`${drafted}\n${Array.from({ length: 10 }, () => LONG).join('\n')}`);
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('已保存。').waitFor();
    const issue = page.getByRole('form', { name: '印发纪要' });
    await issue.getByLabel('印发日期').fill('2025-06-15');
    await issue.getByRole('button', { name: '印发纪要' }).click();
    await page.getByText(/已印发的纪要不能修改/).waitFor();
    const number = (await page.locator('.minutes-locked strong').innerText()).trim();
    expect(number).toMatch(/^第\d+期$/);

    await page.getByRole('button', { name: '打印预览' }).click();
    const frame = page.getByTitle('会议纪要打印预览');
    await frame.waitFor();
    await page.screenshot({ path: path.join(workDir, 'minutes-page.png'), fullPage: false });
    await page.screenshot({ path: '/tmp/e2e-meetings-minutes-page.png' });
    const html = (await frame.getAttribute('srcdoc'))!;
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(errors).toEqual([]);

    // Print it the way the app does, then measure the paper.
    const pdf = path.join(workDir, 'minutes.pdf');
    const printed = await htmlToPdf(html, pdf, { browser });
    expect(printed.requests).toEqual([]);
    // Pictures of the pages to look at (kept in /tmp after the run).
    fs.copyFileSync(pdf, '/tmp/e2e-meetings-minutes.pdf');
    const pngs = await renderPdfPng(pdf, '/tmp/e2e-meetings-minutes', { dpi: 60 });
    expect(pngs.length).toBeGreaterThanOrEqual(3);
    const text = await readPdfText(pdf);
    const ink = await rasterizePdf(pdf, { dpi: 100 });
    expect(text.length).toBeGreaterThanOrEqual(3);
    const isPageNumber = (l: PdfLine) => /^—\d+—$/.test(l.text);
    // The demo office's pages carry a large diagonal 演示数据 DEMO watermark: its glyphs are not lines of text.
    for (const p of text) p.lines = groupLines(p.words.filter((w) => w.bottom - w.top < 20));
    const all = text.flatMap((p) => p.lines.map((l) => l.text)).join('');
    expect(all).toContain(number);
    expect(all).toContain('出席：');
    expect(all).toContain('请假：');
    expect(all).toContain('列席：林晓红（榕城区民政局局长）');
    expect(all).toContain('抄报：市人民政府。');
    for (const p of text) {
      expect(isA4(p, 0.5)).toBe(true);
      const area = textArea(p.number);
      for (const line of p.lines.filter((l) => !isPageNumber(l))) {
        expect(line.left).toBeGreaterThanOrEqual(area.left - 1);
        expect(line.right).toBeLessThanOrEqual(area.right + 1);
      }
      for (const band of ink[p.number - 1]!.bands('dark', { left: 0, top: 0, right: 210, bottom: 264 })) {
        expect(band.top).toBeGreaterThanOrEqual(area.top - 1);
        expect(band.bottom).toBeLessThanOrEqual(area.bottom + 1);
        expect(band.left).toBeGreaterThanOrEqual(area.left - 1);
        expect(band.right).toBeLessThanOrEqual(area.right + 1);
      }
    }
    // No page holds more than the 22 lines of the grid, and a full page holds exactly 22, on the 225/22 mm pitch.
    // (A page may end a line short where a heading or a short attendance list is kept with what follows.)
    const counts = text.map((p) => p.lines.filter((l) => !isPageNumber(l)).length);
    for (const n of counts) expect(n).toBeLessThanOrEqual(22);
    const full = text.filter((_p, i) => i > 0 && counts[i] === 22);
    expect(full.length).toBeGreaterThanOrEqual(1);
    for (const p of full) {
      const tops = p.lines.filter((l) => !isPageNumber(l)).map((l) => l.top);
      tops.slice(1).forEach((t, i) => expect(Math.abs(t - tops[i]! - LINE_PITCH_MM)).toBeLessThan(0.6));
    }

    // Issued: the meeting's attendance and decided items are read-only now (issue 12 §1).
    await page.goto(plenaryUrl);
    const locked = page.getByRole('region', { name: '出席情况' });
    await locked
      .getByRole('note')
      .getByText(/会议纪要已印发/)
      .waitFor();
    expect(await locked.getByRole('button', { name: '其余人员登记为出席' }).count()).toBe(0);
    expect(await locked.getByRole('form', { name: '添加列席人员' }).count()).toBe(0);
    expect(await page.getByRole('form', { name: '记录议定事项' }).count()).toBe(0);
    await locked.getByRole('button', { name: '打印签到表' }).waitFor();
  });
});
