// Handlers of the ledger (issue 3): children's records, their history, visits, assistance, assessments, exits,
// alerts, settings and code lists. Thin: rules live in electron/domain/ledger, the list index in ./ledger-index.
import crypto from 'node:crypto';
import type { AppContext } from '../app/context';
import { requireStore } from '../app/context';
import { audit } from '../audit/audit';
import { displayName } from '../accounts/users';
import { AppError } from '../contract/errors';
import {
  childFieldLabels,
  DECEASED_MARK,
  validateChildRecord,
  type ChildRecord,
  type IncompleteChildRecord,
} from '../contract/schemas/child';
import type { Assessment, Assistance, ChildView, Visit } from '../contract/schemas/ledger';
import {
  CHILD_ENTITY,
  changedFields,
  childValue,
  fillFromIdNumber,
  flattenChild,
  isIdNumberField,
  SENSITIVE_CHILD_FIELDS,
  storedChildRecord,
} from '../domain/ledger/child-fields';
import { childTimeline } from '../domain/ledger/child-history';
import { codeLabel, hasCode, OFFICE_CODE_PREFIX, type CodeListKey } from '../domain/ledger/codelists';
import { flatGetter, identifiesChild, missingFields, nestedGetter, NOT_IDENTIFIED_MESSAGE } from '../domain/ledger/completeness';
import { isoDateOf } from '../domain/ledger/dates';
import { maskIdNumber, maskPhone } from '../domain/ledger/mask';
import { transferLockMessage, transferredOut } from '../domain/ledger/transfer-lock';
import { MERGED_INTO } from '../domain/ledger/merge-duplicates';
import { hlcDate } from '../store/hlc';
import type { JsonValue } from '../store/operation';
import { createdHlc, updatedHlc, type EntityRecord } from '../store/state';
import type { Change, Store } from '../store/store';
import {
  CODE_ITEM_ENTITY,
  LEDGER_SETTINGS_ENTITY,
  LEDGER_SETTINGS_ID,
  ledgerIndex,
  type LedgerIndex,
} from './ledger-index';
import { alertTotals } from './alert-totals';
import { childRecordsIndex } from './child-records-index';
import type { HandlerMap } from './types';

export const VISIT_ENTITY = 'visit';
export const ASSISTANCE_ENTITY = 'assistance';
export const ASSESSMENT_ENTITY = 'assessment';
/** Who viewed, exported or printed personal data, and when (个人信息保护法: processing records). */
export { AUDIT_ENTITY } from '../audit/audit-trail';

export const todayOf = (ctx: AppContext) => isoDateOf(new Date(ctx.clock()));
const nowIso = (ctx: AppContext) => new Date(ctx.clock()).toISOString();

function open(ctx: AppContext): { store: Store; index: LedgerIndex; today: string } {
  const store = requireStore(ctx);
  return { store, index: ledgerIndex(store), today: todayOf(ctx) };
}

function requireChild(store: Store, id: string): EntityRecord {
  const rec = store.get(CHILD_ENTITY, id);
  if (!rec) throw new AppError('NOT_FOUND', '台账中没有这名儿童的记录，可能已被其他单位转出或编号有误。');
  return rec;
}

const selfCode = (ctx: AppContext) => ctx.office?.code ?? '';

/** A child this office has transferred out is the read-only trace of the transfer: every change is refused. */
function requireWritableChild(ctx: AppContext, store: Store, id: string): EntityRecord {
  const rec = requireChild(store, id);
  const trace = transferredOut(rec.v, selfCode(ctx));
  if (trace) throw new AppError('REFUSED', transferLockMessage(trace));
  // A record merged into another stays as it was at the merge; the record kept is the one to change.
  if (typeof rec.v[MERGED_INTO] === 'string' && rec.v[MERGED_INTO] !== '') {
    throw new AppError('REFUSED', '这份档案已并入另一份档案，只读保留；请在合并后保留的档案中修改。');
  }
  return rec;
}

export type LedgerAuditAction = 'view' | 'edit' | 'export' | 'print';
const auditTargets: Record<string, string> = { child: '儿童记录', 'child:unmasked': '台账（完整号码）', 'child:masked': '台账（已遮蔽）' };

