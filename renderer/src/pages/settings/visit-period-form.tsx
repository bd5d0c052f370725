// The visit period behind the 「超过N天未走访」 alert. The channel also carries the turning-16 lead time, which this
// form does not show: it is sent back unchanged so saving the visit period never resets it to its default.
import { useEffect, useState, type FormEvent } from 'react';
import { ledgerSettingsArgs } from '../../../../electron/contract/schemas/ledger';
import { toApiError } from '../../api/api-error';
import { useApi } from '../../api/client';
import { Field } from '../../components/form/field';
import { useQuery } from '../../hooks/use-query';
import { useFormDraft } from '../../hooks/use-form-draft';

/** Empty or non-numeric input reaches the schema as a missing number, so it answers 「请填写走访周期」. */
const toNumber = (raw: string): number | undefined => {
  const v = raw.trim();
  return v === '' || !Number.isFinite(Number(v)) ? undefined : Number(v);
};

export function VisitPeriodForm() {
  const api = useApi();
  const { data, error, refetch } = useQuery('ledger.settings.get', {}, { entities: ['ledgerSettings'] });
  const [draft, setDraft, form] = useFormDraft<string | null>('settings:visitPeriod', null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (data) form.load(String(data.visitPeriodDays));
  }, [data, form.load]);

  if (!data || draft === null) {
    if (!error) return <p role="status">正在读取台账设置……</p>;
    return (
      <div className="form-error">
        <p>{error.message}</p>
        <button type="button" className="button" onClick={() => void refetch()}>
          重新读取台账设置
        </button>
      </div>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setMessage(null);
    const parsed = ledgerSettingsArgs.safeParse({ visitPeriodDays: toNumber(draft), turning16Days: data.turning16Days });
    if (!parsed.success) {
      setFieldError(parsed.error.issues.find((i) => i.path[0] === 'visitPeriodDays')?.message ?? '走访周期不正确');
      return;
    }
    setSaving(true);
    try {
      const saved = await api.invoke('ledger.settings.set', parsed.data);
      form.clear();
      setFieldError(undefined);
      setMessage({ text: `已保存。超过 ${saved.visitPeriodDays} 天未走访的儿童将列入提醒。`, failed: false });
      await refetch();
    } catch (err) {
      const apiError = toApiError(err);
      setFieldError(apiError.fields?.visitPeriodDays);
      setMessage({ text: apiError.message, failed: true });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form noValidate onSubmit={submit} aria-label="走访提醒" className="settings-grid">
      <Field
        label="走访周期（天）"
        hint={`儿童超过这个天数没有走访记录，即在首页和台账中提醒。默认30天，可填1至365天。`}
        error={fieldError}
      >
        <input
          type="number"
          inputMode="numeric"
          min={1}
          max={365}
          step={1}
          className="input input-number"
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            setFieldError(undefined);
          }}
        />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={saving}>
          保存台账设置
        </button>
        {message && (
          <span role={message.failed ? 'alert' : 'status'} className={message.failed ? 'field-error' : 'status-text'}>
            {message.text}
          </span>
        )}
      </div>
    </form>
  );
}
