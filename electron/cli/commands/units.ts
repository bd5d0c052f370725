// `guanai units from-template`, `guanai units list` and `guanai tasks list`: the same handlers the app calls.
import { requireStore } from '../../app/context';
import { AppError } from '../../contract/errors';
import { roleNames, type CompositionView, type TaskDetail, type TaskRow } from '../../contract/schemas/units';
import { reportJson } from './unit-office';
import { dispatch } from '../../dispatch/dispatch';
import { dataOption, jsonOption, printJson, requireData, withContext, type Command } from '../command';

async function call<T>(result: Promise<{ ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new AppError(r.error.code, r.error.message);
  return r.value as T;
}

export const unitsFromTemplateCommand: Command = {
  name: 'units from-template',
  usage: 'units from-template --data DIR [--json]',
  summary: '按揭府办〔2017〕24号通知的模板设置市级联席会议的组成和职责',
  options: { ...dataOption, ...jsonOption },
  async run(args, io) {
    const dataDir = requireData(args, this);
    const view = await withContext(dataDir, io, async (ctx) => {
      requireStore(ctx);
      return call<CompositionView>(dispatch(ctx, 'composition.setup', { mode: 'template' }));
    });
    if (args.values.json) printJson(io, { body: view.body, units: view.units.length, posts: view.posts.length });
    else io.out(`已设置「${view.body.name}」：成员单位 ${view.units.length} 个，组成人员 ${view.posts.length} 人次（含办公室主任）。\n`);
    return 0;
  },
};

export const unitsListCommand: Command = {
  name: 'units list',
  usage: 'units list --data DIR [--json]',
  summary: '列出今天的成员单位及其成员、联络员和职责条目',
  options: { ...dataOption, ...jsonOption },
  async run(args, io) {
    const dataDir = requireData(args, this);
    const view = await withContext(dataDir, io, async (ctx) => {
      requireStore(ctx);
      return call<CompositionView>(dispatch(ctx, 'composition.get', {}));
    });
    const units = view.units.map((u) => ({
      id: u.id,
      name: u.name,
      dutyName: u.dutyName,
      order: u.order,
      members: view.posts
        .filter((p) => p.unitId === u.id)
        .map((p) => ({ id: p.id, role: p.role, name: p.personName, title: p.title, from: p.from })),
      liaison: u.liaison ?? null,
      dutyItems: u.duty?.items ?? [],
    }));
    if (args.values.json) {
      const unitless = view.posts
        .filter((p) => p.unitId === null)
        .map((p) => ({ id: p.id, role: p.role, name: p.personName, title: p.title, from: p.from, unitName: p.unitName }));
      printJson(io, { date: view.date, body: view.body, units, unitlessMembers: unitless });
      return 0;
    }
    if (!view.setUp) {
      io.out('尚未设置联席会议组成。可用 guanai units from-template 按通知模板设置。\n');
      return 0;
    }
    io.out(`${view.body.name}（${view.date}）\n`);
    for (const u of units) {
      const people = u.members.map((m) => `${m.name}（${roleNames[m.role]}）`).join('、') || '（无）';
      const liaison = u.liaison ? `；联络员 ${u.liaison.name}` : '';
      io.out(`${u.order}. ${u.name}：${people}${liaison}；职责 ${u.dutyItems.length} 条\n`);
    }
    return 0;
  },
};

export const tasksListCommand: Command = {
  name: 'tasks list',
  usage: 'tasks list --data DIR [--json] [--overdue]',
  summary: '列出督办事项（--overdue 只列已逾期的）',
  options: { ...dataOption, ...jsonOption, overdue: { type: 'boolean' } },
  async run(args, io) {
    const dataDir = requireData(args, this);
    const reports = new Map<string, TaskDetail['reports']>();
    const rows = await withContext(dataDir, io, async (ctx) => {
      requireStore(ctx);
      const list = await call<TaskRow[]>(dispatch(ctx, 'tasks.list', args.values.overdue ? { overdue: true } : {}));
      if (args.values.json) {
        for (const r of list) reports.set(r.id, (await call<TaskDetail>(dispatch(ctx, 'tasks.get', { id: r.id }))).reports);
      }
      return list;
    });
    if (args.values.json) {
      printJson(
        io,
        rows.map((r) => ({
          id: r.id,
          title: r.title,
          source: r.source,
          leadUnit: r.lead,
          coUnits: r.coUnits,
          deadline: r.deadline,
          status: r.status,
          reportCount: r.reportCount,
          latestReport: r.latestReport
            ? {
                date: r.latestReport.date,
                unit: r.latestReport.unitName,
                final: r.latestReport.final,
                source: r.latestReport.source ?? null,
                channel: r.latestReport.channel ?? null,
              }
            : null,
          // Issue 14: every report, with the office that filed it (a unit office's code when the unit sent it itself).
          reports: (reports.get(r.id) ?? []).map(reportJson),
        })),
      );
      return 0;
    }
    if (rows.length === 0) io.out(args.values.overdue ? '没有逾期的督办事项。\n' : '还没有督办事项。\n');
    for (const r of rows) io.out(`${r.status}  ${r.deadline}  ${r.lead.name}  ${r.title}  ${r.id}\n`);
    return 0;
  },
};
