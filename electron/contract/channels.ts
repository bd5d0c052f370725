// THE contract between the renderer and the main process (and the browser preview, which carries the same calls
// over HTTP). Every channel is named here once, with the zod schema of its argument and the type of its result.
// Handlers, the dispatcher, the preload and the renderer's client are all typed from this module.
import { z } from 'zod';
import './schemas/zod-messages';
import type { OfficePublic } from '../identity/identity';
import { officeInitSchema } from './schemas/office';
import * as L from './schemas/ledger';
import * as XL from './schemas/ledger-excel';
import * as R from './schemas/report';
import * as S from './schemas/stats';
import * as U from './schemas/units';
import * as UO from './schemas/unit-office';
import * as M from './schemas/meetings';
import * as XC from './schemas/exchange';
import * as D from './schemas/duplicates';
import type { Result } from './errors';
import * as AC from './schemas/accounts';
import * as F from './schemas/files';
import * as B from './schemas/backup';
import type { DataNotice } from './schemas/notices';
import { noticeAckSchema } from './schemas/notices';
import type { Access, Role } from './schemas/accounts';

/** A channel: argument schema, phantom result type, who may call it, and whether it needs an initialised office. */
interface ChannelDef<A extends z.ZodType, R> {
  args: A;
  /** Enforced by the dispatcher for Electron IPC, the preview and the CLI alike. */
  access: Access;
  needsOffice: boolean;
  /** Never set: carries the result type for the compiler only. */
  result?: R;
}
const channel =
  <R>() =>
  <A extends z.ZodType>(args: A, access: Access, needsOffice = true): ChannelDef<A, R> => ({ args, access, needsOffice });

// Who may do what (issue 10): admin everything; ledger the children, visits, reports and Excel; meeting the
// composition, tasks, meetings, minutes, bulletins and bundles; viewer masked views only.
const ANYONE: readonly Role[] = ['admin', 'ledger', 'meeting', 'viewer'];
const STAFF: readonly Role[] = ['admin', 'ledger', 'meeting'];
const LEDGER: readonly Role[] = ['admin', 'ledger'];
const MEETING: readonly Role[] = ['admin', 'meeting'];
const ADMIN: readonly Role[] = ['admin'];

const none = z.object({}).strict();

export interface AppStatus {
  initialised: boolean;
  office: OfficePublic | null;
  dataDir: string;
  schemaVersion: number;
  demo: boolean;
  /** Notices about the data not yet acknowledged by an administrator (DATA/notices.json), oldest first. */
  notices: DataNotice[];
  /** Why the data could not be opened at the last sign-in (damaged or missing): the sign-in page offers a restore. */
  storeProblem: { code: string; message: string } | null;
  /** The PC's clock is behind the newest record: a warning shown on every page (null when the clock is sane). */
  clockWarning: string | null;
  /** Administrators only: the home-page reminder when no backup has left the PC for too long. */
  backupReminder?: { due: boolean; passphraseSet: boolean; lastExternalAt: string | null; reminderDays: number };
  counts: { operations: number; entities: Record<string, number> };
  /** 'desktop' in Electron, 'preview' in the browser preview. */
  shell: 'desktop' | 'preview';
  /** The signed-in person, or null (sign-in page, lock screen). */
  session: AC.SessionView | null;
  /** Idle minutes before the app locks itself. */
  idleMinutes: number;
  /** Demo folders only: the demonstration people and their passwords, for the sign-in page. */
  demoAccounts?: AC.DemoAccount[];
  /** A folder from before accounts: an administrator must be set (and the data encrypted) before use. */
  needsSecuring: boolean;
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
  'app.status': channel<AppStatus>()(none, 'public', false),
  /** First run: the office and its first administrator; the recovery code is shown once. */
  'office.init': channel<AC.InitResult>()(officeInitSchema.extend({ admin: AC.adminInitSchema }).strict(), 'public', false),
  /**
   * A data folder from before accounts (status.needsSecuring): its first administrator is named, the data encrypted
   * and the recovery code shown once. Public because such a folder has nobody to sign in as; refused once secured.
   */
  'office.secureLegacy': channel<AC.InitResult>()(AC.adminInitSchema, 'public'),

