// The first-run form's rules: the shared zod schema, plus plainer words for fields left empty.
import { officeInitSchema, type OfficeInit, type OfficeLevel } from '../../api/contract-values';

export interface OfficeDraft {
  code: string;
  name: string;
  level: OfficeLevel | '';
}
export type OfficeField = keyof OfficeDraft;
export type OfficeErrors = Partial<Record<OfficeField, string>>;

export const officeFields: readonly OfficeField[] = ['code', 'name', 'level'];
export const emptyDraft: OfficeDraft = { code: '', name: '', level: '' };

const emptyMessages: Record<OfficeField, string> = {
  code: '请填写单位代码',
  name: '请填写单位名称',
  level: '请选择级别',
};

export type DraftCheck = { ok: true; value: OfficeInit } | { ok: false; errors: OfficeErrors };

export function checkDraft(draft: OfficeDraft): DraftCheck {
  const parsed = officeInitSchema.safeParse(draft);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: OfficeErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && isOfficeField(field) && !errors[field]) errors[field] = issue.message;
  }
  for (const field of officeFields)
    if (errors[field] && draft[field].trim() === '') errors[field] = emptyMessages[field];
  return { ok: false, errors };
}

export const isOfficeField = (name: string): name is OfficeField =>
  (officeFields as readonly string[]).includes(name);
