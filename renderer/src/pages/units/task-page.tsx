// One supervised task: what it is, who leads and cooperates, its dated progress reports, and 销号 once a final report
// is in (the main process refuses it before).
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/client';
import { Field } from '../../components/form/field';
import { Page } from '../../components/page';
import { useQuery } from '../../hooks/use-query';
import type { TaskDetail } from '../../../../electron/contract/schemas/units';
import { FormError, guardEnter, StatusBadge, todayIso, UnitsNav, useSubmit } from './form-kit';
import { useCan } from '../../app/session';
import { useFormDraft } from '../../hooks/use-form-draft';

export function TaskPage() {
  const { id = '' } = useParams();
  const q = useQuery('tasks.get', { id }, { entities: ['task', 'taskReport'] });
  const t = q.data;
  const can = { report: useCan('tasks.report'), close: useCan('tasks.close') };
  return (
    <Page title={t ? t.title : '督办事项'}>
      <UnitsNav />
      {q.error && <div className="form-error" role="alert">{q.error.message}</div>}
      {t && (
        <>
          <dl className="facts u-facts">
            <div className="fact">
              <dt>状态</dt>
              <dd>
                <StatusBadge status={t.status} />
                {t.status === '已逾期' && <span className="u-danger-text"> 已逾期 {-t.daysLeft} 天</span>}
              </dd>
            </div>
            <div className="fact">
              <dt>完成时限</dt>
              <dd>{t.deadline}</dd>
            </div>
            <div className="fact">
              <dt>牵头单位</dt>
              <dd>
                <Link to={`/units/${t.lead.id}`}>{t.lead.name}</Link>
              </dd>
            </div>
            <div className="fact">
              <dt>配合单位</dt>
              <dd>{t.coUnits.map((u) => u.name).join('、') || '—'}</dd>
            </div>
            <div className="fact">
              <dt>来源</dt>
              <dd>{t.sourceLabel}</dd>
            </div>
          </dl>
          {t.dutyItemText && <p className="u-quote">职责条目：{t.dutyItemText}</p>}
          {t.children.length > 0 && (
            <p>
              涉及儿童：
              {t.children.map((c, i) => (
                <span key={c.id}>
                  {i > 0 && '、'}
                  <Link to={`/ledger/${c.id}`}>{c.name}</Link>
                </span>
              ))}
            </p>
          )}
          {t.closedOn && (
            <p className="notice">
              已于 {t.closedOn} 销号{t.closeNote && `：${t.closeNote}`}
            </p>
          )}
          {t.cancelReason && <p className="notice">未获批准：{t.cancelReason}</p>}
          <section aria-labelledby="task-reports">
            <h2 id="task-reports">进展报告</h2>
            {t.reports.length === 0 ? (
              <p className="u-muted">尚未报送进展。</p>
            ) : (
              <ol className="u-reports">
                {t.reports.map((r) => (
                  <li key={r.id}>
                    <div>
                      <strong>{r.date}</strong> {r.unitName}
                      {r.final && <span className="u-badge u-badge-ok">办结报告</span>}
                    </div>
                    <div>{r.text}</div>
                  </li>
                ))}
              </ol>
            )}
            {can.report && (t.status === '未开始' || t.status === '进行中' || t.status === '已逾期' || t.status === '已完成') && <ReportForm task={t} />}
          </section>
          {can.close && (t.status === '已完成' || t.status === '进行中' || t.status === '已逾期' || t.status === '未开始') && <CloseForm task={t} />}
        </>
      )}
    </Page>
  );
}

function ReportForm({ task }: { task: TaskDetail }) {
  const api = useApi();
  const empty = { unitId: '', date: todayIso(), text: '', final: false };
  const [d, setD, draft] = useFormDraft(`task-report:${task.id}`, empty);
  const submit = useSubmit();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (await submit.run(() => api.invoke('tasks.report', { taskId: task.id, ...d }))) draft.clear(empty);
  };
  return (
    <form noValidate onSubmit={save} onKeyDown={guardEnter} aria-label="报送进展" className="u-card">
      <h3>报送进展</h3>
      <div className="u-row">
        <Field label="报送单位" error={submit.errors.unitId}>
          <select className="input input-select" required value={d.unitId} onChange={(e) => setD({ ...d, unitId: e.target.value })}>
            <option value="">请选择</option>
            {[task.lead, ...task.coUnits].map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="报送日期" error={submit.errors.date}>
          <input className="input u-date" type="date" required value={d.date} onChange={(e) => setD({ ...d, date: e.target.value })} />
        </Field>
      </div>
      <Field label="进展情况" error={submit.errors.text}>
        <textarea className="input u-textarea" required value={d.text} onChange={(e) => setD({ ...d, text: e.target.value })} />
      </Field>
      <label className="u-check">
        <input type="checkbox" checked={d.final} onChange={(e) => setD({ ...d, final: e.target.checked })} />
        这是办结报告（事项已办结，可申请销号）
      </label>
      <FormError message={submit.formError} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={submit.busy}>
          报送
        </button>
      </div>
    </form>
  );
}

function CloseForm({ task }: { task: TaskDetail }) {
  const api = useApi();
  const [d, setD] = useState({ date: todayIso(), note: '' });
  const submit = useSubmit();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    await submit.run(() => api.invoke('tasks.close', { id: task.id, ...d }));
  };
  return (
    <section aria-labelledby="task-close">
      <h2 id="task-close">销号</h2>
      {task.status !== '已完成' && <p className="u-muted">事项办结、承办单位报送办结报告后方可销号。</p>}
      <form noValidate onSubmit={save} onKeyDown={guardEnter} aria-label="销号" className="u-card">
        <div className="u-row">
          <Field label="销号日期" error={submit.errors.date}>
            <input className="input u-date" type="date" required value={d.date} onChange={(e) => setD({ ...d, date: e.target.value })} />
          </Field>
          <Field label="销号意见" error={submit.errors.note}>
            <input className="input" value={d.note} onChange={(e) => setD({ ...d, note: e.target.value })} />
          </Field>
        </div>
        <FormError message={submit.formError} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={submit.busy}>
            销号
          </button>
        </div>
      </form>
    </section>
  );
}
