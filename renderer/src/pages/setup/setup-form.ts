// The first-run form's rules: the office (the shared zod schema) and its first administrator (the shared account
// schemas, and the second password entry repeating the first), with plainer words for fields left empty.
import {
  adminInitSchema,
  officeInitSchema,
  type OfficeInit,
  type OfficeLevel,
} from '../../api/contract-values';
import type { z } from 'zod';
import { checkNewPassword } from '../account/new-password';

export interface SetupDraft {
  code: string;
  name: string;
  level: OfficeLevel | '';
  adminLogin: string;
  adminName: string;
  password: string;
  confirm: string;
}
export type SetupField = keyof SetupDraft;
export type SetupErrors = Partial<Record<SetupField, string>>;
export type SetupValue = OfficeInit & { admin: z.infer<typeof adminInitSchema> };

export const setupFields: readonly SetupField[] = [
  'code',
  'name',
  'level',
  'adminLogin',
  'adminName',
  'password',
  'confirm',
];
export const emptyDraft: SetupDraft = {
  code: '',
  name: '',
  level: '',
  adminLogin: 'admin',
  adminName: '',
  password: '',
  confirm: '',
};

const emptyMessages: Partial<Record<SetupField, string>> = {
  code: '请填写单位代码',
  name: '请填写单位名称',
  level: '请选择级别',
  adminLogin: '请填写用户名',
  adminName: '请填写管理员姓名',
};

/** Where the server's field errors land: its paths are the contract's (`admin.login`), the form's are flat. */
const serverPaths: Record<string, SetupField> = {
  code: 'code',
  name: 'name',
  level: 'level',
  'admin.login': 'adminLogin',
  'admin.name': 'adminName',
  'admin.password': 'password',
};
export const fieldOfServerPath = (path: string): SetupField | undefined =>
  Object.hasOwn(serverPaths, path) ? serverPaths[path] : undefined;

export type DraftCheck = { ok: true; value: SetupValue } | { ok: false; errors: SetupErrors };

export function checkDraft(draft: SetupDraft): DraftCheck {
  const errors: SetupErrors = {};
  const office = officeInitSchema.safeParse({ code: draft.code, name: draft.name, level: draft.level });
  if (!office.success)
    for (const issue of office.error.issues) {
      const field = fieldOfServerPath(String(issue.path[0]));
      if (field && !errors[field]) errors[field] = issue.message;
    }
  const admin = adminInitSchema.safeParse({
    login: draft.adminLogin,
    name: draft.adminName,
    password: draft.password,
  });
  if (!admin.success)
    for (const issue of admin.error.issues) {
      const field = fieldOfServerPath(`admin.${String(issue.path[0])}`);
      if (field && !errors[field]) errors[field] = issue.message;
    }
  const pair = checkNewPassword({ password: draft.password, confirm: draft.confirm });
  if (pair.password && !errors.password) errors.password = pair.password;
  if (pair.confirm) errors.confirm = pair.confirm;
  for (const field of setupFields) {
    const empty = emptyMessages[field];
    if (errors[field] && empty && draft[field].trim() === '') errors[field] = empty;
  }
  if (office.success && admin.success && !pair.confirm)
    return { ok: true, value: { ...office.data, admin: admin.data } };
  return { ok: false, errors };
}
