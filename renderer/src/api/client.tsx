// The renderer's typed api client: every call is checked against the contract, and a refused call throws ApiError.
// Components reach the client through ApiProvider, so tests can hand in a fake bridge.
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
}

export function createClient(bridge: GuanaiBridge): ApiClient {
  return {
    async invoke(name, args) {
      let result;
      try {
        result = await bridge.invoke(name, args);
      } catch (err) {
        throw toApiError(err);
      }
      if (!result.ok) throw new ApiError(result.error);
      return result.value;
    },
    on: (event, cb) => bridge.on(event, cb),
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
