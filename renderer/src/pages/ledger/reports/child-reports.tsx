// 强制报告 section for a child's record page: the reports about this child, and a link to record a new one.
// Used by the record page as <ChildReports childId={id} childName={name} />.
import { Link } from 'react-router';
import { useCan } from '../../../app/session';
import { useQuery } from '../../../hooks/use-query';
import { formatMoment } from './report-format';
import { REPORT_ENTITIES } from './reports-page';

export function ChildReports({ childId, childName }: { childId: string; childName: string }) {
  const canCreate = useCan('reports.create');
  const { data } = useQuery('reports.list', { filter: 'all', childId }, { entities: REPORT_ENTITIES });
  const newLink = `/ledger/reports/new?childId=${encodeURIComponent(childId)}&name=${encodeURIComponent(childName)}`;
  return (
    <section aria-labelledby="child-reports">
      <h2 id="child-reports">强制报告</h2>
      {data && data.items.length === 0 && <p className="pending">没有关于该儿童的强制报告。</p>}
      {data && data.items.length > 0 && (
        <ul className="alert-list">
          {data.items.map((r) => (
            <li key={r.id}>
              <Link to={`/ledger/reports/${r.id}`}>{formatMoment(r.reportedAt)} {r.situationLabels.join('、')}</Link>
              <span>
                {r.closed ? '已结案' : r.overdue ? `已超时：${r.overdueSteps.join('、')}` : r.next ? `待${r.next.label}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {canCreate && (
        <Link className="button" to={newLink}>
          登记关于该儿童的强制报告
        </Link>
      )}
    </section>
  );
}
