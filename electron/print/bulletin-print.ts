// The `bulletin` print kind: one issued progress bulletin (工作进展通报) in the official layout. A bulletin is laid
// out once, when it is issued, and kept with its hash (electron/domain/issued): every later print is that page.
import type { AppContext } from '../app/context';
import { requireStore } from '../app/context';
import type { BulletinView } from '../contract/schemas/units';
import { AppError } from '../contract/errors';
import { bulletinDocument, readBulletin } from '../domain/bulletins/bulletin';
import { freezeChange, readIssuedDocument } from '../domain/issued/issued-documents';
import type { Store } from '../store/store';
import type { OfficialDocument } from './document-model';
import { renderOfficialDocument } from './official-document';
import type { PrintArgs, PrintedDocument } from './renderers';

/** The bulletin laid out as the office issues it, with the document it was laid out from. */
export function layOutBulletin(store: Store, b: BulletinView): PrintedDocument & { data: OfficialDocument } {
  const level =
    typeof store.get('body', 'body')?.v.level === 'string'
      ? String(store.get('body', 'body')!.v.level)
      : 'city';
  const demo = store.get('app', 'demo')?.v.isDemo === true;
  const data = bulletinDocument(b, { level, demo });
  return { title: `工作进展通报${b.year}年${b.numberLabel}`, html: renderOfficialDocument(data), data };
}

export async function renderBulletinPrint(ctx: AppContext, args: PrintArgs): Promise<PrintedDocument> {
  const store = requireStore(ctx);
  if (!args.id) throw new AppError('INVALID_ARGS', '请指定要打印的通报。');
  const b = readBulletin(store, args.id);
  const kept = readIssuedDocument(store, 'bulletin', b.id);
  if (kept) return { title: kept.title, html: kept.html };
  const { title, html, data } = layOutBulletin(store, b);
  // Issued before the app kept issued documents: kept from this first print on.
  store.commit(
    [freezeChange(store, { kind: 'bulletin', of: b.id, title, html, data, issuedDate: b.date })],
    ctx.user,
  );
  return { title, html };
}
