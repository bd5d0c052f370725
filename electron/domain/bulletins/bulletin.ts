// The progress bulletin (工作进展通报): for a period, each member unit's supervised tasks as they stood at the period's
// end, with their latest reports, and the ledger's figures. Its content is computed once, when it is issued, and kept
// with it: a bulletin is a document sent out on a date, and reprinting it later must give the same text.
import type {
  BulletinContent,
  BulletinTaskLine,
  BulletinUnitSection,
  BulletinView,
  LedgerFigures,
} from '../../contract/schemas/units';
import type { OfficialDocument } from '../../print/document-model';
import { formatChineseDate } from '../../print/chinese-date';
import { hlcDate } from '../../store/hlc';
import { createdHlc } from '../../store/state';
import type { JsonValue } from '../../store/operation';
import type { Store } from '../../store/store';
import { AppError } from '../../contract/errors';
import { compositionOn, unitNameOn, BODY_ENTITY, BODY_ID, UNIT_ENTITY } from '../composition/composition-on';
import { isoDateOf } from '../ledger/dates';
import {
  deadlineOn,
  reportsByTask,
  taskExistsFrom,
  taskEdits,
  taskExtensions,
  taskStatus,
  TASK_ENTITY,
  urgesByTask,
} from '../tasks/task-service';
import { ledgerField, unitRef } from '../tasks/task-views';

export const BULLETIN_ENTITY = 'bulletin';

const str = (v: JsonValue | undefined) => (typeof v === 'string' ? v : '');
const strs = (v: JsonValue | undefined) =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const within = (d: string, from: string, to: string) => d !== '' && d >= from && d <= to;

/** Children by status now, entries, exits and visits within the period. Reads the ledger defensively: a missing
 *  field counts as nothing rather than failing a bulletin. */
export function ledgerFigures(store: Store, from: string, to: string): LedgerFigures {
  const byStatus = { active: 0, exited: 0, transferred: 0, other: 0 };
  let newEntries = 0;
  let exits = 0;
  // One child at a time (store.each): the child table is not held whole (issue 13).
  store.each('child', (_id, rec) => {
    const raw = ledgerField(rec.v, 'status.state') ?? rec.v.status;
    const state = typeof raw === 'string' ? raw : 'active';
    if (state === 'active' || state === 'exited' || state === 'transferred') byStatus[state]++;
    else byStatus.other++;
    const entered = str(rec.v.registeredOn) || str(rec.v.createdDate) || isoDateOf(hlcDate(createdHlc(rec)));
    if (within(entered, from, to)) newEntries++;
    const exitDate = str(ledgerField(rec.v, 'status.date')) || str(rec.v.exitDate);
    if (state !== 'active' && within(exitDate, from, to)) exits++;
  });
  let visits = 0;
  store.each('visit', (_id, rec) => {
    if (rec.v.deleted !== true && within(str(rec.v.date), from, to)) visits++;
  });
  return { byStatus, newEntries, exits, visits };
}

/** A task's wording and units as they stood on `date`: edits (and merges) recorded later are undone. */
function asStoodOn(
  v: Record<string, JsonValue>,
  date: string,
): { title: string; leadUnitId: string; coUnitIds: string[] } {
  const out = { title: str(v.title), leadUnitId: str(v.leadUnitId), coUnitIds: strs(v.coUnitIds) };
  for (const h of [...taskEdits(v)].reverse()) {
    if (h.date <= date) continue;
    for (const c of h.changes) {
      if (c.field === 'title' && typeof c.before === 'string') out.title = c.before;
      if (c.field === 'leadUnitId' && typeof c.before === 'string') out.leadUnitId = c.before;
      if (c.field === 'coUnitIds') out.coUnitIds = strs(c.before);
    }
  }
  return out;
}

