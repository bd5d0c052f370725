// Text typed on Chinese input methods often arrives in full-width form (１２３, ＡＢＣ, the wide space); every parser here
// folds it to ASCII first so that "４４５２０２…" and "445202…" are the same number.

/** Full-width ASCII variants (U+FF01–U+FF5E) and the ideographic space (U+3000) → their ASCII forms. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** Every kind of space (ASCII, no-break, ideographic, zero-width) removed. */
export function removeSpaces(text: string): string {
  // \s covers the no-break, ideographic and BOM spaces; zero-width ones are listed apart (ZWJ cannot sit in a class).
  return text.replace(/(?:\s|[\u200b\u200c]|\u200d)+/g, '');
}

/** Dash look-alikes people type or paste (‐ ‑ ‒ – — ― −) folded to '-'. Not for fields where '—' means "deceased". */
export function foldDashes(text: string): string {
  return text.replace(/[\u2010-\u2015\u2212\ufe58\ufe63]/g, '-');
}