/** Records that personal data was seen or taken out, in the audit trail (who and when come with it). */
export function recordAudit(
  ctx: AppContext,
  action: LedgerAuditAction,
  details: { target: string; targetId?: string; count?: number; channel: string },
): void {
  const target = (Object.hasOwn(auditTargets, details.target) ? auditTargets[details.target] : details.target) + (details.targetId ? ` ${details.targetId}` : '');
  const detail = [action === 'edit' ? '为修改而查看' : '', details.count !== undefined ? `${details.count} 条` : ''].filter(Boolean).join('，');
  audit(ctx, { action: action === 'edit' ? 'view' : action, target, detail });
}

/**
 * The record as the form sent it, judged by the full schema; or, when the clerk chose 暂存为待完善, by the incomplete
 * one, and then it must still say which child it is (a valid ID number, or name, birth date and township).
 */
function validate(ctx: AppContext, index: LedgerIndex, input: unknown, incomplete: boolean): IncompleteChildRecord {
  const today = todayOf(ctx);
  const filled = fillFromIdNumber(input, today, index.codeLists());
  // The schema is built once per version of the code lists, not per call (issue 13).
  const r = incomplete
    ? validateChildRecord(filled, index.childSchema('incomplete', today))
    : validateChildRecord(filled, index.childSchema('complete', today));
  if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.fields);
  if (incomplete && !identifiesChild(nestedGetter(r.value))) {
    throw new AppError('VALIDATION', NOT_IDENTIFIED_MESSAGE, {
      'child.idNumber': '请填写身份证号码；没有的，请填写姓名、出生日期和乡镇（街道）',
    });
  }
  return r.value;
}

function refuseDuplicate(index: LedgerIndex, record: IncompleteChildRecord, self?: string): void {
  const n = record.child.idNumber;
  if (!n) return;
  const holder = index.childWithIdNumber(n);
  if (holder && holder !== self) {
    throw new AppError('CONFLICT', '台账中已有这个身份证号码的儿童，请勿重复建档。', {
      'child.idNumber': '台账中已有这个身份证号码的儿童，请在列表中搜索号码后几位找到该记录',
    });
  }
}

const withoutUnset = (flat: Record<string, JsonValue>): Record<string, JsonValue> => {
  const out: Record<string, JsonValue> = {};
  for (const [k, v] of Object.entries(flat)) if (v !== null) out[k] = v;
  return out;
};

function maskRecord(record: ChildRecord): ChildRecord {
  const flat = flattenChild(record);
  for (const path of SENSITIVE_CHILD_FIELDS) {
    const v = flat[path as keyof typeof flat];
    if (typeof v === 'string' && v !== '' && v !== DECEASED_MARK) {
      (flat as Record<string, JsonValue>)[path] = isIdNumberField(path) ? maskIdNumber(v) : maskPhone(v);
    }
  }
  return storedChildRecord(flat);
}

function viewOf(ctx: AppContext, id: string, masked: boolean): ChildView {
  const { store, index, today } = open(ctx);
  const rec = requireChild(store, id);
  const s = index.summary(id, today)!;
  const record = storedChildRecord(rec.v);
  return {
    id,
    record: masked ? maskRecord(record) : record,
    masked,
    age: s.age,
    ageBand: s.ageBand,
    eligible: s.eligible,
    eligibilityReasons: s.eligibilityReasons,
    alerts: s.alerts,
    missing: missingFields(flatGetter(rec.v)),
    lastVisitDate: childValue(rec.v, 'lastVisitDate'),
    nextVisitDue: childValue(rec.v, 'nextVisitDue'),
    lastAssessmentDate: childValue(rec.v, 'lastAssessmentDate'),
    createdAt: hlcDate(createdHlc(rec)).toISOString(),
    updatedAt: hlcDate(updatedHlc(rec)).toISOString(),
    transferredOut: transferredOut(rec.v, selfCode(ctx)),
  };
}

function notAfterToday(today: string, date: string, field: string, label: string): void {
  if (date > today) throw new AppError('VALIDATION', `${label}不能晚于今天`, { [field]: `${label}不能晚于今天` });
}

