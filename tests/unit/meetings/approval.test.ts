import { approvalChanges } from '../../../electron/domain/meetings/approval';
import type { DecisionRecord } from '../../../electron/domain/meetings/records';
import { taskStatus } from '../../../electron/domain/tasks/task-service';

const decision = (over: Partial<DecisionRecord> = {}): DecisionRecord => ({
  id: 'd',
  meetingId: 'm',
  order: 1,
  text: '经费纳入预算',
  leadUnitId: 'fin',
  coUnitIds: [],
  deadline: '2025-09-30',
  major: true,
  approval: 'pending',
  approvalDate: null,
  approver: null,
  taskId: 't',
  ...over,
});

describe('approval of a major matter', () => {
  it('approving records date and approver and releases the task', () => {
    const changes = approvalChanges(decision(), '2025-03-20', '2025-04-01', {
      outcome: 'approved',
      date: '2025-03-25',
      approver: '市人民政府',
    });
    expect(changes).toEqual([
      {
        entity: 'decision',
        id: 'd',
        set: { approval: 'approved', approvalDate: '2025-03-25', approver: '市人民政府' },
      },
      { entity: 'task', id: 't', set: { heldForApproval: false } },
    ]);
    expect(taskStatus({ deadline: '2025-09-30', heldForApproval: true }, '2025-03-21')).toBe('待报批');
    expect(taskStatus({ deadline: '2025-09-30', heldForApproval: false }, '2025-03-26')).toBe('未开始');
  });

  it('refusing withdraws the task', () => {
    const changes = approvalChanges(decision(), '2025-03-20', '2025-04-01', {
      outcome: 'rejected',
      date: '2025-03-25',
      approver: '市人民政府',
    });
    expect(changes[0]!.set.approval).toBe('rejected');
    expect(changes[1]).toMatchObject({ entity: 'task', id: 't', set: { cancelled: true } });
  });

  it('answers only once, only for major matters, with a date between the meeting and today', () => {
    const ok = { outcome: 'approved' as const, date: '2025-03-25', approver: '市政府' };
    expect(() => approvalChanges(decision({ approval: 'approved' }), '2025-03-20', '2025-04-01', ok)).toThrow(
      /已批准/,
    );
    expect(() =>
      approvalChanges(decision({ major: false, approval: null }), '2025-03-20', '2025-04-01', ok),
    ).toThrow(/无需报批/);
    expect(() => approvalChanges(decision(), '2025-03-26', '2025-04-01', ok)).toThrow(/早于会议日期/);
    expect(() => approvalChanges(decision(), '2025-03-20', '2025-03-24', ok)).toThrow(/晚于今天/);
  });
});
