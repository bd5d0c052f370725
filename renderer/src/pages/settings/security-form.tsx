// 自动锁定时间: after this many minutes without mouse or keyboard input the program locks itself (administrators).
import { useEffect, useState, type FormEvent } from 'react';
import { securitySettingsSchema } from '../../../../electron/contract/schemas/accounts';
import { toApiError } from '../../api/api-error';
import { useApi } from '../../api/client';
import { useAppStatus } from '../../app/app-status';
import { Field } from '../../components/form/field';
import { useQuery } from '../../hooks/use-query';

const toNumber = (raw: string): number | undefined => {
  const v = raw.trim();
  return v === '' || !Number.isFinite(Number(v)) ? undefined : Number(v);
};

export function SecurityForm() {
  const api = useApi();
  const { refetch: refetchStatus } = useAppStatus();
  const { data, error, refetch } = useQuery('security.get', {});
  const [draft, setDraft] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (data) setDraft(String(data.idleMinutes));
  }, [data]);

  if (!data || draft === null) {
    if (!error) return <p role="status">正在读取安全设置……</p>;
    return (
      <div className="form-error">
        <p>{error.message}</p>
      </div>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setMessage(null);
    const parsed = securitySettingsSchema.safeParse({ idleMinutes: toNumber(draft) });
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message ?? '自动锁定时间不正确');
      return;
    }
    setSaving(true);
    try {
      const saved = await api.invoke('security.set', parsed.data);
      setFieldError(undefined);
      setMessage({ text: `已保存。无人操作 ${saved.idleMinutes} 分钟后，程序自动锁定。`, failed: false });
      await Promise.all([refetch(), refetchStatus()]);
    } catch (err) {
      const apiError = toApiError(err);
      setFieldError(apiError.fields?.idleMinutes);
      setMessage({ text: apiError.message, failed: true });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form noValidate onSubmit={submit} aria-label="自动锁定" className="settings-grid">
      <Field
        label="自动锁定时间（分钟）"
        hint="无人操作（不动鼠标、不按键盘）超过这个时间，程序自动锁定，须输入密码才能继续。默认 10 分钟，可填 1 至 120 分钟。"
        error={fieldError}
      >
        <input
          type="number"
          inputMode="numeric"
          min={1}
          max={120}
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
          保存安全设置
        </button>
        {message && (
          <span
            role={message.failed ? 'alert' : 'status'}
            className={message.failed ? 'field-error' : 'status-text'}
          >
            {message.text}
          </span>
        )}
      </div>
    </form>
  );
}