function requireCode(index: LedgerIndex, list: CodeListKey, code: string, field: string, label: string): void {
  if (!hasCode(index.codeLists(), list, code)) {
    throw new AppError('VALIDATION', `${label}的选项无效，请重新选择`, { [field]: `${label}的选项无效，请重新选择` });
  }
}

const str = (v: Record<string, JsonValue>, k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '');
const strs = (v: Record<string, JsonValue>, k: string) =>
  Array.isArray(v[k]) ? (v[k] as JsonValue[]).filter((x): x is string => typeof x === 'string') : [];

function recordsOf<T>(store: Store, entity: string, childId: string, read: (id: string, rec: EntityRecord) => T): T[] {
  // By index: this child's records only, never the whole table (issue 13).
  const out = childRecordsIndex(store, entity)
    .of(childId)
    .map(({ id, rec }) => ({ t: read(id, rec), date: str(rec.v, 'date'), c: createdHlc(rec) }));
  // Newest first: the record page shows the latest event on top.
  return out.sort((a, b) => (a.date === b.date ? (a.c < b.c ? 1 : -1) : a.date < b.date ? 1 : -1)).map((x) => x.t);
}

const recorded = (rec: EntityRecord) => ({ recordedAt: hlcDate(createdHlc(rec)).toISOString() });

/** The dated event moves the child's "latest" field only if it is not older than what is there. */
function newerDate(current: string, date: string): boolean {
  return current === '' || date >= current;
}

function userOf(store: Store, entity: string, id: string): string {
  // Who recorded it: the first operation in its history, read once per record and kept by the index.
  const login = childRecordsIndex(store, entity).creatorOf(id);
  return login ? displayName(store, login) : '';
}

