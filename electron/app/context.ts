// The running app's state around one data folder: the folder lock, the office identity and the open store.
// Shared by the Electron main process, the browser preview and the CLI; never imports electron.
import path from 'node:path';
import { AppError } from '../contract/errors';
import type { EventName, Events } from '../contract/channels';
import {
  generateIdentity,
  identityExists,
  identityIsSealed,
  loadIdentity,
  loadPublicIdentity,
  saveIdentity,
  type OfficeInit,
  type OfficePublic,
} from '../identity/identity';
import { noFiles, type FileAccess } from '../files/file-access';
import type { Clock } from '../store/hlc';
import { systemClock } from '../store/hlc';
import { acquireLock, type FolderLock, type LockOwner } from '../store/lock';
import { Store, storeFiles, type StoreNotice } from '../store/store';
import { storeSealing } from '../store/seal-check';
import { encryptDataFolder } from '../store/encrypt-store';
import { Sealer } from '../store/sealed';
import { createKeyring, DEFAULT_LOG_N, keyringExists, subKey } from '../accounts/keyring';
import { PLACEHOLDER_LOGIN } from '../accounts/users';
import { currentSeat, newSeat, type Seat } from './session';
import { openNotices, raiseNotice } from '../notices/notices';
import { settleRestore, unfinishedMarker } from '../backup/restore';
import fs from 'node:fs';
import { localBackups } from '../backup/backups';
import { newestCleanBackup } from '../backup/backup-service';
import type { DataNotice } from '../contract/schemas/notices';

/** History from before accounts is attributed to this placeholder. */
export const PLACEHOLDER_USER = PLACEHOLDER_LOGIN;

/** What the data key opens, held in memory only while the folder is open. */
export interface OpenKeys {
  dataKey: Buffer;
  /** The journal, tables, snapshot and private keys are sealed with this. */
  storeKey: Buffer;
  /** The audit trail's chain MAC. */
  auditKey: Buffer;
  /** Seals the journal lines, tables, snapshot and private keys (its keys are derived from the data key). */
  sealer: Sealer;
}

/** What only the desktop shell can do (Electron injects it; the preview and the CLI have none). */
export interface DesktopShell {
  savePdf(html: string, title: string): Promise<{ saved: boolean; filePath?: string }>;
  print(html: string): Promise<{ printed: boolean }>;
}

export interface AppContext {
  readonly dataDir: string;
  readonly owner: LockOwner;
  readonly clock: Clock;
  /** The login of the person making the current call (their seat's), stamped on every operation. */
  readonly user: string;
  /** The desktop window's or the CLI run's seat; the preview keeps one per browser session. */
  readonly seat: Seat;
  office: OfficePublic | null;
  /** Open only once a person has signed in: the data key is needed to read it. */
  store: Store | null;
  keys: OpenKeys | null;
  /** scrypt cost for new password wraps (lower only in tests). */
  readonly kdfLogN: number;
  /** This run's store notices; every one is also kept in DATA/notices.json (see noticesOf). */
  notices: StoreNotice[];
  /** Why the store could not be opened at the last sign-in (damaged or missing): the sign-in page offers a restore. */
  storeProblem: { code: string; message: string } | null;
  shell?: DesktopShell;
  /** Which files calls may read and write (electron/files): dialogs, the exchange folder, or the CLI's paths. */
  files: FileAccess;
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  onStoreOpen?: (ctx: AppContext) => void;
  close(): Promise<void>;
}

export interface OpenOptions {
  dataDir: string;
  owner: LockOwner;
  clock?: Clock;
  /** Default: no file by path at all. */
  files?: FileAccess;
  emit?: <E extends EventName>(event: E, payload: Events[E]) => void;
  /** Tests only: a cheaper scrypt for the many offices they create (never lower than 2^10). */
  kdfLogN?: number;
  /** Called each time the store opens (the desktop app and the preview start their background checks here). */
  onStoreOpen?: (ctx: AppContext) => void;
}

export const storeDirOf = (dataDir: string) => path.join(dataDir, 'store');

