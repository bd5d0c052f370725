// The office's own deadlines for handling a report. The law sets none beyond 立即 (report) and 第一时间 (police), so
// every number here is the office's choice; the starting values are marked as such.
import { useEffect, useState, type FormEvent } from 'react';
import {
  DEFAULT_REPORT_SETTINGS,
  type ReportSettingsValues,
} from '../../../../../electron/contract/schemas/report';
import { useApi } from '../../../api/client';
import { toApiError } from '../../../api/api-error';
import { Field } from '../../../components/form/field';
import { useQuery } from '../../../hooks/use-query';

const FIELDS: Array<{ key: keyof ReportSettingsValues; label: string; unit: string }> = [
  { key: 'policeHours', label: '出警处置时限', unit: '小时（自接报时起）' },
  { key: 'assessmentDays', label: '乡镇评估时限', unit: '日（自接报当日起）' },
  { key: 'placementDays', label: '临时安置时限', unit: '日（自接报时起）' },
  { key: 'followUpDays', label: '跟踪回访周期', unit: '日（每次回访后重新计算）' },
];

type Draft = Record<keyof ReportSettingsValues, string>;

export function ReportSettingsPanel() {
  const api = useApi();
  const { data, refetch } = useQuery('reports.settings.get', {}, { entities: ['reportSettings'] });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');

  useEffect(() => {
    if (data) setDraft(Object.fromEntries(FIELDS.map((f) => [f.key, String(data[f.key])])) as Draft);
  }, [data]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    setMessage('');
    const values = Object.fromEntries(FIELDS.map((f) => [f.key, Number(draft[f.key])])) as ReportSettingsValues;
    try {
      await api.invoke('reports.settings.set', values);
      setErrors({});
      setMessage('已保存。各报告的时限按新设置重新计算。');
      await refetch();
    } catch (err) {
      const apiError = toApiError(err);
      setErrors(apiError.fields ?? {});
      setMessage(apiError.message);
    }
  };

  const d = DEFAULT_REPORT_SETTINGS;
  return (
    <details className="panel">
      <summary>处置时限设置{data?.isDefault ? '（目前使用默认值）' : '（本单位已设定）'}</summary>
      <p className="explain">
        国家只规定发现情况应“立即”报告、公安机关“第一时间”出警，未规定其他具体时限。以下时限由本单位自行设定；
        默认值为出警 {d.policeHours} 小时、评估 {d.assessmentDays} 日、安置 {d.placementDays} 日、每 {d.followUpDays} 日回访一次。
      </p>
      {draft && (
        <form noValidate onSubmit={submit} aria-label="处置时限设置" className="settings-grid">
          {FIELDS.map((f) => (
            <Field key={f.key} label={f.label} hint={f.unit} error={errors[f.key]}>
              <input
                type="number"
                min={1}
                className="input input-number"
                value={draft[f.key]}
                onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
              />
            </Field>
          ))}
          <div className="form-actions">
            <button type="submit" className="button primary">
              保存时限
            </button>
            {message && (
              <span role="status" className="status-text">
                {message}
              </span>
            )}
          </div>
        </form>
      )}
    </details>
  );
}
