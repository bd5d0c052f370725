// A member unit's office (issue 14): what goes down to it, what it may send up, and the guard that keeps every child's
// personal data off it.
//
// Down: exactly the unit's share — the composition (units, posts, liaisons, the body; duty items live on the units),
// its tasks (lead or co-unit) with their reports, 催办 notices, attachments and extension requests, every bulletin
// (they go to all member units), the minutes whose distribution list (sendTo) names it with their meetings, and the
// issued pages of those. Nothing else: the ledger's record types are not on the allow-list at all, and a last check
// reads every value of every operation going out for a child's name, ID number or record id.
//
// Up: a unit office writes only progress reports, attachments and extension requests on its own tasks, and its own
// 承办人 line on a task (`contact.<unitId>`). The joint-meeting office refuses a unit's bundle holding anything else.
import { AppError } from '../contract/errors';
import { unitOfficeParts } from '../contract/schemas/office';
import type { JsonValue, Operation } from '../store/operation';
import { stampOf } from '../store/state';
import type { Change, Store } from '../store/store';
import { WITHHELD_ENTITY } from './local-entities';

export const TASK_ATTACHMENT_ENTITY = 'taskAttachment';
export const TASK_EXTENSION_REQUEST_ENTITY = 'taskExtensionRequest';
/** The task field a unit office writes: its 承办人及联系方式 on that task. */
export const contactField = (unitId: string) => `contact.${unitId}`;

const COMPOSITION = ['body', 'unit', 'post', 'liaison'];
const ON_TASK = ['taskReport', 'taskUrge', TASK_ATTACHMENT_ENTITY, TASK_EXTENSION_REQUEST_ENTITY];
const OF_MEETING = ['topic', 'attendance', 'decision'];

/** Every record type a bundle to a unit office may carry (besides place-holders). The ledger is not among them. */
export const UNIT_DOWN_ENTITIES: ReadonlySet<string> = new Set([
  ...COMPOSITION,
  'task',
  ...ON_TASK,
  'meeting',
  ...OF_MEETING,
  'minutes',
  'bulletin',
  'issuedDocument',
]);

/** What a unit office writes and sends up. */
export const UNIT_UP_ENTITIES: ReadonlySet<string> = new Set(['task', 'taskReport', TASK_ATTACHMENT_ENTITY, TASK_EXTENSION_REQUEST_ENTITY]);

const str = (v: JsonValue | undefined) => (typeof v === 'string' ? v : '');
const strs = (v: JsonValue | undefined) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The unit's id in a unit office's code (445200-jiaoyu → jiaoyu); throws for any other code. */
export function unitIdOf(code: string): string {
  const parts = unitOfficeParts(code);
  if (!parts) throw new AppError('INTERNAL', `单位代码 ${code} 不是成员单位的代码。`);
  return parts.unitId;
}

/** The ids of the tasks a unit leads or works on. */
export function unitTaskIds(store: Store, unitId: string): Set<string> {
  const out = new Set<string>();
  for (const [id, rec] of Object.entries(store.table('task'))) {
    if (str(rec.v.leadUnitId) === unitId || strs(rec.v.coUnitIds).includes(unitId)) out.add(id);
  }
  return out;
}

/** Every name the unit has had (its minutes' distribution lists name units as they were called then). */
function unitNamesOf(store: Store, unitId: string): Set<string> {
  const v = store.get('unit', unitId)?.v;
  const names = new Set<string>();
  if (!v) return names;
  if (str(v.name)) names.add(str(v.name));
  if (Array.isArray(v.names)) {
    for (const n of v.names) if (n && typeof n === 'object' && !Array.isArray(n) && str(n.name)) names.add(str(n.name));
  }
  if (str(v.dutyName)) names.add(str(v.dutyName));
  return names;
}

