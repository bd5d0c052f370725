// Which member unit an office is (issue 14): null at a joint-meeting office. Shared by the task handlers (a unit
// office sees and files only its own tasks) and the unit-office handlers.
import type { AppContext } from '../app/context';
import { AppError } from '../contract/errors';
import { unitIdOf } from '../sync/unit-share';

/** The member unit this office is, or null at a joint-meeting office. */
export function unitScope(ctx: AppContext): string | null {
  return ctx.office?.level === 'unit' ? unitIdOf(ctx.office.code) : null;
}

/** Refuses what only the joint-meeting office does (assign, extend, close, urge, issue). */
export function refuseAtUnit(ctx: AppContext, what: string): void {
  if (unitScope(ctx) !== null) throw new AppError('REFUSED', `成员单位不能${what}，此事由联席会议办公室办理。`);
}
