// Workbooks written with exceljs's STREAMING writer (rows are committed as they go), collected into one Buffer for
// the caller to save or send: the rejected-rows workbook. The ledger export has its own faster writer
// (xlsx-writer.ts).
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';

/** exceljs is loaded when a workbook is first written, not when the app starts (it costs a start ~80 ms). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const excel = (): typeof ExcelJS => require('exceljs') as typeof ExcelJS;

export type StreamWorkbook = ExcelJS.stream.xlsx.WorkbookWriter;

export async function writeXlsx(build: (wb: StreamWorkbook) => Promise<void>): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const wb = new (excel().stream.xlsx.WorkbookWriter)({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = '关爱';
  await build(wb);
  await wb.commit();
  await ended;
  return Buffer.concat(chunks);
}

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
