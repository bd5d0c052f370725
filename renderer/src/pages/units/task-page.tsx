// One supervised task: what it is, who leads and cooperates, its dated progress reports, and 销号 once a final report
// is in (the main process refuses it before). Supervision: 延期 (the original deadline stays shown), corrections with
// their history, and numbered 催办通知 printed from here.
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/client';
import { toApiError } from '../../api/api-error';
import { Field } from '../../components/form/field';
import { Page } from '../../components/page';
import { useQuery } from '../../hooks/use-query';
import type { TaskDetail, TaskUnitRef } from '../../../../electron/contract/schemas/units';
import type { TaskAttachmentView } from '../../../../electron/contract/schemas/unit-office';
import { FormError, guardEnter, StatusBadge, todayIso, UnitsNav, useSubmit } from './form-kit';
import { useCan } from '../../app/session';
import { useFormDraft } from '../../hooks/use-form-draft';
import { PrintPreview } from './print-preview';
import {
  AttachmentItem,
  AttachmentsSection,
  attachPicked,
  ContactsSection,
  ExtensionRequests,
  RequestExtensionForm,
  useOwnUnit,
} from '../unit-office/task-sections';

const open = (s: TaskDetail['status']) => s === '未开始' || s === '进行中' || s === '已逾期';

export function TaskPage() {
  const { id = '' } = useParams();
  const q = useQuery('tasks.get', { id }, { entities: ['task', 'taskReport', 'taskUrge', 'taskAttachment', 'taskExtensionRequest'] });
  const t = q.data;
  // At a member unit's office (issue 14) only reports, attachments, 延期申请 and the 承办人 line are its own to file.
  const ownUnit = useOwnUnit();
  const office = ownUnit === null;
  const can = {
    report: useCan('tasks.report'),
    close: useCan('tasks.close') && office,
    extend: useCan('tasks.extend') && office,
    edit: useCan('tasks.edit') && office,
    urge: useCan('tasks.urge') && office,
    request: useCan('tasks.requestExtension') && !office,
  };
  const [form, setForm] = useState<'extend' | 'edit' | 'urge' | 'request' | null>(null);
  return (
    <Page title={t ? t.title : '督办事项'}>
      <UnitsNav />
      {q.error && <div className="form-error" role="alert">{q.error.message}</div>}
      {t && (
        <>
          <dl className="facts u-facts">
            <div className="fact">
              <dt>状态</dt>
              <dd>
                <StatusBadge status={t.status} />
                {/* The badge says 已逾期; the days follow it: 「已逾期 20 天」, not 「已逾期 逾期 20 天」. */}
                {t.status === '已逾期' && <span className="u-danger-text"> {-t.daysLeft} 天</span>}
              </dd>
            </div>
            <div className="fact">
              <dt>完成时限</dt>
              <dd>
                {t.deadline}
                {t.originalDeadline && <span className="u-muted">（原定 {t.originalDeadline}，已延期）</span>}
              </dd>
            </div>
            <div className="fact">
              <dt>牵头单位</dt>
              <dd>
                <Link to={`/units/${t.lead.id}`}>{t.lead.name}</Link>
              </dd>
            </div>
            <div className="fact">
              <dt>配合单位</dt>
              <dd>{t.coUnits.map((u) => u.name).join('、') || '—'}</dd>
            </div>
            <div className="fact">
              <dt>来源</dt>
              <dd>{t.sourceLabel}</dd>
            </div>
          </dl>
          {t.dutyItemText && <p className="u-quote">职责条目：{t.dutyItemText}</p>}
          {t.children.length > 0 && (
            <p>
              涉及儿童：
              {t.children.map((c, i) => (
                <span key={c.id}>
                  {i > 0 && '、'}
                  <Link to={`/ledger/${c.id}`}>{c.name}</Link>
                </span>
              ))}
            </p>
          )}
          {t.closedOn && (
            <p className="notice">
              已于 {t.closedOn} 销号{t.closeNote && `：${t.closeNote}`}
            </p>
          )}
          {t.cancelReason && <p className="notice">未获批准：{t.cancelReason}</p>}
          {open(t.status) && (can.extend || can.edit || can.urge || can.request) && (
            <div className="form-actions">
              {can.extend && (
                <button type="button" className="button" aria-expanded={form === 'extend'} onClick={() => setForm(form === 'extend' ? null : 'extend')}>
                  延期
                </button>
              )}
              {can.edit && (
                <button type="button" className="button" aria-expanded={form === 'edit'} onClick={() => setForm(form === 'edit' ? null : 'edit')}>
                  修改事项
                </button>
              )}
              {can.request && (
                <button type="button" className="button" aria-expanded={form === 'request'} onClick={() => setForm(form === 'request' ? null : 'request')}>
                  申请延期
                </button>
              )}
              {can.urge && (
                <button type="button" className="button" aria-expanded={form === 'urge'} onClick={() => setForm(form === 'urge' ? null : 'urge')}>
                  发催办通知
                </button>
              )}
            </div>
          )}
          {form === 'extend' && <ExtendForm task={t} done={() => setForm(null)} />}
          {form === 'edit' && <EditForm task={t} done={() => setForm(null)} />}
          {form === 'urge' && <UrgeForm task={t} done={() => setForm(null)} />}
          {form === 'request' && ownUnit && <RequestExtensionForm task={t} unitId={ownUnit} done={() => setForm(null)} />}
          <ExtensionRequests task={t} />
          <Supervision task={t} />
          <ContactsSection task={t} />
          <section aria-labelledby="task-reports">
            <h2 id="task-reports">进展报告</h2>
            {t.reports.length === 0 ? (
              <p className="u-muted">尚未报送进展。</p>
            ) : (
              <ol className="u-reports">
                {t.reports.map((r) => (
                  <li key={r.id}>
                    <div>
                      <strong>{r.date}</strong> {r.unitName}
                      {r.final && <span className="u-badge u-badge-ok">办结报告</span>}
                      {r.channel && (
                        <span className={r.channel === '单位报送' ? 'u-badge u-badge-info' : 'u-badge u-badge-muted'}>{r.channel}</span>
                      )}
                      {r.channel === '单位报送' && r.source && <span className="u-muted">（来源：{r.source}）</span>}
                    </div>
                    <div>{r.text}</div>
                    {(t.attachments ?? [])
                      .filter((a) => r.attachmentIds?.includes(a.id))
                      .map((a) => (
                        <div key={a.id}>
                          <AttachmentItem a={a} />
                        </div>
                      ))}
                  </li>
                ))}
              </ol>
            )}
            {can.report && (t.status === '未开始' || t.status === '进行中' || t.status === '已逾期' || t.status === '已完成') && (
              <ReportForm task={t} ownUnit={ownUnit} />
            )}
          </section>
          <AttachmentsSection task={t} />
          {can.close && (t.status === '已完成' || t.status === '进行中' || t.status === '已逾期' || t.status === '未开始') && <CloseForm task={t} />}
        </>
      )}
    </Page>
  );
}

