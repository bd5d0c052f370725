// Ledger statistics: one pass over the children, visits and reports held in the store (electron/domain/stats/).
import { requireStore } from '../app/context';
import { summariseLedger } from '../domain/stats/summary';
import type { HandlerMap } from './types';

export const statsHandlers = {
  async 'stats.summary'(args, ctx) {
    const store = requireStore(ctx);
    return summariseLedger({
      children: store.table('child'),
      visits: store.table('visit'),
      reports: store.table('report'),
      period: args.period,
      township: args.township,
    });
  },
} satisfies HandlerMap<'stats.summary'>;
