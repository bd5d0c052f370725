// The first worksheet of an xlsx (or an .et that is an xlsx inside), streamed row by row. Our own reader rather
// than exceljs's streaming one, which altered characters at chunk boundaries (see xml-stream.ts); it gives what
// exceljs gave: shared and inline strings with rich text joined, formulas by their cached result, errors as
// empty, numbers with a date format as Date, a merged range's value in its top-left cell only.
import path from 'node:path/posix';
import type { Cell, SheetRow } from './read-sheet';
import { excelSerialToDate, isBuiltinDateFormat, isDateFormatCode } from './excel-dates';
import { collectXml, parseXml, unescapeOoxml, type XmlHandlers } from './xml-stream';
import type { ZipParts } from './zip-entries';

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const REL_WORKSHEET = /\/worksheet$/;
const REL_SHARED_STRINGS = /\/sharedStrings$/;
const REL_STYLES = /\/styles$/;

interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** An attribute by its local name, whatever prefix the writer used (r:id, ns1:id …). */
function attr(attrs: Record<string, string>, localName: string): string | undefined {
  if (localName in attrs) return attrs[localName];
  for (const [k, v] of Object.entries(attrs)) if (k.endsWith(`:${localName}`)) return v;
  return undefined;
}

async function relationships(zip: ZipParts, part: string): Promise<Relationship[]> {
  const relsPart = path.join(path.dirname(part), '_rels', `${path.basename(part)}.rels`);
  const stream = await zip.open(relsPart);
  if (!stream) return [];
  const rels = await collectXml<Relationship>(stream, (emit) => ({
    open(name, a) {
      if (name === 'Relationship' && a.Target && a.TargetMode !== 'External') emit({ id: a.Id ?? '', type: a.Type ?? '', target: a.Target });
    },
    close() {},
  }));
  // Targets are relative to the part's folder, or absolute from the package root.
  return rels.map((r) => ({ ...r, target: r.target.startsWith('/') ? r.target.slice(1) : path.normalize(path.join(path.dirname(part), r.target)) }));
}

interface WorkbookInfo {
  sheetName: string;
  sheetPart: string;
  date1904: boolean;
  sharedStringsPart: string | undefined;
  stylesPart: string | undefined;
}

async function workbookInfo(zip: ZipParts): Promise<WorkbookInfo | undefined> {
  const root = await relationships(zip, '');
  const workbookPart = root.find((r) => REL_OFFICE_DOCUMENT.test(r.type))?.target ?? 'xl/workbook.xml';
  const stream = await zip.open(workbookPart);
  if (!stream) return undefined;
  const rels = await relationships(zip, workbookPart);
  const sheets: Array<{ name: string; rid: string; hidden: boolean }> = [];
  let date1904 = false;
  await collectXml<never>(stream, () => ({
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name === 'sheet') sheets.push({ name: a.name ?? '', rid: attr(a, 'id') ?? '', hidden: a.state === 'hidden' || a.state === 'veryHidden' });
    },
    close() {},
  }));
  const worksheets = sheets
    .map((s) => ({ ...s, rel: rels.find((r) => r.id === s.rid && REL_WORKSHEET.test(r.type)) }))
    .filter((s) => s.rel && zip.has(s.rel.target));
  // The first sheet the clerk sees: a hidden code-list sheet in front of the ledger is not it.
  const first = worksheets.find((s) => !s.hidden) ?? worksheets[0];
  if (!first) return undefined;
  return {
    sheetName: first.name,
    sheetPart: first.rel!.target,
    date1904,
    sharedStringsPart: rels.find((r) => REL_SHARED_STRINGS.test(r.type))?.target,
    stylesPart: rels.find((r) => REL_STYLES.test(r.type))?.target,
  };
}