  // ── people and protection (issue 10) ──
  'auth.signIn': channel<AC.SessionView>()(AC.signInSchema, 'public'),
  /** Ends the session (sign-out, the lock screen, the idle lock); the page underneath keeps its input. */
  'auth.lock': channel<{ locked: true }>()(none, ANYONE),
  'auth.changePassword': channel<AC.SessionView>()(AC.changePasswordSchema, ANYONE),
  'security.get': channel<AC.SecuritySettings>()(none, ANYONE),
  'security.set': channel<AC.SecuritySettings>()(AC.securitySettingsSchema, ADMIN),
  'users.list': channel<AC.UserView[]>()(none, ADMIN),
  'users.add': channel<AC.UserView>()(AC.userAddSchema, ADMIN),
  'users.disable': channel<AC.UserView>()(AC.userLoginSchema, ADMIN),
  'users.enable': channel<AC.UserView>()(AC.userLoginSchema, ADMIN),
  /** A new first password, to be changed at the person's next sign-in. */
  'users.resetPassword': channel<AC.UserView>()(AC.userResetSchema, ADMIN),
  'users.setRole': channel<AC.UserView>()(AC.userSetRoleSchema, ADMIN),
  'audit.list': channel<AC.AuditEntryView[]>()(AC.auditListSchema, ADMIN),
  'audit.verify': channel<AC.AuditVerifyResult>()(none, ADMIN),
  /** The filtered audit trail as xlsx (base64); the export is itself audited. */
  'audit.exportXlsx': channel<XL.XlsxFile>()(AC.auditListSchema, ADMIN),
  'settings.get': channel<SettingsView>()(none, ANYONE),
  /** An administrator has read a notice about the data: it leaves every page (it stays in the file, marked). */
  'notices.acknowledge': channel<{ acknowledged: true }>()(noticeAckSchema, ADMIN),

  // ── backups and restore (issue 11) ──
  'backup.status': channel<B.BackupStatusView>()(none, ADMIN),
  'backup.setPassphrase': channel<B.BackupStatusView>()(B.setPassphraseSchema, ADMIN),
  'backup.setReminder': channel<B.BackupStatusView>()(B.setReminderSchema, ADMIN),
  /** Back up now into a chosen folder (a USB stick). */
  'backup.create': channel<B.BackupMade>()(B.backupCreateSchema, ADMIN),
  /** Reads a whole backup read-only (tag, content hash) and compares it with the live data. */
  'backup.verify': channel<B.BackupCheckView>()(B.backupFileSchema, ADMIN),
  /** Restores into a new folder, checks it in full, and switches to it only when it passes. */
  'backup.restore': channel<B.BackupRestored>()(B.backupFileSchema, ADMIN),
  /**
   * The same when the data cannot be opened (nobody can sign in): the backup passphrase and an administrator's
   * password in the backed-up data are the authority. Refused while the data opens.
   */
  'backup.restoreUnopened': channel<B.BackupRestored>()(B.restoreUnopenedSchema, 'public'),
  /** The automatic backups' names and times (no content), for that form: only while the data cannot be opened. */
  'backup.listUnopened': channel<B.BackupStatusView['local']>()(none, 'public'),

  // ── printing (shared by minutes, bulletins, sign-in sheets, record sheets) ──
  'print.render': channel<{ title: string; html: string }>()(printArgs, ANYONE),
  /** Desktop only: save as PDF through a file dialog. */
  'print.pdf': channel<{ saved: boolean; filePath?: string }>()(printArgs, ANYONE),
  /** Desktop only: the system print dialog. */
  'print.print': channel<{ printed: boolean }>()(printArgs, ANYONE),

  // ── files the person picks (desktop dialogs; the renderer holds only a handle) ──
  /** Picking grants nothing by itself: using the handle needs the role of the feature it is passed to. */
  'files.pickOpen': channel<F.PickResult>()(F.pickOpenSchema, ANYONE),
  'files.pickSave': channel<F.PickResult>()(F.pickSaveSchema, ANYONE),
  'files.pickFolder': channel<F.PickResult>()(F.pickFolderSchema, ANYONE),
  /**
   * The desktop's open dialog for a backup on the sign-in page's 从备份恢复: public, because while the data cannot be
   * opened nobody can sign in; refused at any other time. The restore itself needs the backup's passphrase and an
   * administrator of the backed-up data.
   */
  'files.pickBackupUnopened': channel<F.PickResult>()(none, 'public'),
  /** Saves bytes a channel returned (an xlsx, a card) to a file picked with files.pickSave. */
  'files.write': channel<F.FileWritten>()(F.fileWriteSchema, ANYONE),

