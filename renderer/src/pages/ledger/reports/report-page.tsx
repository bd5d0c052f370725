// One mandatory report: what was reported, and each handling step with its deadline, when it was done, what was
// done, and who recorded it when. Steps still open can be recorded here.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useCan } from '../../../app/session';
import {
  reportLabels,
  type ReportStepKind,
  type ReportView,
  type StepStatus,
} from '../../../../../electron/contract/schemas/report';
import { useApi } from '../../../api/client';
import { toApiError } from '../../../api/api-error';
import { Page } from '../../../components/page';
import { useQuery } from '../../../hooks/use-query';
import { ChildPicker } from './child-picker';
import { formatMoment, stepStateText } from './report-format';
import { REPORT_ENTITIES } from './reports-page';
import { StepForm } from './step-form';

function recordedLine(r: { recordedAt: string } | null) {
  if (!r) return null;
  const d = new Date(r.recordedAt);
  const p = (n: number) => String(n).padStart(2, '0');
  return (
    <p className="recorded">
      登记于 {d.getFullYear()}年{d.getMonth() + 1}月{d.getDate()}日 {p(d.getHours())}:{p(d.getMinutes())}
    </p>
  );
}

function StepDetails({ step, report }: { step: StepStatus; report: ReportView }) {
  switch (step.step) {
    case 'police': {
      const p = report.police;
      if (!p) return null;
      return (
        <dl className="step-details">
          <dt>出警单位</dt>
          <dd>
            {p.value.station}
            {p.value.officer ? `（${p.value.officer}）` : ''}
          </dd>
          <dt>处置措施</dt>
          <dd>{p.value.measures.map(reportLabels.policeMeasure).join('、')}</dd>
          {p.value.note && (
            <>
              <dt>处置情况</dt>
              <dd>{p.value.note}</dd>
            </>
          )}
          {recordedLine(p)}
        </dl>
      );
    }
    case 'assessment': {
      const a = report.assessment;
      if (!a) return null;
      return (
        <dl className="step-details">
          {a.value.assessors && (
            <>
              <dt>评估人员</dt>
              <dd>{a.value.assessors}</dd>
            </>
          )}
          <dt>安全状况</dt>
          <dd>{a.value.safety}</dd>
          <dt>监护状况</dt>
          <dd>{a.value.guardianship}</dd>
          <dt>身心健康</dt>
          <dd>{a.value.health}</dd>
          {a.value.help.length > 0 && (
            <>
              <dt>安排帮扶</dt>
              <dd>{a.value.help.map(reportLabels.help).join('、')}</dd>
            </>
          )}
          {recordedLine(a)}
        </dl>
      );
    }
    case 'placement': {
      const p = report.placement;
      if (!p) return null;
      return (
        <dl className="step-details">
          <dt>安置方式</dt>
          <dd>{p.value.notNeeded ? '无需另行安置' : reportLabels.placement(p.value.placement)}</dd>
          {p.value.place && (
            <>
              <dt>安置地点</dt>
              <dd>{p.value.place}</dd>
            </>
          )}
          {p.value.note && (
            <>
              <dt>安置情况</dt>
              <dd>{p.value.note}</dd>
            </>
          )}
          {recordedLine(p)}
        </dl>
      );
    }
    case 'followUp':
      if (report.followUps.length === 0) return null;
      return (
        <ol className="follow-ups" aria-label="回访记录">
          {report.followUps.map((f) => (
            <li key={f.id}>
              <strong>{formatMoment(f.value.date)}</strong>
              {f.value.by ? ` ${f.value.by}` : ''}：{f.value.note}
            </li>
          ))}
        </ol>
      );
    case 'referral': {
      const r = report.referral;
      if (!r) return null;
      return (
        <dl className="step-details">
          <dt>受理法院</dt>
          <dd>{r.value.court}</dd>
          <dt>申请事由</dt>
          <dd>{r.value.reason}</dd>
          {recordedLine(r)}
        </dl>
      );
    }
    case 'closing': {
      const c = report.closing;
      if (!c) return null;
      return (
        <dl className="step-details">
          <dt>结案情况</dt>
          <dd>{c.value.note}</dd>
          {recordedLine(c)}
        </dl>
      );
    }
    default:
      return null;
  }
}

const STATE_CLASS: Record<StepStatus['state'], string> = {
  done: 'chip chip-done',
  late: 'chip chip-late',
  pending: 'chip chip-pending',
  overdue: 'chip chip-overdue',
  optional: 'chip',
  skipped: 'chip',
};

