// 议题: at a liaison meeting, units' topics are proposed and each is accepted for the joint meeting, deferred or
// dropped, with a note.
import { useState } from 'react';
import {
  topicOutcomeNames,
  topicOutcomes,
  type MeetingDetail,
  type TopicOutcome,
  type TopicView,
} from '../../../../electron/contract/schemas/meetings';
import { useApi } from '../../api/client';
import { Field } from '../../components/form/field';
import { IssuedLockNote, isLocked } from './issued-lock';
import { FormError, noEnterSubmit, useAction } from './use-action';

/** A topic of a meeting whose minutes are issued: its outcome as decided, nothing to change. */
function DecidedTopicRow({ topic }: { topic: TopicView }) {
  return (
    <tr>
      <td>{topic.title}</td>
      <td>{topic.unitName}</td>
      <td>{topicOutcomeNames[topic.outcome]}</td>
      <td>{topic.note}</td>
    </tr>
  );
}

function TopicRow({ topic }: { topic: TopicView }) {
  const api = useApi();
  const action = useAction();
  const [outcome, setOutcome] = useState<TopicOutcome>(topic.outcome);
  const [note, setNote] = useState(topic.note);
  return (
    <tr>
      <td>{topic.title}</td>
      <td>{topic.unitName}</td>
      <td>
        <select
          className="input input-select"
          aria-label={`“${topic.title}”的研究结果`}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as TopicOutcome)}
        >
          {topicOutcomes.map((o) => (
            <option key={o} value={o}>
              {topicOutcomeNames[o]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          className="input"
          aria-label={`“${topic.title}”的说明`}
          aria-invalid={action.errors.note ? true : undefined}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        {action.errors.note && <div className="field-error">{action.errors.note}</div>}
        {action.message && !action.errors.note && <div className="field-error">{action.message}</div>}
      </td>
      <td>
        <button
          type="button"
          className="button"
          aria-label={`保存“${topic.title}”的研究结果`}
          disabled={action.busy}
          onClick={() =>
            void action.run(() =>
              api.invoke('topics.decide', { id: topic.id, outcome, ...(note ? { note } : {}) }),
            )
          }
        >
          保存
        </button>
      </td>
    </tr>
  );
}

export function TopicsSection({ meeting }: { meeting: MeetingDetail }) {
  const api = useApi();
  const action = useAction();
  const [title, setTitle] = useState('');
  const [unitId, setUnitId] = useState('');
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const ok = await action.run(() => api.invoke('topics.propose', { meetingId: meeting.id, title, unitId }));
    if (ok) setTitle('');
  };
  const locked = isLocked(meeting);
  return (
    <section aria-labelledby="meeting-topics">
      <h2 id="meeting-topics">议题</h2>
      <p className="explain">
        联络员会议逐项研究各成员单位提出的议题：提交联席会议、暂缓或不予研究，并写明说明。
      </p>
      {locked && <IssuedLockNote what="议题及研究结果" />}
      {meeting.topics.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">议题</th>
              <th scope="col">提出单位</th>
              <th scope="col">研究结果</th>
              <th scope="col">说明</th>
              {!locked && (
                <th scope="col">
                  <span className="visually-hidden">操作</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {meeting.topics.map((t) =>
              locked ? (
                <DecidedTopicRow key={t.id} topic={t} />
              ) : (
                <TopicRow key={`${t.id}:${t.outcome}:${t.note}`} topic={t} />
              ),
            )}
          </tbody>
        </table>
      )}
      {!locked && (
        <form
          noValidate
          onSubmit={submit}
          onKeyDown={noEnterSubmit}
          aria-label="提出议题"
          className="form-inline"
        >
          <Field label="议题" error={action.errors.title}>
            <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} />
          </Field>
          <Field label="提出单位" error={action.errors.unitId}>
            <select className="input input-select" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
              <option value="">（请选择）</option>
              {meeting.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </Field>
          <FormError message={action.message} />
          <div className="form-actions">
            <button type="submit" className="button" disabled={action.busy}>
              添加议题
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

export function AgendaSection({ meeting }: { meeting: MeetingDetail }) {
  return (
    <section aria-labelledby="meeting-agenda">
      <h2 id="meeting-agenda">会议议程</h2>
      <p className="explain">
        由联络员会议同意提交的议题，以及此前会议议定、尚未办结的事项组成，议定过的事项不会被遗忘。
      </p>
      {meeting.agenda.length === 0 ? (
        <p className="explain">暂无议程。请先召开联络员会议研究议题。</p>
      ) : (
        <ol className="agenda">
          {meeting.agenda.map((a) =>
            a.kind === 'topic' ? (
              <li key={a.topicId}>
                {a.title}
                <span className="muted">（{a.unitName}提出）</span>
              </li>
            ) : (
              <li key={a.taskId}>
                <span className="tag">上次议定事项</span>
                {a.title}
                <span className="muted">
                  （{a.fromMeeting}议定，{a.leadUnitName}牵头，时限{a.deadline}，{a.status}）
                </span>
              </li>
            ),
          )}
        </ol>
      )}
    </section>
  );
}
