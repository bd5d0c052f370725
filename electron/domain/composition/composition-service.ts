// Changes to the composition as store changes: set-up from a template (or from nothing), people taking up, handing
// over and leaving posts, units joining and leaving, liaison officers. Nothing is overwritten: a change of person
// ends one dated record and starts another, so any past date still shows who was who (see composition-on.ts).
import { AppError } from '../../contract/errors';
import type { JsonValue } from '../../store/operation';
import type { Change, Store } from '../../store/store';
import { parsePhone } from '../ledger/phone';
import { formatChineseDate, isIsoDate } from '../../print/chinese-date';
import {
  BODY_ENTITY,
  BODY_ID,
  LIAISON_ENTITY,
  POST_ENTITY,
  UNIT_ENTITY,
  compositionRoles,
  dutyVersions,
  inForce,
  unitNameOn,
  unitNames,
  type CompositionRole,
} from './composition-on';
import type { Composition, NoticeTemplate } from './template-schema';

export type IdMaker = () => string;

/** A date inside a message, as Chinese text writes it (2018年7月20日). */
const cnDate = (iso: string) => (isIsoDate(iso) ? formatChineseDate(iso) : iso);

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
  /** The successor's unit when it is not the predecessor's (null: none, e.g. a 副市长 after a 副市长兼公安局长). */
  unitId?: string | null | undefined;
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
    throw new AppError('VALIDATION', '接任日期应晚于前任的任职起始日期。', { from: `应晚于${cnDate(str(old.from))}。` });
  }
  const unitId = s.unitId === undefined ? (typeof old.unitId === 'string' ? old.unitId : null) : s.unitId;
  if (s.unitId !== undefined && s.unitId !== null) {
    requireUnit(store, s.unitId);
    if (!inForce(store.get(UNIT_ENTITY, s.unitId)!.v, s.from)) {
      throw new AppError('VALIDATION', '所选单位在接任日期不是成员单位。', { unitId: '所选单位在接任日期不是成员单位。' });
    }
  }
  const role = compositionRoles.includes(old.role as CompositionRole) ? (old.role as CompositionRole) : 'member';
  return [
    { entity: POST_ENTITY, id: postId, set: { to: s.from, successorId: newId } },
    postChange(newId, {
      role,
      personName: s.personName.trim(),
      title: s.title.trim(),
      unitId,
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
  if (to <= str(old.from)) throw new AppError('VALIDATION', '离任日期应晚于任职起始日期。', { to: `应晚于${cnDate(str(old.from))}。` });
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
      throw new AppError('VALIDATION', '起始日期不能早于现任联络员的起始日期。', { from: `应晚于${cnDate(str(rec.v.from))}。` });
    }
    changes.push({ entity: LIAISON_ENTITY, id, set: { to: l.from } });
  }
  changes.push({ entity: LIAISON_ENTITY, id: newId, set: { ...set, from: l.from, to: null } });
  return changes;
}

// ── 机构改革: renaming and merging units, and their duties through time ──

const isObj = (v: JsonValue | undefined): v is Record<string, JsonValue> => v !== null && typeof v === 'object' && !Array.isArray(v);

function unitRecord(store: Store, unitId: string): Record<string, JsonValue> {
  const v = store.get(UNIT_ENTITY, unitId)?.v;
  if (!v) throw new AppError('NOT_FOUND', '找不到该成员单位。');
  return v;
}

function requireInForce(v: Record<string, JsonValue>, date: string, what: string): void {
  if (!inForce(v, date)) throw new AppError('VALIDATION', `${what}在该日期不是成员单位。`, { from: `${what}在该日期不是成员单位。` });
}

