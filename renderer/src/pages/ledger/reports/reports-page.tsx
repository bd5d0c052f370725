// 强制报告: every report received, what needs doing next, and which steps are past the office's deadlines.
import { Link, useSearchParams } from 'react-router';
import type { ReportList } from '../../../../../electron/contract/schemas/report';
import { Page } from '../../../components/page';
import { useCan } from '../../../app/session';
import { useQuery } from '../../../hooks/use-query';
import { formatMoment } from './report-format';
import { ReportSettingsPanel } from './report-settings-panel';

const FILTERS: Array<{ key: 'open' | 'overdue' | 'closed' | 'all'; label: string }> = [
  { key: 'open', label: '办理中' },
  { key: 'overdue', label: '已超时' },
  { key: 'closed', label: '已结案' },
  { key: 'all', label: '全部' },
];
type FilterKey = (typeof FILTERS)[number]['key'];
const isFilter = (v: string | null): v is FilterKey => FILTERS.some((f) => f.key === v);

export const REPORT_ENTITIES = ['report', 'reportFollowUp', 'reportSettings', 'child'] as const;

function Progress({ item }: { item: ReportList['items'][number] }) {
  if (item.closed) return <span className="chip chip-done">已结案</span>;
  if (item.overdue)
    return <span className="chip chip-overdue">已超时：{item.overdueSteps.join('、')}</span>;
  if (item.next)
    return (
      <span className="chip chip-pending">
        待{item.next.label}
        {item.next.due ? `（时限 ${formatMoment(item.next.due)}）` : ''}
      </span>
    );
  return null;
}

export function ReportsPage() {
  const [params, setParams] = useSearchParams();
  const can = { create: useCan('reports.create'), settings: useCan('reports.settings.set') };
  const rawFilter = params.get('filter');
  const filter: FilterKey = isFilter(rawFilter) ? rawFilter : 'open';
  const township = params.get('township') ?? '';
  const { data, error, loading } = useQuery(
    'reports.list',
    { filter, ...(township ? { township } : {}) },
    { entities: REPORT_ENTITIES },
  );

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <Page title="强制报告">
      <p className="explain">
        学校、幼儿园、医疗机构、村（居）委会等发现儿童独自居住或失踪、监护人无力或不履行监护职责、疑似遭受侵害时，应当立即报告。
        这里登记每一份报告和出警、评估、安置、回访、结案各环节，超过本单位设定时限的环节标为“已超时”。
      </p>
      <div className="toolbar">
        {can.create && (
          <Link className="button primary" to="/ledger/reports/new">
            登记强制报告
          </Link>
        )}
        <Link className="button" to="/ledger">
          返回台账
        </Link>
        <Link className="button" to="/ledger/stats">
          统计
        </Link>
      </div>

      <div className="filters">
        <div role="group" aria-label="办理状态" className="segmented">
          {FILTERS.map((f) => (
            <button
              key={f.key}
              type="button"
              className={f.key === filter ? 'segment active' : 'segment'}
              aria-pressed={f.key === filter}
              onClick={() => set('filter', f.key === 'open' ? '' : f.key)}
            >
              {f.label}
              {data ? ` ${data.counts[f.key]}` : ''}
            </button>
          ))}
        </div>
        <label className="inline-field">
          乡镇（街道）
          <select className="input input-select" value={township} onChange={(e) => set('township', e.target.value)}>
            <option value="">全部</option>
            {data?.townships.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
      </div>

      {error && <p className="form-error">{error.message}</p>}
      {data && data.items.length === 0 && <p className="pending">{loading ? '正在读取…' : '没有符合条件的强制报告。'}</p>}
      {data && data.items.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">报告时间</th>
              <th scope="col">儿童</th>
              <th scope="col">乡镇（街道）</th>
              <th scope="col">报告主体</th>
              <th scope="col">报告情形</th>
              <th scope="col">办理情况</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((r) => (
              <tr key={r.id} className={r.overdue ? 'row-overdue' : undefined}>
                <td>{formatMoment(r.reportedAt)}</td>
                <td>
                  <Link to={`/ledger/reports/${r.id}`}>{r.childName || '（未填写姓名）'}</Link>
                  {!r.childId && <span className="tag">未入台账</span>}
                </td>
                <td>
                  {r.township}
                  {r.village ? ` ${r.village}` : ''}
                </td>
                <td>{r.reporterTypeLabel}</td>
                <td>{r.situationLabels.join('、')}</td>
                <td>
                  <Progress item={r} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {can.settings && <ReportSettingsPanel />}
    </Page>
  );
}
