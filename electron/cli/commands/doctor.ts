// `guanai doctor`: the full, read-only check of a data folder — office identity, keyring, every journal line,
// the snapshot against the fold of the journal, and the audit chain. The data is encrypted, so the acting person's
// password opens it (nothing is opened for writing: no repair, no rebuild).
import path from 'node:path';
import { storeDirOf } from '../../app/context';
import { keyringExists, keyringProblems, readKeyring, subKey, unlockWithPassword } from '../../accounts/keyring';
import { AUDIT_ENTITY, AUDIT_HEAD_ENTITY, AUDIT_HEAD_ID, verifyChain, type AuditEntry } from '../../audit/audit-trail';
import { AppError } from '../../contract/errors';
import { issuedDocumentProblems } from '../../domain/issued/issued-documents';
import { identityExists, identityIsSealed, loadPublicIdentity } from '../../identity/identity';
import { checkIntegrity } from '../../store/integrity';
import fs from 'node:fs';
import { folderProblems } from '../folder-check';
import { storeSealing } from '../../store/seal-check';
import { storeFiles } from '../../store/store';
import { acquireLock } from '../../store/lock';
import { Sealer } from '../../store/sealed';
import type { State } from '../../store/state';
import { dataOption, jsonOption, passwordsOf, printJson, requireData, type Command } from '../command';
import { actingLogin, secret } from '../person';

function auditProblems(state: State, auditKey: Buffer): string[] {
  const entries = Object.values(state.entities[AUDIT_ENTITY] ?? {})
    .map((r) => r.v as unknown as AuditEntry)
    .filter((v) => typeof v.n === 'number' && typeof v.mac === 'string')
    .sort((a, b) => a.n - b.n);
  const h = state.entities[AUDIT_HEAD_ENTITY]?.[AUDIT_HEAD_ID]?.v;
  const head = { n: typeof h?.n === 'number' ? h.n : 0, mac: typeof h?.mac === 'string' ? h.mac : '' };
  const r = verifyChain(entries, auditKey, head);
  return r.ok ? [] : [`审计日志已被改动：${r.message}`];
}

export const doctorCommand: Command = {
  name: 'doctor',
  usage: 'doctor --data DIR [--json]',
  summary: '全面检查数据完整性（只读，不作任何修改）：身份、密钥、操作日志、数据文件与审计日志',
  options: { ...dataOption, ...jsonOption },
  async run(args, io) {
    const dataDir = path.resolve(requireData(args, this));
    const lock = acquireLock(dataDir, 'cli');
    try {
      const problems: string[] = [];
      const hasData = keyringExists(dataDir) || fs.existsSync(storeDirOf(dataDir));
      if (!identityExists(dataDir) && !hasData) throw new AppError('NOT_INITIALISED', '该文件夹尚未初始化。');
      let office = '';
      try {
        office = loadPublicIdentity(dataDir).code;
      } catch (err) {
        problems.push(identityExists(dataDir) ? (err as Error).message : '本单位身份文件 office.json 缺失：无法交换数据，程序也无法启动。请从备份恢复');
        // The keyring names the office too: the rest of the folder can still be checked.
        try {
          office = readKeyring(dataDir).office;
        } catch {
          office = '';
        }
      }
      let sealer: Sealer | undefined;
      let auditKey: Buffer | undefined;
      const sealedData = storeSealing(storeFiles(storeDirOf(dataDir)))?.sealed === true || identityIsSealed(dataDir) === true;
      if (!keyringExists(dataDir) && sealedData) {
        // Encrypted data without its keyring: nobody can open it. Said plainly, never "passed".
        problems.push('密钥文件 keys/access.json 缺失：数据已加密，无法解开。请从备份恢复');
        io.err(`发现问题：\n  · ${problems.join('\n  · ')}\n`);
        if (args.values.json) printJson(io, { ok: false, problems, operations: 0, origins: {} });
        return 3;
      }
      if (keyringExists(dataDir)) {
        problems.push(...keyringProblems(dataDir));
        const passwords = passwordsOf(io);
        const login = actingLogin(io.user, passwords.env);
        const key = office ? unlockWithPassword(dataDir, office, login, await secret(passwords, 'GUANAI_PASSWORD', `${login} 的密码：`)) : null;
        if (!key) throw new AppError('SIGNIN_FAILED', '用户名或密码错误。');
        sealer = new Sealer(key);
        auditKey = subKey(key, 'audit');
        problems.push(...folderProblems(dataDir, sealer));
      } else {
        problems.push('数据文件夹尚未设置系统管理员，数据未加密（旧版本）：请由管理员登录一次完成升级');
      }
      if (!fs.existsSync(storeDirOf(dataDir))) problems.push('数据（store 文件夹）缺失：台账、会议和任务都无法打开。请从备份恢复');
      const report = checkIntegrity(storeDirOf(dataDir), sealer);
      problems.push(...report.problems);
      if (auditKey && report.folded) problems.push(...auditProblems(report.folded, auditKey));
      if (report.folded) problems.push(...issuedDocumentProblems(report.folded));
      if (args.values.json) printJson(io, { ok: problems.length === 0, problems, operations: report.operations, origins: report.origins });
      else if (problems.length === 0) io.out(`检查通过：${report.operations} 条操作记录完整，数据与记录一致，审计日志完整。\n`);
      else io.err(`发现 ${problems.length} 处问题：\n${problems.map((p) => `  · ${p}`).join('\n')}\n`);
      return problems.length === 0 ? 0 : 3;
    } finally {
      lock.release();
    }
  },
};
