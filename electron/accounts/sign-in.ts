// Sign-in, lock and password changes. Every attempt is audited: at once when the store is open, otherwise kept
// beside the keyring and moved into the trail at the next successful sign-in.
import crypto from 'node:crypto';
import type { AppContext } from '../app/context';
import { isLegacyFolder, requireStore, unlockStore } from '../app/context';
import type { Person, Seat } from '../app/session';
import { audit, auditIfOpen, nowIso } from '../audit/audit';
import { auditChanges } from '../audit/audit-trail';
import { AppError } from '../contract/errors';
import type { AuditAction } from '../contract/schemas/accounts';
import { setPersonWrap, unlockWithPassword } from './keyring';
import { clearFailures, clearPending, FREE_FAILURES, pendingAttempts, recordFailure, recordPending, waitFor, waitText } from './signin-guard';
import { readSecurity } from './security-settings';
import { findUser, personOf, userChange } from './users';

const WRONG = '用户名或密码错误。';

function officeCode(ctx: AppContext): string {
  if (!ctx.office) throw new AppError('NOT_INITIALISED', '尚未设置本单位信息，请先完成初始设置。');
  return ctx.office.code;
}

/** Audits a refused attempt now if the store is open, else keeps it for the next successful sign-in. */
function auditAttempt(ctx: AppContext, login: string, action: AuditAction, detail: string): void {
  const shown = login.slice(0, 32);
  if (!auditIfOpen(ctx, { action, target: `用户名 ${shown}`, detail }, shown)) {
    recordPending(ctx.dataDir, { at: nowIso(ctx), login: shown, action, detail });
  }
}

function refuse(ctx: AppContext, login: string, detail: string): never {
  const now = ctx.clock();
  const count = recordFailure(ctx.dataDir, officeCode(ctx), login, now);
  auditAttempt(ctx, login, 'signin.fail', `${detail}（连续第 ${count} 次）`);
  if (count >= FREE_FAILURES) {
    const wait = waitFor(ctx.dataDir, officeCode(ctx), login, now);
    throw new AppError('SIGNIN_FAILED', `${WRONG}已连续失败 ${count} 次，请 ${waitText(wait)}后再试。`);
  }
  throw new AppError('SIGNIN_FAILED', WRONG);
}

/** Checks a person's password and seats them. The first sign-in after start also opens the store. */
export async function signIn(ctx: AppContext, seat: Seat, login: string, password: string): Promise<Person> {
  const office = officeCode(ctx);
  if (isLegacyFolder(ctx)) {
    throw new AppError('NEEDS_SECURING', '这是旧版本的数据文件夹，需要先设置系统管理员并加密数据。');
  }
  const wait = waitFor(ctx.dataDir, office, login, ctx.clock());
  if (wait > 0) {
    auditAttempt(ctx, login, 'signin.locked', `连续失败过多，暂停中`);
    throw new AppError('SIGNIN_PAUSED', `该用户连续登录失败次数过多，请 ${waitText(wait)}后再试。`);
  }
  const dataKey = unlockWithPassword(ctx.dataDir, office, login, password);
  if (!dataKey) refuse(ctx, login, '密码错误或无此用户');
  if (ctx.keys) {
    if (!crypto.timingSafeEqual(dataKey, ctx.keys.dataKey)) refuse(ctx, login, '密钥不符');
  } else {
    await unlockStore(ctx, dataKey);
  }
  const store = requireStore(ctx);
  const user = findUser(store, login);
  if (!user || user.disabled) refuse(ctx, login, user ? '账号已停用' : '无此用户');
  clearFailures(ctx.dataDir, office, login);
  // Attempts made while the data was closed go into the trail first, in the order they happened.
  const pending = pendingAttempts(ctx.dataDir);
  if (pending.length) {
    for (const p of pending) {
      const changes = auditChanges(store, ctx.keys!.auditKey, { action: p.action as AuditAction, target: `用户名 ${p.login}`, detail: `${p.detail}（${p.at}）` }, nowIso(ctx), p.login);
      store.commit(changes, p.login);
    }
    clearPending(ctx.dataDir, pending.length);
  }
  audit(ctx, { action: 'signin.ok', target: `人员 ${user.login}`, detail: user.mustChangePassword ? '须修改初始密码' : '' }, [
    userChange(user.login, { lastSignIn: nowIso(ctx) }),
  ], user.login);
  seat.person = personOf(user);
  seat.lastActive = ctx.clock();
  return seat.person;
}

/** The server side of the idle lock: a seat unused for longer than the setting is signed out. */
export function expireIfIdle(ctx: AppContext, seat: Seat): void {
  if (!seat.person || !ctx.store || !seat.lastActive) return;
  const minutes = readSecurity(ctx.store).idleMinutes;
  if (ctx.clock() - seat.lastActive > minutes * 60_000) endSession(ctx, seat, `空闲超过 ${minutes} 分钟，自动锁定`);
}

/** Ends a seat's session (sign-out, lock, idle). The store stays open for other seats and for autosaves. */
export function endSession(ctx: AppContext, seat: Seat, detail: string): void {
  const person = seat.person;
  if (!person) return;
  seat.person = null;
  auditIfOpen(ctx, { action: 'signout', target: `人员 ${person.login}`, detail }, person.login);
}

export function changeOwnPassword(ctx: AppContext, seat: Seat, currentPassword: string, newPassword: string): Person {
  const person = seat.person;
  if (!person) throw new AppError('NOT_SIGNED_IN', '请先登录。');
  const office = officeCode(ctx);
  const key = unlockWithPassword(ctx.dataDir, office, person.login, currentPassword);
  if (!key || !ctx.keys || !crypto.timingSafeEqual(key, ctx.keys.dataKey)) {
    auditAttempt(ctx, person.login, 'password.change', '当前密码不正确，未修改');
    throw new AppError('VALIDATION', '当前密码不正确。', { currentPassword: '当前密码不正确' });
  }
  if (currentPassword === newPassword) {
    throw new AppError('VALIDATION', '新密码不能与当前密码相同。', { newPassword: '新密码不能与当前密码相同' });
  }
  setPersonWrap(ctx.dataDir, office, person.login, newPassword, ctx.keys.dataKey);
  audit(ctx, { action: 'password.change', target: `人员 ${person.login}`, detail: '' }, [
    userChange(person.login, { mustChangePassword: false }),
  ], person.login);
  seat.person = { ...person, mustChangePassword: false };
  return seat.person;
}
