// `guanai backup create | verify | restore` (issue 11): the same backup file as 设置 → 备份与恢复. The passphrase
// comes from GUANAI_BACKUP_PASSPHRASE or a prompt that does not echo.
import fs from 'node:fs';
import path from 'node:path';
import { checkPassphrase } from '../../backup/backup-key';
import { deriveBackupKey, keyForFile, readBody, BACKUP_EXTENSION } from '../../backup/backup-file';
import { assertNotInside, backupFileName, backupsDirOf, pruneBackups } from '../../backup/backups';
import { makeBackup, restoreToNewFolder } from '../../backup/backup-service';
import { isEmptyOrMissing } from '../../backup/restore';
import { admit } from '../../dispatch/dispatch';
import { AppError } from '../../contract/errors';
import type { BackupManifest } from '../../contract/schemas/backup';
import { dataOption, jsonOption, passwordsOf, printJson, requireData, withContext, type CliIo, type Command, type Parsed } from '../command';
import { actingLogin, secret } from '../person';

const PASSPHRASE_ENV = 'GUANAI_BACKUP_PASSPHRASE';
const passphraseOf = (io: CliIo) => secret(passwordsOf(io), PASSPHRASE_ENV, '备份口令：');

function oneFile(args: Parsed, cmd: Command): string {
  const [file, ...rest] = args.positionals;
  if (!file || rest.length) throw new AppError('INVALID_ARGS', `请指定一个备份文件。用法：guanai ${cmd.usage}`);
  return path.resolve(file);
}

/** The PC's local time, as the clerk reads the clock and as backup file names are made. */
function localTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function describe(m: BackupManifest): string {
  return [
    `单位：${m.office.name}（${m.office.code}）`,
    `制作时间：${localTime(m.createdAt)}（${m.createdByName}）`,
    `留守儿童 ${m.summary.children} 名，会议 ${m.summary.meetings} 次，督办事项 ${m.summary.tasks} 项，操作记录 ${m.operations} 条`,
    `内容 ${m.files.length} 个文件，共 ${m.contentBytes} 字节，SHA-256 ${m.contentHash}`,
    ...(m.journalDamage ? [`注意：制作时操作日志已有 ${m.journalDamage.lines} 行损坏（${m.journalDamage.detail}），备份中也带着这些损坏，恢复后无法通过完整性检查。`] : []),
  ].join('\n');
}

export const backupCreateCommand: Command = {
  name: 'backup create',
  usage: 'backup create --data DIR --out FILE [--json]',
  summary: '把整个数据文件夹备份为一个加密文件（口令：GUANAI_BACKUP_PASSPHRASE 或提示输入）',
  options: { ...dataOption, ...jsonOption, out: { type: 'string' } },
  async run(args, io) {
    const dataDir = requireData(args, this);
    const outArg = args.values.out;
    if (typeof outArg !== 'string' || !outArg.trim()) throw new AppError('INVALID_ARGS', `请用 --out 指定备份文件。用法：guanai ${this.usage}`);
    const manifest = await withContext(dataDir, io, async (ctx) => {
      admit(ctx, ctx.seat, 'backup.create');
      let out = path.resolve(outArg);
      // A folder (a USB stick) gets the office's backup file name.
      if (fs.existsSync(out) && fs.statSync(out).isDirectory()) out = path.join(out, backupFileName(ctx.office!.code, new Date(ctx.clock()), 'cli'));
      if (!fs.existsSync(path.dirname(out))) throw new AppError('NOT_FOUND', `文件夹 ${path.dirname(out)} 不存在。`);
      if (fs.existsSync(out)) throw new AppError('REFUSED', `文件 ${out} 已存在，不会覆盖。请换一个文件名，或指定一个文件夹。`);
      assertNotInside(ctx.dataDir, out);
      const passphrase = await passphraseOf(io);
      checkPassphrase(passphrase);
      const m = await makeBackup(ctx, out, deriveBackupKey(passphrase), 'cli');
      if (path.dirname(out) === backupsDirOf(ctx.dataDir)) pruneBackups(ctx.dataDir);
      return { ...m, file: out };
    });
    if (args.values.json) printJson(io, manifest);
    else io.out(`已备份到：${manifest.file}\n${describe(manifest)}\n请妥善保管备份口令：没有它，备份无法恢复。\n`);
    return 0;
  },
};

export const backupVerifyCommand: Command = {
  name: 'backup verify',
  usage: 'backup verify FILE [--json]',
  summary: '完整读取并核验一个备份文件（口令、内容校验），不写入任何数据',
  options: { ...jsonOption },
  async run(args, io) {
    const file = oneFile(args, this);
    if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `找不到备份文件 ${file}。`);
    if (!file.endsWith(BACKUP_EXTENSION)) io.err(`提示：文件名不是 ${BACKUP_EXTENSION} 结尾，仍按备份文件核验。\n`);
    const passphrase = await passphraseOf(io);
    const manifest = await readBody(file, keyForFile(file, passphrase));
    if (args.values.json) printJson(io, { ok: true, ...manifest });
    else io.out(`核验通过：备份完整，未被改动。\n${describe(manifest)}\n`);
    return 0;
  },
};

export const backupRestoreCommand: Command = {
  name: 'backup restore',
  usage: 'backup restore FILE --out NEWDIR [--json]',
  summary: '把备份恢复到一个新的空文件夹，并以备份中的管理员身份做完整性检查（不覆盖任何已有数据）',
  options: { ...jsonOption, out: { type: 'string' } },
  async run(args, io) {
    const file = oneFile(args, this);
    const outArg = args.values.out;
    if (typeof outArg !== 'string' || !outArg.trim()) throw new AppError('INVALID_ARGS', `请用 --out 指定一个新的空文件夹。用法：guanai ${this.usage}`);
    const out = path.resolve(outArg);
    if (!isEmptyOrMissing(out)) throw new AppError('REFUSED', `目标文件夹 ${out} 不是空的。恢复只能写入新的空文件夹，不会覆盖任何已有内容。`);
    const passphrase = await passphraseOf(io);
    const passwords = passwordsOf(io);
    const { manifest, problems } = await restoreToNewFolder(file, passphrase, out, async () => {
      const login = actingLogin(io.user, passwords.env);
      return { login, password: await secret(passwords, 'GUANAI_PASSWORD', `${login} 的密码：`) };
    });
    if (args.values.json) printJson(io, { ok: problems.length === 0, folder: out, problems, manifest });
    else if (problems.length === 0) io.out(`已恢复到：${out}\n完整性检查通过。\n${describe(manifest)}\n`);
    else io.err(`已把备份写入 ${out}，但完整性检查发现 ${problems.length} 处问题，请勿使用：\n${problems.map((p) => `  · ${p}`).join('\n')}\n`);
    return problems.length === 0 ? 0 : 3;
  },
};
