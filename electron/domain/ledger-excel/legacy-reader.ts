// Excel 97–2003 (.xls, BIFF8 in a compound file), WPS's .et (the same container) and OpenDocument (.ods), read with
// @e965/xlsx, pinned to exactly 0.20.3: the SheetJS 0.20.3 code republished unchanged from SheetJS's own
// repository, because SheetJS left npm at 0.18.5, which has known CVEs (prototype pollution CVE-2023-30533, ReDoS
// CVE-2024-22363) fixed in 0.19.3/0.20.2. It is the one maintained JavaScript reader of BIFF8 and ODS. It reads
// the whole file into memory, which these formats allow (an .xls holds at most 65,536 rows; the import takes
// ≤ 50 MB); xlsx stays on the streaming reader. Dates are made here from the serial and the cell's number format,
// the same way as for xlsx, so no time zone can move a birth date.
import type * as XLSXTypes from '@e965/xlsx';

/** Loaded when an old-format file is first read, not when the app starts. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sheetjs = (): typeof XLSXTypes => require('@e965/xlsx') as typeof XLSXTypes;
import { excelSerialToDate } from './excel-dates';
import type { Cell, SheetRow } from './read-sheet';

export interface LegacySheet {
  sheetName: string;
  rows: SheetRow[];
}

function plain(cell: XLSXTypes.CellObject | undefined, date1904: boolean): Cell {
  if (!cell) return null;
  switch (cell.t) {
    case 's':
      return typeof cell.v === 'string' ? cell.v : cell.v === undefined ? null : String(cell.v);
    case 'n': {
      const n = Number(cell.v);
      if (!Number.isFinite(n)) return null;
      return typeof cell.z === 'string' && sheetjs().SSF.is_date(cell.z) ? excelSerialToDate(n, date1904) : n;
    }
    case 'b':
      return Boolean(cell.v);
    case 'd':
      return cell.v instanceof Date ? cell.v : null;
    default:
      // 'e' (an error such as #N/A) and 'z' (a styled empty cell) read as empty, as in xlsx.
      return null;
  }
}

function parse(buffer: Buffer, sheet: number): XLSXTypes.WorkBook {
  // SheetJS prints a console warning for every ODS conditional number format it simplifies; the CLI's output is
  // no place for it. The read is synchronous, so nothing else can log meanwhile.
  const warn = console.error;
  console.error = () => undefined;
  try {
    return sheetjs().read(buffer, { type: 'buffer', dense: true, cellDates: false, cellNF: true, cellText: false, cellHTML: false, sheets: sheet });
  } finally {
    console.error = warn;
  }
}

/** The first visible worksheet, every row from 1 to the last. Throws SheetJS's own errors (mapped by the caller). */
export function readLegacySheet(buffer: Buffer): LegacySheet {
  let wb = parse(buffer, 0);
  // Only one sheet is parsed; a hidden code-list sheet in front of the ledger means parsing the first visible one.
  const visible = wb.Workbook?.Sheets?.findIndex((s) => !s.Hidden) ?? 0;
  if (visible > 0) wb = parse(buffer, visible);
  const sheetName = wb.SheetNames[Math.max(0, visible)] ?? '';
  const ws = wb.Sheets[sheetName];
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const rows: SheetRow[] = [];
  if (!ws || !ws['!ref']) return { sheetName, rows };
  const range = sheetjs().utils.decode_range(ws['!ref']);
  const data = (ws['!data'] ?? []) as Array<Array<XLSXTypes.CellObject | undefined> | undefined>;
  for (let r = 0; r <= range.e.r; r += 1) {
    const src = data[r] ?? [];
    const cells: Cell[] = [];
    for (let c = 0; c < src.length; c += 1) cells.push(plain(src[c], date1904));
    while (cells.length && cells[cells.length - 1] === null) cells.pop();
    rows.push({ number: r + 1, cells });
  }
  return { sheetName, rows };
}
