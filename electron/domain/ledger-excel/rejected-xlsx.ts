// The rows an import refused, as a workbook the clerk corrects and imports again: the original header and cells,
// the Excel row number they came from, and a 错误原因 column.
import { errorText, type PlannedRow } from './plan';
import { cellText } from './values';
import { HEADER_FILL, writeXlsx } from './write-xlsx';

export const REASON_HEADER = '错误原因';
export const SOURCE_ROW_HEADER = '原表行号';

export async function rejectedRowsXlsx(headers: readonly string[], rows: readonly PlannedRow[]): Promise<Buffer> {
  return writeXlsx(async (wb) => {
    const ws = wb.addWorksheet('未导入的行');
    ws.columns = [
      ...headers.map((h) => ({ width: Math.min(30, Math.max(10, h.length * 2 + 2)) })),
      { width: 10 },
      { width: 60 },
    ];
    const head = ws.addRow([...headers, SOURCE_ROW_HEADER, REASON_HEADER]);
    head.font = { bold: true };
    head.eachCell((c) => (c.fill = HEADER_FILL));
    head.commit();
    for (const r of rows) {
      if (r.outcome !== 'rejected') continue;
      // Cells go back as they were read (dates as text), so the clerk corrects what they typed.
      const cells = headers.map((_, i) => {
        const c = r.cells?.[i] ?? null;
        return c instanceof Date ? cellText(c) : c;
      });
      const row = ws.addRow([...cells, r.row, errorText(r.errors)]);
      row.getCell(headers.length + 2).font = { color: { argb: 'FFC00000' } };
      row.commit();
    }
    ws.commit();
  });
}
