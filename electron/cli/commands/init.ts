import fs from 'node:fs';
import path from 'node:path';
import type { ZodError } from 'zod';
import { initOffice } from '../../accounts/init-office';
import { adminInitSchema } from '../../contract/schemas/accounts';
import { officeLevelNames } from '../../contract/schemas/office';
import { officeInitSchema } from '../../contract/schemas/office';
import { AppError } from '../../contract/errors';
import { zodFieldErrors, zodMessage } from '../../dispatch/dispatch';
import { dataOption, jsonOption, passwordsOf, printJson, requireData, withContext, type Command } from '../command';
import { secret } from '../person';
import { importSetup, printSetup } from './unit-office';

function check<T>(r: { success: true; data: T } | { success: false; error: ZodError }): T {
  if (r.success) return r.data;
  const fields = zodFieldErrors(r.error);
  throw new AppError('INVALID_ARGS', zodMessage(r.error), fields);
}

export const initCommand: Command = {
  name: 'init',
  usage: 'init --data DIR --office-code CODE --office-name NAME --level city|county|township|zone|unit [--admin LOGIN] [--admin-name NAME] [--setup FILE]',
  summary: '新建本单位：生成身份密钥、首位系统管理员（密码取自 GUANAI_PASSWORD 或提示输入）和空数据存储；恢复码只显示一次',
  options: {
    ...dataOption,
    ...jsonOption,
    'office-code': { type: 'string' },
    'office-name': { type: 'string' },
    level: { type: 'string' },
    admin: { type: 'string' },
    'admin-name': { type: 'string' },
    /** A member unit's office (--level unit): the setup file from the joint-meeting office (code: GUANAI_SETUP_CODE). */
    setup: { type: 'string' },
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
    const setupFile = typeof args.values.setup === 'string' ? path.resolve(args.values.setup) : undefined;
    if (setupFile !== undefined && office.level !== 'unit') throw new AppError('INVALID_ARGS', '--setup 只用于成员单位（--level unit）。');
    if (setupFile !== undefined && !fs.existsSync(setupFile)) throw new AppError('NOT_FOUND', `找不到设置文件 ${setupFile}。`);
    const setupCode = setupFile !== undefined ? await secret(passwordsOf(io), 'GUANAI_SETUP_CODE', '设置码（联席会议办公室屏幕上显示的 16 位）：') : '';
    const { result, setup } = await withContext(
      dataDir,
      io,
      async (ctx) => {
        const result = await initOffice(ctx, office, admin, io.kdfLogN ? { kdfLogN: io.kdfLogN } : {});
        // The new administrator is signed in on this seat: the setup file is taken in the same sitting.
        const setup = setupFile !== undefined ? await importSetup(ctx, setupFile, setupCode) : undefined;
        return { result, setup };
      },
      { signIn: false },
    );
    if (args.values.json) printJson(io, setup ? { ...result, setup: { office: setup.office, new: setup.new, fingerprint: setup.ownFingerprint } } : result);
    else
      io.out(
        `已建立：${result.office.name}（${result.office.code}，${officeLevelNames[result.office.level]}）\n` +
          `本单位指纹：${result.office.fingerprint}\n数据文件夹：${dataDir}\n系统管理员：${result.admin}\n\n` +
          `恢复码（只显示这一次）：${result.recoveryCode}\n` +
          `请把恢复码打印或抄写下来，存放在单位保险柜。所有管理员都忘记密码时，只有它能找回数据。\n`,
      );
    if (setup && !args.values.json) printSetup(io, false, setup);
    return 0;
  },
};
