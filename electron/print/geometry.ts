// GB/T 9704-2012 page geometry, shared by every printed document. Lengths are millimetres unless the name says
// otherwise; the CSS is generated from these numbers so the layout model and the printed page cannot drift apart.

export const MM_PER_PT = 25.4 / 72;
export const PX_PER_MM = 96 / 25.4;

export const PAGE_WIDTH_MM = 210;
export const PAGE_HEIGHT_MM = 297;
/** 天头. */
export const MARGIN_TOP_MM = 37;
/** 订口: left on odd (right-hand) pages, right on even pages. */
export const MARGIN_BINDING_MM = 28;
/** 版心. */
export const TEXT_WIDTH_MM = 156;
export const TEXT_HEIGHT_MM = 225;
export const MARGIN_OUTER_MM = PAGE_WIDTH_MM - MARGIN_BINDING_MM - TEXT_WIDTH_MM;
export const MARGIN_BOTTOM_MM = PAGE_HEIGHT_MM - MARGIN_TOP_MM - TEXT_HEIGHT_MM;

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
/** One body character cell: 28 of them fill the line exactly. */
export const CHAR_MM = TEXT_WIDTH_MM / CHARS_PER_LINE;

/**
 * Height of one grid line. The ideal 225/22 mm is 38.6537 px; Chromium rounds layout to 1/64 px, and 22 rounded-up
 * lines would no longer fit the page area, leaving 21 lines a page. 2470/64 px keeps 22 lines inside the page with
 * a drift of at most 0.35 mm at the foot.
 */
export const ROW_PX = 2470 / 64;
export const ROW_MM = ROW_PX / PX_PER_MM;

/** The dash of the page number sits this far below the text area (一字线上距版心下边缘7mm). */
export const PAGE_NUMBER_GAP_MM = 7;

export const BODY_PT = 16; // 3号
export const TITLE_PT = 22; // 2号
export const SMALL_PT = 14; // 4号: 版记, page numbers
export const BODY_LETTER_SPACING_MM = CHAR_MM - BODY_PT * MM_PER_PT;

/** Rule thicknesses of the end block (版记): outer rules thick, inner rules thin. */
export const RULE_THICK_MM = 0.35;
export const RULE_THIN_MM = 0.25;
export const RED_RULE_MM = 0.5;
export const OFFICIAL_RED = '#e60012';

/** Millimetres as a CSS length, rounded to a thousandth (well below a printer dot). */
export function mm(value: number): string {
  return `${Math.round(value * 1000) / 1000}mm`;
}

export function px(value: number): string {
  return `${Math.round(value * 10000) / 10000}px`;
}
