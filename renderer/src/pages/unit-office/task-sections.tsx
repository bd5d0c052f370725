// The task page's parts for member units as offices (issue 14): attachments kept with their SHA-256, 延期申请 (a unit
// office asks; the joint-meeting office 同意 or 不同意), and each unit's 承办人及联系方式 (both sides may write it;
// a clash is kept in 冲突 on the exchange page).
import { useContext, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/client';
import { AppStatusContext } from '../../app/app-status';
import { useCan } from '../../app/session';
import { Field } from '../../components/form/field';
import type { TaskDetail } from '../../../../electron/contract/schemas/units';
import type {
  ExtensionRequestView,
  TaskAttachmentView,
} from '../../../../electron/contract/schemas/unit-office';
import { downloadBase64, readBase64 } from '../exchange/files';
import { FormError, guardEnter, todayIso, useSubmit } from '../units/form-kit';

/** The member unit this office is (its code is CODE-UNITID), or null at a joint-meeting office. */
export function useOwnUnit(): string | null {
  const office = useContext(AppStatusContext)?.office;
  if (office?.level !== 'unit') return null;
  const dash = office.code.indexOf('-');
  return dash > 0 ? office.code.slice(dash + 1) : null;
}

const kb = (n: number) =>
  n < 1024
    ? `${n} 字节`
    : n < 1024 * 1024
      ? `${(n / 1024).toFixed(1)} KB`
      : `${(n / 1024 / 1024).toFixed(1)} MB`;

/** 附件: name, size, who filed it, and the hash it is kept with; 下载 checks the bytes against it. */
export function AttachmentItem({ a }: { a: TaskAttachmentView }) {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const open = async () => {
    setError(null);
    try {
      const f = await api.invoke('tasks.attachment', { id: a.id });
      downloadBase64(f.data, f.fileName);
    } catch (err) {
      setError(err instanceof Error ? err.message : '无法打开附件。');
    }
  };
  return (
    <span className="u-attachment">
      📎 {a.fileName}（{kb(a.size)}，{a.unitName}，{a.date}）{' '}
      <button type="button" className="button u-small" onClick={() => void open()}>
        下载{a.fileName}
      </button>
      <br />
      <span className="u-muted">
        校验值 <code className="u-hash">{a.sha256}</code>
      </span>
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

export function AttachmentsSection({ task }: { task: TaskDetail }) {
  const list = task.attachments ?? [];
  if (list.length === 0) return null;
  return (
    <section aria-labelledby="task-attachments">
      <h2 id="task-attachments">附件</h2>
      <ul className="u-reports">
        {list.map((a) => (
          <li key={a.id}>
            <AttachmentItem a={a} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The attachment picked for a report (the bytes travel as base64; the main process hashes them). */
export async function attachPicked(
  api: ReturnType<typeof useApi>,
  task: TaskDetail,
  after: TaskDetail,
  unitId: string,
  file: File,
): Promise<TaskAttachmentView> {
  const before = new Set(task.reports.map((r) => r.id));
  const report = after.reports.find((r) => !before.has(r.id) && r.unitId === unitId);
  return api.invoke('tasks.attach', {
    taskId: task.id,
    ...(report ? { reportId: report.id } : {}),
    unitId,
    fileName: file.name,
    data: await readBase64(file),
  });
}

export function ExtensionRequests({ task }: { task: TaskDetail }) {
  const ownUnit = useOwnUnit();
  const canDecide = useCan('tasks.decideExtension') && ownUnit === null;
  const list = task.extensionRequests ?? [];
  if (list.length === 0) return null;
  return (
    <section aria-labelledby="task-extension-requests">
      <h2 id="task-extension-requests">延期申请</h2>
      <ol className="u-reports">
        {list.map((x) => (
          <li key={x.id} aria-label={`${x.unitName}的延期申请`}>
            <div>
              <strong>{x.date}</strong> {x.unitName}申请将完成时限延至 <strong>{x.deadline}</strong>
              <span
                className={
                  x.status === 'pending'
                    ? 'u-badge u-badge-info'
                    : x.status === 'approved'
                      ? 'u-badge u-badge-ok'
                      : 'u-badge u-badge-muted'
                }
              >
                {x.statusLabel}
              </span>
              {x.source.includes('-') && <span className="u-badge u-badge-muted">单位报送</span>}
            </div>
            <div>理由：{x.reason}</div>
            {x.decidedOn && (
              <div className="u-muted">
                {x.decidedOn} 批复{x.decisionNote && `：${x.decisionNote}`}
              </div>
            )}
            {canDecide && x.status === 'pending' && <DecideForm request={x} />}
          </li>
        ))}
      </ol>
    </section>
  );
}

function DecideForm({ request }: { request: ExtensionRequestView }) {
  const api = useApi();
  const [d, setD] = useState({ approvedBy: '', from: todayIso(), note: '' });
  const submit = useSubmit();
  const decide = (approve: boolean) =>
    submit.run(() =>
      api.invoke('tasks.decideExtension', {
        requestId: request.id,
        approve,
        from: d.from,
        ...(d.approvedBy.trim() ? { approvedBy: d.approvedBy } : {}),
        ...(d.note.trim() ? { note: d.note } : {}),
      }),
    );
  return (
    <form
      noValidate
      onSubmit={(e) => e.preventDefault()}
      onKeyDown={guardEnter}
      aria-label={`批复${request.unitName}的延期申请`}
      className="u-card"
    >
      <div className="u-row">
        <Field label="批准人" hint="同意时填写，如 召集人 马儒生" error={submit.errors.approvedBy}>
          <input
            className="input"
            value={d.approvedBy}
            onChange={(e) => setD({ ...d, approvedBy: e.target.value })}
          />
        </Field>
        <Field label="批复日期" error={submit.errors.from}>
          <input
            className="input u-date"
            type="date"
            required
            value={d.from}
            onChange={(e) => setD({ ...d, from: e.target.value })}
          />
        </Field>
      </div>
      <Field label="批复意见" error={submit.errors.note}>
        <input className="input" value={d.note} onChange={(e) => setD({ ...d, note: e.target.value })} />
      </Field>
      <FormError message={submit.formError} />
      <div className="form-actions">
        <button
          type="button"
          className="button primary"
          disabled={submit.busy}
          onClick={() => void decide(true)}
        >
          同意延期
        </button>
        <button type="button" className="button" disabled={submit.busy} onClick={() => void decide(false)}>
          不同意
        </button>
      </div>
    </form>
  );
}

/** 申请延期, at a member unit's office: the new deadline and why; the joint-meeting office decides. */
export function RequestExtensionForm({
  task,
  unitId,
  done,
}: {
  task: TaskDetail;
  unitId: string;
  done: () => void;
}) {
  const api = useApi();
  const [d, setD] = useState({ deadline: '', reason: '' });
  const submit = useSubmit();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (
      await submit.run(() =>
        api.invoke('tasks.requestExtension', {
          taskId: task.id,
          unitId,
          deadline: d.deadline,
          reason: d.reason,
        }),
      )
    )
      done();
  };
  return (
    <form noValidate onSubmit={save} onKeyDown={guardEnter} aria-label="申请延期" className="u-card">
      <h3>申请延期</h3>
      <p className="u-muted">
        现完成时限 {task.deadline}。申请经数据包报联席会议办公室批复，批复前仍按现时限督办。
      </p>
      <Field label="申请的完成时限" error={submit.errors.deadline}>
        <input
          className="input u-date"
          type="date"
          required
          value={d.deadline}
          onChange={(e) => setD({ ...d, deadline: e.target.value })}
        />
      </Field>
      <Field label="申请理由" error={submit.errors.reason}>
        <textarea
          className="input u-textarea"
          required
          value={d.reason}
          onChange={(e) => setD({ ...d, reason: e.target.value })}
        />
      </Field>
      <FormError message={submit.formError} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={submit.busy}>
          提交延期申请
        </button>
        <button type="button" className="button" onClick={done}>
          取消
        </button>
      </div>
    </form>
  );
}

/** 承办人及联系方式 of each unit on the task; a member unit's office writes its own line only. */
export function ContactsSection({ task }: { task: TaskDetail }) {
  const ownUnit = useOwnUnit();
  const canSet = useCan('tasks.setContact');
  const units = [task.lead, ...task.coUnits].filter((u) => ownUnit === null || u.id === ownUnit);
  const contacts = task.contacts ?? [];
  return (
    <section aria-labelledby="task-contacts">
      <h2 id="task-contacts">承办人及联系方式</h2>
      {contacts.length === 0 ? (
        <p className="u-muted">尚未填写。</p>
      ) : (
        <ul className="u-reports">
          {contacts.map((c) => (
            <li key={c.unitId}>
              {c.unitName}：{c.contact}
            </li>
          ))}
        </ul>
      )}
      {canSet && units.length > 0 && <ContactForm task={task} units={units} own={ownUnit} />}
      <p className="u-muted">
        双方同时修改同一单位的承办人时，以后改的为准，另一值保留在<Link to="/exchange">数据交换</Link>
        页的“冲突”中。
      </p>
    </section>
  );
}

function ContactForm({
  task,
  units,
  own,
}: {
  task: TaskDetail;
  units: { id: string; name: string }[];
  own: string | null;
}) {
  const api = useApi();
  const [d, setD] = useState({ unitId: own ?? '', contact: '' });
  const submit = useSubmit();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (
      await submit.run(() =>
        api.invoke('tasks.setContact', {
          id: task.id,
          ...(d.unitId ? { unitId: d.unitId } : {}),
          contact: d.contact,
        }),
      )
    )
      setD({ ...d, contact: '' });
  };
  return (
    <form noValidate onSubmit={save} onKeyDown={guardEnter} aria-label="填写承办人" className="u-card">
      <div className="u-row">
        {own === null && (
          <Field label="承办单位" error={submit.errors.unitId}>
            <select
              className="input input-select"
              value={d.unitId}
              onChange={(e) => setD({ ...d, unitId: e.target.value })}
            >
              <option value="">请选择</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field
          label="承办人及联系方式"
          hint="如 基础教育科 林科长 0663-8220001"
          error={submit.errors.contact}
        >
          <input
            className="input"
            required
            value={d.contact}
            onChange={(e) => setD({ ...d, contact: e.target.value })}
          />
        </Field>
      </div>
      <FormError message={submit.formError} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={submit.busy}>
          保存承办人
        </button>
      </div>
    </form>
  );
}
