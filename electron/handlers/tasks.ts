// Handlers for supervised tasks (督办事项) and progress bulletins (工作进展通报), issue 4. Rules live in
// electron/domain/tasks and electron/domain/bulletins.
import crypto from 'node:crypto';
import { requireStore } from '../app/context';
import { AppError } from '../contract/errors';
import type { BulletinListItem, TaskDetail } from '../contract/schemas/units';
import {
  BULLETIN_ENTITY,
  bulletinContent,
  bulletinOf,
  bulletinTitle,
  nextBulletinNumber,
  readBulletin,
} from '../domain/bulletins/bulletin';
import { freezeChange } from '../domain/issued/issued-documents';
import { layOutBulletin } from '../print/bulletin-print';
import { UNIT_ENTITY } from '../domain/composition/composition-on';
import {
  closeTaskChanges,
  editTaskChanges,
  extendTaskChanges,
  isOpenStatus,
  newTaskChanges,
  taskReportChanges,
  TASK_URGE_ENTITY,
  urgeOf,
} from '../domain/tasks/task-service';
import { allTaskRows, taskDetail, urgeView } from '../domain/tasks/task-views';
import { urgeChanges } from '../domain/tasks/urge-notice';
import type { JsonValue } from '../store/operation';
import type { Store } from '../store/store';
import type { HandlerMap } from './types';
import { actorName, todayOf } from './units';
import { refuseAtUnit, unitScope } from './unit-scope';

/** Open tasks due within this many days are reminded on the home page. */
export const DUE_SOON_DAYS = 14;

function detail(store: Store, id: string, today: string): TaskDetail {
  const d = taskDetail(store, id, today);
  if (!d) throw new AppError('NOT_FOUND', '找不到该督办事项。');
  return d;
}

