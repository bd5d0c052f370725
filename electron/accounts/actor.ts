// The name of the person making the current call, for records that keep who did something as written then
// (a report's 经办人): the seat's person, or the placeholder for history from before accounts.
import type { AppContext } from '../app/context';
import { currentSeat } from '../app/session';
import { PLACEHOLDER_NAME } from './users';

export function actorName(ctx: AppContext): string {
  return (currentSeat() ?? ctx.seat).person?.name ?? PLACEHOLDER_NAME;
}
