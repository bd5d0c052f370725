// The `bulletin` print kind: one issued progress bulletin (工作进展通报) in the official layout.
import type { AppContext } from '../app/context';
import { requireStore } from '../app/context';
import { AppError } from '../contract/errors';
import { bulletinDocument, readBulletin } from '../domain/bulletins/bulletin';
import { renderOfficialDocument } from './official-document';
import type { PrintArgs, PrintedDocument } from './renderers';

export async function renderBulletinPrint(ctx: AppContext, args: PrintArgs): Promise<PrintedDocument> {
  const store = requireStore(ctx);
  if (!args.id) throw new AppError('INVALID_ARGS', '请指定要打印的通报。');
  const b = readBulletin(store, args.id);
  const level = typeof store.get('body', 'body')?.v.level === 'string' ? String(store.get('body', 'body')!.v.level) : 'city';
  const demo = store.get('app', 'demo')?.v.isDemo === true;
  const html = renderOfficialDocument(bulletinDocument(b, { level, demo }));
  return { title: `工作进展通报${b.year}年${b.numberLabel}`, html };
}
