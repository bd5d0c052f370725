// The running app's state around one data folder: the folder lock, the office identity and the open store.
// Shared by the Electron main process, the browser preview and the CLI; never imports electron.
import path from 'node:path';
import { AppError } from '../contract/errors';
import type { EventName, Events } from '../contract/channels';
import {
  generateIdentity,
  identityExists,
  loadPublicIdentity,
  saveIdentity,
  type OfficeInit,
  type OfficePublic,
} from '../identity/identity';
import type { Clock } from '../store/hlc';
import { systemClock } from '../store/hlc';
import { acquireLock, type FolderLock, type LockOwner } from '../store/lock';
import { Store, type StoreNotice } from '../store/store';

/** Until user accounts exist every change is attributed to this placeholder. */
export const PLACEHOLDER_USER = 'local-user';

/** What only the desktop shell can do (Electron injects it; the preview and the CLI have none). */
export interface DesktopShell {
  savePdf(html: string, title: string): Promise<{ saved: boolean; filePath?: string }>;
  print(html: string): Promise<{ printed: boolean }>;
}

export interface AppContext {
  readonly dataDir: string;
  readonly owner: LockOwner;
  readonly clock: Clock;
  readonly user: string;
  office: OfficePublic | null;
  store: Store | null;
  notices: StoreNotice[];
  shell?: DesktopShell;
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  close(): Promise<void>;
}

export interface OpenOptions {
  dataDir: string;
  owner: LockOwner;
  clock?: Clock;
  user?: string;
  emit?: <E extends EventName>(event: E, payload: Events[E]) => void;
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
    user: opts.user ?? PLACEHOLDER_USER,
    office: null,
    store: null,
    notices: [],
    emit: listeners,
    async close() {
      try {
        await ctx.store?.close();
      } finally {
        ctx.store = null;
        lock.release();
      }
    },
  };
  try {
    if (identityExists(dataDir)) {
      ctx.office = loadPublicIdentity(dataDir);
      await attachStore(ctx);
    } else if (Store.exists(storeDirOf(dataDir))) {
      throw new AppError('IDENTITY_DAMAGED', '数据文件夹中有数据，但本单位身份文件（office.json）缺失。请从备份恢复该文件。');
    }
  } catch (err) {
    lock.release();
    throw err;
  }
  return ctx;
}

async function attachStore(ctx: AppContext): Promise<void> {
  const store = await Store.open(storeDirOf(ctx.dataDir), { office: ctx.office!.code, clock: ctx.clock });
  ctx.store = store;
  // The same array: a table rebuilt later (when first read) adds its notice here too.
  ctx.notices = store.notices;
  store.onChange((ops) => ctx.emit('store.changed', { entities: [...new Set(ops.map((o) => o.entity))] }));
}

/** First-run set-up: creates the office's identity and an empty store. */
export async function initOffice(ctx: AppContext, init: OfficeInit): Promise<OfficePublic> {
  if (ctx.office || identityExists(ctx.dataDir) || Store.exists(storeDirOf(ctx.dataDir))) {
    throw new AppError('ALREADY_INITIALISED', '该数据文件夹已经初始化过，不能重复初始化。');
  }
  const identity = generateIdentity(init, new Date(ctx.clock()));
  await Store.create(storeDirOf(ctx.dataDir), init.code);
  saveIdentity(ctx.dataDir, identity);
  ctx.office = identity.public;
  await attachStore(ctx);
  return identity.public;
}

export function requireStore(ctx: AppContext): Store {
  if (!ctx.store || !ctx.office) throw new AppError('NOT_INITIALISED', '尚未设置本单位信息，请先完成初始设置。');
  return ctx.store;
}
