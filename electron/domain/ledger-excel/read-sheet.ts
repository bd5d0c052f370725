// The first worksheet of a spreadsheet, row by row, whatever program saved it: .xlsx (and .et with xlsx inside) on
// our streaming reader, .xls/.et/.ods through SheetJS, .csv in UTF-8, UTF-16 or GB 18030. The format is judged
// from the content, never from the file name. Cells come out as plain values (string, number, boolean, Date or
// null); every reader decodes on whole characters, so no character is ever altered on the way.
import fs from 'node:fs';
import { AppError } from '../../contract/errors';
import { parseCsv, decodeCsv } from './csv-reader';
import { readLegacySheet } from './legacy-reader';
import { sniffFormat, SNIFF_BYTES } from './sheet-format';
import { openXlsxSheet } from './xlsx-reader';
import { zipParts, type ZipParts } from './zip-entries';

export type Cell = string | number | boolean | Date | null;

export interface SheetRow {
  /** The row number Excel shows. */
  number: number;
  cells: Cell[];
}

export type SheetSource = { path: string } | { buffer: Buffer };

export function isBlankCell(c: Cell): boolean {
  return c === null || (typeof c === 'string' && c.replace(/[\s\u3000\u200b]/g, '') === '');
}

export function isBlankRow(cells: readonly Cell[]): boolean {
  return cells.every(isBlankCell);
}

/** The file types the importer takes, for file pickers and messages. */
export const SHEET_FILE_TYPES = ['.xlsx', '.xls', '.et', '.ods', '.csv'] as const;

const NOT_A_SHEET =
  '无法读取该文件：不是可以识别的表格文件。请选择 Excel 工作簿（.xlsx、.xls）、WPS 表格（.et）、OpenDocument 表格（.ods）或 CSV 文件。';
const DAMAGED = '无法读取该文件：文件已损坏或内容不完整。请在 Excel 或 WPS 中打开确认，另存一份后再导入。';
const PASSWORD = '该文件设置了打开密码，无法读取。请在 Excel 或 WPS 中取消密码后另存，再导入。';

function failure(err: unknown, fallback: string): AppError {
  if (err instanceof AppError) return err;
  const text = err instanceof Error ? err.message : String(err);
  if (/password|encrypt/i.test(text)) return new AppError('INVALID_ARGS', PASSWORD);
  // SheetJS on a compound file that holds no workbook (a .doc, a .msg): not a spreadsheet, rather than damaged.
  if (/cannot find workbook|not a spreadsheet|unsupported/i.test(text)) return new AppError('INVALID_ARGS', NOT_A_SHEET);
  return new AppError('INVALID_ARGS', fallback);
}

function checkPath(file: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new AppError('NOT_FOUND', '找不到要导入的文件，请确认文件位置后重试。');
  }
  if (!stat.isFile()) throw new AppError('INVALID_ARGS', '所选的不是文件，请选择一个表格文件（.xlsx、.xls、.et、.ods 或 .csv）。');
  return stat.size;
}

function readHead(source: SheetSource): Buffer {
  if ('buffer' in source) return source.buffer.subarray(0, SNIFF_BYTES);
  const fd = fs.openSync(source.path, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    return head.subarray(0, fs.readSync(fd, head, 0, SNIFF_BYTES, 0));
  } finally {
    fs.closeSync(fd);
  }
}

const wholeFile = (source: SheetSource) => ('buffer' in source ? source.buffer : fs.readFileSync(source.path));

/** An OpenDocument package names its type in its first part, `mimetype`. */
async function isOds(zip: ZipParts): Promise<boolean> {
  if (!zip.has('mimetype')) return zip.has('content.xml') && !zip.has('[Content_Types].xml');
  const type = (await zip.read('mimetype'))?.toString('latin1').trim() ?? '';
  return type.startsWith('application/vnd.oasis.opendocument.spreadsheet');
}

type Row = SheetRow & { sheetName: string };

async function* fromZip(source: SheetSource, progress: (fraction: number) => void): AsyncGenerator<Row> {
  let zip: ZipParts;
  try {
    zip = await zipParts(source);
  } catch (err) {
    throw failure(err, DAMAGED);
  }
  try {
    if (await isOds(zip)) {
      yield* fromRows(() => readLegacySheet(wholeFile(source)), progress);
      return;
    }
    let sheet: Awaited<ReturnType<typeof openXlsxSheet>>;
    try {
      sheet = await openXlsxSheet(zip, progress);
    } catch (err) {
      throw failure(err, DAMAGED);
    }
    // A zip that is no workbook (a .docx, a folder of photos) is not a spreadsheet at all.
    if (!sheet) throw new AppError('INVALID_ARGS', NOT_A_SHEET);
    const rows = sheet.rows;
    for (;;) {
      let next: IteratorResult<SheetRow>;
      try {
        next = await rows.next();
      } catch (err) {
        throw failure(err, DAMAGED);
      }
      if (next.done) break;
      yield { ...next.value, sheetName: sheet.sheetName };
    }
  } finally {
    zip.close();
  }
}

function* fromRows(read: () => { sheetName: string; rows: SheetRow[] }, progress: (fraction: number) => void): Generator<Row> {
  let sheet: { sheetName: string; rows: SheetRow[] };
  try {
    sheet = read();
  } catch (err) {
    throw failure(err, DAMAGED);
  }
  progress(1);
  for (const row of sheet.rows) yield { ...row, sheetName: sheet.sheetName };
}

/**
 * Every row of the first worksheet, in order, blank rows included (their numbers still count). `progress` receives
 * the share of the file read so far.
 */
export async function* readSheet(source: SheetSource, progress?: (fraction: number) => void): AsyncGenerator<Row> {
  const report = progress ?? (() => undefined);
  if ('path' in source) checkPath(source.path);
  const format = sniffFormat(readHead(source));
  switch (format) {
    case 'zip':
      yield* fromZip(source, report);
      return;
    case 'cfb':
      yield* fromRows(() => readLegacySheet(wholeFile(source)), report);
      return;
    case 'text':
      // A CSV has no sheet name; the file's own name is shown instead by the caller.
      yield* fromRows(() => ({ sheetName: '', rows: parseCsv(decodeCsv(wholeFile(source)).text) }), report);
      return;
    default:
      throw new AppError('INVALID_ARGS', NOT_A_SHEET);
  }
}

/** The name the importer has always used. */
export const readFirstSheet = readSheet;
