// 新增 / 修改儿童: the national registration form in sections, checked by THE child schema as the clerk types.
// Enter moves to the next field and only saves a complete, valid form; the ID number fills the birth date and sex.
// A record still lacking fields (a township sheet's 待完善 child, or a clerk who does not know everything yet) may
// be kept with 暂存为待完善, only when nothing filled is wrong and the record says which child it is; a 待完善 record
// opens at its first missing field.
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  childFieldLabels,
  createChildSchema,
  createIncompleteChildSchema,
  toFieldErrors,
  type ChildFieldPath,
} from '../../../../electron/contract/schemas/child';
import {
  ageOn,
  checkEligibility,
  emptyChildRecord,
  fillFromIdNumber,
  flattenChild,
  identifiesChild,
  nestedGetter,
} from '../../../../electron/contract/schemas/ledger';
import { toApiError } from '../../api/api-error';
import { useApi } from '../../api/client';
import { Field } from '../../components/form/field';
import { Page } from '../../components/page';
import { useQuery } from '../../hooks/use-query';
import { useFormDraft } from '../../hooks/use-form-draft';
import { DraftNotice } from '../../components/form/draft-notice';
import type { CodeListKey } from './use-code-lists';

type Kind = 'text' | 'date' | 'id' | 'phone' | 'bool' | 'code' | 'codes' | 'textarea';
interface Spec {
  path: ChildFieldPath;
  kind: Kind;
  list?: CodeListKey;
  hint?: string;
}
const f = (path: ChildFieldPath, kind: Kind = 'text', list?: CodeListKey, hint?: string): Spec => ({ path, kind, list, hint });

const parent = (p: 'father' | 'mother'): Spec[] => [
  f(`${p}.deceased`, 'bool'),
  f(`${p}.name`),
  f(`${p}.birthDate`, 'date'),
  f(`${p}.idNumber`, 'id'),
  f(`${p}.workProvince`, 'code', 'province'),
  f(`${p}.workCity`),
  f(`${p}.phone`, 'phone', undefined, '手机11位，或区号-号码，如 0663-8123456'),
];

const SECTIONS: Array<{ title: string; fields: Spec[] }> = [
  {
    title: '儿童基本情况',
    fields: [
      f('child.name'),
      f('child.idNumber', 'id', undefined, '18位；填写后自动带出出生日期和性别'),
      f('child.birthDate', 'date'),
      f('child.sex', 'code', 'sex'),
      f('child.ethnicity', 'code', 'ethnicity'),
      f('child.hukouRegistered', 'bool'),
      f('child.householdType', 'code', 'householdType'),
      f('child.hukouAddress'),
      f('child.currentAddress'),
      f('child.health', 'code', 'healthStatus'),
      f('child.disabilityCategory', 'code', 'disabilityCategory'),
      f('child.disabilityGrade', 'code', 'disabilityGrade'),
      f('child.illnessType'),
      f('child.schooling', 'code', 'schooling'),
      f('child.school'),
      f('child.grade'),
      f('child.boarding', 'bool'),
    ],
  },
  { title: '父亲', fields: parent('father') },
  { title: '母亲', fields: parent('mother') },
  {
    title: '祖辈',
    fields: [
      f('grandparents.paternalGrandfather.name'),
      f('grandparents.paternalGrandfather.birthDate', 'date'),
      f('grandparents.paternalGrandmother.name'),
      f('grandparents.paternalGrandmother.birthDate', 'date'),
      f('grandparents.maternalGrandfather.name'),
      f('grandparents.maternalGrandfather.birthDate', 'date'),
      f('grandparents.maternalGrandmother.name'),
      f('grandparents.maternalGrandmother.birthDate', 'date'),
    ],
  },
  {
    title: '实际监护情况',
    fields: [
      f('guardianship.bothParentsAway', 'bool'),
      f('guardianship.oneAwayOtherIncapable', 'bool'),
      f('guardianship.incapableParent', 'code', 'parentSide'),
      f('guardianship.incapacityReason'),
      f('guardianship.guardianKind', 'code', 'guardianKind'),
      f('guardianship.guardianshipType', 'code', 'guardianshipType'),
      f('guardianship.assessment', 'code', 'guardianshipAssessment'),
      f('guardianship.hasEntrustedGuardian', 'bool'),
      f('guardianship.entrustmentSigned', 'bool'),
      f('guardianship.entrustmentDate', 'date'),
    ],
  },
  {
    title: '委托监护人',
    fields: [
      f('entrustedGuardian.name'),
      f('entrustedGuardian.phone', 'phone'),
      f('entrustedGuardian.idNumber', 'id'),
      f('entrustedGuardian.relationship', 'code', 'relationship'),
      f('entrustedGuardian.address'),
    ],
  },
  {
    title: '家庭收入与救助',
    fields: [
      f('income.sources', 'codes', 'incomeSource'),
      f('income.sourcesOther'),
      f('income.assistance', 'codes', 'assistance'),
      f('income.assistanceOther'),
      f('income.povertyStatus', 'code', 'povertyStatus'),
    ],
  },
  {
    title: '责任人',
    fields: [
      f('responsibility.township'),
      f('responsibility.village'),
      f('responsibility.supervisorName'),
      f('responsibility.supervisorPhone', 'phone'),
      f('responsibility.directorName'),
      f('responsibility.directorPhone', 'phone'),
    ],
  },
  { title: '风险等级', fields: [f('riskLevel', 'code', 'riskLevel'), f('remarks', 'textarea')] },
];
const ORDER = SECTIONS.flatMap((s) => s.fields.map((x) => x.path));

