// Changes to the composition as store changes: set-up from a template (or from nothing), people taking up, handing
// over and leaving posts, units joining and leaving, liaison officers. Nothing is overwritten: a change of person
// ends one dated record and starts another, so any past date still shows who was who (see composition-on.ts).
import { AppError } from '../../contract/errors';
import type { JsonValue } from '../../store/operation';
import type { Change, Store } from '../../store/store';
import { parsePhone } from '../ledger/phone';
import {
  BODY_ENTITY,
  BODY_ID,
  LIAISON_ENTITY,
  POST_ENTITY,
  UNIT_ENTITY,
  compositionRoles,
  inForce,
  type CompositionRole,
} from './composition-on';
import type { Composition, NoticeTemplate } from './template-schema';

export type IdMaker = () => string;

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const str = (v: JsonValue | undefined) => (typeof v === 'string' ? v : '');

function requireDate(date: string, field: string, label: string): void {
  if (!ISO.test(date)) throw new AppError('VALIDATION', `请填写${label}。`, { [field]: `请填写${label}（如 2025-03-01）。` });
}

export function isSetUp(store: Store): boolean {
  return store.get(BODY_ENTITY, BODY_ID) !== undefined;
}

export interface SetupPerson {
  /** The template post's order (section 一 position) this person fills. */
  order: number;
  personName: string;
  title: string;
}

export interface SetupInput {
  composition: Composition | NoticeTemplate;
  /** How the body came about, shown on the composition page. */
  origin: 'template' | 'county-template' | 'empty';
  /** The day the composition takes effect. */
  from: string;
  /** For a derived template, whose posts are empty: the people the county names. */
  people?: SetupPerson[];
  /** For a derived template: the office head (who holds it on top of another post). */
  officeHead?: { personName: string; title: string } | undefined;
}

/** The changes that set up the body from a composition. Posts left without a person stay vacant. */
export function setupChanges(store: Store, input: SetupInput, newId: IdMaker): Change[] {
  if (isSetUp(store)) throw new AppError('ALREADY_SET_UP', '联席会议组成已经设置，不能重复设置。如需调整，请在“组成人员”中办理。');
  requireDate(input.from, 'from', '生效日期');
  const c = input.composition;
  const source = 'source' in c ? c.source : null;
  const changes: Change[] = [
    {
      entity: BODY_ENTITY,
      id: BODY_ID,
      set: {
        name: c.body.name,
        level: c.body.level,
        origin: input.origin,
        from: input.from,
        docNumber: source?.docNumber ?? '',
        officeName: c.office.name,
        hostUnit: c.office.hostUnit,
        liaisonRule: c.liaisonRule,
      },
    },
  ];
  for (const u of c.units) {
    changes.push({
      entity: UNIT_ENTITY,
      id: u.id,
      set: {
        name: u.name,
        dutyName: u.dutyName,
        kind: u.kind,
        order: u.order,
        duty: u.duty === null ? null : { paragraph: u.duty.paragraph, items: u.duty.items.map((i) => ({ id: i.id, text: i.text })) },
        from: input.from,
        to: null,
      },
    });
  }
  const people = new Map((input.people ?? []).map((p) => [p.order, p]));
  for (const p of c.posts) {
    const named = people.get(p.order);
    const personName = (named?.personName ?? p.name).trim();
    if (personName === '') continue;
    changes.push(postChange(newId(), {
      role: p.role,
      personName,
      title: (named?.title ?? p.title).trim(),
      unitId: p.unit,
      order: p.order,
      from: input.from,
    }));
  }
  const head = input.officeHead ?? (c.office.head ? { personName: c.office.head, title: headTitle(c) } : undefined);
  if (head && head.personName.trim() !== '') {
    changes.push(postChange(newId(), {
      role: 'officeHead',
      personName: head.personName.trim(),
      title: head.title.trim(),
      unitId: c.office.hostUnit,
      order: c.posts.length + 1,
      from: input.from,
    }));
  }
  return changes;
}

/** The office head's title as the notice gives it: their member title, e.g. 市民政局副局长. */
function headTitle(c: Composition | NoticeTemplate): string {
  const post = c.posts.find((p) => p.normalisedName === c.office.head.replace(/\s/g, ''));
  return post?.title ?? '';
}

interface PostFields {
  role: CompositionRole;
  personName: string;
  title: string;
  unitId: string | null;
  order: number;
  from: string;
  predecessorId?: string;
}

