// Says that the values on screen were brought back from an unsaved draft, and offers to throw it away.
import type { FormDraft } from '../../hooks/use-form-draft';

export function DraftNotice({ draft }: { draft: Pick<FormDraft<unknown>, 'restored' | 'dirty' | 'discard'> }) {
  if (!draft.restored || !draft.dirty) return null;
  return (
    <p className="explain" role="status">
      已恢复上次未保存的填写内容。{' '}
      <button className="button" type="button" onClick={draft.discard}>
        放弃这些内容
      </button>
    </p>
  );
}
