import { seedDemo } from '../../demo/seed';
import { dataOption, jsonOption, printJson, requireData, withContext, type Command } from '../command';
import { officeSummary } from '../office-summary';

export const demoCommand: Command = {
  name: 'demo',
  usage: 'demo --data DIR [--json]',
  summary: '在一个新文件夹中生成演示用的市级单位数据（明确标注为演示数据）',
  options: { ...dataOption, ...jsonOption },
  async run(args, io) {
    const dataDir = requireData(args, this);
    const summary = await withContext(dataDir, io, async (ctx) => {
      await seedDemo(ctx);
      return officeSummary(ctx);
    });
    if (args.values.json) printJson(io, summary);
    else io.out(`已生成演示数据：${summary.office.name}（${summary.counts.operations} 条操作记录）。\n`);
    return 0;
  },
};
