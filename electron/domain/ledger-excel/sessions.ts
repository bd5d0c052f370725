// Between the preview and the commit an import is held in memory (the file's bytes and the judged rows), so a
// 50,000-row file is read once when nothing changed in between. A change to the store, or to the mapping, makes the
// commit judge the rows again against what is held then.
import type { Store } from '../../store/store';
import type { ColumnMapping } from '../../contract/schemas/ledger-excel';
import type { JsonValue } from '../../store/operation';
import type { ImportAnalysis } from './analyse';
import type { SheetSource } from './read-sheet';

export interface ImportSession {
  id: string;
  fileName: string;
  source: SheetSource;
  overrides: ColumnMapping | undefined;
  /** The values for all rows in force when the rows were judged (field path → stored value). */
  defaults: Readonly<Record<string, JsonValue>>;
  analysis: ImportAnalysis;
  /** The store changed since the rows were judged. */
  stale: boolean;
  release: () => void;
}

const MAX_SESSIONS = 3;
const sessionsByStore = new WeakMap<Store, Map<string, ImportSession>>();

export function putSession(store: Store, s: Omit<ImportSession, 'stale' | 'release'>): ImportSession {
  let map = sessionsByStore.get(store);
  if (!map) sessionsByStore.set(store, (map = new Map()));
  const session: ImportSession = { ...s, stale: false, release: () => undefined };
  session.release = store.onChange(() => {
    session.stale = true;
  });
  map.set(session.id, session);
  while (map.size > MAX_SESSIONS) {
    const [oldest] = map.keys();
    map.get(oldest!)!.release();
    map.delete(oldest!);
  }
  return session;
}

export function getSession(store: Store, id: string): ImportSession | undefined {
  return sessionsByStore.get(store)?.get(id);
}
