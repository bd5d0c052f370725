// `guanai meetings list` and `guanai minutes html`: the same handlers the app calls, so the HTML written here is
// byte for byte the page the app prints.
import fs from 'node:fs';
import path from 'node:path';
import { requireStore } from '../../app/context';
import { AppError } from '../../contract/errors';
import { meetingKindNames, minutesStateNames, type MeetingSummary } from '../../contract/schemas/meetings';
import { dispatch } from '../../dispatch/dispatch';
import { dataOption, jsonOption, printJson, requireData, withContext, type Command } from '../command';

async function call<T>(
  result: Promise<{ ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }>,
): Promise<T> {
  const r = await result;
  if (!r.ok) throw new AppError(r.error.code, r.error.message);
  return r.value as T;
}

export const meetingsListCommand: Command = {
  name: 'meetings list',
  usage: 'meetings list --data DIR [--json]',
  summary: '列出会议（类型、日期和纪要状态）',
  options: { ...dataOption, ...jsonOption },
  async run(args, io) {
    const dataDir = requireData(args, this);
    const meetings = await withContext(dataDir, io, async (ctx) => {
      requireStore(ctx);
      return call<MeetingSummary[]>(dispatch(ctx, 'meetings.list', {}));
    });
    if (args.values.json) {
      printJson(
        io,
        meetings.map((m) => ({
          id: m.id,
          kind: m.kind,
          date: m.date,
          name: m.name,
          minutesStatus: m.minutesStatus,
          minutesNumber: m.minutesNumber,
        })),
      );
      return 0;
    }
    if (meetings.length === 0) io.out('还没有会议。\n');
    for (const m of meetings) {
      const minutes = minutesStateNames[m.minutesStatus] + (m.minutesNumber ? ` ${m.minutesNumber}` : '');
      io.out(`${m.date}  ${meetingKindNames[m.kind]}  ${m.name}  纪要：${minutes}  ${m.id}\n`);
    }
    return 0;
  },
};

export const minutesHtmlCommand: Command = {
  name: 'minutes html',
  usage: 'minutes html --data DIR MEETING_ID --out FILE.html',
  summary: '把会议纪要写成可打印的网页文件（与程序打印的版式完全相同）',
  options: { ...dataOption, out: { type: 'string' } },
  async run(args, io) {
    const dataDir = requireData(args, this);
    const meetingId = args.positionals[0];
    const out = args.values.out;
    if (!meetingId || typeof out !== 'string' || out.trim() === '' || args.positionals.length > 1) {
      throw new AppError('INVALID_ARGS', `请指定会议编号和 --out 输出文件。用法：guanai ${this.usage}`);
    }
    const doc = await withContext(dataDir, io, async (ctx) => {
      requireStore(ctx);
      return call<{ title: string; html: string }>(
        dispatch(ctx, 'print.render', { kind: 'minutes', id: meetingId }),
      );
    });
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    fs.writeFileSync(out, doc.html, 'utf8');
    io.out(`已写出：${out}（${doc.title}）\n`);
    return 0;
  },
};