export async function openContext(opts: OpenOptions): Promise<AppContext> {
  const dataDir = path.resolve(opts.dataDir);
  const lock: FolderLock = acquireLock(dataDir, opts.owner);
  const listeners: AppContext['emit'] = opts.emit ?? (() => undefined);
  const ctx: AppContext = {
    dataDir,
    owner: opts.owner,
    clock: opts.clock ?? systemClock,
    get user(): string {
      return (currentSeat() ?? ctx.seat).person?.login ?? PLACEHOLDER_USER;
    },
    seat: newSeat(),
    office: null,
    store: null,
    keys: null,
    kdfLogN: opts.kdfLogN ?? DEFAULT_LOG_N,
    notices: [],
    storeProblem: null,
    files: opts.files ?? noFiles,
    emit: listeners,
    ...(opts.onStoreOpen ? { onStoreOpen: opts.onStoreOpen } : {}),
    async close() {
      try {
        await ctx.store?.close();
      } finally {
        ctx.store = null;
        ctx.keys?.dataKey.fill(0);
        ctx.keys = null;
        lock.release();
      }
    },
  };
  try {
    // A restore switched in part way before a crash is finished before anything is read.
    settleRestore(dataDir);
    if (fs.existsSync(unfinishedMarker(dataDir))) {
      throw new AppError('RESTORE_UNFINISHED', '该文件夹是一次未完成的从备份恢复（程序中途被关闭），其中的数据不完整，不能使用。请删除该文件夹后重新恢复。');
    }
    if (identityExists(dataDir)) {
      ctx.office = loadPublicIdentity(dataDir);
      // A folder from before accounts has no keyring: it opens in the clear until an administrator secures it.
      // An encrypted folder whose keyring is gone is not that: it is damage, and must never be "secured" afresh.
      if (keysMissing(dataDir)) {
        ctx.storeProblem = { code: 'KEYS_MISSING', message: KEYS_MISSING };
        raiseNotice(dataDir, { key: 'keys-missing', code: 'KEYS_MISSING', message: KEYS_MISSING, standing: true }, new Date(ctx.clock()));
      } else if (!keyringExists(dataDir)) await attachStore(ctx);
    } else if (Store.exists(storeDirOf(dataDir))) {
      throw new AppError('IDENTITY_DAMAGED', '数据文件夹中有数据，但本单位身份文件（office.json）缺失。请从备份恢复该文件。');
    }
  } catch (err) {
    lock.release();
    throw err;
  }
  return ctx;
}

export const keysFrom = (dataKey: Buffer): OpenKeys => ({
  dataKey,
  storeKey: subKey(dataKey, 'store'),
  auditKey: subKey(dataKey, 'audit'),
  sealer: new Sealer(dataKey),
});

/** Reopens the store (after the folder was encrypted beneath it). */
export async function reattachStore(ctx: AppContext): Promise<void> {
  await ctx.store?.close();
  ctx.store = null;
  await attachStore(ctx);
}

/** Opens the store with the data key a person's password (or the recovery code) unwrapped. */
export async function unlockStore(ctx: AppContext, dataKey: Buffer): Promise<void> {
  if (ctx.store) return;
  ctx.keys = keysFrom(dataKey);
  try {
    // A folder whose securing was interrupted after the keyring was written: finish encrypting it first.
    const sealing = storeSealing(storeFiles(storeDirOf(ctx.dataDir)));
    if (sealing && !sealing.sealed) await encryptDataFolder(ctx.dataDir, storeDirOf(ctx.dataDir), ctx.office!.code, ctx.keys.sealer);
    if (!Store.exists(storeDirOf(ctx.dataDir))) {
      throw new AppError(
        'STORE_MISSING',
        '数据文件夹中的数据（store 文件夹）缺失，本单位的台账、会议和任务都无法打开。请由系统管理员从备份恢复（登录页“从备份恢复”或 guanai backup restore）。',
      );
    }
    await attachStore(ctx);
    ctx.storeProblem = null;
  } catch (err) {
    ctx.keys = null;
    if (err instanceof AppError && (err.code === 'STORE_DAMAGED' || err.code === 'STORE_MISSING')) {
      ctx.storeProblem = { code: err.code, message: err.message };
      raiseNotice(ctx.dataDir, { key: `unopened:${err.message}`, code: err.code, message: err.message, standing: true }, new Date(ctx.clock()));
    }
    throw err;
  }
}

/** The notices every page and `guanai info` show: those in DATA/notices.json not yet acknowledged. */
export function noticesOf(ctx: AppContext): DataNotice[] {
  // The backup folder is listed only when a notice may offer a backup (app.status asks on every change, issue 13).
  let listed: Set<string> | null = null;
  const present = () => (listed ??= new Set(localBackups(ctx.dataDir).map((b) => b.name)));
  return openNotices(ctx.dataDir).map((n) => {
    // Damage offers the newest automatic backup made before it was found from a whole journal (the backup log says
    // which were; a backup made after the damage carries it and is never offered).
    const clean = n.standing ? newestCleanBackup(ctx, n.since) : null;
    const before = clean && present().has(clean) ? clean : null;
    const offer = before ? `最近一份早于此、且操作日志完整的自动备份：“${before}”，可在“设置 → 备份与恢复”中恢复。` : '';
    return { id: n.id, code: n.code, message: n.message + offer, since: n.since, ...(before ? { backup: before } : {}) };
  });
}