  // ── ledger (issue 3) ──
  'children.create': channel<L.ChildSaved>()(L.childRecordArgs, LEDGER),
  /** Writes only the fields that differ from the stored record. */
  'children.update': channel<L.ChildSaved>()(L.childUpdateArgs, LEDGER),
  /** One record, ID numbers and phones masked. */
  'children.get': channel<L.ChildView>()(L.childIdArgs, ANYONE),
  /** One record unmasked; the viewing is recorded as an audit operation. */
  'children.reveal': channel<L.ChildView>()(L.childRevealArgs, LEDGER),
  'children.list': channel<L.ChildListResult>()(L.childListArgs, ANYONE),
  'children.history': channel<L.HistoryEntry[]>()(L.childIdArgs, ANYONE),
  'children.exit': channel<L.ChildSaved>()(L.childExitArgs, LEDGER),
  'children.reenter': channel<L.ChildSaved>()(L.childReenterArgs, LEDGER),
  /** Other live records with this child's ID number (疑似重复), and merges done on it. */
  'children.duplicates': channel<D.ChildDuplicates>()(L.childIdArgs, ANYONE),
  /** Merges a duplicate into the record kept, in one batch: both histories kept, the merged one marked, not deleted. */
  'children.merge': channel<D.ChildMerged>()(D.childMergeArgs, LEDGER),
  'visits.add': channel<L.Visit>()(L.visitAddArgs, LEDGER),
  'visits.list': channel<L.Visit[]>()(L.byChildArgs, ANYONE),
  'assistance.add': channel<L.Assistance>()(L.assistanceAddArgs, LEDGER),
  'assistance.list': channel<L.Assistance[]>()(L.byChildArgs, ANYONE),
  'assessments.add': channel<L.Assessment>()(L.assessmentAddArgs, LEDGER),
  'assessments.list': channel<L.Assessment[]>()(L.byChildArgs, ANYONE),
  'alerts.list': channel<L.AlertsResult>()(L.alertsListArgs, ANYONE),
  'ledger.settings.get': channel<L.LedgerSettingsView>()(none, ANYONE),
  'ledger.settings.set': channel<L.LedgerSettingsView>()(L.ledgerSettingsArgs, ADMIN),
  'codelists.get': channel<L.CodeListsView>()(none, ANYONE),
  'codelists.extend': channel<L.CodeItemAdded>()(L.codeListExtendArgs, LEDGER),
  // Excel import (preview, then commit) and export of the ledger
  'ledgerImport.preview': channel<XL.ImportPreview>()(XL.importPreviewArgs, LEDGER),
  'ledgerImport.commit': channel<XL.ImportResult>()(XL.importCommitArgs, LEDGER),
  /** The rows an import refused, as an xlsx with a 错误原因 column (base64). */
  'ledgerImport.rejectedXlsx': channel<XL.XlsxFile>()(XL.importIdArgs, LEDGER),
  /** The list's current filter in the national form's column order; masked unless confirmed otherwise (audited). */
  'ledgerExport.xlsx': channel<XL.ExportResult>()(XL.exportArgs, LEDGER),

  // mandatory reports (强制报告) and statistics
  'reports.create': channel<R.ReportView>()(R.reportCreateSchema, LEDGER),
  'reports.get': channel<R.ReportView>()(z.object({ id: z.string().min(1).max(80) }).strict(), ANYONE),
  'reports.list': channel<R.ReportList>()(R.reportListSchema, ANYONE),
  /** Records one handling step (police, assessment, placement, follow-up, referral, closing), timestamped. */
  'reports.recordStep': channel<R.ReportView>()(R.reportRecordStepSchema, LEDGER),
  /** Links a report made for a child not yet in the ledger to the child's record. */
  'reports.link': channel<R.ReportView>()(z.object({ id: z.string().min(1).max(80), childId: z.string().min(1).max(80) }).strict(), LEDGER),
  /** Children matching a name (or the tail of an ID number), for linking a report. */
  'reports.findChildren': channel<R.ReportChildOption[]>()(z.object({ query: z.string().trim().min(1).max(50) }).strict(), LEDGER),
  'reports.settings.get': channel<R.ReportSettings>()(none, ANYONE),
  'reports.settings.set': channel<R.ReportSettings>()(R.reportSettingsSchema, ADMIN),
  'stats.summary': channel<S.StatsSummary>()(S.statsSummarySchema, ANYONE),

