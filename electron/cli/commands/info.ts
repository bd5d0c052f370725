import { requireStore } from '../../app/context';
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
    const info = await withContext(dataDir, io, async (ctx) => {
      requireStore(ctx);
      return officeSummary(ctx);
    }, { as: 'settings.get' });
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
        ...info.notices.map((n) => `提示：${n.message}`),
        '',
      ].join('\n'),
    );
    return 0;
  },
};
