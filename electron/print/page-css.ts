// The page shell every printed document shares: A4 with GB/T 9704 margins mirrored for double-sided printing,
// page numbers in the margin boxes, the font chains, and a CSP that lets the page load nothing and run nothing.
import { escapeHtml, cssString } from './escape';
import { FONT_FANGSONG, FONT_HEITI, FONT_SONGTI, XIAOBIAOSONG_FACE } from './fonts';
import {
  BODY_PT,
  CHAR_MM,
  MARGIN_BINDING_MM,
  MARGIN_BOTTOM_MM,
  MARGIN_OUTER_MM,
  MARGIN_TOP_MM,
  MM_PER_PT,
  PAGE_HEIGHT_MM,
  PAGE_NUMBER_GAP_MM,
  PAGE_WIDTH_MM,
  SMALL_PT,
  TEXT_HEIGHT_MM,
  TEXT_WIDTH_MM,
  mm,
} from './geometry';

export const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

export interface PageShellOptions {
  /** Shown in the window title and PDF metadata. */
  title: string;
  css: string;
  body: string;
  /** Small grey line in the top margin naming who printed the page, for the processing record. */
  printedBy?: string | undefined;
  /** Diagonal 演示数据 DEMO across every page. */
  demo?: boolean | undefined;
}

// The number is set in a line box exactly one 4号 em tall; its dash sits at the middle of that em.
const PAGE_NUMBER_PAD_MM = PAGE_NUMBER_GAP_MM - (SMALL_PT * MM_PER_PT) / 2;

function pageRules(printedBy: string | undefined): string {
  const number = `content: "— " counter(page) " —";
    font-family: ${FONT_SONGTI}; font-size: ${SMALL_PT}pt; line-height: 1; letter-spacing: 0; color: #000;
    vertical-align: top; padding-top: ${mm(PAGE_NUMBER_PAD_MM)};`;
  const oneChar = `${SMALL_PT}pt`;
  const top = printedBy
    ? `@top-center { content: ${cssString(printedBy)}; font-family: ${FONT_SONGTI}; font-size: 9pt; color: #666;
    letter-spacing: 0; vertical-align: top; padding-top: 12mm; }`
    : '';
  const size = `size: ${PAGE_WIDTH_MM}mm ${PAGE_HEIGHT_MM}mm;`;
  return `@page { ${size} margin: ${mm(MARGIN_TOP_MM)} ${mm(MARGIN_OUTER_MM)} ${mm(MARGIN_BOTTOM_MM)} ${mm(MARGIN_BINDING_MM)}; }
@page :right {
  margin-left: ${mm(MARGIN_BINDING_MM)}; margin-right: ${mm(MARGIN_OUTER_MM)};
  @bottom-right { ${number} text-align: right; padding-right: ${oneChar}; }
  ${top}
}
@page :left {
  margin-left: ${mm(MARGIN_OUTER_MM)}; margin-right: ${mm(MARGIN_BINDING_MM)};
  @bottom-left { ${number} text-align: left; padding-left: ${oneChar}; }
  ${top}
}`;
}

const BASE_CSS = `${XIAOBIAOSONG_FACE}
html, body { margin: 0; padding: 0; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  font-family: ${FONT_FANGSONG}; font-size: ${BODY_PT}pt; color: #000; background: #fff;
  font-kerning: none; font-variant-ligatures: none; text-spacing-trim: space-all; text-autospace: no-autospace;
  line-break: strict; orphans: 1; widows: 1;
}
.watermark {
  position: fixed; left: 0; top: 0; width: ${mm(TEXT_WIDTH_MM)}; height: ${mm(TEXT_HEIGHT_MM)}; overflow: hidden;
  display: flex; align-items: center; justify-content: center; pointer-events: none; z-index: 10;
}
.watermark span {
  transform: rotate(-30deg); font-family: ${FONT_HEITI}; font-size: 48pt; letter-spacing: 0.1em;
  color: rgba(0, 0, 0, 0.09); white-space: nowrap;
}
@media screen {
  html { background: #e6e6e6; }
  body {
    width: ${mm(TEXT_WIDTH_MM)}; min-height: ${mm(TEXT_HEIGHT_MM)}; margin: 8mm auto;
    padding: ${mm(MARGIN_TOP_MM)} ${mm(MARGIN_OUTER_MM)} ${mm(MARGIN_BOTTOM_MM)} ${mm(MARGIN_BINDING_MM)};
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25);
  }
}`;

/** One body character cell, for indents in CSS. */
export const CHAR = mm(CHAR_MM);

export function pageShell(options: PageShellOptions): string {
  const watermark = options.demo
    ? '<div class="watermark" aria-hidden="true"><span>演示数据 DEMO</span></div>'
    : '';
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PRINT_CSP}">
<meta name="viewport" content="width=device-width">
<title>${escapeHtml(options.title)}</title>
<style>
${pageRules(options.printedBy)}
${BASE_CSS}
${options.css}
</style>
</head>
<body>
${watermark}${options.body}
</body>
</html>
`;
}
