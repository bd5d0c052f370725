import path from 'node:path';
import { storeDirOf } from '../../app/context';
import { AppError } from '../../contract/errors';
import { identityExists, loadPublicIdentity } from '../../identity/identity';
import { checkIntegrity } from '../../store/integrity';
import { acquireLock } from '../../store/lock';
import { dataOption, jsonOption, printJson, requireData, type Command } from '../command';

export const doctorCommand: Command = {
  name: 'doctor',
  usage: 'doctor --data DIR [--json]',
  summary: '全面检查数据完整性（只读，不作任何修改）',
  options: { ...dataOption, ...jsonOption },
  async run(args, io) {
    const dataDir = path.resolve(requireData(args, this));
    const lock = acquireLock(dataDir, 'cli');
    try {
      const problems: string[] = [];
      if (!identityExists(dataDir)) throw new AppError('NOT_INITIALISED', '该文件夹尚未初始化。');
      try {
        loadPublicIdentity(dataDir);
      } catch (err) {
        problems.push((err as Error).message);
      }
      const report = checkIntegrity(storeDirOf(dataDir));
      problems.push(...report.problems);
      if (args.values.json) printJson(io, { ok: problems.length === 0, problems, operations: report.operations, origins: report.origins });
      else if (problems.length === 0) io.out(`检查通过：${report.operations} 条操作记录完整，数据与记录一致。\n`);
      else io.err(`发现 ${problems.length} 处问题：\n${problems.map((p) => `  · ${p}`).join('\n')}\n`);
      return problems.length === 0 ? 0 : 3;
    } finally {
      lock.release();
    }
  },
};
