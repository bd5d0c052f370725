// 会议与纪要: every meeting with the state of its minutes, and a form to record a new one.
import { Link, useNavigate } from 'react-router';
import {
  meetingKindNames,
  meetingKinds,
  minutesStateNames,
  type ChairKind,
  type MeetingKind,
} from '../../../../electron/contract/schemas/meetings';
import { useApi } from '../../api/client';
import { Field } from '../../components/form/field';
import { Page } from '../../components/page';
import { useCan } from '../../app/session';
import { useQuery } from '../../hooks/use-query';
import { FormError, noEnterSubmit, useAction } from './use-action';
import { useFormDraft } from '../../hooks/use-form-draft';

const emptyDraft = {
  kind: 'plenary' as MeetingKind,
  date: '',
  time: '',
  place: '',
  chairKind: 'convener' as ChairKind,
  chairName: '',
  chairTitle: '',
  requestedBy: '',
  preparesId: '',
};

export function MeetingsPage() {
  const { data, error, refetch } = useQuery('meetings.list', {}, { entities: ['meeting', 'minutes'] });
  const api = useApi();
  const navigate = useNavigate();
  const action = useAction();
  const canCreate = useCan('meetings.create');
  const [draft, setDraft, form] = useFormDraft('meeting:new', emptyDraft);
  const set = (field: keyof typeof emptyDraft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [field]: e.target.value }));
  const joint = (data ?? []).filter((m) => m.kind !== 'liaison');

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    let id = '';
    const ok = await action.run(async () => {
      const args = {
        kind: draft.kind,
        date: draft.date,
        place: draft.place,
        chairKind: draft.chairKind,
        ...(draft.time ? { time: draft.time } : {}),
        ...(draft.chairKind === 'delegate'
          ? { chairName: draft.chairName, chairTitle: draft.chairTitle }
          : {}),
        ...(draft.kind === 'adhoc' ? { requestedBy: draft.requestedBy } : {}),
        ...(draft.kind === 'liaison' && draft.preparesId ? { preparesId: draft.preparesId } : {}),
      };
      id = (await api.invoke('meetings.create', args)).id;
    });
    if (ok) {
      form.clear(emptyDraft);
      void navigate(`/meetings/${id}`);
    }
  };

  return (
    <Page title="会议与纪要">
      <div className="mt">
        <p className="lead">
          记录全体会议、临时会议和联络员会议：联络员会议研究各单位提出的议题，联席会议议定事项并交办督办，会后起草、印发会议纪要。
        </p>
        <section aria-labelledby="meetings-list">
          <h2 id="meetings-list">会议</h2>
          {!data && !error && <p role="status">正在读取……</p>}
          {error && (
            <div className="form-error" role="alert">
              <p>{error.message}</p>
              <button type="button" className="button" onClick={() => void refetch()}>
                重试
              </button>
            </div>
          )}
          {data && data.length === 0 && <p className="explain">还没有会议。请在下面登记第一次会议。</p>}
          {data && data.length > 0 && (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">会议</th>
                  <th scope="col">日期</th>
                  <th scope="col">地点</th>
                  <th scope="col">会议纪要</th>
                </tr>
              </thead>
              <tbody>
                {data.map((m) => (
                  <tr key={m.id}>
                    <td>
                      <Link to={`/meetings/${m.id}`}>{m.name}</Link>
                    </td>
                    <td>
                      {m.date} {m.time}
                    </td>
                    <td>{m.place}</td>
                    <td>
                      {minutesStateNames[m.minutesStatus]}
                      {m.minutesNumber ? `（${m.minutesNumber}）` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        {canCreate && (
          <section aria-labelledby="meetings-new">
            <h2 id="meetings-new">登记会议</h2>
            <form
              noValidate
              onSubmit={submit}
              onKeyDown={noEnterSubmit}
              aria-label="登记会议"
              className="form-grid"
            >
              <Field label="会议类型" error={action.errors.kind}>
                <select className="input input-select" value={draft.kind} onChange={set('kind')}>
                  {meetingKinds.map((k) => (
                    <option key={k} value={k}>
                      {meetingKindNames[k]}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label="会议日期" error={action.errors.date}>
                <input type="date" className="input" required value={draft.date} onChange={set('date')} />
              </Field>
              <Field label="会议时间" hint="如：上午9:30" error={action.errors.time}>
                <input className="input" value={draft.time} onChange={set('time')} />
              </Field>
              <Field label="会议地点" error={action.errors.place}>
                <input className="input" required value={draft.place} onChange={set('place')} />
              </Field>
              <Field label="主持人" error={action.errors.chairKind}>
                <select className="input input-select" value={draft.chairKind} onChange={set('chairKind')}>
                  <option value="convener">
                    {draft.kind === 'liaison' ? '联席会议办公室主任' : '召集人'}
                  </option>
                  <option value="delegate">召集人委托的同志</option>
                </select>
              </Field>
              {draft.chairKind === 'delegate' && (
                <>
                  <Field label="主持人姓名" error={action.errors.chairName}>
                    <input className="input" required value={draft.chairName} onChange={set('chairName')} />
                  </Field>
                  <Field label="主持人职务" error={action.errors.chairTitle}>
                    <input className="input" value={draft.chairTitle} onChange={set('chairTitle')} />
                  </Field>
                </>
              )}
              {draft.kind === 'adhoc' && (
                <Field label="提议召开" hint="如：市领导批示、工作需要" error={action.errors.requestedBy}>
                  <input className="input" required value={draft.requestedBy} onChange={set('requestedBy')} />
                </Field>
              )}
              {draft.kind === 'liaison' && (
                <Field
                  label="筹备的联席会议"
                  hint="联络员会议在联席会议之前召开，研究提交会议的议题"
                  error={action.errors.preparesId}
                >
                  <select
                    className="input input-select"
                    value={draft.preparesId}
                    onChange={set('preparesId')}
                  >
                    <option value="">（暂不指定）</option>
                    {joint.map((m) => (
                      <option key={m.id} value={m.id}>
                        {m.name}（{m.date}）
                      </option>
                    ))}
                  </select>
                </Field>
              )}
              <FormError message={action.message} />
              <div className="form-actions">
                <button type="submit" className="button primary" disabled={action.busy}>
                  登记会议
                </button>
              </div>
            </form>
          </section>
        )}
      </div>
    </Page>
  );
}
