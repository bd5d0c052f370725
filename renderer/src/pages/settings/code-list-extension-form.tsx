// Adding an item to one of the ledger's code lists. Shipped items can never be removed or renamed (records store
// their codes), so the form only adds, and shows what the chosen list already holds to avoid near-duplicates.
import { useState, type FormEvent } from 'react';
import { codeListExtendArgs, type CodeListsView } from '../../../../electron/contract/schemas/ledger';
import { toApiError } from '../../api/api-error';
import { useApi } from '../../api/client';
import { Field } from '../../components/form/field';
import { useQuery } from '../../hooks/use-query';
import { useFormDraft } from '../../hooks/use-form-draft';

type ListKey = keyof CodeListsView['lists'];

export function CodeListExtensionForm() {
  const api = useApi();
  const { data, error, refetch } = useQuery('codelists.get', {}, { entities: ['codeItem'] });
  const [list, setList] = useState<ListKey>('exitReason');
  const [label, setLabel, draft] = useFormDraft('settings:codeItem', '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const [saving, setSaving] = useState(false);

  if (!data) {
    if (!error) return <p role="status">正在读取代码表……</p>;
    return (
      <div className="form-error">
        <p>{error.message}</p>
        <button type="button" className="button" onClick={() => void refetch()}>
          重新读取代码表
        </button>
      </div>
    );
  }

  const current = data.lists[list];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setMessage(null);
    const parsed = codeListExtendArgs.safeParse({ list, label });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setSaving(true);
    try {
      const added = await api.invoke('codelists.extend', parsed.data);
      setErrors({});
      draft.clear('');
      setMessage({ text: `已在「${current.label}」中增补「${added.label}」。`, failed: false });
      await refetch();
    } catch (err) {
      const apiError = toApiError(err);
      setErrors(apiError.fields ?? {});
      setMessage({ text: apiError.message, failed: true });
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <form noValidate onSubmit={submit} aria-label="增补代码表项目" className="settings-grid">
        <Field label="代码表" error={errors.list}>
          <select
            className="input"
            value={list}
            onChange={(e) => {
              setList(e.target.value as ListKey);
              setErrors({});
              setMessage(null);
            }}
          >
            {(Object.keys(data.lists) as ListKey[]).map((key) => (
              <option key={key} value={key}>
                {data.lists[key].label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="新增项目名称" hint="不超过60个字；增补后不能删除或改名，请核对无误再保存。" error={errors.label}>
          <input
            type="text"
            className="input"
            maxLength={60}
            value={label}
            onChange={(e) => {
              setLabel(e.target.value);
              setErrors({});
            }}
          />
        </Field>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={saving}>
            增补
          </button>
          {message && (
            <span role={message.failed ? 'alert' : 'status'} className={message.failed ? 'field-error' : 'status-text'}>
              {message.text}
            </span>
          )}
        </div>
      </form>

      {current.note && <p className="explain">{current.note}</p>}
      <ul aria-label={`「${current.label}」现有项目`} className="code-items">
        {current.items.map((item) => (
          <li key={item.code}>
            {item.label}
            {item.office && <span className="tag">本单位添加</span>}
          </li>
        ))}
      </ul>

      {data.conflicts.length > 0 && (
        <div className="form-error">
          <p>以下本单位增补的项目未能生效：</p>
          <ul>
            {data.conflicts.map((c, i) => (
              <li key={i}>{c.reason}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
