// Cell text ↔ record values. Spreadsheets hold labels (男, 祖辈监护, 是), records hold codes ('1', 'grandparents',
// true); some national-form columns hold two fields (残疾类别及等级, 父亲当前务工地点). Import and export use the same
// rules here, so the importer reads back what the exporter writes.
import { DECEASED_MARK, type ChildFieldPath } from '../../contract/schemas/child';
import { CHILD_CODE_FIELDS } from '../ledger/child-fields';
import { codeForLabel, codeLabel, type CodeListKey, type CodeLists } from '../ledger/codelists';
import { removeSpaces, toHalfWidth } from '../ledger/halfwidth';
import { isoDateOf } from '../ledger/dates';
import type { Cell } from './read-sheet';

export type FieldKind =
  | { kind: 'text' }
  | { kind: 'date' }
  | { kind: 'id' }
  | { kind: 'phone' }
  | { kind: 'bool' }
  | { kind: 'code'; list: CodeListKey }
  | { kind: 'codes'; list: CodeListKey };


const BOOL_FIELDS = new Set<ChildFieldPath>([
  'child.hukouRegistered',
  'child.boarding',
  'father.deceased',
  'mother.deceased',
  'guardianship.bothParentsAway',
  'guardianship.oneAwayOtherIncapable',
  'guardianship.hasEntrustedGuardian',
  'guardianship.entrustmentSigned',
]);

export function fieldKind(path: ChildFieldPath): FieldKind {
  if (path === 'income.sources') return { kind: 'codes', list: 'incomeSource' };
  if (path === 'income.assistance') return { kind: 'codes', list: 'assistance' };
  const list = CHILD_CODE_FIELDS[path];
  if (list) return { kind: 'code', list };
  if (BOOL_FIELDS.has(path)) return { kind: 'bool' };
  if (path.endsWith('idNumber')) return { kind: 'id' };
  if (/phone$/i.test(path)) return { kind: 'phone' };
  if (/(birthDate|Date)$/.test(path) || path === 'status.date') return { kind: 'date' };
  return { kind: 'text' };
}

/** A cell as text: half-width, trimmed, inner runs of spaces collapsed. Dates as 'YYYY-MM-DD'. */
export function cellText(c: Cell): string {
  if (c === null) return '';
  if (c instanceof Date) {
    const utc = c.getUTCHours() === 0 && c.getUTCMinutes() === 0;
    return utc ? c.toISOString().slice(0, 10) : isoDateOf(c);
  }
  if (typeof c === 'boolean') return c ? '是' : '否';
  if (typeof c === 'number') return String(c);
  // Most cells need no folding: test first, since this runs for every cell of a 50,000-row file.
  const folded = WIDE.test(c) ? toHalfWidth(c) : c;
  return SPACES.test(folded) ? folded.replace(SPACE_RUNS, ' ').trim() : folded;
}
const WIDE = /[\uff01-\uff5e\u3000]/;
const SPACES = /^\s|\s$|\s\s|[\t\n\r\u00a0\u200b]/;
const SPACE_RUNS = /[\s\u200b]+/g;

const DASH_ONLY = /^[—–―‒\-－]+$/;
export const isDash = (text: string) => DASH_ONLY.test(text);

const YES = new Set(['是', '有', '√', '✓', 'y', 'yes', 'true', '1', '已签订', '已登记', '寄宿', '已去世']);
const NO = new Set(['否', '无', '×', '✗', 'n', 'no', 'false', '0', '未签订', '未登记', '不寄宿', '走读', '没有']);

export function parseBool(text: string): boolean | undefined {
  const t = removeSpaces(text).toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return undefined;
}

// Short forms clerks type for a label.
const ALIASES: Partial<Record<CodeListKey, Record<string, string>>> = {
  sex: { 男性: '1', 女性: '2' },
  healthStatus: { 良好: 'healthy', 正常: 'healthy', 残: 'disabled', 病: 'ill' },
  guardianKind: { 祖辈: 'grandparents', 亲友: 'relatives', 父母一方: 'one-parent', 无人: 'none' },
  householdType: { 农村: 'rural', 农业: 'rural', 农业户口: 'rural', 城镇: 'urban', 非农业: 'urban', 非农: 'urban' },
  schooling: { 学前: 'kindergarten', 幼儿园在读: 'kindergarten', 小学在读: 'primary', 初中在读: 'junior', 高中在读: 'senior' },
  childStatus: { 在册: 'active', 正常: 'active', 退出: 'exited', 转出: 'transferred' },
};