/** The unit's `names` list after taking `name` from `from` (the first entry is the name it started with). */
function namesAfter(v: Record<string, JsonValue>, name: string, from: string, label: string): JsonValue[] {
  const names = unitNames(v);
  const last = names[names.length - 1]!;
  if (from <= str(v.from) || (names.length > 1 && from <= last.from)) {
    const after = names.length > 1 ? last.from : str(v.from);
    throw new AppError('VALIDATION', `${label}应晚于${cnDate(after)}。`, { from: `应晚于${cnDate(after)}。` });
  }
  if (name === last.name) throw new AppError('VALIDATION', '新名称与现名称相同。', { name: '新名称与现名称相同。' });
  return [...names.map((n) => ({ name: n.name, from: n.from })), { name, from }];
}

function refuseTakenName(store: Store, name: string, from: string, except: readonly string[]): void {
  const taken = Object.entries(store.table(UNIT_ENTITY)).some(
    ([id, r]) => !except.includes(id) && inForce(r.v, from) && unitNameOn(r.v, from) === name,
  );
  if (taken) throw new AppError('VALIDATION', '已有同名的成员单位。', { name: '已有同名的成员单位。' });
}

/** 机构改革: the unit is called `name` from `from`. Its posts, liaison, duties and tasks stay with it. */
export function renameUnitChanges(store: Store, unitId: string, name: string, from: string): Change[] {
  const v = unitRecord(store, unitId);
  const clean = name.trim();
  if (clean === '') throw new AppError('VALIDATION', '请填写新名称。', { name: '请填写新名称。' });
  requireDate(from, 'from', '更名日期');
  requireInForce(v, from, '该单位');
  refuseTakenName(store, clean, from, [unitId]);
  const names = namesAfter(v, clean, from, '更名日期');
  return [{ entity: UNIT_ENTITY, id: unitId, set: { name: clean, names } }];
}

/**
 * Several units become one from `from`: the first keeps its id, posts, liaison, duties and tasks under the new name;
 * the others leave the joint meeting that day (their people's posts and liaisons end) and point at it. Their open
 * tasks move to it (the caller adds those changes: see tasks' mergeTaskChanges).
 */
export function mergeUnitChanges(store: Store, unitIds: readonly string[], name: string, from: string): Change[] {
  const ids = [...new Set(unitIds)];
  if (ids.length < 2) throw new AppError('VALIDATION', '请选择至少两个要合并的单位。', { unitIds: '请选择至少两个要合并的单位。' });
  const clean = name.trim();
  if (clean === '') throw new AppError('VALIDATION', '请填写合并后的单位名称。', { name: '请填写合并后的单位名称。' });
  requireDate(from, 'from', '合并日期');
  const [survivor, ...others] = ids as [string, ...string[]];
  for (const id of ids) {
    const v = unitRecord(store, id);
    requireInForce(v, from, `“${unitNameOn(v, from)}”`);
    if (from <= str(v.from)) throw new AppError('VALIDATION', `合并日期应晚于${cnDate(str(v.from))}。`, { from: `应晚于${cnDate(str(v.from))}。` });
  }
  refuseTakenName(store, clean, from, ids);
  const sv = unitRecord(store, survivor);
  const names = unitNameOn(sv, from) === clean ? undefined : namesAfter(sv, clean, from, '合并日期');
  const prior = Array.isArray(sv.mergedFrom) ? sv.mergedFrom.filter((x): x is string => typeof x === 'string') : [];
  const changes: Change[] = [
    { entity: UNIT_ENTITY, id: survivor, set: { name: clean, ...(names ? { names } : {}), mergedFrom: [...prior, ...others] } },
  ];
  for (const id of others) {
    changes.push({ entity: UNIT_ENTITY, id, set: { to: from, mergedInto: survivor } });
    for (const [pid, rec] of Object.entries(store.table(POST_ENTITY))) {
      if (rec.v.unitId === id && (rec.v.to === null || rec.v.to === undefined || str(rec.v.to) > from)) {
        changes.push({ entity: POST_ENTITY, id: pid, set: { to: str(rec.v.from) >= from ? str(rec.v.from) : from } });
      }
    }
    for (const [lid, rec] of Object.entries(store.table(LIAISON_ENTITY))) {
      if (rec.v.unitId === id && (rec.v.to === null || rec.v.to === undefined)) changes.push({ entity: LIAISON_ENTITY, id: lid, set: { to: from } });
    }
  }
  return changes;
}

