import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppError } from '../../../electron/contract/errors';
import type { OfficialDocument } from '../../../electron/print/document-model';
import { layoutOfficialDocument, renderOfficialDocument } from '../../../electron/print/official-document';
import { PRINT_CSP } from '../../../electron/print/page-css';
import { printToolsAvailable } from '../../helpers/print-tools';
import {
  htmlToPdf,
  launchChromium,
  type HtmlToPdfResult,
  type LaunchedChromium,
} from '../../helpers/chromium';
import {
  LINE_PITCH_MM,
  characterCells,
  groupLines,
  isA4,
  rasterizePdf,
  readPdfText,
  textArea,
  type Box,
  type PageRaster,
  type PdfLine,
  type PdfTextPage,
} from '../../helpers/pdf-measure';
import { elementHtml, paddingLeftMm, rowsOf, textOf, type HtmlRow } from './html-rows';
import { PURE_CJK_PARAGRAPH, sampleMinutes } from './sample-documents';

const CHAR_MM = 156 / 28;
const MARK = '揭阳市农村留守儿童关爱保护工作联席会议纪要';
const CLOSING = /^[，。、；：？！）》」』】〕〉”’]/;

function bodyRows(html: string): HtmlRow[] {
  return rowsOf(html).filter((r) => r.at < html.indexOf('<footer'));
}

/** Grid lines a row takes: the red mark two, everything else one. */
const spanOf = (row: HtmlRow) => (row.classes.includes('mark-row') ? 2 : 1);

