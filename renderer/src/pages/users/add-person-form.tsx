// 新增人员: login, name, role and a first password the administrator sets and hands over; the person must change
// it at their first sign-in.
import { useState, type FormEvent } from 'react';
import { useApi } from '../../api/client';
import { loginSchema, personNameSchema, roleNames, type Role } from '../../api/contract-values';
import { Field } from '../../components/form/field';
import { PasswordPair } from '../../components/form/password-pair';
import { checkNewPassword, emptyNewPassword, passwordRuleHint } from '../account/new-password';
import { FormError, noEnterSubmit, useAction } from '../meetings/use-action';
import { RoleSelect, roleScopes } from './role-select';

interface Props {
  onAdded: (name: string) => void;
}

const empty = { login: '', name: '', role: '' as Role | '', ...emptyNewPassword };

export function AddPersonForm({ onAdded }: Props) {
  const api = useApi();
  const action = useAction();
  const [d, setD] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Record<string, string> = { ...checkNewPassword(d) };
    const login = loginSchema.safeParse(d.login);
    if (!login.success) found.login = login.error.issues[0]?.message ?? '用户名有误';
    const name = personNameSchema.safeParse(d.name);
    if (!name.success) found.name = name.error.issues[0]?.message ?? '请填写姓名';
    if (!d.role) found.role = '请选择角色';
    setErrors(found);
    if (Object.keys(found).length > 0 || !d.role) return;
    const role = d.role;
    const ok = await action.run(() =>
      api.invoke('users.add', { login: d.login.trim(), name: d.name.trim(), role, password: d.password }),
    );
    if (ok) {
      onAdded(d.name.trim());
      setD(empty);
    }
  };

  const shown = { ...errors, ...action.errors };
  return (
    <form
      noValidate
      onSubmit={submit}
      onKeyDown={noEnterSubmit}
      aria-label="新增人员"
      className="form-section"
    >
      <div className="field-row">
        <Field label="用户名" hint="登录时使用，以字母开头，如 zhangsan" error={shown.login}>
          <input
            name="login"
            className="input"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            value={d.login}
            onChange={(e) => setD({ ...d, login: e.target.value })}
          />
        </Field>
        <Field label="姓名" hint="本人的真实姓名，记入其每一条操作记录" error={shown.name}>
          <input
            name="name"
            className="input"
            value={d.name}
            onChange={(e) => setD({ ...d, name: e.target.value })}
          />
        </Field>
      </div>
      <Field
        label="角色"
        hint={d.role ? `${roleNames[d.role]}：${roleScopes[d.role]}` : undefined}
        error={shown.role}
      >
        <RoleSelect value={d.role} onChange={(role) => setD({ ...d, role })} />
      </Field>
      <div className="field-row">
        <PasswordPair
          label="初始密码"
          hint={`${passwordRuleHint}；本人首次登录时必须改为自己的密码`}
          password={d.password}
          confirm={d.confirm}
          errors={shown}
          onChange={(field, value) => setD({ ...d, [field]: value })}
        />
      </div>
      <FormError message={action.message} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={action.busy}>
          新增人员
        </button>
      </div>
    </form>
  );
}
