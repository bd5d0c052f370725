// People, roles, sign-in and the audit trail: the shapes shared by the contract, the handlers, the CLI and the
// renderer's forms. Pure: zod only.
import { z } from 'zod';
import type { OfficePublic } from '../../identity/identity';

export const roles = ['admin', 'ledger', 'meeting', 'viewer'] as const;
export type Role = (typeof roles)[number];
export const roleNames: Record<Role, string> = {
  admin: '系统管理员',
  ledger: '台账录入',
  meeting: '联席办',
  viewer: '查阅',
};

/** Who may call a channel: nobody signed in yet (sign-in itself, status), anyone signed in, or these roles. */
export type Access = 'public' | readonly Role[];

export const loginSchema = z
  .string({ message: '请填写用户名' })
  .trim()
  .min(2, { message: '用户名至少 2 个字符' })
  .max(32, { message: '用户名不能超过 32 个字符' })
  .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, { message: '用户名以字母开头，只能包含字母、数字、下划线、点和短横线' });
export const personNameSchema = z
  .string({ message: '请填写姓名' })
  .trim()
  .min(1, { message: '请填写姓名' })
  .max(30, { message: '姓名不能超过 30 个字' });
/** 等保 basics: at least 8 characters with letters and digits. */
export const newPasswordSchema = z
  .string({ message: '请填写密码' })
  .min(8, { message: '密码至少 8 位，须同时包含字母和数字' })
  .max(128, { message: '密码不能超过 128 位' })
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), { message: '密码至少 8 位，须同时包含字母和数字' });
/** A password being checked (never validated for strength: old passwords must still be accepted to be changed). */
export const passwordSchema = z.string({ message: '请填写密码' }).min(1, { message: '请填写密码' }).max(128, { message: '密码不能超过 128 位' });
export const roleSchema = z.enum(roles, { message: '角色应为 系统管理员、台账录入、联席办 或 查阅' });

export const adminInitSchema = z
  .object({ login: loginSchema, name: personNameSchema, password: newPasswordSchema }, { message: '请填写首位系统管理员的用户名、姓名和密码' })
  .strict();
export type AdminInit = z.infer<typeof adminInitSchema>;

export const signInSchema = z.object({ login: z.string().trim().min(1, { message: '请填写用户名' }).max(32, { message: '用户名或密码错误' }), password: passwordSchema }).strict();
export const changePasswordSchema = z.object({ currentPassword: passwordSchema, newPassword: newPasswordSchema }).strict();
export const userAddSchema = z
  .object({ login: loginSchema, name: personNameSchema, role: roleSchema, password: newPasswordSchema })
  .strict();
export const userLoginSchema = z.object({ login: loginSchema }).strict();
export const userResetSchema = z.object({ login: loginSchema, password: newPasswordSchema }).strict();
export const userSetRoleSchema = z.object({ login: loginSchema, role: roleSchema }).strict();
export const securitySettingsSchema = z
  .object({
    idleMinutes: z
      .number({ message: '请填写自动锁定的分钟数' })
      .int({ message: '自动锁定的分钟数应为整数' })
      .min(1, { message: '自动锁定时间至少 1 分钟' })
      .max(120, { message: '自动锁定时间不能超过 120 分钟' }),
  })
  .strict();
export type SecuritySettings = z.infer<typeof securitySettingsSchema>;

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 年-月-日' });
export const auditListSchema = z
  .object({
    person: z.string().max(32).optional(),
    action: z.string().max(40).optional(),
    from: dateSchema.optional(),
    to: dateSchema.optional(),
    limit: z.number().int().min(1).max(100000).optional(),
  })
  .strict();
export type AuditListArgs = z.infer<typeof auditListSchema>;

/** The signed-in person as the renderer sees them. */
export interface SessionView {
  login: string;
  name: string;
  role: Role;
  /** An administrator set this password: it must be changed before anything else. */
  mustChangePassword: boolean;
  /** The channels this person may call (from the contract): the UI hides what the role can't do. */
  allowed: string[];
}

export interface UserView {
  login: string;
  name: string;
  role: Role;
  disabled: boolean;
  mustChangePassword: boolean;
  /** ISO time of the last successful sign-in, or null. */
  lastSignIn: string | null;
  createdAt: string;
}

export interface AuditEntryView {
  /** Position in the chain, from 1. */
  n: number;
  at: string;
  /** The acting person's login (`local-user` for history from before accounts). */
  user: string;
  userName: string;
  action: string;
  /** What was acted on, in words (no personal data). */
  target: string;
  detail: string;
}

export interface AuditVerifyResult {
  ok: boolean;
  count: number;
  /** The first entry that breaks the chain, with what is wrong, in Chinese. */
  firstBad?: { n: number; message: string };
}

export interface InitResult {
  office: OfficePublic;
  admin: string;
  /** Shown once: the only way back in when every administrator's password is forgotten. */
  recoveryCode: string;
}

/** Demo only: the people the demo created, shown on its sign-in page. */
export interface DemoAccount {
  login: string;
  name: string;
  role: Role;
  password: string;
}

/** Action names of the audit trail, with their Chinese labels (an own-property lookup: use `auditActionLabel`). */
export const auditActions = {
  'signin.ok': '登录',
  'signin.fail': '登录失败',
  'signin.locked': '登录被暂停',
  'signout': '退出或锁定',
  'password.change': '修改密码',
  'user.add': '新增人员',
  'user.disable': '停用人员',
  'user.enable': '启用人员',
  'user.reset': '重置密码',
  'user.role': '变更角色',
  'user.recover': '用恢复码重置密码',
  'settings.change': '修改设置',
  'view': '查看完整信息',
  'export': '导出',
  'print': '打印',
  'import': '导入',
  'bundle.export': '导出交换包',
  'bundle.import': '导入交换包',
  'path.refused': '拒绝访问文件路径',
  'audit.export': '导出审计日志',
  'migrate': '数据升级加密',
  'forbidden': '越权操作被拒绝',
  'backup.create': '备份数据',
  'backup.restore': '从备份恢复',
  'backup.settings': '修改备份设置',
  'notice.acknowledge': '确认数据提示',
} as const;
export type AuditAction = keyof typeof auditActions;
export const auditActionLabel = (a: string): string =>
  Object.prototype.hasOwnProperty.call(auditActions, a) ? auditActions[a as AuditAction] : a;
