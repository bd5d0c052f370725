// 工作进展通报: the bulletins issued so far, and a new one for a chosen period (numbered 第N期 within its year).
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../../api/client';
import { Field } from '../../components/form/field';
import { Page } from '../../components/page';
import { useQuery } from '../../hooks/use-query';
import { FormError, guardEnter, todayIso, UnitsNav, useSubmit } from './form-kit';
import { useCan } from '../../app/session';

function quarterStart(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return `${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
}

export function BulletinsPage() {
  const api = useApi();
  const navigate = useNavigate();
  const q = useQuery('bulletins.list', {}, { entities: ['bulletin'] });
  const today = todayIso();
  const [d, setD] = useState({ from: quarterStart(today), to: today });
  const submit = useSubmit();
  const canCreate = useCan('bulletins.create');
  const save = async (e: FormEvent) => {
    e.preventDefault();
    let id = '';
    const ok = await submit.run(async () => {
      id = (await api.invoke('bulletins.create', d)).id;
    });
    if (ok) void navigate(`/units/bulletins/${id}`);
  };
  return (
    <Page title="工作进展通报">
      <UnitsNav />
      {canCreate && (
        <form noValidate onSubmit={save} onKeyDown={guardEnter} aria-label="编发通报" className="u-card">
          <h2>编发新一期通报</h2>
          <p className="u-muted">
            通报按所选期间截止日的情况汇总各成员单位督办事项的办理进展和信息台账数据，编发后内容不再变化。
          </p>
          <div className="u-row">
            <Field label="起始日期" error={submit.errors.from}>
              <input
                className="input u-date"
                type="date"
                required
                value={d.from}
                onChange={(e) => setD({ ...d, from: e.target.value })}
              />
            </Field>
            <Field label="截止日期" error={submit.errors.to}>
              <input
                className="input u-date"
                type="date"
                required
                value={d.to}
                onChange={(e) => setD({ ...d, to: e.target.value })}
              />
            </Field>
          </div>
          <FormError message={submit.formError} />
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={submit.busy}>
              编发通报
            </button>
          </div>
        </form>
      )}
      <h2>已编发的通报</h2>
      {q.data && q.data.length === 0 && <p className="u-muted">还没有编发通报。</p>}
      {q.data && q.data.length > 0 && (
        <ul className="u-list">
          {q.data.map((b) => (
            <li key={b.id}>
              <Link to={`/units/bulletins/${b.id}`}>
                {b.year}年{b.numberLabel}
              </Link>{' '}
              {b.title}（{b.date} 印发）
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
