// The rule for a new password (the shared zod schema: at least 8 characters with letters and digits) and that the
// second entry repeats the first. Used wherever a password is set: first run, first sign-in, 修改密码, 人员管理.
import { newPasswordSchema } from '../../api/contract-values';

export interface NewPasswordDraft {
  password: string;
  confirm: string;
}
export type NewPasswordErrors = Partial<Record<keyof NewPasswordDraft, string>>;

export const emptyNewPassword: NewPasswordDraft = { password: '', confirm: '' };

export function checkNewPassword(draft: NewPasswordDraft): NewPasswordErrors {
  const errors: NewPasswordErrors = {};
  const parsed = newPasswordSchema.safeParse(draft.password);
  if (!parsed.success) errors.password = parsed.error.issues[0]?.message ?? '密码不符合要求';
  if (!draft.confirm) errors.confirm = '请再输入一遍密码';
  else if (draft.confirm !== draft.password) errors.confirm = '两次输入的密码不一致';
  return errors;
}

export const passwordRuleHint = '至少 8 位，须同时包含字母和数字';
