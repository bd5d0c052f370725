// Mandatory reports (强制报告): receiving a report, recording each handling step, deadlines and overdue flags.
// The rules live in electron/domain/reports/; these functions check the request against the store and commit.
import crypto from 'node:crypto';
import type { AppContext } from '../app/context';
import { requireStore } from '../app/context';
import { AppError } from '../contract/errors';
import type { ReportStep, ReportView } from '../contract/schemas/report';
import { transferredOut } from '../domain/ledger/transfer-lock';
import { localDateTimeOf } from '../domain/reports/deadlines';
import {
  followUpIndex,
  readReportSettings,
  REPORT,
  REPORT_FOLLOW_UP,
  REPORT_SETTINGS,
  REPORT_SETTINGS_ID,
  reportView,
  summaryOf,
} from '../domain/reports/report-records';
import { transferredReportMessage } from '../domain/reports/transferred-child';
import { childText } from '../domain/stats/child-fields';
import type { Store } from '../store/store';
import { isoDateOf } from '../domain/ledger/dates';
import { ledgerIndex } from './ledger-index';
import type { HandlerMap } from './types';
import { actorName } from '../accounts/actor';

const nowOf = (ctx: AppContext) => localDateTimeOf(ctx.clock());

function viewOf(ctx: AppContext, store: Store, id: string): ReportView {
  const rec = store.get(REPORT, id);
  if (!rec) throw new AppError('NOT_FOUND', '没有找到这份强制报告记录。');
  return reportView(store, id, rec, followUpIndex(store), readReportSettings(store), nowOf(ctx));
}

function requireChild(store: Store, childId: string) {
  const child = store.get('child', childId);
  if (!child) throw new AppError('NOT_FOUND', '台账中没有这名儿童。', { childId: '台账中没有这名儿童，请重新选择' });
  return child;
}

/** Step times must follow the report and not lie in the future. */
function checkStepTimes(step: ReportStep, reportedAt: string, now: string): void {
  const when = 'at' in step ? step.at : step.date;
  const field = 'at' in step ? 'step.at' : 'step.date';
  const comparable = when.length === 10 ? now.slice(0, 10) : now;
  if (when > comparable) throw new AppError('VALIDATION', '办理时间不能晚于现在。', { [field]: '不能晚于现在' });
  const start = when.length === 10 ? reportedAt.slice(0, 10) : reportedAt;
  if (when < start) throw new AppError('VALIDATION', '办理时间不能早于报告时间。', { [field]: '不能早于报告时间' });
}

