// An import from start to plan: stream the first worksheet, find the header, settle the column mapping (the
// person's choices, then what the office confirmed before, then what the header text says), judge every row.
import { AppError } from '../../contract/errors';
import { childFieldLabels } from '../../contract/schemas/child';
import type {
  AbsentField,
  ColumnMapping,
  ImportColumn,
  ImportCounts,
  ImportDefaults,
  ImportProgress,
} from '../../contract/schemas/ledger-excel';
import type { JsonValue } from '../../store/operation';
import { ALWAYS_REQUIRED } from '../ledger/completeness';
import type { MappedColumn } from './convert';
import { detectHeader, HEADER_SEARCH_ROWS, type DetectedHeader } from './header';
import { RowPlanner, type PlanContext, type PlannedRow } from './plan';
import { SetArena } from './set-arena';
import { isBlankRow, readFirstSheet, type SheetRow, type SheetSource } from './read-sheet';
import { absentFields, coveredFields, resolveDefaults } from './import-defaults';
import { targetByKey } from './targets';
import { refineByValues } from './value-match';
import { cellText, fieldKind } from './values';
import { maskIdNumber, maskPhone } from '../ledger/mask';

export interface AnalyseOptions {
  plan: PlanContext;
  /** The office's confirmed choices: header memory key → target ('' = leave out), and remembered defaults. */
  remembered: Readonly<Record<string, JsonValue>>;
  overrides?: ColumnMapping | undefined;
  /** Values for all rows of fields the sheet lacks; undefined to take the remembered ones. */
  defaults?: ImportDefaults | undefined;
  onProgress?: (p: ImportProgress) => void;
}

export interface ImportAnalysis {
  sheetName: string;
  headerRows: number[];
  dataStartRow: number;
  columns: ImportColumn[];
  /** Header memory key per column index, to remember the confirmed mapping. */
  memoryKeys: string[];
  rows: PlannedRow[];
  /** The fields each new or updated row sets (PlannedRow.setIndex). */
  sets: SetArena;
  counts: ImportCounts;
  missingRequired: string[];
  /** Fields the sheet has no column for: those that may be given one value for all rows. */
  absent: AbsentField[];
  /** The values for all rows in force (field path → stored value), and the fields the columns provide. */
  defaults: Record<string, JsonValue>;
  covered: ReadonlySet<string>;
}

const NO_HEADER =
  '没有找到表头。请确认第一个工作表是留守儿童台账，表头在前30行内，并至少有“姓名”或“身份证号码”等三列可以识别。';

function settleColumns(header: DetectedHeader, remembered: AnalyseOptions['remembered'], overrides: ColumnMapping | undefined) {
  const columns: ImportColumn[] = header.columns.map((c) => {
    const chosen = overrides && Object.hasOwn(overrides, String(c.index)) ? overrides[String(c.index)] : undefined;
    if (chosen !== undefined) return { index: c.index, letter: c.letter, header: c.header, target: chosen, how: 'chosen' as const, samples: [] };
    // Headers are the file's text: own properties only.
    const memory = c.memoryKey && Object.hasOwn(remembered, c.memoryKey) ? remembered[c.memoryKey] : undefined;
    if (typeof memory === 'string' && (memory === '' || targetByKey.has(memory))) {
      return { index: c.index, letter: c.letter, header: c.header, target: memory, how: 'remembered' as const, samples: [] };
    }
    return { index: c.index, letter: c.letter, header: c.header, target: c.recognised, how: c.recognised ? ('recognised' as const) : ('none' as const), samples: [] };
  });
  for (const c of columns) {
    if (c.target && !targetByKey.has(c.target)) throw new AppError('INVALID_ARGS', `${c.letter}列选择的导入项目无效，请重新选择`);
  }
  // Two columns for one item: a person's explicit choice is an error to fix, an automatic one yields to the first.
  const owner = new Map<string, ImportColumn>();
  for (const c of columns) {
    if (!c.target) continue;
    const first = owner.get(c.target);
    if (!first) {
      owner.set(c.target, c);
      continue;
    }
    if (c.how === 'chosen' && first.how === 'chosen') {
      const l = targetByKey.get(c.target)!.label;
      throw new AppError('VALIDATION', `${first.letter}列和${c.letter}列都选择了“${l}”，每个项目只能对应一列`);
    }
    if (c.how === 'chosen') {
      first.target = '';
      first.how = 'none';
      owner.set(c.target, c);
    } else {
      c.target = '';
      c.how = 'none';
    }
  }
  return columns;
}

