// The values the renderer takes from electron/contract: the office and account forms' zod schemas, the level and
// role names and the audit actions' labels: pure data shared with the main process so the form and the handler can never disagree.
export { allOfficeLevels, officeInitSchema, officeLevels, officeLevelNames } from '../../../electron/contract/schemas/office';
export type { OfficeInit, OfficeLevel } from '../../../electron/contract/schemas/office';
export {
  adminInitSchema,
  auditActions,
  auditActionLabel,
  loginSchema,
  newPasswordSchema,
  personNameSchema,
  roleNames,
  roles,
} from '../../../electron/contract/schemas/accounts';
export type {
  AuditEntryView,
  AuditVerifyResult,
  DemoAccount,
  InitResult,
  Role,
  SessionView,
  UserView,
} from '../../../electron/contract/schemas/accounts';
