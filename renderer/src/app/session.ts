// The person signed in, for every page under the frame: who they are, what they may call, and the frame's lock and
// sign-out. While the lock screen is up the person stays known here, so pages keep their forms (and unsaved input)
// exactly as they were; the server refuses every call until the person unlocks.
import { createContext, useContext } from 'react';
import type { ChannelName } from '../../../electron/contract/channels';
import type { SessionView } from '../api/contract-values';

export interface SessionValue {
  session: SessionView;
  /** Ends the session and shows the lock screen; the page underneath stays as it is. */
  lock: () => void;
  /** Ends the session and discards the page: the sign-in page follows. */
  signOut: () => void;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside the app frame');
  return value;
}

/** Whether the signed-in person may call this channel: the UI hides what their role can't do. */
export function useCan(channel: ChannelName): boolean {
  const value = useContext(SessionContext);
  return value ? value.session.allowed.includes(channel) : false;
}