  // ── composition, units, tasks, bulletins (issue 4) ──
  'composition.template': channel<U.TemplatePreview>()(U.compositionTemplateSchema, MEETING),
  'composition.setup': channel<U.CompositionView>()(U.compositionSetupSchema, MEETING),
  /** Who was who on `date` (default today), with every post record ever for the history. */
  'composition.get': channel<U.CompositionView>()(U.compositionGetSchema, ANYONE),
  'posts.add': channel<U.PostView>()(U.postsAddSchema, MEETING),
  /** A successor takes over from a date; the predecessor's record ends that day. */
  'posts.replace': channel<U.PostView>()(U.postsReplaceSchema, MEETING),
  'posts.end': channel<{ ended: true }>()(U.postsEndSchema, MEETING),
  'units.add': channel<U.UnitView>()(U.unitsAddSchema, MEETING),
  'units.remove': channel<{ removed: true }>()(U.unitsRemoveSchema, MEETING),
  'units.setLiaison': channel<U.LiaisonView>()(U.unitsSetLiaisonSchema, MEETING),
  /** One unit: people, liaison history, duty items, what it leads or cooperates on and what it has reported. */
  'units.get': channel<U.UnitDetail>()(U.unitsGetSchema, ANYONE),
  'units.rename': channel<U.UnitView>()(U.unitsRenameSchema, MEETING),
  'units.merge': channel<U.UnitView>()(U.unitsMergeSchema, MEETING),
  /** A duty item reworded from a date; the notice's wording and every earlier one stay viewable. */
  'units.editDuty': channel<U.UnitView>()(U.unitsEditDutySchema, MEETING),
  'units.addDuty': channel<U.UnitView>()(U.unitsAddDutySchema, MEETING),
  'tasks.create': channel<U.TaskDetail>()(U.tasksCreateSchema, MEETING),
  'tasks.list': channel<U.TaskRow[]>()(U.tasksListSchema, ANYONE),
  'tasks.get': channel<U.TaskDetail>()(U.tasksGetSchema, ANYONE),
  'tasks.report': channel<U.TaskDetail>()(U.tasksReportSchema, MEETING),
  /** 销号: refused (FINAL_REPORT_REQUIRED) without a final report. */
  'tasks.close': channel<U.TaskDetail>()(U.tasksCloseSchema, MEETING),
  'tasks.extend': channel<U.TaskDetail>()(U.tasksExtendSchema, MEETING),
  'tasks.edit': channel<U.TaskDetail>()(U.tasksEditSchema, MEETING),
  /** Issues a numbered 催办通知; print it with print.render { kind: 'urgeNotice', id }. */
  'tasks.urge': channel<U.TaskUrgeView>()(U.tasksUrgeSchema, MEETING),
  /** Overdue tasks and open tasks due within 14 days, for the home page. */
  'tasks.reminders': channel<U.TaskReminders>()(none, ANYONE),
  'bulletins.create': channel<U.BulletinView>()(U.bulletinsCreateSchema, MEETING),
  'bulletins.list': channel<U.BulletinListItem[]>()(none, ANYONE),
  'bulletins.get': channel<U.BulletinView>()(U.bulletinsGetSchema, ANYONE),

  // ── meetings and minutes (issue 5) ──
  'meetings.list': channel<M.MeetingSummary[]>()(none, ANYONE),
  'meetings.get': channel<M.MeetingDetail>()(z.object({ id: z.string().min(1).max(80) }).strict(), ANYONE),
  'meetings.create': channel<{ id: string }>()(M.meetingCreateSchema, MEETING),
  'meetings.update': channel<{ id: string }>()(M.meetingUpdateSchema, MEETING),
  'topics.propose': channel<{ id: string }>()(M.topicProposeSchema, MEETING),
  'topics.decide': channel<{ id: string }>()(M.topicDecideSchema, MEETING),
  'attendance.mark': channel<{ id: string }>()(M.attendanceMarkSchema, MEETING),
  'attendance.addAttending': channel<{ id: string }>()(M.attendingAddSchema, MEETING),
  'attendance.removeAttending': channel<{ id: string }>()(M.attendingRemoveSchema, MEETING),
  /** A decided item and its supervised task, in one batch. */
  'decisions.create': channel<{ id: string; taskId: string }>()(M.decisionCreateSchema, MEETING),
  'decisions.approve': channel<{ id: string }>()(M.decisionApproveSchema, MEETING),
  'minutes.getSettings': channel<M.MinutesSettings>()(none, ANYONE),
  'minutes.setSettings': channel<M.MinutesSettings>()(M.minutesSettingsSchema, ADMIN),
  /** Starts the minutes of a meeting from its data (refused once a draft or issued version exists). */
  'minutes.draft': channel<{ id: string }>()(z.object({ meetingId: z.string().min(1).max(80) }).strict(), MEETING),
  'minutes.save': channel<{ id: string }>()(M.minutesSaveSchema, MEETING),
  'minutes.issue': channel<{ id: string; number: string }>()(M.minutesIssueSchema, MEETING),
  /** A correction of issued minutes: a new draft version; the issued one is kept. */
  'minutes.correct': channel<{ id: string }>()(z.object({ id: z.string().min(1).max(80) }).strict(), MEETING),
  /** Withdraws a correction draft not yet issued: the issued version stays in force and the meeting locked again. */
  'minutes.discardCorrection': channel<{ id: string }>()(
    z.object({ id: z.string().min(1).max(80) }).strict(),
    MEETING,
  ),

