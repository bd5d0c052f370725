// The one entry for calls from a renderer (Electron IPC or the preview's HTTP) and the CLI: checks the channel,
// validates the argument against the contract, checks who is calling against the channel's declared access, runs
// the handler in the caller's seat, and returns errors as data.
import type { z } from 'zod';
import type { AppContext } from '../app/context';
import { inSeat, type Seat } from '../app/session';
import { findUser, personOf } from '../accounts/users';
import { expireIfIdle } from '../accounts/sign-in';
import { audit } from '../audit/audit';
import { auditDetail, auditedChannels } from '../audit/audited-channels';
import { channels, isChannelName, type ChannelName } from '../contract/channels';
import { AppError, toErrorData, type Result } from '../contract/errors';
import { roleNames } from '../contract/schemas/accounts';
import { fieldLabel } from '../contract/field-labels';
import { isGenericMessage } from '../contract/schemas/zod-messages';
import { handlers } from '../handlers';
import { refuseAtUnitOffice } from './unit-office-access';
import { beforePasswordChange, mayCall } from './access';

/** Field path → first message (Chinese: the contract installs the Chinese zod messages). Keys are for code. */
export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (!Object.hasOwn(fields, key)) fields[key] = issue.message; // own: a key may be a caller's `constructor`
  }
  return fields;
}

/** Refuses a call its seat may not make (also used by CLI commands that read the store directly); refreshes the person from the store (a disabled person's session ends). */
export function admit(ctx: AppContext, seat: Seat, name: ChannelName): void {
  const access = channels[name].access;
  if (access === 'public') return;
  const now = ctx.clock();
  expireIfIdle(ctx, seat);
  if (!seat.person || !ctx.store) throw new AppError('NOT_SIGNED_IN', '请先登录。');
  const user = findUser(ctx.store, seat.person.login);
  if (!user || user.disabled) {
    seat.person = null;
    throw new AppError('NOT_SIGNED_IN', '该账号已停用，请联系系统管理员。');
  }
  seat.person = { ...personOf(user), mustChangePassword: seat.person.mustChangePassword && user.mustChangePassword };
  if (seat.person.mustChangePassword && !beforePasswordChange.has(name)) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED', '这是管理员设置的初始密码，请先修改密码。');
  }
  if (!mayCall(seat.person.role, name)) {
    audit(ctx, { action: 'forbidden', target: name, detail: `角色：${roleNames[seat.person.role]}` }, [], seat.person.login);
    throw new AppError('FORBIDDEN', `无权限：“${roleNames[seat.person.role]}”角色不能进行此项操作。`);
  }
  seat.lastActive = now;
}

/** One sentence for a person: each problem once, led by the field's Chinese name where the message lacks it. */
export function zodMessage(error: z.ZodError, limit = 3): string {
  const seen = new Set<string>();
  for (const issue of error.issues) {
    // A schema's own wording already says what is wrong with what; a generic message needs the field's name.
    const label = isGenericMessage(issue) ? fieldLabel(issue.path) : undefined;
    seen.add(label ? `${label}：${issue.message}` : issue.message);
    if (seen.size >= limit) break;
  }
  return [...seen].join('；') || '填写的内容有误';
}

export async function dispatch(ctx: AppContext, name: unknown, args: unknown, seat: Seat = ctx.seat): Promise<Result<unknown>> {
  if (!isChannelName(name)) {
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: '程序请求了不存在的功能。' } };
  }
  const def = channels[name];
  const parsed = def.args.safeParse(args ?? {});
  if (!parsed.success) {
    const fields = zodFieldErrors(parsed.error);
    return { ok: false, error: { code: 'INVALID_ARGS', message: `填写的内容有误：${zodMessage(parsed.error)}`, fields } };
  }
  return inSeat(seat, async () => {
    try {
      if (def.needsOffice && !ctx.office) {
        throw new AppError('NOT_INITIALISED', '尚未设置本单位信息，请先完成初始设置。');
      }
      admit(ctx, seat, name);
      refuseAtUnitOffice(ctx, name);
      // Public calls that need an office (sign-in) are the ones that open the store: no store check for them.
      if (def.needsOffice && !ctx.store && def.access !== 'public') {
        throw new AppError('NOT_INITIALISED', '尚未设置本单位信息，请先完成初始设置。');
      }
      const handler = handlers[name] as (a: unknown, c: AppContext) => Promise<unknown>;
      const value = await handler(parsed.data, ctx);
      const audited = auditedChannels.get(name);
      if (audited && ctx.store && ctx.keys && (!audited.when || audited.when(value))) {
        audit(ctx, { action: audited.action, target: audited.target, detail: auditDetail(parsed.data) });
      }
      return { ok: true as const, value };
    } catch (err) {
      if (!(err instanceof AppError)) {
        // Only the channel and the error's kind go to the log: messages and stacks may hold personal data.
        process.stderr.write(`[guanai] ${name}: 内部错误 ${(err as Error)?.name ?? typeof err}\n`);
      }
      return { ok: false as const, error: toErrorData(err) };
    }
  });
}
