// Who may call what, read from the contract: one place for IPC, the preview and the CLI, and what the renderer
// is told so it can hide what a person can't do.
import { channels, type ChannelName } from '../contract/channels';
import type { Role } from '../contract/schemas/accounts';

const names = Object.keys(channels) as ChannelName[];

export function mayCall(role: Role, name: ChannelName): boolean {
  const access = channels[name].access;
  return access === 'public' || access.includes(role);
}

const byRole = new Map<Role, string[]>();
export function allowedChannels(role: Role): string[] {
  let list = byRole.get(role);
  if (!list) {
    list = names.filter((n) => mayCall(role, n));
    byRole.set(role, list);
  }
  return list;
}

/** While an administrator-set password is unchanged, only these may be called. */
export const beforePasswordChange = new Set<ChannelName>(['auth.changePassword', 'auth.lock', 'app.status', 'security.get']);
