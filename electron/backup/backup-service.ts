// Backups as the app and the CLI use them (issue 11): back up now, automatic backups, the reminder, verify against
// the live data, restore with the integrity check and the switch. Every backup and restore is audited and logged in
// the local table `backupLog` (never sent in a bundle), which tells when a backup last left the PC.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../app/context';
import { reloadFolder, requireStore } from '../app/context';
import { unlockWithPassword } from '../accounts/keyring';
import { recordFailure, waitFor, waitText } from '../accounts/signin-guard';
import { audit } from '../audit/audit';
import { AppError } from '../contract/errors';
import { loadIdentity, loadPublicIdentity } from '../identity/identity';
import { raiseNotice } from '../notices/notices';
import { Sealer } from '../store/sealed';
import type { Change } from '../store/store';
import { keyFits, keyForFile, readManifest, readBody, type BackupKey, type BackupManifest } from './backup-file';
import { storedBackupKey } from './backup-key';
import { backupFileName, backupsDirOf, createBackup, localBackups, pruneBackups } from './backups';
import type { BackupCheckView, BackupLogEntry, BackupStatusView } from '../contract/schemas/backup';
import { readLog } from '../sync/exchange-log';
import { PEER_ENTITY, WITHHELD_ENTITY } from '../sync/local-entities';
import { allPeers, maxVector, readPeer, type PeerRecord } from '../sync/peers';
import type { Store } from '../store/store';
import { checkRestored, extractBackup, replacedFolderName, switchTo } from './restore';

export const BACKUP_LOG_ENTITY = 'backupLog';
export const BACKUP_SETTINGS_ENTITY = 'backupSettings';
const SETTINGS_ID = 'office';
export const DEFAULT_REMINDER_DAYS = 7;
const DAY = 86_400_000;

export function reminderDays(ctx: AppContext): number {
  const v = ctx.store?.get(BACKUP_SETTINGS_ENTITY, SETTINGS_ID)?.v.reminderDays;
  return typeof v === 'number' ? v : DEFAULT_REMINDER_DAYS;
}

export const reminderChange = (days: number): Change => ({ entity: BACKUP_SETTINGS_ENTITY, id: SETTINGS_ID, set: { reminderDays: days } });

export function backupLog(ctx: AppContext): BackupLogEntry[] {
  return sortedLog(requireStore(ctx));
}

const sortedLog = (store: Store): BackupLogEntry[] =>
  Object.values(store.table(BACKUP_LOG_ENTITY))
    .map((r) => r.v as unknown as BackupLogEntry)
    .sort((a, b) => (a.at < b.at ? 1 : -1));

interface NewestBackups {
  stale: boolean;
  lastAny: BackupLogEntry | null;
  lastExternal: BackupLogEntry | null;
}
const newest = new WeakMap<Store, NewestBackups>();

/** The newest backup and the newest that left the PC, read from the log again only when it changes (issue 13). */
function newestBackups(store: Store): NewestBackups {
  let kept = newest.get(store);
  if (!kept) {
    const entry: NewestBackups = { stale: true, lastAny: null, lastExternal: null };
    store.onChange((ops) => {
      if (ops.some((op) => op.entity === BACKUP_LOG_ENTITY)) entry.stale = true;
    });
    newest.set(store, (kept = entry));
  }
  if (kept.stale) {
    const log = sortedLog(store);
    kept.lastAny = log[0] ?? null;
    kept.lastExternal = log.find((e) => e.external) ?? null;
    kept.stale = false;
  }
  return kept;
}

/** The backup key the app uses for its own backups: the passphrase set in 备份与恢复. */
export function officeBackupKey(ctx: AppContext): BackupKey {
  if (!ctx.keys) throw new AppError('NOT_SIGNED_IN', '请先登录。');
  const bk = storedBackupKey(ctx.dataDir, ctx.keys.sealer);
  if (!bk) throw new AppError('NO_BACKUP_PASSPHRASE', '尚未设置备份口令。请先在“设置 → 备份与恢复”中设置备份口令。');
  return bk;
}

const isInside = (dir: string, file: string) => {
  const rel = path.relative(dir, file);
  return !rel.startsWith('..') && !path.isAbsolute(rel);
};

