// Judging each row of an import against the shared schema and the records already held: new, update (with what
// changes), unchanged, or rejected with reasons by column. Nothing is written here; the plan is applied by commit.
import {
  validateChildRecord,
  type ChildFieldPath,
  type createIncompleteChildSchema,
  type IncompleteChildRecord,
} from '../../contract/schemas/child';
import { childPathLabel } from '../../contract/field-labels';
import type { FieldChange, RowError, RowOutcome } from '../../contract/schemas/ledger-excel';
import type { JsonValue } from '../../store/operation';
import { CHILD_FIELD_PATHS, changedFields, SENSITIVE_CHILD_FIELDS, unflattenChild } from '../ledger/child-fields';
import { codeForLabel, type CodeLists } from '../ledger/codelists';
import { flatGetter, identifiesChild, missingFields, NOT_IDENTIFIED_MESSAGE } from '../ledger/completeness';
import { normaliseIdNumber, parseIdNumber } from '../ledger/id-number';
import { maskIdNumber, maskPhone } from '../ledger/mask';
import { transferLockMessage, transferredOut } from '../ledger/transfer-lock';
import { compileColumns, convertRow, getPath, mergeInput, setPath, type MappedColumn } from './convert';
import type { Cell } from './read-sheet';
import { SetArena } from './set-arena';
import { fieldKind, formatCode } from './values';

export interface ExistingChild {
  id: string;
  values: Readonly<Record<string, JsonValue>>;
}

export interface PlanContext {
  codeLists: CodeLists;
  today: string;
  /** The 待完善 schema: a row is imported with what it has; what it lacks is listed, not refused. */
  schema: ReturnType<typeof createIncompleteChildSchema>;
  /** Records held, by normalised ID number. */
  existing: ReadonlyMap<string, ExistingChild>;
  /** Records held without an ID number, by name, birth date and township (nameBirthKey). */
  existingWithoutId?: ReadonlyMap<string, ExistingChild>;
  newId: () => string;
  /** This office's code: a held child it has transferred out is read-only here, so its row is refused. */
  office: string;
}

export interface PlannedRow {
  row: number;
  outcome: RowOutcome;
  name: string;
  errors: RowError[];
  changes: FieldChange[];
  /** The national-form fields the record will lack (new and update only): it is then 待完善. */
  missing: readonly ChildFieldPath[];
  /** The record to write and the fields to set (new and update only): the number of the set kept in the
   *  planner's SetArena, outside the heap (see set-arena.ts). */
  recordId?: string;
  setIndex?: number;
  /** The row's cells as read (rejected rows only, for the rejected-rows workbook). */
  cells?: Cell[];
}

/**
 * The children held, as an import reads them: one at a time (the store's child table is not held whole, issue 13),
 * and one child's current values when a row turns out to be that child.
 */
export interface HeldChildren {
  each(visit: (id: string, values: Readonly<Record<string, JsonValue>>) => void): void;
  valuesOf(id: string): Readonly<Record<string, JsonValue>>;
}

/** A held child found by the index: its values are read when a row needs them, not kept for every child. */
class HeldChild implements ExistingChild {
  constructor(
    readonly id: string,
    private readonly held: HeldChildren,
  ) {}
  get values(): Readonly<Record<string, JsonValue>> {
    return this.held.valuesOf(this.id);
  }
}

/** Index of held records by ID number, built once per import. */
export function existingByIdNumber(held: HeldChildren): Map<string, ExistingChild> {
  const map = new Map<string, ExistingChild>();
  held.each((id, v) => {
    const idNumber = v['child.idNumber'];
    if (typeof idNumber === 'string' && idNumber) map.set(normaliseIdNumber(idNumber), new HeldChild(id, held));
  });
  return map;
}

/** How a child without an ID number is recognised again: name, birth date and township together. */
export const nameBirthKey = (name: string, birthDate: string, township: string) => `${name}|${birthDate}|${township}`;

