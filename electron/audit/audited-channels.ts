// Calls the audit trail records by themselves when they succeed (those that record more, such as revealing a
// child's record or changing people, audit inside their handler).
import type { ChannelName } from '../contract/channels';
import type { AuditAction } from '../contract/schemas/accounts';

export interface AuditedChannel {
  action: AuditAction;
  target: string;
  /** Only when the result says something happened (a replayed bundle changes nothing, not even the trail). */
  when?: (value: unknown) => boolean;
}

const applied = (v: unknown) => Boolean(v && typeof v === 'object' && (v as { applied?: unknown }).applied === true);

export const auditedChannels = new Map<ChannelName, AuditedChannel>([
  ['print.render', { action: 'print', target: '打印预览' }],
  ['print.pdf', { action: 'print', target: '另存为 PDF' }],
  ['print.print', { action: 'print', target: '打印' }],
  ['ledgerImport.commit', { action: 'import', target: '台账 Excel 导入' }],
  ['exchange.export', { action: 'bundle.export', target: '导出交换包' }],
  ['exchange.import', { action: 'bundle.import', target: '导入交换包', when: applied }],
  ['exchange.trust', { action: 'settings.change', target: '信任单位名片' }],
  ['exchange.revoke', { action: 'settings.change', target: '撤销信任' }],
  ['exchange.transfer', { action: 'export', target: '儿童转移' }],
  ['unitOffice.setupExport', { action: 'bundle.export', target: '导出成员单位设置文件' }],
  ['unitOffice.setupImport', { action: 'bundle.import', target: '导入成员单位设置文件', when: applied }],
  ['ledger.settings.set', { action: 'settings.change', target: '台账设置' }],
  ['reports.settings.set', { action: 'settings.change', target: '强制报告设置' }],
  ['minutes.setSettings', { action: 'settings.change', target: '纪要设置' }],
  ['codelists.extend', { action: 'settings.change', target: '代码表' }],
]);

/** A short description of the call without personal data: the kind and ids, never field values. */
export function auditDetail(args: unknown): string {
  if (!args || typeof args !== 'object') return '';
  const a = args as Record<string, unknown>;
  const parts: string[] = [];
  const labels: [string, string][] = [['kind', '类型'], ['id', '编号'], ['meetingId', '会议'], ['to', '接收单位'], ['importId', '导入批次']];
  for (const [k, label] of labels) {
    const v = a[k];
    if (typeof v === 'string' && v.length <= 80) parts.push(`${label} ${v}`);
  }
  return parts.join(' ');
}
