// What a member unit's office (issue 14) may not do, whoever is signed in: it keeps no children's ledger (a unit
// office holds no child's personal data), and the composition, meetings and minutes are the joint meeting's, which
// reach it by bundle. Checked by the dispatcher for Electron IPC, the preview and the CLI alike.
import type { AppContext } from '../app/context';
import type { ChannelName } from '../contract/channels';
import { AppError } from '../contract/errors';

const LEDGER_PREFIXES = ['children.', 'visits.', 'assistance.', 'assessments.', 'ledger.', 'ledgerImport.', 'ledgerExport.', 'reports.'];
const LEDGER = new Set<string>(['alerts.list', 'stats.summary', 'codelists.extend', 'exchange.transfer', 'exchange.duplicates']);
const JOINT_MEETING = new Set<string>([
  'composition.setup',
  'posts.add',
  'posts.replace',
  'posts.end',
  'units.add',
  'units.remove',
  'units.setLiaison',
  'units.rename',
  'units.merge',
  'units.editDuty',
  'units.addDuty',
  'meetings.create',
  'meetings.update',
  'topics.propose',
  'topics.decide',
  'attendance.mark',
  'attendance.addAttending',
  'attendance.removeAttending',
  'decisions.create',
  'decisions.approve',
  'minutes.setSettings',
  'minutes.draft',
  'minutes.save',
  'minutes.issue',
  'minutes.correct',
  'minutes.discardCorrection',
]);

const isLedger = (name: string) => LEDGER.has(name) || LEDGER_PREFIXES.some((p) => name.startsWith(p));

/** Refused at a unit office by their own handlers (electron/handlers/unit-scope.ts refuseAtUnit), with their reason. */
const JOINT_MEETING_HANDLED = new Set<string>([
  'tasks.create',
  'tasks.close',
  'tasks.extend',
  'tasks.edit',
  'tasks.urge',
  'bulletins.create',
  'tasks.decideExtension',
  'unitOffice.connected',
  'unitOffice.setupExport',
]);

/** Whether a member unit's office refuses this channel: the session's `allowed` leaves it out there, so pages offer
 * neither the ledger nor what only the joint-meeting office does. */
export const refusedAtUnitOffice = (name: string): boolean =>
  isLedger(name) || JOINT_MEETING.has(name) || JOINT_MEETING_HANDLED.has(name);

export function refuseAtUnitOffice(ctx: AppContext, name: ChannelName): void {
  if (ctx.office?.level !== 'unit') return;
  if (isLedger(name)) {
    throw new AppError('REFUSED', '成员单位不保存儿童信息台账，本机不能使用此功能。');
  }
  if (JOINT_MEETING.has(name)) {
    throw new AppError('REFUSED', '联席会议的组成、会议和纪要由联席会议办公室办理，经数据包送达本单位；成员单位不能在本机修改。');
  }
}