/** Tasks as they stood at the end of the period: reports after it are not yet known, closings after it not yet done. */
export function bulletinContent(store: Store, from: string, to: string): BulletinContent {
  const body = store.get(BODY_ENTITY, BODY_ID)?.v ?? {};
  const reports = reportsByTask(store);
  const urgesOf = urgesByTask(store);
  const supervision = { urges: 0, urgedTasks: 0, extensions: 0 };
  const sections = new Map<string, BulletinUnitSection>();
  const section = (unitId: string) => {
    let s = sections.get(unitId);
    if (!s) {
      s = { unitId, unitName: nameAt(unitId), completed: [], inProgress: [], overdue: [] };
      sections.set(unitId, s);
    }
    return s;
  };
  // Units by the names they had at the period's end (a unit renamed later still appears under its name then).
  const nameAt = (unitId: string) =>
    unitNameOn(store.get(UNIT_ENTITY, unitId)?.v, to) || unitRef(store, unitId).name;
  const totals = { tasks: 0, completed: 0, inProgress: 0, overdue: 0 };
  for (const [id, rec] of Object.entries(store.table(TASK_ENTITY))) {
    const v = rec.v;
    if (v.cancelled === true || v.heldForApproval === true) continue;
    // A task decided (or assigned) after the period's end did not exist yet.
    if (taskExistsFrom(store, id) > to) continue;
    const then = asStoodOn(v, to);
    const known = (reports.get(id) ?? []).filter((r) => r.date <= to);
    const closedOn = typeof v.closedOn === 'string' && v.closedOn <= to ? v.closedOn : null;
    // An extension counts from the day it was approved: one approved after the period does not excuse it.
    const deadline = deadlineOn(v, to);
    const status = taskStatus({ deadline, closedOn, reports: known }, to);
    const urges = (urgesOf.get(id) ?? []).filter((u) => u.date <= to);
    const urgedNow = urges.filter((u) => u.date >= from).length;
    supervision.urges += urgedNow;
    if (urgedNow > 0) supervision.urgedTasks++;
    const extensions = taskExtensions(v).filter((x) => x.from <= to);
    supervision.extensions += extensions.filter((x) => x.from >= from).length;
    const finalOn = known.find((r) => r.final)?.date ?? '';
    let group: 'completed' | 'inProgress' | 'overdue';
    if (status === '已完成' || status === '已销号') {
      // Work finished before the period was reported in an earlier bulletin.
      if (finalOn < from) continue;
      group = 'completed';
    } else if (status === '已逾期') group = 'overdue';
    else group = 'inProgress';
    totals.tasks++;
    totals[group]++;
    const latest = known.length > 0 ? known[known.length - 1]! : null;
    const line = (role: BulletinTaskLine['role']): BulletinTaskLine => ({
      taskId: id,
      title: then.title,
      role,
      leadUnitName: nameAt(then.leadUnitId),
      deadline,
      status,
      latestReport: latest ? { date: latest.date, unitName: nameAt(latest.unitId), text: latest.text } : null,
      ...(extensions.length > 0 ? { originalDeadline: extensions[0]!.previous } : {}),
      ...(urges.length > 0 ? { urges: urges.length } : {}),
    });
    section(then.leadUnitId)[group].push(line('牵头'));
    for (const co of then.coUnitIds) section(co)[group].push(line('配合'));
  }
  const order = new Map(compositionOn(store, to).units.map((u) => [u.id, u.order]));
  const units = [...sections.values()].sort(
    (a, b) =>
      (order.get(a.unitId) ?? 999) - (order.get(b.unitId) ?? 999) ||
      a.unitName.localeCompare(b.unitName, 'zh'),
  );
  return {
    bodyName: str(body.name),
    officeName: `${str(body.name)}${(str(body.officeName) || '办公室').replace(/^联席会议/, '')}`,
    from,
    to,
    totals,
    supervision,
    units,
    ledger: ledgerFigures(store, from, to),
  };
}

/** The next number in the issue date's year: bulletins are numbered 第1期, 第2期, … afresh each year. */
export function nextBulletinNumber(store: Store, year: number): number {
  const numbers = Object.values(store.table(BULLETIN_ENTITY))
    .filter((r) => r.v.year === year)
    .map((r) => (typeof r.v.number === 'number' ? r.v.number : 0));
  return Math.max(0, ...numbers) + 1;
}

/** 「2025年1月1日至3月31日」: the year is not repeated within one year. */
export function periodText(from: string, to: string): string {
  const end = from.slice(0, 4) === to.slice(0, 4) ? dayInYear(to) : formatChineseDate(to);
  return `${formatChineseDate(from)}至${end}`;
}

export function bulletinTitle(from: string, to: string): string {
  return `关于${periodText(from, to)}工作进展情况的通报`;
}

const DIGITS = '〇一二三四五六七八九';
/** 1 → 一, 12 → 十二, 25 → 二十五 (section numbers never pass 99). */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** 「本期发出催办通知2份（涉及2项事项），批准延期1项。」, or nothing when neither happened. */
function supervisionText(s: BulletinContent['supervision']): string {
  if (!s || (s.urges === 0 && s.extensions === 0)) return '';
  const parts: string[] = [];
  if (s.urges > 0) parts.push(`发出催办通知${s.urges}份（涉及${s.urgedTasks}项事项）`);
  if (s.extensions > 0) parts.push(`批准延期${s.extensions}项`);
  return `本期${parts.join('，')}。`;
}

const dayInYear = (iso: string) => formatChineseDate(iso).replace(/^\d{4}年/, '');

