// One change to one person, chosen from their row: 修改角色, 重置密码, 停用 or 启用. People are never deleted:
// every history keeps their name, so someone who leaves is disabled instead.
import { useState, type FormEvent } from 'react';
import { useApi } from '../../api/client';
import { roleNames, type Role, type UserView } from '../../api/contract-values';
import { Field } from '../../components/form/field';
import { PasswordPair } from '../../components/form/password-pair';
import {
  checkNewPassword,
  emptyNewPassword,
  passwordRuleHint,
  type NewPasswordErrors,
} from '../account/new-password';
import { FormError, noEnterSubmit, useAction } from '../meetings/use-action';
import { RoleSelect, roleScopes } from './role-select';

export type PersonAction = 'role' | 'reset' | 'disable' | 'enable';

const titles: Record<PersonAction, string> = {
  role: '修改角色',
  reset: '重置密码',
  disable: '停用',
  enable: '启用',
};

interface Props {
  person: UserView;
  action: PersonAction;
  onDone: (message: string) => void;
  onCancel: () => void;
}

export function PersonActionPanel({ person, action, onDone, onCancel }: Props) {
  const api = useApi();
  const call = useAction();
  const [role, setRole] = useState<Role | ''>(person.role);
  const [pw, setPw] = useState(emptyNewPassword);
  const [errors, setErrors] = useState<NewPasswordErrors & { role?: string }>({});

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const login = person.login;
    if (action === 'role') {
      if (!role) return setErrors({ role: '请选择角色' });
      const r = role;
      if (await call.run(() => api.invoke('users.setRole', { login, role: r })))
        onDone(`${person.name}的角色已改为${roleNames[r]}。`);
    } else if (action === 'reset') {
      const found = checkNewPassword(pw);
      setErrors(found);
      if (Object.keys(found).length > 0) return;
      if (await call.run(() => api.invoke('users.resetPassword', { login, password: pw.password })))
        onDone(`${person.name}的密码已重置。请把新密码当面告知本人，本人下次登录时须改为自己的密码。`);
    } else if (action === 'disable') {
      if (await call.run(() => api.invoke('users.disable', { login })))
        onDone(`${person.name}已停用，不能再登录；其经办的记录仍保留其姓名。`);
    } else if (await call.run(() => api.invoke('users.enable', { login }))) {
      onDone(`${person.name}已重新启用。`);
    }
  };

  const title = `${titles[action]}：${person.name}（${person.login}）`;
  return (
    <form noValidate onSubmit={submit} onKeyDown={noEnterSubmit} aria-label={title} className="form-section">
      <h3>{title}</h3>
      {action === 'role' && (
        <Field label="新角色" hint={role ? roleScopes[role] : ''} error={errors.role}>
          <RoleSelect value={role} onChange={setRole} />
        </Field>
      )}
      {action === 'reset' && (
        <div className="field-row">
          <PasswordPair
            label="新密码"
            hint={`${passwordRuleHint}；本人下次登录时须改为自己的密码`}
            password={pw.password}
            confirm={pw.confirm}
            errors={errors}
            onChange={(field, value) => setPw((d) => ({ ...d, [field]: value }))}
          />
        </div>
      )}
      {action === 'disable' && (
        <p className="explain">
          停用后，{person.name}
          不能再登录本程序。人员不会被删除：台账、纪要和审计日志中其经办的记录仍保留其姓名；需要时可以重新启用。
        </p>
      )}
      {action === 'enable' && <p className="explain">启用后，{person.name}可以用原来的密码再次登录。</p>}
      <FormError message={call.message} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={call.busy}>
          {action === 'disable' ? '确认停用' : action === 'enable' ? '确认启用' : '保存'}
        </button>{' '}
        <button type="button" className="button" onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}
