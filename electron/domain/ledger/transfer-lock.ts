// A child transferred out to another county stays at the sending office as the read-only trace of the transfer: the
// receiving office now keeps the record, and an edit made here would never reach it (the record is no longer routed
// back), so every change is refused with a message that says whom to contact instead.
import type { JsonValue } from '../../store/operation';

/** Field names written by electron/sync/transfer.ts (kept here so domain code does not import the sync layer). */
export const CUSTODIAN = 'custodian';
export const TRANSFERRED_AT = 'transferredAt';

export interface TransferTrace {
  /** The receiving office's name as written on the transfer (转往单位). */
  to: string;
  /** Its office code, when the transfer was made through data exchange. */
  toCode: string;
  /** Date of the transfer, 'YYYY-MM-DD'. */
  date: string;
  note: string;
}

const s = (v: Record<string, JsonValue>, k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '');

/** The transfer trace when this office has handed the child over to another one, else null. */
export function transferredOut(v: Record<string, JsonValue>, self: string): TransferTrace | null {
  const custodian = s(v, CUSTODIAN);
  const handedOver = custodian !== '' && custodian !== self;
  // A record marked 转出 without a custodian (e.g. imported from an old ledger) is just as closed here.
  const markedOut = s(v, 'status.state') === 'transferred' && custodian !== self;
  if (!handedOver && !markedOut) return null;
  return {
    to: s(v, 'status.transferTo'),
    toCode: custodian,
    date: s(v, TRANSFERRED_AT) || s(v, 'status.date'),
    note: s(v, 'status.note'),
  };
}

/** The refusal people read when they try to change a transferred child's record. */
export function transferLockMessage(t: TransferTrace): string {
  const when = t.date ? `于${t.date}` : '';
  const to = t.to || '其他单位';
  return `该儿童已${when}转出至${to}，档案只读；如需更正请联系接收单位。`;
}
