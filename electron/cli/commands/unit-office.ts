// Member units as offices on the command line (issue 14): the liaison files progress reports, attachments, extension
// requests and the 承办人 line; the joint-meeting office answers requests, exports a unit's setup file and lists the
// connected units. The same handlers as the app (through the dispatcher: schemas, roles, audit).
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../app/context';
import type { ArgsOf, ChannelName, ResultOf } from '../../contract/channels';
import { AppError } from '../../contract/errors';
import type { TaskDetail } from '../../contract/schemas/units';
import { dispatch } from '../../dispatch/dispatch';
import { isoDateOf } from '../../domain/ledger/dates';
import { writeFileDurably } from '../../store/durable-file';
import { type CliIo, dataOption, jsonOption, passwordsOf, printJson, requireData, withContext, type Command, type Parsed } from '../command';
import { secret } from '../person';

export async function call<K extends ChannelName>(ctx: AppContext, name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
  const r = await dispatch(ctx, name, args);
  if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.fields);
  return r.value as ResultOf<K>;
}

function oneId(args: Parsed, cmd: Command, what: string): string {
  const [id, ...rest] = args.positionals;
  if (!id || rest.length) throw new AppError('INVALID_ARGS', `请指定一个${what}。用法：guanai ${cmd.usage}`);
  return id;
}

function stringOption(args: Parsed, name: string, cmd: Command): string {
  const v = args.values[name];
  if (typeof v !== 'string' || v.trim() === '') throw new AppError('INVALID_ARGS', `请用 --${name} 指定。用法：guanai ${cmd.usage}`);
  return v;
}
const optional = (args: Parsed, name: string) => (typeof args.values[name] === 'string' ? (args.values[name] as string) : undefined);

/** The unit a command files for: --unit, else the unit office's own (the handler decides and refuses). */
const unitOf = (args: Parsed, ctx: AppContext): string => {
  const given = optional(args, 'unit');
  if (given) return given;
  const code = ctx.office?.code ?? '';
  const dash = code.indexOf('-');
  if (dash < 0) throw new AppError('INVALID_ARGS', '请用 --unit 指定报送单位（单位标识见 guanai units list）。');
  return code.slice(dash + 1);
};

/** What the task JSON says about its reports (the contract of tasks report / tasks list --json). */
export function reportJson(r: TaskDetail['reports'][number]) {
  return {
    id: r.id,
    date: r.date,
    unitId: r.unitId,
    unit: r.unitName,
    text: r.text,
    final: r.final,
    source: r.source ?? null,
    sourceName: r.sourceName ?? null,
    channel: r.channel ?? null,
    attachmentIds: r.attachmentIds ?? [],
  };
}

function taskJson(d: TaskDetail) {
  return {
    id: d.id,
    title: d.title,
    status: d.status,
    deadline: d.deadline,
    originalDeadline: d.originalDeadline,
    leadUnit: d.lead,
    coUnits: d.coUnits,
    reports: d.reports.map(reportJson),
    attachments: d.attachments ?? [],
    extensionRequests: d.extensionRequests ?? [],
    contacts: d.contacts ?? [],
  };
}

export const tasksReportCommand: Command = {
  name: 'tasks report',
  usage: 'tasks report --data DIR TASK_ID --text TEXT [--final] [--date YYYY-MM-DD] [--unit UNITID] [--attach FILE] [--json]',
  summary: '报送督办事项的进展（--final 为办结报告；在成员单位以本单位名义报送，--attach 附上扫描的回复函等）',
  options: {
    ...dataOption,
    ...jsonOption,
    text: { type: 'string' },
    final: { type: 'boolean' },
    date: { type: 'string' },
    unit: { type: 'string' },
    attach: { type: 'string' },
  },
  async run(args, io) {
    const dataDir = requireData(args, this);
    const taskId = oneId(args, this, '督办事项编号');
    const text = stringOption(args, 'text', this);
    const attach = optional(args, 'attach');
    if (attach !== undefined && !fs.existsSync(attach)) throw new AppError('NOT_FOUND', `找不到附件文件 ${attach}。`);
    const d = await withContext(dataDir, io, async (ctx) => {
      const unitId = unitOf(args, ctx);
      const date = optional(args, 'date') ?? isoDateOf(new Date(ctx.clock()));
      const after = await call(ctx, 'tasks.report', { taskId, unitId, date, text, final: Boolean(args.values.final) });
      if (attach === undefined) return after;
      // The report just filed: the newest of this unit's reports with this text.
      const report = [...after.reports].reverse().find((r) => r.unitId === unitId && r.text === text.trim());
      await call(ctx, 'tasks.attach', {
        taskId,
        unitId,
        fileName: path.basename(attach),
        path: path.resolve(attach),
        ...(report ? { reportId: report.id } : {}),
      });
      return call(ctx, 'tasks.get', { id: taskId });
    });
    if (args.values.json) printJson(io, taskJson(d));
    else io.out(`已报送${args.values.final ? '办结报告' : '进展'}：${d.title}（${d.status}）\n`);
    return 0;
  },
};