/** Which records are the unit's share, read from the office's state now. */
export function unitShare(store: Store, unitId: string) {
  const tasks = unitTaskIds(store, unitId);
  const names = unitNamesOf(store, unitId);
  const minutes = new Set<string>();
  const meetings = new Set<string>();
  for (const [id, rec] of Object.entries(store.table('minutes'))) {
    // Issued minutes only: a draft is the office's own until 印发 (then it is re-stated whole, see reshareChanges).
    const issued = rec.v.status === 'issued' || rec.v.status === 'superseded';
    if (issued && strs(rec.v.sendTo).some((n) => names.has(n))) {
      minutes.add(id);
      if (str(rec.v.meetingId)) meetings.add(str(rec.v.meetingId));
    }
  }
  for (const rec of Object.values(store.table('decision'))) {
    if (str(rec.v.leadUnitId) === unitId || strs(rec.v.coUnitIds).includes(unitId)) {
      if (str(rec.v.meetingId)) meetings.add(str(rec.v.meetingId));
    }
  }
  return { tasks, minutes, meetings };
}

type FieldOf = (f: string) => string;

/** Whether one record is in the unit's share; `field` reads the record's fields (from an operation or the state). */
function inShareTest(store: Store, unitId: string): (entity: string, id: string, field: FieldOf) => boolean {
  const share = unitShare(store, unitId);
  return (entity, id, field) => {
    if (!UNIT_DOWN_ENTITIES.has(entity)) return false;
    if (COMPOSITION.includes(entity) || entity === 'bulletin') return true;
    if (entity === 'task') return share.tasks.has(id);
    if (ON_TASK.includes(entity)) return share.tasks.has(field('taskId'));
    if (entity === 'minutes') return share.minutes.has(id);
    if (entity === 'meeting') return share.meetings.has(id);
    if (OF_MEETING.includes(entity)) return share.meetings.has(field('meetingId'));
    if (entity === 'issuedDocument') {
      const [kind, of = ''] = id.split(/:(.*)/s);
      if (kind === 'bulletin') return true;
      if (kind === 'minutes') return share.minutes.has(of);
      if (kind === 'signInSheet') return share.meetings.has(of);
      return false;
    }
    return false;
  };
}

/** The routing filter for a bundle to a unit office: its share only. Reads each record's state once. */
export function unitShareFilter(store: Store, unitId: string): (op: Operation) => boolean {
  const test = inShareTest(store, unitId);
  return (op) => test(op.entity, op.id, (f) => str(op.set[f]) || str(store.get(op.entity, op.id)?.v[f]));
}

/** Local record, one per unit office: which records of its share have gone to it (setup file or bundle). */
export const UNIT_DELIVERED_ENTITY = 'unitShareDelivered';

/**
 * Records that entered the unit's share after some of their operations went to it as place-holders (a task it was
 * added to later, minutes whose distribution list named it later, a unit's share set up before): a bundle cannot
 * send an operation again once it was withheld, so the office re-states each such record's current values in one
 * new operation (never a unit's own 承办人 line). Returns those changes and the share's keys, to remember as delivered.
 */
export function reshareChanges(
  store: Store,
  unitCode: string,
  known: Readonly<Record<string, number>>,
): { changes: Change[]; keys: string[] } {
  const unitId = unitIdOf(unitCode);
  const test = inShareTest(store, unitId);
  const delivered = new Set(strs(store.get(UNIT_DELIVERED_ENTITY, unitCode)?.v.keys));
  const changes: Change[] = [];
  const keys: string[] = [];
  for (const entity of UNIT_DOWN_ENTITIES) {
    for (const [id, rec] of Object.entries(store.table(entity))) {
      if (!test(entity, id, (f) => str(rec.v[f]))) continue;
      const key = `${entity}:${id}`;
      // An issued document holding personal data is kept back (never delivered, never re-stated).
      if (isIssuedRecord(store, entity, id) && dirty(ledgerSecrets(store), rec.v)) continue;
      keys.push(key);
      if (delivered.has(key)) continue;
      // Only when the unit already holds an operation of it (as a place-holder): otherwise the bundle carries them all.
      const held = store.history(entity, id).some((op) => op.office !== unitCode && op.seq <= (known[op.office] ?? 0));
      if (!held) continue;
      const set: Record<string, JsonValue> = {};
      for (const [k, v] of Object.entries(rec.v)) if (!k.startsWith('contact.')) set[k] = v;
      if (Object.keys(set).length) changes.push({ entity, id, set });
    }
  }
  return { changes, keys };
}

