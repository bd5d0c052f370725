// CSV (and Excel's tab-separated "Unicode 文本") as rows. The encoding is judged from the bytes: a byte order mark
// says UTF-8 or UTF-16; bytes that are valid UTF-8 are UTF-8 (Chinese text in GBK is almost never valid UTF-8);
// anything else is GB 18030, the superset of GBK and GB 2312 that Excel and WPS on Chinese Windows save. A byte
// that fits no encoding becomes U+FFFD, and the importer refuses that row by name (see unreadable-text.ts).
import type { Cell, SheetRow } from './read-sheet';

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export function detectEncoding(bytes: Uint8Array): { encoding: CsvEncoding; bom: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', bom: 0 };
  } catch {
    return { encoding: 'gb18030', bom: 0 };
  }
}

export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const { encoding, bom } = detectEncoding(bytes);
  // ignoreBOM: the mark is already cut off above, and a second one would be content.
  return { text: new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(bom)), encoding };
}

/** The separator most used in the first line outside quotes: comma, tab or semicolon (comma on a tie). */
function separatorOf(text: string): string {
  const counts = new Map<string, number>([[',', 0], ['\t', 0], [';', 0]]);
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [sep, n] of counts) if (n > counts.get(best)!) best = sep;
  return best;
}

/** ="0123": what systems write so that Excel keeps leading zeros and long numbers as text. */
const FORMULA_TEXT = /^="(.*)"$/s;

function field(raw: string): Cell {
  if (raw === '') return null;
  const m = FORMULA_TEXT.exec(raw);
  return m ? m[1]! : raw;
}

/**
 * RFC 4180 records: quoted fields may hold separators, doubled quotes and line breaks; CRLF, LF or CR end a
 * record. A record is one row, numbered as Excel numbers it when it opens the file.
 */
export function parseCsv(text: string): SheetRow[] {
  const sep = separatorOf(text);
  const rows: SheetRow[] = [];
  let cells: Cell[] = [];
  let i = 0;
  const n = text.length;
  const endRow = () => {
    while (cells.length && cells[cells.length - 1] === null) cells.pop();
    rows.push({ number: rows.length + 1, cells });
    cells = [];
  };
  while (i < n) {
    let value: string;
    if (text[i] === '"') {
      const parts: string[] = [];
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          // An unclosed quote runs to the end, as Excel reads it.
          parts.push(text.slice(j));
          j = n;
          break;
        }
        parts.push(text.slice(j, q));
        if (text[q + 1] === '"') {
          parts.push('"');
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      value = parts.join('');
      // Text after the closing quote (a"b"c) belongs to the field.
      let k = j;
      while (k < n && text[k] !== sep && text[k] !== '\n' && text[k] !== '\r') k += 1;
      value += text.slice(j, k);
      i = k;
    } else {
      let k = i;
      while (k < n && text[k] !== sep && text[k] !== '\n' && text[k] !== '\r') k += 1;
      value = text.slice(i, k);
      i = k;
    }
    cells.push(field(value));
    if (i >= n) break;
    const ch = text[i];
    if (ch === sep) {
      i += 1;
      // A separator at the very end still opens an (empty) last field.
      if (i >= n) cells.push(null);
      continue;
    }
    // A line break: CRLF counts once.
    i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    endRow();
  }
  if (cells.length) endRow();
  return rows;
}
