// The print kind 'statsSummary': options { from, to, township? } → the A4 statistics summary of the office's ledger.
import type { AppContext } from '../app/context';
import { requireStore } from '../app/context';
import { AppError } from '../contract/errors';
import { statsSummarySchema } from '../contract/schemas/stats';
import { localDateTimeOf } from '../domain/reports/deadlines';
import { statsIndex } from '../domain/stats/stats-index';
import { formatChineseDate } from './chinese-date';
import type { PrintArgs, PrintedDocument } from './renderers';
import { renderStatsSummary } from './stats-summary';

export async function printStatsSummary(ctx: AppContext, args: PrintArgs): Promise<PrintedDocument> {
  const store = requireStore(ctx);
  const o = args.options ?? {};
  const parsed = statsSummarySchema.safeParse({
    period: { from: o.from, to: o.to },
    ...(typeof o.township === 'string' && o.township ? { township: o.township } : {}),
  });
  if (!parsed.success) throw new AppError('INVALID_ARGS', '请先选择正确的统计期间，再打印。');
  const summary = statsIndex(store).summary(parsed.data.period, parsed.data.township);
  const now = localDateTimeOf(ctx.clock());
  const officeName = ctx.office?.name ?? '';
  const html = renderStatsSummary(summary, {
    officeName,
    printedBy: `${officeName} ${formatChineseDate(now.slice(0, 10))} ${now.slice(11)} 打印`,
    demo: Boolean(store.get('app', 'demo')?.v.isDemo),
  });
  const { from, to } = parsed.data.period;
  return { title: `留守儿童台账统计表 ${from} 至 ${to}`, html };
}