/** The local change that remembers what of the share has gone to the unit. */
export const deliveredChange = (unitCode: string, keys: string[]): Change => ({
  entity: UNIT_DELIVERED_ENTITY,
  id: unitCode,
  set: { keys: [...new Set(keys)].sort() },
});

/** What leaves for a unit office: a task's links to children's records stay home (minimisation). */
export function redactForUnit(op: Operation): Operation {
  if (op.entity === WITHHELD_ENTITY || !('childIds' in op.set)) return op;
  return { ...op, set: { ...op.set, childIds: [] } };
}

type Secrets = { names: Set<string>; exact: Set<string>; lengths: number[] };
/** Read once per state of the store: the connected-units page checks every unit's next bundle in one go. */
const secretsCache = new WeakMap<Store, { stamp: string; secrets: Secrets }>();

function ledgerSecrets(store: Store): Secrets {
  // Every operation, made here or imported, moves the version vector.
  const stamp = JSON.stringify(store.versionVector());
  const cached = secretsCache.get(store);
  if (cached && cached.stamp === stamp) return cached.secrets;
  const secrets = readLedgerSecrets(store);
  secretsCache.set(store, { stamp, secrets });
  return secrets;
}

/** Names and ID numbers of every child (and the ID numbers on their records), and the records' ids. */
function readLedgerSecrets(store: Store): Secrets {
  const names = new Set<string>();
  const exact = new Set<string>();
  const add = (v: JsonValue | undefined, into: Set<string>) => {
    if (typeof v === 'string' && v.trim().length >= 2) into.add(v.trim());
  };
  store.each('child', (id, rec) => {
    exact.add(id);
    const v = rec.v;
    const child = v.child && typeof v.child === 'object' && !Array.isArray(v.child) ? v.child : {};
    add(v['child.name'] ?? child.name ?? v.name, names);
    for (const [k, val] of Object.entries(v)) if (/idNumber$/i.test(k)) add(val, exact);
    add(child.idNumber, exact);
  });
  // An official who shares a child's name (张伟 is common) is named in the composition, attendance and minutes on
  // their own account: text cannot tell them apart, and refusing would stop every bundle to every unit. The names
  // of the joint meeting's people and of this office's users are not taken for children's names.
  const officials = (entity: string, fields: string[]) => {
    for (const rec of Object.values(store.table(entity))) for (const f of fields) if (typeof rec.v[f] === 'string') names.delete((rec.v[f] as string).trim());
  };
  officials('post', ['personName']);
  officials('liaison', ['name']);
  officials('attendance', ['name', 'substitute']);
  officials('meeting', ['chairName']);
  officials('user', ['name']);
  const lengths = [...new Set([...names].map((n) => n.length))].sort((a, b) => a - b);
  return { names, exact, lengths };
}

const ID_NUMBER = /[0-9]{17}[0-9Xx]/;
const HAN = /\p{Script=Han}/u;
/** Words of official writing that begin with a surname and could also be a child's two-character name. */
const COMMON_WORDS = new Set(
  '文明 文化 文件 文字 文体 方案 方面 方式 方法 方针 关于 关爱 关心 关注 关键 高度 高效 任务 周期 安全 安排 安置 全面 全体 成员 成果 成效 单位 常态 明确 华侨 平安 和谐 建设 建立 林业 金融 江西 宁夏 易地 夏季 秋季 春季 冬季 严格 严重 齐全 万元 余人 从业 向阳 康复 温暖 包括'.split(' '),
);

