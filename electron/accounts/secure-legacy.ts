// A data folder from before accounts (no keyring, data in the clear) is secured on first open by an administrator:
// the first account is created, a data key and recovery code made, and the data encrypted. Its old history keeps
// “本机用户”. The folder stays usable only once this is done.
import type { AppContext } from '../app/context';
import crypto from 'node:crypto';
import { raiseNotice } from '../notices/notices';
import { isLegacyFolder, keysFrom, reattachStore, requireStore, storeDirOf } from '../app/context';
import { encryptDataFolder } from '../store/encrypt-store';
import { currentSeat } from '../app/session';
import { audit, nowIso } from '../audit/audit';
import { AppError } from '../contract/errors';
import type { AdminInit } from '../contract/schemas/accounts';
import { createKeyringWithKey } from './keyring';
import { personOf, requireUser, userChange } from './users';

export async function secureLegacyFolder(ctx: AppContext, admin: AdminInit): Promise<{ recoveryCode: string }> {
  if (!isLegacyFolder(ctx)) throw new AppError('REFUSED', '该数据文件夹已经设置过系统管理员。');
  requireStore(ctx);
  // The keyring first, then the encryption: the key is on disk (wrapped) before anything depends on it. A crash
  // in between leaves a keyring beside a store still in the clear; the next sign-in finishes the encryption
  // (see unlockStore), which is idempotent under the same key.
  const dataKey = crypto.randomBytes(32);
  const { recoveryCode } = createKeyringWithKey(ctx.dataDir, ctx.office!.code, admin.login, admin.password, dataKey, ctx.kdfLogN);
  ctx.keys = keysFrom(dataKey);
  await ctx.store!.close();
  ctx.store = null;
  await encryptDataFolder(ctx.dataDir, storeDirOf(ctx.dataDir), ctx.office!.code, ctx.keys.sealer);
  await reattachStore(ctx);
  const at = nowIso(ctx);
  audit(ctx, { action: 'migrate', target: '数据文件夹', detail: '旧版本数据：设置首位系统管理员' }, [
    userChange(admin.login, { login: admin.login, name: admin.name, role: 'admin', disabled: false, mustChangePassword: false, createdAt: at, lastSignIn: at }),
  ], admin.login);
  raiseNotice(
    ctx.dataDir,
    {
      key: `secured:${at}`,
      code: 'MIGRATED',
      message: `数据文件夹已升级：已设置系统管理员“${admin.name}”，此后每项操作都记录经办人；此前的历史记录显示为“本机用户”。`,
    },
    new Date(ctx.clock()),
  );
  const seat = currentSeat() ?? ctx.seat;
  seat.person = personOf(requireUser(ctx.store!, admin.login));
  seat.lastActive = ctx.clock();
  return { recoveryCode };
}
