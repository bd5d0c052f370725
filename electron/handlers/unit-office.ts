// Member units as offices (issue 14). At a unit office: the liaison's desk, progress attachments, 延期申请, the
// unit's 承办人 line, and the setup file's import. At the joint-meeting office: the answer to an extension request,
// the setup file for a unit and the connected-units page. Rules live in electron/domain/tasks/unit-work.ts and
// electron/sync/unit-*.ts.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { requireStore, type AppContext } from '../app/context';
import { AppError } from '../contract/errors';
import { unitOfficeCode, unitOfficeParts } from '../contract/schemas/office';
import { MAX_ATTACHMENT_BYTES, type ConnectedUnit, type UnitDesk } from '../contract/schemas/unit-office';
import type { TaskDetail } from '../contract/schemas/units';
import { compositionOn } from '../domain/composition/composition-on';
import { BULLETIN_ENTITY, bulletinOf } from '../domain/bulletins/bulletin';
import { isOpenStatus, TASK_URGE_ENTITY, urgeOf } from '../domain/tasks/task-service';
import { allTaskRows, taskDetail, urgeView } from '../domain/tasks/task-views';
import {
  attachChanges,
  attachmentFile,
  attachmentsOf,
  contactChanges,
  decideExtensionChanges,
  extensionRequestChanges,
  extensionRequestsOf,
} from '../domain/tasks/unit-work';
import { refOf, resolveFile } from '../files/resolve-file';
import { writeFileDurably } from '../store/durable-file';
import type { Store } from '../store/store';
import { selectOperations } from '../sync/export';
import { maxVector, readPeer } from '../sync/peers';
import { applyUnitSetup, buildUnitSetup } from '../sync/unit-setup';
import { deliveredChange, reshareChanges } from '../sync/unit-share';
import { WITHHELD_ENTITY } from '../sync/local-entities';
import { DUE_SOON_DAYS } from './tasks';
import type { HandlerMap } from './types';
import { refuseAtUnit, unitScope } from './unit-scope';
import { actorName, todayOf } from './units';

const now = (ctx: AppContext) => new Date(ctx.clock());

/** Refuses what only a unit's own office uses. */
function requireUnit(ctx: AppContext): string {
  const unit = unitScope(ctx);
  if (unit === null) throw new AppError('REFUSED', '此功能只在成员单位使用。');
  return unit;
}

/** The unit a unit office files for: its own; at the joint-meeting office the one named. */
function filingUnit(ctx: AppContext, given: string | undefined): string {
  const own = unitScope(ctx);
  if (own !== null) {
    if (given !== undefined && given !== own) throw new AppError('REFUSED', '成员单位只能以本单位名义报送。', { unitId: '只能以本单位名义报送' });
    return own;
  }
  if (!given) throw new AppError('VALIDATION', '请选择报送单位。', { unitId: '请选择报送单位' });
  return given;
}

function detail(store: Store, id: string, today: string): TaskDetail {
  const d = taskDetail(store, id, today);
  if (!d) throw new AppError('NOT_FOUND', '找不到该督办事项。');
  return d;
}

function attachmentBytes(ctx: AppContext, args: { path?: string | undefined; handle?: string | undefined; data?: string | undefined }): Buffer {
  const ref = refOf(args);
  if (ref) {
    const file = resolveFile(ctx, ref, 'read', 'tasks.attach');
    let size: number;
    try {
      size = fs.statSync(file).size;
    } catch {
      throw new AppError('NOT_FOUND', '找不到所选的附件文件，或无法读取。');
    }
    if (size > MAX_ATTACHMENT_BYTES) throw new AppError('VALIDATION', '附件不能超过 8 MB。', { fileName: '附件不能超过 8 MB' });
    return fs.readFileSync(file);
  }
  if (args.data === undefined) throw new AppError('VALIDATION', '请选择附件文件。', { fileName: '请选择附件文件' });
  return Buffer.from(args.data, 'base64');
}