function strings(v: JsonValue, out: string[]): void {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
}

const entityNames: Record<string, string> = {
  task: '督办事项',
  taskReport: '进展报告',
  taskUrge: '催办通知',
  taskAttachment: '附件',
  taskExtensionRequest: '延期申请',
  minutes: '会议纪要',
  meeting: '会议',
  topic: '议题',
  decision: '议定事项',
  attendance: '出席记录',
  bulletin: '工作进展通报',
  issuedDocument: '印发文件',
};

/** What of a child's personal data one string holds, in words for the refusal; null when none. */
function personalDataIn(secrets: Secrets, s: string): string | null {
  if (ID_NUMBER.test(s)) return '含有身份证号';
  if (secrets.exact.has(s)) return '含有儿童档案的标识或身份证号';
  for (const len of secrets.lengths) {
    for (let i = 0; i + len <= s.length; i++) {
      if (!secrets.names.has(s.slice(i, i + len))) continue;
      // A few two-character names are also everyday words of official writing (文明 in 文明城市): inside longer
      // wording those count as the word. Any other name counts wherever it stands (协调解决王芳的入学问题).
      if (len === 2 && COMMON_WORDS.has(s.slice(i, i + 2)) && (HAN.test(s[i - 1] ?? '') || HAN.test(s[i + 2] ?? ''))) continue;
      return '含有儿童姓名';
    }
  }
  return null;
}

const dirty = (secrets: Secrets, v: JsonValue): boolean => {
  const all: string[] = [];
  strings(v, all);
  return all.some((x) => personalDataIn(secrets, x) !== null);
};

/** Every string of a value that holds personal data, replaced by a mark (for a record's log of past wording). */
function masked(secrets: Secrets, v: JsonValue): JsonValue {
  if (typeof v === 'string') return personalDataIn(secrets, v) ? '（含儿童个人信息，未发送）' : v;
  if (Array.isArray(v)) return v.map((x) => masked(secrets, x));
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, masked(secrets, x)]));
  return v;
}

/** A record's log of its own past wording (a task's edits): what a correction replaced is masked there for units. */
const LOG_FIELDS = new Set(['history']);

/**
 * An operation as it may leave for a unit office. A task's links to children's records stay home. A value a later
 * edit has replaced here is left out when it holds a child's personal data (the unit gets the corrected value and
 * never the old one), and in a record's log of past wording such strings are masked. What remains is then checked by
 * assertNoPersonalData: a value in force that still holds personal data refuses the bundle.
 */
export function prepareForUnit(store: Store, op: Operation): Operation {
  const out = redactForUnit(op);
  if (out.entity === WITHHELD_ENTITY) return out;
  const secrets = ledgerSecrets(store);
  const rec = store.get(out.entity, out.id);
  let set: Record<string, JsonValue> | null = null;
  for (const [field, value] of Object.entries(out.set)) {
    if (!dirty(secrets, value)) continue;
    set ??= { ...out.set };
    const current = rec ? stampOf(rec, field) : undefined;
    if (current !== undefined && current > out.hlc) delete set[field];
    else if (LOG_FIELDS.has(field)) set[field] = masked(secrets, value);
  }
  return set ? { ...out, set } : out;
}

/**
 * Issued documents never change (a bulletin, issued minutes and their kept pages): one that holds a child's personal
 * data can never be corrected, so rather than refuse every bundle to every unit for ever, it is kept back from unit
 * offices (place-holders only) and the export says so. Whether a record is such a document, as it stands here.
 */
export function isIssuedRecord(store: Store, entity: string, id: string): boolean {
  if (entity === 'bulletin' || entity === 'issuedDocument') return true;
  if (entity !== 'minutes') return false;
  const status = store.get(entity, id)?.v.status;
  return status === 'issued' || status === 'superseded';
}

