// Enumerations of the ledger (assets/codelists/ledger.json). Records store codes, never labels, so a shipped code
// must keep its meaning forever: an office may add items to a list, but not remove or relabel what the app ships.
// Office codes carry the 'x-' prefix, which shipped codes never use, so a later app version cannot collide with them.
import { z } from 'zod';
import { AppError } from '../../contract/errors';

export const CODE_LIST_KEYS = [
  'sex',
  'ethnicity',
  'householdType',
  'healthStatus',
  'disabilityCategory',
  'disabilityGrade',
  'schooling',
  'guardianKind',
  'guardianshipType',
  'guardianshipAssessment',
  'parentSide',
  'province',
  'incomeSource',
  'assistance',
  'povertyStatus',
  'riskLevel',
  'childStatus',
  'exitReason',
  'visitFinding',
  'supportMeasureType',
  'reporterType',
  'reportSituation',
  'placement',
  'relationship',
] as const;

export type CodeListKey = (typeof CODE_LIST_KEYS)[number];

export const OFFICE_CODE_PREFIX = 'x-';

const codeItemSchema = z.object({
  code: z.string().min(1).max(40),
  label: z.string().min(1).max(60),
  note: z.string().max(300).optional(),
});

const codeListSchema = z.object({
  label: z.string().min(1),
  multi: z.boolean().optional(),
  note: z.string().optional(),
  items: z.array(codeItemSchema).min(1),
});

const shippedSchema = z.object({
  version: z.number().int().positive(),
  lists: z.record(z.string(), codeListSchema),
});

const extensionsSchema = z.record(z.string(), z.array(codeItemSchema));

export interface CodeItem {
  code: string;
  label: string;
  note?: string;
  /** Added by the office, not shipped with the app. */
  office?: true;
}

export interface CodeList {
  label: string;
  multi?: boolean;
  note?: string;
  items: CodeItem[];
}

/** Office additions: list key → items to add. */
export type CodeListExtensions = Partial<Record<CodeListKey, Array<{ code: string; label: string; note?: string }>>>;

export interface ExtensionConflict {
  list: string;
  code: string;
  reason: string;
}

export interface CodeLists {
  version: number;
  lists: Record<CodeListKey, CodeList>;
  /** Office items that were not merged, with the reason; shown to the office, never fatal. */
  conflicts: ExtensionConflict[];
}

function duplicateCode(items: Array<{ code: string }>): string | undefined {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.code)) return item.code;
    seen.add(item.code);
  }
  return undefined;
}

/**
 * Validate the shipped code lists and merge an office's additions. A damaged shipped file is a packaging error and
 * throws; a bad office addition is skipped and reported in `conflicts`, so one bad entry never stops the app.
 */
export function loadCodeLists(json: unknown, officeExtensions?: unknown): CodeLists {
  const parsed = shippedSchema.safeParse(json);
  if (!parsed.success) throw new AppError('INTERNAL', '程序自带的代码表已损坏，请重新安装本程序。');

  const lists = {} as Record<CodeListKey, CodeList>;
  for (const key of CODE_LIST_KEYS) {
    const list = parsed.data.lists[key];
    if (!list) throw new AppError('INTERNAL', '程序自带的代码表不完整，请重新安装本程序。');
    if (duplicateCode(list.items) !== undefined || list.items.some((i) => i.code.startsWith(OFFICE_CODE_PREFIX))) {
      throw new AppError('INTERNAL', '程序自带的代码表有重复或无效的代码，请重新安装本程序。');
    }
    lists[key] = { ...list, items: list.items.map((i) => ({ ...i })) };
  }

  const conflicts: ExtensionConflict[] = [];
  if (officeExtensions !== undefined && officeExtensions !== null) {
    const ext = extensionsSchema.safeParse(officeExtensions);
    if (!ext.success) {
      conflicts.push({ list: '', code: '', reason: '本单位增补的代码格式不正确，已全部忽略' });
    } else {
      for (const [key, items] of Object.entries(ext.data)) mergeInto(lists, key, items, conflicts);
    }
  }

  return { version: parsed.data.version, lists, conflicts };
}

function isCodeListKey(key: string): key is CodeListKey {
  return (CODE_LIST_KEYS as readonly string[]).includes(key);
}

function mergeInto(
  lists: Record<CodeListKey, CodeList>,
  key: string,
  items: Array<{ code: string; label: string; note?: string }>,
  conflicts: ExtensionConflict[],
): void {
  if (!isCodeListKey(key)) {
    for (const item of items) conflicts.push({ list: key, code: item.code, reason: '没有这个代码表，不能增补' });
    return;
  }
  const list = lists[key];
  for (const item of items) {
    const existing = list.items.find((i) => i.code === item.code);
    if (existing) {
      // Re-loading the same additions is normal; changing what a code means is not.
      if (existing.office && existing.label === item.label) continue;
      conflicts.push({ list: key, code: item.code, reason: `代码已用于「${existing.label}」，不能改名或重复增补` });
      continue;
    }
    if (!item.code.startsWith(OFFICE_CODE_PREFIX)) {
      conflicts.push({ list: key, code: item.code, reason: `本单位增补的代码须以「${OFFICE_CODE_PREFIX}」开头` });
      continue;
    }
    if (list.items.some((i) => i.label === item.label)) {
      conflicts.push({ list: key, code: item.code, reason: `「${item.label}」已在「${list.label}」中，不必增补` });
      continue;
    }
    list.items.push(item.note ? { code: item.code, label: item.label, note: item.note, office: true } : { code: item.code, label: item.label, office: true });
  }
}

export function hasCode(codeLists: CodeLists, key: CodeListKey, code: string): boolean {
  return codeLists.lists[key].items.some((i) => i.code === code);
}

/** The label for a code, or undefined for a code the list does not know. */
export function codeLabel(codeLists: CodeLists, key: CodeListKey, code: string): string | undefined {
  return codeLists.lists[key].items.find((i) => i.code === code)?.label;
}

/** The code for a label as printed on forms and spreadsheets (used when importing). */
export function codeForLabel(codeLists: CodeLists, key: CodeListKey, label: string): string | undefined {
  const wanted = label.trim();
  return codeLists.lists[key].items.find((i) => i.label === wanted)?.code;
}
