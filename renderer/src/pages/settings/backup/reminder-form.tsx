// 备份提醒: after this many days without a backup that left the PC, the home page reminds the administrators.
import { useEffect, useState, type FormEvent } from 'react';
import { setReminderSchema } from '../../../../../electron/contract/schemas/backup';
import { toApiError } from '../../../api/api-error';
import { useApi } from '../../../api/client';
import { Field } from '../../../components/form/field';

const toNumber = (raw: string): number | undefined => {
  const v = raw.trim();
  return v === '' || !Number.isFinite(Number(v)) ? undefined : Number(v);
};

export function ReminderForm({ reminderDays, onSaved }: { reminderDays: number; onSaved: () => Promise<void> }) {
  const api = useApi();
  const [draft, setDraft] = useState(String(reminderDays));
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => setDraft(String(reminderDays)), [reminderDays]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setMessage(null);
    const parsed = setReminderSchema.safeParse({ reminderDays: toNumber(draft) });
    if (!parsed.success) return setFieldError(parsed.error.issues[0]?.message ?? '天数不正确');
    setFieldError(undefined);
    setSaving(true);
    try {
      const saved = await api.invoke('backup.setReminder', parsed.data);
      setMessage({ text: `已保存。超过 ${saved.reminderDays} 天没有备份到本机以外，首页将提醒。`, failed: false });
      await onSaved();
    } catch (err) {
      const apiError = toApiError(err);
      setFieldError(apiError.fields?.reminderDays);
      setMessage({ text: apiError.message, failed: true });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-label="备份提醒" className="settings-grid">
      <Field
        label="提醒间隔（天）"
        hint="超过这个天数没有备份到本机以外（如 U 盘），首页提醒系统管理员。可填 1 至 90 天。"
        error={fieldError}
      >
        <input
          type="number"
          inputMode="numeric"
          min={1}
          max={90}
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
          保存提醒设置
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
