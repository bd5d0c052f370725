// Reads one channel and keeps the answer fresh: it refetches when the arguments change and whenever the main
// process says the store changed (or another listed event arrives), and after a sign-in. Older answers never
// overwrite newer ones. Events that arrive while a read is under way are coalesced: one more read follows it, however
// many changes came (an import or a bundle commits in bursts; each page asks again once, not once per commit).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArgsOf, ChannelName, EventName, ResultOf } from '../../../electron/contract/channels';
import { toApiError, type ApiError } from '../api/api-error';
import { NOT_SIGNED_IN, useApi } from '../api/client';

export interface QueryState<T> {
  /** The last good answer; kept while a refetch is running or after it failed. */
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  refetch: () => Promise<void>;
}

export interface QueryOptions {
  /** Events that trigger a refetch. Default: store.changed. */
  refetchOn?: readonly EventName[];
  /** When 'store.changed' names entities, refetch only if one of these changed. Default: any change. */
  entities?: readonly string[];
  /** Don't call at all (the person's role may not: a refused call is recorded in the audit trail). */
  skip?: boolean;
}

const defaultEvents: readonly EventName[] = ['store.changed'];

export function useQuery<K extends ChannelName>(
  name: K,
  args: ArgsOf<K>,
  options: QueryOptions = {},
): QueryState<ResultOf<K>> {
  const api = useApi();
  const [state, setState] = useState<Omit<QueryState<ResultOf<K>>, 'refetch'>>({
    data: undefined,
    error: null,
    loading: true,
  });
  const argsKey = JSON.stringify(args);
  const latest = useRef(0);
  const eventsKey = (options.refetchOn ?? defaultEvents).join(',');
  const entitiesKey = options.entities?.join(',') ?? '';

  const skip = options.skip ?? false;
  /** Reads under way, and whether an event asked for another read meanwhile. */
  const reading = useRef(0);
  const again = useRef(false);
  const current = useRef<() => Promise<void>>(async () => undefined);
  const run = useCallback(async () => {
    const ticket = ++latest.current;
    if (skip) {
      setState({ data: undefined, error: null, loading: false });
      return;
    }
    setState((s) => ({ ...s, loading: true }));
    reading.current++;
    try {
      const data = await api.invoke(name, JSON.parse(argsKey) as ArgsOf<K>);
      if (ticket === latest.current) setState({ data, error: null, loading: false });
    } catch (err) {
      if (ticket !== latest.current) return;
      const error = toApiError(err);
      // Nobody signed in: the frame shows the lock screen and this query runs again after unlocking. The page keeps
      // what it shows (and its forms their input) rather than turning into an error.
      if (error.code === NOT_SIGNED_IN) setState((s) => ({ ...s, loading: false }));
      else setState((s) => ({ data: s.data, error, loading: false }));
    } finally {
      reading.current--;
      if (reading.current === 0 && again.current) {
        again.current = false;
        void current.current();
      }
    }
  }, [api, name, argsKey, skip]);

  useEffect(() => {
    current.current = run;
    void run();
    return () => {
      // A late answer to a query this component no longer shows must not land, nor a read it asked for.
      latest.current++;
      again.current = false;
      current.current = async () => undefined;
    };
  }, [run]);

  /** A read for an event: now, or once after the read under way (changes meanwhile are in the answer then). */
  const refresh = useCallback(() => {
    if (reading.current > 0) again.current = true;
    else void run();
  }, [run]);

  useEffect(() => {
    const wanted = entitiesKey ? entitiesKey.split(',') : null;
    const offs = (eventsKey ? (eventsKey.split(',') as EventName[]) : []).map((event) =>
      api.on(event, (payload) => {
        if (event === 'store.changed' && wanted) {
          const changed = (payload as { entities?: string[] }).entities ?? [];
          if (!changed.some((e) => wanted.includes(e))) return;
        }
        refresh();
      }),
    );
    return () => offs.forEach((off) => off());
  }, [api, refresh, eventsKey, entitiesKey]);

  // After a lock screen or a new sign-in, what was refused while nobody was signed in is read again.
  useEffect(
    () =>
      api.onSession((change) => {
        if (change === 'started') void run();
      }),
    [api, run],
  );

  return { ...state, refetch: run };
}
