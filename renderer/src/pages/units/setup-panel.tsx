// Setting up the joint meeting's composition: a city office starts from the notice's template; a county from the
// county template derived from it, naming its own people; any office may start from nothing.
import { useState, type FormEvent } from 'react';
import { useApi } from '../../api/client';
import { useAppStatus } from '../../app/app-status';
import { Field } from '../../components/form/field';
import { useQuery } from '../../hooks/use-query';
import { roleNames, type SetupMode } from '../../../../electron/contract/schemas/units';
import { FormError, guardEnter, useSubmit } from './form-kit';

function suggestedBodyName(officeName: string): string {
  const place = /^(.+?(?:市|县|区|管委会))/.exec(officeName)?.[1] ?? '';
  return `${place}农村留守儿童关爱保护工作联席会议`;
}

export function SetupPanel() {
  const api = useApi();
  const { office } = useAppStatus();
  const city = office.level === 'city';
  const [mode, setMode] = useState<SetupMode>(city ? 'template' : 'county');
  const [bodyName, setBodyName] = useState(suggestedBodyName(office.name));
  const [from, setFrom] = useState('');
  const [people, setPeople] = useState<Record<number, { personName: string; title: string }>>({});
  const [head, setHead] = useState({ personName: '', title: '' });
  const submit = useSubmit();
  const preview = useQuery('composition.template', mode === 'county' ? { mode: 'county', bodyName } : { mode: 'template' });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    await submit.run(() => {
      if (mode === 'template') return api.invoke('composition.setup', { mode, ...(from ? { from } : {}) });
      if (mode === 'empty') return api.invoke('composition.setup', { mode, bodyName, ...(from ? { from } : {}) });
      const named = Object.entries(people)
        .filter(([, p]) => p.personName.trim() !== '')
        .map(([order, p]) => ({ order: Number(order), personName: p.personName, title: p.title }));
      return api.invoke('composition.setup', {
        mode,
        bodyName,
        people: named,
        ...(from ? { from } : {}),
        ...(head.personName.trim() ? { officeHead: head } : {}),
      });
    });
  };

  const t = preview.data;
  return (
    <section aria-labelledby="setup-heading" className="u-card">
      <h2 id="setup-heading">设置联席会议组成</h2>
      <p className="lead">
        联席会议的组成人员、成员单位及职责分工尚未设置。可按《揭阳市人民政府办公室关于建立揭阳市农村留守儿童关爱保护工作联席会议制度的通知》（揭府办〔2017〕24号）的模板设置，设置后可随时调整人员。
      </p>
      <form noValidate onSubmit={save} onKeyDown={guardEnter} aria-label="设置联席会议组成">
        <fieldset className="u-choices">
          <legend>设置方式</legend>
          {city && (
            <label>
              <input type="radio" name="mode" checked={mode === 'template'} onChange={() => setMode('template')} />
              按通知模板设置（市级：26 个成员单位、组成人员和职责分工）
            </label>
          )}
          <label>
            <input type="radio" name="mode" checked={mode === 'county'} onChange={() => setMode('county')} />
            按县级模板设置（成员单位和职责对应到县（市、区），填写本级人员）
          </label>
          <label>
            <input type="radio" name="mode" checked={mode === 'empty'} onChange={() => setMode('empty')} />
            从空白开始（自行添加成员单位和人员）
          </label>
        </fieldset>
        {mode !== 'template' && (
          <Field label="联席会议名称" error={submit.errors.bodyName}>
            <input className="input" required value={bodyName} onChange={(e) => setBodyName(e.target.value)} />
          </Field>
        )}
        <Field
          label="生效日期"
          hint={mode === 'template' ? '不填则为通知印发之日（2017-03-20）' : '不填则为今天'}
          error={submit.errors.from}
        >
          <input className="input u-date" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        {t && mode !== 'empty' && (
          <div className="u-setup-preview">
            <p>
              模板：{t.bodyName}，成员单位 {t.unitCount} 个（其中 {t.dutyUnitCount} 个有职责分工），组成人员 {t.posts.length} 名。
            </p>
            <table className="u-table">
              <caption>{mode === 'county' ? '填写本级组成人员（未填写的职位暂缺，可在设置后补充）' : '组成人员'}</caption>
              <thead>
                <tr>
                  <th scope="col">职位</th>
                  <th scope="col">单位</th>
                  <th scope="col">姓名</th>
                  <th scope="col">职务</th>
                </tr>
              </thead>
              <tbody>
                {t.posts.map((p) => (
                  <tr key={p.order}>
                    <td>{roleNames[p.role]}</td>
                    <td>{p.unitName || '—'}</td>
                    {mode === 'county' ? (
                      <>
                        <td>
                          <input
                            className="input u-input-sm"
                            aria-label={`第${p.order}位（${p.unitName || roleNames[p.role]}）姓名`}
                            value={people[p.order]?.personName ?? ''}
                            onChange={(e) => setPeople({ ...people, [p.order]: { title: people[p.order]?.title ?? '', personName: e.target.value } })}
                          />
                        </td>
                        <td>
                          <input
                            className="input u-input-sm"
                            aria-label={`第${p.order}位（${p.unitName || roleNames[p.role]}）职务`}
                            value={people[p.order]?.title ?? ''}
                            onChange={(e) => setPeople({ ...people, [p.order]: { personName: people[p.order]?.personName ?? '', title: e.target.value } })}
                          />
                        </td>
                      </>
                    ) : (
                      <>
                        <td>{p.personName}</td>
                        <td>{p.title}</td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
            {mode === 'county' && (
              <div className="u-row">
                <Field label="办公室主任姓名">
                  <input className="input" value={head.personName} onChange={(e) => setHead({ ...head, personName: e.target.value })} />
                </Field>
                <Field label="办公室主任职务">
                  <input className="input" value={head.title} onChange={(e) => setHead({ ...head, title: e.target.value })} />
                </Field>
              </div>
            )}
          </div>
        )}
        <FormError message={submit.formError} />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={submit.busy}>
            {mode === 'template' ? '按通知模板设置' : mode === 'county' ? '按县级模板设置' : '创建空白组成'}
          </button>
        </div>
      </form>
    </section>
  );
}
