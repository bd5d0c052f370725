// One member unit: its people, its liaison (and the earlier ones), its names through 机构改革, its duty items (each
// rewordable from a date, with its history and the founding notice's wording), and what it owes and has reported.
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/client';
import { Field } from '../../components/form/field';
import { Page } from '../../components/page';
import { useQuery } from '../../hooks/use-query';
import { roleNames, type DutyItemView, type TaskRow } from '../../../../electron/contract/schemas/units';
import { FormError, guardEnter, StatusBadge, todayIso, UnitsNav, useSubmit } from './form-kit';
import { useCan } from '../../app/session';
import { useFormDraft } from '../../hooks/use-form-draft';

export function UnitPage() {
  const { unitId = '' } = useParams();
  const q = useQuery('units.get', { unitId }, { entities: ['unit', 'post', 'liaison', 'task', 'taskReport'] });
  const d = q.data;
  const canSetLiaison = useCan('units.setLiaison');
  const canEditDuty = useCan('units.editDuty');
  const canAddDuty = useCan('units.addDuty');
  return (
    <Page title={d ? d.unit.name : '成员单位'}>
      <UnitsNav />
      {q.error && <div className="form-error" role="alert">{q.error.message}</div>}
      {d && (
        <>
          {d.unit.to && (
            <p className="notice">
              该单位已于 {d.unit.to} {d.unit.mergedInto ? <>并入<Link to={`/units/${d.unit.mergedInto.id}`}>{d.unit.mergedInto.name}</Link></> : '退出联席会议'}。
            </p>
          )}
          {d.unit.names && d.unit.names.length > 1 && (
            <section aria-labelledby="unit-names">
              <h2 id="unit-names">名称沿革</h2>
              <ul>
                {d.unit.names.map((n) => (
                  <li key={`${n.name}${n.from}`}>
                    {n.name}：{n.from} {n.to ? `至 ${n.to}` : '起'}
                  </li>
                ))}
              </ul>
              {d.unit.mergedFrom && d.unit.mergedFrom.length > 0 && <p className="u-muted">由{d.unit.mergedFrom.map((m) => m.name).join('、')}并入。</p>}
            </section>
          )}
          <section aria-labelledby="unit-people">
            <h2 id="unit-people">成员</h2>
            {d.posts.length === 0 ? (
              <p className="u-muted">暂缺。</p>
            ) : (
              <ul>
                {d.posts.map((p) => (
                  <li key={p.id}>
                    {p.personName}（{p.title}）{roleNames[p.role]}，{p.from} 起
                  </li>
                ))}
              </ul>
            )}
            {d.formerPosts.length > 0 && (
              <p className="u-muted">
                历任：{d.formerPosts.map((p) => `${p.personName}（${p.from} 至 ${p.to ?? ''}）`).join('；')}
              </p>
            )}
          </section>
          <section aria-labelledby="unit-liaison">
            <h2 id="unit-liaison">联络员</h2>
            {d.unit.liaison ? (
              <p>
                {d.unit.liaison.name}，{d.unit.liaison.post}，电话 {d.unit.liaison.phone}
              </p>
            ) : (
              <p className="u-muted">尚未设置联络员。</p>
            )}
            {d.liaisonHistory.length > 1 && (
              <p className="u-muted">
                历任联络员：
                {d.liaisonHistory
                  .filter((l) => l.to !== null)
                  .map((l) => `${l.name}（${l.from} 至 ${l.to}）`)
                  .join('；')}
              </p>
            )}
            {!d.unit.to && canSetLiaison && <LiaisonForm unitId={d.unit.id} />}
          </section>
          <section aria-labelledby="unit-duty">
            <h2 id="unit-duty">职责分工</h2>
            {d.unit.duty && d.unit.duty.items.length > 0 ? (
              <ol className="u-duty">
                {d.unit.duty.items.map((it, i) => (
                  <DutyItem key={it.id} n={i + 1} unitId={d.unit.id} item={it} canEdit={canEditDuty && !d.unit.to} />
                ))}
              </ol>
            ) : (
              <p className="u-muted">通知未列该单位的职责分工。</p>
            )}
            {d.unit.duty?.paragraph && (
              <details>
                <summary>通知原文</summary>
                <p className="u-quote">{d.unit.dutyName}：{d.unit.duty.paragraph}</p>
              </details>
            )}
            {canAddDuty && !d.unit.to && <AddDuty unitId={d.unit.id} />}
          </section>
          <section aria-labelledby="unit-tasks">
            <h2 id="unit-tasks">督办事项</h2>
            <TaskMiniTable caption="牵头" rows={d.leading} />
            <TaskMiniTable caption="配合" rows={d.cooperating} />
          </section>
          <section aria-labelledby="unit-reports">
            <h2 id="unit-reports">已报送的进展</h2>
            {d.reports.length === 0 ? (
              <p className="u-muted">尚未报送。</p>
            ) : (
              <ul>
                {d.reports.map((r) => (
                  <li key={r.id}>
                    {r.date} <Link to={`/units/tasks/${r.taskId}`}>{r.taskTitle}</Link>：{r.text}
                    {r.final && '（办结报告）'}
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

function TaskMiniTable({ caption, rows }: { caption: string; rows: TaskRow[] }) {
  if (rows.length === 0) return <p className="u-muted">{caption}：无。</p>;
  return (
    <table className="u-table">
      <caption>
        {caption}（{rows.length} 项）
      </caption>
      <thead>
        <tr>
          <th scope="col">事项</th>
          <th scope="col">时限</th>
          <th scope="col">状态</th>
          <th scope="col">最近进展</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((t) => (
          <tr key={t.id}>
            <td>
              <Link to={`/units/tasks/${t.id}`}>{t.title}</Link>
            </td>
            <td>{t.deadline}</td>
            <td>
              <StatusBadge status={t.status} />
            </td>
            <td>{t.latestReport ? `${t.latestReport.date} ${t.latestReport.unitName}` : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LiaisonForm({ unitId }: { unitId: string }) {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const empty = { name: '', post: '', phone: '', from: todayIso() };
  const [d, setD, draft] = useFormDraft(`liaison:${unitId}`, empty);
  const submit = useSubmit();
  if (!open)
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        设置联络员
      </button>
    );
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (await submit.run(() => api.invoke('units.setLiaison', { unitId, ...d }))) {
      draft.clear(empty);
      setOpen(false);
    }
  };
  return (
    <form noValidate onSubmit={save} onKeyDown={guardEnter} aria-label="设置联络员" className="u-card">
      <div className="u-row">
        <Field label="联络员姓名" error={submit.errors.name}>
          <input className="input" required value={d.name} onChange={(e) => setD({ ...d, name: e.target.value })} />
        </Field>
        <Field label="职务" hint="如 儿童福利科科长" error={submit.errors.post}>
          <input className="input" required value={d.post} onChange={(e) => setD({ ...d, post: e.target.value })} />
        </Field>
        <Field label="电话" hint="手机或带区号的固定电话" error={submit.errors.phone}>
          <input className="input" required inputMode="tel" value={d.phone} onChange={(e) => setD({ ...d, phone: e.target.value })} />
        </Field>
        <Field label="起始日期" error={submit.errors.from}>
          <input className="input u-date" type="date" required value={d.from} onChange={(e) => setD({ ...d, from: e.target.value })} />
        </Field>
      </div>
      <FormError message={submit.formError} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={submit.busy}>
          保存
        </button>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          取消
        </button>
      </div>
    </form>
  );
}

function DutyItem({ n, unitId, item, canEdit }: { n: number; unitId: string; item: DutyItemView; canEdit: boolean }) {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [d, setD] = useState({ text: item.text, from: todayIso(), note: '' });
  const submit = useSubmit();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const args = { unitId, itemId: item.id, text: d.text, from: d.from, ...(d.note.trim() ? { note: d.note } : {}) };
    if (await submit.run(() => api.invoke('units.editDuty', args))) setOpen(false);
  };
  const history = item.history ?? [];
  return (
    <li>
      {item.text}
      {item.added && <span className="u-muted">（{item.added} 增加）</span>}
      {canEdit && (
        <>
          {' '}
          <button type="button" className="button u-small" aria-label={`修改第${n}条职责`} aria-expanded={open} onClick={() => setOpen(!open)}>
            修改
          </button>
        </>
      )}
      {item.original !== undefined && item.original !== item.text && <div className="u-muted">通知原文：{item.original}</div>}
      {history.length > 1 && (
        <details>
          <summary>修改记录（{history.length - 1} 次）</summary>
          <ul>
            {history.map((h, i) => (
              <li key={i}>
                {h.from} {h.to ? `至 ${h.to}` : '起'}：{h.text}
                {(h.note || h.by) && <span className="u-muted">（{[h.note, h.by].filter(Boolean).join('，')}）</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
      {open && (
        <form noValidate onSubmit={save} onKeyDown={guardEnter} aria-label={`修改第${n}条职责`} className="u-card">
          <Field label="职责内容" error={submit.errors.text}>
            <textarea className="input u-textarea" required value={d.text} onChange={(e) => setD({ ...d, text: e.target.value })} />
          </Field>
          <div className="u-row">
            <Field label="生效日期" hint="此前的会议和组成仍显示原内容" error={submit.errors.from}>
              <input className="input u-date" type="date" required value={d.from} onChange={(e) => setD({ ...d, from: e.target.value })} />
            </Field>
            <Field label="修改依据" hint="如 市编办文件或会议纪要" error={submit.errors.note}>
              <input className="input" value={d.note} onChange={(e) => setD({ ...d, note: e.target.value })} />
            </Field>
          </div>
          <FormError message={submit.formError} />
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={submit.busy}>
              保存修改
            </button>
            <button type="button" className="button" onClick={() => setOpen(false)}>
              取消
            </button>
          </div>
        </form>
      )}
    </li>
  );
}

function AddDuty({ unitId }: { unitId: string }) {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [d, setD] = useState({ text: '', from: todayIso(), note: '' });
  const submit = useSubmit();
  if (!open)
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        增加职责条目
      </button>
    );
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const args = { unitId, text: d.text, from: d.from, ...(d.note.trim() ? { note: d.note } : {}) };
    if (await submit.run(() => api.invoke('units.addDuty', args))) {
      setD({ text: '', from: todayIso(), note: '' });
      setOpen(false);
    }
  };
  return (
    <form noValidate onSubmit={save} onKeyDown={guardEnter} aria-label="增加职责条目" className="u-card">
      <Field label="职责内容" error={submit.errors.text}>
        <textarea className="input u-textarea" required value={d.text} onChange={(e) => setD({ ...d, text: e.target.value })} />
      </Field>
      <div className="u-row">
        <Field label="生效日期" error={submit.errors.from}>
          <input className="input u-date" type="date" required value={d.from} onChange={(e) => setD({ ...d, from: e.target.value })} />
        </Field>
        <Field label="增加依据" error={submit.errors.note}>
          <input className="input" value={d.note} onChange={(e) => setD({ ...d, note: e.target.value })} />
        </Field>
      </div>
      <FormError message={submit.formError} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={submit.busy}>
          保存
        </button>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          取消
        </button>
      </div>
    </form>
  );
}
