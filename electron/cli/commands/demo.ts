import { roleNames } from '../../contract/schemas/accounts';
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
    const { summary, accounts } = await withContext(
      dataDir,
      io,
      async (ctx) => {
        const seeded = await seedDemo(ctx, io.kdfLogN ? { kdfLogN: io.kdfLogN } : {});
        return { summary: officeSummary(ctx), accounts: seeded.accounts };
      },
      { signIn: false },
    );
    if (args.values.json) printJson(io, { ...summary, accounts });
    else
      io.out(
        `已生成演示数据：${summary.office.name}（${summary.counts.operations} 条操作记录）。\n演示账号（仅供试用）：\n` +
          accounts.map((a) => `  ${a.login}  ${a.password}  ${a.name}（${roleNames[a.role]}）\n`).join(''),
      );
    return 0;
  },
};
