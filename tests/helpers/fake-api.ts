// A fake GuanaiBridge for renderer tests: one handler function per channel (typed from the contract), a record of
// every call, and an emitter for the events the main process would push. A handler that throws AppError answers
// `{ ok: false }` exactly as the real dispatcher would.
import type {
  AppStatus,
  ArgsOf,
  ChannelName,
  EventName,
  Events,
  GuanaiBridge,
  ResultOf,
  SettingsView,
} from '../../electron/contract/channels';
import { toErrorData, type Result } from '../../electron/contract/errors';
import { channels } from '../../electron/contract/channels';
import type { BackupManifest, BackupStatusView } from '../../electron/contract/schemas/backup';

export type FakeHandlers = { [K in ChannelName]?: (args: ArgsOf<K>) => ResultOf<K> | Promise<ResultOf<K>> };

export interface FakeCall {
  name: ChannelName;
  args: unknown;
}

export interface FakeApi {
  bridge: GuanaiBridge;
  calls: FakeCall[];
  /** The arguments of every call to one channel, in order. */
  callsTo<K extends ChannelName>(name: K): ArgsOf<K>[];
  /** Replaces (or adds) one channel's handler. */
  handle<K extends ChannelName>(name: K, handler: NonNullable<FakeHandlers[K]>): void;
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  listenerCount(event: EventName): number;
}

export function createFakeApi(initial: FakeHandlers = {}): FakeApi {
  const handlers: FakeHandlers = { ...initial };
  const calls: FakeCall[] = [];
  const listeners = new Map<EventName, Set<(payload: never) => void>>();

  const bridge: GuanaiBridge = {
    async invoke<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<Result<ResultOf<K>>> {
      calls.push({ name, args: JSON.parse(JSON.stringify(args)) as unknown });
      const handler = handlers[name] as ((a: ArgsOf<K>) => ResultOf<K> | Promise<ResultOf<K>>) | undefined;
      if (!handler)
        return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `测试未提供 ${name} 的处理函数` } };
      try {
        return { ok: true, value: await handler(args) };
      } catch (err) {
        return { ok: false, error: toErrorData(err) };
      }
    },
    on(event, cb) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const fn = cb as (payload: never) => void;
      set.add(fn);
      return () => {
        set.delete(fn);
      };
    },
  };

  return {
    bridge,
    calls,
    callsTo: <K extends ChannelName>(name: K) =>
      calls.filter((c) => c.name === name).map((c) => c.args as ArgsOf<K>),
    handle: (name, handler) => {
      (handlers as Record<string, unknown>)[name] = handler;
    },
    emit: (event, payload) => {
      for (const cb of [...(listeners.get(event) ?? [])]) cb(payload as never);
    },
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  };
}

// ---- fixtures: fixed values, never the real clock ----

export type FakeOffice = NonNullable<AppStatus['office']>;

export function fakeOffice(overrides: Partial<FakeOffice> = {}): FakeOffice {
  return {
    format: 'guanai-office',
    code: '445200',
    name: '揭阳市农村留守儿童关爱保护工作联席会议办公室',
    level: 'city',
    createdAt: '2026-03-01T08:00:00.000Z',
    signingKey: 'MCowBQYDK2VwAyEAtestsigningkey',
    encryptionKey: 'MCowBQYDK2VuAyEAtestencryptionkey',
    fingerprint: '7K3M-Q9TX-2HDP-WRN5-8CJA',
    ...overrides,
  };
}

export function fakeStatus(overrides: Partial<AppStatus> = {}): AppStatus {
  return {
    initialised: true,
    office: fakeOffice(),
    dataDir: 'C:\\关爱数据',
    schemaVersion: 1,
    demo: false,
    notices: [],
    storeProblem: null,
    clockWarning: null,
    counts: { operations: 12, entities: {} },
    shell: 'desktop',
    session: { login: 'admin', name: '王管理', role: 'admin', mustChangePassword: false, allowed: Object.keys(channels) },
    idleMinutes: 10,
    needsSecuring: false,
    ...overrides,
  };
}

export const uninitialisedStatus = (): AppStatus =>
  fakeStatus({ initialised: false, office: null, counts: { operations: 0, entities: {} } });

export function fakeSettings(overrides: Partial<SettingsView> = {}): SettingsView {
  return {
    office: fakeOffice(),
    dataDir: 'C:\\关爱数据',
    storeDir: 'C:\\关爱数据\\store',
    schemaVersion: 1,
    operations: 12,
    ...overrides,
  };
}

// ---- backups (issue 11) ----

export function fakeBackupStatus(overrides: Partial<BackupStatusView> = {}): BackupStatusView {
  return {
    passphraseSet: true,
    passphraseSetAt: '2026-03-02T02:00:00.000Z',
    reminderDays: 7,
    lastExternal: null,
    lastAny: null,
    reminderDue: true,
    local: [
      { name: '关爱备份-445200-20261207-183000-退出.gbak', at: '2026-12-07T10:30:00.000Z', kind: 'quit' },
      { name: '关爱备份-445200-20261207-090000-每日.gbak', at: '2026-12-07T01:00:00.000Z', kind: 'daily' },
    ],
    ...overrides,
  };
}

export function fakeBackupManifest(overrides: Partial<BackupManifest> = {}): BackupManifest {
  return {
    format: 'guanai-backup-manifest',
    version: 1,
    office: { code: '445200', name: fakeOffice().name, level: 'city', fingerprint: fakeOffice().fingerprint },
    createdAt: '2026-12-05T06:20:00.000Z',
    createdBy: 'admin',
    createdByName: '王管理',
    kind: 'manual',
    operations: 812,
    tables: { child: 31, meeting: 4, task: 9 },
    summary: { children: 31, meetings: 4, tasks: 9 },
    files: [],
    contentBytes: 120_000,
    contentHash: '0'.repeat(64),
    ...overrides,
  };
}