/** Index of held records without an ID number, by nameBirthKey, built once per import. */
export function existingWithoutIdNumber(held: HeldChildren): Map<string, ExistingChild> {
  const map = new Map<string, ExistingChild>();
  const s = (v: JsonValue | undefined) => (typeof v === 'string' ? v : '');
  held.each((id, v) => {
    if (s(v['child.idNumber'])) return;
    map.set(nameBirthKey(s(v['child.name']), s(v['child.birthDate']), s(v['responsibility.township'])), new HeldChild(id, held));
  });
  return map;
}

/** A stored value as a person reads it: labels for codes, 是/否, masked ID numbers and phones. */
export function displayValue(lists: CodeLists, path: string, value: JsonValue | undefined): string {
  if (value === undefined || value === null || value === '') return '';
  const kind = fieldKind(path as ChildFieldPath);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value) && kind.kind === 'codes') return value.map((c) => formatCode(lists, kind.list, String(c))).join('、');
  if (kind.kind === 'code' && typeof value === 'string') return formatCode(lists, kind.list, value);
  if (SENSITIVE_CHILD_FIELDS.has(path) || path.endsWith('idNumber') || /phone$/i.test(path)) {
    return kind.kind === 'id' ? maskIdNumber(String(value)) : maskPhone(String(value));
  }
  return String(value);
}

// flattenChild's result, computed with the paths split once: this runs for every row of a 50,000-row file.
const SPLIT_PATHS = CHILD_FIELD_PATHS.map((p) => [p, p.split('.')] as const);
function flatten(record: IncompleteChildRecord): Record<string, JsonValue> {
  const flat: Record<string, JsonValue> = {};
  for (const [path, parts] of SPLIT_PATHS) {
    let cur: unknown = record;
    for (const part of parts) cur = cur === null || typeof cur !== 'object' ? undefined : (cur as Record<string, unknown>)[part];
    flat[path] = cur === undefined ? null : (cur as JsonValue);
  }
  return flat;
}

/**
 * A new record's operation leaves out empty fields: readers treat a missing field as empty (unflattenChild,
 * childValue), and the journal of a 50,000-row import is half the size.
 */
function withoutEmpty(flat: Record<string, JsonValue>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [path] of SPLIT_PATHS) {
    const v = flat[path];
    if (isEmpty(v)) continue;
    out[path] = v;
  }
  return out;
}

function isEmpty(v: JsonValue | undefined): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

const NONE: never[] = [];
// Rows of one sheet lack the same fields: one array per distinct list, not one per row of a 50,000-row file.
const missingLists = new Map<string, readonly ChildFieldPath[]>();
function internMissing(paths: ChildFieldPath[]): readonly ChildFieldPath[] {
  if (paths.length === 0) return NONE;
  const key = paths.join(',');
  let hit = missingLists.get(key);
  if (!hit) {
    if (missingLists.size > 1000) missingLists.clear();
    missingLists.set(key, (hit = paths));
  }
  return hit;
}
// A string read from the sheet may be a slice of the reader's whole XML chunk; a kept copy lets the chunk go.
const copy = (text: string) => (text.length > 12 ? (JSON.parse(JSON.stringify(text)) as string) : text);

// Never the key itself: a whole group missing (path 'guardianship') is named by the group's Chinese name.
const label = (path: string) => childPathLabel(path);

function rowErrors(
  fields: Record<string, string>,
  cellErrors: Map<string, string>,
  fromColumn: Map<string, string>,
): RowError[] {
  const all = new Map<string, string>(cellErrors);
  for (const [path, message] of Object.entries(fields)) if (!all.has(path)) all.set(path, message);
  return [...all].map(([field, message]) => {
    const l = label(field);
    return { column: fromColumn.get(field) ?? null, field, message: message.includes(l) ? message : `${l}：${message}` };
  });
}

export const errorText = (errors: readonly RowError[]) =>
  errors.map((e) => (e.column ? `${e.column}列 ${e.message}` : e.message)).join('；');

/** Judges rows one by one; keeps what it has seen so the same child twice in one file is caught. */
export class RowPlanner {
  private readonly seen = new Map<string, number>();
  private readonly columns: ReturnType<typeof compileColumns>;
  constructor(
    private readonly ctx: PlanContext,
    columns: readonly MappedColumn[],
    readonly sets: SetArena = new SetArena(),
    /** One value for every row where the sheet has no column for the field (field path → stored value). */
    private readonly defaults: Readonly<Record<string, JsonValue>> = {},
  ) {
    this.columns = compileColumns(columns);
  }

