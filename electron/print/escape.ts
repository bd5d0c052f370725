// Every string that reaches a printed page comes from people (minutes, names, unit names): it is escaped here and
// nowhere else, so markup in a name prints as text instead of becoming part of the page.

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

/**
 * A CSS string literal (with its quotes) for `content:` in margin boxes. Anything that is not a letter, digit or
 * CJK character becomes a hex escape, so quotes, backslashes, newlines and `</style>` cannot end the string or the
 * style sheet.
 */
export function cssString(text: string): string {
  let out = '"';
  for (const ch of text) {
    if (/[\p{L}\p{N} ]/u.test(ch)) out += ch;
    else out += `\\${ch.codePointAt(0)!.toString(16)} `;
  }
  return `${out}"`;
}
