// 出席情况: who the meeting expects on its date — the composition for a joint meeting, the member units' liaisons
// for a liaison meeting — each marked 出席 or 请假 (with the reason and, if someone attends instead, who: 代为出席),
// and 列席 attendees.
import { useState } from 'react';
import {
  presenceNames,
  type AttendanceRow,
  type MeetingDetail,
} from '../../../../electron/contract/schemas/meetings';
import { useApi } from '../../api/client';
import { Field } from '../../components/form/field';
import { IssuedLockNote, isLocked } from './issued-lock';
import { FormError, noEnterSubmit, useAction } from './use-action';

/** A row of an issued meeting: what the minutes say, nothing to change. */
function IssuedRow({ row }: { row: AttendanceRow }) {
  return (
    <tr>
      <td>{row.personName}</td>
      <td>{row.title || row.roleName}</td>
      <td className={`presence presence-${row.status}`}>
        {presenceNames[row.status]}
        {row.status === 'absent' && row.reason ? `（${row.reason}）` : ''}
        {row.status === 'absent' && row.substitute ? `，${row.substitute}代为出席` : ''}
      </td>
    </tr>
  );
}

/**
 * Someone marked whom the composition on the meeting's date no longer lists (a successor dated back, units merged):
 * kept with the mark (the main process names such a row `recorded:…`).
 */
const recordedOnly = (row: AttendanceRow) => row.postId.startsWith('recorded:');

function PersonRow({ meetingId, row }: { meetingId: string; row: AttendanceRow }) {
  const api = useApi();
  const action = useAction();
  const [reason, setReason] = useState(row.reason);
  const [substitute, setSubstitute] = useState(row.substitute ?? '');
  const [leave, setLeave] = useState(row.status === 'absent');
  const mark = (status: 'present' | 'absent') =>
    action.run(() =>
      api.invoke(
        'attendance.mark',
        status === 'absent'
          ? { meetingId, postId: row.postId, status, reason, ...(substitute.trim() ? { substitute } : {}) }
          : { meetingId, postId: row.postId, status },
      ),
    );
  return (
    <tr>
      <td>
        {row.personName}
        {recordedOnly(row) && (
          <span className="explain">（已登记；按现在的组成人员，会议当天不在名单中）</span>
        )}
      </td>
      <td>{row.title || row.roleName}</td>
      <td className={`presence presence-${row.status}`}>
        {presenceNames[row.status]}
        {row.status === 'absent' && row.reason ? `（${row.reason}）` : ''}
        {row.status === 'absent' && row.substitute ? `，${row.substitute}代为出席` : ''}
      </td>
      <td>
        <button
          type="button"
          className="button small"
          aria-label={`${row.personName}出席`}
          onClick={() => {
            setLeave(false);
            void mark('present');
          }}
        >
          出席
        </button>{' '}
        <button
          type="button"
          className="button small"
          aria-label={`${row.personName}请假`}
          onClick={() => setLeave(true)}
        >
          请假
        </button>
        {leave && (
          <span className="leave">
            <input
              className="input"
              aria-label={`${row.personName}请假事由`}
              aria-invalid={action.errors.reason ? true : undefined}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <input
              className="input"
              aria-label={`${row.personName}代为出席人员`}
              placeholder="代为出席人员（可不填）"
              aria-invalid={action.errors.substitute ? true : undefined}
              value={substitute}
              onChange={(e) => setSubstitute(e.target.value)}
            />
            <button
              type="button"
              className="button small"
              aria-label={`登记${row.personName}请假`}
              onClick={() => void mark('absent')}
            >
              登记请假
            </button>
          </span>
        )}
        {(action.errors.reason || action.errors.substitute || action.message) && (
          <div className="field-error">
            {action.errors.reason ?? action.errors.substitute ?? action.message}
          </div>
        )}
      </td>
    </tr>
  );
}

