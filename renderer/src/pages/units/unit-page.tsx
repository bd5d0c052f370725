// One member unit: its people, its liaison (and the earlier ones), its duty items, and what it owes and has reported.
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/client';
import { Field } from '../../components/form/field';
import { Page } from '../../components/page';
import { useQuery } from '../../hooks/use-query';
import { roleNames, type TaskRow } from '../../../../electron/contract/schemas/units';
import { FormError, guardEnter, StatusBadge, todayIso, UnitsNav, useSubmit } from './form-kit';
import { useCan } from '../../app/session';
import { useFormDraft } from '../../hooks/use-form-draft';

export function UnitPage() {
  const { unitId = '' } = useParams();
  const q = useQuery('units.get', { unitId }, { entities: ['unit', 'post', 'liaison', 'task', 'taskReport'] });
  const d = q.data;
  const canSetLiaison = useCan('units.setLiaison');
  return (
    <Page title={d ? d.unit.name : '成员单位'}>
      <UnitsNav />
      {q.error && <div className="form-error" role="alert">{q.error.message}</div>}
      {d && (
        <>
          {d.unit.to && <p className="notice">该单位已于 {d.unit.to} 退出联席会议。</p>}
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
            {d.unit.duty ? (
              <ol className="u-duty">
                {d.unit.duty.items.map((it) => (
                  <li key={it.id}>{it.text}</li>
                ))}
              </ol>
            ) : (
              <p className="u-muted">通知未列该单位的职责分工。</p>
            )}
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
