// Minutes (会议纪要, GB/T 9704-2012 clause 10.3), progress bulletins and plain documents as one printable HTML page.
// Everything sits on the 22-line grid: each printed line is a box one grid line tall whose text was broken here
// (line-breaking.ts), and the layout is paginated here too. That is what lets the end block (版记) land on the last
// line of the last page and headings avoid the foot of a page, with no script in the page.
import { escapeHtml } from './escape';
import { formatChineseDate } from './chinese-date';
import {
  parseOfficialDocument,
  type Attendance,
  type Delivery,
  type Distribution,
  type OfficialDocument,
} from './document-model';
import { FONT_FANGSONG, FONT_HEITI, FONT_KAITI, FONT_XIAOBIAOSONG } from './fonts';
import {
  BODY_LETTER_SPACING_MM,
  BODY_PT,
  CHAR_MM,
  LINES_PER_PAGE,
  MM_PER_PT,
  OFFICIAL_RED,
  RED_RULE_MM,
  ROW_MM,
  ROW_PX,
  RULE_THICK_MM,
  RULE_THIN_MM,
  SMALL_PT,
  TEXT_WIDTH_MM,
  TITLE_PT,
  mm,
  px,
} from './geometry';
import {
  TITLE_KEEP,
  balanceLines,
  breakLines,
  breakList,
  graphemes,
  normalizeText,
  textMetrics,
  widthMm,
} from './line-breaking';
import { pageShell } from './page-css';

const BODY = textMetrics(BODY_PT, BODY_LETTER_SPACING_MM);
const TITLE = textMetrics(TITLE_PT, 0);
const SMALL = textMetrics(SMALL_PT, 0);
const SMALL_CHAR_MM = SMALL_PT * MM_PER_PT;

/** The red mark is set in one line: as large as 36pt, never under 26pt high; a long mark is narrowed instead. */
const MARK_MAX_PT = 36;
const MARK_MIN_PT = 26;
const MARK_WIDTH_MM = TEXT_WIDTH_MM - 4;
/** GB/T 9704-2012 §10.3: the 纪要标志's upper edge 35 mm below the top of the text area. */
const MARK_GB_TOP_MM = 35;
/** Grid lines the mark takes when set so: 35 mm plus a 36pt mark, rounded up to whole lines (five). */
const MARK_GB_ROWS = Math.ceil((MARK_GB_TOP_MM + MARK_MAX_PT * MM_PER_PT) / ROW_MM);

interface Row {
  /** Inner HTML, already escaped. */
  html: string;
  classes: string[];
  style?: string;
  /** Grid lines the row occupies (the red mark takes two). */
  span?: number;
}

interface Block {
  tag: string;
  classes: string[];
  rows: Row[];
  /** A heading: never the last thing on a page. */
  keepWithNext?: boolean;
  /** Blank separator: dropped where it would open a page. */
  collapsible?: boolean;
  /** A short block printed whole on one page (an attendance list). */
  keepTogether?: boolean;
  attrs?: string;
}

export interface OfficialDocumentLayout {
  html: string;
  pages: number;
}

