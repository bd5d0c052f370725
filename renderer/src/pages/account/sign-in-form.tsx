// 用户名 and 密码 (or 密码 alone, for the person of the lock screen), sent to auth.signIn. The server's words are
// shown as they come: 用户名或密码错误, or how long to wait after repeated failures.
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { toApiError, type ApiError } from '../../api/api-error';
import { useApi } from '../../api/client';
import type { SessionView } from '../../api/contract-values';
import { Field } from '../../components/form/field';

interface Props {
  /** The lock screen: the person is known, only the password is asked. */
  login?: string;
  submitLabel: string;
  onSignedIn: (session: SessionView) => void | Promise<void>;
  /** More buttons beside the submit button (切换用户). */
  actions?: ReactNode;
  /**
   * Told of every refusal (the sign-in page looks again at the status when the data could not be opened). Returns
   * true when the page shows the refusal itself, so it is not said twice.
   */
  onRefused?: (error: ApiError) => boolean;
}

export function SignInForm({ login: fixedLogin, submitLabel, onSignedIn, actions, onRefused }: Props) {
  const api = useApi();
  const [login, setLogin] = useState(fixedLogin ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const loginBox = useRef<HTMLInputElement>(null);
  const passwordBox = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (!login.trim()) {
      setError('请填写用户名');
      loginBox.current?.focus();
      return;
    }
    if (!password) {
      setError('请填写密码');
      passwordBox.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    let session: SessionView;
    try {
      session = await api.invoke('auth.signIn', { login: login.trim(), password });
    } catch (err) {
      const refused = toApiError(err);
      setError(onRefused?.(refused) ? null : refused.message);
      setPassword('');
      setBusy(false);
      passwordBox.current?.focus();
      return;
    }
    setPassword('');
    setBusy(false);
    await onSignedIn(session);
  };

  return (
    <form noValidate onSubmit={submit} aria-label={submitLabel}>
      {fixedLogin === undefined && (
        <Field label="用户名">
          <input
            ref={loginBox}
            name="username"
            type="text"
            autoComplete="username"
            autoCapitalize="off"
            spellCheck={false}
            className="input"
            value={login}
            onChange={(e) => setLogin(e.target.value)}
          />
        </Field>
      )}
      <Field label="密码">
        <input
          ref={passwordBox}
          name="password"
          type="password"
          autoComplete="current-password"
          className="input"
          value={password}
          autoFocus={fixedLogin !== undefined}
          onChange={(e) => setPassword(e.target.value)}
        />
      </Field>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? '正在核对……' : submitLabel}
        </button>
        {actions}
      </div>
    </form>
  );
}
