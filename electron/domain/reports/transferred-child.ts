// A mandatory report about a child this office has transferred out cannot be kept here: the receiving office now
// holds the record and would never see it. But a report is urgent, so the refusal must tell the clerk where the
// report goes instead and that calling the police does not wait for any office's paperwork.
import type { TransferTrace } from '../ledger/transfer-lock';

/** The refusal people read when they try to record a mandatory report for a child transferred out. */
export function transferredReportMessage(t: TransferTrace): string {
  const when = t.date ? `于${t.date}` : '';
  const to = t.to || '接收单位';
  const code = t.toCode ? `（单位代码${t.toCode}）` : '';
  return (
    `该儿童已${when}转出至${to}，由其负责关爱保护，本单位不能登记与其关联的强制报告。` +
    `请立即将报告情况转告${to}${code}；儿童正面临危险或已受到侵害的，无论由哪个单位办理，都必须立即拨打110报警。`
  );
}