function ReportForm({ task, ownUnit }: { task: TaskDetail; ownUnit: string | null }) {
  const api = useApi();
  const empty = { unitId: ownUnit ?? '', date: todayIso(), text: '', final: false };
  const [d, setD, draft] = useFormDraft(`task-report:${task.id}`, empty);
  // The attachment (a scanned reply letter) is not kept in the draft: it is filed with the report, then hashed.
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [attached, setAttached] = useState<TaskAttachmentView | null>(null);
  const [attachError, setAttachError] = useState<string | null>(null);
  const submit = useSubmit();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setAttached(null);
    const args = { taskId: task.id, ...d, unitId: ownUnit ?? d.unitId };
    setAttachError(null);
    let after: TaskDetail | null = null;
    const ok = await submit.run(async () => {
      after = await api.invoke('tasks.report', args);
    });
    if (!ok || !after) return;
    draft.clear(empty);
    // The report is filed: a refused attachment must not send the report twice, so it is said apart.
    if (file) {
      try {
        setAttached(await attachPicked(api, task, after, args.unitId, file));
      } catch (err) {
        setAttachError(`进展已报送，但附件未能保存：${toApiError(err).message}`);
        return;
      }
    }
    setFile(null);
    setFileKey((k) => k + 1);
  };
  return (
    <form noValidate onSubmit={save} onKeyDown={guardEnter} aria-label="报送进展" className="u-card">
      <h3>报送进展</h3>
      <div className="u-row">
        {ownUnit === null && (
          <Field label="报送单位" error={submit.errors.unitId}>
            <select className="input input-select" required value={d.unitId} onChange={(e) => setD({ ...d, unitId: e.target.value })}>
              <option value="">请选择</option>
              {[task.lead, ...task.coUnits].map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label="报送日期" error={submit.errors.date}>
          <input className="input u-date" type="date" required value={d.date} onChange={(e) => setD({ ...d, date: e.target.value })} />
        </Field>
      </div>
      <Field label="进展情况" error={submit.errors.text}>
        <textarea className="input u-textarea" required value={d.text} onChange={(e) => setD({ ...d, text: e.target.value })} />
      </Field>
      <label className="u-check">
        <input type="checkbox" checked={d.final} onChange={(e) => setD({ ...d, final: e.target.checked })} />
        这是办结报告（事项已办结，可申请销号）
      </label>
      <Field label="附件" hint="可不选；如扫描的复函，不超过 8 MB，保存时记下其校验值" error={submit.errors.fileName}>
        <input key={fileKey} type="file" className="input" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </Field>
      <FormError message={submit.formError ?? attachError} />
      {attached && (
        <p className="notice" role="status">
          已报送，附件「{attached.fileName}」已保存，校验值 <code className="u-hash">{attached.sha256}</code>
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={submit.busy}>
          报送
        </button>
      </div>
    </form>
  );
}

function CloseForm({ task }: { task: TaskDetail }) {
  const api = useApi();
  const [d, setD] = useState({ date: todayIso(), note: '' });
  const submit = useSubmit();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    await submit.run(() => api.invoke('tasks.close', { id: task.id, ...d }));
  };
  return (
    <section aria-labelledby="task-close">
      <h2 id="task-close">销号</h2>
      {task.status !== '已完成' && <p className="u-muted">事项办结、承办单位报送办结报告后方可销号。</p>}
      <form noValidate onSubmit={save} onKeyDown={guardEnter} aria-label="销号" className="u-card">
        <div className="u-row">
          <Field label="销号日期" error={submit.errors.date}>
            <input className="input u-date" type="date" required value={d.date} onChange={(e) => setD({ ...d, date: e.target.value })} />
          </Field>
          <Field label="销号意见" error={submit.errors.note}>
            <input className="input" value={d.note} onChange={(e) => setD({ ...d, note: e.target.value })} />
          </Field>
        </div>
        <FormError message={submit.formError} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={submit.busy}>
            销号
          </button>
        </div>
      </form>
    </section>
  );
}

function Supervision({ task }: { task: TaskDetail }) {
  const [shown, setShown] = useState<string | null>(null);
  if (task.extensions.length === 0 && task.history.length === 0 && task.urges.length === 0) return null;
  return (
    <>
      {task.extensions.length > 0 && (
        <section aria-labelledby="task-extensions">
          <h2 id="task-extensions">延期记录</h2>
          <ol className="u-reports">
            {task.extensions.map((x, i) => (
              <li key={i}>
                <strong>{x.from}</strong> 经{x.approvedBy}批准，时限由 {x.previous} 延至 {x.deadline}。理由：{x.reason}
                <span className="u-muted">（{x.by} 登记）</span>
              </li>
            ))}
          </ol>
        </section>
      )}
      {task.urges.length > 0 && (
        <section aria-labelledby="task-urges">
          <h2 id="task-urges">催办记录</h2>
          <ul className="u-reports">
            {task.urges.map((u) => (
              <li key={u.id}>
                <strong>{u.numberLabel}</strong> {u.date} 发出，要求 {u.replyBy} 前报送{u.text && `：${u.text}`}
                <span className="u-muted">（{u.by}）</span>{' '}
                <button type="button" className="button u-small" aria-expanded={shown === u.id} onClick={() => setShown(shown === u.id ? null : u.id)}>
                  {shown === u.id ? `收起${u.numberLabel}` : `打印${u.numberLabel}`}
                </button>
                {shown === u.id && <PrintPreview kind="urgeNotice" id={u.id} entities={['taskUrge']} label={`催办通知${u.numberLabel}`} />}
              </li>
            ))}
          </ul>
        </section>
      )}
      {task.history.length > 0 && (
        <section aria-labelledby="task-history">
          <h2 id="task-history">修改记录</h2>
          <ol className="u-reports">
            {task.history.map((h, i) => (
              <li key={i}>
                <div>
                  <strong>{h.date}</strong> {h.by}：{h.reason}
                </div>
                <ul>
                  {h.changes.map((c) => (
                    <li key={c.field}>
                      {c.field}：由「{c.before || '无'}」改为「{c.after || '无'}」
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

function Actions({ busy, label, cancel }: { busy: boolean; label: string; cancel: () => void }) {
  return (
    <div className="form-actions">
      <button type="submit" className="button primary" disabled={busy}>
        {label}
      </button>
      <button type="button" className="button" onClick={cancel}>
        取消
      </button>
    </div>
  );
}

function ExtendForm({ task, done }: { task: TaskDetail; done: () => void }) {
  const api = useApi();
  const [d, setD] = useState({ deadline: '', reason: '', approvedBy: '', from: todayIso() });
  const submit = useSubmit();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (await submit.run(() => api.invoke('tasks.extend', { id: task.id, ...d }))) done();
  };
  return (
    <form noValidate onSubmit={save} onKeyDown={guardEnter} aria-label="延期" className="u-card">
      <h3>延期</h3>
      <p className="u-muted">
        现完成时限 {task.deadline}
        {task.originalDeadline && `（原定 ${task.originalDeadline}）`}。延期后按新的时限判断是否逾期，原时限仍保留在记录中。
      </p>
      <div className="u-row">
        <Field label="新的完成时限" error={submit.errors.deadline}>
          <input className="input u-date" type="date" required value={d.deadline} onChange={(e) => setD({ ...d, deadline: e.target.value })} />
        </Field>
        <Field label="批准人" hint="如 召集人 马儒生" error={submit.errors.approvedBy}>
          <input className="input" required value={d.approvedBy} onChange={(e) => setD({ ...d, approvedBy: e.target.value })} />
        </Field>
        <Field label="批准日期" hint="自该日起按新时限督办" error={submit.errors.from}>
          <input className="input u-date" type="date" required value={d.from} onChange={(e) => setD({ ...d, from: e.target.value })} />
        </Field>
      </div>
      <Field label="延期理由" error={submit.errors.reason}>
        <textarea className="input u-textarea" required value={d.reason} onChange={(e) => setD({ ...d, reason: e.target.value })} />
      </Field>
      <FormError message={submit.formError} />
      <Actions busy={submit.busy} label="确认延期" cancel={done} />
    </form>
  );
}

function EditForm({ task, done }: { task: TaskDetail; done: () => void }) {
  const api = useApi();
  const composition = useQuery('composition.get', {}, { entities: ['unit', 'body'] });
  const known = new Map<string, TaskUnitRef>([task.lead, ...task.coUnits].map((u) => [u.id, u]));
  for (const u of composition.data?.units ?? []) known.set(u.id, { id: u.id, name: u.name });
  const units = [...known.values()];
  const [d, setD] = useState({ title: task.title, leadUnitId: task.lead.id, coUnitIds: task.coUnits.map((u) => u.id), reason: '' });
  const submit = useSubmit();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const args = {
      id: task.id,
      reason: d.reason,
      ...(d.title !== task.title ? { title: d.title } : {}),
      ...(d.leadUnitId !== task.lead.id ? { leadUnitId: d.leadUnitId } : {}),
      ...(d.coUnitIds.join('|') !== task.coUnits.map((u) => u.id).join('|') ? { coUnitIds: d.coUnitIds } : {}),
    };
    if (await submit.run(() => api.invoke('tasks.edit', args))) done();
  };
  const toggle = (id: string, on: boolean) =>
    setD({ ...d, coUnitIds: on ? [...d.coUnitIds, id] : d.coUnitIds.filter((u) => u !== id) });
  return (
    <form noValidate onSubmit={save} onKeyDown={guardEnter} aria-label="修改事项" className="u-card">
      <h3>修改事项</h3>
      <p className="u-muted">每次修改都记入修改记录。完成时限请用“延期”办理。</p>
      <Field label="督办事项" error={submit.errors.title}>
        <textarea className="input u-textarea" required value={d.title} onChange={(e) => setD({ ...d, title: e.target.value })} />
      </Field>
      <Field label="牵头单位" error={submit.errors.leadUnitId}>
        <select className="input input-select" value={d.leadUnitId} onChange={(e) => setD({ ...d, leadUnitId: e.target.value })}>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="u-choices u-co">
        <legend>配合单位{submit.errors.coUnitIds && <span className="field-error">（{submit.errors.coUnitIds}）</span>}</legend>
        {units
          .filter((u) => u.id !== d.leadUnitId)
          .map((u) => (
            <label key={u.id} className="u-check">
              <input type="checkbox" checked={d.coUnitIds.includes(u.id)} onChange={(e) => toggle(u.id, e.target.checked)} />
              {u.name}
            </label>
          ))}
      </fieldset>
      <Field label="修改说明" hint="为什么修改，如 按会议纪要措辞更正" error={submit.errors.reason}>
        <input className="input" required value={d.reason} onChange={(e) => setD({ ...d, reason: e.target.value })} />
      </Field>
      <FormError message={submit.formError} />
      <Actions busy={submit.busy} label="保存修改" cancel={done} />
    </form>
  );
}

function UrgeForm({ task, done }: { task: TaskDetail; done: () => void }) {
  const api = useApi();
  const [d, setD] = useState({ date: todayIso(), replyBy: '', text: '' });
  const submit = useSubmit();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const args = { id: task.id, date: d.date, replyBy: d.replyBy, ...(d.text.trim() ? { text: d.text } : {}) };
    if (await submit.run(() => api.invoke('tasks.urge', args))) done();
  };
  return (
    <form noValidate onSubmit={save} onKeyDown={guardEnter} aria-label="发催办通知" className="u-card">
      <h3>发催办通知</h3>
      <p className="u-muted">
        致{[task.lead, ...task.coUnits].map((u) => u.name).join('、')}。通知按年编号（如 催办〔{d.date.slice(0, 4)}〕1号），记入本事项，并计入下一期工作进展通报。
      </p>
      <div className="u-row">
        <Field label="催办日期" error={submit.errors.date}>
          <input className="input u-date" type="date" required value={d.date} onChange={(e) => setD({ ...d, date: e.target.value })} />
        </Field>
        <Field label="报送时限" hint="请承办单位在此日期前书面报送" error={submit.errors.replyBy}>
          <input className="input u-date" type="date" required value={d.replyBy} onChange={(e) => setD({ ...d, replyBy: e.target.value })} />
        </Field>
      </div>
      <Field label="催办要求" hint="可不填；如 请说明逾期原因" error={submit.errors.text}>
        <textarea className="input u-textarea" value={d.text} onChange={(e) => setD({ ...d, text: e.target.value })} />
      </Field>
      <FormError message={submit.formError} />
      <Actions busy={submit.busy} label="发出催办通知" cancel={done} />
    </form>
  );
}
