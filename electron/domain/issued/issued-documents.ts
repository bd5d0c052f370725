// Issued documents are frozen. At 印发 a document (a version of the minutes, a progress bulletin, the sign-in sheet of
// a meeting whose minutes are issued) is kept as the page that was printed, the data it was laid out from, and the
// SHA-256 of the page. Every later print returns those very bytes, whatever changed since (the composition, a unit's
// name, the print layout itself): a reprint next year is the paper every unit received. The records are written once,
// in the batch that issues the document, and travel with it in bundles (routing class `downward`). A correction is a
// new document; a frozen one is never rewritten.
import { createHash } from 'node:crypto';
import { AppError } from '../../contract/errors';
import type { JsonValue } from '../../store/operation';
import type { State } from '../../store/state';
import type { Change, Store } from '../../store/store';

export const ISSUED_DOCUMENT_ENTITY = 'issuedDocument';

export const issuedDocumentKinds = ['minutes', 'bulletin', 'signInSheet'] as const;
export type IssuedDocumentKind = (typeof issuedDocumentKinds)[number];

/** One record per document: `minutes:<version id>`, `bulletin:<bulletin id>`, `signInSheet:<meeting id>`. */
export const issuedDocumentId = (kind: IssuedDocumentKind, of: string) => `${kind}:${of}`;

export interface IssuedDocument {
  kind: IssuedDocumentKind;
  /** The minutes version, bulletin or meeting it is the document of. */
  of: string;
  /** Window title and suggested file name. */
  title: string;
  html: string;
  /** What the page was laid out from (the official document or the sign-in sheet, as given to the layout). */
  data: JsonValue;
  /** `sha256:` and the hex digest of the page's UTF-8 bytes. */
  hash: string;
  /** The date it was issued (ISO). */
  issuedDate: string;
}

export const contentHash = (html: string) =>
  `sha256:${createHash('sha256').update(html, 'utf8').digest('hex')}`;

/** A plain JSON copy: what is kept must not share objects with the caller. */
const asJson = (value: unknown): JsonValue => JSON.parse(JSON.stringify(value)) as JsonValue;

/** The change that keeps a document as issued. Refused when that document has already been kept. */
export function freezeChange(
  store: Store,
  doc: Omit<IssuedDocument, 'hash' | 'data'> & { data: unknown },
): Change {
  const id = issuedDocumentId(doc.kind, doc.of);
  if (store.get(ISSUED_DOCUMENT_ENTITY, id))
    throw new AppError('LOCKED', '该文件已经印发存档，不能再次存档或修改。如需修改，请另行更正。');
  return {
    entity: ISSUED_DOCUMENT_ENTITY,
    id,
    set: {
      kind: doc.kind,
      of: doc.of,
      title: doc.title,
      html: doc.html,
      data: asJson(doc.data),
      hash: contentHash(doc.html),
      issuedDate: doc.issuedDate,
    },
  };
}

export const isFrozen = (store: Store, kind: IssuedDocumentKind, of: string) =>
  Boolean(store.get(ISSUED_DOCUMENT_ENTITY, issuedDocumentId(kind, of)));

/** The data a document was laid out from, unchecked (for showing on a page; printing checks the hash). */
export function issuedData(store: Store, kind: IssuedDocumentKind, of: string): JsonValue | null {
  return store.get(ISSUED_DOCUMENT_ENTITY, issuedDocumentId(kind, of))?.v.data ?? null;
}

/**
 * The document as issued, or null when none was kept (documents issued before the app kept them). A page that no
 * longer matches its hash is refused, never printed: it is not what was issued.
 */
export function readIssuedDocument(
  store: Store,
  kind: IssuedDocumentKind,
  of: string,
): IssuedDocument | null {
  const rec = store.get(ISSUED_DOCUMENT_ENTITY, issuedDocumentId(kind, of));
  if (!rec) return null;
  const v = rec.v;
  const html = typeof v.html === 'string' ? v.html : '';
  const hash = typeof v.hash === 'string' ? v.hash : '';
  if (!html || contentHash(html) !== hash)
    throw new AppError(
      'DOCUMENT_DAMAGED',
      '该文件印发时存档的内容与校验值不符，可能已损坏或被改动，不能打印。请从备份恢复，或联系系统管理员。',
    );
  return {
    kind,
    of,
    title: typeof v.title === 'string' ? v.title : '',
    html,
    data: v.data ?? null,
    hash,
    issuedDate: typeof v.issuedDate === 'string' ? v.issuedDate : '',
  };
}

const kindNames: Record<IssuedDocumentKind, string> = {
  minutes: '会议纪要',
  bulletin: '工作进展通报',
  signInSheet: '签到表',
};

/** For `guanai doctor`: every kept page whose hash no longer matches it (edited since it was issued). */
export function issuedDocumentProblems(state: State): string[] {
  const problems: string[] = [];
  for (const rec of Object.values(state.entities[ISSUED_DOCUMENT_ENTITY] ?? {})) {
    const v = rec.v;
    const html = typeof v.html === 'string' ? v.html : '';
    if (html && contentHash(html) === v.hash) continue;
    const kind =
      typeof v.kind === 'string' && Object.hasOwn(kindNames, v.kind)
        ? kindNames[v.kind as IssuedDocumentKind]
        : '文件';
    const title = typeof v.title === 'string' && v.title ? `“${v.title}”` : '';
    problems.push(`印发存档的${kind}${title}与印发时的校验值不符，可能已被改动，不能再打印`);
  }
  return problems;
}