export const reportHandlers = {
  async 'reports.create'(args, ctx) {
    const store = requireStore(ctx);
    const now = nowOf(ctx);
    if (args.reportedAt > now) {
      throw new AppError('VALIDATION', '报告时间不能晚于现在。', { reportedAt: '报告时间不能晚于现在' });
    }
    let snapshot = { childName: args.childName, township: args.township, village: args.village };
    if (args.childId) {
      const child = requireChild(store, args.childId);
      const trace = transferredOut(child.v, ctx.office?.code ?? '');
      // No field errors: the report form would then headline 「内容不完整」; this must read as the whole message.
      if (trace) throw new AppError('REFUSED', transferredReportMessage(trace));
      snapshot = {
        childName: childText(child.v, 'child.name'),
        township: childText(child.v, 'responsibility.township'),
        village: childText(child.v, 'responsibility.village'),
      };
    }
    const id = crypto.randomUUID();
    store.commit(
      [
        {
          entity: REPORT,
          id,
          set: {
            childId: args.childId ?? null,
            ...snapshot,
            reporterType: args.reporterType,
            reporterName: args.reporterName,
            reporterUnit: args.reporterUnit,
            reporterPhone: args.reporterPhone,
            situations: args.situations,
            description: args.description,
            reportedAt: args.reportedAt,
            createdAt: new Date(ctx.clock()).toISOString(),
            createdBy: actorName(ctx),
          },
        },
      ],
      ctx.user,
    );
    return viewOf(ctx, store, id);
  },

  async 'reports.get'(args, ctx) {
    return viewOf(ctx, requireStore(ctx), args.id);
  },

  async 'reports.list'(args, ctx) {
    const store = requireStore(ctx);
    const settings = readReportSettings(store);
    const follow = followUpIndex(store);
    const now = nowOf(ctx);
    const all: ReturnType<typeof summaryOf>[] = [];
    store.each(REPORT, (id, rec) => all.push(summaryOf(reportView(store, id, rec, follow, settings, now))));
    const townships = [...new Set(all.map((r) => r.township).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
    const scoped = all.filter(
      (r) => (!args.township || r.township === args.township) && (!args.childId || r.childId === args.childId),
    );
    const counts = {
      all: scoped.length,
      open: scoped.filter((r) => !r.closed).length,
      overdue: scoped.filter((r) => r.overdue).length,
      closed: scoped.filter((r) => r.closed).length,
    };
    const items = scoped
      .filter((r) =>
        args.filter === 'open' ? !r.closed : args.filter === 'overdue' ? r.overdue : args.filter === 'closed' ? r.closed : true,
      )
      // Overdue first, then open, newest first within each: what needs acting on is at the top.
      .sort(
        (a, b) =>
          Number(b.overdue) - Number(a.overdue) ||
          Number(a.closed) - Number(b.closed) ||
          b.reportedAt.localeCompare(a.reportedAt),
      );
    return { items, townships, counts };
  },

  async 'reports.recordStep'(args, ctx) {
    const store = requireStore(ctx);
    const rec = store.get(REPORT, args.id);
    if (!rec) throw new AppError('NOT_FOUND', '没有找到这份强制报告记录。');
    if (rec.v.closing) throw new AppError('REFUSED', '该报告已结案，不能再登记办理情况。');
    const reportedAt = typeof rec.v.reportedAt === 'string' ? rec.v.reportedAt : '';
    const step = args.step;
    checkStepTimes(step, reportedAt, nowOf(ctx));
    const recorded = { value: step, recordedAt: new Date(ctx.clock()).toISOString(), recordedBy: actorName(ctx) };
    if (step.kind === 'followUp') {
      store.commit([{ entity: REPORT_FOLLOW_UP, id: crypto.randomUUID(), set: { reportId: args.id, step: recorded } }], ctx.user);
    } else {
      store.commit([{ entity: REPORT, id: args.id, set: { [step.kind]: recorded } }], ctx.user);
    }
    return viewOf(ctx, store, args.id);
  },

  async 'reports.link'(args, ctx) {
    const store = requireStore(ctx);
    if (!store.get(REPORT, args.id)) throw new AppError('NOT_FOUND', '没有找到这份强制报告记录。');
    requireChild(store, args.childId);
    store.commit([{ entity: REPORT, id: args.id, set: { childId: args.childId } }], ctx.user);
    return viewOf(ctx, store, args.id);
  },

  async 'reports.findChildren'(args, ctx) {
    const store = requireStore(ctx);
    const q = args.query;
    const byIdTail = /^[0-9Xx]{4,}$/.test(q);
    const found: Array<{ id: string; name: string; township: string; village: string; birthDate: string }> = [];
    // The ledger index's summaries, held in memory: a search does not read (and parse) every child's record (issue
    // 13). The first 20 found.
    for (const s of ledgerIndex(store).all(isoDateOf(new Date(ctx.clock())))) {
      const hit = byIdTail ? s.idNumber.toUpperCase().endsWith(q.toUpperCase()) : s.name.includes(q);
      if (!hit) continue;
      found.push({ id: s.id, name: s.name, township: s.township, village: s.village, birthDate: s.birthDate });
      if (found.length >= 20) break;
    }
    return found;
  },

  async 'reports.settings.get'(_args, ctx) {
    return readReportSettings(requireStore(ctx));
  },

  async 'reports.settings.set'(args, ctx) {
    const store = requireStore(ctx);
    store.commit([{ entity: REPORT_SETTINGS, id: REPORT_SETTINGS_ID, set: { ...args } }], ctx.user);
    return readReportSettings(store);
  },
} satisfies HandlerMap<
  | 'reports.create'
  | 'reports.get'
  | 'reports.list'
  | 'reports.recordStep'
  | 'reports.link'
  | 'reports.findChildren'
  | 'reports.settings.get'
  | 'reports.settings.set'
>;
