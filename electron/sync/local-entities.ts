// Record types that belong to this office alone and never travel in a bundle. Trust is the first reason: a bundle
// that could add a trusted card or lift a revocation at the recipient would let any trusted office vouch for
// strangers. Settings are the office's own; the audit trail records who at THIS office looked at an ID number;
// `withheld` stands in for operations routing kept from this office (see export.ts).
export const PEER_ENTITY = 'peer';
export const REVOCATION_ENTITY = 'peerRevocation';
export const EXCHANGE_LOG_ENTITY = 'exchangeLog';
/** One record per origin office: the place-holders for that origin's operations routing did not send here. */
export const WITHHELD_ENTITY = 'withheld';

export const LOCAL_ONLY_ENTITIES: ReadonlySet<string> = new Set([
  PEER_ENTITY,
  REVOCATION_ENTITY,
  EXCHANGE_LOG_ENTITY,
  WITHHELD_ENTITY,
  'app', // the demonstration flag (DEMO_ENTITY)
  'audit', // the audit trail of THIS office (AUDIT_ENTITY): its chain is keyed with this office's data key
  'auditHead', // the head of that chain
  'user', // this office's people and roles: never another office's
  'security', // idle lock and other security settings
  'ledgerSettings',
  'reportSettings',
  'setting', // minutes settings: this office's issuing authority and numbering
  'backupLog', // this office's backups (BACKUP_LOG_ENTITY): when one last left this PC
  'backupSettings', // the backup reminder
  'unitShareDelivered', // which records of a member unit's share have gone to its office (issue 14, unit-share.ts)
]);

export const isLocalOnly = (entity: string) => LOCAL_ONLY_ENTITIES.has(entity);
