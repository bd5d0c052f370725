// One audit entry for something that happened outside a handler's own commit (a refused path, …).
import type { AppContext } from '../app/context';
import { auditChanges, type AuditInput } from './audit-trail';

/**
 * The key that MACs the audit chain. PLACEHOLDER until the office's keys are wired into the context (issue 10,
 * point 5): 32 zero bytes. Replace the body, not the callers.
 */
export function auditKeyOf(_ctx: AppContext): Buffer {
  return Buffer.alloc(32);
}

/** Appends one entry to the audit chain; before the office exists there is no trail to write to. */
export function auditEvent(ctx: AppContext, input: AuditInput): void {
  const store = ctx.store;
  if (!store) return;
  store.commit(auditChanges(store, auditKeyOf(ctx), input, new Date(ctx.clock()).toISOString(), ctx.user), ctx.user);
}
