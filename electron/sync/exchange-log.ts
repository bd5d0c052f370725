// The exchange log: one local record per bundle exported or imported (refused imports change nothing, so they
// are not logged here; the person sees the refusal on screen).
import type { EntityCounts, ExchangeLogEntry } from '../contract/schemas/exchange';
import type { Change } from '../store/store';
import type { Store } from '../store/store';
import type { JsonValue } from '../store/operation';
import { displayName, PLACEHOLDER_LOGIN } from '../accounts/users';
import { EXCHANGE_LOG_ENTITY } from './local-entities';

export function logChange(id: string, entry: Omit<ExchangeLogEntry, 'id'>): Change {
  const set: Record<string, JsonValue> = {};
  for (const [k, v] of Object.entries(entry)) if (v !== undefined) set[k] = v as unknown as JsonValue;
  return { entity: EXCHANGE_LOG_ENTITY, id, set };
}

export function readLog(store: Store): ExchangeLogEntry[] {
  return Object.entries(store.table(EXCHANGE_LOG_ENTITY))
    .map(([id, r]) => {
      const entry = r.v as unknown as Omit<ExchangeLogEntry, 'id'>;
      return { id, ...entry, byName: displayName(store, entry.by ?? PLACEHOLDER_LOGIN) };
    })
    .sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));
}

export type { EntityCounts };