function postChange(id: string, p: PostFields): Change {
  const set: Record<string, JsonValue> = { ...p, to: null };
  return { entity: POST_ENTITY, id, set };
}

function checkPerson(personName: string, title: string): void {
  const fields: Record<string, string> = {};
  if (personName.trim() === '') fields.personName = '请填写姓名。';
  else if (personName.trim().length > 20) fields.personName = '姓名不能超过 20 个字。';
  if (title.trim().length > 60) fields.title = '职务不能超过 60 个字。';
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', '人员信息填写不完整。', fields);
}

function requireUnit(store: Store, unitId: string | null, field = 'unitId'): void {
  if (unitId === null) return;
  if (!store.get(UNIT_ENTITY, unitId)) throw new AppError('VALIDATION', '所选成员单位不存在。', { [field]: '请选择成员单位。' });
}

export interface AddPostInput {
  role: CompositionRole;
  personName: string;
  title: string;
  unitId: string | null;
  from: string;
}

/** A person taking up a post that did not exist or stood vacant; placed after the posts of the same role. */
export function addPostChanges(store: Store, id: string, p: AddPostInput): Change[] {
  checkPerson(p.personName, p.title);
  requireDate(p.from, 'from', '任职起始日期');
  requireUnit(store, p.unitId);
  if (!compositionRoles.includes(p.role)) throw new AppError('VALIDATION', '职位类别不正确。', { role: '请选择职位。' });
  if (p.role === 'convener') {
    const holder = Object.values(store.table(POST_ENTITY)).find((r) => r.v.role === 'convener' && inForce(r.v, p.from));
    if (holder) throw new AppError('VALIDATION', '召集人只能有一位。更换召集人请用“更换”。', { role: '已有召集人。' });
  }
  const orders = Object.values(store.table(POST_ENTITY)).map((r) => (typeof r.v.order === 'number' ? r.v.order : 0));
  return [postChange(id, { ...p, personName: p.personName.trim(), title: p.title.trim(), order: Math.max(0, ...orders) + 1 })];
}

export interface ReplacePostInput {
  personName: string;
  title: string;
  /** The successor's first day; the predecessor's record ends that day. */
  from: string;
}

/** A successor takes over a post from a date: the predecessor's record ends, the successor's begins, same place. */
export function replacePostChanges(store: Store, postId: string, newId: string, s: ReplacePostInput): Change[] {
  const old = store.get(POST_ENTITY, postId)?.v;
  if (!old) throw new AppError('NOT_FOUND', '找不到该职位记录。');
  checkPerson(s.personName, s.title);
  requireDate(s.from, 'from', '接任日期');
  if (typeof old.to === 'string' && old.to !== '') {
    throw new AppError('REFUSED', '该人员已经离任，不能再由他人接任；请新增组成人员。');
  }
  if (s.from <= str(old.from)) {
    throw new AppError('VALIDATION', '接任日期应晚于前任的任职起始日期。', { from: `应晚于 ${str(old.from)}。` });
  }
  const role = compositionRoles.includes(old.role as CompositionRole) ? (old.role as CompositionRole) : 'member';
  return [
    { entity: POST_ENTITY, id: postId, set: { to: s.from, successorId: newId } },
    postChange(newId, {
      role,
      personName: s.personName.trim(),
      title: s.title.trim(),
      unitId: typeof old.unitId === 'string' ? old.unitId : null,
      order: typeof old.order === 'number' ? old.order : 0,
      from: s.from,
      predecessorId: postId,
    }),
  ];
}

/** A person leaves the post with no successor named (yet): the post stands vacant from `to`. */
export function endPostChanges(store: Store, postId: string, to: string): Change[] {
  const old = store.get(POST_ENTITY, postId)?.v;
  if (!old) throw new AppError('NOT_FOUND', '找不到该职位记录。');
  requireDate(to, 'to', '离任日期');
  if (typeof old.to === 'string' && old.to !== '') throw new AppError('REFUSED', '该人员已经离任。');
  if (to <= str(old.from)) throw new AppError('VALIDATION', '离任日期应晚于任职起始日期。', { to: `应晚于 ${str(old.from)}。` });
  return [{ entity: POST_ENTITY, id: postId, set: { to } }];
}

export interface AddUnitInput {
  name: string;
  dutyName?: string | undefined;
  /** The unit's duty paragraph; split into items at 。 and ；. */
  duty?: string | undefined;
  from: string;
}

