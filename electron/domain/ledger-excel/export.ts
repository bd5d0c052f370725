// The ledger as a workbook in the national registration form's column order (《农村留守儿童基本情况登记表》, 2016),
// the office's own columns after it, with the form's two-level header. ID numbers and phones are masked unless the
// person asked for, and confirmed, a full export. The importer reads this layout back.
import {
  DECEASED_MARK,
  ledgerExtraColumns,
  nationalFormColumns,
  type ChildFieldPath,
  type FormColumn,
} from '../../contract/schemas/child';
import type { JsonValue } from '../../store/operation';
import type { CodeLists } from '../ledger/codelists';
import { maskIdNumber, maskPhone } from '../ledger/mask';
import { fieldKind, formatCode, formatCodes, formatWorkPlace } from './values';
import { HEADER_FILL, THIN_BORDER, writeXlsx } from './write-xlsx';

export const EXPORT_TITLE = '农村留守儿童基本情况登记表';
export const exportColumns: readonly FormColumn[] = [...nationalFormColumns, ...ledgerExtraColumns];

type Values = Readonly<Record<string, JsonValue>>;

const str = (v: JsonValue | undefined) => (v === undefined || v === null ? '' : String(v));

function formatField(lists: CodeLists, path: ChildFieldPath, v: Values, masked: boolean): string {
  const value = v[path];
  const kind = fieldKind(path);
  if (value === DECEASED_MARK) return DECEASED_MARK;
  switch (kind.kind) {
    case 'bool':
      return value === true ? '是' : value === false ? '否' : '';
    case 'code':
      return formatCode(lists, kind.list, str(value));
    case 'codes':
      return formatCodes(lists, kind.list, Array.isArray(value) ? value.map(String) : [], '');
    case 'id':
      return masked && str(value) ? maskIdNumber(str(value)) : str(value);
    case 'phone':
      return masked && str(value) ? maskPhone(str(value)) : str(value);
    default:
      return str(value);
  }
}

/** One cell of the form for one record. */
export function formatColumn(lists: CodeLists, column: FormColumn, v: Values, masked: boolean): string {
  const [a, b] = column.fields;
  if (column.fields.length === 1) return formatField(lists, a!, v, masked);
  const key = column.fields.join('+');
  switch (key) {
    case 'child.disabilityCategory+child.disabilityGrade':
      return formatField(lists, a!, v, masked) + formatField(lists, b!, v, masked);
    case 'father.workProvince+father.workCity':
    case 'mother.workProvince+mother.workCity':
      return formatWorkPlace(lists, str(v[a!]), str(v[b!]));
    case 'income.sources+income.sourcesOther':
    case 'income.assistance+income.assistanceOther': {
      const kind = fieldKind(a!);
      const codes = Array.isArray(v[a!]) ? (v[a!] as JsonValue[]).map(String) : [];
      return formatCodes(lists, kind.kind === 'codes' ? kind.list : 'incomeSource', codes, str(v[b!]));
    }
    case 'guardianship.entrustmentSigned+guardianship.entrustmentDate': {
      if (v[a!] !== true) return v[a!] === false ? '否' : '';
      return str(v[b!]) ? `是（${str(v[b!])}）` : '是';
    }
    default:
      return [formatField(lists, a!, v, masked), formatField(lists, b!, v, masked)].filter(Boolean).join(' ');
  }
}

/** How a column's cells are written so that Excel reads them right and a clerk's later edit cannot spoil them. */
type ColumnKind = 'date' | 'text' | 'general';

export function columnKind(column: FormColumn): ColumnKind {
  // ID numbers and phones as text: typed into a General cell, Excel keeps 15 digits of an ID and drops a phone's
  // leading zero (an area code).
  if (column.fields.some((f) => { const k = fieldKind(f).kind; return k === 'id' || k === 'phone'; })) return 'text';
  if (column.fields.length === 1 && fieldKind(column.fields[0]!).kind === 'date') return 'date';
  return 'general';
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A stored 'YYYY-MM-DD' as a real date cell (UTC midnight: exceljs writes the serial from UTC); other text as is. */
function dateCell(text: string): Date | string {
  const m = ISO_DAY.exec(text);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : text;
}

export const DATE_FORMAT = 'yyyy-mm-dd';
export const TEXT_FORMAT = '@';

export interface ExportOptions {
  lists: CodeLists;
  masked: boolean;
  officeName: string;
  /** 'YYYY-MM-DD' */
  date: string;
}

export async function ledgerXlsx(records: readonly Values[], o: ExportOptions): Promise<Buffer> {
  const n = exportColumns.length;
  return writeXlsx(async (wb) => {
    const ws = wb.addWorksheet('留守儿童台账', { views: [{ state: 'frozen', ySplit: 4, xSplit: 1 }] });
    const kinds = exportColumns.map(columnKind);
    // The column's format goes into <cols> too, so cells the clerk adds later in Excel take it as well.
    ws.columns = exportColumns.map((c, i) => ({
      width: c.fields.some((f) => f.endsWith('idNumber')) ? 22 : Math.min(24, Math.max(9, c.header.length * 2 + 2)),
      ...(kinds[i] === 'date' ? { style: { numFmt: DATE_FORMAT } } : kinds[i] === 'text' ? { style: { numFmt: TEXT_FORMAT } } : {}),
    }));

    const title = ws.addRow([EXPORT_TITLE]);
    title.font = { bold: true, size: 16 };
    title.alignment = { horizontal: 'center' };
    title.height = 28;
    ws.mergeCells(1, 1, 1, n);
    title.commit();

    const note = o.masked
      ? '身份证号码和电话号码已部分隐藏'
      : '含完整的身份证号码和电话号码，属于个人信息，请妥善保管，不得外传';
    // Ideographic spaces (U+3000) separate the items, as on printed forms.
    const gap = '\u3000\u3000';
    const sub = ws.addRow([`填报单位：${o.officeName}${gap}导出日期：${o.date}${gap}共 ${records.length} 人${gap}（${note}）`]);
    ws.mergeCells(2, 1, 2, n);
    sub.commit();

    // The form's group row: each group label in the first cell of its run, merged across it.
    const groups = ws.addRow(exportColumns.map((c, i) => (i === 0 || exportColumns[i - 1]!.group !== c.group ? c.group : null)));
    let start = 0;
    for (let i = 1; i <= n; i += 1) {
      if (i === n || exportColumns[i]!.group !== exportColumns[start]!.group) {
        if (i - 1 > start) ws.mergeCells(3, start + 1, 3, i);
        start = i;
      }
    }
    const headers = ws.addRow(exportColumns.map((c) => c.header));
    for (const row of [groups, headers]) {
      row.font = { bold: true };
      row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      row.eachCell((c) => {
        c.fill = HEADER_FILL;
        c.border = THIN_BORDER;
      });
    }
    groups.commit();
    headers.commit();

    for (const v of records) {
      const row = ws.addRow(
        exportColumns.map((c, i) => {
          const text = formatColumn(o.lists, c, v, o.masked);
          return kinds[i] === 'date' && text ? dateCell(text) : text;
        }),
      );
      row.commit();
    }
    ws.commit();
  });
}
