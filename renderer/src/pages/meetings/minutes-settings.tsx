// 纪要设置: the office's numbering (第N期 or 〔YYYY〕N号), red mark and where it sits (GB/T 9704-2012 §10.3 or the
// office's local format), issuer, and 抄报/抄送 wording and addressees.
import { useState } from 'react';
import {
  copyLabels,
  markPlacementNames,
  markPlacements,
  type MarkPlacement,
  numberStyleNames,
  numberStyles,
  type CopyLabel,
  type MinutesSettings,
  type NumberStyle,
} from '../../../../electron/contract/schemas/meetings';
import { useApi } from '../../api/client';
import { useCan } from '../../app/session';
import { Field } from '../../components/form/field';
import { useQuery } from '../../hooks/use-query';
import { FormError, noEnterSubmit, useAction } from './use-action';
import { useFormDraft } from '../../hooks/use-form-draft';

const splitList = (s: string) =>
  s
    .split(/[，,、\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

function SettingsForm({ initial }: { initial: MinutesSettings }) {
  const api = useApi();
  const action = useAction();
  const [s, setS, draft] = useFormDraft('minutes:settings', () => ({
    ...initial,
    copyTo: initial.copyTo.join('、'),
  }));
  const [saved, setSaved] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const ok = await action.run(() =>
      api.invoke('minutes.setSettings', { ...s, copyTo: splitList(s.copyTo) }),
    );
    if (ok) draft.clear();
    setSaved(ok);
  };
  return (
    <form noValidate onSubmit={submit} onKeyDown={noEnterSubmit} aria-label="纪要设置" className="form-grid">
      <Field
        label="编号方式"
        hint="纪要按年度顺序编号，印发时确定；更正版本另编新号，并在正文前注明所更正的原纪要编号"
        error={action.errors.numberStyle}
      >
        <select
          className="input input-select"
          value={s.numberStyle}
          onChange={(e) => setS({ ...s, numberStyle: e.target.value as NumberStyle })}
        >
          {numberStyles.map((n) => (
            <option key={n} value={n}>
              {numberStyleNames[n]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="版头" error={action.errors.mark}>
        <input className="input" value={s.mark} onChange={(e) => setS({ ...s, mark: e.target.value })} />
      </Field>
      <Field
        label="纪要标志位置"
        hint="国家标准规定纪要标志上边缘至版心上边缘为35毫米；纪要格式也可以按本地实际确定"
        error={action.errors.markPlacement}
      >
        <select
          className="input input-select"
          value={s.markPlacement ?? 'gb'}
          onChange={(e) => setS({ ...s, markPlacement: e.target.value as MarkPlacement })}
        >
          {markPlacements.map((p) => (
            <option key={p} value={p}>
              {markPlacementNames[p]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="编发单位" error={action.errors.issuer}>
        <input className="input" value={s.issuer} onChange={(e) => setS({ ...s, issuer: e.target.value })} />
      </Field>
      <Field
        label="抄报或抄送"
        hint="联席会议制度通知写作“抄报市政府”；国家标准只有“抄送”"
        error={action.errors.copyLabel}
      >
        <select
          className="input input-select"
          value={s.copyLabel}
          onChange={(e) => setS({ ...s, copyLabel: e.target.value as CopyLabel })}
        >
          {copyLabels.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </Field>
      <Field label="抄报（抄送）机关" hint="多个机关用顿号分隔" error={action.errors.copyTo}>
        <input className="input" value={s.copyTo} onChange={(e) => setS({ ...s, copyTo: e.target.value })} />
      </Field>
      <FormError message={action.message} />
      {saved && <p role="status">纪要设置已保存。</p>}
      <div className="form-actions">
        <button type="submit" className="button" disabled={action.busy}>
          保存纪要设置
        </button>
      </div>
    </form>
  );
}

/** The settings as they stand, for those who may not change them (only an administrator may). */
function SettingsView({ s }: { s: MinutesSettings }) {
  const rows: [string, string][] = [
    ['编号方式', numberStyleNames[s.numberStyle]],
    ['版头', s.mark],
    ['纪要标志位置', markPlacementNames[s.markPlacement ?? 'gb']],
    ['编发单位', s.issuer],
    ['抄报或抄送', s.copyLabel],
    ['抄报（抄送）机关', s.copyTo.join('、')],
  ];
  return (
    <>
      <dl className="form-grid" aria-label="纪要设置">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="explain">纪要设置由系统管理员修改。</p>
    </>
  );
}

export function MinutesSettingsSection() {
  const { data } = useQuery('minutes.getSettings', {}, { entities: ['setting'] });
  const canChange = useCan('minutes.setSettings');
  return (
    <details className="settings-panel">
      <summary>纪要设置（编号方式、版头及其位置、抄报抄送）</summary>
      {!data ? (
        <p role="status">正在读取……</p>
      ) : canChange ? (
        <SettingsForm key={JSON.stringify(data)} initial={data} />
      ) : (
        <SettingsView s={data} />
      )}
    </details>
  );
}