/** A label (or the code itself, or a common short form) → the code; undefined when nothing fits. */
export function parseCode(lists: CodeLists, list: CodeListKey, text: string): string | undefined {
  const t = removeSpaces(text);
  if (t === '') return undefined;
  const items = lists.lists[list].items;
  const byCode = items.find((i) => i.code === t);
  if (byCode) return byCode.code;
  const exact = codeForLabel(lists, list, t);
  if (exact) return exact;
  const alias = ALIASES[list]?.[t];
  if (alias) return alias;
  // 汉 → 汉族, 红 → 红色, 广东 → 广东省, 一级 ← 1级.
  const suffixed = items.find((i) => i.label === `${t}族` || i.label === `${t}色` || i.label === `${t}省` || i.label === `${t}市`);
  if (suffixed) return suffixed.code;
  if (list === 'province' && t.length >= 2) return items.find((i) => i.label.startsWith(t))?.code;
  return undefined;
}

export function formatCode(lists: CodeLists, list: CodeListKey, code: string): string {
  if (!code) return '';
  return codeLabel(lists, list, code) ?? code;
}

/** '广东省深圳市' → province code + '深圳市'. Without a known province the whole text stays as the city. */
export function parseWorkPlace(lists: CodeLists, text: string): { province: string; city: string } {
  const t = removeSpaces(text);
  if (isDash(t)) return { province: DECEASED_MARK, city: DECEASED_MARK };
  for (const [form, code] of provinceForms(lists)) {
    if (t.startsWith(form)) return { province: code, city: t.slice(form.length) };
  }
  return { province: '', city: t };
}

const formsCache = new WeakMap<CodeLists, Array<[string, string]>>();
/** Every province as written in full and short (广东省, 广东), longest first so 广东省 wins over 广东. */
function provinceForms(lists: CodeLists): Array<[string, string]> {
  let forms = formsCache.get(lists);
  if (!forms) {
    forms = [];
    for (const item of lists.lists.province.items) {
      const short = item.label.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$/, '');
      forms.push([item.label, item.code]);
      if (short.length >= 2 && short !== item.label) forms.push([short, item.code]);
    }
    forms.sort((a, b) => b[0].length - a[0].length);
    formsCache.set(lists, forms);
  }
  return forms;
}

export function formatWorkPlace(lists: CodeLists, province: string, city: string): string {
  if (province === DECEASED_MARK || city === DECEASED_MARK) return DECEASED_MARK;
  const p = province ? formatCode(lists, 'province', province) : '';
  // A municipality's city part repeats it (北京市北京市); show it once.
  return p && city === p ? p : `${p}${city}`;
}

/** 几个标签 joined by 、; free text for 其他 written as '其他：…'. */
export function formatCodes(lists: CodeLists, list: CodeListKey, codes: readonly string[], other: string): string {
  const parts = codes.map((c) => (c === 'other' && other ? `${formatCode(lists, list, c)}：${other}` : formatCode(lists, list, c)));
  if (other && !codes.includes('other')) parts.push(`其他：${other}`);
  return parts.join('、');
}

export function parseCodes(lists: CodeLists, list: CodeListKey, text: string): { codes: string[]; other: string } {
  const codes: string[] = [];
  const others: string[] = [];
  for (const raw of text.split(/[、,，;；/\n]+/)) {
    const part = raw.trim();
    if (!part) continue;
    const m = /^(其他[^:：]*)[:：](.*)$/.exec(part);
    if (m) {
      codes.push('other');
      if (m[2]!.trim()) others.push(m[2]!.trim());
      continue;
    }
    const code = parseCode(lists, list, part);
    if (code) codes.push(code);
    else {
      // An item the list does not have is kept as free text under 其他 rather than lost.
      codes.push('other');
      others.push(part);
    }
  }
  return { codes: [...new Set(codes)], other: others.join('、') };
}

/** '肢体残疾二级' → category and grade codes. */
export function parseDisability(lists: CodeLists, text: string): { category: string; grade: string } {
  const t = removeSpaces(text);
  const category = lists.lists.disabilityCategory.items.find((i) => t.includes(i.label) || t.includes(i.label.replace('残疾', '')));
  const grade = lists.lists.disabilityGrade.items.find((i) => t.includes(i.label));
  return { category: category?.code ?? (t && !grade ? t : ''), grade: grade?.code ?? '' };
}

/** '王五 13800138000' → name and phone. */
export function parseNamePhone(text: string): { name: string; phone: string } {
  const m = /([+\d][\d\-()（） ]{5,}\d(?:转\d+)?)/.exec(text);
  if (!m) return { name: text.trim(), phone: '' };
  return { name: (text.slice(0, m.index) + text.slice(m.index + m[0].length)).trim(), phone: m[1]!.trim() };
}

/** '是（2020-03-01）' → signed and date. */
export function parseSignedWithDate(text: string): { signed: boolean | undefined; date: string } {
  const m = /^([^(（]*)[(（]?([^)）]*)[)）]?$/.exec(text.trim());
  const head = (m?.[1] ?? text).trim();
  const date = (m?.[2] ?? '').trim();
  return { signed: head === '' && date ? true : parseBool(head), date };
}