  plan(rowNumber: number, cells: Cell[]): PlannedRow {
    const { codeLists, today, schema, existing } = this.ctx;
    const { input, fromColumn, cellErrors } = convertRow(cells, this.columns, codeLists);
    for (const [path, value] of Object.entries(this.defaults)) if (getPath(input, path) === undefined) setPath(input, path, value);
    const name = String(getPath(input, 'child.name') ?? '');

    const rawId = getPath(input, 'child.idNumber');
    const id = rawId === undefined ? undefined : parseIdNumber(rawId, today);
    // The ID number fills sex and birth date when the sheet leaves them out, as the form does.
    if (id?.ok) {
      if (getPath(input, 'child.birthDate') === undefined) setPath(input, 'child.birthDate', id.birthDate);
      if (getPath(input, 'child.sex') === undefined) {
        const sex = codeForLabel(codeLists, 'sex', id.sex);
        if (sex) setPath(input, 'child.sex', sex);
      }
    }

    const rejected = (errors: RowError[]): PlannedRow => ({ row: rowNumber, outcome: 'rejected', name, errors, changes: [], missing: NONE, cells });

    const key = id?.ok
      ? `id:${id.value}`
      : rawId === undefined && name
        ? `nb:${name}|${String(getPath(input, 'child.birthDate') ?? '')}`
        : undefined;
    if (key) {
      const first = this.seen.get(key);
      if (first !== undefined) {
        const why = key.startsWith('id:') ? '身份证号码相同' : '姓名和出生日期相同';
        return rejected([{ column: null, field: 'child.idNumber', message: `与第${first}行是同一名儿童（${why}），本行未导入，请核对后合并为一行` }]);
      }
      this.seen.set(key, rowNumber);
    }

    // Without an ID number a row must still say which child it is, or it could never be found or matched again.
    if (rawId === undefined && !identifiesChild((p) => getPath(input, p))) {
      return rejected([{ column: null, field: 'child.idNumber', message: NOT_IDENTIFIED_MESSAGE }]);
    }

    const held = id?.ok
      ? existing.get(id.value)
      : rawId === undefined
        ? this.ctx.existingWithoutId?.get(
            nameBirthKey(name, String(getPath(input, 'child.birthDate') ?? ''), String(getPath(input, 'responsibility.township') ?? '')),
          )
        : undefined;
    const transfer = held ? transferredOut(held.values, this.ctx.office) : null;
    if (transfer) return rejected([{ column: null, field: 'child.idNumber', message: transferLockMessage(transfer) }]);
    const full = held ? mergeInput(unflattenChild(held.values), input) : input;
    const result = validateChildRecord(full, schema);
    if (!result.ok || cellErrors.size > 0) {
      return rejected(rowErrors(result.ok ? {} : (result.error.fields ?? {}), cellErrors, fromColumn));
    }

    const flat = flatten(result.value);
    const missing = internMissing(missingFields(flatGetter(flat)));
    if (!held) {
      const set = withoutEmpty(flat);
      return { row: rowNumber, outcome: 'new', name: copy(name), errors: NONE, changes: NONE, missing, recordId: this.ctx.newId(), setIndex: this.sets.add(set) };
    }

    const set = changedFields(held.values, flat);
    // Empty and missing are the same (new records leave empty fields out): [] for a missing list is no change.
    for (const p of Object.keys(set)) if (isEmpty(set[p]) && isEmpty(held.values[p])) delete set[p];
    const paths = Object.keys(set);
    if (paths.length === 0) return { row: rowNumber, outcome: 'unchanged', name: copy(name), errors: NONE, changes: NONE, missing };
    const changes = paths.map((p) => ({
      field: p,
      label: label(p),
      from: displayValue(codeLists, p, held.values[p]),
      to: displayValue(codeLists, p, set[p]),
    }));
    return { row: rowNumber, outcome: 'update', name: copy(name), errors: NONE, changes, missing, recordId: held.id, setIndex: this.sets.add(set) };
  }
}
