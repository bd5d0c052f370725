// First run: the office, its keys and its first administrator, who is signed in on the seat that created it.
import type { AppContext } from '../app/context';
import { createOffice } from '../app/context';
import { currentSeat } from '../app/session';
import { audit, nowIso } from '../audit/audit';
import type { AdminInit, InitResult } from '../contract/schemas/accounts';
import type { OfficeInit } from '../identity/identity';
import { personOf, requireUser, userChange } from './users';
import { AppError } from '../contract/errors';
import { officeCodeLevelProblem } from '../contract/schemas/office';

export async function initOffice(
  ctx: AppContext,
  init: OfficeInit,
  admin: AdminInit,
  opts: { kdfLogN?: number } = {},
): Promise<InitResult> {
  const problem = officeCodeLevelProblem(init.code, init.level);
  if (problem) throw new AppError('INVALID_ARGS', problem, { code: problem });
  const { office, recoveryCode } = await createOffice(ctx, init, admin, opts.kdfLogN);
  const seat = currentSeat() ?? ctx.seat;
  const at = nowIso(ctx);
  const record = userChange(admin.login, {
    login: admin.login,
    name: admin.name,
    role: 'admin',
    disabled: false,
    mustChangePassword: false,
    createdAt: at,
    lastSignIn: at,
  });
  audit(ctx, { action: 'user.add', target: `人员 ${admin.login}`, detail: `首位系统管理员：${admin.name}` }, [record], admin.login);
  seat.person = personOf(requireUser(ctx.store!, admin.login));
  seat.lastActive = ctx.clock();
  return { office, admin: admin.login, recoveryCode };
}