describe('renderOfficialDocument: the HTML', () => {
  const html = renderOfficialDocument(sampleMinutes());

  it('is one self-contained page that loads and runs nothing', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.match(/<html\b/g)).toHaveLength(1);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${PRINT_CSP}">`);
    expect(PRINT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|url\(|@import/i);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).toContain('<html lang="zh-CN">');
  });

  it('sets A4 with the GB/T margins, binding side alternating, and page numbers in the margin boxes', () => {
    expect(html).toContain('size: 210mm 297mm;');
    expect(html).toMatch(/@page :right \{\s*margin-left: 28mm; margin-right: 26mm;/);
    expect(html).toMatch(/@page :left \{\s*margin-left: 26mm; margin-right: 28mm;/);
    expect(html).toMatch(/@page \{ size: 210mm 297mm; margin: 37mm 26mm 35mm 28mm; \}/);
    expect(html).toMatch(/@bottom-right \{ content: "— " counter\(page\) " —";[^}]*font-size: 14pt/);
    expect(html).toMatch(/@bottom-left \{ content: "— " counter\(page\) " —";[^}]*font-size: 14pt/);
  });

  it('uses the GB/T faces with chains that end in Noto CJK', () => {
    expect(html).toMatch(
      /body \{\s*font-family: "FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋",[^;]*"Noto Serif CJK SC"[^;]*serif; font-size: 16pt;/,
    );
    expect(html).toMatch(/\.h1 \{ font-family: "SimHei", "黑体",[^;]*"Noto Sans CJK SC"/);
    expect(html).toMatch(
      /\.h2 \{ font-family: "KaiTi_GB2312",[^;]*"KaiTi", "楷体",[^;]*"STKaiti"[^;]*"Noto Serif CJK SC"/,
    );
    expect(html).toMatch(/\.title \{ font-family: "Guanai XiaoBiaoSong"[^;]*; font-size: 22pt;/);
    expect(html).toMatch(
      /src: local\("FZXiaoBiaoSong-B05S"\)[^;]*local\("方正小标宋简体"\)[^;]*local\("Noto Serif CJK SC Bold"\)/,
    );
    // 28 cells of 156/28 mm: the letter-spacing is the cell minus the 16 pt em.
    const spacing = Number(/body \{ letter-spacing: (-[\d.]+)mm; \}/.exec(html)?.[1]);
    expect(spacing).toBeCloseTo(156 / 28 - (16 * 25.4) / 72, 3);
  });

  it('maps block types to heading levels and faces', () => {
    expect(html).toMatch(
      /<h2 class="h1"><span class="r"[^>]*>一、充分肯定<span class="hw">2024<\/span>年工作成效<\/span><\/h2>/,
    );
    expect(html).toMatch(/<h3 class="h2"><span class="r"[^>]*>（一）加强摸底排查和动态管理。<\/span><\/h3>/);
    expect(html).toMatch(
      /<h4 class="h3"><span class="r"[^>]*><span class="hw">1\.<\/span>明确报告责任。<\/span><\/h4>/,
    );
    expect(html).toMatch(/<h1 class="title"><span class="r c">/);
    expect(html.match(/<p class="para">/g)!.length).toBe(
      sampleMinutes().blocks.filter((b) => b.type === 'paragraph').length,
    );
  });

  it('breaks paragraphs on the 28 × 22 grid: 2-character indent, 28 characters a line, justified, 禁则 kept', () => {
    const start = html.indexOf(
      `<p class="para"><span class="r j" style="padding-left:11.143mm">${PURE_CJK_PARAGRAPH.slice(0, 5)}`,
    );
    expect(start).toBeGreaterThan(0);
    const para = html.slice(start, html.indexOf('</p>', start));
    const rows = rowsOf(para);
    expect(rows.map((r) => r.text).join('')).toBe(PURE_CJK_PARAGRAPH);
    expect(paddingLeftMm(rows[0]!)).toBeCloseTo(2 * CHAR_MM, 2);
    expect(rows[0]!.text.length).toBeLessThanOrEqual(26);
    for (const row of rows.slice(1)) expect(paddingLeftMm(row)).toBe(0);
    for (const row of rows.slice(1, -1)) expect(row.text.length).toBeGreaterThanOrEqual(27);
    expect(rows.filter((r) => r.text.length === 28).length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(row.text).not.toMatch(CLOSING);
    for (const row of rows.slice(0, -1)) expect(row.classes).toContain('j');
    expect(rows.at(-1)!.classes).not.toContain('j');
  });

  it('sets ASCII half-width and keeps the text of a paragraph contiguous', () => {
    expect(html).toContain('<span class="hw">12,345</span>名');
    const doc = sampleMinutes();
    for (const block of doc.blocks) expect(textOf(html)).toContain(block.text.replace(/\s+/g, ' '));
  });

  it('prints the red mark, the issue number, issuer and date, and a red rule for minutes', () => {
    expect(html).toMatch(
      new RegExp(
        `<header class="mark"><span class="r mark-row"><span style="font-size:26pt;transform:scaleX\\(0\\.\\d+\\)">${MARK}</span>`,
      ),
    );
    expect(html).toMatch(/<span class="r c">第<span class="hw">3<\/span>期<\/span>/);
    expect(textOf(html)).toContain('揭阳市农村留守儿童关爱保护工作联席会议办公室2025年3月20日');
    expect(html).toMatch(/<svg class="rule red bottom"/);
    expect(html).toMatch(/\.mark \.mark-row \{[^}]*color: #e60012;[^}]*font-family: "Guanai XiaoBiaoSong"/);
  });

  it('prints a short mark larger and unscaled, and no header at all for a plain document', () => {
    const short = renderOfficialDocument(sampleMinutes({ mark: '会议纪要' }));
    expect(short).toMatch(/<span style="font-size:36pt">会议纪要<\/span>/);
    const plain = renderOfficialDocument(
      sampleMinutes({ kind: 'plain', mark: undefined, number: undefined }),
    );
    expect(plain).not.toContain('class="mark"');
    expect(plain).not.toContain('rule red');
    expect(plain).toMatch(/<main class="document document-plain">\n<h1 class="title">/);
  });

  it('prints 出席/请假/列席 with the label in 黑体 and wrapped names aligned after the colon', () => {
    const present = elementHtml(html, '<p class="att" data-role="present">', '</p>')!;
    const rows = rowsOf(present);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows[0]!.html.startsWith('<span class="att-label">出席：</span>陈志明、')).toBe(true);
    expect(paddingLeftMm(rows[0]!)).toBeCloseTo(2 * CHAR_MM, 2);
    for (const row of rows.slice(1)) {
      expect(row.classes).toContain('att-cont');
      expect(paddingLeftMm(row)).toBeCloseTo(5 * CHAR_MM, 2);
    }
    // Names are never split between lines.
    const names = sampleMinutes().attendance!.present;
    const printed = rows.flatMap((r) => r.text.replace('出席：', '').split('、').filter(Boolean));
    expect(printed).toEqual(names);
    expect(html).toMatch(/\.att-label \{ font-family: "SimHei"/);

    const absent = textOf(elementHtml(html, '<p class="att" data-role="absent">', '</p>')!);
    expect(absent).toBe('请假：赖文斌（出差）、何丽娟');
    expect(textOf(elementHtml(html, '<p class="att" data-role="attending">', '</p>')!)).toBe(
      '列席：市政府办公室二科科长 梁伟、市民政局儿童福利科科长 彭晓燕',
    );
    expect(html.indexOf('data-role="present"')).toBeLessThan(html.indexOf('data-role="absent"'));
    expect(html.indexOf('data-role="absent"')).toBeLessThan(html.indexOf('data-role="attending"'));
  });

  it('leaves out an empty attendance list', () => {
    const doc = sampleMinutes();
    const out = renderOfficialDocument({
      ...doc,
      attendance: { ...doc.attendance!, absent: [], attending: [] },
    });
    expect(out).toContain('data-role="present"');
    expect(out).not.toContain('data-role="absent"');
    expect(out).not.toContain('data-role="attending"');
    expect(renderOfficialDocument({ ...doc, attendance: undefined })).not.toContain('class="att"');
  });

  it('prints the end block with the label the office chose, a full stop, and the 印发 line between rules', () => {
    const footer = elementHtml(html, '<footer class="end-block">', '</footer>')!;
    expect(textOf(footer)).toBe(
      '抄报：市人民政府，市委办公室，市人大常委会办公室，市政协办公室。揭阳市农村留守儿童关爱保护工作联席会议办公室2025年3月20日印发',
    );
    expect(footer.match(/<svg class="rule thick top"/g)).toHaveLength(1);
    expect(footer.match(/<svg class="rule thin top"/g)).toHaveLength(1);
    expect(footer.match(/<svg class="rule thick bottom"/g)).toHaveLength(1);
    const rows = rowsOf(footer);
    expect(rows.at(-1)!.html).toMatch(
      /^<span>揭阳市农村留守儿童关爱保护工作联席会议办公室<\/span><span>.*日印发<\/span>/,
    );

    const cc = renderOfficialDocument(sampleMinutes({ distribution: { label: '抄送', to: ['市委办公室'] } }));
    expect(textOf(elementHtml(cc, '<footer class="end-block">', '</footer>')!)).toMatch(
      /^抄送：市委办公室。揭阳市/,
    );
    const none = elementHtml(
      renderOfficialDocument(sampleMinutes({ distribution: undefined })),
      '<footer class="end-block">',
      '</footer>',
    )!;
    expect(textOf(none)).toBe('揭阳市农村留守儿童关爱保护工作联席会议办公室2025年3月20日印发');
    expect(none).not.toContain('rule thin');
    expect(none.match(/rule thick/g)).toHaveLength(2);
  });

  it('fills every page but the last with 22 lines and ends the last page with the end block', () => {
    const { html: out, pages } = layoutOfficialDocument(sampleMinutes());
    const rows = rowsOf(out);
    let onPage = 0;
    const perPage: number[] = [];
    for (const row of rows.filter((r) => r.at < out.indexOf('<div class="spacer'))) {
      if (row.classes.includes('pb')) {
        perPage.push(onPage);
        onPage = 0;
      }
      onPage += spanOf(row);
    }
    const spacer = /<div class="spacer( pb)?" style="height:([\d.]+)px">/.exec(out)!;
    const spacerRows = Math.round(Number(spacer[2]) / (2470 / 64));
    const endRows = rowsOf(elementHtml(out, '<footer class="end-block">', '</footer>')!).length;
    if (spacer[1]) {
      perPage.push(onPage);
      onPage = 0;
    }
    perPage.push(onPage + spacerRows + endRows);
    expect(perPage).toHaveLength(pages);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (const n of perPage.slice(0, -1)) expect(n).toBeLessThanOrEqual(22);
    expect(perPage.at(-1)).toBe(22);
    expect(perPage.slice(0, -1).filter((n) => n === 22).length).toBeGreaterThanOrEqual(2);
  });

  it('never leaves a heading as the last line of a page', () => {
    const rows = bodyRows(html);
    const headingRow = (r: HtmlRow) => {
      const before = html.lastIndexOf('<h', r.at);
      const closed = html.lastIndexOf('</h', r.at);
      return before > closed && /<h[234] /.test(html.slice(before, before + 4));
    };
    rows.forEach((row, i) => {
      const next = rows[i + 1];
      if (next?.classes.includes('pb')) expect(headingRow(row)).toBe(false);
    });
  });

  it('moves a heading, or a run of headings, that would end a page to the next page', () => {
    // Header: mark 2 + number + issuer + 2 blank + title + blank = 8 lines; a paragraph of n lines takes
    // 26 + 28(n - 1) characters.
    const lines = (n: number) => '农'.repeat(26 + 28 * (n - 1));
    const at22 = renderOfficialDocument(
      sampleMinutes({
        blocks: [
          { type: 'paragraph', text: lines(13) },
          { type: 'heading1', text: '二、标题' },
          { type: 'paragraph', text: lines(2) },
        ],
      }),
    );
    expect(at22).toMatch(/<h2 class="h1"><span class="r pb"[^>]*>二、标题/);
    const run = renderOfficialDocument(
      sampleMinutes({
        blocks: [
          { type: 'paragraph', text: lines(12) },
          { type: 'heading1', text: '二、标题' },
          { type: 'heading2', text: '（一）小标题' },
          { type: 'paragraph', text: lines(2) },
        ],
      }),
    );
    expect(run).toMatch(/<h2 class="h1"><span class="r pb"[^>]*>二、标题/);
    const fits = renderOfficialDocument(
      sampleMinutes({
        blocks: [
          { type: 'paragraph', text: lines(12) },
          { type: 'heading1', text: '二、标题' },
          { type: 'paragraph', text: lines(2) },
        ],
      }),
    );
    expect(fits).toMatch(/<h2 class="h1"><span class="r"[^>]*>二、标题/);
    expect(rowsOf(fits).find((r) => r.classes.includes('pb'))!.text).toBe('农'.repeat(28));
  });

  it('puts the end block on a page of its own only when the last page is too full', () => {
    const short = layoutOfficialDocument(
      sampleMinutes({ blocks: [{ type: 'paragraph', text: PURE_CJK_PARAGRAPH }], attendance: undefined }),
    );
    expect(short.pages).toBe(1);
    expect(short.html).not.toContain('class="r pb');
    expect(short.html).not.toContain('spacer pb');
  });

  it('escapes people’s text everywhere, including the margin-box string', () => {
    const evil = '<img src=x onerror=alert(1)>"\'&';
    const doc: OfficialDocument = sampleMinutes({
      mark: `${evil}纪要`,
      number: evil,
      issuer: evil,
      title: evil,
      blocks: [
        { type: 'heading1', text: evil },
        { type: 'paragraph', text: evil },
      ],
      attendance: { present: [evil], absent: [{ name: evil, reason: evil }], attending: [evil] },
      distribution: { label: '抄送', to: [evil] },
      issuingLine: { office: evil, date: '2025-03-20' },
      maskNotice: evil,
      printedBy: '"; } body { display: none } </style><script>alert(1)</script>',
    });
    const out = renderOfficialDocument(doc);
    expect(out).not.toMatch(/<img|<script|onerror=alert\(1\)>/);
    expect(out).toContain('&lt;img');
    expect(out).toContain('&quot;&#39;&amp;');
    expect(out.match(/<\/style>/g)).toHaveLength(1);
    expect(out).not.toContain('display: none }');
    // The CSS string holds the text as escapes only.
    expect(out).toMatch(/@top-center \{ content: "\\22 \\3b {2}\\7d {2}body/);
    expect(out).toContain('<title>&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;</title>');
  });

  it('adds the DEMO watermark, the printed-by line and the mask notice only when asked', () => {
    expect(html).not.toContain('class="watermark"');
    expect(html).not.toContain('@top-center');
    expect(html).not.toContain('class="notice"');
    const out = renderOfficialDocument(
      sampleMinutes({ demo: true, printedBy: '张三 2025年3月20日打印', maskNotice: '个人信息已遮蔽' }),
    );
    expect(out).toContain('<div class="watermark" aria-hidden="true"><span>演示数据 DEMO</span></div>');
    expect(out).toMatch(/@top-center \{ content: "张三 2025年3月20日打印"/);
    expect(out).toMatch(
      /<div class="notice"><span class="r">个人信息已遮蔽<\/span><\/div>\n<header class="mark">/,
    );
  });

  it('refuses a malformed document with field messages for people', () => {
    const fail = (doc: unknown) => {
      try {
        renderOfficialDocument(doc as OfficialDocument);
      } catch (err) {
        return err;
      }
      throw new Error('expected a validation error');
    };
    const noMark = fail(sampleMinutes({ mark: ' ' })) as AppError;
    expect(noMark).toBeInstanceOf(AppError);
    expect(noMark.code).toBe('VALIDATION');
    expect(noMark.fields).toEqual({ mark: '纪要和通报须填写版头（如“××会议纪要”）' });
    const badDate = fail(sampleMinutes({ date: '2025-02-30' })) as AppError;
    expect(badDate.fields).toEqual({ date: '编发日期应为“2025-03-20”形式的日期' });
    const badLabel = fail(
      sampleMinutes({ distribution: { label: '抄' as '抄送', to: ['市委'] } }),
    ) as AppError;
    expect(badLabel.fields?.['distribution.label']).toBe('抄送栏的名称应为“抄送”或“抄报”');
    const noOffice = fail(sampleMinutes({ issuingLine: { office: '', date: '2025-03-20' } })) as AppError;
    expect(noOffice.fields?.['issuingLine.office']).toBe('请填写印发机关');
    expect(noOffice.message).toBe('文档内容不完整或格式不正确，无法打印。');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Printed through Chromium's print path (the one Electron's printToPDF uses) and measured on the PDF.

jest.setTimeout(60_000);

interface Printed {
  text: PdfTextPage[];
  ink: PageRaster[];
  result: HtmlToPdfResult;
}

let browser: LaunchedChromium;
let workDir: string;

const canPrint = printToolsAvailable();
const printDescribe = canPrint ? describe : describe.skip;

beforeAll(async () => {
  if (!canPrint) return;
  browser = await launchChromium();
  workDir = await mkdtemp(path.join(tmpdir(), 'guanai-print-test-'));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function print(doc: OfficialDocument, name: string): Promise<Printed> {
  const file = path.join(workDir, `${name}.pdf`);
  const result = await htmlToPdf(renderOfficialDocument(doc), file, { browser });
  const [text, ink] = await Promise.all([readPdfText(file), rasterizePdf(file, { dpi: 100 })]);
  return { text, ink, result };
}

const isPageNumber = (line: PdfLine) => /^—\d+—$/.test(line.text);
const bodyLines = (page: PdfTextPage) => page.lines.filter((l) => !isPageNumber(l));
const centreY = (b: Box) => (b.top + b.bottom) / 2;
/** Ink bands above the page number: the printed lines and rules of the text area. */
const textBands = (page: PageRaster) => page.bands('dark', { left: 0, top: 0, right: 210, bottom: 264 });

printDescribe('a minutes document printed with Chromium', () => {
  let printed: Printed;

  beforeAll(async () => {
    printed = await print(sampleMinutes(), 'minutes');
  }, 60_000);

  it('prints A4 pages, more than two, loading nothing and breaking no CSP rule', () => {
    const { text, ink, result } = printed;
    expect(text.length).toBeGreaterThanOrEqual(3);
    expect(ink).toHaveLength(text.length);
    for (const page of text) expect(isA4(page, 0.5)).toBe(true);
    expect(result.requests).toEqual([]);
    expect(result.consoleMessages.filter((m) => /Content.Security.Policy|Refused/i.test(m))).toEqual([]);
  });

  it('prints Chinese text, not empty boxes', () => {
    const all = printed.text.flatMap((p) => p.words.map((w) => w.text)).join('');
    expect(all).toContain('会议强调，各成员单位要切实提高政治站位');
    expect(all).not.toMatch(/[\uFFFD\u25A1]/);
  });

  it('keeps every line inside the text area, the binding margin left on odd pages and right on even pages', () => {
    for (const page of printed.text) {
      const area = textArea(page.number);
      for (const line of bodyLines(page)) {
        expect(line.left).toBeGreaterThanOrEqual(area.left - 1);
        expect(line.right).toBeLessThanOrEqual(area.right + 1);
      }
      const raster = printed.ink[page.number - 1]!;
      for (const band of textBands(raster)) {
        expect(band.top).toBeGreaterThanOrEqual(area.top - 1);
        expect(band.bottom).toBeLessThanOrEqual(area.bottom + 1);
        expect(band.left).toBeGreaterThanOrEqual(area.left - 1);
        expect(band.right).toBeLessThanOrEqual(area.right + 1);
      }
    }
    // Lines that start at the margin show where it is: 28 mm from the left on odd pages, 26 mm on even ones,
    // so the 28 mm binding margin is on the right there.
    const leftEdge = (page: PdfTextPage) => Math.min(...bodyLines(page).map((l) => l.left));
    const rightEdge = (page: PdfTextPage) => Math.max(...bodyLines(page).map((l) => l.right));
    expect(leftEdge(printed.text[0]!)).toBeCloseTo(28, 0);
    expect(Math.abs(leftEdge(printed.text[2]!) - 28)).toBeLessThanOrEqual(1);
    expect(Math.abs(leftEdge(printed.text[1]!) - 26)).toBeLessThanOrEqual(1);
    expect(Math.abs(210 - rightEdge(printed.text[1]!) - 28)).toBeLessThanOrEqual(1);
    expect(Math.abs(210 - rightEdge(printed.text[0]!) - 26)).toBeLessThanOrEqual(1);
  });

  it('sets 22 lines on a full page, on a 225/22 mm pitch starting 37 mm from the top', () => {
    for (const index of [1, 2]) {
      const page = printed.text[index]!;
      const lines = bodyLines(page);
      expect(lines).toHaveLength(22);
      const bands = textBands(printed.ink[index]!);
      expect(bands).toHaveLength(22);
      const centres = bands.map(centreY);
      centres.slice(1).forEach((c, i) => expect(Math.abs(c - centres[i]! - LINE_PITCH_MM)).toBeLessThan(0.6));
      // Glyphs sit in the middle of their grid line, so the grid is found from the line centres.
      expect(Math.abs(centres[0]! - LINE_PITCH_MM / 2 - 37)).toBeLessThanOrEqual(1);
      expect(Math.abs(centres[21]! + LINE_PITCH_MM / 2 - 262)).toBeLessThanOrEqual(1);
      const tops = lines.map((l) => l.top);
      expect(Math.abs(tops[21]! - tops[0]! - 21 * LINE_PITCH_MM)).toBeLessThan(1);
    }
  });

  it('puts 28 characters in a full line, 156 mm wide', () => {
    // Page 1 is left out: its issuer line is deliberately set tighter to keep issuer and date on one line.
    const lines = printed.text.slice(1, -1).flatMap(bodyLines);
    const full = lines.filter(
      (l) => /^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’]+$/.test(l.text) && l.text.length === 28,
    );
    expect(full.length).toBeGreaterThanOrEqual(10);
    for (const line of full) expect(Math.abs(line.right - line.left - 156)).toBeLessThanOrEqual(1);
    for (const line of lines) expect(characterCells(line.text)).toBeLessThanOrEqual(28);
  });

  it('numbers pages — N — 7 mm below the text area, odd pages right, even pages left', () => {
    printed.text.forEach((page) => {
      const numbers = page.lines.filter(isPageNumber);
      expect(numbers.map((l) => l.text)).toEqual([`—${page.number}—`]);
      const line = numbers[0]!;
      const area = textArea(page.number);
      if (page.number % 2 === 1) {
        expect(line.right).toBeLessThanOrEqual(area.right);
        expect(line.right).toBeGreaterThanOrEqual(area.right - 8);
      } else {
        expect(line.left).toBeGreaterThanOrEqual(area.left);
        expect(line.left).toBeLessThanOrEqual(area.left + 8);
      }
      const dash = line.words.find((w) => w.text === '—')!;
      const ink = printed.ink[page.number - 1]!.inkBox('dark', {
        left: dash.left,
        right: dash.right,
        top: 264,
        bottom: 290,
      })!;
      expect(Math.abs(centreY(ink) - (262 + 7))).toBeLessThanOrEqual(1);
    });
  });

  it('prints the red mark centred at the top of page 1 with the red rule under the issuer line', () => {
    expect(printed.text[0]!.lines[0]!.text).toBe(MARK);
    const red = printed.ink[0]!.bands('red', undefined, 1);
    expect(red).toHaveLength(2);
    const [mark, rule] = red as [Box, Box];
    expect(mark.top).toBeGreaterThanOrEqual(37);
    expect(mark.bottom).toBeLessThanOrEqual(37 + 2 * LINE_PITCH_MM);
    expect(Math.abs((mark.left + mark.right) / 2 - (28 + 78))).toBeLessThanOrEqual(1.5);
    expect(mark.right - mark.left).toBeGreaterThan(140);
    expect(rule.bottom - rule.top).toBeLessThan(1);
    expect(Math.abs(rule.right - rule.left - 156)).toBeLessThanOrEqual(1);
    const issuer = printed.text[0]!.lines.find((l) =>
      l.text.startsWith('揭阳市农村留守儿童关爱保护工作联席会议办公室'),
    )!;
    expect(issuer.text).toBe('揭阳市农村留守儿童关爱保护工作联席会议办公室2025年3月20日');
    expect(rule.top).toBeGreaterThan(centreY(issuer));
    for (const page of printed.ink.slice(1)) expect(page.inkBox('red')).toBeNull();
  });

  it('ends the last page with the end block, its last rule on the foot of the text area', () => {
    const last = printed.text.at(-1)!;
    const texts = bodyLines(last).map((l) => l.text);
    expect(texts).toContain('出席：陈志明、林晓红、黄建国、吴丽华、郑文杰、');
    expect(texts.some((t) => t.startsWith('抄报：市人民政府，'))).toBe(true);
    expect(texts.at(-1)).toBe('揭阳市农村留守儿童关爱保护工作联席会议办公室2025年3月20日印发');
    const bands = textBands(printed.ink.at(-1)!);
    const bottomRule = bands.at(-1)!;
    expect(bottomRule.bottom - bottomRule.top).toBeLessThan(1);
    expect(Math.abs(bottomRule.bottom - 262)).toBeLessThanOrEqual(1);
    expect(Math.abs(bottomRule.right - bottomRule.left - 156)).toBeLessThanOrEqual(1);
    // Three rules in all: above 抄报, between 抄报 and 印发, under 印发.
    expect(bands.filter((b) => b.bottom - b.top < 1 && b.right - b.left > 150)).toHaveLength(3);
  });
});

printDescribe('a demo printout with a printed-by line', () => {
  it('marks every page and leaves the layout as it was', async () => {
    const demo = await print(
      sampleMinutes({ demo: true, printedBy: '市民政局 张三 2025年3月20日 10:32 打印' }),
      'demo',
    );
    const plain = await print(sampleMinutes(), 'plain-again');
    expect(demo.text).toHaveLength(plain.text.length);
    demo.text.forEach((page, i) => {
      const all = page.words.map((w) => w.text).join('');
      expect(all).toContain('演');
      expect(all).toContain('市民政局张三2025年3月20日10:32打印');
      const printedBy = page.lines.find((l) => l.text.includes('打印'))!;
      expect(printedBy.bottom).toBeLessThan(37);
      // Same lines in the same places: the watermark neither shifts nor shrinks the page.
      // Leave out the watermark's loose letters and the printed-by line in the top margin, then compare.
      const words = page.words.filter((w) => !/^[演示数据DEMO]{1,4}$/.test(w.text) && centreY(w) > 30);
      const ours = groupLines(words).filter((l) => !isPageNumber(l));
      const theirs = bodyLines(plain.text[i]!);
      expect(ours.map((l) => l.text)).toEqual(theirs.map((l) => l.text));
      ours.forEach((l, j) => expect(Math.abs(l.left - theirs[j]!.left)).toBeLessThan(0.1));
    });
  });
});
