// 备份口令: every backup file is encrypted with it. Typed twice; the rule (10 characters, letters and digits) is the
// server's, whose words are shown as they come.
import { useState, type FormEvent } from 'react';
import { toApiError } from '../../../api/api-error';
import { useApi } from '../../../api/client';
import { Field } from '../../../components/form/field';

interface Props {
  passphraseSet: boolean;
  onSaved: () => Promise<void>;
}

type Errors = { passphrase?: string | undefined; confirm?: string | undefined };

export function PassphraseForm({ passphraseSet, onSaved }: Props) {
  const api = useApi();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setMessage(null);
    if (!passphrase) return setErrors({ passphrase: '请输入备份口令' });
    if (confirm !== passphrase) return setErrors({ confirm: '两次输入的备份口令不一致' });
    setErrors({});
    setSaving(true);
    try {
      await api.invoke('backup.setPassphrase', { passphrase });
      setPassphrase('');
      setConfirm('');
      setMessage({
        text: passphraseSet ? '已更改备份口令。此后的备份使用新口令；此前的备份仍须用原来的口令打开。' : '已设置备份口令。',
        failed: false,
      });
      await onSaved();
    } catch (err) {
      const apiError = toApiError(err);
      setErrors({ passphrase: apiError.fields?.passphrase });
      setMessage({ text: apiError.message, failed: true });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-label="设置备份口令">
      <Field
        label="备份口令"
        hint="至少 10 个字符，须同时包含字母和数字，与登录密码无关。请抄写下来，与恢复码一起存放在单位保险柜中：忘记备份口令，备份就无法打开。"
        error={errors.passphrase}
      >
        <input
          type="password"
          name="backup-passphrase"
          autoComplete="new-password"
          className="input input-password"
          value={passphrase}
          onChange={(e) => {
            setPassphrase(e.target.value);
            setErrors({});
          }}
        />
      </Field>
      <Field label="再次输入备份口令" error={errors.confirm}>
        <input
          type="password"
          name="backup-passphrase-confirm"
          autoComplete="new-password"
          className="input input-password"
          value={confirm}
          onChange={(e) => {
            setConfirm(e.target.value);
            setErrors({});
          }}
        />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={saving}>
          {passphraseSet ? '更改备份口令' : '设置备份口令'}
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
