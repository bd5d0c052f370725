// Who is calling. A seat is one place a person signs in: the desktop window, one browser session of the preview,
// one CLI run. The dispatcher runs every handler inside its caller's seat (AsyncLocalStorage), so `ctx.user` is
// the person of *this* call even when two preview sessions' calls interleave.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Role } from '../contract/schemas/accounts';

export interface Person {
  login: string;
  name: string;
  role: Role;
  mustChangePassword: boolean;
}

export interface Seat {
  person: Person | null;
  /** Clock time of the last call by this seat: the server-side idle lock ends the session after idleMinutes. */
  lastActive: number;
}

export const newSeat = (): Seat => ({ person: null, lastActive: 0 });

const current = new AsyncLocalStorage<Seat>();

export function inSeat<T>(seat: Seat, fn: () => Promise<T>): Promise<T> {
  return current.run(seat, fn);
}

export function currentSeat(): Seat | undefined {
  return current.getStore();
}
