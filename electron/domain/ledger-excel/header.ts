// Finding the header in a township ledger: it sits below one or more title rows, and often has two levels where a
// merged cell (父亲) spans the cells below it (姓名 / 务工地点 / 联系电话). exceljs's streaming reader gives a merged
// cell's value only in its top-left cell, so a group label is carried right over the empty cells next to it.
import { isBlankCell, type Cell, type SheetRow } from './read-sheet';
import { columnLetter, normaliseHeader, targetForHeader } from './targets';

/** How far down a header may sit. */
export const HEADER_SEARCH_ROWS = 30;
const MIN_RECOGNISED = 3;

export interface HeaderColumn {
  index: number;
  letter: string;
  /** As written, two levels joined with ' · '. */
  header: string;
  /** The key under which an office's confirmed choice for this header is remembered. */
  memoryKey: string;
  /** The target recognised from the header text, '' when none. */
  recognised: string;
}

export interface DetectedHeader {
  /** Indexes into the rows given, and their Excel numbers. */
  headerRowIndexes: number[];
  headerRows: number[];
  dataStartIndex: number;
  columns: HeaderColumn[];
}

const text = (c: Cell | undefined): string => {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return '';
  return String(c).replace(/\s+/g, ' ').trim();
};

function singleLevel(row: SheetRow): HeaderColumn[] {
  return row.cells.map((c, index) => {
    const header = text(c);
    return { index, letter: columnLetter(index), header, memoryKey: normaliseHeader(header), recognised: targetForHeader(header) ?? '' };
  });
}

function twoLevel(top: SheetRow, bottom: SheetRow): HeaderColumn[] {
  const width = Math.max(top.cells.length, bottom.cells.length);
  const columns: HeaderColumn[] = [];
  let group = '';
  for (let index = 0; index < width; index += 1) {
    const t = text(top.cells[index]);
    const b = text(bottom.cells[index]);
    if (t !== '') group = t;
    const upper = t !== '' ? t : b !== '' ? group : '';
    let header = upper;
    let recognised = targetForHeader(upper) ?? '';
    let memoryKey = normaliseHeader(upper);
    if (b !== '' && upper !== '' && b !== upper) {
      header = `${upper} · ${b}`;
      memoryKey = `${normaliseHeader(upper)}|${normaliseHeader(b)}`;
      recognised = targetForHeader(upper + b) ?? targetForHeader(b) ?? targetForHeader(upper) ?? '';
    } else if (b !== '' && upper === '') {
      header = b;
      memoryKey = normaliseHeader(b);
      recognised = targetForHeader(b) ?? '';
    }
    columns.push({ index, letter: columnLetter(index), header, memoryKey, recognised });
  }
  return columns;
}

/** A column's target is kept only in the first column that claims it. */
function dedupe(columns: HeaderColumn[]): HeaderColumn[] {
  const seen = new Set<string>();
  return columns.map((c) => {
    if (!c.recognised) return c;
    if (seen.has(c.recognised)) return { ...c, recognised: '' };
    seen.add(c.recognised);
    return c;
  });
}

/**
 * A title (仙桥街道农村留守儿童信息台账, 填报单位：…) is one cell merged across the sheet: the reader gives its text in
 * the first cell only. The upper level of a two-level header names several columns (序号, 姓名 … 父亲, 母亲), so a row
 * with a single filled cell is never taken for one, or its text would be carried over every column as a group.
 */
function isTitleRow(row: SheetRow): boolean {
  let filled = 0;
  for (const c of row.cells) if (text(c) !== '' && ++filled > 1) return false;
  return true;
}

const score = (columns: HeaderColumn[]) => columns.filter((c) => c.recognised).length;
const hasKey = (columns: HeaderColumn[]) =>
  columns.some((c) => c.recognised === 'child.name' || c.recognised === 'child.idNumber');

/**
 * The header among the first rows: the row (or pair of rows) whose cells name the most known columns. Null when no
 * row names at least three, among them the child's name or ID number.
 */
export function detectHeader(rows: readonly SheetRow[]): DetectedHeader | null {
  let best: DetectedHeader | null = null;
  let bestScore = 0;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i += 1) {
    const row = rows[i]!;
    if (row.cells.every(isBlankCell)) continue;
    const single = dedupe(singleLevel(row));
    const candidates: Array<{ columns: HeaderColumn[]; indexes: number[] }> = [{ columns: single, indexes: [i] }];
    const next = rows[i + 1];
    if (next && next.number === row.number + 1 && !isTitleRow(row)) {
      candidates.push({ columns: dedupe(twoLevel(row, next)), indexes: [i, i + 1] });
    }
    for (const c of candidates) {
      const s = score(c.columns);
      // Strictly better only: a single-level header wins a tie, so its first data row is not taken for a header.
      if (s >= MIN_RECOGNISED && s > bestScore && hasKey(c.columns)) {
        bestScore = s;
        const last = c.indexes[c.indexes.length - 1]!;
        best = {
          headerRowIndexes: c.indexes,
          headerRows: c.indexes.map((x) => rows[x]!.number),
          dataStartIndex: last + 1,
          columns: c.columns,
        };
      }
    }
  }
  return best;
}
