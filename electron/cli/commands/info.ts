import path from 'node:path';
import { requireStore } from '../../app/context';
import { AppError } from '../../contract/errors';
import { loadPublicIdentity } from '../../identity/identity';
import { openNotices } from '../../notices/notices';
import { officeLevelNames } from '../../contract/schemas/office';
import { dataOption, jsonOption, printJson, requireData, withContext, type Command } from '../command';
import { officeSummary } from '../office-summary';

export const infoCommand: Command = {
  name: 'info',
  usage: 'info --data DIR [--json]',
  summary: '显示本单位、数据版本和记录数量',
  options: { ...dataOption, ...jsonOption },
  async run(args, io) {
    const dataDir = requireData(args, this);
    let info: ReturnType<typeof officeSummary>;
    try {
      info = await withContext(dataDir, io, async (ctx) => {
        // The whole journal is read before anything is said: damage anywhere in it is a notice here and now.
        requireStore(ctx).checkJournal();
        return officeSummary(ctx);
      }, { as: 'settings.get' });
    } catch (err) {
      if (!(err instanceof AppError) || !['STORE_DAMAGED', 'STORE_MISSING', 'KEYS_DAMAGED'].includes(err.code)) throw err;
      return unopened(path.resolve(dataDir), err, io, Boolean(args.values.json));
    }
    if (args.values.json) {
      printJson(io, info);
      return 0;
    }
    const o = info.office;
    io.out(
      [
        `单位：${o.name}（${o.code}，${officeLevelNames[o.level]}）`,
        `指纹：${o.fingerprint}`,
        `数据版本：${info.schemaVersion}`,
        `操作记录：${info.counts.operations} 条`,
        ...Object.entries(info.counts)
          .filter(([k]) => k !== 'operations' && k !== 'children')
          .map(([k, n]) => `  ${k}：${n}`),
        `留守儿童：共 ${info.counts.children.total} 人（在册 ${info.counts.children.active}，已退出 ${info.counts.children.exited}，已转出 ${info.counts.children.transferred}）`,
        ...(info.clockWarning ? [`注意：${info.clockWarning}`] : []),
        ...info.notices.map((n) => `提示：${n.message}`),
        '',
      ].join('\n'),
    );
    return 0;
  },
};

/** The data cannot be opened: say what is known (the office, every notice) and exit non-zero. */
function unopened(dataDir: string, err: AppError, io: Parameters<Command['run']>[1], json: boolean): number {
  let office: { code: string; name: string; level: string; fingerprint: string } | null = null;
  try {
    const o = loadPublicIdentity(dataDir);
    office = { code: o.code, name: o.name, level: o.level, fingerprint: o.fingerprint };
  } catch {
    office = null;
  }
  const notices = openNotices(dataDir).map((n) => ({ code: n.code, message: n.message, since: n.since }));
  if (json) printJson(io, { office, schemaVersion: null, counts: null, notices, storeProblem: { code: err.code, message: err.message } });
  else io.err([`数据无法打开：${err.message}`, ...notices.map((n) => `提示：${n.message}`), ''].join('\n'));
  return 3;
}
