// The form for one handling step. Each step's fields are listed once below; the zod schema in
// electron/contract/schemas/report.ts judges them, and its messages come back next to each field.
import { useState, type FormEvent } from 'react';
import {
  assessmentHelp,
  policeMeasures,
  reportCodeLists,
  reportStepLabels,
  type ReportStepInput,
  type ReportStepKind,
} from '../../../../../electron/contract/schemas/report';
import { useApi } from '../../../api/client';
import { toApiError } from '../../../api/api-error';
import { Field } from '../../../components/form/field';
import { enterNeverSubmits } from './report-new-page';
import { nowMoment } from './report-format';

type Option = { code: string; label: string };
type FieldDef =
  | { name: string; label: string; type: 'datetime' | 'date' | 'text' | 'textarea'; hint?: string }
  | { name: string; label: string; type: 'checks' | 'select'; options: readonly Option[] }
  | { name: string; label: string; type: 'bool' };

const FORMS: Record<ReportStepKind, FieldDef[]> = {
  police: [
    { name: 'at', label: '出警时间', type: 'datetime' },
    { name: 'station', label: '出警单位（派出所）', type: 'text' },
    { name: 'officer', label: '出警民警', type: 'text' },
    { name: 'measures', label: '处置措施（可多选）', type: 'checks', options: policeMeasures },
    { name: 'note', label: '处置情况', type: 'textarea' },
  ],
  assessment: [
    { name: 'date', label: '评估日期', type: 'date' },
    { name: 'assessors', label: '评估人员', type: 'text', hint: '如：镇民政办、派出所、村委会' },
    { name: 'safety', label: '安全状况', type: 'textarea' },
    { name: 'guardianship', label: '监护状况', type: 'textarea' },
    { name: 'health', label: '身心健康状况', type: 'textarea' },
    { name: 'help', label: '安排的帮扶（可多选）', type: 'checks', options: assessmentHelp },
    { name: 'note', label: '其他情况', type: 'textarea' },
  ],
  placement: [
    { name: 'at', label: '安置时间', type: 'datetime' },
    { name: 'notNeeded', label: '无需另行安置（监护人已返回或已委托他人照料）', type: 'bool' },
    { name: 'placement', label: '安置方式', type: 'select', options: reportCodeLists.placements },
    { name: 'place', label: '安置地点或接收人', type: 'text' },
    { name: 'note', label: '安置情况', type: 'textarea' },
  ],
  followUp: [
    { name: 'date', label: '回访日期', type: 'date' },
    { name: 'by', label: '回访人', type: 'text' },
    { name: 'note', label: '回访情况', type: 'textarea' },
  ],
  referral: [
    { name: 'date', label: '申请日期', type: 'date' },
    { name: 'court', label: '受理法院', type: 'text' },
    {
      name: 'reason',
      label: '申请事由',
      type: 'textarea',
      hint: '如：父母拒绝履行监护职责六个月以上，申请撤销监护人资格或指定监护人',
    },
    { name: 'note', label: '备注', type: 'textarea' },
  ],
  closing: [
    { name: 'date', label: '结案日期', type: 'date' },
    { name: 'note', label: '结案情况', type: 'textarea' },
  ],
};

type Values = Record<string, string | string[] | boolean>;

function initial(kind: ReportStepKind): Values {
  const v: Values = {};
  for (const f of FORMS[kind]) {
    v[f.name] =
      f.type === 'checks' ? [] : f.type === 'bool' ? false : f.type === 'datetime' ? nowMoment() : f.type === 'date' ? nowMoment().slice(0, 10) : '';
  }
  return v;
}

interface Props {
  reportId: string;
  kind: ReportStepKind;
  onDone: () => void;
  onCancel: () => void;
}

export function StepForm({ reportId, kind, onDone, onCancel }: Props) {
  const api = useApi();
  const [values, setValues] = useState<Values>(() => initial(kind));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const [saving, setSaving] = useState(false);
  const set = (name: string, value: Values[string]) => setValues((v) => ({ ...v, [name]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setSaving(true);
    try {
      await api.invoke('reports.recordStep', { id: reportId, step: { kind, ...values } as ReportStepInput });
      onDone();
    } catch (err) {
      const apiError = toApiError(err);
      const fields: Record<string, string> = {};
      for (const [k, m] of Object.entries(apiError.fields ?? {})) fields[k.replace(/^step\./, '')] = m;
      setErrors(fields);
      setFormError(apiError.message);
      setSaving(false);
    }
  };

  const title = `登记${reportStepLabels[kind]}`;
  return (
    <form noValidate onSubmit={submit} onKeyDown={enterNeverSubmits} aria-label={title} className="step-form">
      <h3>{title}</h3>
      {formError && (
        <div className="form-error" role="alert">
          {formError}
        </div>
      )}
      {FORMS[kind].map((f) => {
        const value = values[f.name];
        if (f.type === 'bool')
          return (
            <label key={f.name} className="check">
              <input type="checkbox" checked={value === true} onChange={(e) => set(f.name, e.target.checked)} />
              {f.label}
            </label>
          );
        if (f.type === 'checks')
          return (
            <fieldset key={f.name} className="checks">
              <legend>{f.label}</legend>
              {f.options.map((o) => (
                <label key={o.code} className="check">
                  <input
                    type="checkbox"
                    checked={(value as string[]).includes(o.code)}
                    onChange={(e) =>
                      set(
                        f.name,
                        e.target.checked ? [...(value as string[]), o.code] : (value as string[]).filter((c) => c !== o.code),
                      )
                    }
                  />
                  {o.label}
                </label>
              ))}
              {errors[f.name] && <p className="field-error">{errors[f.name]}</p>}
            </fieldset>
          );
        if (f.type === 'select')
          return (
            <Field key={f.name} label={f.label} error={errors[f.name]}>
              <select className="input input-select" value={value as string} onChange={(e) => set(f.name, e.target.value)}>
                <option value="">请选择</option>
                {f.options.map((o) => (
                  <option key={o.code} value={o.code}>
                    {o.label}
                  </option>
                ))}
              </select>
            </Field>
          );
        return (
          <Field key={f.name} label={f.label} hint={'hint' in f ? f.hint : undefined} error={errors[f.name]}>
            {f.type === 'textarea' ? (
              <textarea className="input" rows={3} value={value as string} onChange={(e) => set(f.name, e.target.value)} />
            ) : (
              <input
                type={f.type === 'datetime' ? 'datetime-local' : f.type === 'date' ? 'date' : 'text'}
                className={f.type === 'text' ? 'input' : 'input input-select'}
                value={value as string}
                onChange={(e) => set(f.name, e.target.value)}
              />
            )}
          </Field>
        );
      })}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={saving}>
          {saving ? '正在保存…' : '保存'}
        </button>{' '}
        <button type="button" className="button" onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}
