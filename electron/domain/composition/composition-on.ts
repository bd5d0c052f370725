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

export interface DutyItemOn {
  id: string;
  text: string;
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
}

export interface PostOn {
  id: string;
  role: CompositionRole;
  personName: string;
  title: string;
  unitId: string | null;
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

function dutyOf(v: JsonValue | undefined): UnitOn['duty'] {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return null;
  const items = Array.isArray(v.items) ? v.items : [];
  return {
    paragraph: str(v.paragraph),
    items: items.flatMap((it) =>
      it !== null && typeof it === 'object' && !Array.isArray(it) ? [{ id: str(it.id), text: str(it.text) }] : [],
    ),
  };
}

export function postFromRecord(id: string, v: Record<string, JsonValue>): PostOn {
  const role = compositionRoles.includes(v.role as CompositionRole) ? (v.role as CompositionRole) : 'member';
  return {
    id,
    role,
    personName: str(v.personName),
    title: str(v.title),
    unitId: optDate(v.unitId),
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
      const liaison = liaisons.get(id);
      const unit: UnitOn = {
        id,
        name: str(rec.v.name),
        dutyName: str(rec.v.dutyName) || str(rec.v.name),
        order: num(rec.v.order),
        duty: dutyOf(rec.v.duty),
      };
      if (liaison) unit.liaison = liaison;
      return unit;
    })
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, 'zh'));
  const posts = Object.entries(store.table(POST_ENTITY))
    .filter(([, rec]) => inForce(rec.v, date))
    .map(([id, rec]) => postFromRecord(id, rec.v))
    .sort((a, b) => roleRank(a.role) - roleRank(b.role) || a.order - b.order);
  return { body: { name: str(body.name), level: str(body.level) }, units, posts };
}

const roleRank = (r: CompositionRole) => compositionRoles.indexOf(r);
