// One child's record: summary (masked unless revealed), alerts and eligibility, exit / re-entry, the timeline of every
// change, the visits, assistance and assessments with their add forms, and the mandatory reports about the child.
// A child this office has transferred out is shown read-only, with the trace of the transfer.
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { ChildView } from '../../../../electron/contract/schemas/ledger';
import { toApiError } from '../../api/api-error';
import { useApi } from '../../api/client';
import { Field } from '../../components/form/field';
import { Page } from '../../components/page';
import { useCan } from '../../app/session';
import { useQuery } from '../../hooks/use-query';
import { AssessmentsSection, AssistanceSection, VisitsSection } from './child-events';
import { ChildReports } from './reports/child-reports';
import { DuplicatesPanel } from './duplicates-panel';
import { formatTime, useCodeLists, userLabel } from './use-code-lists';
import { childFieldLabels, type ChildFieldPath } from '../../../../electron/contract/schemas/child';

const localToday = () => {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
};

export function ChildPage() {
  const { id = '' } = useParams();
  const api = useApi();
  const { label } = useCodeLists();
  const masked = useQuery('children.get', { id }, { entities: ['child', 'visit', 'assessment'] });
  const history = useQuery('children.history', { id }, { entities: ['child'] });
  const [revealed, setRevealed] = useState<ChildView | null>(null);
  const view = revealed ?? masked.data;
  const today = localToday();
  const can = {
    update: useCan('children.update'),
    reveal: useCan('children.reveal'),
    exit: useCan('children.exit'),
    visit: useCan('visits.add'),
    assist: useCan('assistance.add'),
    assess: useCan('assessments.add'),
  };

  if (masked.error) {
    return (
      <Page title="儿童档案">
        <p className="form-error" role="alert">{masked.error.message}</p>
        <Link to="/ledger">返回台账</Link>
      </Page>
    );
  }
  if (!view) return <Page title="儿童档案"><p className="pending">正在读取……</p></Page>;
  const r = view.record;
  const active = r.status.state === 'active';
  const transfer = view.transferredOut;
  // A record merged into another is kept as it was: read-only, like a transfer's trace.
  const readOnly = transfer !== null || r.status.state === 'merged';
  const dash = (v: string) => v || '—';
  const guardianPhone = r.guardianship.hasEntrustedGuardian ? r.entrustedGuardian.phone : r.father.phone || r.mother.phone;

  return (
    <Page title={`${r.child.name}的档案`}>
      <div className="ledger-toolbar">
        <Link className="button" to="/ledger">返回台账</Link>
        {!readOnly && can.update && <Link className="button primary" to={`/ledger/${id}/edit`}>修改信息</Link>}
        {!can.reveal ? null : view.masked ? (
          <button className="button" type="button" onClick={async () => setRevealed(await api.invoke('children.reveal', { id, purpose: 'view' }))}>
            显示完整号码
          </button>
        ) : (
          <button className="button" type="button" onClick={() => setRevealed(null)}>
            隐藏完整号码
          </button>
        )}
      </div>
      {transfer && (
        <div className="warn-box" role="note" aria-label="转出情况">
          <strong>该儿童已{transfer.date && `于${transfer.date}`}转出至{transfer.to || '其他单位'}。</strong>
          {transfer.note && `转出说明：${transfer.note}。`}
          档案由接收单位继续管理，本单位保留的是只读记录；如需更正，请联系接收单位。
        </div>
      )}
      <DuplicatesPanel id={id} readOnly={readOnly} />
      {!view.masked && <p className="explain">已显示完整的身份证号码和电话。本次查看已记入查阅记录。</p>}
      {view.alerts.length > 0 && (
        <ul className="alert-list" aria-label="提醒">
          {view.alerts.map((a) => (
            <li key={a.kind} className={`alert-item alert-${a.kind}`}>{a.message}</li>
          ))}
        </ul>
      )}
      {view.missing.length > 0 && (
        <section className="warn-box missing-panel" aria-labelledby="missing">
          <h2 id="missing">信息待完善</h2>
          <p>这份档案缺少《农村留守儿童基本情况登记表》中的以下{view.missing.length}项，请核实后补全：</p>
          <ul aria-label="缺少的信息">
            {view.missing.map((p) => (
              <li key={p}>{childFieldLabels[p as ChildFieldPath] ?? p}</li>
            ))}
          </ul>
          {!readOnly && (
            <Link className="button primary" to={`/ledger/${id}/edit`}>
              补全信息
            </Link>
          )}
        </section>
      )}
      {!view.eligible && (
        <div className="warn-box" role="note">
          <strong>该记录不符合农村留守儿童定义：</strong>
          {view.eligibilityReasons.join('；')}
        </div>
      )}
      <section aria-labelledby="sum" className="record-section">
        <h2 id="sum">基本情况</h2>
        <dl className="details">
          <dt>状态</dt>
          <dd>
            {label('childStatus', r.status.state)}
            {r.status.state === 'exited' && `（${label('exitReason', r.status.reason)}，${r.status.date}）`}
            {r.status.state === 'transferred' && `（转至${r.status.transferTo || '其他单位'}${r.status.date && `，${r.status.date}`}）`}
          </dd>
          <dt>性别 / 年龄</dt>
          <dd>{label('sex', r.child.sex)}，{view.age ?? '—'}周岁（{r.child.birthDate}）</dd>
          <dt>身份证号码</dt>
          <dd className="mono">{dash(r.child.idNumber)}</dd>
          <dt>所在乡镇、村</dt>
          <dd>{r.responsibility.township} {r.responsibility.village}</dd>
          <dt>现居住地</dt>
          <dd>{r.child.currentAddress}</dd>
          <dt>就学情况</dt>
          <dd>{label('schooling', r.child.schooling)} {r.child.school} {r.child.grade}</dd>
          <dt>父亲</dt>
          <dd>{r.father.deceased ? '已去世' : `${dash(r.father.name)}，${dash(r.father.workCity)}，电话 ${dash(r.father.phone)}`}</dd>
          <dt>母亲</dt>
          <dd>{r.mother.deceased ? '已去世' : `${dash(r.mother.name)}，${dash(r.mother.workCity)}，电话 ${dash(r.mother.phone)}`}</dd>
          <dt>监护人类型</dt>
          <dd>{label('guardianKind', r.guardianship.guardianKind)}</dd>
          <dt>监护类型</dt>
          <dd>{label('guardianshipType', r.guardianship.guardianshipType)}</dd>
          <dt>监护情况评估</dt>
          <dd>{label('guardianshipAssessment', r.guardianship.assessment)}</dd>
          {r.guardianship.hasEntrustedGuardian && (
            <>
              <dt>委托监护人</dt>
              <dd>
                {r.entrustedGuardian.name}（{label('relationship', r.entrustedGuardian.relationship)}），电话 {dash(r.entrustedGuardian.phone)}
              </dd>
            </>
          )}
          <dt>监护人电话</dt>
          <dd className="mono">{dash(guardianPhone)}</dd>
          <dt>风险等级</dt>
          <dd>{r.riskLevel ? <span className={`risk risk-${r.riskLevel}`}>{label('riskLevel', r.riskLevel)}</span> : '未评定'}</dd>
          <dt>儿童督导员</dt>
          <dd>{dash(r.responsibility.supervisorName)}</dd>
          <dt>儿童主任</dt>
          <dd>{dash(r.responsibility.directorName)}</dd>
          <dt>最近走访</dt>
          <dd>{view.lastVisitDate || '尚未走访'}{view.nextVisitDue && `，下次应在 ${view.nextVisitDue} 前`}</dd>
        </dl>
      </section>
      {!readOnly && can.exit && <ExitSection id={id} active={active} today={today} />}
      <section aria-labelledby="timeline" className="record-section">
        <h2 id="timeline">变更记录</h2>
        <ol className="timeline">
          {(history.data ?? []).map((e, i) => (
            <li key={i}>
              <div className="timeline-head">
                {formatTime(e.at)} · {userLabel(e.user)} ·{' '}
                {e.kind === 'changed' ? changeKind(e.changes.map((c) => c.field)) : { created: '建档', exited: '办理退出', reentered: '重新纳入' }[e.kind]}
              </div>
              {e.changes.length > 0 && (
                <ul>
                  {e.changes.map((c) => (
                    <li key={c.field}>
                      {c.label}：{c.old} → {c.new}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </section>
      <VisitsSection childId={id} today={today} readOnly={readOnly || !can.visit} />
      <AssistanceSection childId={id} today={today} readOnly={readOnly || !can.assist} />
      <AssessmentsSection childId={id} today={today} readOnly={readOnly || !can.assess} />
      <div className="record-section">
        <ChildReports childId={id} childName={r.child.name} />
      </div>
    </Page>
  );
}

// A visit or an assessment moves the child's latest-visit / latest-assessment fields: say so rather than 修改.
function changeKind(fields: string[]): string {
  if (fields.includes('lastAssessmentDate')) return '登记评估';
  if (fields.length > 0 && fields.every((f) => f === 'lastVisitDate' || f === 'nextVisitDue')) return '登记走访';
  return '修改';
}

function ExitSection({ id, active, today }: { id: string; active: boolean; today: string }) {
  const api = useApi();
  const { items } = useCodeLists();
  const [d, setD] = useState({ reason: '', date: today, note: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      if (active) await api.invoke('children.exit', { id, ...d });
      else await api.invoke('children.reenter', { id, date: d.date, note: d.note });
      setErrors({});
      setMessage(null);
    } catch (err) {
      const a = toApiError(err);
      setErrors(a.fields ?? {});
      setMessage(a.message);
    }
  };
  return (
    <section aria-labelledby="exit" className="record-section">
      <h2 id="exit">{active ? '办理退出' : '重新纳入台账'}</h2>
      <p className="explain">
        {active ? '退出不会删除档案，档案和全部记录都会保留，以后可以重新纳入。' : '该儿童已不在册。情况变化、重新符合条件时可以重新纳入台账。'}
      </p>
      <form className="inline-form" noValidate onSubmit={submit} aria-label={active ? '办理退出' : '重新纳入台账'}>
        {active && (
          <Field label="退出原因" error={errors.reason}>
            <select className="input" value={d.reason} onChange={(e) => setD({ ...d, reason: e.target.value })}>
              <option value="">请选择</option>
              {items('exitReason').map((i) => (
                <option key={i.code} value={i.code}>{i.label}</option>
              ))}
            </select>
          </Field>
        )}
        <Field label={active ? '退出日期' : '重新纳入日期'} error={errors.date}>
          <input className="input" type="date" value={d.date} onChange={(e) => setD({ ...d, date: e.target.value })} />
        </Field>
        <Field label="情况说明" error={errors.note}>
          <input className="input" value={d.note} onChange={(e) => setD({ ...d, note: e.target.value })} />
        </Field>
        <div className="inline-actions">
          <button className="button" type="submit">{active ? '确认退出' : '重新纳入'}</button>
        </div>
        {message && <p className="field-error" role="alert">{message}</p>}
      </form>
    </section>
  );
}
