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
import { writeSheetXlsx, type OutRow } from './xlsx-writer';

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


export interface ExportOptions {
  lists: CodeLists;
  masked: boolean;
  officeName: string;
  /** 'YYYY-MM-DD' */
  date: string;
}

/** The records to write, in order: an array, or records read one at a time as the sheet is written (issue 13). */
export interface ExportRecords {
  readonly length: number;
  [Symbol.iterator](): Iterator<Values>;
}

export async function ledgerXlsx(records: ExportRecords, o: ExportOptions): Promise<Buffer> {
  const n = exportColumns.length;
  const kinds = exportColumns.map(columnKind);
  const note = o.masked ? '身份证号码和电话号码已部分隐藏' : '含完整的身份证号码和电话号码，属于个人信息，请妥善保管，不得外传';
  // Ideographic spaces (U+3000) separate the items, as on printed forms.
  const gap = '\u3000\u3000';
  const merges = [
    { top: 1, left: 1, bottom: 1, right: n },
    { top: 2, left: 1, bottom: 2, right: n },
  ];
  // The form's group row: each group label in the first cell of its run, merged across it.
  let start = 0;
  for (let i = 1; i <= n; i += 1) {
    if (i === n || exportColumns[i]!.group !== exportColumns[start]!.group) {
      if (i - 1 > start) merges.push({ top: 3, left: start + 1, bottom: 3, right: i });
      start = i;
    }
  }
  function* rows(): Generator<OutRow> {
    yield { cells: [EXPORT_TITLE], style: 'title', height: 28 };
    yield { cells: [`填报单位：${o.officeName}${gap}导出日期：${o.date}${gap}共 ${records.length} 人${gap}（${note}）`] };
    yield { cells: exportColumns.map((c, i) => (i === 0 || exportColumns[i - 1]!.group !== c.group ? c.group : null)), style: 'header' };
    yield { cells: exportColumns.map((c) => c.header), style: 'header' };
    for (const v of records) {
      yield {
        cells: exportColumns.map((c, i) => {
          const text = formatColumn(o.lists, c, v, o.masked);
          return kinds[i] === 'date' && text ? dateCell(text) : text;
        }),
      };
    }
  }
  return writeSheetXlsx(
    {
      name: '留守儿童台账',
      creator: '关爱',
      // The column's format is in <cols> too, so cells the clerk adds later in Excel take it as well.
      columns: exportColumns.map((c, i) => ({
        width: c.fields.some((f) => f.endsWith('idNumber')) ? 22 : Math.min(24, Math.max(9, c.header.length * 2 + 2)),
        format: kinds[i]!,
      })),
      freeze: { rows: 4, columns: 1 },
      merges,
    },
    rows(),
  );
}
