// The record page's dated events: visits, assistance measures and assessments, each a list with its add form.
import { useState, type FormEvent, type ReactNode } from 'react';
import { toApiError } from '../../api/api-error';
import { useApi } from '../../api/client';
import { Field } from '../../components/form/field';
import { useQuery } from '../../hooks/use-query';
import { useCodeLists } from './use-code-lists';
import { useFormDraft } from '../../hooks/use-form-draft';

type Errors = Record<string, string>;
/** readOnly: a child transferred out keeps its events for reference, without the add forms. */
type EventsProps = { childId: string; today: string; readOnly?: boolean };

function useSubmit(run: () => Promise<unknown>, reset: () => void) {
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    try {
      await run();
      setErrors({});
      reset();
    } catch (err) {
      const a = toApiError(err);
      setErrors(a.fields ?? {});
      setMessage(a.message);
    }
  };
  return { errors, message, submit };
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `sec-${title}`;
  return (
    <section aria-labelledby={id} className="record-section">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function VisitsSection({ childId, today, readOnly = false }: EventsProps) {
  const api = useApi();
  const { label, items } = useCodeLists();
  const { data } = useQuery('visits.list', { childId }, { entities: ['visit'] });
  const empty = { date: today, visitor: '', finding: 'normal', note: '', nextDue: '' };
  const [d, setD, draft] = useFormDraft(`visit:${childId}`, empty);
  const { errors, message, submit } = useSubmit(
    () =>
      api.invoke('visits.add', {
        childId,
        date: d.date,
        visitor: d.visitor,
        findings: d.finding ? [d.finding] : [],
        note: d.note,
        nextDue: d.nextDue,
      }),
    () => draft.clear(empty),
  );
  return (
    <Section title="走访记录">
      <table className="record-table">
        <thead>
          <tr>
            <th>走访日期</th>
            <th>走访人</th>
            <th>走访发现</th>
            <th>情况</th>
            <th>下次走访</th>
          </tr>
        </thead>
        <tbody>
          {(data ?? []).map((v) => (
            <tr key={v.id}>
              <td>{v.date}</td>
              <td>{v.visitor}</td>
              <td>{v.findings.map((f) => label('visitFinding', f)).join('、')}</td>
              <td>{v.note}</td>
              <td>{v.nextDue}</td>
            </tr>
          ))}
          {data?.length === 0 && (
            <tr>
              <td colSpan={5} className="pending">
                尚无走访记录
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {!readOnly && (
        <form className="inline-form" noValidate onSubmit={submit} aria-label="登记走访">
          <Field label="走访日期" error={errors.date}>
            <input
              className="input"
              type="date"
              value={d.date}
              onChange={(e) => setD({ ...d, date: e.target.value })}
            />
          </Field>
          <Field label="走访人" error={errors.visitor}>
            <input
              className="input"
              value={d.visitor}
              onChange={(e) => setD({ ...d, visitor: e.target.value })}
            />
          </Field>
          <Field label="走访发现" error={errors.findings}>
            <select
              className="input"
              value={d.finding}
              onChange={(e) => setD({ ...d, finding: e.target.value })}
            >
              {items('visitFinding').map((i) => (
                <option key={i.code} value={i.code}>
                  {i.label}
                </option>
              ))}
            </select>
          </Field>
          <Field label="走访情况" error={errors.note}>
            <input className="input" value={d.note} onChange={(e) => setD({ ...d, note: e.target.value })} />
          </Field>
          <Field label="下次走访日期" error={errors.nextDue}>
            <input
              className="input"
              type="date"
              value={d.nextDue}
              onChange={(e) => setD({ ...d, nextDue: e.target.value })}
            />
          </Field>
          <div className="inline-actions">
            <button className="button primary" type="submit">
              登记走访
            </button>
          </div>
          {message && (
            <p className="field-error" role="alert">
              {message}
            </p>
          )}
        </form>
      )}
    </Section>
  );
}

export function AssistanceSection({ childId, today, readOnly = false }: EventsProps) {
  const api = useApi();
  const { label, items } = useCodeLists();
  const { data } = useQuery('assistance.list', { childId }, { entities: ['assistance'] });
  const empty = { type: '', provider: '', date: today, note: '' };
  const [d, setD, draft] = useFormDraft(`assistance:${childId}`, empty);
  const { errors, message, submit } = useSubmit(
    () => api.invoke('assistance.add', { childId, ...d }),
    () => draft.clear(empty),
  );
  return (
    <Section title="帮扶措施">
      <table className="record-table">
        <thead>
          <tr>
            <th>日期</th>
            <th>措施类型</th>
            <th>帮扶单位</th>
            <th>说明</th>
          </tr>
        </thead>
        <tbody>
          {(data ?? []).map((a) => (
            <tr key={a.id}>
              <td>{a.date}</td>
              <td>{label('supportMeasureType', a.type)}</td>
              <td>{a.provider}</td>
              <td>{a.note}</td>
            </tr>
          ))}
          {data?.length === 0 && (
            <tr>
              <td colSpan={4} className="pending">
                尚无帮扶记录
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {!readOnly && (
        <form className="inline-form" noValidate onSubmit={submit} aria-label="登记帮扶措施">
          <Field label="帮扶日期" error={errors.date}>
            <input
              className="input"
              type="date"
              value={d.date}
              onChange={(e) => setD({ ...d, date: e.target.value })}
            />
          </Field>
          <Field label="帮扶措施类型" error={errors.type}>
            <select className="input" value={d.type} onChange={(e) => setD({ ...d, type: e.target.value })}>
              <option value="">请选择</option>
              {items('supportMeasureType').map((i) => (
                <option key={i.code} value={i.code}>
                  {i.label}
                </option>
              ))}
            </select>
          </Field>
          <Field label="帮扶单位" error={errors.provider}>
            <input
              className="input"
              value={d.provider}
              onChange={(e) => setD({ ...d, provider: e.target.value })}
            />
          </Field>
          <Field label="说明" error={errors.note}>
            <input className="input" value={d.note} onChange={(e) => setD({ ...d, note: e.target.value })} />
          </Field>
          <div className="inline-actions">
            <button className="button primary" type="submit">
              登记帮扶
            </button>
          </div>
          {message && (
            <p className="field-error" role="alert">
              {message}
            </p>
          )}
        </form>
      )}
    </Section>
  );
}

export function AssessmentsSection({ childId, today, readOnly = false }: EventsProps) {
  const api = useApi();
  const { label, items } = useCodeLists();
  const { data } = useQuery('assessments.list', { childId }, { entities: ['assessment'] });
  const empty = { date: today, assessor: '', guardianship: '', safety: '', riskLevel: '', note: '' };
  const [d, setD, draft] = useFormDraft(`assessment:${childId}`, empty);
  const { errors, message, submit } = useSubmit(
    () => api.invoke('assessments.add', { childId, ...d }),
    () => draft.clear(empty),
  );
  return (
    <Section title="评估记录">
      <table className="record-table">
        <thead>
          <tr>
            <th>日期</th>
            <th>评估人</th>
            <th>监护情况</th>
            <th>安全状况</th>
            <th>风险等级</th>
          </tr>
        </thead>
        <tbody>
          {(data ?? []).map((a) => (
            <tr key={a.id}>
              <td>{a.date}</td>
              <td>{a.assessor}</td>
              <td>{label('guardianshipAssessment', a.guardianship)}</td>
              <td>{a.safety}</td>
              <td>{label('riskLevel', a.riskLevel)}</td>
            </tr>
          ))}
          {data?.length === 0 && (
            <tr>
              <td colSpan={5} className="pending">
                尚无评估记录
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {!readOnly && (
        <form className="inline-form" noValidate onSubmit={submit} aria-label="登记评估">
          <Field label="评估日期" error={errors.date}>
            <input
              className="input"
              type="date"
              value={d.date}
              onChange={(e) => setD({ ...d, date: e.target.value })}
            />
          </Field>
          <Field label="评估人" error={errors.assessor}>
            <input
              className="input"
              value={d.assessor}
              onChange={(e) => setD({ ...d, assessor: e.target.value })}
            />
          </Field>
          <Field label="监护情况评估" error={errors.guardianship}>
            <select
              className="input"
              value={d.guardianship}
              onChange={(e) => setD({ ...d, guardianship: e.target.value })}
            >
              <option value="">请选择</option>
              {items('guardianshipAssessment').map((i) => (
                <option key={i.code} value={i.code}>
                  {i.label}
                </option>
              ))}
            </select>
          </Field>
          <Field label="安全状况" error={errors.safety}>
            <input
              className="input"
              value={d.safety}
              onChange={(e) => setD({ ...d, safety: e.target.value })}
            />
          </Field>
          <Field label="风险等级" hint="保存后即为该儿童当前的风险等级" error={errors.riskLevel}>
            <select
              className="input"
              value={d.riskLevel}
              onChange={(e) => setD({ ...d, riskLevel: e.target.value })}
            >
              <option value="">请选择</option>
              {items('riskLevel').map((i) => (
                <option key={i.code} value={i.code}>
                  {i.label}
                </option>
              ))}
            </select>
          </Field>
          <div className="inline-actions">
            <button className="button primary" type="submit">
              登记评估
            </button>
          </div>
          {message && (
            <p className="field-error" role="alert">
              {message}
            </p>
          )}
        </form>
      )}
    </Section>
  );
}
