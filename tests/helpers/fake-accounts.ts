// Sign-in for renderer tests: people with passwords and roles, a session the fake api's app.status reports, and
// auth.signIn / auth.lock / auth.changePassword acting on it as the real handlers would (errors included).
// Each person's `allowed` list is read from the contract, so the tests see exactly the reach the dispatcher enforces.
import type { AppStatus, ChannelName } from '../../electron/contract/channels';
import { channels } from '../../electron/contract/channels';
import { AppError } from '../../electron/contract/errors';
import type { Role, SessionView } from '../../electron/contract/schemas/accounts';
import { fakeStatus, type FakeApi } from './fake-api';

/** The channels a role may call, from the contract. */
export function allowedFor(role: Role): string[] {
  return (Object.keys(channels) as ChannelName[]).filter((name) => {
    const access = channels[name].access;
    return access === 'public' || access.includes(role);
  });
}

export function sessionFor(role: Role, over: Partial<SessionView> = {}): SessionView {
  const people: Record<Role, { login: string; name: string }> = {
    admin: { login: 'admin', name: '王管理' },
    ledger: { login: 'lilu', name: '李录入' },
    meeting: { login: 'zhaolian', name: '赵联席' },
    viewer: { login: 'chenyue', name: '陈查阅' },
  };
  return { ...people[role], role, mustChangePassword: false, allowed: allowedFor(role), ...over };
}

export interface FakePerson {
  session: SessionView;
  password: string;
}

export interface FakeAccounts {
  /** Who the fake server thinks is signed in. */
  readonly session: SessionView | null;
  /** The server ends the session by itself (its own idle limit): the next call is refused with NOT_SIGNED_IN. */
  endSession(): void;
}

export function withAccounts(
  api: FakeApi,
  people: FakePerson[],
  options: { signedIn?: SessionView | null; status?: Partial<AppStatus> } = {},
): FakeAccounts {
  let session: SessionView | null =
    options.signedIn === undefined ? (people[0]?.session ?? null) : options.signedIn;
  const passwords = new Map(people.map((p) => [p.session.login, p]));
  api.handle('app.status', () => fakeStatus({ ...options.status, session }));
  api.handle('auth.signIn', ({ login, password }) => {
    const person = passwords.get(login.trim());
    if (!person || person.password !== password) throw new AppError('SIGNIN_FAILED', '用户名或密码错误');
    session = person.session;
    return session;
  });
  api.handle('auth.lock', () => {
    if (!session) throw new AppError('NOT_SIGNED_IN', '请先登录');
    session = null;
    return { locked: true as const };
  });
  api.handle('auth.changePassword', ({ currentPassword, newPassword }) => {
    const person = session && passwords.get(session.login);
    if (!person || !session) throw new AppError('NOT_SIGNED_IN', '请先登录');
    if (person.password !== currentPassword)
      throw new AppError('VALIDATION', '当前密码不正确', { currentPassword: '当前密码不正确' });
    person.password = newPassword;
    session = { ...session, mustChangePassword: false };
    person.session = session;
    return session;
  });
  return {
    get session() {
      return session;
    },
    endSession() {
      session = null;
    },
  };
}
