// A major matter (重大事项) goes for approval before its task starts: 待报批 → 已批准 (the task is released) or
// 不予批准 (the task is withdrawn). Either way the answer is final and records its date and approver.
import { AppError } from '../../contract/errors';
import { approvalNames, type ApprovalState } from '../../contract/schemas/meetings';
import type { Change } from '../../store/store';
import { cancelTaskChanges, releaseTaskChanges } from '../tasks/task-service';
import { DECISION_ENTITY, type DecisionRecord } from './records';

export interface ApprovalInput {
  outcome: Exclude<ApprovalState, 'pending'>;
  date: string;
  approver: string;
}

export function approvalChanges(
  decision: DecisionRecord,
  meetingDate: string,
  today: string,
  input: ApprovalInput,
): Change[] {
  if (!decision.major) throw new AppError('REFUSED', '该事项不是重大事项，无需报批。');
  if (decision.approval !== 'pending') {
    const done = decision.approval === 'approved' ? approvalNames.approved : `已批复${approvalNames.rejected}`;
    throw new AppError('REFUSED', `该事项${done}，不能再次批复。`);
  }
  if (input.date < meetingDate)
    throw new AppError('VALIDATION', '批复日期不能早于会议日期。', { date: '批复日期不能早于会议日期' });
  if (input.date > today)
    throw new AppError('VALIDATION', '批复日期不能晚于今天。', { date: '批复日期不能晚于今天' });
  const task = decision.taskId;
  return [
    {
      entity: DECISION_ENTITY,
      id: decision.id,
      set: { approval: input.outcome, approvalDate: input.date, approver: input.approver.trim() },
    },
    ...(input.outcome === 'approved'
      ? releaseTaskChanges(task)
      : cancelTaskChanges(task, '重大事项报批未获批准')),
  ];
}
