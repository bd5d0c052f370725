// Reads the first worksheet of an xlsx with exceljs's STREAMING reader: a city ledger of 50,000 rows would need
// gigabytes with the in-memory API. Cells come out as plain values (string, number, boolean, Date or null).
import fs from 'node:fs';
import { Readable, Transform } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../contract/errors';

export type Cell = string | number | boolean | Date | null;

export interface SheetRow {
  /** The row number Excel shows. */
  number: number;
  cells: Cell[];
}

export type SheetSource = { path: string } | { buffer: Buffer };

/** One exceljs cell value as a plain value: rich text joined, formulas by their cached result, errors as empty. */
export function plainCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as Array<{ text?: string }>).map((r) => r.text ?? '').join('');
    if ('result' in v) return plainCell(v.result);
    if ('formula' in v || 'sharedFormula' in v) return null;
    if (typeof v.text === 'string') return v.text;
    if ('error' in v) return null;
  }
  return null;
}

export function isBlankCell(c: Cell): boolean {
  return c === null || (typeof c === 'string' && c.replace(/[\s\u3000\u200b]/g, '') === '');
}

export function isBlankRow(cells: readonly Cell[]): boolean {
  return cells.every(isBlankCell);
}

const NOT_XLSX =
  '无法读取该文件：不是有效的 Excel 工作簿（.xlsx）。如果是旧版 .xls 或 WPS 格式，请在 Excel 或 WPS 中“另存为” .xlsx 后再导入。';

function sourceStream(source: SheetSource, onBytes: (n: number) => void): { stream: Readable; total: number } {
  let stream: Readable;
  let total: number;
  if ('path' in source) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(source.path);
    } catch {
      throw new AppError('NOT_FOUND', '找不到要导入的文件，请确认文件位置后重试。');
    }
    if (!stat.isFile()) throw new AppError('INVALID_ARGS', '所选的不是文件，请选择一个 Excel 文件（.xlsx）。');
    total = stat.size;
    stream = fs.createReadStream(source.path);
  } else {
    total = source.buffer.length;
    stream = Readable.from([source.buffer]);
  }
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      onBytes(chunk.length);
      done(null, chunk);
    },
  });
  stream.on('error', (err) => counter.destroy(err));
  return { stream: stream.pipe(counter), total };
}

/** The xlsx signature (a zip file): refuse anything else before exceljs sees it. */
export function looksLikeXlsx(head: Buffer): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

function readHead(source: SheetSource): Buffer {
  if ('buffer' in source) return source.buffer.subarray(0, 4);
  const fd = fs.openSync(source.path, 'r');
  try {
    const head = Buffer.alloc(4);
    fs.readSync(fd, head, 0, 4, 0);
    return head;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Every row of the first worksheet, in order, blank rows included (their numbers still count). `progress` receives
 * the share of the file read so far.
 */
export async function* readFirstSheet(
  source: SheetSource,
  progress?: (fraction: number) => void,
): AsyncGenerator<SheetRow & { sheetName: string }> {
  let read = 0;
  const { stream, total } = sourceStream(source, (n) => {
    read += n;
    progress?.(total > 0 ? Math.min(1, read / total) : 0);
  });
  if (!looksLikeXlsx(readHead(source))) {
    stream.destroy();
    throw new AppError('INVALID_ARGS', NOT_XLSX);
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // dates are numbers with a date format: without the styles they would read as serials
    hyperlinks: 'ignore',
  });
  try {
    for await (const worksheet of reader) {
      const sheetName = (worksheet as unknown as { name?: string }).name ?? '';
      for await (const row of worksheet) {
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i += 1) cells.push(plainCell(values[i]));
        yield { number: row.number, cells, sheetName };
      }
      // Only the first worksheet is the ledger; later ones are notes, code lists or pivot tables.
      break;
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('INVALID_ARGS', NOT_XLSX);
  } finally {
    stream.destroy();
  }
}
