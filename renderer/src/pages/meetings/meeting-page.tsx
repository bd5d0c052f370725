// One meeting: what it was, its topics or agenda, attendance, decided items, and the way to its minutes.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  chairKindNames,
  meetingKindNames,
  minutesStateNames,
} from '../../../../electron/contract/schemas/meetings';
import { useApi } from '../../api/client';
import { Page } from '../../components/page';
import { useCan } from '../../app/session';
import { useQuery } from '../../hooks/use-query';
import { AttendanceSection } from './attendance-section';
import { DecisionsSection } from './decisions-section';
import { PrintPreview } from './print-preview';
import { AgendaSection, TopicsSection } from './topics-section';
import { FormError, useAction } from './use-action';

const ENTITIES = [
  'meeting',
  'topic',
  'attendance',
  'decision',
  'minutes',
  'task',
  'taskReport',
  'post',
  'unit',
];

export function MeetingPage() {
  const { id = '' } = useParams();
  const { data: m, error, refetch } = useQuery('meetings.get', { id }, { entities: ENTITIES });
  const api = useApi();
  const navigate = useNavigate();
  const draft = useAction();
  const canDraft = useCan('minutes.draft');
  const [printing, setPrinting] = useState(false);

  if (!m) {
    return (
      <Page title="会议">
        <div className="mt">
          {!error && <p role="status">正在读取……</p>}
          {error && (
            <div className="form-error" role="alert">
              <p>{error.message}</p>
              <button type="button" className="button" onClick={() => void refetch()}>
                重试
              </button>
            </div>
          )}
        </div>
      </Page>
    );
  }

  const startMinutes = async () => {
    const ok = await draft.run(() => api.invoke('minutes.draft', { meetingId: m.id }));
    if (ok) void navigate(`/meetings/${m.id}/minutes`);
  };

  return (
    <Page title={m.name}>
      <div className="mt">
        <p>
          <Link to="/meetings">← 返回会议列表</Link>
        </p>
        <section aria-labelledby="meeting-facts">
          <h2 id="meeting-facts">会议情况</h2>
          <dl className="details">
            <dt>会议名称</dt>
            <dd>
              {m.name}
              <span className="muted">
                {m.minutesStatus === 'none' || m.minutesStatus === 'draft'
                  ? '（第几次按同年同类会议的日期排列，纪要印发时确定）'
                  : '（第几次已在纪要印发时确定）'}
              </span>
            </dd>
            <dt>会议类型</dt>
            <dd>{meetingKindNames[m.kind]}</dd>
            <dt>时间</dt>
            <dd>
              {m.date} {m.time}
            </dd>
            <dt>地点</dt>
            <dd>{m.place}</dd>
            <dt>主持人</dt>
            <dd>
              {[m.chairTitle, m.chairName].filter(Boolean).join(' ') || '（未登记）'}（
              {m.kind === 'liaison' && m.chairKind === 'convener'
                ? '联席会议办公室主任'
                : chairKindNames[m.chairKind]}
              ）
            </dd>
            {m.kind === 'adhoc' && (
              <>
                <dt>提议召开</dt>
                <dd>{m.requestedBy}</dd>
              </>
            )}
            {m.kind === 'liaison' && (
              <>
                <dt>筹备的会议</dt>
                <dd>
                  {m.preparesId ? (
                    <Link to={`/meetings/${m.preparesId}`}>{m.preparesName}</Link>
                  ) : (
                    '（未指定）'
                  )}
                </dd>
              </>
            )}
            {m.preparedBy.length > 0 && (
              <>
                <dt>会前联络员会议</dt>
                <dd>
                  {m.preparedBy.map((p) => (
                    <Link key={p.id} to={`/meetings/${p.id}`}>
                      {p.name}（{p.date}）
                    </Link>
                  ))}
                </dd>
              </>
            )}
          </dl>
        </section>

        {m.kind === 'liaison' ? <TopicsSection meeting={m} /> : <AgendaSection meeting={m} />}
        <AttendanceSection meeting={m} onPrint={() => setPrinting(true)} />
        {printing && (
          <PrintPreview kind="signInSheet" id={m.id} label="签到表" onClose={() => setPrinting(false)} />
        )}
        {m.kind !== 'liaison' && <DecisionsSection meeting={m} />}

        <section aria-labelledby="meeting-minutes">
          <h2 id="meeting-minutes">会议纪要</h2>
          <p>
            状态：{minutesStateNames[m.minutesStatus]}
            {m.minutesNumber ? `（${m.minutesNumber}）` : ''}
          </p>
          <FormError message={draft.message} />
          {m.minutesStatus === 'none' ? (
            canDraft && (
              <button
                type="button"
                className="button primary"
                disabled={draft.busy}
                onClick={() => void startMinutes()}
              >
                起草会议纪要
              </button>
            )
          ) : (
            <Link className="button primary" to={`/meetings/${m.id}/minutes`}>
              查看会议纪要
            </Link>
          )}
        </section>
      </div>
    </Page>
  );
}