/** Whether a piece of text holds a child's personal data. */
export const textHoldsPersonalData = (store: Store, text: string) => personalDataIn(ledgerSecrets(store), text) !== null;

/** Whether an operation, or the record it belongs to as it stands, holds a child's personal data. */
export function holdsPersonalData(store: Store, op: Operation): boolean {
  const secrets = ledgerSecrets(store);
  const rec = store.get(op.entity, op.id);
  return dirty(secrets, op.set) || (rec !== undefined && dirty(secrets, rec.v));
}

/**
 * The last check before a bundle to a unit office is written: only allowed record types, and no value anywhere that
 * holds a child's name, an ID number or a child record's id. Throws (nothing is written) naming the first such record.
 */
export function assertNoPersonalData(store: Store, ops: readonly Operation[], unitName: string): void {
  const secrets = ledgerSecrets(store);
  const refuse = (op: Operation, what: string) =>
    new AppError(
      'UNIT_BUNDLE_PERSONAL_DATA',
      `发往「${unitName}」的数据包不能含有儿童个人信息：${entityNames[op.entity] ?? '一条记录'}（${op.id.slice(0, 8)}）中${what}，` +
        '未导出任何内容。请先修改该记录（成员单位不保存儿童的姓名和身份证号），再重新导出。',
    );
  for (const op of ops) {
    if (op.entity === WITHHELD_ENTITY) {
      if (Object.keys(op.set).length) throw refuse(op, '含有不应发送的内容');
      continue;
    }
    if (!UNIT_DOWN_ENTITIES.has(op.entity)) throw refuse(op, '是成员单位不应保存的记录类型');
    const values: string[] = [op.id];
    strings(op.set, values);
    for (const s of values) {
      const found = personalDataIn(secrets, s);
      if (found) throw refuse(op, found);
    }
  }
}

/**
 * At the joint-meeting office, a bundle from a unit office: only the unit's own operations, only the record types a
 * unit writes, only on the unit's own behalf. Anything else refuses the whole bundle.
 */
export function assertFromUnit(store: Store, sender: { code: string; name: string }, ops: readonly Operation[]): void {
  const unitId = unitIdOf(sender.code);
  const refuse = (what: string) =>
    new AppError(
      'BUNDLE_REFUSED',
      `「${sender.name}」（代码 ${sender.code}）是成员单位，其数据包只能报送本单位的进展、附件和延期申请；此数据包${what}，不能导入。`,
    );
  for (const op of ops) {
    if (op.entity === WITHHELD_ENTITY) continue;
    if (op.office !== sender.code) throw refuse('含有其他单位的记录');
    if (!UNIT_UP_ENTITIES.has(op.entity)) throw refuse(`含有${entityNames[op.entity] ?? '其他类型的'}记录`);
    if (op.entity === 'task') {
      const allowed = contactField(unitId);
      if (Object.keys(op.set).some((k) => k !== allowed)) throw refuse('改动了督办事项本身');
      continue;
    }
    const own = op.set.unitId;
    if (own !== undefined && own !== unitId) throw refuse('以其他单位的名义报送');
    // A new report, attachment or request must be the unit's own; an existing one may be amended only by its unit.
    const held = store.get(op.entity, op.id)?.v.unitId;
    if (held !== undefined && held !== unitId) throw refuse('改动了其他单位的报送');
    if (!held && own === undefined) throw refuse('含有未注明报送单位的记录');
    // Only on the unit's own tasks (lead or co-unit, as this office has them).
    const taskId = str(op.set.taskId) || str(store.get(op.entity, op.id)?.v.taskId);
    const task = store.get('task', taskId)?.v;
    if (!task || (str(task.leadUnitId) !== unitId && !strs(task.coUnitIds).includes(unitId))) throw refuse('报送了不属于本单位的督办事项');
  }
}
