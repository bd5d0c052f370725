// The 纪要标志 (the red 「×××纪要」) per GB/T 9704-2012 §10.3 — centred, its upper edge 35 mm below the top of the text
// area — or, where the office chose its local format, at the top of the text area. Laid out on the 22-line grid and
// measured on the PDF Chromium prints.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OfficialDocument } from '../../../electron/print/document-model';
import { layoutOfficialDocument, renderOfficialDocument } from '../../../electron/print/official-document';
import { htmlToPdf, launchChromium, type LaunchedChromium } from '../../helpers/chromium';
import { rasterizePdf, readPdfText, type Box } from '../../helpers/pdf-measure';
import { printToolsAvailable } from '../../helpers/print-tools';
import { rowsOf } from './html-rows';
import { sampleMinutes } from './sample-documents';

const MARK = '揭阳市农村留守儿童关爱保护工作联席会议纪要';
const TOP_OF_TEXT_AREA_MM = 37;

describe('the 纪要标志 on the grid', () => {
  it('takes five grid lines when set as the standard has it, two at the top of the text area', () => {
    const gb = rowsOf(renderOfficialDocument(sampleMinutes({ markPlacement: 'gb' })));
    const top = rowsOf(renderOfficialDocument(sampleMinutes({ markPlacement: 'top' })));
    const plain = rowsOf(renderOfficialDocument(sampleMinutes()));
    expect(gb[0]!.classes).toEqual(['r', 'mark-row', 'gb']);
    expect(top[0]!.classes).toEqual(['r', 'mark-row']);
    expect(plain[0]!.classes).toEqual(top[0]!.classes);
    // Three lines more above the body: the pages hold what they held, three lines down.
    const pages = (doc: OfficialDocument) => layoutOfficialDocument(doc).pages;
    expect(pages(sampleMinutes({ markPlacement: 'gb' }))).toBeGreaterThanOrEqual(
      pages(sampleMinutes({ markPlacement: 'top' })),
    );
    const html = renderOfficialDocument(sampleMinutes({ markPlacement: 'gb' }));
    expect(html).toMatch(/\.mark-row\.gb span \{ margin-top: 35mm;/);
  });
});

jest.setTimeout(60_000);
const canPrint = printToolsAvailable();
const printDescribe = canPrint ? describe : describe.skip;
let browser: LaunchedChromium;
let workDir: string;

beforeAll(async () => {
  if (!canPrint) return;
  browser = await launchChromium();
  workDir = await mkdtemp(path.join(tmpdir(), 'guanai-mark-test-'));
}, 60_000);
afterAll(async () => {
  await browser?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function redOnPage1(
  doc: OfficialDocument,
  name: string,
): Promise<{ mark: Box; rule: Box; firstLine: string }> {
  const file = path.join(workDir, `${name}.pdf`);
  await htmlToPdf(renderOfficialDocument(doc), file, { browser });
  const [text, ink] = await Promise.all([readPdfText(file), rasterizePdf(file, { dpi: 150 })]);
  const [mark, rule] = ink[0]!.bands('red', undefined, 1) as [Box, Box];
  return { mark, rule, firstLine: text[0]!.lines[0]!.text };
}

printDescribe('the 纪要标志 printed with Chromium', () => {
  it('GB/T 9704-2012 §10.3: centred, its upper edge 35 mm below the top of the text area', async () => {
    const { mark, rule, firstLine } = await redOnPage1(sampleMinutes({ markPlacement: 'gb' }), 'gb');
    expect(firstLine).toBe(MARK);
    expect(Math.abs(mark.top - (TOP_OF_TEXT_AREA_MM + 35))).toBeLessThanOrEqual(1);
    expect(Math.abs((mark.left + mark.right) / 2 - (28 + 78))).toBeLessThanOrEqual(1.5);
    expect(rule.top).toBeGreaterThan(mark.bottom);
  });

  it('the local format: at the top of the text area', async () => {
    const { mark } = await redOnPage1(sampleMinutes({ markPlacement: 'top' }), 'top');
    expect(mark.top).toBeGreaterThanOrEqual(TOP_OF_TEXT_AREA_MM);
    expect(mark.top).toBeLessThan(TOP_OF_TEXT_AREA_MM + 10);
  });
});