/**
 * Closes the store, lets `change` replace the folder's files (a restore), and opens what is there now with the same
 * data key. The office identity is read again.
 */
export async function reloadFolder(ctx: AppContext, change: () => void): Promise<void> {
  await ctx.store?.close();
  ctx.store = null;
  change();
  ctx.office = loadPublicIdentity(ctx.dataDir);
  await attachStore(ctx);
}

const KEYS_MISSING =
  '密钥文件（keys/access.json）缺失：数据已加密，没有它任何人都无法登录和打开数据。请从备份恢复整个数据文件夹（登录页“从备份恢复”或 guanai backup restore）。';

/** The keyring is gone but the data is sealed (a store line or file, or the private keys, is encrypted). */
function keysMissing(dataDir: string): boolean {
  if (keyringExists(dataDir)) return false;
  return storeSealing(storeFiles(storeDirOf(dataDir)))?.sealed === true || identityIsSealed(dataDir) === true;
}

/** A folder from before accounts: data in the clear, no keyring. */
export const isLegacyFolder = (ctx: AppContext) => Boolean(ctx.office) && !keyringExists(ctx.dataDir) && !keysMissing(ctx.dataDir);

async function attachStore(ctx: AppContext): Promise<void> {
  // No keys: a folder from before accounts, still in the clear until an administrator secures it.
  const sealer = ctx.keys?.sealer;
  const store = await Store.open(storeDirOf(ctx.dataDir), { office: ctx.office!.code, clock: ctx.clock, ...(sealer ? { sealer } : {}) });
  ctx.store = store;
  // The same array: a table rebuilt later (when first read) adds its notice here too. Each is kept in notices.json
  // as well, so whichever program opened the folder, the next one (and the clerk) still sees it.
  ctx.notices = store.notices;
  const keep = (n: StoreNotice) =>
    raiseNotice(
      ctx.dataDir,
      { key: n.key ?? `${n.code}:${ctx.clock()}:${n.message}`, code: n.code, message: n.message, ...(n.standing ? { standing: true } : {}) },
      new Date(ctx.clock()),
    );
  store.notices.forEach(keep);
  // Found while the app runs (the background journal check, a table read later): every page hears of it at once.
  store.onNotice((n) => {
    const kept = keep(n);
    ctx.emit('app.notice', { id: kept.id, code: kept.code, message: kept.message, since: kept.since });
  });
  store.onChange((ops) => ctx.emit('store.changed', { entities: [...new Set(ops.map((o) => o.entity))] }));
  // The private keys are checked now, not at the exchange deadline days later.
  if (sealer) {
    try {
      loadIdentity(ctx.dataDir, sealer);
    } catch (err) {
      const message = `${(err as Error).message} 在修复之前无法制作或接收交换包。请从备份恢复（设置 → 备份与恢复）。`;
      raiseNotice(ctx.dataDir, { key: `identity:${message}`, code: 'IDENTITY_DAMAGED', message, standing: true }, new Date(ctx.clock()));
    }
  }
  ctx.onStoreOpen?.(ctx);
}

/**
 * First-run set-up: the office's identity, a new data key wrapped for the first administrator and for a recovery
 * code, and an empty store. Returns the recovery code: it is shown once and never stored in the clear.
 */
export async function createOffice(
  ctx: AppContext,
  init: OfficeInit,
  admin: { login: string; password: string },
  kdfLogN = ctx.kdfLogN,
): Promise<{ office: OfficePublic; recoveryCode: string }> {
  if (ctx.office || identityExists(ctx.dataDir) || Store.exists(storeDirOf(ctx.dataDir)) || keyringExists(ctx.dataDir)) {
    throw new AppError('ALREADY_INITIALISED', '该数据文件夹已经初始化过，不能重复初始化。');
  }
  const identity = generateIdentity(init, new Date(ctx.clock()));
  const { dataKey, recoveryCode } = createKeyring(ctx.dataDir, init.code, admin.login, admin.password, Math.max(10, kdfLogN));
  ctx.keys = keysFrom(dataKey);
  await Store.create(storeDirOf(ctx.dataDir), init.code, ctx.keys.sealer);
  saveIdentity(ctx.dataDir, identity, ctx.keys.sealer);
  ctx.office = identity.public;
  await attachStore(ctx);
  return { office: identity.public, recoveryCode };
}

export function requireStore(ctx: AppContext): Store {
  if (!ctx.store || !ctx.office) throw new AppError('NOT_INITIALISED', '尚未设置本单位信息，请先完成初始设置。');
  return ctx.store;
}
