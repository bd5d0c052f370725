// Handlers for the joint meeting's composition and its member units (issue 4). Rules live in
// electron/domain/composition; these read the day from the clock, make ids and commit.
import crypto from 'node:crypto';
import type { AppContext } from '../app/context';
import { requireStore } from '../app/context';
import { currentSeat } from '../app/session';
import { AppError } from '../contract/errors';
import type { CompositionView, PostView, TemplatePreview, UnitDetail } from '../contract/schemas/units';
import {
  BODY_ENTITY,
  BODY_ID,
  LIAISON_ENTITY,
  POST_ENTITY,
  UNIT_ENTITY,
  compositionOn,
  inForce,
  postFromRecord,
  postUnitName,
  unitNameOn,
  unitOn,
  type UnitOn,
} from '../domain/composition/composition-on';
import {
  addDutyChanges,
  addPostChanges,
  addUnitChanges,
  editDutyChanges,
  endPostChanges,
  mergeUnitChanges,
  renameUnitChanges,
  isSetUp,
  removeUnitChanges,
  replacePostChanges,
  setLiaisonChanges,
  setupChanges,
  type SetupInput,
} from '../domain/composition/composition-service';
import {
  deriveCountyTemplate,
  emptyComposition,
  loadNoticeTemplate,
  type NoticeTemplate,
} from '../domain/composition/template';
import { isoDateOf } from '../domain/ledger/dates';
import { formatChineseDate } from '../print/chinese-date';
import { allTaskRows } from '../domain/tasks/task-views';
import { mergeTaskChanges, reportsByTask, TASK_ENTITY } from '../domain/tasks/task-service';
import type { Store } from '../store/store';
import type { HandlerMap } from './types';

export const todayOf = (ctx: AppContext) => isoDateOf(new Date(ctx.clock()));
const newId = () => crypto.randomUUID();
/** The signed-in person's name, for histories people read (the store records the login with every change). */
export const actorName = (ctx: AppContext) => (currentSeat() ?? ctx.seat).person?.name ?? ctx.user;

/** A unit as it stands on `date` (ended units included: a merged unit still answers with its last name). */
function unitView(store: Store, unitId: string, date: string): UnitOn {
  const rec = store.get(UNIT_ENTITY, unitId);
  if (!rec) throw new AppError('NOT_FOUND', '找不到该成员单位。');
  return compositionOn(store, date).units.find((u) => u.id === unitId) ?? unitOn(store, unitId, rec.v, date);
}

function templateFor(ctx: AppContext, mode: 'template' | 'county', bodyName?: string): NoticeTemplate {
  const city = loadNoticeTemplate();
  if (mode === 'template') return city;
  const level = ctx.office?.level === 'zone' ? 'zone' : 'county';
  return deriveCountyTemplate(city, { bodyName: bodyName ?? defaultBodyName(ctx), level });
}

/** 「XX县农村留守儿童关爱保护工作联席会议」 from the office's name, as a suggestion the clerk can edit. */
function defaultBodyName(ctx: AppContext): string {
  const place = /^(.+?(?:市|县|区|管委会))/.exec(ctx.office?.name ?? '')?.[1] ?? '';
  return `${place}农村留守儿童关爱保护工作联席会议`;
}

export function compositionView(store: Store, date: string): CompositionView {
  const on = compositionOn(store, date);
  const body = store.get(BODY_ENTITY, BODY_ID)?.v ?? {};
  const s = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
  const history: PostView[] = Object.entries(store.table(POST_ENTITY))
    .map(([id, rec]) => {
      // A former member shows with the unit's name while they served.
      const p = postFromRecord(id, rec.v);
      return { ...p, unitName: postUnitName(store, p.unitId, p.to && p.to <= date ? p.from : date) };
    })
    .sort((a, b) => a.order - b.order || a.from.localeCompare(b.from));
  return {
    setUp: isSetUp(store),
    date,
    body: {
      name: on.body.name,
      level: on.body.level,
      origin: s('origin'),
      from: s('from'),
      docNumber: s('docNumber'),
      officeName: s('officeName'),
    },
    units: on.units,
    posts: on.posts,
    history,
  };
}

