// 成员单位与职责: the joint meeting as of a chosen date — convener, deputy conveners, members and the office head, the
// member units with their liaisons and duties — and the changes people make to it, each from an effective date:
// a successor (who may serve in another unit, or none), and 机构改革 (a unit renamed, or units merged).
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/client';
import { Field } from '../../components/form/field';
import { Page } from '../../components/page';
import { useQuery } from '../../hooks/use-query';
import { roleNames, type CompositionView, type PostView, type RoleKey, type UnitView } from '../../../../electron/contract/schemas/units';
import { FormError, guardEnter, todayIso, UnitsNav, useSubmit } from './form-kit';
import { SetupPanel } from './setup-panel';
import { useCan } from '../../app/session';
import { useFormDraft } from '../../hooks/use-form-draft';

const ENTITIES = ['body', 'unit', 'post', 'liaison'];

export function UnitsPage() {
  const [date, setDate] = useState('');
  const q = useQuery('composition.get', date ? { date } : {}, { entities: ENTITIES });
  const view = q.data;
  const canSetUp = useCan('composition.setup');
  return (
    <Page title="成员单位与职责">
      <UnitsNav />
      {q.error && <div className="form-error" role="alert">{q.error.message}</div>}
      {view && !view.setUp && (canSetUp ? <SetupPanel /> : <p className="u-muted">联席会议组成尚未设置。</p>)}
      {view?.setUp && <Composition view={view} date={date} setDate={setDate} />}
    </Page>
  );
}

