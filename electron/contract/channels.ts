// THE contract between the renderer and the main process (and the browser preview, which carries the same calls
// over HTTP). Every channel is named here once, with the zod schema of its argument and the type of its result.
// Handlers, the dispatcher, the preload and the renderer's client are all typed from this module.
import { z } from 'zod';
import type { OfficePublic } from '../identity/identity';
import { officeInitSchema } from './schemas/office';
import type { StoreNotice } from '../store/store';
import type { Result } from './errors';

/** A channel: argument schema, phantom result type, and whether it needs an initialised office. */
interface ChannelDef<A extends z.ZodType, R> {
  args: A;
  needsOffice: boolean;
  /** Never set: carries the result type for the compiler only. */
  result?: R;
}
const channel = <R>() => <A extends z.ZodType>(args: A, needsOffice = true): ChannelDef<A, R> => ({ args, needsOffice });

const none = z.object({}).strict();

export interface AppStatus {
  initialised: boolean;
  office: OfficePublic | null;
  dataDir: string;
  schemaVersion: number;
  demo: boolean;
  notices: StoreNotice[];
  counts: { operations: number; entities: Record<string, number> };
  /** 'desktop' in Electron, 'preview' in the browser preview. */
  shell: 'desktop' | 'preview';
}

export interface SettingsView {
  office: OfficePublic;
  dataDir: string;
  storeDir: string;
  schemaVersion: number;
  operations: number;
}

const printArgs = z
  .object({
    kind: z.string().min(1).max(40),
    id: z.string().min(1).max(80).optional(),
    options: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export const channels = {
  // ── app frame ──
  'app.status': channel<AppStatus>()(none, false),
  'office.init': channel<OfficePublic>()(officeInitSchema.strict(), false),
  'settings.get': channel<SettingsView>()(none),

  // ── printing (shared by minutes, bulletins, sign-in sheets, record sheets) ──
  'print.render': channel<{ title: string; html: string }>()(printArgs),
  /** Desktop only: save as PDF through a file dialog. */
  'print.pdf': channel<{ saved: boolean; filePath?: string }>()(printArgs),
  /** Desktop only: the system print dialog. */
  'print.print': channel<{ printed: boolean }>()(printArgs),

  // ── ledger (issue 3) ──

  // ── composition, units, tasks, bulletins (issue 4) ──

  // ── meetings and minutes (issue 5) ──

  // ── data exchange (issue 6) ──
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ArgsOf<K extends ChannelName> = z.input<Channels[K]['args']>;
export type ParsedArgsOf<K extends ChannelName> = z.output<Channels[K]['args']>;
export type ResultOf<K extends ChannelName> = NonNullable<Channels[K]['result']>;

/** Events pushed from the main process to the renderer. */
export interface Events {
  'store.changed': { entities: string[] };
  'app.notice': StoreNotice;
}
export type EventName = keyof Events;

/** What the preload exposes as `window.guanai` (and what the preview's bridge imitates). */
export interface GuanaiBridge {
  invoke<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<Result<ResultOf<K>>>;
  on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void;
}

export const isChannelName = (name: unknown): name is ChannelName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
