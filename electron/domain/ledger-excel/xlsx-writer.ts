// The export's workbook written as XML text straight into the zip: one worksheet, inline strings, a fixed set of
// styles (date and text columns, header, title). exceljs's streaming writer needed ~10 s of CPU for 50,000 rows
// of the national form's 62 columns; this needs a fraction of that (see `npm run bench`). Rows are produced lazily
// by the caller and deflated batch by batch, so the sheet's XML never sits whole in memory.
import { ZipWriter } from './zip-writer';

export type OutCell = string | number | Date | null;
export type ColumnFormat = 'date' | 'text' | 'general';

export interface OutRow {
  cells: readonly OutCell[];
  /** Header and title rows have their own look; body cells take their column's format. */
  style?: 'header' | 'title';
  height?: number;
}

export interface SheetSpec {
  name: string;
  creator: string;
  columns: ReadonlyArray<{ width: number; format: ColumnFormat }>;
  /** Rows and columns kept in view when scrolling. */
  freeze?: { rows: number; columns: number };
  /** 1-based, inclusive. */
  merges: ReadonlyArray<{ top: number; left: number; bottom: number; right: number }>;
}

// cellXfs: 0 default, 1 date body, 2 text body, 3 header, 4 title. 164 is the first custom number format id.
const XF = { general: 0, date: 1, text: 2, header: 3, title: 4 } as const;
const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>' +
  '<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="16"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFEFEFEF"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">' +
  '<alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center"/></xf>' +
  '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '</Types>';

const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '</Relationships>';

const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
  '</Relationships>';

/** XML text, with what XML cannot hold written as Excel's _xHHHH_ (and a literal _xHHHH_ kept literal). */
export function xmlText(s: string): string {
  let t = s;
  if (t.includes('_x')) t = t.replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_');
  if (/[&<>]/.test(t)) t = t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x08\x0b\x0c\x0e-\x1f]/.test(t)) t = t.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`);
  return t;
}
const attr = (s: string) => xmlText(s).replace(/"/g, '&quot;');

export function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Days since 1899-12-30, the 1900 date system (dates after 1900-03-01). */
const serial = (d: Date) => d.getTime() / 86_400_000 + 25569;

function* sheetXml(spec: SheetSpec, rows: Iterable<OutRow>): Generator<string> {
  const letters = spec.columns.map((_, i) => columnName(i));
  const f = spec.freeze;
  const pane =
    f && (f.rows > 0 || f.columns > 0)
      ? `<pane${f.columns ? ` xSplit="${f.columns}"` : ''}${f.rows ? ` ySplit="${f.rows}"` : ''} topLeftCell="${columnName(f.columns)}${f.rows + 1}" activePane="${f.rows && f.columns ? 'bottomRight' : f.rows ? 'bottomLeft' : 'topRight'}" state="frozen"/>`
      : '';
  yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>` +
    spec.columns
      .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${c.format === 'general' ? '' : ` style="${XF[c.format]}"`}/>`)
      .join('') +
    '</cols><sheetData>';
  const bodyXf = spec.columns.map((c) => XF[c.format]);
  let r = 0;
  let batch: string[] = [];
  for (const row of rows) {
    r += 1;
    const rowXf = row.style ? XF[row.style] : -1;
    let xml = `<row r="${r}"${row.height ? ` ht="${row.height}" customHeight="1"` : ''}>`;
    for (let c = 0; c < row.cells.length; c += 1) {
      const v = row.cells[c];
      const s = rowXf >= 0 ? rowXf : (bodyXf[c] ?? 0);
      const sAttr = s ? ` s="${s}"` : '';
      const ref = `${letters[c] ?? columnName(c)}${r}`;
      if (v === null || v === undefined || v === '') {
        if (rowXf >= 0) xml += `<c r="${ref}"${sAttr}/>`; // header cells keep their fill and border
      } else if (typeof v === 'string') xml += `<c r="${ref}"${sAttr} t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`;
      else if (v instanceof Date) xml += `<c r="${ref}"${sAttr}><v>${serial(v)}</v></c>`;
      else xml += `<c r="${ref}"${sAttr}><v>${v}</v></c>`;
    }
    batch.push(`${xml}</row>`);
    if (batch.length >= 500) {
      yield batch.join('');
      batch = [];
    }
  }
  if (batch.length) yield batch.join('');
  const merges = spec.merges.map((m) => `<mergeCell ref="${columnName(m.left - 1)}${m.top}:${columnName(m.right - 1)}${m.bottom}"/>`);
  yield `</sheetData>${merges.length ? `<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>` : ''}` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
}

export async function writeSheetXlsx(spec: SheetSpec, rows: Iterable<OutRow>): Promise<Buffer> {
  const zip = new ZipWriter();
  await zip.add('[Content_Types].xml', [CONTENT_TYPES]);
  await zip.add('_rels/.rels', [ROOT_RELS]);
  await zip.add(
    'docProps/core.xml',
    [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
        `xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${xmlText(spec.creator)}</dc:creator></cp:coreProperties>`,
    ],
  );
  await zip.add(
    'xl/workbook.xml',
    [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><bookViews><workbookView/></bookViews>' +
        `<sheets><sheet name="${attr(spec.name)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
  );
  await zip.add('xl/_rels/workbook.xml.rels', [WORKBOOK_RELS]);
  await zip.add('xl/styles.xml', [STYLES]);
  await zip.add('xl/worksheets/sheet1.xml', sheetXml(spec, rows));
  return zip.finish();
}
