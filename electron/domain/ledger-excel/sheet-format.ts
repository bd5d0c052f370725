// Which reader a file needs, judged by its first bytes and never by its name: a township's "台账.xls" is often an
// xlsx renamed, and WPS saves .et files that are either Excel 97–2003 (BIFF8 in a compound file) or xlsx inside.

export type SheetFormat = 'zip' | 'cfb' | 'text' | 'unknown';

/** How many bytes of the head `sniffFormat` wants. */
export const SNIFF_BYTES = 8192;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
// OLE2 compound file: .xls, .et, and also an xlsx with an opening password (EncryptedPackage inside).
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (head: Uint8Array, magic: readonly number[]) => head.length >= magic.length && magic.every((b, i) => head[i] === b);

export function sniffFormat(head: Uint8Array): SheetFormat {
  if (startsWith(head, ZIP)) return 'zip';
  if (startsWith(head, CFB)) return 'cfb';
  if (head.length === 0) return 'unknown';
  // UTF-16 text (Excel's "Unicode 文本") carries a BOM and is full of NUL bytes; other text has none.
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return 'text';
  for (const b of head) if (b === 0) return 'unknown';
  return 'text';
}
