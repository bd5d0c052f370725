import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppError } from '../../../electron/contract/errors';
import { PRINT_CSP } from '../../../electron/print/page-css';
import { renderSignInSheet, type SignInSheet } from '../../../electron/print/sign-in-sheet';
import { htmlToPdf, launchChromium, type LaunchedChromium } from '../../helpers/chromium';
import { printToolsAvailable } from '../../helpers/print-tools';
import { isA4, readPdfText, textArea } from '../../helpers/pdf-measure';

function sheet(rows: number, overrides: Partial<SignInSheet> = {}): SignInSheet {
  return {
    title: '揭阳市农村留守儿童关爱保护工作联席会议2025年第一次全体会议签到表',
    date: '2025-03-18',
    time: '上午9:00',
    place: '市政府第一会议室',
    rows: Array.from({ length: rows }, (_, i) => ({
      unit: ['市民政局', '市教育局', '市公安局', '市妇联'][i % 4]!,
      name: `参会人${i + 1}`,
      post: i % 2 ? '副局长' : '科长',
    })),
    ...overrides,
  };
}

describe('renderSignInSheet: the HTML', () => {
  it('is a self-contained page with a numbered row per attendee and an empty 签到 cell', () => {
    const html = renderSignInSheet(sheet(3, { blankRows: 2 }));
    expect(html).toContain(`content="${PRINT_CSP}"`);
    expect(html).not.toMatch(/<script|\bsrc=|\bhref=|url\(/i);
    expect(html).toContain(
      '<th scope="col">序号</th><th scope="col">单位</th><th scope="col">姓名</th><th scope="col">职务</th><th scope="col">签到</th>',
    );
    expect(html).toContain(
      '<tr><td class="n">1</td><td>市民政局</td><td>参会人1</td><td>科长</td><td class="s"></td></tr>',
    );
    expect(html.match(/<tr><td class="n">/g)).toHaveLength(5);
    expect(html).toContain('<tr><td class="n">5</td><td></td><td></td><td></td><td class="s"></td></tr>');
    expect(html).toContain('<span>时间：2025年3月18日 上午9时</span><span>地点：市政府第一会议室</span>');
    expect(html).toContain('size: 210mm 297mm;');
  });

  it('escapes names, units and the title', () => {
    const html = renderSignInSheet(
      sheet(0, {
        title: '<b>签到</b>',
        place: '"><script>',
        rows: [{ unit: '<i>', name: '&amp;', post: "'" }],
      }),
    );
    expect(html).not.toMatch(/<b>|<script>|<i>/);
    expect(html).toContain('<td>&lt;i&gt;</td><td>&amp;amp;</td><td>&#39;</td>');
  });

  it('refuses a sheet without a title or with a bad date', () => {
    expect(() => renderSignInSheet(sheet(1, { title: ' ' }))).toThrow(AppError);
    try {
      renderSignInSheet(sheet(1, { date: '2025/03/18' }));
      throw new Error('expected a validation error');
    } catch (err) {
      expect((err as AppError).code).toBe('VALIDATION');
      expect((err as AppError).fields).toEqual({ date: '会议日期应为“2025-03-20”形式的日期' });
    }
  });
});

(printToolsAvailable() ? describe : describe.skip)('a sign-in sheet printed with Chromium', () => {
  let browser: LaunchedChromium;
  let dir: string;

  beforeAll(async () => {
    browser = await launchChromium();
    dir = await mkdtemp(path.join(tmpdir(), 'guanai-sign-in-'));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('runs onto a second A4 page with the header row repeated, inside the text area', async () => {
    const file = path.join(dir, 'sign-in.pdf');
    const result = await htmlToPdf(renderSignInSheet(sheet(24)), file, { browser });
    expect(result.requests).toEqual([]);
    const pages = await readPdfText(file);
    expect(pages).toHaveLength(2);
    for (const page of pages) {
      expect(isA4(page)).toBe(true);
      const area = textArea(page.number);
      const header = page.lines.find((l) => l.text === '序号单位姓名职务签到');
      expect(header).toBeDefined();
      for (const line of page.lines.filter((l) => !/^—\d+—$/.test(l.text))) {
        expect(line.left).toBeGreaterThanOrEqual(area.left - 1);
        expect(line.right).toBeLessThanOrEqual(area.right + 1);
      }
      expect(page.lines.some((l) => l.text === `—${page.number}—`)).toBe(true);
    }
    const all = pages.flatMap((p) => p.lines.map((l) => l.text));
    for (let i = 1; i <= 24; i++) expect(all.some((t) => t.includes(`参会人${i}`))).toBe(true);
  }, 60_000);
});