export function AttendanceSection({ meeting, onPrint }: { meeting: MeetingDetail; onPrint(): void }) {
  const api = useApi();
  const all = useAction();
  const add = useAction();
  const [person, setPerson] = useState({ name: '', unit: '', title: '' });
  const unmarked = meeting.attendance.filter((a) => a.status === 'unmarked');
  const present = meeting.attendance.filter((a) => a.status === 'present').length;
  const absent = meeting.attendance.filter((a) => a.status === 'absent').length;
  // Minutes issued (and no correction open): attendance is what the issued minutes say, and cannot change.
  const locked = isLocked(meeting);

  const markAll = () =>
    all.run(async () => {
      for (const a of unmarked)
        await api.invoke('attendance.mark', { meetingId: meeting.id, postId: a.postId, status: 'present' });
    });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const ok = await add.run(() =>
      api.invoke('attendance.addAttending', {
        meetingId: meeting.id,
        name: person.name,
        unit: person.unit,
        ...(person.title ? { title: person.title } : {}),
      }),
    );
    if (ok) setPerson({ name: '', unit: '', title: '' });
  };

  return (
    <section aria-labelledby="meeting-attendance">
      <h2 id="meeting-attendance">出席情况</h2>
      <p className="explain">
        {meeting.kind === 'liaison'
          ? `名单按会议当天（${meeting.date}）各成员单位的联络员生成。`
          : `名单按会议当天（${meeting.date}）的联席会议组成人员生成，一人兼任多职的只列一次。`}
        出席 {present} 人，请假 {absent} 人，未登记 {unmarked.length}{' '}
        人。请假的可填写代为出席人员，纪要和签到表印作“某某（某某代）”。
      </p>
      {locked && <IssuedLockNote what="出席情况" />}
      <div className="form-actions">
        {!locked && (
          <button
            type="button"
            className="button"
            disabled={all.busy || unmarked.length === 0}
            onClick={() => void markAll()}
          >
            其余人员登记为出席
          </button>
        )}
        <button type="button" className="button" onClick={onPrint}>
          打印签到表
        </button>
      </div>
      <FormError message={all.message} />
      <table className="table">
        <thead>
          <tr>
            <th scope="col">姓名</th>
            <th scope="col">职务</th>
            <th scope="col">出席情况</th>
            {!locked && <th scope="col">登记</th>}
          </tr>
        </thead>
        <tbody>
          {meeting.attendance.map((row) =>
            locked ? (
              <IssuedRow key={row.postId} row={row} />
            ) : (
              <PersonRow
                key={`${row.postId}:${row.status}:${row.reason}:${row.substitute}`}
                meetingId={meeting.id}
                row={row}
              />
            ),
          )}
        </tbody>
      </table>

      <h3>列席人员</h3>
      {meeting.attending.length === 0 ? (
        <p className="explain">没有列席人员。</p>
      ) : (
        <ul className="plain-list">
          {meeting.attending.map((a) => (
            <li key={a.id}>
              {a.name}（{a.unit}
              {a.title}）{' '}
              {!locked && (
                <button
                  type="button"
                  className="button small"
                  aria-label={`删除列席人员${a.name}`}
                  onClick={() => void api.invoke('attendance.removeAttending', { id: a.id })}
                >
                  删除
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!locked && (
        <form
          noValidate
          onSubmit={submit}
          onKeyDown={noEnterSubmit}
          aria-label="添加列席人员"
          className="form-inline"
        >
          <Field label="列席人员姓名" error={add.errors.name}>
            <input
              className="input"
              value={person.name}
              onChange={(e) => setPerson({ ...person, name: e.target.value })}
            />
          </Field>
          <Field label="列席人员单位" error={add.errors.unit}>
            <input
              className="input"
              value={person.unit}
              onChange={(e) => setPerson({ ...person, unit: e.target.value })}
            />
          </Field>
          <Field label="列席人员职务" error={add.errors.title}>
            <input
              className="input"
              value={person.title}
              onChange={(e) => setPerson({ ...person, title: e.target.value })}
            />
          </Field>
          <FormError message={add.message} />
          <div className="form-actions">
            <button type="submit" className="button" disabled={add.busy}>
              添加列席人员
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
