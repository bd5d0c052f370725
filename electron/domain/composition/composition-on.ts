// Who was who on a given day. Every post, unit and liaison record carries the dates it was in force: `from` inclusive,
// `to` exclusive, null while it still holds. A successor's record starts on the day the predecessor's ends, so on
// that day the successor holds the post and the predecessor no longer does; a meeting held in 2025 therefore keeps
// its 2025 attendees however the composition changes later.
import type { JsonValue } from '../../store/operation';
import type { EntityRecord } from '../../store/state';
import type { Store } from '../../store/store';

export const BODY_ENTITY = 'body';
export const BODY_ID = 'body';
export const UNIT_ENTITY = 'unit';
export const POST_ENTITY = 'post';
export const LIAISON_ENTITY = 'liaison';

export const compositionRoles = ['convener', 'deputyConvener', 'member', 'officeHead'] as const;
export type CompositionRole = (typeof compositionRoles)[number];

export interface LiaisonOn {
  name: string;
  post: string;
  phone: string;
}

export interface DutyVersionOn {
  text: string;
  from: string;
  to: string | null;
  note: string;
  by: string;
}

export interface DutyItemOn {
  id: string;
  /** The wording in force on the date asked about. */
  text: string;
  /** The notice's wording, when the item has been reworded since. */
  original?: string;
  /** The day an item added after the notice took effect. */
  added?: string;
  /** Every wording, oldest first (only for an item that has been reworded or added). */
  history?: DutyVersionOn[];
}

export interface UnitNameOn {
  name: string;
  from: string;
  to: string | null;
}

export interface UnitRefOn {
  id: string;
  name: string;
}

export interface UnitOn {
  id: string;
  name: string;
  /** The name at the head of its duty paragraph; the unit's name when it has none. */
  dutyName: string;
  order: number;
  liaison?: LiaisonOn;
  /** The unit's duty paragraph split into items (empty for a unit with no paragraph, e.g. 市工商局). */
  duty: { paragraph: string; items: DutyItemOn[] } | null;
  /** The names the unit has had (机构改革), oldest first; only for a renamed unit. */
  names?: UnitNameOn[];
  mergedFrom?: UnitRefOn[];
  mergedInto?: UnitRefOn;
}

export interface PostOn {
  id: string;
  role: CompositionRole;
  personName: string;
  title: string;
  unitId: string | null;
  /** The unit's name on the date asked about; for a post without a member unit, the government it serves. */
  unitName: string;
  order: number;
  from: string;
  to: string | null;
}

export interface CompositionOn {
  body: { name: string; level: string };
  units: UnitOn[];
  posts: PostOn[];
}

const str = (v: JsonValue | undefined): string => (typeof v === 'string' ? v : '');
const num = (v: JsonValue | undefined): number => (typeof v === 'number' ? v : 0);
const optDate = (v: JsonValue | undefined): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** Whether a record dated [from, to) is in force on `date`. A record without a start date holds from the beginning. */
export function inForce(v: Record<string, JsonValue>, date: string): boolean {
  const from = optDate(v.from);
  const to = optDate(v.to);
  if (v.deleted === true) return false;
  return (from === null || from <= date) && (to === null || date < to);
}

const isObj = (v: JsonValue | undefined): v is Record<string, JsonValue> => v !== null && typeof v === 'object' && !Array.isArray(v);
const objs = (v: JsonValue | undefined): Record<string, JsonValue>[] => (Array.isArray(v) ? v.filter(isObj) : []);

/** A duty item's recorded wordings: `versions` (oldest first) once it has been reworded or added; none before. */
export function dutyVersions(it: Record<string, JsonValue>): DutyVersionOn[] {
  const raw = objs(it.versions);
  return raw.map((x, i) => ({
    text: str(x.text),
    from: str(x.from),
    to: i + 1 < raw.length ? str(raw[i + 1]!.from) || null : null,
    note: str(x.note),
    by: str(x.by),
  }));
}

/** The duty paragraph with each item's wording as it stood on `date` (an item added later is left out). */
export function dutyOf(v: JsonValue | undefined, date?: string): UnitOn['duty'] {
  if (!isObj(v)) return null;
  const items: DutyItemOn[] = [];
  for (const it of objs(v.items)) {
    const added = optDate(it.added);
    if (date !== undefined && added !== null && date < added) continue;
    const history = dutyVersions(it);
    const item: DutyItemOn = { id: str(it.id), text: str(it.text) };
    if (history.length > 0) {
      const inForce = date === undefined ? history[history.length - 1] : [...history].reverse().find((h) => h.from <= date);
      item.text = (inForce ?? history[0]!).text;
      item.history = history;
    }
    if (typeof it.original === 'string') item.original = it.original;
    if (added !== null) item.added = added;
    items.push(item);
  }
  return { paragraph: str(v.paragraph), items };
}

