// Ledger statistics (electron/domain/stats/): counted once per period, then kept per change (stats-index).
import { requireStore } from '../app/context';
import { statsIndex } from '../domain/stats/stats-index';
import type { HandlerMap } from './types';

export const statsHandlers = {
  async 'stats.summary'(args, ctx) {
    return statsIndex(requireStore(ctx)).summary(args.period, args.township);
  },
} satisfies HandlerMap<'stats.summary'>;