function dutyItems(v: Record<string, JsonValue>): Record<string, JsonValue>[] {
  const duty = v.duty;
  if (!isObj(duty) || !Array.isArray(duty.items)) return [];
  return duty.items.filter(isObj);
}

function checkDutyText(text: string): string {
  const clean = text.trim();
  if (clean === '') throw new AppError('VALIDATION', '请填写职责内容。', { text: '请填写职责内容。' });
  return clean;
}

/**
 * A duty item reworded from `from`. The notice's wording is kept as `original` and every wording as a dated
 * version, so the duties on any past date (and the notice's own text) can still be shown.
 */
export function editDutyChanges(
  store: Store,
  e: { unitId: string; itemId: string; text: string; from: string; note?: string | undefined },
  by: string,
): Change[] {
  const v = unitRecord(store, e.unitId);
  const text = checkDutyText(e.text);
  requireDate(e.from, 'from', '生效日期');
  const items = dutyItems(v);
  const at = items.findIndex((it) => it.id === e.itemId);
  if (at < 0) throw new AppError('NOT_FOUND', '找不到该职责条目。');
  const item = items[at]!;
  const versions = dutyVersions(item).map((x) => ({ text: x.text, from: x.from, note: x.note, by: x.by }));
  if (versions.length === 0) versions.push({ text: str(item.text), from: str(v.from), note: '', by: '' });
  const last = versions[versions.length - 1]!;
  if (text === last.text) throw new AppError('VALIDATION', '职责内容没有改动。', { text: '职责内容没有改动。' });
  if (e.from < last.from || (e.from === last.from && versions.length === 1)) {
    throw new AppError('VALIDATION', `生效日期应晚于${cnDate(last.from)}。`, { from: `应晚于${cnDate(last.from)}。` });
  }
  const entry = { text, from: e.from, note: (e.note ?? '').trim(), by };
  // The same day as the latest change corrects that change rather than adding one.
  if (e.from === last.from) versions[versions.length - 1] = entry;
  else versions.push(entry);
  const fromNotice = typeof item.added !== 'string';
  const next: Record<string, JsonValue> = { ...item, text, versions };
  if (fromNotice && typeof item.original !== 'string') next.original = str(item.text);
  const all = items.map((it, i) => (i === at ? next : it));
  return [{ entity: UNIT_ENTITY, id: e.unitId, set: { duty: { ...(v.duty as Record<string, JsonValue>), items: all } } }];
}

/** A duty item added from `from` (e.g. after 机构改革 gave the unit new work); numbered after the unit's others. */
export function addDutyChanges(
  store: Store,
  a: { unitId: string; text: string; from: string; note?: string | undefined },
  by: string,
): { changes: Change[]; itemId: string } {
  const v = unitRecord(store, a.unitId);
  const text = checkDutyText(a.text);
  requireDate(a.from, 'from', '生效日期');
  if (a.from < str(v.from)) throw new AppError('VALIDATION', `生效日期不能早于 ${str(v.from)}。`, { from: `不能早于 ${str(v.from)}。` });
  const items = dutyItems(v);
  const n = Math.max(0, ...items.map((it) => Number(/\.(\d+)$/.exec(str(it.id))?.[1] ?? 0))) + 1;
  const itemId = `${a.unitId}.${n}`;
  const item: Record<string, JsonValue> = { id: itemId, text, added: a.from, versions: [{ text, from: a.from, note: (a.note ?? '').trim(), by }] };
  const duty: Record<string, JsonValue> = isObj(v.duty) ? { ...v.duty, items: [...items, item] } : { paragraph: '', items: [item] };
  const changes: Change[] = [{ entity: UNIT_ENTITY, id: a.unitId, set: { duty, ...(isObj(v.duty) ? {} : { dutyName: str(v.name) }) } }];
  return { changes, itemId };
}