/** Text with ASCII runs marked so they print half-width in fonts whose Latin is proportional (Noto CJK). */
function inline(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(/[!-~]+(?: +[!-~]+)*/g)) {
    out += escapeHtml(text.slice(last, m.index)) + `<span class="hw">${escapeHtml(m[0])}</span>`;
    last = m.index + m[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

/**
 * A rule as a vector rectangle: Chromium snaps CSS borders and backgrounds to whole pixels when printing, which
 * would print 0.35 mm and 0.25 mm rules alike at 0.26 mm.
 */
function rule(kind: 'thick' | 'thin' | 'red', edge: 'top' | 'bottom'): string {
  return `<svg class="rule ${kind} ${edge}" viewBox="0 0 10 1" preserveAspectRatio="none" aria-hidden="true"><rect width="10" height="1"/></svg>`;
}

function padLeft(widthMm_: number): string | undefined {
  return widthMm_ > 0 ? `padding-left:${mm(widthMm_)}` : undefined;
}

/** Justified lines, the last one ragged; `firstIndent`/`restIndent` in mm from the left of the text area. */
function justifiedRows(lines: string[], firstIndent: number, restIndent: number, firstPrefix = ''): Row[] {
  return lines.map((line, i) => {
    const classes = ['r'];
    if (i < lines.length - 1) classes.push('j');
    const row: Row = { html: (i === 0 ? firstPrefix : '') + inline(line), classes };
    const style = padLeft(i === 0 ? firstIndent : restIndent);
    if (style) row.style = style;
    return row;
  });
}

function blank(collapsible: boolean, count = 1): Block[] {
  return Array.from({ length: count }, () => ({
    tag: 'div',
    classes: ['blank'],
    rows: [{ html: '', classes: ['r'] }],
    collapsible,
  }));
}

function markBlock(mark: string, placement: 'gb' | 'top'): Block {
  const perPt = widthMm(mark, textMetrics(1, 0));
  let size = Math.min(MARK_MAX_PT, MARK_WIDTH_MM / perPt);
  let scale = 1;
  if (size < MARK_MIN_PT) {
    size = MARK_MIN_PT;
    scale = MARK_WIDTH_MM / (perPt * size);
  }
  const style = `font-size:${Math.round(size * 100) / 100}pt${scale < 1 ? `;transform:scaleX(${Math.round(scale * 1000) / 1000})` : ''}`;
  return {
    tag: 'header',
    classes: ['mark'],
    rows: [
      placement === 'gb'
        ? {
            html: `<span style="${style}">${inline(mark)}</span>`,
            classes: ['r', 'mark-row', 'gb'],
            span: MARK_GB_ROWS,
          }
        : { html: `<span style="${style}">${inline(mark)}</span>`, classes: ['r', 'mark-row'], span: 2 },
    ],
  };
}

/**
 * A line with text flush left and flush right (issuer and date; office and 印发 date). When the two do not fit
 * with a character's gap between them, the characters are drawn closer (紧缩), by at most a tenth of an em;
 * beyond that the caller sets them another way.
 */
function splitRow(
  left: string,
  right: string,
  sizePt: number,
  baseSpacingMm: number,
  availableMm: number,
  classes: string[],
): Row | undefined {
  const metrics = textMetrics(sizePt, baseSpacingMm);
  const gapMm = metrics.fullMm;
  const natural = widthMm(left, metrics) + widthMm(right, metrics);
  const count = graphemes(left).length + graphemes(right).length;
  const excess = natural + gapMm - availableMm;
  const html = `<span>${inline(left)}</span><span>${inline(right)}</span>`;
  if (excess <= 0) return { html, classes: ['r', 'split', ...classes] };
  const squeeze = excess / count;
  if (squeeze > (sizePt * MM_PER_PT) / 10) return undefined;
  return {
    html,
    classes: ['r', 'split', ...classes],
    style: `letter-spacing:${mm(baseSpacingMm - squeeze)}`,
  };
}

function issueRows(issuer: string, date: string): Row[] {
  const row =
    splitRow(issuer, date, BODY_PT, BODY_LETTER_SPACING_MM, TEXT_WIDTH_MM, []) ??
    splitRow(issuer, date, SMALL_PT, 0, TEXT_WIDTH_MM, ['small']);
  if (row) return [row];
  const rows = breakLines(issuer, BODY, TEXT_WIDTH_MM).map((line) => ({
    html: inline(line),
    classes: ['r'],
  }));
  return [...rows, { html: inline(date), classes: ['r', 'right'] }];
}

function headerBlocks(doc: OfficialDocument): Block[] {
  const blocks: Block[] = [];
  const notice = normalizeText(doc.maskNotice ?? '');
  if (notice) {
    const rows = breakLines(notice, BODY, TEXT_WIDTH_MM).map((line) => ({
      html: inline(line),
      classes: ['r'],
    }));
    blocks.push({ tag: 'div', classes: ['notice'], rows });
  }
  const mark = normalizeText(doc.mark ?? '');
  if (doc.kind === 'plain' || !mark) return blocks;
  blocks.push(markBlock(mark, doc.markPlacement ?? 'top'));
  const meta: Row[] = [];
  const number = normalizeText(doc.number ?? '');
  if (number) meta.push({ html: inline(number), classes: ['r', 'c'] });
  const issuer = normalizeText(doc.issuer ?? '');
  const date = doc.date ? formatChineseDate(doc.date) : '';
  if (issuer || date) meta.push(...issueRows(issuer, date));
  if (meta.length === 0) meta.push({ html: '', classes: ['r'] });
  const last = meta[meta.length - 1]!;
  last.classes.push('red-rule');
  last.html += rule('red', 'bottom');
  blocks.push({ tag: 'div', classes: ['issue'], rows: meta });
  return blocks;
}

function titleBlock(title: string): Block {
  // A title never breaks inside a date: 「关于2025年1月1日至3月31日……」 breaks before or after 2025年1月1日, not in it.
  const rows = balanceLines(title, TITLE, TEXT_WIDTH_MM, TITLE_KEEP).map((line) => ({
    html: inline(line),
    classes: ['r', 'c'],
  }));
  return { tag: 'h1', classes: ['title'], rows };
}

const HEADING_TAGS = { heading1: ['h2', 'h1'], heading2: ['h3', 'h2'], heading3: ['h4', 'h3'] } as const;

function bodyBlocks(doc: OfficialDocument): Block[] {
  const blocks: Block[] = [];
  for (const block of doc.blocks) {
    const text = normalizeText(block.text);
    if (!text) continue;
    if (block.type === 'addressee') {
      // 主送机关: flush left, wrapped lines too, ragged right.
      const rows = justifiedRows(breakLines(text, BODY, TEXT_WIDTH_MM, TEXT_WIDTH_MM), 0, 0);
      for (const row of rows) row.classes = row.classes.filter((c) => c !== 'j');
      blocks.push({ tag: 'p', classes: ['para', 'addressee'], rows });
      continue;
    }
    const lines = breakLines(text, BODY, TEXT_WIDTH_MM - 2 * CHAR_MM, TEXT_WIDTH_MM);
    const rows = justifiedRows(lines, 2 * CHAR_MM, 0);
    if (block.type === 'paragraph') blocks.push({ tag: 'p', classes: ['para'], rows });
    else {
      const [tag, cls] = HEADING_TAGS[block.type];
      blocks.push({ tag, classes: [cls], rows, keepWithNext: true });
    }
  }
  return blocks;
}

/** 发文机关署名 over 成文日期 (GB/T 9704-2012 §7.3.5.1): two lines of room for the seal, which presses on both; the
 *  date four characters in from the right, the office centred on the date (flush right when it is the wider). */
function signatureBlock(office: string, date: string): Block {
  const dateWidth = widthMm(date, BODY);
  const dateLeft = TEXT_WIDTH_MM - 4 * CHAR_MM - dateWidth;
  const officeWidth = widthMm(office, BODY);
  const officeLeft = Math.max(
    0,
    Math.min(TEXT_WIDTH_MM - officeWidth, dateLeft + dateWidth / 2 - officeWidth / 2),
  );
  const row = (html: string, left: number, cls: string): Row => {
    const r: Row = { html, classes: ['r', cls] };
    const style = padLeft(left);
    if (style) r.style = style;
    return r;
  };
  return {
    tag: 'div',
    classes: ['signature'],
    rows: [
      { html: '', classes: ['r'] },
      { html: '', classes: ['r'] },
      row(inline(office), officeLeft, 'sig-office'),
      row(inline(date), dateLeft, 'sig-date'),
    ],
    keepTogether: true,
  };
}

/** 出席：/请假：/列席： — label in 黑体 two characters in, names in 仿宋, wrapped lines aligned after the colon. */
function attendanceBlocks(attendance: Attendance): Block[] {
  const lists: [string, string, string[]][] = [
    ['present', '出席：', attendance.present.map(normalizeText)],
    [
      'absent',
      '请假：',
      attendance.absent.map((a) => {
        const reason = normalizeText(a.reason ?? '');
        return normalizeText(a.name) + (reason ? `（${reason}）` : '');
      }),
    ],
    ['attending', '列席：', attendance.attending.map(normalizeText)],
  ];
  const blocks: Block[] = [];
  for (const [role, label, names] of lists) {
    const items = names.filter((n) => n.length > 0);
    if (items.length === 0) continue;
    const indent = 2 * CHAR_MM;
    const hang = indent + widthMm(label, BODY);
    const lines = breakList(items, '、', BODY, TEXT_WIDTH_MM - hang);
    // Ragged right: names are kept whole, and spreading the gaps they leave would look like missing names.
    const rows = justifiedRows(lines, indent, hang, `<span class="att-label">${escapeHtml(label)}</span>`);
    for (const row of rows) row.classes = row.classes.filter((c) => c !== 'j');
    for (const row of rows.slice(1)) row.classes.push('att-cont');
    blocks.push({
      tag: 'p',
      classes: ['att'],
      rows,
      attrs: ` data-role="${role}"`,
      keepTogether: rows.length <= 4,
    });
  }
  if (blocks.length > 0) blocks.unshift(...blank(true));
  return blocks;
}

/** One 版记 list (分送 or 抄送): the label, then the names wrapped to align after the colon, ending in a full stop. */
function listRows(labelText: string, names: string[], inner: number): Row[] {
  const label = `${labelText}：`;
  const labelWidth = widthMm(label, SMALL);
  const to = names.map(normalizeText).filter((t) => t.length > 0);
  const lines = breakLines(`${to.join('，')}。`, SMALL, inner - labelWidth);
  const rows = justifiedRows(
    lines,
    SMALL_CHAR_MM,
    SMALL_CHAR_MM + labelWidth,
    `<span class="cc-label">${escapeHtml(label)}</span>`,
  );
  rows[0]!.classes.push('cc');
  return rows;
}

/**
 * 版记: 分送 then 抄送 (4号仿宋, one character in from each side; GB/T 9704 puts a list moved into the 版记 directly
 * above 抄送 with no rule between) and the 印发 line, between rules.
 */
function endBlockRows(
  delivery: Delivery | undefined,
  distribution: Distribution | undefined,
  office: string,
  date: string,
): Row[] {
  const rows: Row[] = [];
  const inner = TEXT_WIDTH_MM - 2 * SMALL_CHAR_MM;
  if (delivery) rows.push(...listRows(delivery.label, delivery.to, inner));
  if (distribution) rows.push(...listRows(distribution.label, distribution.to, inner));
  const printed = `${date}印发`;
  const imprint = splitRow(office, printed, SMALL_PT, 0, inner, ['imprint']);
  if (imprint) rows.push(imprint);
  else {
    for (const line of breakLines(office, SMALL, inner))
      rows.push({ html: inline(line), classes: ['r', 'imprint'] });
    rows.push({ html: inline(printed), classes: ['r', 'right', 'imprint'] });
  }
  rows[0]!.html += rule('thick', 'top');
  const firstImprint = rows.findIndex((r) => r.classes.includes('imprint'));
  if (firstImprint > 0) rows[firstImprint]!.html += rule('thin', 'top');
  rows[rows.length - 1]!.html += rule('thick', 'bottom');
  return rows;
}

function renderRow(row: Row, pageBreak: boolean): string {
  const classes = pageBreak ? [...row.classes, 'pb'] : row.classes;
  const style = row.style ? ` style="${row.style}"` : '';
  return `<span class="${classes.join(' ')}"${style}>${row.html}</span>`;
}

function heightOf(block: Block): number {
  return block.rows.reduce((n, r) => n + (r.span ?? 1), 0);
}

/** Places blocks on 22-line pages; returns the HTML and how many lines the last page has used. */
function paginate(blocks: Block[]): { html: string; pages: number; used: number } {
  let used = 0;
  let pages = 1;
  let html = '';
  blocks.forEach((block, index) => {
    if (block.collapsible && used >= LINES_PER_PAGE) return;
    let breakFirst = false;
    if (used > 0) {
      // A heading, or a run of headings, needs the first line of what follows on the same page.
      let need = 0;
      let i = index;
      while (i < blocks.length && blocks[i]!.keepWithNext) need += heightOf(blocks[i++]!);
      if (need > 0 && i < blocks.length) need += 1;
      if (block.keepTogether) need = heightOf(block);
      if (need > 0 && need <= LINES_PER_PAGE && used + need > LINES_PER_PAGE) breakFirst = true;
    }
    html += `<${block.tag} class="${block.classes.join(' ')}"${block.attrs ?? ''}>`;
    block.rows.forEach((row, i) => {
      const span = row.span ?? 1;
      const pageBreak = (i === 0 && breakFirst) || used + span > LINES_PER_PAGE;
      if (pageBreak) {
        pages += 1;
        used = 0;
      }
      used += span;
      html += renderRow(row, pageBreak);
    });
    html += `</${block.tag}>\n`;
  });
  return { html, pages, used };
}

const DOCUMENT_CSS = `
body { letter-spacing: ${mm(BODY_LETTER_SPACING_MM)}; }
h1, h2, h3, h4, p, header { margin: 0; padding: 0; font-size: inherit; font-weight: normal; }
.r { display: block; height: ${px(ROW_PX)}; line-height: ${px(ROW_PX)}; white-space: nowrap; overflow: hidden; }
.j { text-align: justify; text-align-last: justify; }
.c { text-align: center; }
.right { text-align: right; }
.split { display: flex; justify-content: space-between; }
.small { font-size: ${SMALL_PT}pt; letter-spacing: 0; }
.pb { break-before: page; }
.hw { font-feature-settings: "hwid" 1; }
.notice { font-family: ${FONT_HEITI}; }
.mark .mark-row {
  height: ${px(2 * ROW_PX)}; line-height: ${px(2 * ROW_PX)}; display: flex; justify-content: center; align-items: center;
  color: ${OFFICIAL_RED}; font-family: ${FONT_XIAOBIAOSONG}; letter-spacing: 0;
}
.mark-row span { display: inline-block; white-space: nowrap; transform-origin: center; }
.mark .mark-row.gb { height: ${px(MARK_GB_ROWS * ROW_PX)}; line-height: 1; align-items: flex-start; }
.mark-row.gb span { margin-top: ${mm(MARK_GB_TOP_MM)}; line-height: 1; }
.red-rule { position: relative; overflow: visible; }
.rule { position: absolute; left: 0; width: 100%; display: block; fill: #000; }
.rule.top { top: 0; }
.rule.bottom { bottom: 0; }
.rule.thick { height: ${mm(RULE_THICK_MM)}; }
.rule.thin { height: ${mm(RULE_THIN_MM)}; }
.rule.red { height: ${mm(RED_RULE_MM)}; fill: ${OFFICIAL_RED}; bottom: ${mm(-(4 - (ROW_MM - BODY_PT * MM_PER_PT) / 2) - RED_RULE_MM)}; }
.title { font-family: ${FONT_XIAOBIAOSONG}; font-size: ${TITLE_PT}pt; letter-spacing: 0; }
.h1 { font-family: ${FONT_HEITI}; }
.h2 { font-family: ${FONT_KAITI}; }
.h3, .para { font-family: ${FONT_FANGSONG}; }
.att-label { font-family: ${FONT_HEITI}; }
.end-block .r {
  font-size: ${SMALL_PT}pt; letter-spacing: 0; position: relative;
  padding-left: ${SMALL_PT}pt; padding-right: ${SMALL_PT}pt;
}
.spacer { display: block; }
`;

/** Lays the document out and reports its page count. Throws AppError('VALIDATION') on a malformed document. */
export function layoutOfficialDocument(input: OfficialDocument): OfficialDocumentLayout {
  const doc = parseOfficialDocument(input);
  const blocks: Block[] = [...headerBlocks(doc)];
  const title = normalizeText(doc.title);
  if (title) {
    const hasHeader = blocks.some((b) => b.classes.includes('issue'));
    if (hasHeader) blocks.push(...blank(false, 2));
    blocks.push(titleBlock(title), ...blank(false));
  } else if (blocks.some((b) => b.classes.includes('issue'))) {
    blocks.push(...blank(false));
  }
  blocks.push(...bodyBlocks(doc));
  if (doc.signature)
    blocks.push(signatureBlock(normalizeText(doc.signature.office), formatChineseDate(doc.signature.date)));
  if (doc.attendance) blocks.push(...attendanceBlocks(doc.attendance));

  const laid = paginate(blocks);
  let html = `<main class="document document-${doc.kind}">\n${laid.html}`;
  let pages = laid.pages;

  const endRows = endBlockRows(
    doc.delivery,
    doc.distribution,
    normalizeText(doc.issuingLine.office),
    formatChineseDate(doc.issuingLine.date),
  );
  const remaining = LINES_PER_PAGE - laid.used;
  const newPage = remaining < endRows.length;
  const spacer = newPage ? LINES_PER_PAGE - endRows.length : remaining - endRows.length;
  if (newPage) pages += 1;
  if (spacer > 0) {
    html += `<div class="spacer${newPage ? ' pb' : ''}" style="height:${px(spacer * ROW_PX)}"></div>\n`;
  }
  html += `<footer class="end-block">${endRows.map((row, i) => renderRow(row, newPage && spacer === 0 && i === 0)).join('')}</footer>\n`;
  html += '</main>';

  return {
    html: pageShell({
      title: title || normalizeText(doc.mark ?? '') || '公文',
      css: DOCUMENT_CSS,
      body: html,
      printedBy: doc.printedBy ? normalizeText(doc.printedBy) : undefined,
      demo: doc.demo,
    }),
    pages,
  };
}

/** One self-contained HTML page (inline CSS, no scripts, no external resources) laid out to GB/T 9704-2012. */
export function renderOfficialDocument(doc: OfficialDocument): string {
  return layoutOfficialDocument(doc).html;
}

export type { OfficialDocument } from './document-model';
