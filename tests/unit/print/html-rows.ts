// Reads the printed lines back out of the HTML the renderers produce, without a DOM: every printed line is a
// `<span class="r …">` box, possibly holding nested spans (half-width runs, labels) and rule graphics.

export interface HtmlRow {
  classes: string[];
  style: string;
  /** Inner HTML. */
  html: string;
  /** Text as printed, entities decoded. */
  text: string;
  /** Offset of the row in the HTML. */
  at: number;
}

export function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

export function textOf(html: string): string {
  return decodeEntities(html.replace(/<svg[\s\S]*?<\/svg>/g, '').replace(/<[^>]+>/g, ''));
}

/** All rows in `html`, in order. */
export function rowsOf(html: string): HtmlRow[] {
  const rows: HtmlRow[] = [];
  const start = /<span class="(r(?: [^"]*)?)"(?: style="([^"]*)")?>/g;
  for (let m = start.exec(html); m; m = start.exec(html)) {
    let depth = 1;
    const tag = /<span\b[^>]*>|<\/span>/g;
    tag.lastIndex = start.lastIndex;
    let end = -1;
    for (let t = tag.exec(html); t; t = tag.exec(html)) {
      depth += t[0] === '</span>' ? -1 : 1;
      if (depth === 0) {
        end = t.index;
        break;
      }
    }
    if (end < 0) throw new Error('unterminated row');
    const inner = html.slice(start.lastIndex, end);
    rows.push({
      classes: m[1]!.split(' '),
      style: m[2] ?? '',
      html: inner,
      text: textOf(inner),
      at: m.index,
    });
    start.lastIndex = end;
  }
  return rows;
}

/** The HTML of the first element opened by `openTag` (e.g. '<p class="att" data-role="present">'). */
export function elementHtml(html: string, openTag: string, closeTag: string): string | undefined {
  const i = html.indexOf(openTag);
  if (i < 0) return undefined;
  const j = html.indexOf(closeTag, i);
  return html.slice(i, j + closeTag.length);
}

/** Length of a CSS padding-left in mm, from a row's style attribute. */
export function paddingLeftMm(row: HtmlRow): number {
  const m = /padding-left:([\d.]+)mm/.exec(row.style);
  return m ? Number(m[1]) : 0;
}