export const tasksHandlers = {
  async 'tasks.create'(args, ctx) {
    refuseAtUnit(ctx, '交办督办事项');
    const store = requireStore(ctx);
    const fields: Record<string, string> = {};
    for (const u of [args.leadUnitId, ...args.coUnitIds]) {
      if (u && !store.get(UNIT_ENTITY, u)) fields[u === args.leadUnitId ? 'leadUnitId' : 'coUnitIds'] = '所选单位不是成员单位。';
    }
    if (args.assignedOn && args.assignedOn > todayOf(ctx)) fields.assignedOn = '交办日期不能晚于今天。';
    if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', '督办事项填写不完整。', fields);
    const id = crypto.randomUUID();
    const newTask = { ...args, ...(args.childIds ? { childIds: args.childIds } : {}) };
    store.commit(newTaskChanges(id, newTask), ctx.user);
    return detail(store, id, todayOf(ctx));
  },
  async 'tasks.list'(args, ctx) {
    const store = requireStore(ctx);
    let rows = allTaskRows(store, todayOf(ctx));
    // A unit office lists only its own tasks (lead or co-unit), whatever else it may hold.
    const own = unitScope(ctx);
    if (own !== null) rows = rows.filter((r) => r.lead.id === own || r.coUnits.some((u) => u.id === own));
    if (args.overdue) rows = rows.filter((r) => r.status === '已逾期');
    if (args.status) rows = rows.filter((r) => r.status === args.status);
    if (args.unitId) rows = rows.filter((r) => r.lead.id === args.unitId || r.coUnits.some((u) => u.id === args.unitId));
    if (args.dueWithinDays !== undefined) {
      const days = args.dueWithinDays;
      rows = rows.filter((r) => (r.status === '未开始' || r.status === '进行中') && r.daysLeft <= days);
    }
    return rows;
  },
  async 'tasks.get'(args, ctx) {
    const d = detail(requireStore(ctx), args.id, todayOf(ctx));
    // A unit office shows only its own tasks (one it has left stays in its store, out of sight).
    const own = unitScope(ctx);
    if (own !== null && d.lead.id !== own && !d.coUnits.some((u) => u.id === own)) throw new AppError('NOT_FOUND', '找不到该督办事项。');
    return d;
  },
  async 'tasks.report'(args, ctx) {
    const own = unitScope(ctx);
    if (own !== null && args.unitId !== own) throw new AppError('REFUSED', '成员单位只能以本单位名义报送进展。', { unitId: '只能以本单位名义报送' });
    const store = requireStore(ctx);
    const today = todayOf(ctx);
    store.commit(taskReportChanges(store, crypto.randomUUID(), args, today), ctx.user);
    return detail(store, args.taskId, today);
  },
  async 'tasks.close'(args, ctx) {
    refuseAtUnit(ctx, '销号');
    const store = requireStore(ctx);
    const today = todayOf(ctx);
    if (args.date > today) throw new AppError('VALIDATION', '销号日期不能晚于今天。', { date: '销号日期不能晚于今天。' });
    store.commit(closeTaskChanges(store, args.id, args.date, args.note ?? ''), ctx.user);
    return detail(store, args.id, today);
  },
  async 'tasks.extend'(args, ctx) {
    refuseAtUnit(ctx, '直接延期（请用延期申请）');
    const store = requireStore(ctx);
    const today = todayOf(ctx);
    store.commit(extendTaskChanges(store, args, today, actorName(ctx)), ctx.user);
    return detail(store, args.id, today);
  },
  async 'tasks.edit'(args, ctx) {
    refuseAtUnit(ctx, '修改督办事项');
    const store = requireStore(ctx);
    const today = todayOf(ctx);
    const isUnit = (u: string) => store.get(UNIT_ENTITY, u) !== undefined;
    store.commit(editTaskChanges(store, args, today, actorName(ctx), isUnit), ctx.user);
    return detail(store, args.id, today);
  },
  async 'tasks.urge'(args, ctx) {
    refuseAtUnit(ctx, '发出催办通知');
    const store = requireStore(ctx);
    const today = todayOf(ctx);
    const id = crypto.randomUUID();
    const input = { taskId: args.id, date: args.date ?? today, replyBy: args.replyBy, text: args.text ?? '' };
    store.commit(urgeChanges(store, id, input, today, actorName(ctx)), ctx.user);
    return urgeView(urgeOf(id, store.get(TASK_URGE_ENTITY, id)!.v));
  },
  async 'tasks.reminders'(_args, ctx) {
    const store = requireStore(ctx);
    const today = todayOf(ctx);
    const own = unitScope(ctx);
    const rows = allTaskRows(store, today).filter(
      (r) => isOpenStatus(r.status) && (own === null || r.lead.id === own || r.coUnits.some((u) => u.id === own)),
    );
    return {
      today,
      overdue: rows.filter((r) => r.status === '已逾期'),
      dueSoon: rows
        .filter((r) => r.status !== '已逾期' && r.daysLeft <= DUE_SOON_DAYS)
        .sort((a, b) => a.deadline.localeCompare(b.deadline)),
    };
  },
  async 'bulletins.create'(args, ctx) {
    refuseAtUnit(ctx, '印发工作进展通报');
    const store = requireStore(ctx);
    const date = args.date ?? todayOf(ctx);
    if (args.to > date) {
      throw new AppError('VALIDATION', '通报期间的截止日期不能晚于印发日期。', { to: '截止日期不能晚于印发日期。' });
    }
    const year = Number(date.slice(0, 4));
    const number = nextBulletinNumber(store, year);
    const id = crypto.randomUUID();
    const content = bulletinContent(store, args.from, args.to);
    const set = {
      year,
      number,
      date,
      from: args.from,
      to: args.to,
      title: bulletinTitle(args.from, args.to),
      content: content as unknown as JsonValue,
    };
    // Issued: the page is laid out now and kept with its hash, so every reprint is the bulletin that was sent.
    const page = layOutBulletin(store, bulletinOf(id, set));
    store.commit(
      [
        { entity: BULLETIN_ENTITY, id, set },
        freezeChange(store, { kind: 'bulletin', of: id, ...page, issuedDate: date }),
      ],
      ctx.user,
    );
    return readBulletin(store, id);
  },
  async 'bulletins.list'(_args, ctx) {
    const store = requireStore(ctx);
    return Object.entries(store.table(BULLETIN_ENTITY))
      .map(([id, rec]): BulletinListItem => {
        const { content: _content, ...item } = bulletinOf(id, rec.v);
        return item;
      })
      .sort((a, b) => b.year - a.year || b.number - a.number);
  },
  async 'bulletins.get'(args, ctx) {
    return readBulletin(requireStore(ctx), args.id);
  },
} satisfies HandlerMap<
  | 'tasks.create'
  | 'tasks.list'
  | 'tasks.get'
  | 'tasks.report'
  | 'tasks.close'
  | 'tasks.reminders'
  | 'tasks.extend'
  | 'tasks.edit'
  | 'tasks.urge'
  | 'bulletins.create'
  | 'bulletins.list'
  | 'bulletins.get'
>;
