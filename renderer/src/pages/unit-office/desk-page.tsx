// 联络员工作台: the home page of a member unit's office (issue 14). Its tasks (牵头 or 配合) with their deadlines, what
// is overdue or due soon, 催办通知, its extension requests, its duty items, the meetings it was invited to with their
// issued minutes (printable as issued), the bulletins, and how it stands with the joint-meeting office. Until the
// setup file has been imported, the desk asks for it first.
import { useState } from 'react';
import { Link } from 'react-router';
import { Page } from '../../components/page';
import { useQuery } from '../../hooks/use-query';
import { useCan } from '../../app/session';
import { StatusBadge } from '../units/form-kit';
import { PrintPreview } from '../units/print-preview';
import { formatTime } from '../exchange/files';
import type { UnitDesk } from '../../../../electron/contract/schemas/unit-office';
import { SetupImportSection } from './setup-import';

type Row = UnitDesk['tasks'][number];

const deskEntities = [
  'task',
  'taskReport',
  'taskUrge',
  'taskExtensionRequest',
  'taskAttachment',
  'unit',
  'dutyItem',
  'meeting',
  'minutes',
  'bulletin',
  'peer',
  'exchangeLog',
];

export function UnitDeskPage() {
  const q = useQuery('unitOffice.desk', {}, { entities: deskEntities });
  const canImport = useCan('unitOffice.setupImport');
  const d = q.data;
  return (
    <Page title="联络员工作台" windowTitle="首页">
      {q.error && (
        <div className="form-error" role="alert">
          {q.error.message}
        </div>
      )}
      {d && (
        <>
          <p className="lead">
            {d.unit.name} · 今天是 {d.today}
            {d.jointOffice && `，向${d.jointOffice.name}报送`}
          </p>
          {canImport && <SetupImportSection needed={!d.jointOffice || !d.jointOffice.connected} />}
          {d.jointOffice && <JointOffice office={d.jointOffice} />}
          <Deadlines desk={d} />
          <section aria-labelledby="desk-tasks">
            <h2 id="desk-tasks">本单位督办事项</h2>
            {d.tasks.length === 0 ? (
              <p className="u-muted">暂无交办本单位的督办事项。</p>
            ) : (
              <table className="u-table" aria-label="本单位督办事项">
                <thead>
                  <tr>
                    <th scope="col">督办事项</th>
                    <th scope="col">本单位</th>
                    <th scope="col">完成时限</th>
                    <th scope="col">状态</th>
                    <th scope="col">进展报告</th>
                  </tr>
                </thead>
                <tbody>
                  {d.tasks.map((t) => (
                    <tr key={t.id}>
                      <td>
                        <Link to={`/units/tasks/${t.id}`}>{t.title}</Link>
                      </td>
                      <td>{t.lead.id === d.unit.id ? '牵头' : '配合'}</td>
                      <td>
                        {t.deadline}
                        {t.originalDeadline && <span className="u-muted">（原定 {t.originalDeadline}）</span>}
                      </td>
                      <td>
                        <StatusBadge status={t.status} />
                      </td>
                      <td>{t.reportCount} 次</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          {d.urges.length > 0 && (
            <section aria-labelledby="desk-urges">
              <h2 id="desk-urges">催办通知</h2>
              <ul className="u-list">
                {d.urges.map((u) => (
                  <li key={u.id}>
                    <strong>{u.numberLabel}</strong> {u.date} 发出，请于 {u.replyBy} 前报送：
                    <Link to={`/units/tasks/${u.taskId}`}>{taskTitle(d.tasks, u.taskId)}</Link>
                    {u.text && `。${u.text}`}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {d.extensionRequests.length > 0 && (
            <section aria-labelledby="desk-extensions">
              <h2 id="desk-extensions">延期申请</h2>
              <ul className="u-list">
                {d.extensionRequests.map((x) => (
                  <li key={x.id}>
                    {x.date} 申请将「{taskTitle(d.tasks, x.taskId)}」延至 {x.deadline}：
                    <strong>{x.statusLabel}</strong>
                    {x.decisionNote && `（${x.decisionNote}）`}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="desk-duties">
            <h2 id="desk-duties">本单位职责</h2>
            {d.unit.dutyItems.length === 0 ? (
              <p className="u-muted">尚未收到本单位的职责条目。</p>
            ) : (
              <ol className="u-list">
                {d.unit.dutyItems.map((item) => (
                  <li key={item.id}>{item.text}</li>
                ))}
              </ol>
            )}
            {d.unit.liaison && (
              <p>
                联络员：{d.unit.liaison.name}
                {d.unit.liaison.post && `（${d.unit.liaison.post}）`}
                {d.unit.liaison.phone && ` ${d.unit.liaison.phone}`}
              </p>
            )}
          </section>
          <Meetings meetings={d.meetings} />
          <section aria-labelledby="desk-bulletins">
            <h2 id="desk-bulletins">工作进展通报</h2>
            {d.bulletins.length === 0 ? (
              <p className="u-muted">尚未收到工作进展通报。</p>
            ) : (
              <ul className="u-list">
                {d.bulletins.map((b) => (
                  <li key={b.id}>
                    <Link to={`/units/bulletins/${b.id}`}>
                      {b.title} {b.numberLabel}
                    </Link>{' '}
                    <span className="u-muted">{b.date}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </Page>
  );
}

const taskTitle = (tasks: Row[], id: string) => tasks.find((t) => t.id === id)?.title ?? '督办事项';

function JointOffice({ office }: { office: NonNullable<UnitDesk['jointOffice']> }) {
  return (
    <section aria-labelledby="desk-exchange">
      <h2 id="desk-exchange">与联席会议办公室的数据交换</h2>
      <dl className="facts">
        <div className="fact">
          <dt>联席会议办公室</dt>
          <dd>
            {office.name}（{office.code}）{office.connected ? '' : '，尚未连接'}
          </dd>
        </div>
        <div className="fact">
          <dt>上次报送</dt>
          <dd>{office.lastSentAt ? formatTime(office.lastSentAt) : '尚未报送'}</dd>
        </div>
        <div className="fact">
          <dt>上次接收</dt>
          <dd>{office.lastReceivedAt ? formatTime(office.lastReceivedAt) : '尚未接收'}</dd>
        </div>
      </dl>
      <p className="u-muted">
        报送进展、延期申请后，请在<Link to="/exchange">数据交换</Link>页导出数据包，用 U
        盘交联席会议办公室；办公室的数据包也在该页导入。
      </p>
    </section>
  );
}

function Deadlines({ desk }: { desk: UnitDesk }) {
  if (desk.overdue.length === 0 && desk.dueSoon.length === 0) return null;
  return (
    <section aria-labelledby="desk-deadlines" className="u-reminders">
      <h2 id="desk-deadlines">时限提醒</h2>
      {desk.overdue.length > 0 && (
        <>
          <h3>已逾期</h3>
          <ul className="u-list" aria-label="已逾期">
            {desk.overdue.map((t) => (
              <li key={t.id} className="u-danger-text">
                已逾期 {-t.daysLeft} 天：<Link to={`/units/tasks/${t.id}`}>{t.title}</Link>（时限 {t.deadline}
                ）
              </li>
            ))}
          </ul>
        </>
      )}
      {desk.dueSoon.length > 0 && (
        <>
          <h3>即将到期</h3>
          <ul className="u-list" aria-label="即将到期">
            {desk.dueSoon.map((t) => (
              <li key={t.id}>
                {t.daysLeft === 0 ? '今天到期' : `${t.daysLeft} 天后到期`}：
                <Link to={`/units/tasks/${t.id}`}>{t.title}</Link>（时限 {t.deadline}）
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Meetings({ meetings }: { meetings: UnitDesk['meetings'] }) {
  const [shown, setShown] = useState<string | null>(null);
  return (
    <section aria-labelledby="desk-meetings">
      <h2 id="desk-meetings">会议与纪要</h2>
      {meetings.length === 0 ? (
        <p className="u-muted">尚未收到本单位参加的会议纪要。</p>
      ) : (
        <ul className="u-list">
          {meetings.map((m) => (
            <li key={m.id}>
              <strong>{m.date}</strong> {m.name}
              {m.minutes.length === 0 && <span className="u-muted">（纪要尚未印发）</span>}
              <ul>
                {m.minutes.map((x) => {
                  const label = x.number ? `${x.title}（${x.number}）` : x.title;
                  return (
                    <li key={x.id}>
                      {label}
                      {x.issuedDate && <span className="u-muted"> {x.issuedDate} 印发</span>}{' '}
                      <button
                        type="button"
                        className="button u-small"
                        aria-expanded={shown === x.id}
                        onClick={() => setShown(shown === x.id ? null : x.id)}
                      >
                        {shown === x.id ? `收起纪要` : `查看纪要`}
                      </button>
                      {shown === x.id && (
                        <PrintPreview
                          kind="minutes"
                          id={x.id}
                          entities={['minutes']}
                          label={`纪要${x.number ?? ''}`}
                        />
                      )}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