/** Makes a backup file at `out` and records it (in the same batch as its audit entry). */
export async function makeBackup(ctx: AppContext, out: string, bk: BackupKey, kind: BackupManifest['kind']): Promise<BackupManifest> {
  const manifest = await createBackup(ctx, out, bk, kind);
  const external = !isInside(ctx.dataDir, out);
  const entry: BackupLogEntry = {
    at: manifest.createdAt,
    name: path.basename(out),
    kind,
    external,
    operations: manifest.operations,
    by: ctx.user,
    damagedLines: manifest.journalDamage?.lines ?? 0,
  };
  const log: Change = { entity: BACKUP_LOG_ENTITY, id: crypto.randomUUID(), set: { ...entry } };
  if (kind === 'daily' || kind === 'quit') requireStore(ctx).commit([log], ctx.user);
  else audit(ctx, { action: 'backup.create', target: path.basename(out), detail: `${manifest.summary.children} 名儿童，${manifest.operations} 条操作记录` }, [log]);
  return manifest;
}

function backupKeyDamaged(ctx: AppContext, err: unknown): void {
  const message = err instanceof AppError ? err.message : '备份口令文件已损坏，自动备份无法进行。';
  raiseNotice(ctx.dataDir, { key: 'backup-key-damaged', code: 'KEYS_DAMAGED', message, standing: true }, new Date(ctx.clock()));
}

/** Back up now, into a folder the person chose (a USB stick): the file gets the office's backup name. */
export async function backupToFolder(ctx: AppContext, folder: string): Promise<{ manifest: BackupManifest; fileName: string }> {
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new AppError('NOT_FOUND', '找不到所选的文件夹，请确认 U 盘已插好。');
  }
  const fileName = backupFileName(ctx.office!.code, new Date(ctx.clock()), 'manual');
  const manifest = await makeBackup(ctx, path.join(folder, fileName), officeBackupKey(ctx), 'manual');
  return { manifest, fileName };
}

/**
 * The automatic backup: once a day (at the first chance after sign-in, and by the app's timer) and on quit, into
 * DATA/backups, then the old ones pruned. Does nothing without a backup passphrase. Returns the file name, or null.
 */
export async function autoBackup(ctx: AppContext, kind: 'daily' | 'quit'): Promise<string | null> {
  if (!ctx.store || !ctx.keys || !ctx.office) return null;
  let bk: BackupKey | null;
  try {
    bk = storedBackupKey(ctx.dataDir, ctx.keys.sealer);
  } catch (err) {
    backupKeyDamaged(ctx, err);
    throw err;
  }
  if (!bk) return null;
  const now = new Date(ctx.clock());
  if (kind === 'daily') {
    const newest = localBackups(ctx.dataDir).find((b) => b.kind !== 'other');
    if (newest && now.getTime() - newest.at.getTime() < DAY) return null;
  }
  const name = backupFileName(ctx.office.code, now, kind);
  await makeBackup(ctx, path.join(backupsDirOf(ctx.dataDir), name), bk, kind);
  // While damage stands, the newest backup made from a whole journal is never pruned: it may be the way back.
  const clean = newestCleanBackup(ctx);
  pruneBackups(ctx.dataDir, 7, 4, clean ? new Set([clean]) : new Set());
  return name;
}

/** The newest automatic backup made from a whole journal (by the backup log), if any. */
export function newestCleanBackup(ctx: AppContext, before?: string): string | null {
  if (!ctx.store) return null;
  const entry = backupLog(ctx).find((e) => !e.external && !e.damagedLines && (!before || e.at < before));
  return entry?.name ?? null;
}

export function backupStatus(ctx: AppContext): BackupStatusView {
  return { ...backupReminderStatus(ctx), local: localBackups(ctx.dataDir).map((b) => ({ name: b.name, at: b.at.toISOString(), kind: b.kind })) };
}

/**
 * The backup status without the list of backup files: what the reminder needs. app.status asks on every change to
 * the data, so it does not list and stat the backup folder each time (issue 13).
 */
