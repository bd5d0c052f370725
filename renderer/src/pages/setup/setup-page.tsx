// First run: the office says who it is. Until this is done the app shows nothing else.
// Enter never sends a half-filled form: on an incomplete form it checks the current field and moves on instead.
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useApi } from '../../api/client';
import { toApiError } from '../../api/api-error';
import { officeLevelNames, officeLevels, type OfficeLevel } from '../../api/contract-values';
import { Field } from '../../components/form/field';
import { useDocumentTitle } from '../../hooks/use-document-title';
import {
  checkDraft,
  emptyDraft,
  isOfficeField,
  officeFields,
  type OfficeDraft,
  type OfficeErrors,
  type OfficeField,
} from './office-form';

interface Props {
  onInitialised: () => Promise<void> | void;
}

type Control = HTMLInputElement | HTMLSelectElement;

export function SetupPage({ onInitialised }: Props) {
  useDocumentTitle('首次设置');
  const api = useApi();
  const [draft, setDraft] = useState<OfficeDraft>(emptyDraft);
  const [errors, setErrors] = useState<OfficeErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const controls = useRef<Partial<Record<OfficeField, Control | null>>>({});

  const fieldError = (next: OfficeDraft, field: OfficeField) => {
    const check = checkDraft(next);
    return check.ok ? undefined : check.errors[field];
  };

  const change = (field: OfficeField, value: string) => {
    const next = { ...draft, [field]: value } as OfficeDraft;
    setDraft(next);
    // Once a field shows an error, let it clear as soon as the value is right.
    if (errors[field]) setErrors((e) => ({ ...e, [field]: fieldError(next, field) }));
  };

  const blur = (field: OfficeField) => {
    if (draft[field].trim() !== '') setErrors((e) => ({ ...e, [field]: fieldError(draft, field) }));
  };

  const enter = (field: OfficeField) => (event: KeyboardEvent<Control>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    const check = checkDraft(draft);
    if (check.ok) return; // complete and valid: Enter submits as usual
    event.preventDefault();
    const own = check.errors[field];
    if (own) {
      setErrors((e) => ({ ...e, [field]: own }));
      return;
    }
    const after = officeFields.slice(officeFields.indexOf(field) + 1);
    const next = after.find((f) => check.errors[f]) ?? officeFields.find((f) => check.errors[f]);
    if (next) controls.current[next]?.focus();
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    setFormError(null);
    const check = checkDraft(draft);
    if (!check.ok) {
      setErrors(check.errors);
      const first = officeFields.find((f) => check.errors[f]);
      if (first) controls.current[first]?.focus();
      return;
    }
    setErrors({});
    setSubmitting(true);
    try {
      // The administrator's fields arrive with the accounts work (issue 10); until then the server refuses.
      await api.invoke('office.init', { ...check.value, admin: { login: '', name: '', password: '' } });
    } catch (err) {
      const apiError = toApiError(err);
      const serverErrors: OfficeErrors = {};
      for (const [key, message] of Object.entries(apiError.fields ?? {}))
        if (isOfficeField(key)) serverErrors[key] = message;
      setErrors(serverErrors);
      setFormError(apiError.message);
      setSubmitting(false);
      const first = officeFields.find((f) => serverErrors[f]);
      if (first) controls.current[first]?.focus();
      return;
    }
    await onInitialised();
  };

  return (
    <div className="setup">
      <main className="setup-card">
        <div className="setup-app">关爱 · 农村留守儿童关爱保护</div>
        <h1>首次使用：填写本单位信息</h1>
        <p className="setup-intro">
          本程序在这台电脑上保存本单位的工作数据。请先填写本单位信息，程序将据此生成本单位的身份标识，用于与上下级单位交换数据时相互核对。
        </p>
        <form noValidate onSubmit={submit} aria-label="本单位信息">
          <Field label="单位代码" hint="6 位行政区划代码，如 445200" error={errors.code}>
            <input
              ref={(el) => {
                controls.current.code = el;
              }}
              name="code"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              className="input input-code"
              value={draft.code}
              onChange={(e) => change('code', e.target.value)}
              onBlur={() => blur('code')}
              onKeyDown={enter('code')}
            />
          </Field>
          <Field
            label="单位名称"
            hint="填写全称，如 揭阳市农村留守儿童关爱保护工作联席会议办公室"
            error={errors.name}
          >
            <input
              ref={(el) => {
                controls.current.name = el;
              }}
              name="name"
              type="text"
              autoComplete="organization"
              className="input"
              value={draft.name}
              onChange={(e) => change('name', e.target.value)}
              onBlur={() => blur('name')}
              onKeyDown={enter('name')}
            />
          </Field>
          <Field label="级别" error={errors.level}>
            <select
              ref={(el) => {
                controls.current.level = el;
              }}
              name="level"
              className="input input-select"
              value={draft.level}
              onChange={(e) => change('level', e.target.value as OfficeLevel | '')}
              onBlur={() => blur('level')}
              onKeyDown={enter('level')}
            >
              <option value="">请选择</option>
              {officeLevels.map((level) => (
                <option key={level} value={level}>
                  {officeLevelNames[level]}
                </option>
              ))}
            </select>
          </Field>
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
