// 登记强制报告: who reported, about which child, what, and when. The child may not be in the ledger yet: then its
// name and township are enough, and the report is linked to the record later.
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  reportCodeLists,
  type ReportChildOption,
  type ReportCreate,
} from '../../../../../electron/contract/schemas/report';
import { useApi } from '../../../api/client';
import { toApiError } from '../../../api/api-error';
import { Field } from '../../../components/form/field';
import { Page } from '../../../components/page';
import { ChildPicker } from './child-picker';
import { nowMoment } from './report-format';
import { useFormDraft } from '../../../hooks/use-form-draft';

type Errors = Record<string, string>;

/** Enter in a one-line field moves on instead of sending a half-filled report. */
export function enterNeverSubmits(e: KeyboardEvent<HTMLFormElement>) {
  const target = e.target as HTMLElement;
  if (e.key === 'Enter' && target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'submit') e.preventDefault();
}

export function ReportNewPage() {
  const api = useApi();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const presetId = params.get('childId');
  const [child, setChild] = useState<Pick<ReportChildOption, 'id' | 'name'> | null>(
    presetId ? { id: presetId, name: params.get('name') ?? '' } : null,
  );
  const [unlisted, setUnlisted] = useState(false);
  const [form, setForm, formDraft] = useFormDraft('report:new', () => ({
    childName: '',
    township: '',
    village: '',
    reporterType: '',
    reporterName: '',
    reporterUnit: '',
    reporterPhone: '',
    description: '',
    reportedAt: nowMoment(),
  }));
  const [situations, setSituations, situationsDraft] = useFormDraft<string[]>('report:new:situations', []);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState('');
  const [saving, setSaving] = useState(false);

  const change = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    if (!child && !unlisted) {
      setErrors({ childId: '请先在台账中查找并选择儿童，或勾选“尚未录入台账”' });
      setFormError('报告内容不完整，请按提示补充。');
      return;
    }
    const args: ReportCreate = {
      ...form,
      situations,
      ...(child && !unlisted ? { childId: child.id } : {}),
    };
    setSaving(true);
    try {
      const created = await api.invoke('reports.create', args);
      formDraft.clear();
      situationsDraft.clear();
      navigate(`/ledger/reports/${created.id}`);
    } catch (err) {
      const apiError = toApiError(err);
      setErrors(apiError.fields ?? {});
      setFormError(apiError.fields ? '报告内容不完整，请按提示修改。' : apiError.message);
      setSaving(false);
    }
  };

  return (
    <Page title="登记强制报告">
      <p className="explain">
        接到学校、医疗机构、村（居）委会等的报告后立即登记。报告时间请填实际接报的时间，出警、评估等时限从这一刻算起。
      </p>
      {formError && (
        <div className="form-error" role="alert">
          {formError}
        </div>
      )}
      <form noValidate onSubmit={submit} onKeyDown={enterNeverSubmits} aria-label="强制报告">
        <fieldset className="form-section">
          <legend>被报告儿童</legend>
          {child && !unlisted ? (
            <p>
              已关联台账儿童：<strong>{child.name || '（已选择）'}</strong>{' '}
              <button type="button" className="button small" onClick={() => setChild(null)}>
                重新选择
              </button>
            </p>
          ) : (
            !unlisted && <ChildPicker onPick={(c) => setChild(c)} />
          )}
          {errors.childId && <p className="field-error">{errors.childId}</p>}
          <label className="check">
            <input type="checkbox" checked={unlisted} onChange={(e) => setUnlisted(e.target.checked)} />
            儿童尚未录入台账（先登记姓名和所在乡镇，以后再关联）
          </label>
          {unlisted && (
            <div className="field-row">
              <Field label="儿童姓名" error={errors.childName}>
                <input className="input" value={form.childName} onChange={change('childName')} />
              </Field>
              <Field label="乡镇（街道）" error={errors.township}>
                <input className="input" value={form.township} onChange={change('township')} />
              </Field>
              <Field label="村（居）" error={errors.village}>
                <input className="input" value={form.village} onChange={change('village')} />
              </Field>
            </div>
          )}
        </fieldset>

        <fieldset className="form-section">
          <legend>报告人</legend>
          <div className="field-row">
            <Field label="报告主体" error={errors.reporterType}>
              <select className="input input-select" value={form.reporterType} onChange={change('reporterType')}>
                <option value="">请选择</option>
                {reportCodeLists.reporterTypes.map((i) => (
                  <option key={i.code} value={i.code}>
                    {i.label}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="报告单位" error={errors.reporterUnit}>
              <input className="input" value={form.reporterUnit} onChange={change('reporterUnit')} />
            </Field>
          </div>
          <div className="field-row">
            <Field label="报告人姓名" error={errors.reporterName}>
              <input className="input" value={form.reporterName} onChange={change('reporterName')} />
            </Field>
            <Field label="报告人电话" error={errors.reporterPhone}>
              <input className="input" inputMode="tel" value={form.reporterPhone} onChange={change('reporterPhone')} />
            </Field>
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>报告内容</legend>
          <fieldset className="checks" aria-describedby={errors.situations ? 'situations-error' : undefined}>
            <legend>报告情形（可多选）</legend>
            {reportCodeLists.situations.map((i) => (
              <label key={i.code} className="check">
                <input
                  type="checkbox"
                  checked={situations.includes(i.code)}
                  onChange={(e) =>
                    setSituations((s) => (e.target.checked ? [...s, i.code] : s.filter((c) => c !== i.code)))
                  }
                />
                {i.label}
              </label>
            ))}
            {errors.situations && (
              <p id="situations-error" className="field-error">
                {errors.situations}
              </p>
            )}
          </fieldset>
          <Field label="情况描述" error={errors.description}>
            <textarea className="input" rows={4} value={form.description} onChange={change('description')} />
          </Field>
          <Field label="报告时间" hint="实际接到报告的日期和时间" error={errors.reportedAt}>
            <input
              type="datetime-local"
              className="input input-select"
              value={form.reportedAt}
              onChange={change('reportedAt')}
            />
          </Field>
        </fieldset>

        <div className="form-actions">
          <button type="submit" className="button primary" disabled={saving}>
            {saving ? '正在保存…' : '保存报告'}
          </button>{' '}
          <Link className="button" to="/ledger/reports">
            取消
          </Link>
        </div>
      </form>
    </Page>
  );
}
