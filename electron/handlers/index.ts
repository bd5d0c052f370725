// Every handler, keyed by channel. `satisfies` makes a missing or extra handler a compile error.
import type { ChannelName } from '../contract/channels';
import { appHandlers } from './app';
import type { HandlerMap } from './types';

export const handlers = {
  ...appHandlers,
} satisfies HandlerMap<ChannelName>;