export function backupReminderStatus(ctx: AppContext): Omit<BackupStatusView, 'local'> {
  const store = requireStore(ctx);
  let setAt: string | null = null;
  let set = false;
  try {
    const bk = ctx.keys ? storedBackupKey(ctx.dataDir, ctx.keys.sealer) : null;
    set = Boolean(bk);
    setAt = bk?.setAt ?? null;
  } catch (err) {
    // Not "never set": the automatic backups have stopped, and every page must say so.
    set = false;
    backupKeyDamaged(ctx, err);
  }
  const { lastAny, lastExternal } = newestBackups(store);
  const days = reminderDays(ctx);
  const now = ctx.clock();
  return {
    passphraseSet: set,
    passphraseSetAt: setAt,
    reminderDays: days,
    lastExternal,
    lastAny,
    reminderDue: !lastExternal || now - Date.parse(lastExternal.at) > days * DAY,
  };
}

/** A backup file's key: the passphrase typed, else the office's stored one (which opens the app's own backups). */
export function keyFor(ctx: AppContext, file: string, passphrase: string | undefined): BackupKey {
  if (passphrase) return keyForFile(file, passphrase);
  const stored = ctx.keys ? storedBackupKey(ctx.dataDir, ctx.keys.sealer) : null;
  if (stored && keyFits(file, stored)) return stored;
  throw new AppError('BACKUP_PASSPHRASE', '该备份不是用本单位当前的备份口令制作的，请输入制作它时的备份口令。');
}

/** 验证备份: reads the whole file (tag and content hash) without writing anything; compares with the live data. */
export async function verifyBackup(ctx: AppContext, file: string, passphrase?: string): Promise<BackupCheckView> {
  const store = requireStore(ctx);
  const manifest = await readBody(file, keyFor(ctx, file, passphrase));
  const c = store.counts();
  return {
    manifest,
    live: { children: c.entities.child ?? 0, meetings: c.entities.meeting ?? 0, tasks: c.entities.task ?? 0, operations: c.operations },
    sameOffice: manifest.office.code === ctx.office!.code,
  };
}

function stagingFor(ctx: AppContext, at: Date): { staging: string; replaced: string } {
  let replaced = path.join(ctx.dataDir, replacedFolderName(at));
  for (let i = 2; fs.existsSync(replaced); i++) replaced = path.join(ctx.dataDir, `${replacedFolderName(at)}-${i}`);
  return { staging: path.join(ctx.dataDir, `restoring-${crypto.randomUUID()}`), replaced };
}

function refuseOtherOffice(ctx: AppContext, manifest: BackupManifest): void {
  if (ctx.office && manifest.office.code !== ctx.office.code) {
    throw new AppError('REFUSED', `该备份属于“${manifest.office.name}”（${manifest.office.code}），不是本单位的数据，不能恢复到这里。`);
  }
}

/** Extracts and checks a restore in the staging folder; removes it and refuses when the check fails. */
async function extractChecked(file: string, bk: BackupKey, staging: string, sealerFor: (dir: string) => Sealer) {
  const manifest = await extractBackup(file, bk, staging);
  try {
    const sealer = sealerFor(staging);
    const check = checkRestored(staging, sealer);
    if (check.problems.length) {
      throw new AppError('BACKUP_DAMAGED', `备份中的数据未通过完整性检查，未作恢复：${check.problems.join('；')}`);
    }
    loadIdentity(staging, sealer);
    return { manifest, folded: check.folded! };
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw err;
  }
}

/** The office PC's local time, as the clerk reads the clock (and as backup file names are made). */
function localTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function restoredNotice(
  ctx: AppContext,
  manifest: BackupManifest,
  replaced: string,
  now: Date,
  continued: { from: number; to: number; receivedSince: string[] } | null = null,
): void {
  const sent =
    continued && continued.to >= continued.from
      ? `备份之后本单位已发给其他单位的第 ${continued.from}–${continued.to} 号修改不在恢复的数据中（对方已收到），本单位此后的修改从第 ${continued.to + 1} 号起编号，请与对方核对这些记录。`
      : '';
  const received = continued?.receivedSince.length
    ? `备份之后导入过的数据包（${continued.receivedSince.slice(0, 5).join('、')}${continued.receivedSince.length > 5 ? ` 等 ${continued.receivedSince.length} 个` : ''}）的内容也不在其中，请重新导入。`
    : '';
  raiseNotice(
    ctx.dataDir,
    {
      key: `restored:${path.basename(replaced)}`,
      code: 'RESTORED',
      message:
        `已从备份恢复数据（备份制作于 ${localTime(manifest.createdAt)}，` +
        `${manifest.summary.children} 名儿童，${manifest.operations} 条操作记录）。恢复前的数据已原样保存在数据文件夹的“${path.basename(replaced)}”中，未被覆盖。` +
        '备份之后在本机所做的修改（包括人员、密码的变动和审计日志）不在恢复的数据中，请核对后补录。' +
        sent +
        received,
    },
    now,
  );
}

