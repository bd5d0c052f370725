// 修改密码: the current password, and the new one twice. The rule is checked here with the shared schema before
// anything is sent; the server checks it again and says whether the current password was right.
import { useState, type FormEvent } from 'react';
import { toApiError } from '../../api/api-error';
import { useApi } from '../../api/client';
import type { SessionView } from '../../api/contract-values';
import { Field } from '../../components/form/field';
import { PasswordPair } from '../../components/form/password-pair';
import { checkNewPassword, emptyNewPassword, passwordRuleHint, type NewPasswordErrors } from './new-password';

interface Props {
  onChanged: (session: SessionView) => void | Promise<void>;
}

type Errors = NewPasswordErrors & { current?: string };

export function ChangePasswordForm({ onChanged }: Props) {
  const api = useApi();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState(emptyNewPassword);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const found: Errors = checkNewPassword(next);
    if (!current) found.current = '请填写当前密码';
    else if (next.password && next.password === current) found.password = '新密码不能与当前密码相同';
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const session = await api.invoke('auth.changePassword', {
        currentPassword: current,
        newPassword: next.password,
      });
      setCurrent('');
      setNext(emptyNewPassword);
      setBusy(false);
      await onChanged(session);
    } catch (err) {
      const apiError = toApiError(err);
      setErrors({
        ...(apiError.fields?.currentPassword ? { current: apiError.fields.currentPassword } : {}),
        ...(apiError.fields?.newPassword ? { password: apiError.fields.newPassword } : {}),
      });
      setFormError(apiError.message);
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={submit} aria-label="修改密码">
      <Field label="当前密码" error={errors.current}>
        <input
          name="current-password"
          type="password"
          autoComplete="current-password"
          className="input input-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
      </Field>
      <PasswordPair
        label="新密码"
        hint={passwordRuleHint}
        password={next.password}
        confirm={next.confirm}
        errors={errors}
        onChange={(field, value) => setNext((d) => ({ ...d, [field]: value }))}
      />
      {formError && (
        <div className="form-error" role="alert">
          {formError}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? '正在保存……' : '保存新密码'}
        </button>
      </div>
    </form>
  );
}
