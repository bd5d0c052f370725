// Handlers for people and protection: sign-in, lock, password changes, the people list, security settings and the
// audit trail. Who may call each is declared in the contract; these check only what depends on the data (the
// last administrator, a login already taken).
import type { AppContext } from '../app/context';
import { requireStore } from '../app/context';
import { currentSeat, type Seat } from '../app/session';
import { removePersonWrap, setPersonWrap } from '../accounts/keyring';
import { readSecurity, securityChange } from '../accounts/security-settings';
import { changeOwnPassword, endSession, signIn } from '../accounts/sign-in';
import { findUser, listUsers, requireUser, userChange } from '../accounts/users';
import { audit, nowIso } from '../audit/audit';
import { auditXlsx, listAudit, verifyAudit } from '../audit/audit-query';
import { AppError } from '../contract/errors';
import { roleNames, type SessionView, type UserView } from '../contract/schemas/accounts';
import { allowedChannels } from '../dispatch/access';
import { refusedAtUnitOffice } from '../dispatch/unit-office-access';
import type { HandlerMap } from './types';

const seatOf = (ctx: AppContext): Seat => currentSeat() ?? ctx.seat;

/** Who is signed in and what they may call here (at a member unit's office, without what such an office refuses). */
export function sessionView(seat: Seat, level?: string): SessionView | null {
  const p = seat.person;
  if (!p) return null;
  const allowed = allowedChannels(p.role);
  return { ...p, allowed: level === 'unit' ? allowed.filter((c) => !refusedAtUnitOffice(c)) : allowed };
}

function enabledAdmins(ctx: AppContext): UserView[] {
  return listUsers(requireStore(ctx)).filter((u) => u.role === 'admin' && !u.disabled);
}

function officeCode(ctx: AppContext): string {
  return ctx.office!.code;
}

export const accountHandlers = {
  async 'auth.signIn'(args, ctx) {
    const seat = seatOf(ctx);
    await signIn(ctx, seat, args.login, args.password);
    return sessionView(seat, ctx.office?.level)!;
  },
  async 'auth.lock'(_args, ctx) {
    endSession(ctx, seatOf(ctx), '退出或锁定');
    return { locked: true as const };
  },
  async 'auth.changePassword'(args, ctx) {
    const seat = seatOf(ctx);
    changeOwnPassword(ctx, seat, args.currentPassword, args.newPassword);
    return sessionView(seat, ctx.office?.level)!;
  },
  async 'security.get'(_args, ctx) {
    return readSecurity(requireStore(ctx));
  },
  async 'security.set'(args, ctx) {
    audit(ctx, { action: 'settings.change', target: '自动锁定时间', detail: `${args.idleMinutes} 分钟` }, [securityChange(args)]);
    return readSecurity(requireStore(ctx));
  },
  async 'users.list'(_args, ctx) {
    return listUsers(requireStore(ctx));
  },
  async 'users.add'(args, ctx) {
    const store = requireStore(ctx);
    if (findUser(store, args.login)) {
      throw new AppError('VALIDATION', `用户名“${args.login}”已被使用（停用的人员也保留其用户名）。`, { login: '该用户名已被使用' });
    }
    setPersonWrap(ctx.dataDir, officeCode(ctx), args.login, args.password, ctx.keys!.dataKey);
    const at = nowIso(ctx);
    audit(ctx, { action: 'user.add', target: `人员 ${args.login}`, detail: `${args.name}，${roleNames[args.role]}` }, [
      userChange(args.login, { login: args.login, name: args.name, role: args.role, disabled: false, mustChangePassword: true, createdAt: at }),
    ]);
    return requireUser(store, args.login);
  },
  async 'users.disable'(args, ctx) {
    const store = requireStore(ctx);
    const u = requireUser(store, args.login);
    if (u.login.toLowerCase() === ctx.user.toLowerCase()) throw new AppError('REFUSED', '不能停用自己的账号。');
    if (u.role === 'admin' && !u.disabled && enabledAdmins(ctx).length <= 1) {
      throw new AppError('REFUSED', '这是唯一在用的系统管理员，不能停用。');
    }
    removePersonWrap(ctx.dataDir, officeCode(ctx), u.login);
    audit(ctx, { action: 'user.disable', target: `人员 ${u.login}`, detail: u.name }, [userChange(u.login, { disabled: true })]);
    return requireUser(store, args.login);
  },
  async 'users.enable'(args, ctx) {
    const store = requireStore(ctx);
    const u = requireUser(store, args.login);
    // The wrap was removed at disabling: re-enabled people get a new first password through a reset.
    audit(ctx, { action: 'user.enable', target: `人员 ${u.login}`, detail: u.name }, [userChange(u.login, { disabled: false, mustChangePassword: true })]);
    return requireUser(store, args.login);
  },
  async 'users.resetPassword'(args, ctx) {
    const store = requireStore(ctx);
    const u = requireUser(store, args.login);
    if (u.disabled) throw new AppError('REFUSED', '该人员已停用，请先启用再重置密码。');
    setPersonWrap(ctx.dataDir, officeCode(ctx), u.login, args.password, ctx.keys!.dataKey);
    audit(ctx, { action: 'user.reset', target: `人员 ${u.login}`, detail: u.name }, [userChange(u.login, { mustChangePassword: true })]);
    return requireUser(store, args.login);
  },
  async 'users.setRole'(args, ctx) {
    const store = requireStore(ctx);
    const u = requireUser(store, args.login);
    if (u.role === 'admin' && args.role !== 'admin' && !u.disabled && enabledAdmins(ctx).length <= 1) {
      throw new AppError('REFUSED', '这是唯一在用的系统管理员，不能改为其他角色。');
    }
    audit(ctx, { action: 'user.role', target: `人员 ${u.login}`, detail: `${roleNames[u.role]} → ${roleNames[args.role]}` }, [
      userChange(u.login, { role: args.role }),
    ]);
    return requireUser(store, args.login);
  },
  async 'audit.list'(args, ctx) {
    return listAudit(ctx, args);
  },
  async 'audit.verify'(_args, ctx) {
    return verifyAudit(ctx);
  },
  async 'audit.exportXlsx'(args, ctx) {
    const entries = listAudit(ctx, args);
    const bytes = await auditXlsx(entries);
    audit(ctx, { action: 'audit.export', target: '审计日志', detail: `${entries.length} 条` });
    return { fileName: `审计日志-${nowIso(ctx).slice(0, 10)}.xlsx`, contentBase64: bytes.toString('base64'), rows: entries.length };
  },
} satisfies HandlerMap<
  | 'auth.signIn'
  | 'auth.lock'
  | 'auth.changePassword'
  | 'security.get'
  | 'security.set'
  | 'users.list'
  | 'users.add'
  | 'users.disable'
  | 'users.enable'
  | 'users.resetPassword'
  | 'users.setRole'
  | 'audit.list'
  | 'audit.verify'
  | 'audit.exportXlsx'
>;
