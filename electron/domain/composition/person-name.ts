// Official lists pad two-character names to the width of three-character ones (「林 华」, in print with an ideographic
// space U+3000, in text copied from a PDF often an ASCII one). The padded form is kept for display, exactly as printed;
// the normalised form is what searching and matching compare, so 「林华」 and both padded forms are one person.

/** The name without any whitespace (ASCII, ideographic U+3000, no-break, …). */
export function normalisePersonName(name: string): string {
  return name.replace(/[\s\u3000\u00a0]+/gu, '');
}