/** Splits a duty paragraph into the items a unit reports against: sentences ending in 。 or ；, verbatim. */
export function splitDutyParagraph(paragraph: string): string[] {
  return paragraph.match(/[^。；]+[。；]?/gu)?.map((s) => s).filter((s) => s.trim() !== '') ?? [];
}

export function addUnitChanges(store: Store, id: string, u: AddUnitInput): Change[] {
  const name = u.name.trim();
  if (name === '') throw new AppError('VALIDATION', '请填写单位名称。', { name: '请填写单位名称。' });
  requireDate(u.from, 'from', '加入日期');
  const existing = Object.values(store.table(UNIT_ENTITY)).find((r) => r.v.name === name && inForce(r.v, u.from));
  if (existing) throw new AppError('VALIDATION', '该单位已是成员单位。', { name: '该单位已是成员单位。' });
  const orders = Object.values(store.table(UNIT_ENTITY)).map((r) => (typeof r.v.order === 'number' ? r.v.order : 0));
  const paragraph = (u.duty ?? '').trim();
  const items = splitDutyParagraph(paragraph).map((text, i) => ({ id: `${id}.${i + 1}`, text }));
  return [
    {
      entity: UNIT_ENTITY,
      id,
      set: {
        name,
        dutyName: paragraph === '' ? null : u.dutyName?.trim() || name,
        kind: 'government',
        order: Math.max(0, ...orders) + 1,
        duty: paragraph === '' ? null : { paragraph, items },
        from: u.from,
        to: null,
      },
    },
  ];
}

/** A unit leaves the joint meeting from `to`; its people's posts end the same day. */
export function removeUnitChanges(store: Store, unitId: string, to: string): Change[] {
  const unit = store.get(UNIT_ENTITY, unitId)?.v;
  if (!unit) throw new AppError('NOT_FOUND', '找不到该成员单位。');
  requireDate(to, 'to', '退出日期');
  if (typeof unit.to === 'string' && unit.to !== '') throw new AppError('REFUSED', '该单位已经退出联席会议。');
  const changes: Change[] = [{ entity: UNIT_ENTITY, id: unitId, set: { to } }];
  for (const [id, rec] of Object.entries(store.table(POST_ENTITY))) {
    if (rec.v.unitId === unitId && (rec.v.to === null || rec.v.to === undefined)) changes.push({ entity: POST_ENTITY, id, set: { to } });
  }
  for (const [id, rec] of Object.entries(store.table(LIAISON_ENTITY))) {
    if (rec.v.unitId === unitId && (rec.v.to === null || rec.v.to === undefined)) changes.push({ entity: LIAISON_ENTITY, id, set: { to } });
  }
  return changes;
}

export interface LiaisonInput {
  unitId: string;
  name: string;
  post: string;
  phone: string;
  from: string;
}

/** Names a unit's liaison from a date. The previous liaison's record ends that day; the same date corrects it. */
export function setLiaisonChanges(store: Store, newId: string, l: LiaisonInput): Change[] {
  if (!store.get(UNIT_ENTITY, l.unitId)) throw new AppError('NOT_FOUND', '找不到该成员单位。');
  const fields: Record<string, string> = {};
  if (l.name.trim() === '') fields.name = '请填写联络员姓名。';
  if (l.post.trim() === '') fields.post = '请填写联络员职务（如 某科科长）。';
  const phone = parsePhone(l.phone);
  if (!phone.ok) fields.phone = phone.reason;
  if (!ISO.test(l.from)) fields.from = '请填写起始日期。';
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', '联络员信息填写不完整。', fields);
  const set = { unitId: l.unitId, name: l.name.trim(), post: l.post.trim(), phone: phone.ok ? phone.value : '' };
  const current = Object.entries(store.table(LIAISON_ENTITY)).filter(
    ([, r]) => r.v.unitId === l.unitId && (r.v.to === null || r.v.to === undefined),
  );
  const changes: Change[] = [];
  for (const [id, rec] of current) {
    if (str(rec.v.from) === l.from) return [{ entity: LIAISON_ENTITY, id, set }];
    if (str(rec.v.from) > l.from) {
      throw new AppError('VALIDATION', '起始日期不能早于现任联络员的起始日期。', { from: `应晚于 ${str(rec.v.from)}。` });
    }
    changes.push({ entity: LIAISON_ENTITY, id, set: { to: l.from } });
  }
  changes.push({ entity: LIAISON_ENTITY, id: newId, set: { ...set, from: l.from, to: null } });
  return changes;
}
