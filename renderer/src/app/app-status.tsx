// The app's status (office, demo flag, counts, store notices) for every page under the frame.
import { createContext, useContext } from 'react';
import type { AppStatus } from '../../../electron/contract/channels';

/** The office's public identity, as the contract carries it. */
export type OfficePublic = NonNullable<AppStatus['office']>;

export interface AppStatusValue {
  status: AppStatus;
  /** Only set once the office exists: the frame shows nothing else before. */
  office: OfficePublic;
  refetch: () => Promise<void>;
}

export const AppStatusContext = createContext<AppStatusValue | null>(null);

export function useAppStatus(): AppStatusValue {
  const value = useContext(AppStatusContext);
  if (!value) throw new Error('useAppStatus must be used inside the app frame');
  return value;
}
