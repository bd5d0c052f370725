// Writing to the audit trail from a handler: one entry, durable before the call returns, by the calling person,
// optionally in the same batch as the change it records.
import type { AppContext } from '../app/context';
import { requireStore } from '../app/context';
import { AppError } from '../contract/errors';
import type { Change } from '../store/store';
import { auditChanges, type AuditInput } from './audit-trail';

export function auditKeyOf(ctx: AppContext): Buffer {
  if (!ctx.keys) throw new AppError('NOT_SIGNED_IN', '请先登录。');
  return ctx.keys.auditKey;
}

export const nowIso = (ctx: AppContext) => new Date(ctx.clock()).toISOString();

/** Appends one audit entry (and `with`, the changes it records, in the same all-or-nothing batch). */
export function audit(ctx: AppContext, input: AuditInput, withChanges: Change[] = [], user = ctx.user): void {
  const store = requireStore(ctx);
  store.commit([...withChanges, ...auditChanges(store, auditKeyOf(ctx), input, nowIso(ctx), user)], user);
}

/** The same, only when the store is open (a refused sign-in may come before anything is unlocked). */
export function auditIfOpen(ctx: AppContext, input: AuditInput, user = ctx.user): boolean {
  if (!ctx.store || !ctx.keys) return false;
  audit(ctx, input, [], user);
  return true;
}