/** The names a unit has had, oldest first: the first from its own start, each later one from its renaming. */
export function unitNames(v: Record<string, JsonValue>): UnitNameOn[] {
  const raw = objs(v.names);
  if (raw.length === 0) return [{ name: str(v.name), from: str(v.from), to: null }];
  return raw.map((x, i) => ({ name: str(x.name), from: str(x.from), to: i + 1 < raw.length ? str(raw[i + 1]!.from) || null : null }));
}

/** The unit's name on `date`: the name of 机构改革 only from its day, the old one before it. */
export function unitNameOn(v: Record<string, JsonValue> | undefined, date: string): string {
  if (!v) return '';
  const names = unitNames(v);
  return ([...names].reverse().find((n) => n.from === '' || n.from <= date) ?? names[0]!).name;
}

/** Who a post without a member unit serves: the people's government of the body's level (市政府, 县政府, 区政府). */
export function governmentName(store: Store): string {
  const body = store.get(BODY_ENTITY, BODY_ID)?.v ?? {};
  const place = /^.+?(市|县|区|管委会)/.exec(str(body.name))?.[1];
  if (place === '管委会') return '管委会';
  if (place === '县' || place === '区') return `${place}政府`;
  if (place === '市') return '市政府';
  return str(body.level) === 'city' ? '市政府' : '县政府';
}

/** The name a post's unit shows on `date`. */
export function postUnitName(store: Store, unitId: string | null, date: string): string {
  if (unitId === null) return governmentName(store);
  return unitNameOn(store.get(UNIT_ENTITY, unitId)?.v, date);
}

export function postFromRecord(id: string, v: Record<string, JsonValue>, unitName = ''): PostOn {
  const role = compositionRoles.includes(v.role as CompositionRole) ? (v.role as CompositionRole) : 'member';
  return {
    id,
    role,
    personName: str(v.personName),
    title: str(v.title),
    unitId: optDate(v.unitId),
    unitName,
    order: num(v.order),
    from: str(v.from),
    to: optDate(v.to),
  };
}

function liaisonsOn(store: Store, date: string): Map<string, LiaisonOn> {
  const found = new Map<string, { rec: EntityRecord; liaison: LiaisonOn }>();
  for (const rec of Object.values(store.table(LIAISON_ENTITY))) {
    if (!inForce(rec.v, date)) continue;
    const unitId = str(rec.v.unitId);
    const prev = found.get(unitId);
    // Two records in force at once can only come from concurrent edits at two offices: the later start wins.
    if (prev && str(prev.rec.v.from) > str(rec.v.from)) continue;
    found.set(unitId, { rec, liaison: { name: str(rec.v.name), post: str(rec.v.post), phone: str(rec.v.phone) } });
  }
  return new Map([...found].map(([k, { liaison }]) => [k, liaison]));
}

/** The body, its member units (with liaison) and the people in post on `date` (YYYY-MM-DD), in the notice's order. */
export function compositionOn(store: Store, date: string): CompositionOn {
  const body = store.get(BODY_ENTITY, BODY_ID)?.v ?? {};
  const liaisons = liaisonsOn(store, date);
  const units: UnitOn[] = Object.entries(store.table(UNIT_ENTITY))
    .filter(([, rec]) => inForce(rec.v, date))
    .map(([id, rec]) => {
      const unit = unitOn(store, id, rec.v, date);
      const liaison = liaisons.get(id);
      if (liaison) unit.liaison = liaison;
      return unit;
    })
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, 'zh'));
  const posts = Object.entries(store.table(POST_ENTITY))
    .filter(([, rec]) => inForce(rec.v, date))
    .map(([id, rec]) => postFromRecord(id, rec.v, postUnitName(store, optDate(rec.v.unitId), date)))
    .sort((a, b) => roleRank(a.role) - roleRank(b.role) || a.order - b.order);
  return { body: { name: str(body.name), level: str(body.level) }, units, posts };
}

/** One unit as it stood on `date`: its name then, and its duty items' wording then. */
export function unitOn(store: Store, id: string, v: Record<string, JsonValue>, date: string): UnitOn {
  const names = unitNames(v);
  const name = unitNameOn(v, date);
  // A renamed unit heads its duties with its new name; before, with the notice's (e.g. 「市委农办（扶贫办）」).
  const renamed = names.length > 1 && name !== names[0]!.name;
  const unit: UnitOn = {
    id,
    name,
    dutyName: renamed ? name : str(v.dutyName) || name,
    order: num(v.order),
    duty: dutyOf(v.duty, date),
  };
  if (names.length > 1) unit.names = names;
  const ref = (uid: string): UnitRefOn => ({ id: uid, name: unitNameOn(store.get(UNIT_ENTITY, uid)?.v, date) });
  const from = Array.isArray(v.mergedFrom) ? v.mergedFrom.filter((x): x is string => typeof x === 'string') : [];
  if (from.length > 0) unit.mergedFrom = from.map(ref);
  if (typeof v.mergedInto === 'string') unit.mergedInto = ref(v.mergedInto);
  return unit;
}

const roleRank = (r: CompositionRole) => compositionRoles.indexOf(r);
