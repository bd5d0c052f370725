// Every handler, keyed by channel. `satisfies` makes a missing or extra handler a compile error.
import type { ChannelName } from '../contract/channels';
import { appHandlers } from './app';
import { printHandlers } from './print';
// ── handler imports: one line per area ──
import type { HandlerMap } from './types';

export const handlers = {
  ...appHandlers,
  ...printHandlers,
  // ── handler maps: one line per area ──
} satisfies HandlerMap<ChannelName>;
