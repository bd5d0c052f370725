// For the home page: mandatory reports with a step past its deadline. Shows nothing when there are none, so the
// home page stays quiet when all is in hand.
import { Link } from 'react-router';
import { useQuery } from '../../../hooks/use-query';
import { formatMoment } from './report-format';
import { REPORT_ENTITIES } from './reports-page';

export function OverdueReports() {
  const { data } = useQuery('reports.list', { filter: 'overdue' }, { entities: REPORT_ENTITIES });
  if (!data || data.items.length === 0) return null;
  return (
    <section aria-labelledby="home-overdue-reports" className="alert-section">
      <h2 id="home-overdue-reports">强制报告超时未办（{data.items.length} 件）</h2>
      <ul className="alert-list">
        {data.items.slice(0, 10).map((r) => (
          <li key={r.id}>
            <Link to={`/ledger/reports/${r.id}`}>{r.childName || '（未填写姓名）'}</Link>
            <span>
              {r.township} · {formatMoment(r.reportedAt)}接报 · 已超时：{r.overdueSteps.join('、')}
            </span>
          </li>
        ))}
      </ul>
      {data.items.length > 10 && <Link to="/ledger/reports?filter=overdue">查看全部超时报告</Link>}
    </section>
  );
}
