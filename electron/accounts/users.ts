// People of the office, as records in the store (entity `user`, id = login in lower case): name, role, disabled,
// whether the password must be changed, last sign-in. Kept in the encrypted store so nobody can give themselves a
// role by editing a file; the keyring only proves a password.
import { AppError } from '../contract/errors';
import type { Role, UserView } from '../contract/schemas/accounts';
import type { JsonValue } from '../store/operation';
import type { Change, Store } from '../store/store';
import type { Person } from '../app/session';

export const USER_ENTITY = 'user';
/** History from before accounts carries this login. */
export const PLACEHOLDER_LOGIN = 'local-user';
export const PLACEHOLDER_NAME = '本机用户';

export const userId = (login: string) => login.trim().toLowerCase();

export function findUser(store: Store, login: string): UserView | null {
  const id = userId(login);
  if (!Object.prototype.hasOwnProperty.call(store.table(USER_ENTITY), id)) return null;
  const v = store.get(USER_ENTITY, id)?.v;
  if (!v) return null;
  return {
    login: String(v.login),
    name: String(v.name),
    role: v.role as Role,
    disabled: v.disabled === true,
    mustChangePassword: v.mustChangePassword === true,
    lastSignIn: typeof v.lastSignIn === 'string' ? v.lastSignIn : null,
    createdAt: String(v.createdAt ?? ''),
  };
}

export function requireUser(store: Store, login: string): UserView {
  const u = findUser(store, login);
  if (!u) throw new AppError('NOT_FOUND', `没有用户名为“${login}”的人员。`);
  return u;
}

export function listUsers(store: Store): UserView[] {
  return Object.keys(store.table(USER_ENTITY))
    .map((id) => findUser(store, id)!)
    .filter(Boolean)
    .sort((a, b) => a.login.localeCompare(b.login));
}

export function userChange(login: string, set: Record<string, JsonValue>): Change {
  return { entity: USER_ENTITY, id: userId(login), set };
}

export const personOf = (u: UserView): Person => ({ login: u.login, name: u.name, role: u.role, mustChangePassword: u.mustChangePassword });

/** A login's display name for histories (the placeholder for history from before accounts). */
export function displayName(store: Store, login: string): string {
  if (login === PLACEHOLDER_LOGIN) return PLACEHOLDER_NAME;
  return findUser(store, login)?.name ?? login;
}
