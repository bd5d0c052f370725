// Handlers for the app frame: status, first-run set-up, settings.
import { isLegacyFolder, noticesOf, requireStore, storeDirOf, type AppContext } from '../app/context';
import { backupReminderStatus } from '../backup/backup-service';
import { clockWarning } from '../app/clock-check';
import { currentSeat } from '../app/session';
import { initOffice } from '../accounts/init-office';
import { secureLegacyFolder } from '../accounts/secure-legacy';
import { readSecurity } from '../accounts/security-settings';
import { expireIfIdle } from '../accounts/sign-in';
import { readDemoAccounts } from '../demo/seed';
import { SCHEMA_VERSION } from '../store/migrations';
import { sessionView } from './accounts';
import type { HandlerMap } from './types';

export const DEMO_ENTITY = 'app';
export const DEMO_ID = 'demo';

function reminderOf(ctx: AppContext) {
  const b = backupReminderStatus(ctx);
  return { due: b.reminderDue, passphraseSet: b.passphraseSet, lastExternalAt: b.lastExternal?.at ?? null, reminderDays: b.reminderDays };
}

export const appHandlers = {
  async 'app.status'(_args, ctx) {
    const seat = currentSeat() ?? ctx.seat;
    expireIfIdle(ctx, seat);
    const store = ctx.store;
    const signedIn = Boolean(seat.person && store);
    const demoAccounts = ctx.office ? readDemoAccounts(ctx.dataDir) : undefined;
    return {
      initialised: Boolean(ctx.office),
      office: ctx.office,
      dataDir: ctx.dataDir,
      schemaVersion: store?.schemaVersion ?? SCHEMA_VERSION,
      demo: Boolean(demoAccounts) || Boolean(store?.get(DEMO_ENTITY, DEMO_ID)?.v.isDemo),
      notices: noticesOf(ctx),
      storeProblem: ctx.storeProblem,
      clockWarning: signedIn ? clockWarning(ctx) : null,
      ...(signedIn && seat.person?.role === 'admin' ? { backupReminder: reminderOf(ctx) } : {}),
      counts: store && signedIn ? store.counts() : { operations: 0, entities: {} },
      shell: ctx.owner === 'desktop' ? 'desktop' : 'preview',
      session: signedIn ? sessionView(seat, ctx.office?.level) : null,
      idleMinutes: readSecurity(store).idleMinutes,
      needsSecuring: isLegacyFolder(ctx),
      ...(demoAccounts ? { demoAccounts } : {}),
    };
  },
  async 'office.init'(args, ctx) {
    const { admin, ...office } = args;
    return initOffice(ctx, office, admin);
  },
  async 'office.secureLegacy'(args, ctx) {
    const { recoveryCode } = await secureLegacyFolder(ctx, args);
    return { office: ctx.office!, admin: args.login, recoveryCode };
  },
  async 'settings.get'(_args, ctx) {
    const store = requireStore(ctx);
    return {
      office: ctx.office!,
      dataDir: ctx.dataDir,
      storeDir: storeDirOf(ctx.dataDir),
      schemaVersion: store.schemaVersion,
      operations: store.counts().operations,
    };
  },
} satisfies HandlerMap<'app.status' | 'office.init' | 'office.secureLegacy' | 'settings.get'>;
