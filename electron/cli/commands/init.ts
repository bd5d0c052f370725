import type { ZodError } from 'zod';
import { initOffice } from '../../accounts/init-office';
import { adminInitSchema } from '../../contract/schemas/accounts';
import { officeLevelNames } from '../../contract/schemas/office';
import { officeInitSchema } from '../../contract/schemas/office';
import { AppError } from '../../contract/errors';
import { zodFieldErrors, zodMessage } from '../../dispatch/dispatch';
import { dataOption, jsonOption, passwordsOf, printJson, requireData, withContext, type Command } from '../command';
import { secret } from '../person';

function check<T>(r: { success: true; data: T } | { success: false; error: ZodError }): T {
  if (r.success) return r.data;
  const fields = zodFieldErrors(r.error);
  throw new AppError('INVALID_ARGS', zodMessage(r.error), fields);
}

export const initCommand: Command = {
  name: 'init',
  usage: 'init --data DIR --office-code CODE --office-name NAME --level city|county|township|zone [--admin LOGIN] [--admin-name NAME]',
  summary: '新建本单位：生成身份密钥、首位系统管理员（密码取自 GUANAI_PASSWORD 或提示输入）和空数据存储；恢复码只显示一次',
  options: {
    ...dataOption,
    ...jsonOption,
    'office-code': { type: 'string' },
    'office-name': { type: 'string' },
    level: { type: 'string' },
    admin: { type: 'string' },
    'admin-name': { type: 'string' },
  },
  async run(args, io) {
    const dataDir = requireData(args, this);
    const office = check(
      officeInitSchema.safeParse({
        code: args.values['office-code'] ?? '',
        name: args.values['office-name'] ?? '',
        level: args.values.level ?? '',
      }),
    );
    const login = typeof args.values.admin === 'string' ? args.values.admin : 'admin';
    const password = await secret(passwordsOf(io), 'GUANAI_PASSWORD', `为系统管理员 ${login} 设置密码（至少 8 位，含字母和数字）：`);
    const admin = check(adminInitSchema.safeParse({ login, name: args.values['admin-name'] ?? '系统管理员', password }));
    const result = await withContext(dataDir, io, (ctx) => initOffice(ctx, office, admin, io.kdfLogN ? { kdfLogN: io.kdfLogN } : {}), {
      signIn: false,
    });
    if (args.values.json) printJson(io, result);
    else
      io.out(
        `已建立：${result.office.name}（${result.office.code}，${officeLevelNames[result.office.level]}）\n` +
          `本单位指纹：${result.office.fingerprint}\n数据文件夹：${dataDir}\n系统管理员：${result.admin}\n\n` +
          `恢复码（只显示这一次）：${result.recoveryCode}\n` +
          `请把恢复码打印或抄写下来，存放在单位保险柜。所有管理员都忘记密码时，只有它能找回数据。\n`,
      );
    return 0;
  },
};