type Flat = Record<string, unknown>;

function nest(flat: Flat): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(flat)) {
    const parts = path.split('.');
    let cur = out;
    for (const p of parts.slice(0, -1)) cur = (cur[p] ??= {}) as Record<string, unknown>;
    cur[parts[parts.length - 1]!] = value;
  }
  return out;
}

// Most children in a rural ledger are registered, rural and Han: start there, the clerk changes what differs.
const newRecord: Flat = {
  ...(flattenChild(emptyChildRecord()) as Flat),
  'child.hukouRegistered': true,
  'child.householdType': 'rural',
  'child.ethnicity': '01',
};

const localToday = () => {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
};

export function ChildFormPage() {
  const { id } = useParams();
  const editing = Boolean(id);
  const api = useApi();
  const navigate = useNavigate();
  const { data: lists } = useQuery('codelists.get', {}, { entities: ['codeItem'] });
  const [flat, setFlat, draft] = useFormDraft<Flat | null>(`child:${id ?? 'new'}`, editing ? null : newRecord);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const controls = useRef<Record<string, HTMLElement | null>>({});
  /** The fields the stored record lacks: the form opens at the first of them. */
  const [missing, setMissing] = useState<string[]>([]);

  useEffect(() => {
    if (!id) return;
    // Editing needs the real values: opening the form is recorded like any other view of personal data.
    void api.invoke('children.reveal', { id, purpose: 'edit' }).then(
      (view) => {
        const values = flattenChild(view.record) as Flat;
        // The record view reads an unanswered 是/否 as 否; the form must show it unanswered, not answer it.
        for (const p of view.missing) if (typeof values[p] === 'boolean') values[p] = null;
        draft.load(values);
        setMissing(view.missing);
      },
      (err) => setFormError(toApiError(err).message),
    );
  }, [api, id, draft.load]);

  const ready = Boolean(flat && lists);
  useEffect(() => {
    if (!ready) return;
    const first = ORDER.find((p) => missing.includes(p));
    const el = first ? controls.current[first] : undefined;
    if (!el) return;
    el.scrollIntoView?.({ block: 'center' });
    el.focus();
  }, [ready, missing]);

  const today = localToday();
  const schemas = useMemo(() => {
    if (!lists) return null;
    const options = { today: () => today, codeLists: lists };
    return { complete: createChildSchema(options), incomplete: createIncompleteChildSchema(options) };
  }, [lists, today]);
  const check = useMemo(() => {
    if (!schemas || !flat) return null;
    const record = nest(flat);
    const parsed = schemas.complete.safeParse(record);
    if (parsed.success) return { ok: true as const, errors: {}, canKeepIncomplete: false };
    // Only missing fields stand between the record and the full form: it may be kept 待完善 if it identifies the child.
    const relaxed = schemas.incomplete.safeParse(record);
    const canKeepIncomplete = relaxed.success && identifiesChild(nestedGetter(relaxed.data));
    return { ok: false as const, errors: toFieldErrors(parsed.error), canKeepIncomplete };
  }, [schemas, flat]);
  const errors: Record<string, string> = { ...(check?.errors ?? {}), ...serverErrors };
  const errorOf = (path: string) => (showAll || touched.has(path) ? errors[path] : undefined);

  if (!flat || !lists) {
    return (
      <Page title={editing ? '修改儿童信息' : '新增儿童'}>
        {formError ? <p className="form-error" role="alert">{formError}</p> : <p className="pending">正在读取……</p>}
      </Page>
    );
  }

  const set = (path: string, value: unknown) => {
    setServerErrors((e) => {
      const { [path]: _drop, ...rest } = e;
      return rest;
    });
    setFlat((cur) => ({ ...cur!, [path]: value }));
  };
  const touch = (path: string) => {
    setTouched((t) => new Set(t).add(path));
    if (path === 'child.idNumber') {
      // The ID number fills what is empty; what disagrees is flagged by the schema next to the field.
      const filled = fillFromIdNumber(nest(flat), today, lists) as { child: { birthDate: string; sex: string } };
      setFlat((cur) => ({ ...cur!, 'child.birthDate': filled.child.birthDate, 'child.sex': filled.child.sex }));
      setTouched((t) => new Set(t).add('child.birthDate').add('child.sex'));
    }
  };

  const save = async (incomplete = false) => {
    setShowAll(true);
    setFormError(null);
    if (!check?.ok && !(incomplete && check?.canKeepIncomplete)) {
      const first = ORDER.find((p) => errors[p]);
      if (first) controls.current[first]?.focus();
      setFormError(`有${Object.keys(errors).length}处需要修改，请看各项下方的红字说明。`);
      return;
    }
    setSaving(true);
    try {
      const record = nest(flat);
      const result = id
        ? await api.invoke('children.update', { id, record, incomplete })
        : await api.invoke('children.create', { record, incomplete });
      draft.clear();
      navigate(`/ledger/${result.id}`);
    } catch (err) {
      const a = toApiError(err);
      setServerErrors(a.fields ?? {});
      setFormError(a.message);
      setSaving(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    const target = e.target as HTMLElement;
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON') return;
    // Enter never sends half a form: it saves only a complete, valid one and otherwise moves on to the next field.
    e.preventDefault();
    if (check?.ok) {
      void save();
      return;
    }
    const path = target.getAttribute('name') ?? '';
    if (path) touch(path);
    const at = ORDER.indexOf(path as ChildFieldPath);
    const next = ORDER.slice(at + 1).find((p) => controls.current[p]);
    if (next) controls.current[next]?.focus();
  };

  const birth = typeof flat['child.birthDate'] === 'string' ? (flat['child.birthDate'] as string) : '';
  const age = /^\d{4}-\d{2}-\d{2}$/.test(birth) ? ageOn(birth, today) : null;
  const eligibility = checkEligibility(
    {
      child: { birthDate: birth, householdType: String(flat['child.householdType'] ?? ''), hukouRegistered: flat['child.hukouRegistered'] === true },
      guardianship: {
        bothParentsAway: flat['guardianship.bothParentsAway'] === true,
        oneAwayOtherIncapable: flat['guardianship.oneAwayOtherIncapable'] === true,
      },
    },
    today,
  );

  const control = (s: Spec) => {
    const value = flat[s.path];
    const common = {
      name: s.path,
      ref: (el: HTMLElement | null) => {
        controls.current[s.path] = el;
      },
      onBlur: () => touch(s.path),
    };
    const options = s.list ? lists.lists[s.list].items : [];
    switch (s.kind) {
      case 'bool':
        return (
          <select
            {...common}
            className="input"
            value={value === true ? 'yes' : value === false ? 'no' : ''}
            onChange={(e) => set(s.path, e.target.value === '' ? null : e.target.value === 'yes')}
          >
            {typeof value !== 'boolean' && <option value="">请选择</option>}
            <option value="no">否</option>
            <option value="yes">是</option>
          </select>
        );
      case 'code':
        return (
          <select {...common} className="input" value={String(value ?? '')} onChange={(e) => set(s.path, e.target.value)}>
            <option value="">请选择</option>
            {options.map((o) => (
              <option key={o.code} value={o.code}>{o.label}</option>
            ))}
          </select>
        );
      case 'codes': {
        const chosen = Array.isArray(value) ? (value as string[]) : [];
        return (
          <fieldset {...common} ref={undefined} className="checks" tabIndex={-1}>
            <legend className="visually-hidden">{childFieldLabels[s.path]}</legend>
            {options.map((o) => (
              <label key={o.code} className="check">
                <input
                  type="checkbox"
                  checked={chosen.includes(o.code)}
                  onChange={(e) => set(s.path, e.target.checked ? [...chosen, o.code] : chosen.filter((c) => c !== o.code))}
                />
                {o.label}
              </label>
            ))}
          </fieldset>
        );
      }
      case 'textarea':
        return <textarea {...common} className="input" rows={3} value={String(value ?? '')} onChange={(e) => set(s.path, e.target.value)} />;
      default:
        return (
          <input
            {...common}
            className={s.kind === 'id' || s.kind === 'phone' ? 'input mono' : 'input'}
            type="text"
            inputMode={s.kind === 'phone' ? 'tel' : undefined}
            placeholder={s.kind === 'date' ? '如 2015-03-02' : undefined}
            autoComplete="off"
            value={String(value ?? '')}
            onChange={(e) => set(s.path, e.target.value)}
          />
        );
    }
  };

  return (
    <Page title={editing ? '修改儿童信息' : '新增儿童'}>
      <DraftNotice draft={draft} />
      <form noValidate onSubmit={submit} onKeyDown={onKeyDown} aria-label="儿童信息" className="child-form">
        <div className="computed" aria-live="polite">
          <span>年龄：{age === null ? '—' : `${age}周岁`}</span>
          {age === null ? (
            <span>填写出生日期（或身份证号码）和父母外出情况后，这里显示是否符合农村留守儿童定义。</span>
          ) : eligibility.eligible ? (
            <span className="ok-text">符合农村留守儿童定义</span>
          ) : (
            <span className="warn-text">不符合农村留守儿童定义：{eligibility.reasons.join('；')}</span>
          )}
          {eligibility.eligible && eligibility.reasons.length > 0 && <span className="warn-text">{eligibility.reasons.join('；')}</span>}
        </div>
        {SECTIONS.map((section) => (
          <fieldset key={section.title} className="form-section">
            <legend>{section.title}</legend>
            <div className="form-grid">
              {section.fields.map((s) =>
                s.kind === 'codes' ? (
                  <div key={s.path} className={errorOf(s.path) ? 'field has-error' : 'field'}>
                    <div className="field-label">{childFieldLabels[s.path]}</div>
                    {control(s)}
                    {errorOf(s.path) && <div className="field-error">{errorOf(s.path)}</div>}
                  </div>
                ) : (
                  <Field key={s.path} label={childFieldLabels[s.path]} hint={s.hint} error={errorOf(s.path)}>
                    {control(s)}
                  </Field>
                ),
              )}
            </div>
          </fieldset>
        ))}
        {formError && <div className="form-error" role="alert">{formError}</div>}
        {showAll && check && !check.ok && check.canKeepIncomplete && (
          <p className="explain" role="note">
            其余各项都已正确，只是还缺少信息。可以先“暂存为待完善”：档案会标为“信息待完善”，列出所缺的项目，以后再补全。
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={saving}>
            {saving ? '正在保存……' : '保存'}
          </button>{' '}
          {check && !check.ok && check.canKeepIncomplete && (
            <>
              <button type="button" className="button" disabled={saving} onClick={() => void save(true)}>
                暂存为待完善
              </button>{' '}
            </>
          )}
          <Link className="button" to={id ? `/ledger/${id}` : '/ledger'}>取消</Link>
        </div>
      </form>
    </Page>
  );
}