export const unitsHandlers = {
  async 'composition.template'(args, ctx) {
    requireStore(ctx);
    const t = templateFor(ctx, args.mode, args.bodyName);
    const unitName = new Map(t.units.map((u) => [u.id, u.name]));
    const preview: TemplatePreview = {
      bodyName: t.body.name,
      level: t.body.level,
      docNumber: t.source.docNumber,
      date: t.source.date,
      unitCount: t.units.length,
      dutyUnitCount: t.units.filter((u) => u.duty !== null).length,
      posts: t.posts.map((p) => ({
        order: p.order,
        role: p.role,
        // A post without a member unit (市政府副秘书长) serves the government itself.
        unitName: p.unit === null ? (t.body.level === 'city' ? '市政府' : '县（市、区）政府') : (unitName.get(p.unit) ?? ''),
        personName: p.name,
        title: p.title,
      })),
    };
    return preview;
  },
  async 'composition.setup'(args, ctx) {
    const store = requireStore(ctx);
    const today = todayOf(ctx);
    let input: SetupInput;
    if (args.mode === 'empty') {
      const name = args.bodyName ?? '';
      input = { composition: emptyComposition(name, ctx.office?.level === 'city' ? 'city' : (args.level ?? 'county')), origin: 'empty', from: args.from ?? today };
    } else if (args.mode === 'template') {
      const t = templateFor(ctx, 'template');
      // The notice's people held their posts from the day it was issued.
      input = { composition: t, origin: 'template', from: args.from ?? t.source.date };
    } else {
      if (!args.bodyName?.trim()) throw new AppError('VALIDATION', '请填写联席会议名称。', { bodyName: '请填写联席会议名称。' });
      const t = templateFor(ctx, 'county', args.bodyName);
      input = {
        composition: t,
        origin: 'county-template',
        from: args.from ?? today,
        people: args.people ?? [],
        officeHead: args.officeHead,
      };
    }
    store.commit(setupChanges(store, input, newId), ctx.user);
    return compositionView(store, today);
  },
  async 'composition.get'(args, ctx) {
    const store = requireStore(ctx);
    return compositionView(store, args.date ?? todayOf(ctx));
  },
  async 'posts.add'(args, ctx) {
    const store = requireStore(ctx);
    const id = newId();
    store.commit(addPostChanges(store, id, args), ctx.user);
    return postFromRecord(id, store.get(POST_ENTITY, id)!.v, postUnitName(store, args.unitId, args.from));
  },
  async 'posts.replace'(args, ctx) {
    const store = requireStore(ctx);
    const id = newId();
    store.commit(replacePostChanges(store, args.postId, id, args), ctx.user);
    const v = store.get(POST_ENTITY, id)!.v;
    return postFromRecord(id, v, postUnitName(store, typeof v.unitId === 'string' ? v.unitId : null, args.from));
  },
  async 'posts.end'(args, ctx) {
    const store = requireStore(ctx);
    store.commit(endPostChanges(store, args.postId, args.to), ctx.user);
    return { ended: true as const };
  },
  async 'units.add'(args, ctx) {
    const store = requireStore(ctx);
    if (!isSetUp(store)) throw new AppError('NOT_SET_UP', '请先设置联席会议组成。');
    const id = newId();
    store.commit(addUnitChanges(store, id, args), ctx.user);
    const unit = compositionOn(store, args.from).units.find((u) => u.id === id);
    if (!unit) throw new AppError('INTERNAL', '成员单位未能保存。');
    return unit;
  },
  async 'units.remove'(args, ctx) {
    const store = requireStore(ctx);
    store.commit(removeUnitChanges(store, args.unitId, args.to), ctx.user);
    return { removed: true as const };
  },
  async 'units.setLiaison'(args, ctx) {
    const store = requireStore(ctx);
    const changes = setLiaisonChanges(store, newId(), args);
    store.commit(changes, ctx.user);
    const saved = store.get(LIAISON_ENTITY, changes[changes.length - 1]!.id)!.v;
    return { name: String(saved.name), post: String(saved.post), phone: String(saved.phone) };
  },
  async 'units.rename'(args, ctx) {
    const store = requireStore(ctx);
    store.commit(renameUnitChanges(store, args.unitId, args.name, args.from), ctx.user);
    return unitView(store, args.unitId, args.from);
  },
  async 'units.merge'(args, ctx) {
    const store = requireStore(ctx);
    const ids = [...new Set(args.unitIds)];
    const changes = mergeUnitChanges(store, ids, args.name, args.from);
    const [survivor, ...others] = ids as [string, ...string[]];
    const oldNames = ids.map((u) => unitNameOn(store.get(UNIT_ENTITY, u)?.v, args.from)).join('、');
    const reason = `机构改革：${oldNames}合并为${args.name.trim()}（${formatChineseDate(args.from)}起）`;
    changes.push(...mergeTaskChanges(store, survivor, others, todayOf(ctx), actorName(ctx), reason));
    store.commit(changes, ctx.user);
    return unitView(store, survivor, args.from);
  },
  async 'units.editDuty'(args, ctx) {
    const store = requireStore(ctx);
    store.commit(editDutyChanges(store, args, actorName(ctx)), ctx.user);
    return unitView(store, args.unitId, args.from);
  },
  async 'units.addDuty'(args, ctx) {
    const store = requireStore(ctx);
    const rec = store.get(UNIT_ENTITY, args.unitId);
    if (!rec) throw new AppError('NOT_FOUND', '找不到该成员单位。');
    if (!inForce(rec.v, args.from)) throw new AppError('VALIDATION', '该单位在生效日期不是成员单位。', { from: '该单位在生效日期不是成员单位。' });
    store.commit(addDutyChanges(store, args, actorName(ctx)).changes, ctx.user);
    return unitView(store, args.unitId, args.from);
  },
  async 'units.get'(args, ctx) {
    const store = requireStore(ctx);
    const date = args.date ?? todayOf(ctx);
    const rec = store.get(UNIT_ENTITY, args.unitId);
    if (!rec) throw new AppError('NOT_FOUND', '找不到该成员单位。');
    const on = compositionOn(store, date);
    const str = (v: unknown) => (typeof v === 'string' ? v : '');
    const unit: UnitDetail['unit'] = {
      ...(on.units.find((u) => u.id === args.unitId) ?? unitOn(store, args.unitId, rec.v, date)),
      from: str(rec.v.from),
      to: str(rec.v.to) || null,
    };
    const all = Object.entries(store.table(POST_ENTITY))
      .map(([id, r]) => postFromRecord(id, r.v))
      .filter((p) => p.unitId === args.unitId)
      .map((p) => ({ ...p, unitName: postUnitName(store, p.unitId, p.to && p.to <= date ? p.from : date) }));
    const current = new Set(on.posts.map((p) => p.id));
    const liaisonHistory = Object.values(store.table(LIAISON_ENTITY))
      .filter((r) => r.v.unitId === args.unitId)
      .map((r) => ({ name: str(r.v.name), post: str(r.v.post), phone: str(r.v.phone), from: str(r.v.from), to: str(r.v.to) || null }))
      .sort((a, b) => b.from.localeCompare(a.from));
    const rows = allTaskRows(store, todayOf(ctx));
    const titles = new Map(rows.map((r) => [r.id, r.title]));
    const reports = [...reportsByTask(store).values()]
      .flat()
      .filter((r) => r.unitId === args.unitId && store.get(TASK_ENTITY, r.taskId))
      .map((r) => ({ ...r, unitName: unit.name, taskTitle: titles.get(r.taskId) ?? '' }))
      .sort((a, b) => b.date.localeCompare(a.date));
    return {
      date,
      unit,
      posts: all.filter((p) => current.has(p.id)),
      formerPosts: all.filter((p) => !current.has(p.id)).sort((a, b) => b.from.localeCompare(a.from)),
      liaisonHistory,
      leading: rows.filter((r) => r.lead.id === args.unitId),
      cooperating: rows.filter((r) => r.coUnits.some((u) => u.id === args.unitId)),
      reports,
    };
  },
} satisfies HandlerMap<
  | 'composition.template'
  | 'composition.setup'
  | 'composition.get'
  | 'posts.add'
  | 'posts.replace'
  | 'posts.end'
  | 'units.add'
  | 'units.remove'
  | 'units.setLiaison'
  | 'units.get'
  | 'units.rename'
  | 'units.merge'
  | 'units.editDuty'
  | 'units.addDuty'
>;