function connectedUnits(ctx: AppContext): ConnectedUnit[] {
  const store = requireStore(ctx);
  const self = ctx.office!;
  const units = compositionOn(store, todayOf(ctx)).units;
  return units.map((u): ConnectedUnit => {
    const code = unitOfficeCode(self.code, u.id);
    const peer = readPeer(store, code);
    const out: ConnectedUnit = {
      unitId: u.id,
      unitName: u.name,
      officeCode: code,
      connected: peer?.status === 'trusted',
      status: peer?.status ?? 'none',
      fingerprint: peer?.fingerprint ?? null,
      lastSentAt: peer?.lastSentAt ?? null,
      lastReceivedAt: peer?.lastReceivedAt ?? null,
      bundlesSent: peer?.bundlesSent ?? 0,
      bundlesReceived: peer?.bundlesReceived ?? 0,
      waiting: 0,
      waitingByEntity: {},
    };
    try {
      // What the next bundle would carry beyond what was already sent (or acknowledged).
      const known = maxVector(peer?.acked ?? {}, peer?.sent ?? {});
      const sel = selectOperations(store, self, { code, name: u.name, level: 'unit', acked: known }, { full: false });
      for (const op of sel.ops) {
        if (op.entity === WITHHELD_ENTITY) continue;
        out.waiting++;
        out.waitingByEntity[op.entity] = (out.waitingByEntity[op.entity] ?? 0) + 1;
      }
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      out.blocked = err.message;
    }
    return out;
  });
}

function desk(ctx: AppContext): UnitDesk {
  const store = requireStore(ctx);
  const unitId = requireUnit(ctx);
  const today = todayOf(ctx);
  const self = ctx.office!;
  const comp = compositionOn(store, today);
  const unit = comp.units.find((u) => u.id === unitId);
  const tasks = allTaskRows(store, today).filter((r) => r.lead.id === unitId || r.coUnits.some((c) => c.id === unitId));
  const mine = new Set(tasks.map((t) => t.id));
  const jointCode = unitOfficeParts(self.code)!.officeCode;
  const joint = readPeer(store, jointCode);
  const minutesByMeeting = new Map<string, UnitDesk['meetings'][number]['minutes']>();
  for (const [id, rec] of Object.entries(store.table('minutes'))) {
    const v = rec.v;
    if (v.status !== 'issued' && v.status !== 'superseded') continue;
    const m = String(v.meetingId ?? '');
    const list = minutesByMeeting.get(m) ?? [];
    list.push({ id, number: typeof v.number === 'string' ? v.number : null, title: String(v.title ?? ''), issuedDate: typeof v.issuedDate === 'string' ? v.issuedDate : null });
    minutesByMeeting.set(m, list);
  }
  const meetings = Object.entries(store.table('meeting'))
    .map(([id, rec]) => {
      const minutes = minutesByMeeting.get(id) ?? [];
      const named = Object.values(store.table('minutes')).find((m) => m.v.meetingId === id && typeof m.v.meetingName === 'string');
      return { id, name: String(named?.v.meetingName ?? rec.v.name ?? '会议'), date: String(rec.v.date ?? ''), minutes };
    })
    .sort((a, b) => b.date.localeCompare(a.date));
  const open = tasks.filter((t) => isOpenStatus(t.status));
  return {
    today,
    office: { code: self.code, name: self.name, level: self.level },
    unit: {
      id: unitId,
      name: unit?.name ?? self.name,
      dutyItems: (unit?.duty?.items ?? []).map((i) => ({ id: i.id, text: i.text })),
      liaison: unit?.liaison ?? null,
    },
    jointOffice: joint
      ? { code: joint.code, name: joint.name, connected: joint.status === 'trusted', lastSentAt: joint.lastSentAt ?? null, lastReceivedAt: joint.lastReceivedAt ?? null }
      : null,
    tasks,
    overdue: open.filter((t) => t.status === '已逾期'),
    dueSoon: open.filter((t) => t.status !== '已逾期' && t.daysLeft <= DUE_SOON_DAYS).sort((a, b) => a.deadline.localeCompare(b.deadline)),
    urges: Object.entries(store.table(TASK_URGE_ENTITY))
      .map(([id, r]) => urgeOf(id, r.v))
      .filter((u) => mine.has(u.taskId))
      .sort((a, b) => b.date.localeCompare(a.date))
      .map(urgeView),
    extensionRequests: extensionRequestsOf(store).filter((r) => r.unitId === unitId),
    meetings,
    bulletins: Object.entries(store.table(BULLETIN_ENTITY))
      .map(([id, rec]) => {
        const { content: _content, ...item } = bulletinOf(id, rec.v);
        return item;
      })
      .sort((a, b) => b.year - a.year || b.number - a.number),
  };
}