export const ledgerHandlers = {
  async 'children.create'(args, ctx) {
    const { store, index } = open(ctx);
    const record = validate(ctx, index, args.record, args.incomplete);
    refuseDuplicate(index, record);
    const id = crypto.randomUUID();
    // An unanswered 是/否 of a 待完善 record is left out, not written as null: nothing is invented or blanked.
    const set = withoutUnset(flattenChild(record));
    store.commit([{ entity: CHILD_ENTITY, id, set }], ctx.user);
    return { id, changed: Object.keys(set) };
  },

  async 'children.update'(args, ctx) {
    const { store, index } = open(ctx);
    const rec = requireWritableChild(ctx, store, args.id);
    const record = validate(ctx, index, args.record, args.incomplete);
    refuseDuplicate(index, record, args.id);
    const set = changedFields(rec.v, withoutUnset(flattenChild(record)));
    if (Object.keys(set).length > 0) store.commit([{ entity: CHILD_ENTITY, id: args.id, set }], ctx.user);
    return { id: args.id, changed: Object.keys(set) };
  },

  async 'children.get'(args, ctx) {
    return viewOf(ctx, args.id, true);
  },

  async 'children.reveal'(args, ctx) {
    // Its own durable write, even when an edit follows (the edit flow writes twice: this entry when the form opens,
    // the change when it is saved). The full numbers leave here now: the entry must be on disk before they do, or an
    // abandoned form or a crash would leave a view unrecorded; and the save comes after the clerk's typing, so the two
    // cannot be one batch. The clerk waits for one write at each step, not two at either.
    const view = viewOf(ctx, args.id, false);
    recordAudit(ctx, args.purpose === 'edit' ? 'edit' : 'view', {
      target: CHILD_ENTITY,
      targetId: args.id,
      channel: 'children.reveal',
    });
    return view;
  },

  async 'children.list'(args, ctx) {
    const { index, today } = open(ctx);
    const { total, rows } = index.query(args, today);
    const places = index.places(today);
    const townships = [...places.keys()].sort();
    const villages = new Set<string>();
    for (const [t, vs] of places) if (!args.filters.township || t === args.filters.township) vs.forEach((v) => villages.add(v));
    return { total, offset: args.offset, rows, townships, villages: [...villages].sort() };
  },

  async 'children.history'(args, ctx) {
    const { store, index } = open(ctx);
    requireChild(store, args.id);
    return childTimeline(store.history(CHILD_ENTITY, args.id), index.codeLists(), (login) => displayName(store, login)).reverse();
  },

  async 'children.exit'(args, ctx) {
    const { store, index, today } = open(ctx);
    const rec = requireWritableChild(ctx, store, args.id);
    if (childValue(rec.v, 'status.state') !== 'active' && childValue(rec.v, 'status.state') !== '') {
      throw new AppError('REFUSED', '这名儿童已不在册，不能再次办理退出。');
    }
    requireCode(index, 'exitReason', args.reason, 'reason', '退出原因');
    notAfterToday(today, args.date, 'date', '退出日期');
    if (args.reason === 'other' && !args.note) {
      throw new AppError('VALIDATION', '退出原因为「其他」时，请填写情况说明', { note: '退出原因为「其他」时，请填写情况说明' });
    }
    const set = { 'status.state': 'exited', 'status.reason': args.reason, 'status.date': args.date, 'status.note': args.note };
    const changes = changedFields(rec.v, set);
    store.commit([{ entity: CHILD_ENTITY, id: args.id, set: changes }], ctx.user);
    return { id: args.id, changed: Object.keys(changes) };
  },

  async 'children.reenter'(args, ctx) {
    const { store, today } = open(ctx);
    const rec = requireWritableChild(ctx, store, args.id);
    const state = childValue(rec.v, 'status.state');
    if (state === 'active' || state === '') throw new AppError('REFUSED', '这名儿童在册，无需重新纳入。');
    notAfterToday(today, args.date, 'date', '重新纳入日期');
    const set = { 'status.state': 'active', 'status.reason': '', 'status.date': '', 'status.note': args.note, reenteredDate: args.date };
    const changes = changedFields(rec.v, set);
    store.commit([{ entity: CHILD_ENTITY, id: args.id, set: changes }], ctx.user);
    return { id: args.id, changed: Object.keys(changes) };
  },

  async 'visits.add'(args, ctx) {
    const { store, index, today } = open(ctx);
    const child = requireWritableChild(ctx, store, args.childId);
    notAfterToday(today, args.date, 'date', '走访日期');
    if (args.nextDue && args.nextDue < args.date) {
      throw new AppError('VALIDATION', '下次走访日期不能早于本次走访日期', { nextDue: '下次走访日期不能早于本次走访日期' });
    }
    for (const f of args.findings) requireCode(index, 'visitFinding', f, 'findings', '走访发现');
    const id = crypto.randomUUID();
    const set = { childId: args.childId, date: args.date, visitor: args.visitor, findings: args.findings, note: args.note, nextDue: args.nextDue };
    const changes: Change[] = [{ entity: VISIT_ENTITY, id, set }];
    if (newerDate(childValue(child.v, 'lastVisitDate'), args.date)) {
      changes.push({ entity: CHILD_ENTITY, id: args.childId, set: { lastVisitDate: args.date, nextVisitDue: args.nextDue } });
    }
    store.commit(changes, ctx.user);
    return { id, ...set, recordedAt: nowIso(ctx), user: ctx.user };
  },

  async 'visits.list'(args, ctx) {
    const { store } = open(ctx);
    requireChild(store, args.childId);
    return recordsOf<Visit>(store, VISIT_ENTITY, args.childId, (id, rec) => ({
      id,
      childId: args.childId,
      date: str(rec.v, 'date'),
      visitor: str(rec.v, 'visitor'),
      findings: strs(rec.v, 'findings'),
      note: str(rec.v, 'note'),
      nextDue: str(rec.v, 'nextDue'),
      user: userOf(store, VISIT_ENTITY, id),
      ...recorded(rec),
    }));
  },

  async 'assistance.add'(args, ctx) {
    const { store, index, today } = open(ctx);
    requireWritableChild(ctx, store, args.childId);
    requireCode(index, 'supportMeasureType', args.type, 'type', '帮扶措施类型');
    notAfterToday(today, args.date, 'date', '帮扶日期');
    const id = crypto.randomUUID();
    const set = { childId: args.childId, type: args.type, provider: args.provider, date: args.date, note: args.note };
    store.commit([{ entity: ASSISTANCE_ENTITY, id, set }], ctx.user);
    return { id, ...set, recordedAt: nowIso(ctx), user: ctx.user };
  },

  async 'assistance.list'(args, ctx) {
    const { store } = open(ctx);
    requireChild(store, args.childId);
    return recordsOf<Assistance>(store, ASSISTANCE_ENTITY, args.childId, (id, rec) => ({
      id,
      childId: args.childId,
      type: str(rec.v, 'type'),
      provider: str(rec.v, 'provider'),
      date: str(rec.v, 'date'),
      note: str(rec.v, 'note'),
      user: userOf(store, ASSISTANCE_ENTITY, id),
      ...recorded(rec),
    }));
  },

  async 'assessments.add'(args, ctx) {
    const { store, index, today } = open(ctx);
    const child = requireWritableChild(ctx, store, args.childId);
    requireCode(index, 'guardianshipAssessment', args.guardianship, 'guardianship', '监护情况评估');
    requireCode(index, 'riskLevel', args.riskLevel, 'riskLevel', '风险等级');
    notAfterToday(today, args.date, 'date', '评估日期');
    const id = crypto.randomUUID();
    const set = {
      childId: args.childId,
      date: args.date,
      assessor: args.assessor,
      guardianship: args.guardianship,
      safety: args.safety,
      riskLevel: args.riskLevel,
      note: args.note,
    };
    const changes: Change[] = [{ entity: ASSESSMENT_ENTITY, id, set }];
    // The latest assessment is the child's current standing; an older one entered late only joins the list.
    if (newerDate(childValue(child.v, 'lastAssessmentDate'), args.date)) {
      const childSet = changedFields(child.v, {
        riskLevel: args.riskLevel,
        'guardianship.assessment': args.guardianship,
        lastAssessmentDate: args.date,
      });
      if (Object.keys(childSet).length > 0) changes.push({ entity: CHILD_ENTITY, id: args.childId, set: childSet });
    }
    store.commit(changes, ctx.user);
    return { id, ...set, recordedAt: nowIso(ctx), user: ctx.user };
  },

  async 'assessments.list'(args, ctx) {
    const { store } = open(ctx);
    requireChild(store, args.childId);
    return recordsOf<Assessment>(store, ASSESSMENT_ENTITY, args.childId, (id, rec) => ({
      id,
      childId: args.childId,
      date: str(rec.v, 'date'),
      assessor: str(rec.v, 'assessor'),
      guardianship: str(rec.v, 'guardianship'),
      safety: str(rec.v, 'safety'),
      riskLevel: str(rec.v, 'riskLevel'),
      note: str(rec.v, 'note'),
      user: userOf(store, ASSESSMENT_ENTITY, id),
      ...recorded(rec),
    }));
  },

  async 'alerts.list'(args, ctx) {
    const { store, index, today } = open(ctx);
    // Counted per change, not over every child per call (issue 13).
    const { total, counts, incomplete } = alertTotals(store, index).figures(today);
    const items = [];
    // The 'alerts' order puts 无人监护 first, then the most urgent kinds; children without alerts come last. The
    // list's own query gives its first page without making an array of every child.
    const { rows } = index.query({ filters: {}, search: '', sort: { field: 'alerts', dir: 'asc' }, offset: 0, limit: args.limit }, today);
    for (const s of rows) {
      if (s.alerts.length === 0) break;
      items.push({ childId: s.id, name: s.name, township: s.township, village: s.village, unguarded: s.unguarded, alerts: s.alerts });
    }
    return { total, counts, items, incomplete };
  },

  async 'ledger.settings.get'(_args, ctx) {
    return open(ctx).index.settings();
  },

  async 'ledger.settings.set'(args, ctx) {
    const { store, index } = open(ctx);
    const set = changedFields(store.get(LEDGER_SETTINGS_ENTITY, LEDGER_SETTINGS_ID)?.v ?? {}, { ...args });
    if (Object.keys(set).length > 0) store.commit([{ entity: LEDGER_SETTINGS_ENTITY, id: LEDGER_SETTINGS_ID, set }], ctx.user);
    return index.settings();
  },

  async 'codelists.get'(_args, ctx) {
    return open(ctx).index.codeLists();
  },

  async 'codelists.extend'(args, ctx) {
    const { store, index } = open(ctx);
    const lists = index.codeLists();
    const list = lists.lists[args.list];
    const existing = list.items.find((i) => i.label === args.label);
    if (existing) {
      const msg = `「${args.label}」已在「${list.label}」中，不必增补`;
      throw new AppError('VALIDATION', msg, { label: msg });
    }
    const code = `${OFFICE_CODE_PREFIX}${crypto.randomUUID().slice(0, 8)}`;
    const set: Record<string, JsonValue> = { list: args.list, code, label: args.label };
    if (args.note) set.note = args.note;
    store.commit([{ entity: CODE_ITEM_ENTITY, id: `${args.list}:${code}`, set }], ctx.user);
    if (codeLabel(index.codeLists(), args.list, code) !== args.label) {
      throw new AppError('INTERNAL', '新增的代码未能生效，请重试。');
    }
    return { list: args.list, code, label: args.label };
  },
} satisfies HandlerMap<
  | 'children.create'
  | 'children.update'
  | 'children.get'
  | 'children.reveal'
  | 'children.list'
  | 'children.history'
  | 'children.exit'
  | 'children.reenter'
  | 'visits.add'
  | 'visits.list'
  | 'assistance.add'
  | 'assistance.list'
  | 'assessments.add'
  | 'assessments.list'
  | 'alerts.list'
  | 'ledger.settings.get'
  | 'ledger.settings.set'
  | 'codelists.get'
  | 'codelists.extend'
