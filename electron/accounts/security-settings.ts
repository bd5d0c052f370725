// Security settings kept in the store (so they are audited and travel with backups): the idle lock.
import type { SecuritySettings } from '../contract/schemas/accounts';
import type { Change, Store } from '../store/store';

export const SECURITY_ENTITY = 'security';
export const SECURITY_ID = 'settings';
export const DEFAULT_IDLE_MINUTES = 10;

export function readSecurity(store: Store | null): SecuritySettings {
  const v = store?.get(SECURITY_ENTITY, SECURITY_ID)?.v;
  return { idleMinutes: typeof v?.idleMinutes === 'number' ? v.idleMinutes : DEFAULT_IDLE_MINUTES };
}

export const securityChange = (s: SecuritySettings): Change => ({ entity: SECURITY_ENTITY, id: SECURITY_ID, set: { idleMinutes: s.idleMinutes } });
