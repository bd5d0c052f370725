// The office's choices for its minutes: how they are numbered, the red mark and where it sits (GB/T 9704-2012 §10.3
// or a local format), and who gets a copy (抄报 or 抄送 — the founding notice says 抄报市政府 where GB/T 9704 only
// knows 抄送).
import type { MinutesSettings } from '../../contract/schemas/meetings';
import type { OfficePublic } from '../../identity/identity';
import type { Store } from '../../store/store';
import { BODY_ENTITY, BODY_ID } from '../composition/composition-on';
import { MINUTES_SETTINGS_ID, SETTING_ENTITY, str } from './records';

const GOVERNMENT: Record<string, string> = { city: '市人民政府', county: '县人民政府' };

/** The joint meeting's name, e.g. 揭阳市农村留守儿童关爱保护工作联席会议. */
export function bodyName(store: Store, office: OfficePublic): string {
  const name = str(store.get(BODY_ENTITY, BODY_ID)?.v.name);
  if (name) return name;
  const fromOffice = office.name.replace(/办公室$/, '');
  return fromOffice.includes('联席会议') ? fromOffice : '农村留守儿童关爱保护工作联席会议';
}

export function readMinutesSettings(store: Store, office: OfficePublic): MinutesSettings {
  const v = store.get(SETTING_ENTITY, MINUTES_SETTINGS_ID)?.v ?? {};
  const copyTo = Array.isArray(v.copyTo) ? v.copyTo.filter((x): x is string => typeof x === 'string') : [];
  return {
    numberStyle: v.numberStyle === 'hao' ? 'hao' : 'qi',
    copyLabel: v.copyLabel === '抄送' ? '抄送' : '抄报',
    copyTo: copyTo.length > 0 ? copyTo : [GOVERNMENT[office.level] ?? '本级人民政府'],
    mark: str(v.mark) || `${bodyName(store, office)}纪要`,
    // GB/T 9704-2012 §10.3 unless the office chose its local format.
    markPlacement: v.markPlacement === 'top' ? 'top' : 'gb',
    issuer: str(v.issuer) || office.name,
  };
}