function sampleText(target: string, value: string): string {
  const t = targetByKey.get(target);
  const kind = t && t.fields.length === 1 ? fieldKind(t.fields[0]!).kind : 'text';
  if (kind === 'id') return maskIdNumber(value);
  if (kind === 'phone') return maskPhone(value);
  return value.length > 30 ? `${value.slice(0, 30)}…` : value;
}

function missingRequired(covered: ReadonlySet<string>, defaults: Readonly<Record<string, JsonValue>>): string[] {
  const hasId = covered.has('child.idNumber');
  return ALWAYS_REQUIRED.filter(
    (f) => !covered.has(f) && !(f in defaults) && !(hasId && (f === 'child.sex' || f === 'child.birthDate')),
  ).map((f) => childFieldLabels[f]);
}

export async function analyseImport(source: SheetSource, opts: AnalyseOptions): Promise<ImportAnalysis> {
  const progress = opts.onProgress ?? (() => undefined);
  let fraction = 0;
  const head: SheetRow[] = [];
  let sheetName = '';
  let header: DetectedHeader | null = null;
  let columns: ImportColumn[] = [];
  let mapped: MappedColumn[] = [];
  let planner: RowPlanner | null = null;
  const rows: PlannedRow[] = [];
  const sets = new SetArena();
  const counts: ImportCounts = { rows: 0, new: 0, update: 0, unchanged: 0, rejected: 0, incomplete: 0 };
  let covered: ReadonlySet<string> = new Set();
  let defaults: Record<string, JsonValue> = {};

  const take = (row: SheetRow) => {
    if (isBlankRow(row.cells)) return;
    for (const c of columns) {
      if (c.samples.length < 3) {
        const v = cellText(row.cells[c.index] ?? null);
        if (v) c.samples.push(sampleText(c.target, v));
      }
    }
    const planned = planner!.plan(row.number, row.cells);
    rows.push(planned);
    counts.rows += 1;
    counts[planned.outcome] += 1;
    if (planned.outcome === 'new' && planned.missing.length > 0) counts.incomplete += 1;
    if (counts.rows % 2000 === 0) progress({ phase: 'reading', rows: counts.rows, fraction });
  };

  const start = () => {
    header = detectHeader(head);
    if (!header) throw new AppError('VALIDATION', NO_HEADER);
    columns = settleColumns(header, opts.remembered, opts.overrides);
    refineByValues(columns, head.slice(header.dataStartIndex), opts.plan.codeLists);
    covered = coveredFields(columns);
    defaults = resolveDefaults(opts.defaults, opts.remembered, covered, opts.plan.codeLists);
    mapped = columns.filter((c) => c.target).map((c) => ({ index: c.index, letter: c.letter, target: c.target }));
    if (!mapped.some((c) => c.target === 'child.name' || c.target === 'child.idNumber')) {
      throw new AppError('VALIDATION', '请至少为“姓名”或“身份证号码”指定一列，否则无法识别每一行是哪名儿童。');
    }
    planner = new RowPlanner(opts.plan, mapped, sets, defaults);
    for (const row of head.slice(header.dataStartIndex)) take(row);
  };

  for await (const row of readFirstSheet(source, (f) => (fraction = f))) {
    sheetName = row.sheetName;
    if (!planner) {
      head.push(row);
      if (head.length >= HEADER_SEARCH_ROWS) start();
      continue;
    }
    take(row);
  }
  if (!planner) start();
  const h = header as DetectedHeader | null;
  if (!h) throw new AppError('VALIDATION', NO_HEADER);
  progress({ phase: 'checking', rows: counts.rows, fraction: 1 });

  const lastHeaderRow = h.headerRows[h.headerRows.length - 1]!;
  return {
    sheetName,
    headerRows: h.headerRows,
    dataStartRow: lastHeaderRow + 1,
    columns,
    memoryKeys: h.columns.map((c) => c.memoryKey),
    rows,
    sets,
    counts,
    missingRequired: missingRequired(covered, defaults),
    absent: absentFields(covered, defaults, opts.plan.codeLists),
    defaults,
    covered,
  };
}
