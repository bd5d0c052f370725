// Handlers for the app frame: status, first-run set-up, settings.
import { initOffice, requireStore, storeDirOf } from '../app/context';
import { SCHEMA_VERSION } from '../store/migrations';
import type { HandlerMap } from './types';

export const DEMO_ENTITY = 'app';
export const DEMO_ID = 'demo';

export const appHandlers = {
  async 'app.status'(_args, ctx) {
    const store = ctx.store;
    return {
      initialised: Boolean(ctx.office && store),
      office: ctx.office,
      dataDir: ctx.dataDir,
      schemaVersion: store?.schemaVersion ?? SCHEMA_VERSION,
      demo: Boolean(store?.get(DEMO_ENTITY, DEMO_ID)?.v.isDemo),
      notices: ctx.notices,
      counts: store ? store.counts() : { operations: 0, entities: {} },
      shell: ctx.owner === 'desktop' ? 'desktop' : 'preview',
      session: null,
      idleMinutes: 10,
    };
  },
  async 'office.init'(args, ctx) {
    const office = await initOffice(ctx, args);
    return { office, admin: args.admin?.login ?? '', recoveryCode: '' };
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
} satisfies HandlerMap<'app.status' | 'office.init' | 'settings.get'>;