/** 从备份恢复, signed in: the backup must open with this office's data key; the person stays signed in. */
export async function restoreFromBackup(ctx: AppContext, file: string, passphrase?: string): Promise<{ manifest: BackupManifest; replaced: string }> {
  return oneRestoreAtATime(ctx, async () => {
    const live = requireStore(ctx);
    const bk = keyFor(ctx, file, passphrase);
    const head = readManifest(file, bk);
    refuseOtherOffice(ctx, head);
    const now = new Date(ctx.clock());
    const { staging, replaced } = stagingFor(ctx, now);
    const sealer = ctx.keys!.sealer;
    const { manifest } = await extractChecked(file, bk, staging, () => sealer);
    // What other offices already hold of ours, and what we received after the backup: the restored data lacks it.
    const exchange = exchangeStateOf(live, ctx.office!.code, manifest.createdAt);
    audit(ctx, { action: 'backup.restore', target: path.basename(file), detail: `恢复前的数据移至 ${path.basename(replaced)}` });
    await reloadFolder(ctx, () => switchTo(ctx.dataDir, staging, replaced));
    const continued = continueAfterPeers(ctx, exchange);
    restoredNotice(ctx, manifest, replaced, now, continued);
    audit(ctx, { action: 'backup.restore', target: path.basename(file), detail: `已恢复：备份制作于 ${localTime(manifest.createdAt)}` });
    return { manifest, replaced: path.basename(replaced) };
  });
}

const restoring = new WeakSet<AppContext>();

/** Two restores at once (two tabs, a double click) would move the same folders: the second is refused. */
async function oneRestoreAtATime<T>(ctx: AppContext, run: () => Promise<T>): Promise<T> {
  if (restoring.has(ctx)) throw new AppError('BUSY', '正在从备份恢复，请等它完成后再操作。');
  restoring.add(ctx);
  try {
    return await run();
  } finally {
    restoring.delete(ctx);
  }
}

interface ExchangeState {
  peers: PeerRecord[];
  /** The highest of this office's own operations put in a bundle to any office. */
  ownSent: number;
  /** Bundles imported after the backup was made (their content is not in the restored data). */
  receivedSince: string[];
}

function exchangeStateOf(store: Store, self: string, since: string): ExchangeState {
  const peers = allPeers(store);
  return {
    peers,
    ownSent: Math.max(0, ...peers.map((p) => p.sent?.[self] ?? 0)),
    receivedSince: readLog(store)
      .filter((e) => e.direction === 'import' && e.at > since)
      .map((e) => `${e.peerName}${e.fileName ? `（${e.fileName}）` : ''}`),
  };
}

/**
 * After a restore, this office's operations must continue after the ones other offices already hold: a new change
 * numbered like one they have would be taken as already received and silently dropped there. The numbers in
 * between become content-free place-holders (their content is at those offices), and the peers' counters are
 * brought forward so nothing they hold is sent twice. Returns the place-holders' range, if any.
 */
