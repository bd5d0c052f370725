// Messages about a decision's approval read as Chinese: 「该事项已批准」, never 「已已批准」.
import { approvalChanges } from '../../../electron/domain/meetings/approval';
import type { DecisionRecord } from '../../../electron/domain/meetings/records';

const decision = (approval: 'approved' | 'rejected') =>
  ({ id: 'd1', major: true, approval }) as unknown as DecisionRecord;

it('refuses a second approval with one 已', () => {
  const input = { approved: true, date: '2026-03-10', approvedBy: '马儒生' } as unknown as Parameters<
    typeof approvalChanges
  >[3];
  expect(() => approvalChanges(decision('approved'), '2026-03-01', '2026-03-10', input)).toThrow(
    '该事项已批准，不能再次批复。',
  );
  expect(() => approvalChanges(decision('rejected'), '2026-03-01', '2026-03-10', input)).toThrow(
    '该事项已批复不予批准，不能再次批复。',
  );
});
