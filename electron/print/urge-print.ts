// The `urgeNotice` print kind: one 催办通知 (id = the notice) in the official layout, A4.
import type { AppContext } from '../app/context';
import { requireStore } from '../app/context';
import { AppError } from '../contract/errors';
import { TASK_URGE_ENTITY, urgeNumberLabel, urgeOf } from '../domain/tasks/task-service';
import { urgeDocument } from '../domain/tasks/urge-notice';
import { renderOfficialDocument } from './official-document';
import type { PrintArgs, PrintedDocument } from './renderers';

export async function renderUrgePrint(ctx: AppContext, args: PrintArgs): Promise<PrintedDocument> {
  const store = requireStore(ctx);
  if (!args.id) throw new AppError('INVALID_ARGS', '请指定要打印的催办通知。');
  const rec = store.get(TASK_URGE_ENTITY, args.id);
  if (!rec) throw new AppError('NOT_FOUND', '找不到该催办通知。');
  const u = urgeOf(args.id, rec.v);
  const demo = store.get('app', 'demo')?.v.isDemo === true;
  return { title: `催办通知（${urgeNumberLabel(u.year, u.number)}）`, html: renderOfficialDocument(urgeDocument(u, { demo })) };
}
