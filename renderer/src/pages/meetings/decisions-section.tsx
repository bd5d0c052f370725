// 议定事项: each becomes a supervised task; a major matter (重大事项) waits for approval before its task starts.
import { useState } from 'react';
import {
  approvalNames,
  type DecisionView,
  type MeetingDetail,
} from '../../../../electron/contract/schemas/meetings';
import { useApi } from '../../api/client';
import { Field } from '../../components/form/field';
import { IssuedLockNote, isLocked } from './issued-lock';
import { FormError, noEnterSubmit, useAction } from './use-action';

function ApprovalForm({ decision }: { decision: DecisionView }) {
  const api = useApi();
  const action = useAction();
  const [outcome, setOutcome] = useState<'approved' | 'rejected'>('approved');
  const [date, setDate] = useState('');
  const [approver, setApprover] = useState('');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void action.run(() => api.invoke('decisions.approve', { id: decision.id, outcome, date, approver }));
  };
  return (
    <form
      noValidate
      onSubmit={submit}
      onKeyDown={noEnterSubmit}
      aria-label={`第${decision.order}项报批结果`}
      className="form-inline"
    >
      <Field label="批复结果" error={action.errors.outcome}>
        <select
          className="input input-select"
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as 'approved' | 'rejected')}
        >
          <option value="approved">已批准</option>
          <option value="rejected">不予批准</option>
        </select>
      </Field>
      <Field label="批复日期" error={action.errors.date}>
        <input type="date" className="input" value={date} onChange={(e) => setDate(e.target.value)} />
      </Field>
      <Field label="批复机关或领导" error={action.errors.approver}>
        <input className="input" value={approver} onChange={(e) => setApprover(e.target.value)} />
      </Field>
      <FormError message={action.message} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={action.busy}>
          登记批复
        </button>
      </div>
    </form>
  );
}

export function DecisionsSection({ meeting }: { meeting: MeetingDetail }) {
  const api = useApi();
  const action = useAction();
  const empty = { text: '', leadUnitId: '', coUnitIds: [] as string[], deadline: '', major: false };
  const [draft, setDraft] = useState(empty);
  const toggle = (id: string) =>
    setDraft((d) => ({
      ...d,
      coUnitIds: d.coUnitIds.includes(id) ? d.coUnitIds.filter((x) => x !== id) : [...d.coUnitIds, id],
    }));
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const ok = await action.run(() => api.invoke('decisions.create', { meetingId: meeting.id, ...draft }));
    if (ok) setDraft(empty);
  };
  // Minutes issued: the items are what the minutes say; a major matter's approval still follows (it is the task's).
  const locked = isLocked(meeting);
  return (
    <section aria-labelledby="meeting-decisions">
      <h2 id="meeting-decisions">议定事项</h2>
      <p className="explain">
        每一项议定事项都转为督办事项，由牵头单位按时限办理；重大事项须报批，批准后才开始办理。
      </p>
      {locked && <IssuedLockNote what="议定事项" />}
      {meeting.decisions.length > 0 && (
        <ol className="decisions">
          {meeting.decisions.map((d) => (
            <li key={d.id} aria-label={`议定事项第${d.order}项`}>
              <p>{d.text}</p>
              <p className="muted">
                牵头单位：{d.leadUnitName}
                {d.coUnitNames.length > 0 && `；配合单位：${d.coUnitNames.join('、')}`}；完成时限：
                {d.deadline}
                {d.taskStatus && `；督办状态：${d.taskStatus}`}
              </p>
              {d.major && d.approval && (
                <p>
                  <span className="tag">重大事项</span>
                  {approvalNames[d.approval]}
                  {d.approval !== 'pending' && `（${d.approvalDate}，${d.approver}）`}
                </p>
              )}
              {d.major && d.approval === 'pending' && <ApprovalForm decision={d} />}
            </li>
          ))}
        </ol>
      )}
      {!locked && (
        <form noValidate onSubmit={submit} onKeyDown={noEnterSubmit} aria-label="记录议定事项">
          <Field label="议定事项内容" error={action.errors.text}>
            <textarea
              className="input"
              rows={3}
              value={draft.text}
              onChange={(e) => setDraft({ ...draft, text: e.target.value })}
            />
          </Field>
          <Field label="牵头单位" error={action.errors.leadUnitId}>
            <select
              className="input input-select"
              value={draft.leadUnitId}
              onChange={(e) => setDraft({ ...draft, leadUnitId: e.target.value })}
            >
              <option value="">（请选择）</option>
              {meeting.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </Field>
          <fieldset
            className="checkbox-grid"
            aria-describedby={action.errors.coUnitIds ? 'co-units-error' : undefined}
          >
            <legend>配合单位</legend>
            {meeting.units
              .filter((u) => u.id !== draft.leadUnitId)
              .map((u) => (
                <label key={u.id}>
                  <input
                    type="checkbox"
                    checked={draft.coUnitIds.includes(u.id)}
                    onChange={() => toggle(u.id)}
                  />{' '}
                  {u.name}
                </label>
              ))}
            {action.errors.coUnitIds && (
              <div id="co-units-error" className="field-error">
                {action.errors.coUnitIds}
              </div>
            )}
          </fieldset>
          <Field label="完成时限" error={action.errors.deadline}>
            <input
              type="date"
              className="input"
              value={draft.deadline}
              onChange={(e) => setDraft({ ...draft, deadline: e.target.value })}
            />
          </Field>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.major}
              onChange={(e) => setDraft({ ...draft, major: e.target.checked })}
            />{' '}
            重大事项（须报批）
          </label>
          <FormError message={action.message} />
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={action.busy}>
              添加议定事项
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
