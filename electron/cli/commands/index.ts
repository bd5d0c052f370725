import type { Command } from '../command';
import { demoCommand } from './demo';
import { doctorCommand } from './doctor';
import { infoCommand } from './info';
import { initCommand } from './init';
// ── command imports: one line per area ──
import { auditListCommand, auditVerifyCommand } from './audit';
import { userAddCommand, userDisableCommand, userListCommand, userPasswdCommand, userResetPasswordCommand } from './users';
import { bundleExportCommand, bundleImportCommand, bundleVerifyCommand, officeCardCommand, officeTrustCommand } from './exchange';
import { ledgerListCommand } from './ledger-list';
import { backupCreateCommand, backupRestoreCommand, backupVerifyCommand } from './backup';
import { ledgerExportCommand, ledgerImportCommand } from './ledger-excel';
import { meetingsListCommand, minutesHtmlCommand } from './meetings';
import { tasksListCommand, unitsFromTemplateCommand, unitsListCommand } from './units';
import { callCommand } from './call';
import {
  tasksContactCommand,
  tasksExtendDecideCommand,
  tasksExtendRequestCommand,
  tasksReportCommand,
  unitsConnectedCommand,
  unitSetupCommand,
  unitSetupExportCommand,
} from './unit-office';

/** Every CLI command. Names, flags and --json keys are contracts other tools rely on: never rename them. */
export const commands: Command[] = [
  initCommand,
  infoCommand,
  doctorCommand,
  demoCommand,
  // ── commands: one line per area ──
  userAddCommand,
  userListCommand,
  userDisableCommand,
  userResetPasswordCommand,
  userPasswdCommand,
  auditListCommand,
  auditVerifyCommand,
  officeCardCommand,
  officeTrustCommand,
  bundleExportCommand,
  bundleVerifyCommand,
  bundleImportCommand,
  backupCreateCommand,
  backupVerifyCommand,
  backupRestoreCommand,
  ledgerListCommand,
  ledgerImportCommand,
  ledgerExportCommand,
  meetingsListCommand,
  minutesHtmlCommand,
  unitsFromTemplateCommand,
  unitsListCommand,
  tasksListCommand,
  tasksReportCommand,
  tasksExtendRequestCommand,
  tasksExtendDecideCommand,
  tasksContactCommand,
  unitsConnectedCommand,
  unitSetupExportCommand,
  unitSetupCommand,
  callCommand,
];