/** Per cell style index (the `s` attribute): whether its number format shows a date. */
async function dateStyles(zip: ZipParts, part: string | undefined): Promise<boolean[]> {
  const stream = part ? await zip.open(part) : undefined;
  if (!stream) return [];
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  await collectXml<never>(stream, () => ({
    open(name, a) {
      if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfs.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  }));
  return xfs.map((id) => {
    const code = custom.get(id);
    return code !== undefined ? isDateFormatCode(code) : isBuiltinDateFormat(id);
  });
}

/** Text runs of an <si> or <is>: every <t>, except the phonetic guide (<rPh>) that Japanese/Chinese Excel adds. */
class RunText {
  private parts: string[] = [];
  private inT = false;
  private inPhonetic = false;
  open(name: string) {
    if (name === 't' && !this.inPhonetic) this.inT = true;
    else if (name === 'rPh') this.inPhonetic = true;
  }
  close(name: string) {
    if (name === 't') this.inT = false;
    else if (name === 'rPh') this.inPhonetic = false;
  }
  text(t: string) {
    if (this.inT) this.parts.push(t);
  }
  take(): string {
    const s = unescapeOoxml(this.parts.join(''));
    this.parts = [];
    return s;
  }
}

async function sharedStrings(zip: ZipParts, part: string | undefined): Promise<string[]> {
  const stream = part ? await zip.open(part) : undefined;
  if (!stream) return [];
  const run = new RunText();
  return collectXml<string>(stream, (emit) => ({
    open: (name) => run.open(name),
    text: (t) => run.text(t),
    close(name) {
      if (name === 'si') emit(run.take());
      else run.close(name);
    },
  }));
}

/** 'AB12' → 27 (zero-based column); -1 when there is no column. */
function columnIndex(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i += 1) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : n - 1;
}

function isoDate(v: string): Date | null {
  // A date-only or zone-less value is the calendar day itself (UTC midnight, as for serials).
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : /T[\d:.]+$/.test(v) ? `${v}Z` : v);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The worksheet part's handlers: one SheetRow emitted per <row>. */
function sheetHandlers(strings: readonly string[], dates: readonly boolean[], date1904: boolean, emit: (r: SheetRow) => void): XmlHandlers {
  let rowNumber = 0;
  let cells: Cell[] = [];
  let col = -1;
  let type = '';
  let style = 0;
  let value: string[] = [];
  let inValue = false;
  let inInline = false;
  const run = new RunText();

  const cellValue = (): Cell => {
    if (type === 'inlineStr') return run.take();
    const v = value.join('');
    if (v === '') return null;
    switch (type) {
      case 's':
        return strings[Number(v)] ?? null;
      case 'str':
        return unescapeOoxml(v);
      case 'b':
        return v === '1' || v === 'true';
      case 'e':
        return null;
      case 'd':
        return isoDate(v);
      default: {
        const n = Number(v);
        if (!Number.isFinite(n)) return null;
        return dates[style] ? excelSerialToDate(n, date1904) : n;
      }
    }
  };

  return {
    open(name, a) {
      switch (name) {
        case 'row':
          rowNumber = a.r ? Number(a.r) : rowNumber + 1;
          cells = [];
          col = -1;
          return;
        case 'c':
          col = a.r ? columnIndex(a.r) : col + 1;
          if (col < 0) col = cells.length;
          type = a.t ?? 'n';
          style = a.s ? Number(a.s) : 0;
          value = [];
          return;
        case 'v':
          inValue = true;
          return;
        case 'is':
          inInline = true;
          return;
        default:
          if (inInline) run.open(name);
      }
    },
    text(t) {
      if (inValue) value.push(t);
      else if (inInline) run.text(t);
    },
    close(name) {
      switch (name) {
        case 'v':
          inValue = false;
          return;
        case 'is':
          inInline = false;
          return;
        case 'c': {
          const v = cellValue();
          if (v !== null) {
            while (cells.length < col) cells.push(null);
            cells[col] = v;
          }
          return;
        }
        case 'row':
          emit({ number: rowNumber, cells });
          return;
        default:
          if (inInline) run.close(name);
      }
    },
  };
}

export interface XlsxSheet {
  sheetName: string;
  rows: AsyncGenerator<SheetRow>;
}

/** Undefined when the zip is not a workbook (no workbook part, or no worksheet in it). */
export async function openXlsxSheet(zip: ZipParts, progress?: (fraction: number) => void): Promise<XlsxSheet | undefined> {
  const wb = await workbookInfo(zip);
  if (!wb) return undefined;
  const dates = await dateStyles(zip, wb.stylesPart);
  const strings = await sharedStrings(zip, wb.sharedStringsPart);
  const stream = await zip.open(wb.sheetPart);
  if (!stream) return undefined;
  const total = zip.size(wb.sheetPart);
  let read = 0;
  const onBytes = (n: number) => {
    read += n;
    if (total > 0) progress?.(Math.min(1, read / total));
  };
  return { sheetName: wb.sheetName, rows: parseXml<SheetRow>(stream, (emit) => sheetHandlers(strings, dates, wb.date1904, emit), onBytes) };
}
