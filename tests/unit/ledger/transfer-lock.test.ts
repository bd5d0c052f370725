import { CUSTODIAN, TRANSFERRED_AT, transferLockMessage, transferredOut } from '../../../electron/domain/ledger/transfer-lock';
import { CUSTODIAN_FIELD } from '../../../electron/sync/ownership';
import { TRANSFERRED_AT_FIELD } from '../../../electron/sync/transfer';

describe('transferredOut', () => {
  it('reads the very fields the transfer writes', () => {
    expect(CUSTODIAN).toBe(CUSTODIAN_FIELD);
    expect(TRANSFERRED_AT).toBe(TRANSFERRED_AT_FIELD);
  });

  it('is null for a child kept here, and the trace once another office keeps it', () => {
    expect(transferredOut({ 'status.state': 'active' }, '445202')).toBeNull();
    expect(transferredOut({ 'status.state': 'active', custodian: '445202' }, '445202')).toBeNull();
    const v = { 'status.state': 'transferred', 'status.transferTo': '普宁市民政局', 'status.date': '2026-11-20', custodian: '445281', transferredAt: '2026-11-19', 'status.note': '' };
    expect(transferredOut(v, '445202')).toEqual({ to: '普宁市民政局', toCode: '445281', date: '2026-11-19', note: '' });
  });

  it('treats a record marked 转出 without a custodian as closed too', () => {
    const t = transferredOut({ 'status.state': 'transferred', 'status.transferTo': '', 'status.date': '' }, '445202');
    expect(t).not.toBeNull();
    expect(transferLockMessage(t!)).toBe('该儿童已转出至其他单位，档案只读；如需更正请联系接收单位。');
  });
});