function Composition({ view, date, setDate }: { view: CompositionView; date: string; setDate: (d: string) => void }) {
  const unitRefs = view.units.map((u) => ({ id: u.id, name: u.name }));
  const byRole = (r: RoleKey) => view.posts.filter((p) => p.role === r);
  const current = new Set(view.posts.map((p) => p.id));
  const can = { addPost: useCan('posts.add'), addUnit: useCan('units.add'), rename: useCan('units.rename'), merge: useCan('units.merge') };
  const [reform, setReform] = useState<'rename' | 'merge' | null>(null);
  const former = view.history.filter((p) => !current.has(p.id) && p.to !== null && p.to <= view.date);
  return (
    <>
      <p className="lead">
        {view.body.name}
        {view.body.docNumber && `（依据${view.body.docNumber}设立）`}。下面显示 {view.date} 的组成情况。
      </p>
      <div className="u-row u-asof">
        <Field label="查看某日的组成" hint="选择过去的日期，可查看当时的组成人员">
          <input className="input u-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </Field>
        {date && (
          <button type="button" className="button" onClick={() => setDate('')}>
            回到今天
          </button>
        )}
      </div>

      <section aria-labelledby="posts-heading">
        <h2 id="posts-heading">组成人员</h2>
        <table className="u-table">
          <thead>
            <tr>
              <th scope="col">职位</th>
              <th scope="col">姓名</th>
              <th scope="col">职务</th>
              <th scope="col">单位</th>
              <th scope="col">任职起始</th>
              <th scope="col">
                <span className="u-sr">操作</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(['convener', 'deputyConvener', 'member', 'officeHead'] as const).flatMap((r) =>
              byRole(r).map((p) => <PostRow key={p.id} post={p} units={unitRefs} />),
            )}
          </tbody>
        </table>
        {can.addPost && <AddPost units={unitRefs} />}
      </section>

      <section aria-labelledby="units-heading">
        <h2 id="units-heading">成员单位（{view.units.length} 个）</h2>
        <table className="u-table">
          <thead>
            <tr>
              <th scope="col">序号</th>
              <th scope="col">成员单位</th>
              <th scope="col">成员</th>
              <th scope="col">联络员</th>
              <th scope="col">职责条目</th>
            </tr>
          </thead>
          <tbody>
            {view.units.map((u) => (
              <tr key={u.id}>
                <td>{u.order}</td>
                <td>
                  <Link to={`/units/${u.id}`}>{u.name}</Link>
                  {u.dutyName !== u.name && <div className="u-muted">职责中称「{u.dutyName}」</div>}
                  {formerNames(u) && <div className="u-muted">原称{formerNames(u)}</div>}
                  {u.mergedFrom && u.mergedFrom.length > 0 && (
                    <div className="u-muted">由{u.mergedFrom.map((m) => m.name).join('、')}并入</div>
                  )}
                </td>
                <td>
                  {view.posts
                    .filter((p) => p.unitId === u.id && p.role !== 'officeHead')
                    .map((p) => p.personName)
                    .join('、') || <span className="u-muted">暂缺</span>}
                </td>
                <td>{u.liaison ? `${u.liaison.name}（${u.liaison.post}）` : <span className="u-muted">未设</span>}</td>
                <td>{u.duty ? `${u.duty.items.length} 条` : <span className="u-muted">通知未列职责</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {can.addUnit && <AddUnit />}
        <div className="form-actions">
          {can.rename && (
            <button type="button" className="button" aria-expanded={reform === 'rename'} onClick={() => setReform(reform === 'rename' ? null : 'rename')}>
              单位更名
            </button>
          )}
          {can.merge && (
            <button type="button" className="button" aria-expanded={reform === 'merge'} onClick={() => setReform(reform === 'merge' ? null : 'merge')}>
              单位合并
            </button>
          )}
        </div>
        {reform === 'rename' && <RenameUnit units={unitRefs} done={() => setReform(null)} />}
        {reform === 'merge' && <MergeUnits units={unitRefs} done={() => setReform(null)} />}
      </section>

      {former.length > 0 && (
        <section aria-labelledby="former-heading">
          <h2 id="former-heading">历任人员</h2>
          <table className="u-table">
            <thead>
              <tr>
                <th scope="col">姓名</th>
                <th scope="col">职位</th>
                <th scope="col">职务</th>
                <th scope="col">单位</th>
                <th scope="col">任职期间</th>
              </tr>
            </thead>
            <tbody>
              {former.map((p) => (
                <tr key={p.id}>
                  <td>{p.personName}</td>
                  <td>{roleNames[p.role]}</td>
                  <td>{p.title}</td>
                  <td>{p.unitName || '—'}</td>
                  <td>
                    {p.from} 至 {p.to}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}

/** 「市地税局（至 2018-07-20）」: the names a unit had before the one in force. */
function formerNames(u: UnitView): string {
  if (!u.names || u.names.length < 2) return '';
  return u.names
    .filter((n) => n.name !== u.name && n.to !== null)
    .map((n) => `「${n.name}」（至 ${n.to}）`)
    .join('、');
}

const SAME_UNIT = '__same';

function PostRow({ post, units }: { post: PostView; units: { id: string; name: string }[] }) {
  const api = useApi();
  const [open, setOpen] = useState<'replace' | 'end' | null>(null);
  const canChange = useCan('posts.replace');
  const unitName = post.unitName;
  const [draft, setDraft, saved] = useFormDraft(`post:${post.id}`, () => ({ personName: '', title: post.title, from: todayIso(), unitId: SAME_UNIT }));
  const submit = useSubmit();
  const replace = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await submit.run(() =>
      open === 'end'
        ? api.invoke('posts.end', { postId: post.id, to: draft.from })
        : api.invoke('posts.replace', {
            postId: post.id,
            personName: draft.personName,
            title: draft.title,
            from: draft.from,
            // Left as it was, the successor serves in the predecessor's unit.
            ...(draft.unitId === SAME_UNIT ? {} : { unitId: draft.unitId || null }),
          }),
    );
    if (ok) {
      saved.clear();
      setOpen(null);
    }
  };
  return (
    <>
      <tr>
        <td>{roleNames[post.role]}</td>
        <td>{post.personName}</td>
        <td>{post.title}</td>
        <td>{unitName || '—'}</td>
        <td>{post.from}</td>
        <td className="u-actions">
          {post.to === null && canChange && (
            <>
              <button type="button" className="button u-small" onClick={() => setOpen(open === 'replace' ? null : 'replace')} aria-label={`更换${post.personName}`}>
                更换
              </button>
              <button type="button" className="button u-small" onClick={() => setOpen(open === 'end' ? null : 'end')} aria-label={`${post.personName}离任`}>
                离任
              </button>
            </>
          )}
        </td>
      </tr>
      {open && (
        <tr className="u-inline-form">
          <td colSpan={6}>
            <form noValidate onSubmit={replace} onKeyDown={guardEnter} aria-label={open === 'replace' ? `更换${post.personName}` : `${post.personName}离任`}>
              <div className="u-row">
                {open === 'replace' && (
                  <>
                    <Field label="接任人姓名" error={submit.errors.personName}>
                      <input className="input" required autoFocus value={draft.personName} onChange={(e) => setDraft({ ...draft, personName: e.target.value })} />
                    </Field>
                    <Field label="接任人职务" error={submit.errors.title}>
                      <input className="input" value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} />
                    </Field>
                    <Field label="接任人所在单位" hint="如新任副市长不兼任局长，选“不属于成员单位”" error={submit.errors.unitId}>
                      <select className="input input-select" value={draft.unitId} onChange={(e) => setDraft({ ...draft, unitId: e.target.value })}>
                        <option value={SAME_UNIT}>与前任相同（{unitName || '—'}）</option>
                        <option value="">（不属于成员单位）</option>
                        {units.map((u) => (
                          <option key={u.id} value={u.id}>
                            {u.name}
                          </option>
                        ))}
                      </select>
                    </Field>
                  </>
                )}
                <Field
                  label={open === 'replace' ? '接任日期' : '离任日期'}
                  hint={open === 'replace' ? '自该日起由接任人担任' : '自该日起该职位暂缺'}
                  error={submit.errors.from ?? submit.errors.to}
                >
                  <input className="input u-date" type="date" required value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
                </Field>
              </div>
              <FormError message={submit.formError} />
              <div className="form-actions">
                <button type="submit" className="button primary" disabled={submit.busy}>
                  {open === 'replace' ? '确认更换' : '确认离任'}
                </button>
                <button type="button" className="button" onClick={() => setOpen(null)}>
                  取消
                </button>
              </div>
            </form>
          </td>
        </tr>
      )}
    </>
  );
}

function AddPost({ units }: { units: { id: string; name: string }[] }) {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const empty = { role: 'member' as RoleKey, personName: '', title: '', unitId: '', from: todayIso() };
  const [d, setD, draft] = useFormDraft('post:new', empty);
  const submit = useSubmit();
  if (!open)
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        新增组成人员
      </button>
    );
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await submit.run(() => api.invoke('posts.add', { ...d, unitId: d.unitId || null }));
    if (ok) {
      draft.clear(empty);
      setOpen(false);
    }
  };
  return (
    <form noValidate onSubmit={save} onKeyDown={guardEnter} aria-label="新增组成人员" className="u-card">
      <div className="u-row">
        <Field label="职位" error={submit.errors.role}>
          <select className="input input-select" value={d.role} onChange={(e) => setD({ ...d, role: e.target.value as RoleKey })}>
            {(Object.keys(roleNames) as RoleKey[]).map((r) => (
              <option key={r} value={r}>
                {roleNames[r]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="姓名" error={submit.errors.personName}>
          <input className="input" required value={d.personName} onChange={(e) => setD({ ...d, personName: e.target.value })} />
        </Field>
        <Field label="职务" error={submit.errors.title}>
          <input className="input" value={d.title} onChange={(e) => setD({ ...d, title: e.target.value })} />
        </Field>
        <Field label="所在成员单位" error={submit.errors.unitId}>
          <select className="input input-select" value={d.unitId} onChange={(e) => setD({ ...d, unitId: e.target.value })}>
            <option value="">（不属于成员单位）</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="任职起始日期" error={submit.errors.from}>
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

function AddUnit() {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const empty = { name: '', duty: '', from: todayIso() };
  const [d, setD, draft] = useFormDraft('unit:new', empty);
  const submit = useSubmit();
  if (!open)
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        新增成员单位
      </button>
    );
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await submit.run(() => api.invoke('units.add', { name: d.name, from: d.from, ...(d.duty.trim() ? { duty: d.duty } : {}) }));
    if (ok) {
      draft.clear(empty);
      setOpen(false);
    }
  };
  return (
    <form noValidate onSubmit={save} onKeyDown={guardEnter} aria-label="新增成员单位" className="u-card">
      <div className="u-row">
        <Field label="单位名称" error={submit.errors.name}>
          <input className="input" required value={d.name} onChange={(e) => setD({ ...d, name: e.target.value })} />
        </Field>
        <Field label="加入日期" error={submit.errors.from}>
          <input className="input u-date" type="date" required value={d.from} onChange={(e) => setD({ ...d, from: e.target.value })} />
        </Field>
      </div>
      <Field label="职责分工" hint="按句号、分号分为职责条目；可暂不填写" error={submit.errors.duty}>
        <textarea className="input u-textarea" value={d.duty} onChange={(e) => setD({ ...d, duty: e.target.value })} />
      </Field>
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

function RenameUnit({ units, done }: { units: { id: string; name: string }[]; done: () => void }) {
  const api = useApi();
  const [d, setD] = useState({ unitId: '', name: '', from: todayIso() });
  const submit = useSubmit();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (await submit.run(() => api.invoke('units.rename', d))) done();
  };
  return (
    <form noValidate onSubmit={save} onKeyDown={guardEnter} aria-label="单位更名" className="u-card">
      <h3>单位更名</h3>
      <p className="u-muted">机构改革后单位改称新名称。更名日期以前的会议和组成仍显示原名称；人员、联络员、职责和督办事项不变。</p>
      <div className="u-row">
        <Field label="成员单位" error={submit.errors.unitId}>
          <select className="input input-select" required value={d.unitId} onChange={(e) => setD({ ...d, unitId: e.target.value })}>
            <option value="">请选择</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="新名称" hint="如 市市场监督管理局" error={submit.errors.name}>
          <input className="input" required value={d.name} onChange={(e) => setD({ ...d, name: e.target.value })} />
        </Field>
        <Field label="更名日期" hint="自该日起使用新名称" error={submit.errors.from}>
          <input className="input u-date" type="date" required value={d.from} onChange={(e) => setD({ ...d, from: e.target.value })} />
        </Field>
      </div>
      <FormError message={submit.formError} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={submit.busy}>
          确认更名
        </button>
        <button type="button" className="button" onClick={done}>
          取消
        </button>
      </div>
    </form>
  );
}

function MergeUnits({ units, done }: { units: { id: string; name: string }[]; done: () => void }) {
  const api = useApi();
  const [d, setD] = useState({ keep: '', others: [] as string[], name: '', from: todayIso() });
  const submit = useSubmit();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const unitIds = [d.keep, ...d.others.filter((u) => u !== d.keep)].filter(Boolean);
    if (await submit.run(() => api.invoke('units.merge', { unitIds, name: d.name, from: d.from }))) done();
  };
  const toggle = (id: string, on: boolean) => setD({ ...d, others: on ? [...d.others, id] : d.others.filter((u) => u !== id) });
  return (
    <form noValidate onSubmit={save} onKeyDown={guardEnter} aria-label="单位合并" className="u-card">
      <h3>单位合并</h3>
      <p className="u-muted">
        几个成员单位自某日起合并为一个。承继单位保留其人员、联络员和职责，改用新名称；并入的单位自该日起退出，其未办结的督办事项转由承继单位办理（记入事项的修改记录）。
      </p>
      <div className="u-row">
        <Field label="承继单位" error={submit.errors.unitIds}>
          <select className="input input-select" required value={d.keep} onChange={(e) => setD({ ...d, keep: e.target.value })}>
            <option value="">请选择</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="合并后的单位名称" error={submit.errors.name}>
          <input className="input" required value={d.name} onChange={(e) => setD({ ...d, name: e.target.value })} />
        </Field>
        <Field label="合并日期" error={submit.errors.from}>
          <input className="input u-date" type="date" required value={d.from} onChange={(e) => setD({ ...d, from: e.target.value })} />
        </Field>
      </div>
      <fieldset className="u-choices u-co">
        <legend>并入的单位</legend>
        {units
          .filter((u) => u.id !== d.keep)
          .map((u) => (
            <label key={u.id}>
              <input type="checkbox" checked={d.others.includes(u.id)} onChange={(e) => toggle(u.id, e.target.checked)} />
              {u.name}
            </label>
          ))}
      </fieldset>
      <FormError message={submit.formError} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={submit.busy}>
          确认合并
        </button>
        <button type="button" className="button" onClick={done}>
          取消
        </button>
      </div>
    </form>
  );
}
