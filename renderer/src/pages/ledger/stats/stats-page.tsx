// 台账统计: the ledger's figures for a period — children in the ledger at its end by township (or village) and by
// guardian, schooling, risk level and age band; entries, exits and visits during it. Charts, tables, an A4 print.
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Field } from '../../../components/form/field';
import { Page } from '../../../components/page';
import { useQuery } from '../../../hooks/use-query';
import { Chart } from './chart';
import { presetPeriods, type Period } from './period';
import { ageBandOption, guardianByPlaceOption, guardianChartHeight, riskOption } from './stats-charts';
import { StatsPrint } from './stats-print';
import { StatsTables } from './stats-tables';

const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

export function StatsPage() {
  const presets = useMemo(() => presetPeriods(new Date()), []);
  const [draft, setDraft] = useState<Period>(presets[2]!.period);
  const [township, setTownship] = useState('');
  const valid = isDate(draft.from) && isDate(draft.to) && draft.from <= draft.to;
  const [period, setPeriod] = useState<Period>(draft);
  if (valid && (draft.from !== period.from || draft.to !== period.to)) setPeriod(draft);

  const { data: s, error } = useQuery(
    'stats.summary',
    { period, ...(township ? { township } : {}) },
    { entities: ['child', 'visit', 'report'] },
  );
  const options = useMemo(
    () => (s ? { guardian: guardianByPlaceOption(s), age: ageBandOption(s), risk: riskOption(s) } : null),
    [s],
  );

  return (
    <Page title="台账统计">
      <div className="toolbar">
        <Link className="button" to="/ledger">
          返回台账
        </Link>
        <Link className="button" to="/ledger/reports">
          强制报告
        </Link>
      </div>
      <form className="filters stats-filters" aria-label="统计条件" onSubmit={(e) => e.preventDefault()}>
        <div className="field-row">
          <Field label="统计起始日期" error={!valid && draft.from > draft.to ? '起始日期不能晚于截止日期' : undefined}>
            <input type="date" className="input" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
          </Field>
          <Field label="统计截止日期" hint="在册人数和年龄均按此日计算">
            <input type="date" className="input" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
          </Field>
          <Field label="统计范围">
            <select className="input input-select" value={township} onChange={(e) => setTownship(e.target.value)}>
              <option value="">全辖区（按乡镇）</option>
              {s?.townships.map((t) => (
                <option key={t} value={t}>
                  {t}（按村）
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div role="group" aria-label="常用期间" className="segmented">
          {presets.map((p) => (
            <button
              key={p.label}
              type="button"
              className={p.period.from === period.from && p.period.to === period.to ? 'segment active' : 'segment'}
              onClick={() => setDraft(p.period)}
            >
              {p.label}
            </button>
          ))}
        </div>
      </form>

      {error && <p className="form-error">{error.message}</p>}
      {s && options && (
        <>
          <dl className="facts" aria-label="主要数字">
            <div className="fact">
              <dt>期末在册</dt>
              <dd>{s.totals.total} 人</dd>
            </div>
            <div className="fact">
              <dt>期间新纳入</dt>
              <dd>{s.totals.entries} 人</dd>
            </div>
            <div className="fact">
              <dt>期间退出或转出</dt>
              <dd>{s.totals.exits} 人</dd>
            </div>
            <div className="fact">
              <dt>期间走访</dt>
              <dd>
                {s.totals.visits} 人次
                <small>（{s.visitedChildren} 人）</small>
              </dd>
            </div>
            <div className="fact">
              <dt>期间接报强制报告</dt>
              <dd>{s.reports} 件</dd>
            </div>
            <div className="fact">
              <dt>信息待完善</dt>
              <dd>
                {s.incomplete} 人
                {s.incomplete > 0 && <small>（<Link to="/ledger?incomplete=1">查看</Link>）</small>}
              </dd>
            </div>
          </dl>
          {s.exitsByReason.length > 0 && (
            <p className="explain">
              退出或转出原因：{s.exitsByReason.map((e) => `${e.label} ${e.count} 人`).join('，')}。
            </p>
          )}
          {s.totals.total === 0 ? (
            <p className="pending">所选期间末没有在册儿童。</p>
          ) : (
            <div className="chart-grid">
              <figure className="chart-card wide">
                <figcaption>期末在册儿童（按{s.rowLabel}、监护人类型）</figcaption>
                <Chart option={options.guardian} label={`按${s.rowLabel}和监护人类型的在册儿童人数柱状图`} height={guardianChartHeight(s)} />
              </figure>
              <figure className="chart-card">
                <figcaption>年龄段（按统计截止日）</figcaption>
                <Chart option={options.age} label="在册儿童年龄段分布图" height={260} />
              </figure>
              <figure className="chart-card">
                <figcaption>风险等级</figcaption>
                <Chart option={options.risk} label="在册儿童风险等级分布图" height={260} />
              </figure>
            </div>
          )}
          <StatsTables s={s} />
          <StatsPrint period={period} township={township} />
        </>
      )}
    </Page>
  );
}
