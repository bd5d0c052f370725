// The home page's reminders of supervised tasks: overdue ones first, then those due within two weeks.
import { Link } from 'react-router';
import { useQuery } from '../../hooks/use-query';

export function TaskReminders() {
  const q = useQuery('tasks.reminders', {}, { entities: ['task', 'taskReport'] });
  const r = q.data;
  if (!r || (r.overdue.length === 0 && r.dueSoon.length === 0)) return null;
  return (
    <section aria-labelledby="home-tasks" className="u-reminders">
      <h2 id="home-tasks">督办提醒</h2>
      <ul className="u-list">
        {r.overdue.map((t) => (
          <li key={t.id} className="u-danger-text">
            已逾期 {-t.daysLeft} 天：<Link to={`/units/tasks/${t.id}`}>{t.title}</Link>（{t.lead.name}牵头，时限 {t.deadline}）
          </li>
        ))}
        {r.dueSoon.map((t) => (
          <li key={t.id}>
            {t.daysLeft === 0 ? '今天到期' : `${t.daysLeft} 天后到期`}：<Link to={`/units/tasks/${t.id}`}>{t.title}</Link>（{t.lead.name}牵头，时限{' '}
            {t.deadline}）
          </li>
        ))}
      </ul>
      <Link to="/units/tasks">查看全部督办事项</Link>
    </section>
  );
}
