// One spreadsheet row → the record input the shared schema validates. Only filled cells are taken: a blank cell in
// an update leaves the stored value alone (township sheets leave cells blank for "not known", not for "erase").
import type { ChildFieldPath } from '../../contract/schemas/child';
import { childFieldLabels, DECEASED_MARK } from '../../contract/schemas/child';
import type { CodeListKey, CodeLists } from '../ledger/codelists';
import type { Cell } from './read-sheet';
import { targetByKey, type ImportTarget } from './targets';
import { hasUnreadable, unreadableMessage } from './unreadable-text';
import {
  cellText,
  fieldKind,
  type FieldKind,
  isDash,
  parseBool,
  parseCode,
  parseCodes,
  parseDisability,
  parseNamePhone,
  parseSignedWithDate,
  parseWorkPlace,
} from './values';

export interface MappedColumn {
  index: number;
  letter: string;
  target: string;
}

export interface ConvertedRow {
  input: Record<string, unknown>;
  /** Field path → the column letter it came from. */
  fromColumn: Map<string, string>;
  /** Problems found while reading cells (before the schema), by field path. */
  cellErrors: Map<string, string>;
}

const splitCache = new Map<string, string[]>();
export function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  let parts = splitCache.get(path);
  if (!parts) splitCache.set(path, (parts = path.split('.')));
  let cur = obj;
  for (const part of parts.slice(0, -1)) {
    const next = cur[part];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) cur[part] = {};
    cur = cur[part] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]!] = value;
}

export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

const kinds = new Map<string, FieldKind>();
const kindOf = (path: ChildFieldPath): FieldKind => {
  let k = kinds.get(path);
  if (!k) kinds.set(path, (k = fieldKind(path)));
  return k;
};

// The message names the choices, not the value entered (error texts must not carry personal data).
function notInList(lists: CodeLists, list: CodeListKey, label: string): string {
  const items = lists.lists[list].items;
  if (items.length <= 8) return `${label}只能填：${items.map((i) => i.label).join('、')}`;
  return `${label}不在可选范围内，请按代码表填写`;
}


function single(
  path: ChildFieldPath,
  c: Cell,
  text: string,
  lists: CodeLists,
  put: (p: string, v: unknown) => void,
  fail: (p: string, m: string) => void,
) {
  const kind = kindOf(path);
  switch (kind.kind) {
    case 'text':
      // A space typed inside a Chinese name (张 三, to line names up) is not part of it.
      put(path, path.endsWith('name') || path.endsWith('Name') ? text.replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, '') : text);
      return;
    case 'date':
    case 'id':
    case 'phone':
      // Numbers and dates raw (so a rounded ID number is seen as one), text cleaned.
      put(path, typeof c === 'number' || c instanceof Date ? c : text);
      return;
    case 'bool': {
      const b = typeof c === 'boolean' ? c : parseBool(text);
      if (b === undefined) fail(path, `${childFieldLabels[path]}请填“是”或“否”`);
      else put(path, b);
      return;
    }
    case 'code': {
      if (isDash(text)) {
        put(path, DECEASED_MARK);
        return;
      }
      const code = parseCode(lists, kind.list, text);
      if (code === undefined) fail(path, notInList(lists, kind.list, childFieldLabels[path]));
      else put(path, code);
      return;
    }
    case 'codes': {
      const { codes } = parseCodes(lists, kind.list, text);
      put(path, codes);
      return;
    }
  }
}

interface CompiledColumn {
  index: number;
  letter: string;
  target: ImportTarget;
}

/** The mapping resolved once per file (target look-ups are not repeated for each of 50,000 rows). */
export function compileColumns(columns: readonly MappedColumn[]): CompiledColumn[] {
  const out: CompiledColumn[] = [];
  for (const c of columns) {
    const target = targetByKey.get(c.target);
    if (target) out.push({ index: c.index, letter: c.letter, target });
  }
  return out;
}

/** Reads one row's cells through the column mapping. */
export function convertRow(cells: readonly Cell[], columns: readonly CompiledColumn[], lists: CodeLists): ConvertedRow {
  const input: Record<string, unknown> = {};
  const fromColumn = new Map<string, string>();
  const cellErrors = new Map<string, string>();
  let letter = '';
  const put = (path: string, value: unknown) => {
    setPath(input, path, value);
    fromColumn.set(path, letter);
  };
  const fail = (path: string, message: string) => {
    cellErrors.set(path, message);
    fromColumn.set(path, letter);
  };
  for (const col of columns) {
    const target = col.target;
    const c = cells[col.index] ?? null;
    const text = cellText(c);
    if (text === '' && typeof c !== 'number') continue;
    letter = col.letter;
    const [a, b] = target.fields;
    if (hasUnreadable(text)) {
      fail(a!, unreadableMessage(a!));
      continue;
    }
    if (target.fields.length === 1) {
      single(a!, c, text, lists, put, fail);
      continue;
    }
    switch (target.key) {
      case 'child.disabilityCategory+child.disabilityGrade': {
        const d = parseDisability(lists, text);
        if (d.category) put(a!, d.category);
        if (d.grade) put(b!, d.grade);
        break;
      }
      case 'father.workProvince+father.workCity':
      case 'mother.workProvince+mother.workCity': {
        const w = parseWorkPlace(lists, text);
        put(a!, w.province);
        put(b!, w.city);
        break;
      }
      case 'income.sources+income.sourcesOther':
      case 'income.assistance+income.assistanceOther': {
        const kind = fieldKind(a!);
        const r = parseCodes(lists, kind.kind === 'codes' ? kind.list : 'incomeSource', text);
        put(a!, r.codes);
        put(b!, r.other);
        break;
      }
      case 'guardianship.entrustmentSigned+guardianship.entrustmentDate': {
        const s = parseSignedWithDate(text);
        if (s.signed === undefined) fail(a!, '委托监护责任确认书请填“是”或“否”（可在括号内注明签订日期）');
        else put(a!, s.signed);
        if (s.date) put(b!, s.date);
        break;
      }
      default: {
        // 儿童督导员 / 儿童主任: a name with the phone after it.
        const np = parseNamePhone(text);
        put(a!, np.name);
        if (np.phone) put(b!, np.phone);
      }
    }
  }
  // The national form marks a deceased parent with "—" in every cell instead of a separate column.
  for (const side of ['father', 'mother'] as const) {
    const name = getPath(input, `${side}.name`);
    if (typeof name === 'string' && isDash(name) && getPath(input, `${side}.deceased`) === undefined) {
      setPath(input, `${side}.deceased`, true);
    }
  }
  return { input, fromColumn, cellErrors };
}

/** `over` laid onto `base`, section by section (arrays replace). */
export function mergeInput(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && b && typeof b === 'object' && !Array.isArray(b)) {
      out[k] = mergeInput(b as Record<string, unknown>, v as Record<string, unknown>);
    } else out[k] = v;
  }
  return out;
}