function taskParagraph(n: number, t: BulletinTaskLine, year: string, unitName: string): string {
  const extended = t.originalDeadline ? `，原时限${formatChineseDate(t.originalDeadline)}，已批准延期` : '';
  const urged = t.urges ? `，已催办${t.urges}次` : '';
  // 「（市民政局牵头，…）」 / 「（市教育局牵头，市民政局配合，…）」: who leads is named, not a bare 「牵头」.
  const lead =
    t.role === '牵头'
      ? `${unitName}牵头`
      : t.leadUnitName
        ? `${t.leadUnitName}牵头，${unitName}配合`
        : `${unitName}配合`;
  // The title's own closing 。 would double the one after the bracket.
  const title = t.title.replace(/[。；，\s]+$/, '');
  const head = `${n}.${title}（${lead}，时限${formatChineseDate(t.deadline)}${extended}${urged}）`;
  if (!t.latestReport) return `${head}。尚未报送进展情况。`;
  const r = t.latestReport;
  const when = r.date.slice(0, 4) === year ? dayInYear(r.date) : formatChineseDate(r.date);
  return `${head}。${when}${r.unitName}报送：${r.text.replace(/[。；]?$/, '。')}`;
}

/** The bulletin laid out as an official document (domain.md §7), for the shared print pipeline. */
export function bulletinDocument(b: BulletinView, opts: { level: string; demo: boolean }): OfficialDocument {
  const c = b.content;
  const area = opts.level === 'city' ? '全市' : '全县（市、区）';
  const government = opts.level === 'city' ? '市人民政府' : '县（市、区）人民政府';
  const period = periodText(c.from, c.to);
  const blocks: OfficialDocument['blocks'] = [
    {
      type: 'paragraph',
      text: `现将${period}${area}农村留守儿童关爱保护工作联席会议督办事项办理情况和信息台账情况通报如下：`,
    },
    { type: 'heading1', text: '一、督办事项总体情况' },
    {
      type: 'paragraph',
      text:
        `截至${formatChineseDate(c.to)}，本期纳入通报的督办事项共${c.totals.tasks}项，其中本期办结${c.totals.completed}项，` +
        `正在办理${c.totals.inProgress}项，逾期未办结${c.totals.overdue}项。` +
        supervisionText(c.supervision),
    },
    { type: 'heading1', text: '二、各成员单位办理情况' },
  ];
  if (c.units.length === 0) blocks.push({ type: 'paragraph', text: '本期无督办事项。' });
  c.units.forEach((u, i) => {
    blocks.push({ type: 'heading2', text: `（${chineseNumeral(i + 1)}）${u.unitName}` });
    const groups: [string, BulletinTaskLine[]][] = [
      ['本期办结', u.completed],
      ['正在办理', u.inProgress],
      ['逾期未办结', u.overdue],
    ];
    for (const [label, lines] of groups) {
      if (lines.length === 0) continue;
      blocks.push({ type: 'paragraph', text: `${label}${lines.length}项：` });
      lines.forEach((t, j) =>
        blocks.push({ type: 'paragraph', text: taskParagraph(j + 1, t, c.to.slice(0, 4), u.unitName) }),
      );
    }
  });
  const l = c.ledger;
  blocks.push(
    { type: 'heading1', text: '三、信息台账情况' },
    {
      type: 'paragraph',
      text:
        `截至通报印发时，信息台账在册农村留守儿童${l.byStatus.active}名，已退出${l.byStatus.exited}名，已转出${l.byStatus.transferred}名。` +
        `本期新录入${l.newEntries}名，办理退出（转出）${l.exits}名，完成走访${l.visits}次。`,
    },
    { type: 'heading1', text: '四、下一步工作要求' },
    {
      type: 'paragraph',
      text:
        c.totals.overdue > 0
          ? `对逾期未办结的${c.totals.overdue}项事项，请牵头单位会同配合单位抓紧办理，说明逾期原因，明确办结时限，并及时向联席会议办公室报送办理情况。其余事项请各成员单位对照职责分工，按时限要求推进落实。`
          : '请各成员单位对照职责分工和督办事项，按时限要求推进落实，及时向联席会议办公室报送工作进展情况。',
    },
  );
  return {
    kind: 'bulletin',
    mark: `${c.bodyName.replace(/联席会议$/, '')}进展通报`,
    number: b.numberLabel,
    issuer: c.officeName,
    date: b.date,
    title: b.title,
    blocks,
    distribution: { label: '抄报', to: [government] },
    issuingLine: { office: c.officeName, date: b.date },
    demo: opts.demo,
  };
}

export function bulletinOf(id: string, v: Record<string, JsonValue>): BulletinView {
  const content = v.content as unknown as BulletinView['content'];
  return {
    id,
    year: Number(v.year),
    number: Number(v.number),
    numberLabel: `第${Number(v.number)}期`,
    date: String(v.date),
    from: String(v.from),
    to: String(v.to),
    title: String(v.title),
    content,
  };
}

export function readBulletin(store: Store, id: string): BulletinView {
  const rec = store.get(BULLETIN_ENTITY, id);
  if (!rec) throw new AppError('NOT_FOUND', '找不到该期通报。');
  return bulletinOf(id, rec.v);
}
