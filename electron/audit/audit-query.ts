// Reading the audit trail for the 审计日志 page, `guanai audit list` and the xlsx export.
import type { AppContext } from '../app/context';
import { requireStore } from '../app/context';
import { displayName } from '../accounts/users';
import { auditActionLabel, type AuditEntryView, type AuditListArgs, type AuditVerifyResult } from '../contract/schemas/accounts';
import { writeXlsx } from '../domain/ledger-excel/write-xlsx';
import { auditKeyOf } from './audit';
import { auditHead, chainedEntries, verifyChain } from './audit-trail';

const day = (iso: string) => iso.slice(0, 10);

/** Legacy entries (before the chain) first, then the chain in order; filtered as asked. */
export function listAudit(ctx: AppContext, args: AuditListArgs): AuditEntryView[] {
  const store = requireStore(ctx);
  const { chained, legacy } = chainedEntries(store);
  const legacyViews: AuditEntryView[] = legacy
    .map((v) => ({
      n: 0,
      at: String(v.at ?? ''),
      user: String(v.user ?? ''),
      action: String(v.action ?? ''),
      target: String(v.target ?? ''),
      detail: [v.channel, v.count !== undefined ? `${String(v.count)} 条` : ''].filter(Boolean).join(' '),
    }))
    .sort((a, b) => (a.at < b.at ? -1 : 1))
    .map((e) => ({ ...e, userName: displayName(store, e.user) }));
  const views = [...legacyViews, ...chained.map((e) => ({ n: e.n, at: e.at, user: e.user, userName: displayName(store, e.user), action: e.action, target: e.target, detail: e.detail }))];
  const person = args.person?.trim().toLowerCase();
  const out = views.filter(
    (e) =>
      (!person || e.user.toLowerCase() === person || e.userName === args.person) &&
      (!args.action || e.action === args.action) &&
      (!args.from || day(e.at) >= args.from) &&
      (!args.to || day(e.at) <= args.to),
  );
  return args.limit ? out.slice(-args.limit) : out;
}

export function verifyAudit(ctx: AppContext): AuditVerifyResult {
  const store = requireStore(ctx);
  const r = verifyChain(chainedEntries(store).chained, auditKeyOf(ctx), auditHead(store));
  return r.ok ? { ok: true, count: r.count } : { ok: false, count: r.count, firstBad: { n: r.n, message: r.message } };
}

export async function auditXlsx(entries: readonly AuditEntryView[]): Promise<Buffer> {
  return writeXlsx(async (wb) => {
    const ws = wb.addWorksheet('审计日志');
    ws.columns = [
      { header: '序号', width: 8 },
      { header: '时间', width: 22 },
      { header: '用户名', width: 14 },
      { header: '姓名', width: 12 },
      { header: '操作', width: 16 },
      { header: '对象', width: 30 },
      { header: '说明', width: 40 },
    ];
    for (const e of entries) {
      ws.addRow([e.n || '', e.at, e.user, e.userName, auditActionLabel(e.action), e.target, e.detail]).commit();
    }
  });
}