export const unitOfficeHandlers = {
  async 'tasks.requestExtension'(args, ctx) {
    const store = requireStore(ctx);
    const today = todayOf(ctx);
    const unitId = filingUnit(ctx, args.unitId);
    const input = { taskId: args.taskId, unitId, deadline: args.deadline, reason: args.reason, date: args.date ?? today };
    store.commit(extensionRequestChanges(store, crypto.randomUUID(), input, today), ctx.user);
    return detail(store, args.taskId, today);
  },
  async 'tasks.decideExtension'(args, ctx) {
    refuseAtUnit(ctx, '批复延期申请');
    const store = requireStore(ctx);
    const today = todayOf(ctx);
    if (args.approve && !args.approvedBy?.trim()) throw new AppError('VALIDATION', '请填写批准人。', { approvedBy: '请填写批准人（如 召集人 马儒生）。' });
    const changes = decideExtensionChanges(store, args, today, actorName(ctx));
    store.commit(changes, ctx.user);
    const taskId = String(store.get('taskExtensionRequest', args.requestId)!.v.taskId);
    return detail(store, taskId, today);
  },
  async 'tasks.attach'(args, ctx) {
    const store = requireStore(ctx);
    const today = todayOf(ctx);
    const unitId = filingUnit(ctx, args.unitId);
    const bytes = attachmentBytes(ctx, args);
    const id = crypto.randomUUID();
    const input = { taskId: args.taskId, reportId: args.reportId, unitId, fileName: args.fileName, bytes, date: today };
    store.commit(attachChanges(store, id, input, today), ctx.user);
    return attachmentsOf(store, args.taskId).find((a) => a.id === id)!;
  },
  async 'tasks.attachment'(args, ctx) {
    return attachmentFile(requireStore(ctx), args.id);
  },
  async 'tasks.setContact'(args, ctx) {
    const store = requireStore(ctx);
    const today = todayOf(ctx);
    const unitId = filingUnit(ctx, args.unitId);
    store.commit(contactChanges(store, args.id, unitId, args.contact, today), ctx.user);
    return detail(store, args.id, today);
  },
  async 'unitOffice.desk'(_args, ctx) {
    return desk(ctx);
  },
  async 'unitOffice.connected'(_args, ctx) {
    refuseAtUnit(ctx, '查看各成员单位的连接情况');
    return connectedUnits(ctx);
  },
  async 'unitOffice.setupExport'(args, ctx) {
    refuseAtUnit(ctx, '为其他单位生成设置文件');
    const store = requireStore(ctx);
    const folderRef = refOf({ handle: args.folderHandle, path: args.folder });
    const folder = folderRef ? resolveFile(ctx, folderRef, 'folder', 'unitOffice.setupExport') : undefined;
    if (folder !== undefined && (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory())) {
      throw new AppError('NOT_FOUND', '找不到所选的文件夹，请确认 U 盘已插好。', { folder: '文件夹不存在' });
    }
    const unit = compositionOn(store, todayOf(ctx)).units.find((u) => u.id === args.unitId);
    if (!unit) throw new AppError('NOT_FOUND', '找不到该成员单位（单位标识见成员单位列表）。', { unitId: '不是现有的成员单位' });
    const built = buildUnitSetup(store, ctx.office!, { id: unit.id, name: unit.name }, now(ctx));
    // What the file carries counts as delivered: later bundles re-state only what joins the share afterwards.
    store.commit([deliveredChange(built.unitOfficeCode, reshareChanges(store, built.unitOfficeCode, {}).keys)], ctx.user);
    let filePath: string | undefined;
    if (folder !== undefined) {
      filePath = path.join(folder, built.fileName);
      writeFileDurably(filePath, built.text, 0o600);
    }
    return {
      fileName: built.fileName,
      setupCode: built.setupCode,
      unitId: unit.id,
      unitOfficeCode: built.unitOfficeCode,
      operations: built.operations,
      bytes: Buffer.byteLength(built.text),
      fingerprint: ctx.office!.fingerprint,
      ...(filePath !== undefined ? { filePath } : { base64: Buffer.from(built.text, 'utf8').toString('base64') }),
    };
  },
  async 'unitOffice.setupImport'(args, ctx) {
    const store = requireStore(ctx);
    requireUnit(ctx);
    const ref = refOf(args);
    let text: string;
    if (ref) {
      const file = resolveFile(ctx, ref, 'read', 'unitOffice.setupImport');
      try {
        if (fs.statSync(file).size > 160 * 1024 * 1024) throw new Error('too large');
        text = fs.readFileSync(file, 'utf8');
      } catch {
        throw new AppError('NOT_FOUND', '找不到所选的设置文件，或无法读取。请确认 U 盘已插好。');
      }
    } else text = Buffer.from(args.data ?? '', 'base64').toString('utf8');
    return applyUnitSetup(store, ctx.office!, text, args.setupCode, ctx.user, now(ctx));
  },
} satisfies HandlerMap<
  | 'tasks.requestExtension'
  | 'tasks.decideExtension'
  | 'tasks.attach'
  | 'tasks.attachment'
  | 'tasks.setContact'
  | 'unitOffice.desk'
  | 'unitOffice.connected'
  | 'unitOffice.setupExport'
  | 'unitOffice.setupImport'
>;