export const tasksExtendRequestCommand: Command = {
  name: 'tasks extend-request',
  usage: 'tasks extend-request --data DIR TASK_ID --deadline YYYY-MM-DD --reason TEXT [--unit UNITID] [--json]',
  summary: '申请延期（成员单位以本单位名义申请，由联席会议办公室批复）',
  options: { ...dataOption, ...jsonOption, deadline: { type: 'string' }, reason: { type: 'string' }, unit: { type: 'string' } },
  async run(args, io) {
    const dataDir = requireData(args, this);
    const taskId = oneId(args, this, '督办事项编号');
    const deadline = stringOption(args, 'deadline', this);
    const reason = stringOption(args, 'reason', this);
    const d = await withContext(dataDir, io, (ctx) =>
      call(ctx, 'tasks.requestExtension', { taskId, deadline, reason, ...(optional(args, 'unit') ? { unitId: optional(args, 'unit')! } : {}) }),
    );
    if (args.values.json) printJson(io, taskJson(d));
    else io.out(`已提出延期申请：${d.title}，申请延至 ${deadline}。\n`);
    return 0;
  },
};

export const tasksExtendDecideCommand: Command = {
  name: 'tasks extend-decide',
  usage: 'tasks extend-decide --data DIR REQUEST_ID (--approve --approved-by NAME | --refuse) [--date YYYY-MM-DD] [--note TEXT] [--json]',
  summary: '批复成员单位的延期申请（同意即延期）',
  options: {
    ...dataOption,
    ...jsonOption,
    approve: { type: 'boolean' },
    refuse: { type: 'boolean' },
    'approved-by': { type: 'string' },
    date: { type: 'string' },
    note: { type: 'string' },
  },
  async run(args, io) {
    const dataDir = requireData(args, this);
    const requestId = oneId(args, this, '延期申请编号');
    if (Boolean(args.values.approve) === Boolean(args.values.refuse)) throw new AppError('INVALID_ARGS', `请用 --approve 或 --refuse 指明是否同意。用法：guanai ${this.usage}`);
    const d = await withContext(dataDir, io, (ctx) =>
      call(ctx, 'tasks.decideExtension', {
        requestId,
        approve: Boolean(args.values.approve),
        from: optional(args, 'date') ?? isoDateOf(new Date(ctx.clock())),
        ...(optional(args, 'approved-by') ? { approvedBy: optional(args, 'approved-by')! } : {}),
        ...(optional(args, 'note') ? { note: optional(args, 'note')! } : {}),
      }),
    );
    if (args.values.json) printJson(io, taskJson(d));
    else io.out(`已批复：${d.title}，现完成时限 ${d.deadline}。\n`);
    return 0;
  },
};

export const tasksContactCommand: Command = {
  name: 'tasks contact',
  usage: 'tasks contact --data DIR TASK_ID --text TEXT [--unit UNITID] [--json]',
  summary: '填写本单位在该事项上的承办人及联系方式',
  options: { ...dataOption, ...jsonOption, text: { type: 'string' }, unit: { type: 'string' } },
  async run(args, io) {
    const dataDir = requireData(args, this);
    const id = oneId(args, this, '督办事项编号');
    const contact = stringOption(args, 'text', this);
    const d = await withContext(dataDir, io, (ctx) =>
      call(ctx, 'tasks.setContact', { id, contact, ...(optional(args, 'unit') ? { unitId: optional(args, 'unit')! } : {}) }),
    );
    if (args.values.json) printJson(io, taskJson(d));
    else io.out(`已填写承办人：${d.title}\n`);
    return 0;
  },
};