  // ── data exchange (issue 6) ──
  /** This office's card, as the text of a .json file to hand to other offices. */
  'exchange.card': channel<XC.CardFile>()(none, MEETING),
  /** What a card says (fingerprint to compare), before anyone trusts it. */
  'exchange.readCard': channel<XC.CardPreview>()(XC.cardTextSchema, MEETING),
  'exchange.trust': channel<XC.PeerView>()(XC.trustSchema, MEETING),
  'exchange.revoke': channel<XC.PeerView>()(XC.revokeSchema, MEETING),
  'exchange.peers': channel<XC.PeerView[]>()(none, ANYONE),
  'exchange.export': channel<XC.ExportResult>()(XC.exportSchema, MEETING),
  /** Verifies and decrypts a bundle; changes nothing. */
  'exchange.verify': channel<XC.BundleCheck>()(XC.bundleSourceSchema, MEETING),
  /** What importing would do (new / updated / unchanged / conflicts per kind of record); changes nothing. */
  'exchange.dryRun': channel<XC.DryRunSummary>()(XC.bundleSourceSchema, MEETING),
  /** Applies a bundle all or nothing; a bundle already applied changes nothing. */
  'exchange.import': channel<XC.ImportResult>()(XC.bundleSourceSchema, MEETING),
  'exchange.log': channel<XC.ExchangeLogEntry[]>()(none, ANYONE),
  'exchange.transfer': channel<XC.TransferResult>()(XC.transferSchema, MEETING),
  /** At the city: one ID number held by records of two offices. */
  'exchange.duplicates': channel<XC.DuplicateGroup[]>()(none, STAFF),
  'conflicts.list': channel<XC.ConflictItem[]>()(none, ANYONE),
  /** A person's choice of value: an ordinary operation that syncs. */
  'conflicts.resolve': channel<{ resolved: true }>()(XC.resolveSchema, STAFF),

  // ── member units as offices (issue 14) ──
  /** 延期申请 of a unit (at a unit office: its own; at the joint-meeting office: recorded for the unit named). */
  'tasks.requestExtension': channel<U.TaskDetail>()(UO.extensionRequestSchema, MEETING),
  /** The joint-meeting office's answer: 同意 extends the task (延期) in the same batch. Refused at a unit office. */
  'tasks.decideExtension': channel<U.TaskDetail>()(UO.extensionDecideSchema, MEETING),
  /** An attachment (a scanned reply letter) kept with its SHA-256, on a task and optionally a report. */
  'tasks.attach': channel<UO.TaskAttachmentView>()(UO.attachSchema, MEETING),
  /** The attachment's bytes, checked against its hash. */
  'tasks.attachment': channel<UO.TaskAttachmentFile>()(UO.attachmentGetSchema, STAFF),
  /** A unit's 承办人及联系方式 on a task (field contact.<unitId>; both offices may write it, conflicts kept). */
  'tasks.setContact': channel<U.TaskDetail>()(UO.taskContactSchema, MEETING),
  /** The liaison's desk at a unit office: its tasks, deadlines, overdue, duty items, meetings and minutes, bulletins. */
  'unitOffice.desk': channel<UO.UnitDesk>()(none, ANYONE),
  /** At the joint-meeting office: every member unit, whether its office is connected, last sent / received, waiting. */
  'unitOffice.connected': channel<UO.ConnectedUnit[]>()(none, ANYONE),
  /** At the joint-meeting office: the setup file for one unit (its card + the unit's share) and a one-time setup code. */
  'unitOffice.setupExport': channel<UO.SetupExportResult>()(UO.unitSetupExportSchema, MEETING),
  /** At a new unit office: imports the setup file with the code; trusts the joint-meeting office's card. */
  'unitOffice.setupImport': channel<XC.ImportResult & { office: { code: string; name: string; fingerprint: string } }>()(
    UO.unitSetupImportSchema,
    MEETING,
  ),
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ArgsOf<K extends ChannelName> = z.input<Channels[K]['args']>;
export type ParsedArgsOf<K extends ChannelName> = z.output<Channels[K]['args']>;
export type ResultOf<K extends ChannelName> = NonNullable<Channels[K]['result']>;

/** Events pushed from the main process to the renderer. */
export interface Events {
  'store.changed': { entities: string[] };
  'app.notice': DataNotice;
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
