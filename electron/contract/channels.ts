// THE contract between the renderer and the main process (and the browser preview, which carries the same calls
// over HTTP). Every channel is named here once, with the zod schema of its argument and the type of its result.
// Handlers, the dispatcher, the preload and the renderer's client are all typed from this module.
import { z } from 'zod';
import type { OfficePublic } from '../identity/identity';
import { officeInitSchema } from './schemas/office';
import * as L from './schemas/ledger';
import * as XL from './schemas/ledger-excel';
import * as R from './schemas/report';
import * as S from './schemas/stats';
import * as U from './schemas/units';
import * as M from './schemas/meetings';
import * as XC from './schemas/exchange';
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
  'children.create': channel<L.ChildSaved>()(L.childRecordArgs),
  /** Writes only the fields that differ from the stored record. */
  'children.update': channel<L.ChildSaved>()(L.childUpdateArgs),
  /** One record, ID numbers and phones masked. */
  'children.get': channel<L.ChildView>()(L.childIdArgs),
  /** One record unmasked; the viewing is recorded as an audit operation. */
  'children.reveal': channel<L.ChildView>()(L.childRevealArgs),
  'children.list': channel<L.ChildListResult>()(L.childListArgs),
  'children.history': channel<L.HistoryEntry[]>()(L.childIdArgs),
  'children.exit': channel<L.ChildSaved>()(L.childExitArgs),
  'children.reenter': channel<L.ChildSaved>()(L.childReenterArgs),
  'visits.add': channel<L.Visit>()(L.visitAddArgs),
  'visits.list': channel<L.Visit[]>()(L.byChildArgs),
  'assistance.add': channel<L.Assistance>()(L.assistanceAddArgs),
  'assistance.list': channel<L.Assistance[]>()(L.byChildArgs),
  'assessments.add': channel<L.Assessment>()(L.assessmentAddArgs),
  'assessments.list': channel<L.Assessment[]>()(L.byChildArgs),
  'alerts.list': channel<L.AlertsResult>()(L.alertsListArgs),
  'ledger.settings.get': channel<L.LedgerSettingsView>()(none),
  'ledger.settings.set': channel<L.LedgerSettingsView>()(L.ledgerSettingsArgs),
  'codelists.get': channel<L.CodeListsView>()(none),
  'codelists.extend': channel<L.CodeItemAdded>()(L.codeListExtendArgs),
  // Excel import (preview, then commit) and export of the ledger
  'ledgerImport.preview': channel<XL.ImportPreview>()(XL.importPreviewArgs),
  'ledgerImport.commit': channel<XL.ImportResult>()(XL.importCommitArgs),
  /** The rows an import refused, as an xlsx with a 错误原因 column (base64). */
  'ledgerImport.rejectedXlsx': channel<XL.XlsxFile>()(XL.importIdArgs),
  /** The list's current filter in the national form's column order; masked unless confirmed otherwise (audited). */
  'ledgerExport.xlsx': channel<XL.ExportResult>()(XL.exportArgs),

  // mandatory reports (强制报告) and statistics
  'reports.create': channel<R.ReportView>()(R.reportCreateSchema),
  'reports.get': channel<R.ReportView>()(z.object({ id: z.string().min(1).max(80) }).strict()),
  'reports.list': channel<R.ReportList>()(R.reportListSchema),
  /** Records one handling step (police, assessment, placement, follow-up, referral, closing), timestamped. */
  'reports.recordStep': channel<R.ReportView>()(R.reportRecordStepSchema),
  /** Links a report made for a child not yet in the ledger to the child's record. */
  'reports.link': channel<R.ReportView>()(z.object({ id: z.string().min(1).max(80), childId: z.string().min(1).max(80) }).strict()),
  /** Children matching a name (or the tail of an ID number), for linking a report. */
  'reports.findChildren': channel<R.ReportChildOption[]>()(z.object({ query: z.string().trim().min(1).max(50) }).strict()),
  'reports.settings.get': channel<R.ReportSettings>()(none),
  'reports.settings.set': channel<R.ReportSettings>()(R.reportSettingsSchema),
  'stats.summary': channel<S.StatsSummary>()(S.statsSummarySchema),

  // ── composition, units, tasks, bulletins (issue 4) ──
  'composition.template': channel<U.TemplatePreview>()(U.compositionTemplateSchema),
  'composition.setup': channel<U.CompositionView>()(U.compositionSetupSchema),
  /** Who was who on `date` (default today), with every post record ever for the history. */
  'composition.get': channel<U.CompositionView>()(U.compositionGetSchema),
  'posts.add': channel<U.PostView>()(U.postsAddSchema),
  /** A successor takes over from a date; the predecessor's record ends that day. */
  'posts.replace': channel<U.PostView>()(U.postsReplaceSchema),
  'posts.end': channel<{ ended: true }>()(U.postsEndSchema),
  'units.add': channel<U.UnitView>()(U.unitsAddSchema),
  'units.remove': channel<{ removed: true }>()(U.unitsRemoveSchema),
  'units.setLiaison': channel<U.LiaisonView>()(U.unitsSetLiaisonSchema),
  /** One unit: people, liaison history, duty items, what it leads or cooperates on and what it has reported. */
  'units.get': channel<U.UnitDetail>()(U.unitsGetSchema),
  'tasks.create': channel<U.TaskDetail>()(U.tasksCreateSchema),
  'tasks.list': channel<U.TaskRow[]>()(U.tasksListSchema),
  'tasks.get': channel<U.TaskDetail>()(U.tasksGetSchema),
  'tasks.report': channel<U.TaskDetail>()(U.tasksReportSchema),
  /** 销号: refused (FINAL_REPORT_REQUIRED) without a final report. */
  'tasks.close': channel<U.TaskDetail>()(U.tasksCloseSchema),
  /** Overdue tasks and open tasks due within 14 days, for the home page. */
  'tasks.reminders': channel<U.TaskReminders>()(none),
  'bulletins.create': channel<U.BulletinView>()(U.bulletinsCreateSchema),
  'bulletins.list': channel<U.BulletinListItem[]>()(none),
  'bulletins.get': channel<U.BulletinView>()(U.bulletinsGetSchema),

  // ── meetings and minutes (issue 5) ──
  'meetings.list': channel<M.MeetingSummary[]>()(none),
  'meetings.get': channel<M.MeetingDetail>()(z.object({ id: z.string().min(1).max(80) }).strict()),
  'meetings.create': channel<{ id: string }>()(M.meetingCreateSchema),
  'meetings.update': channel<{ id: string }>()(M.meetingUpdateSchema),
  'topics.propose': channel<{ id: string }>()(M.topicProposeSchema),
  'topics.decide': channel<{ id: string }>()(M.topicDecideSchema),
  'attendance.mark': channel<{ id: string }>()(M.attendanceMarkSchema),
  'attendance.addAttending': channel<{ id: string }>()(M.attendingAddSchema),
  'attendance.removeAttending': channel<{ id: string }>()(M.attendingRemoveSchema),
  /** A decided item and its supervised task, in one batch. */
  'decisions.create': channel<{ id: string; taskId: string }>()(M.decisionCreateSchema),
  'decisions.approve': channel<{ id: string }>()(M.decisionApproveSchema),
  'minutes.getSettings': channel<M.MinutesSettings>()(none),
  'minutes.setSettings': channel<M.MinutesSettings>()(M.minutesSettingsSchema),
  /** Starts the minutes of a meeting from its data (refused once a draft or issued version exists). */
  'minutes.draft': channel<{ id: string }>()(z.object({ meetingId: z.string().min(1).max(80) }).strict()),
  'minutes.save': channel<{ id: string }>()(M.minutesSaveSchema),
  'minutes.issue': channel<{ id: string; number: string }>()(M.minutesIssueSchema),
  /** A correction of issued minutes: a new draft version; the issued one is kept. */
  'minutes.correct': channel<{ id: string }>()(z.object({ id: z.string().min(1).max(80) }).strict()),

  // ── data exchange (issue 6) ──
  /** This office's card, as the text of a .json file to hand to other offices. */
  'exchange.card': channel<XC.CardFile>()(none),
  /** What a card says (fingerprint to compare), before anyone trusts it. */
  'exchange.readCard': channel<XC.CardPreview>()(XC.cardTextSchema),
  'exchange.trust': channel<XC.PeerView>()(XC.trustSchema),
  'exchange.revoke': channel<XC.PeerView>()(XC.revokeSchema),
  'exchange.peers': channel<XC.PeerView[]>()(none),
  'exchange.export': channel<XC.ExportResult>()(XC.exportSchema),
  /** Verifies and decrypts a bundle; changes nothing. */
  'exchange.verify': channel<XC.BundleCheck>()(XC.bundleSourceSchema),
  /** What importing would do (new / updated / unchanged / conflicts per kind of record); changes nothing. */
  'exchange.dryRun': channel<XC.DryRunSummary>()(XC.bundleSourceSchema),
  /** Applies a bundle all or nothing; a bundle already applied changes nothing. */
  'exchange.import': channel<XC.ImportResult>()(XC.bundleSourceSchema),
  'exchange.log': channel<XC.ExchangeLogEntry[]>()(none),
  'exchange.transfer': channel<XC.TransferResult>()(XC.transferSchema),
  /** At the city: one ID number held by records of two offices. */
  'exchange.duplicates': channel<XC.DuplicateGroup[]>()(none),
  'conflicts.list': channel<XC.ConflictItem[]>()(none),
  /** A person's choice of value: an ordinary operation that syncs. */
  'conflicts.resolve': channel<{ resolved: true }>()(XC.resolveSchema),
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
  'ledgerImport.progress': XL.ImportProgress;
}
export type EventName = keyof Events;

/** What the preload exposes as `window.guanai` (and what the preview's bridge imitates). */
export interface GuanaiBridge {
  invoke<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<Result<ResultOf<K>>>;
  on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void;
}

export const isChannelName = (name: unknown): name is ChannelName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