export function ReportPage() {
  const { id = '' } = useParams();
  const api = useApi();
  const { data: report, error, refetch } = useQuery('reports.get', { id }, { entities: REPORT_ENTITIES });
  const [open, setOpen] = useState<ReportStepKind | null>(null);
  const [linkError, setLinkError] = useState('');
  const can = { step: useCan('reports.recordStep'), link: useCan('reports.link') };

  if (error && !report) {
    return (
      <Page title="强制报告">
        <p className="form-error">{error.message}</p>
        <Link to="/ledger/reports">返回强制报告列表</Link>
      </Page>
    );
  }
  if (!report) return <Page title="强制报告"><p className="pending">正在读取…</p></Page>;

  const done = async () => {
    setOpen(null);
    await refetch();
  };
  const link = async (childId: string) => {
    try {
      await api.invoke('reports.link', { id: report.id, childId });
      setLinkError('');
      await refetch();
    } catch (err) {
      setLinkError(toApiError(err).message);
    }
  };

  return (
    <Page title={`强制报告：${report.childName || '未填写姓名'}`}>
      <div className="toolbar">
        <Link className="button" to="/ledger/reports">
          返回强制报告列表
        </Link>
        {report.childId && (
          <Link className="button" to={`/ledger/${report.childId}`}>
            查看儿童档案
          </Link>
        )}
      </div>
      {report.closed ? (
        <p className="banner banner-done">本报告已结案。</p>
      ) : report.overdue ? (
        <p className="banner banner-overdue" role="status">
          已超时：{report.overdueSteps.join('、')}。请尽快办理并登记。
        </p>
      ) : null}

      <section aria-labelledby="report-facts">
        <h2 id="report-facts">报告情况</h2>
        <dl className="details">
          <dt>儿童</dt>
          <dd>
            {report.childName}（{report.township}
            {report.village ? ` ${report.village}` : ''}）{!report.childId && <span className="tag">未入台账</span>}
          </dd>
          <dt>报告时间</dt>
          <dd>{formatMoment(report.reportedAt)}</dd>
          <dt>报告主体</dt>
          <dd>
            {report.reporterTypeLabel}
            {report.reporterUnit ? ` · ${report.reporterUnit}` : ''}
          </dd>
          <dt>报告人</dt>
          <dd>
            {report.reporterName}
            {report.reporterPhone ? ` ${report.reporterPhone}` : ''}
          </dd>
          <dt>报告情形</dt>
          <dd>{report.situationLabels.join('、')}</dd>
          <dt>情况描述</dt>
          <dd className="prewrap">{report.description}</dd>
        </dl>
        {!report.childId && can.link && (
          <div className="panel">
            <p>该儿童尚未关联台账档案。录入台账后，可在此关联：</p>
            <ChildPicker label="查找台账儿童" onPick={(c) => void link(c.id)} />
            {linkError && <p className="field-error">{linkError}</p>}
          </div>
        )}
      </section>

      <section aria-labelledby="report-steps">
        <h2 id="report-steps">办理进度</h2>
        <p className="explain">
          时限为本单位设定：出警 {report.settings.policeHours} 小时、评估 {report.settings.assessmentDays} 日、安置{' '}
          {report.settings.placementDays} 日、每 {report.settings.followUpDays} 日回访。
        </p>
        <ol className="steps">
          {report.steps.map((s) => {
            const kind = s.step === 'report' ? null : s.step;
            const canRecord = kind && can.step && !report.closed && (kind === 'followUp' || s.state === 'pending' || s.state === 'overdue' || s.state === 'optional');
            return (
              <li key={s.step} className={`step step-${s.state}`}>
                <div className="step-head">
                  <span className="step-label">{s.label}</span>
                  <span className={STATE_CLASS[s.state]}>{stepStateText(s)}</span>
                  {s.done && <span className="step-when">办理时间：{formatMoment(s.done)}</span>}
                  {canRecord && open !== kind && (
                    <button type="button" className="button small" onClick={() => setOpen(kind)}>
                      登记{s.label}
                    </button>
                  )}
                </div>
                <StepDetails step={s} report={report} />
                {kind && open === kind && (
                  <StepForm reportId={report.id} kind={kind} onDone={() => void done()} onCancel={() => setOpen(null)} />
                )}
              </li>
            );
          })}
        </ol>
      </section>
    </Page>
  );
}
