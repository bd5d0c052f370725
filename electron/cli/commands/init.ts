import { initOffice } from '../../app/context';
import { officeLevelNames } from '../../contract/schemas/office';
import { officeInitSchema } from '../../contract/schemas/office';
import { AppError } from '../../contract/errors';
import { zodFieldErrors } from '../../dispatch/dispatch';
import { dataOption, jsonOption, printJson, requireData, withContext, type Command } from '../command';

export const initCommand: Command = {
  name: 'init',
  usage: 'init --data DIR --office-code CODE --office-name NAME --level city|county|township|zone',
  summary: '新建本单位：生成身份密钥并建立空数据存储',
  options: {
    ...dataOption,
    ...jsonOption,
    'office-code': { type: 'string' },
    'office-name': { type: 'string' },
    level: { type: 'string' },
  },
  async run(args, io) {
    const dataDir = requireData(args, this);
    const parsed = officeInitSchema.safeParse({
      code: args.values['office-code'] ?? '',
      name: args.values['office-name'] ?? '',
      level: args.values.level ?? '',
    });
    if (!parsed.success) {
      const fields = zodFieldErrors(parsed.error);
      throw new AppError('INVALID_ARGS', Object.values(fields).join('；'), fields);
    }
    const office = await withContext(dataDir, io, (ctx) => initOffice(ctx, parsed.data));
    if (args.values.json) printJson(io, { office });
    else
      io.out(
        `已建立：${office.name}（${office.code}，${officeLevelNames[office.level]}）\n` +
          `本单位指纹：${office.fingerprint}\n数据文件夹：${dataDir}\n`,
      );
    return 0;
  },
};
