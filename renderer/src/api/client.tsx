// The renderer's typed api client: every call is checked against the contract, and a refused call throws ApiError.
// Components reach the client through ApiProvider, so tests can hand in a fake bridge.
// The client also says when the session ended (a call refused with NOT_SIGNED_IN: the frame shows the lock screen)
// and when one started again (a successful sign-in: open pages read their data afresh).
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type {
  ArgsOf,
  ChannelName,
  EventName,
  Events,
  GuanaiBridge,
  ResultOf,
} from '../../../electron/contract/channels';
import { ApiError, toApiError } from './api-error';

export { ApiError } from './api-error';

export interface ApiClient {
  invoke<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>>;
  on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void;
  /** 'ended': a call was refused because nobody is signed in; 'started': someone signed in (or unlocked). */
  onSession(cb: (change: SessionChange) => void): () => void;
}

export type SessionChange = 'ended' | 'started';
export const NOT_SIGNED_IN = 'NOT_SIGNED_IN';

export function createClient(bridge: GuanaiBridge): ApiClient {
  const sessionListeners = new Set<(change: SessionChange) => void>();
  const tell = (change: SessionChange) => {
    for (const cb of [...sessionListeners]) cb(change);
  };
  return {
    async invoke(name, args) {
      let result;
      try {
        result = await bridge.invoke(name, args);
      } catch (err) {
        throw toApiError(err);
      }
      if (!result.ok) {
        if (result.error.code === NOT_SIGNED_IN) tell('ended');
        throw new ApiError(result.error);
      }
      if (name === 'auth.signIn') tell('started');
      return result.value;
    },
    on: (event, cb) => bridge.on(event, cb),
    onSession(cb) {
      sessionListeners.add(cb);
      return () => {
        sessionListeners.delete(cb);
      };
    },
  };
}

const ApiContext = createContext<ApiClient | null>(null);

export function ApiProvider({ bridge, children }: { bridge: GuanaiBridge; children: ReactNode }) {
  const client = useMemo(() => createClient(bridge), [bridge]);
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi must be used inside <ApiProvider>');
  return client;
}