export const unitsConnectedCommand: Command = {
  name: 'units connected',
  usage: 'units connected --data DIR [--json]',
  summary: '列出各成员单位是否已连接、最近一次收发数据包的时间和待发送的记录',
  options: { ...dataOption, ...jsonOption },
  async run(args, io) {
    const dataDir = requireData(args, this);
    const rows = await withContext(dataDir, io, (ctx) => call(ctx, 'unitOffice.connected', {}));
    if (args.values.json) {
      printJson(io, rows);
      return 0;
    }
    for (const r of rows) {
      const state = r.connected ? '已连接' : r.status === 'revoked' ? '已注销' : '未连接';
      io.out(
        `${r.unitName}（${r.officeCode}）：${state}；最近发出 ${r.lastSentAt ?? '无'}；最近收到 ${r.lastReceivedAt ?? '无'}；待发送 ${r.waiting} 条` +
          (r.blocked ? `；不能导出：${r.blocked}` : '') +
          '\n',
      );
    }
    return 0;
  },
};

export const unitSetupExportCommand: Command = {
  name: 'unit setup-export',
  usage: 'unit setup-export --data DIR --unit UNITID --out FILE [--json]',
  summary: '为一个成员单位导出设置文件（本办公室名片和该单位的督办事项等），并显示一次性设置码',
  options: { ...dataOption, ...jsonOption, unit: { type: 'string' }, out: { type: 'string' } },
  async run(args, io) {
    const dataDir = requireData(args, this);
    const unitId = stringOption(args, 'unit', this);
    const out = path.resolve(stringOption(args, 'out', this));
    if (!fs.existsSync(path.dirname(out))) throw new AppError('NOT_FOUND', `文件夹 ${path.dirname(out)} 不存在。`);
    const r = await withContext(dataDir, io, (ctx) => call(ctx, 'unitOffice.setupExport', { unitId }));
    writeFileDurably(out, Buffer.from(r.base64!, 'base64'), 0o600);
    if (args.values.json) {
      const { base64: _b, ...rest } = r;
      printJson(io, { ...rest, file: out });
    } else {
      io.out(
        `已导出设置文件：${out}\n成员单位代码：${r.unitOfficeCode}\n设置码（只显示这一次，请当面告知联络员）：${r.setupCode}\n` +
          `本办公室指纹：${r.fingerprint}\n`,
      );
    }
    return 0;
  },
};

export const unitSetupCommand: Command = {
  name: 'unit setup',
  usage: 'unit setup --data DIR --file FILE [--json]',
  summary: '在成员单位导入联席会议办公室给的设置文件（设置码取自 GUANAI_SETUP_CODE 或提示输入）',
  options: { ...dataOption, ...jsonOption, file: { type: 'string' } },
  async run(args, io) {
    const dataDir = requireData(args, this);
    const file = path.resolve(stringOption(args, 'file', this));
    const setupCode = await secret(passwordsOf(io), 'GUANAI_SETUP_CODE', '设置码（联席会议办公室屏幕上显示的 16 位）：');
    const r = await withContext(dataDir, io, (ctx) => importSetup(ctx, file, setupCode));
    printSetup(io, Boolean(args.values.json), r);
    return 0;
  },
};

export async function importSetup(ctx: AppContext, file: string, setupCode: string) {
  const r = await call(ctx, 'unitOffice.setupImport', { path: file, setupCode });
  const card = await call(ctx, 'exchange.card', {});
  return { ...r, ownFingerprint: card.fingerprint, ownCard: card.text };
}

export function printSetup(io: CliIo, json: boolean, r: Awaited<ReturnType<typeof importSetup>>): void {
  if (json) {
    printJson(io, { office: r.office, new: r.new, updated: r.updated, operations: r.operations, fingerprint: r.ownFingerprint });
    return;
  }
  io.out(
    `已导入设置文件：来自「${r.office.name}」（${r.office.code}），指纹 ${r.office.fingerprint}\n` +
      `新增记录 ${r.new} 条。\n本单位指纹：${r.ownFingerprint}\n` +
      '请把本单位名片（guanai office card）交给联席会议办公室，并当面核对上面的本单位指纹。\n',
  );
}
