// 首页: which office this is, what needs attention (a backup overdue, ledger alerts, overdue mandatory reports, task
// reminders) and how much it holds. At a member unit's office, the liaison's desk instead.
import { useAppStatus } from '../../app/app-status';
import { Page } from '../../components/page';
import { entityLabels } from './entity-labels';
import { BackupReminder } from './backup-reminder';
import { HomeAlerts } from './home-alerts';
import { DuplicateReminder } from './duplicate-reminder';
import { TaskReminders } from '../units/task-reminders';
import { OverdueReports } from '../ledger/reports/overdue-reports';
import { UnitDeskPage } from '../unit-office/desk-page';

export function HomePage() {
  const { status, office } = useAppStatus();
  // A member unit's office (issue 14) keeps no ledger: its home is the liaison's desk.
  if (office.level === 'unit') return <UnitDeskPage />;
  // Only types the store already holds: a missing type says nothing yet, and a zero would look like a fact.
  const counted = Object.entries(entityLabels)
    .filter(([type]) => status.counts.entities[type] !== undefined)
    .map(([type, { label, unit }]) => ({ type, label, value: `${status.counts.entities[type]} ${unit}` }));
  return (
    <Page title={office.name} windowTitle="首页">
      <BackupReminder />
      <HomeAlerts />
      {status.initialised && <DuplicateReminder />}
      {status.initialised && <OverdueReports />}
      {status.initialised && <TaskReminders />}
      <section aria-labelledby="home-counts">
        <h2 id="home-counts">本单位数据</h2>
        <dl className="facts">
          {counted.map((c) => (
            <div key={c.type} className="fact">
              <dt>{c.label}</dt>
              <dd>{c.value}</dd>
            </div>
          ))}
          <div className="fact">
            <dt>修改记录</dt>
            <dd>{status.counts.operations} 条</dd>
          </div>
        </dl>
      </section>
    </Page>
  );
}
