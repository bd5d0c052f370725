// 督办事项: every supervised task with its status, filtered by unit or to the overdue ones, and the form that
// assigns a new one to a lead unit and its cooperating units.
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../../api/client';
import { Field } from '../../components/form/field';
import { Page } from '../../components/page';
import { useQuery } from '../../hooks/use-query';
import type { UnitView } from '../../../../electron/contract/schemas/units';
import { FormError, guardEnter, StatusBadge, UnitsNav, useSubmit } from './form-kit';
import { useCan } from '../../app/session';
import { useFormDraft } from '../../hooks/use-form-draft';

const ENTITIES = ['task', 'taskReport', 'unit'];

export function TasksPage() {
  const [unitId, setUnitId] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [creating, setCreating] = useState(false);
  const composition = useQuery('composition.get', {}, { entities: ['unit', 'body'] });
  const q = useQuery('tasks.list', { ...(unitId ? { unitId } : {}), ...(overdue ? { overdue: true } : {}) }, { entities: ENTITIES });
  const units = composition.data?.units ?? [];
  const canCreate = useCan('tasks.create');
  return (
    <Page title="督办事项">
      <UnitsNav />
      <div className="u-row u-filters">
        <Field label="成员单位">
          <select className="input input-select" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
            <option value="">全部单位</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </Field>
        <label className="u-check">
          <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} />
          只看已逾期
        </label>
        {canCreate && (
          <button type="button" className="button primary" onClick={() => setCreating(!creating)} aria-expanded={creating}>
            新建督办事项
          </button>
        )}
      </div>
      {creating && canCreate && <NewTaskForm units={units} onDone={() => setCreating(false)} />}
      {q.error && <div className="form-error" role="alert">{q.error.message}</div>}
      {q.data && q.data.length === 0 && <p className="u-muted">{overdue ? '没有逾期的督办事项。' : '还没有督办事项。'}</p>}
      {q.data && q.data.length > 0 && (
        <table className="u-table" aria-label="督办事项列表">
          <thead>
            <tr>
              <th scope="col">督办事项</th>
              <th scope="col">牵头单位</th>
              <th scope="col">配合单位</th>
              <th scope="col">时限</th>
              <th scope="col">状态</th>
              <th scope="col">最近进展</th>
            </tr>
          </thead>
          <tbody>
            {q.data.map((t) => (
              <tr key={t.id} className={t.status === '已逾期' ? 'u-overdue' : undefined}>
                <td>
                  <Link to={`/units/tasks/${t.id}`}>{t.title}</Link>
                  <div className="u-muted">{t.sourceLabel}</div>
                </td>
                <td>{t.lead.name}</td>
                <td>{t.coUnits.map((u) => u.name).join('、') || '—'}</td>
                <td>
                  {t.deadline}
                  {t.originalDeadline && <div className="u-muted">原定 {t.originalDeadline}，已延期</div>}
                  {t.status === '已逾期' && <div className="u-danger-text">逾期 {-t.daysLeft} 天</div>}
                </td>
                <td>
                  <StatusBadge status={t.status} />
                  {t.urgeCount > 0 && <div className="u-muted">已催办 {t.urgeCount} 次</div>}
                </td>
                <td>{t.latestReport ? `${t.latestReport.date} ${t.latestReport.unitName}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}

const emptyTask = { title: '', kind: 'adhoc' as 'adhoc' | 'duty', dutyItemId: '', leadUnitId: '', coUnitIds: [] as string[], deadline: '', assignedOn: '' };

function NewTaskForm({ units, onDone }: { units: UnitView[]; onDone: () => void }) {
  const api = useApi();
  const navigate = useNavigate();
  const [d, setD, draft] = useFormDraft('task:new', emptyTask);
  const submit = useSubmit();
  const lead = units.find((u) => u.id === d.leadUnitId);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    let id = '';
    const ok = await submit.run(async () => {
      const t = await api.invoke('tasks.create', {
        title: d.title,
        source: d.kind === 'duty' ? { kind: 'duty', dutyItemId: d.dutyItemId } : { kind: 'adhoc' },
        leadUnitId: d.leadUnitId,
        coUnitIds: d.coUnitIds,
        deadline: d.deadline,
        // 交办日期: a task recorded after the day it was assigned counts in that day's bulletins.
        ...(d.assignedOn ? { assignedOn: d.assignedOn } : {}),
      });
      id = t.id;
    });
    if (ok) {
      draft.clear(emptyTask);
      onDone();
      void navigate(`/units/tasks/${id}`);
    }
  };
  const toggleCo = (id: string) =>
    setD({ ...d, coUnitIds: d.coUnitIds.includes(id) ? d.coUnitIds.filter((x) => x !== id) : [...d.coUnitIds, id] });
  return (
    <form noValidate onSubmit={save} onKeyDown={guardEnter} aria-label="新建督办事项" className="u-card">
      <Field label="督办事项" error={submit.errors.title}>
        <input className="input" required value={d.title} onChange={(e) => setD({ ...d, title: e.target.value })} />
      </Field>
      <div className="u-row">
        <Field label="牵头单位" error={submit.errors.leadUnitId}>
          <select className="input input-select" required value={d.leadUnitId} onChange={(e) => setD({ ...d, leadUnitId: e.target.value, dutyItemId: '' })}>
            <option value="">请选择</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="完成时限" error={submit.errors.deadline}>
          <input className="input u-date" type="date" required value={d.deadline} onChange={(e) => setD({ ...d, deadline: e.target.value })} />
        </Field>
        <Field label="交办日期" hint="可不填，默认今天" error={submit.errors.assignedOn}>
          <input className="input u-date" type="date" value={d.assignedOn} onChange={(e) => setD({ ...d, assignedOn: e.target.value })} />
        </Field>
        <Field label="事项来源" error={submit.errors['source.kind']}>
          <select className="input input-select" value={d.kind} onChange={(e) => setD({ ...d, kind: e.target.value as 'adhoc' | 'duty' })}>
            <option value="adhoc">临时交办</option>
            <option value="duty">职责分工</option>
          </select>
        </Field>
      </div>
      {d.kind === 'duty' && (
        <Field label="对应的职责条目" hint={lead ? undefined : '请先选择牵头单位'} error={submit.errors['source.dutyItemId']}>
          <select className="input input-select u-wide" required value={d.dutyItemId} onChange={(e) => setD({ ...d, dutyItemId: e.target.value })}>
            <option value="">请选择</option>
            {(lead?.duty?.items ?? []).map((it, i) => (
              <option key={it.id} value={it.id}>
                {i + 1}. {it.text.length > 50 ? `${it.text.slice(0, 50)}……` : it.text}
              </option>
            ))}
          </select>
        </Field>
      )}
      <fieldset className="u-choices u-co">
        <legend>配合单位{submit.errors.coUnitIds && <span className="field-error">（{submit.errors.coUnitIds}）</span>}</legend>
        {units
          .filter((u) => u.id !== d.leadUnitId)
          .map((u) => (
            <label key={u.id}>
              <input type="checkbox" checked={d.coUnitIds.includes(u.id)} onChange={() => toggleCo(u.id)} />
              {u.name}
            </label>
          ))}
      </fieldset>
      <FormError message={submit.formError} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={submit.busy}>
          保存督办事项
        </button>
        <button type="button" className="button" onClick={onDone}>
          取消
        </button>
      </div>
    </form>
  );
}