function continueAfterPeers(ctx: AppContext, exchange: ExchangeState): { from: number; to: number; receivedSince: string[] } | null {
  const store = requireStore(ctx);
  const self = ctx.office!.code;
  const changes: Change[] = [];
  for (const live of exchange.peers) {
    const restored = readPeer(store, live.code);
    if (!restored) continue;
    changes.push({
      entity: PEER_ENTITY,
      id: live.code,
      set: { sent: maxVector(restored.sent ?? {}, live.sent ?? {}), acked: maxVector(restored.acked ?? {}, live.acked ?? {}) },
    });
  }
  const held = store.versionVector()[self] ?? 0;
  const from = held + 1 + changes.length;
  if (exchange.ownSent >= from) {
    for (let seq = from; seq <= exchange.ownSent; seq++) changes.push({ entity: WITHHELD_ENTITY, id: self, set: {} });
  }
  if (changes.length) store.commit(changes, ctx.user);
  const lost = exchange.ownSent > held;
  return lost || exchange.receivedSince.length ? { from: held + 1, to: lost ? exchange.ownSent : held, receivedSince: exchange.receivedSince } : null;
}

/**
 * 从备份恢复 when the data cannot be opened at all (the store is damaged or missing, so nobody can sign in): the
 * backup passphrase opens the file, and an administrator's login and password must open the restored data and be
 * an administrator's there. Nothing is switched unless both hold and the integrity check passes.
 */
export async function restoreUnopened(
  ctx: AppContext,
  file: string,
  passphrase: string,
  login: string,
  password: string,
): Promise<{ manifest: BackupManifest; replaced: string }> {
  if (ctx.store) throw new AppError('REFUSED', '数据可以正常打开：请登录后在“设置 → 备份与恢复”中恢复。');
  const bk = keyForFile(file, passphrase);
  const head = readManifest(file, bk);
  refuseOtherOffice(ctx, head);
  const now = new Date(ctx.clock());
  // The same guard as the sign-in page: five failures in a row, then a growing wait.
  const wait = waitFor(ctx.dataDir, head.office.code, login, ctx.clock());
  if (wait > 0) throw new AppError('SIGNIN_PAUSED', `该用户连续登录失败次数过多，请 ${waitText(wait)}后再试。`);
  const { staging, replaced } = stagingFor(ctx, now);
  const { manifest, folded } = await extractChecked(file, bk, staging, (dir) => {
    const key = unlockWithPassword(dir, head.office.code, login, password);
    if (!key) {
      recordFailure(ctx.dataDir, head.office.code, login, ctx.clock(), {
        at: now.toISOString(),
        login: login.slice(0, 32),
        action: 'signin.fail',
        detail: '从备份恢复时密码错误',
      });
      throw new AppError('SIGNIN_FAILED', '用户名或密码错误（按备份中的人员核对）。');
    }
    return new Sealer(key);
  });
  const user = folded.entities.user?.[login.trim().toLowerCase()]?.v;
  if (!user || user.role !== 'admin' || user.disabled === true) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new AppError('FORBIDDEN', '无权限：只有系统管理员可以从备份恢复。');
  }
  switchTo(ctx.dataDir, staging, replaced);
  ctx.office = loadPublicIdentity(ctx.dataDir);
  ctx.storeProblem = null;
  restoredNotice(ctx, manifest, replaced, now);
  return { manifest, replaced: path.basename(replaced) };
}

/** `guanai backup restore FILE --out NEWDIR`: a new folder, checked with the acting person's password. */
export async function restoreToNewFolder(
  file: string,
  passphrase: string,
  out: string,
  person: () => Promise<{ login: string; password: string }>,
): Promise<{ manifest: BackupManifest; problems: string[] }> {
  const bk = keyForFile(file, passphrase);
  const manifest = await extractBackup(file, bk, out);
  const removeOut = () => fs.rmSync(out, { recursive: true, force: true });
  const { login, password } = await person();
  const key = unlockWithPassword(out, manifest.office.code, login, password);
  if (!key) {
    removeOut();
    throw new AppError('SIGNIN_FAILED', '用户名或密码错误（按备份中的人员核对），未作恢复。');
  }
  const sealer = new Sealer(key);
  const check = checkRestored(out, sealer);
  const user = check.folded?.entities.user?.[login.trim().toLowerCase()]?.v;
  if (check.folded && (!user || user.role !== 'admin' || user.disabled === true)) {
    removeOut();
    throw new AppError('FORBIDDEN', '无权限：只有系统管理员可以从备份恢复。');
  }
  const problems = check.problems;
  try {
    loadIdentity(out, sealer);
  } catch (err) {
    problems.push((err as Error).message);
  }
  return { manifest, problems };
}

