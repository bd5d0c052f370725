// First run: the office says who it is and names its first administrator. Until this is done the app shows nothing
// else; the recovery code follows (RecoveryCodePage). Enter never sends a half-filled form: on an incomplete form it
// checks the current field and moves on instead.
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useApi } from '../../api/client';
import { toApiError } from '../../api/api-error';
import { allOfficeLevels, officeLevelNames, type InitResult, type OfficeLevel } from '../../api/contract-values';
import { Field } from '../../components/form/field';
import { PasswordPair } from '../../components/form/password-pair';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { passwordRuleHint } from '../account/new-password';
import {
  checkDraft,
  emptyDraft,
  fieldOfServerPath,
  setupFields,
  type SetupDraft,
  type SetupErrors,
  type SetupField,
} from './setup-form';

interface Props {
  onCreated: (result: InitResult) => void;
}

/** The form control's name for each field (the password pair names its second box itself). */
const controlName = (field: SetupField) => (field === 'confirm' ? 'password-confirm' : field);
const fieldOfControl = (name: string): SetupField | undefined =>
  name === 'password-confirm' ? 'confirm' : setupFields.find((f) => f === name);

export function SetupPage({ onCreated }: Props) {
  useDocumentTitle('首次设置');
  const api = useApi();
  const [draft, setDraft] = useState<SetupDraft>(emptyDraft);
  const [errors, setErrors] = useState<SetupErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const focus = (field: SetupField | undefined) => {
    if (field) form.current?.querySelector<HTMLElement>(`[name="${controlName(field)}"]`)?.focus();
  };

  const fieldError = (next: SetupDraft, field: SetupField) => {
    const check = checkDraft(next);
    return check.ok ? undefined : check.errors[field];
  };

  const change = (field: SetupField, value: string) => {
    const next = { ...draft, [field]: value } as SetupDraft;
    setDraft(next);
    // Once a field shows an error, let it clear as soon as the value is right.
    if (errors[field]) setErrors((e) => ({ ...e, [field]: fieldError(next, field) }));
  };

  const blur = (field: SetupField) => {
    if (draft[field].trim() !== '') setErrors((e) => ({ ...e, [field]: fieldError(draft, field) }));
  };

  const enter = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    const target = event.target as HTMLInputElement;
    const field = fieldOfControl(target.name ?? '');
    if (!field) return;
    const check = checkDraft(draft);
    if (check.ok) return; // complete and valid: Enter submits as usual
    event.preventDefault();
    const own = check.errors[field];
    if (own) {
      setErrors((e) => ({ ...e, [field]: own }));
      return;
    }
    const after = setupFields.slice(setupFields.indexOf(field) + 1);
    focus(after.find((f) => check.errors[f]) ?? setupFields.find((f) => check.errors[f]));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    setFormError(null);
    const check = checkDraft(draft);
    if (!check.ok) {
      setErrors(check.errors);
      focus(setupFields.find((f) => check.errors[f]));
      return;
    }
    setErrors({});
    setSubmitting(true);
    let result: InitResult;
    try {
      result = await api.invoke('office.init', check.value);
    } catch (err) {
      const apiError = toApiError(err);
      const serverErrors: SetupErrors = {};
      for (const [key, message] of Object.entries(apiError.fields ?? {})) {
        const field = fieldOfServerPath(key);
        if (field) serverErrors[field] = message;
      }
      setErrors(serverErrors);
      setFormError(apiError.message);
      setSubmitting(false);
      focus(setupFields.find((f) => serverErrors[f]));
      return;
    }
    onCreated(result);
  };

  const text = (field: SetupField) => ({
    name: controlName(field),
    value: draft[field],
    onChange: (e: { target: { value: string } }) => change(field, e.target.value),
    onBlur: () => blur(field),
  });

  return (
    <div className="setup">
      <main className="setup-card">
        <div className="setup-app">关爱 · 农村留守儿童关爱保护</div>
        <h1>首次使用：填写本单位信息</h1>
        <p className="setup-intro">
          本程序在这台电脑上保存本单位的工作数据。请先填写本单位信息，程序将据此生成本单位的身份标识，用于与上下级单位交换数据时相互核对。
        </p>
        <form ref={form} noValidate onSubmit={submit} onKeyDown={enter} aria-label="本单位信息">
          <fieldset className="form-section">
            <legend>本单位</legend>
            <Field
              label="单位代码"
              hint={
                draft.level === 'unit'
                  ? '联席会议办公室代码-单位标识，如 445200-jiaoyu（由联席会议办公室告知）；设置后在首页导入办公室给的设置文件'
                  : '6 位行政区划代码，如 445200'
              }
              error={errors.code}
            >
              <input
                {...text('code')}
                type="text"
                inputMode={draft.level === 'unit' ? 'text' : 'numeric'}
                autoComplete="off"
                className="input input-code"
              />
            </Field>
            <Field
              label="单位名称"
              hint="填写全称，如 揭阳市农村留守儿童关爱保护工作联席会议办公室"
              error={errors.name}
            >
              <input {...text('name')} type="text" autoComplete="organization" className="input" />
            </Field>
            <Field label="级别" error={errors.level}>
              <select
                {...text('level')}
                onChange={(e) => change('level', e.target.value as OfficeLevel | '')}
                className="input input-select"
              >
                <option value="">请选择</option>
                {allOfficeLevels.map((level) => (
                  <option key={level} value={level}>
                    {officeLevelNames[level]}
                  </option>
                ))}
              </select>
            </Field>
          </fieldset>
          <fieldset className="form-section">
            <legend>系统管理员</legend>
            <p className="explain">
              系统管理员负责添加本单位的工作人员、分配角色和重置密码。请由本单位指定的负责人设置并牢记密码。
            </p>
            <Field label="用户名" hint="登录时使用，以字母开头，如 admin" error={errors.adminLogin}>
              <input
                {...text('adminLogin')}
                type="text"
                autoComplete="username"
                autoCapitalize="off"
                spellCheck={false}
                className="input input-code"
              />
            </Field>
            <Field label="姓名" hint="管理员本人的真实姓名，记入每一条操作记录" error={errors.adminName}>
              <input {...text('adminName')} type="text" autoComplete="name" className="input input-select" />
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
          </fieldset>
          {formError && (
            <div className="form-error" role="alert">
              {formError}
            </div>
          )}
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={submitting}>
              {submitting ? '正在创建……' : '创建本单位'}
            </button>
          </div>
        </form>
      </main>
    </div>
  );
}
