// `guanai audit list` and `guanai audit verify`: the tamper-evident audit trail, for administrators.
import { auditActionLabel, type AuditEntryView, type AuditVerifyResult } from '../../contract/schemas/accounts';
import { AppError } from '../../contract/errors';
import { dispatch } from '../../dispatch/dispatch';
import { callValue, dataOption, jsonOption, printJson, requireData, withContext, type Command } from '../command';

export const auditListCommand: Command = {
  name: 'audit list',
  usage: 'audit list --data DIR [--since YYYY-MM-DD] [--json]',
  summary: '列出审计日志（登录、查看完整信息、导出、打印、导入、交换、人员与设置变更）',
  options: { ...dataOption, ...jsonOption, since: { type: 'string' } },
  async run(args, io) {
    const dataDir = requireData(args, this);
    const since = typeof args.values.since === 'string' ? args.values.since : undefined;
    if (since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(since)) throw new AppError('INVALID_ARGS', '--since 的日期格式应为 年-月-日，如 2026-12-01。');
    const entries = await withContext(dataDir, io, (ctx) =>
      callValue<AuditEntryView[]>(dispatch(ctx, 'audit.list', since ? { from: since } : {})),
    );
    if (args.values.json) printJson(io, entries.map((e) => ({ at: e.at, user: e.user, action: e.action, target: e.target, detail: e.detail })));
    else io.out(entries.map((e) => `${e.at}  ${e.userName}（${e.user}）  ${auditActionLabel(e.action)}  ${e.target}  ${e.detail}\n`).join(''));
    return 0;
  },
};

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  usage: 'audit verify --data DIR [--json]',
  summary: '校验审计日志的链式校验码：有记录被删除、改动或调换顺序时以非零状态退出，并指出第一条有问题的记录',
  options: { ...dataOption, ...jsonOption },
  async run(args, io) {
    const dataDir = requireData(args, this);
    const r = await withContext(dataDir, io, (ctx) => callValue<AuditVerifyResult>(dispatch(ctx, 'audit.verify', {})));
    if (args.values.json) printJson(io, r);
    else if (r.ok) io.out(`审计日志完整，共 ${r.count} 条。\n`);
    else io.err(`审计日志已被改动：${r.firstBad!.message}（第 ${r.firstBad!.n} 条）。\n`);
    return r.ok ? 0 : 1;
  },
};