>;

/** One child with every field, unmasked, for IT automation (`guanai ledger list --json`). */
export interface ChildExport {
  id: string;
  name: string;
  idNumber: string;
  sex: string;
  birthDate: string;
  township: string;
  village: string;
  status: string;
  riskLevel: string;
  guardians: Array<{ role: string; name: string; phone: string; idNumber: string }>;
  lastVisitDate: string;
  nextVisitDue: string;
  createdAt: string;
  updatedAt: string;
  record: ChildRecord;
  /** The national-form fields the record lacks (field paths; empty when complete), and the same as labels. */
  missing: string[];
  missingLabels: string[];
}

/** Every child unmasked. Taking personal data out is recorded as one audit operation. */
export function exportChildren(ctx: AppContext, channel: string): ChildExport[] {
  const { store } = open(ctx);
  const out: ChildExport[] = [];
  store.each(CHILD_ENTITY, (id, rec) => {
    const record = storedChildRecord(rec.v);
    const guardians: ChildExport['guardians'] = [];
    const add = (role: string, p: { name: string; phone: string; idNumber: string }) => {
      if (p.name && p.name !== DECEASED_MARK) guardians.push({ role, name: p.name, phone: p.phone, idNumber: p.idNumber });
    };
    const missing = missingFields(flatGetter(rec.v));
    add('father', record.father);
    add('mother', record.mother);
    if (record.guardianship.hasEntrustedGuardian) add('entrustedGuardian', record.entrustedGuardian);
    out.push({
      id,
      name: record.child.name,
      idNumber: record.child.idNumber,
      sex: record.child.sex,
      birthDate: record.child.birthDate,
      township: record.responsibility.township,
      village: record.responsibility.village,
      status: record.status.state,
      riskLevel: record.riskLevel,
      guardians,
      lastVisitDate: childValue(rec.v, 'lastVisitDate'),
      nextVisitDue: childValue(rec.v, 'nextVisitDue'),
      createdAt: hlcDate(createdHlc(rec)).toISOString(),
      updatedAt: hlcDate(updatedHlc(rec)).toISOString(),
      record,
      missing,
      missingLabels: missing.map((p) => childFieldLabels[p]),
    });
  });
  out.sort((a, b) => (a.township === b.township ? (a.name < b.name ? -1 : 1) : a.township < b.township ? -1 : 1));
  recordAudit(ctx, 'export', { target: CHILD_ENTITY, count: out.length, channel });
  return out;
}

/** Children by status, for `guanai info`. */
export function countChildren(store: Store): { total: number; active: number; exited: number; transferred: number } {
  const counts = { total: 0, active: 0, exited: 0, transferred: 0 };
  store.each(CHILD_ENTITY, (_id, rec) => {
    counts.total += 1;
    const state = childValue(rec.v, 'status.state') || 'active';
    if (state === 'active' || state === 'exited' || state === 'transferred') counts[state] += 1;
  });
  return counts;
}
