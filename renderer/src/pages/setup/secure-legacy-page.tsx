// A data folder kept by a version from before accounts: nobody can sign in yet, and its data lies on disk in the
// clear. The person opening it names the first administrator; the data is then encrypted and the recovery code
// follows (RecoveryCodePage). Until this is done the app shows nothing else. Old history keeps “本机用户”.
import { useState, type FormEvent } from 'react';
import { useApi } from '../../api/client';
import { toApiError } from '../../api/api-error';
import { adminInitSchema, type InitResult } from '../../api/contract-values';
import { AuthCard } from '../../components/auth/auth-card';
import { Field } from '../../components/form/field';
import { PasswordPair } from '../../components/form/password-pair';
import { checkNewPassword, passwordRuleHint } from '../account/new-password';

interface Props {
  officeName: string;
  onSecured: (result: InitResult) => void;
}

interface Draft {
  login: string;
  name: string;
  password: string;
  confirm: string;
}
type Errors = Partial<Record<keyof Draft, string>>;

const emptyMessages: Errors = { login: '请填写用户名', name: '请填写管理员姓名' };
const own = (errors: Record<string, string> | undefined, key: keyof Draft) =>
  errors && Object.hasOwn(errors, key) ? errors[key] : undefined;

function check(draft: Draft): { ok: true } | { ok: false; errors: Errors } {
  const errors: Errors = {};
  const parsed = adminInitSchema.safeParse({ login: draft.login, name: draft.name, password: draft.password });
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]) as keyof Draft;
      if ((key === 'login' || key === 'name') && !errors[key]) errors[key] = draft[key].trim() ? issue.message : emptyMessages[key];
    }
  Object.assign(errors, checkNewPassword({ password: draft.password, confirm: draft.confirm }));
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true };
}

export function SecureLegacyPage({ officeName, onSecured }: Props) {
  const api = useApi();
  const [draft, setDraft] = useState<Draft>({ login: 'admin', name: '', password: '', confirm: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const change = (field: keyof Draft, value: string) => setDraft((d) => ({ ...d, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    const checked = check(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      onSecured(await api.invoke('office.secureLegacy', { login: draft.login, name: draft.name, password: draft.password }));
    } catch (err) {
      const e = toApiError(err);
      setErrors({ login: own(e.fields, 'login'), name: own(e.fields, 'name'), password: own(e.fields, 'password') });
      setFormError(e.message);
      setBusy(false);
    }
  };

  return (
    <AuthCard title="升级数据文件夹" office={officeName}>
      <p className="setup-intro">
        这个数据文件夹由旧版本建立：还没有登录账号，数据也未加密。请设置本单位的首位系统管理员，程序随即加密全部数据，此后每项操作都记录经办人。此前的历史记录显示为“本机用户”。
      </p>
      <form noValidate onSubmit={submit} aria-label="设置系统管理员">
        <Field label="用户名" hint="登录时使用，以字母开头，如 admin" error={errors.login}>
          <input
            name="login"
            type="text"
            autoComplete="username"
            autoCapitalize="off"
            spellCheck={false}
            className="input input-code"
            value={draft.login}
            onChange={(e) => change('login', e.target.value)}
          />
        </Field>
        <Field label="姓名" hint="管理员本人的真实姓名，记入每一条操作记录" error={errors.name}>
          <input name="name" type="text" autoComplete="name" className="input input-select" value={draft.name} onChange={(e) => change('name', e.target.value)} />
        </Field>
        <PasswordPair
          label="密码"
          hint={passwordRuleHint}
          name="password"
          password={draft.password}
          confirm={draft.confirm}
          errors={errors}
          onChange={change}
        />
        {formError && (
          <div className="form-error" role="alert">
            {formError}
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? '正在加密数据……' : '设置并加密数据'}
          </button>
        </div>
      </form>
    </AuthCard>
  );
}
