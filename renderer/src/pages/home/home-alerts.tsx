// 首页提醒: children the ledger flags (无人监护 always first), each linking to the record.
import { Link } from 'react-router';
import { useQuery } from '../../hooks/use-query';

export function HomeAlerts() {
  const { data, error } = useQuery('alerts.list', { limit: 30 }, { entities: ['child', 'visit', 'assessment', 'ledgerSettings'] });
  return (
    <section aria-labelledby="home-alerts">
      <h2 id="home-alerts">需要处理的提醒{data ? `（${data.total} 名儿童）` : ''}</h2>
      {error && <p className="field-error">{error.message}</p>}
      {data && data.incomplete > 0 && (
        <p className="explain" role="note" aria-label="信息待完善">
          信息待完善 {data.incomplete} 名儿童（从乡镇台账导入、缺少登记表部分信息）：
          <Link to="/ledger?incomplete=1">在台账中查看并补全</Link>
        </p>
      )}
      {data?.total === 0 && <p className="explain">目前没有需要处理的提醒。</p>}
      {data && data.total > 0 && (
        <>
          <p className="explain">
            无人监护 {data.counts.unguarded} 人；已满或即将满16周岁 {data.counts.age16 + data.counts.turning16} 人；走访逾期{' '}
            {data.counts.visitOverdue} 人；缺监护人电话 {data.counts.missingPhone} 人。
          </p>
          <ul className="alert-list">
            {data.items.map((item) => (
              <li key={item.childId} className={item.unguarded ? 'alert-item alert-unguarded' : 'alert-item'}>
                <Link to={`/ledger/${item.childId}`}>{item.name}</Link>（{item.township}
                {item.village}）：{item.alerts.map((a) => a.message).join('；')}
              </li>
            ))}
          </ul>
          {data.total > data.items.length && (
            <p>
              <Link to="/ledger">在台账中查看全部</Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}
