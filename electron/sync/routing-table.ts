// Which way each kind of record travels. One table, so a new record type cannot travel (or stay home) by accident:
// tests/unit/sync/routing-table.test.ts fails when the code stores an entity type that is not listed here.
//
//   local     never leaves this office (local-entities.ts)
//   ledger    the children's ledger: goes UP to the level above (all of it), and to any office that now owns the
//             record (the county it belongs to: corrections flow back down; the county a child was transferred to)
//   upward    reports to the level above (task reports), nowhere else
//   downward  what the level above decides: composition, meetings, minutes, tasks, bulletins; goes DOWN only
//
// A full copy (asked for explicitly) carries everything except `local`.
import { LOCAL_ONLY_ENTITIES } from './local-entities';

export type RouteClass = 'local' | 'ledger' | 'upward' | 'downward';

const travelling = {
  child: 'ledger',
  visit: 'ledger',
  assistance: 'ledger',
  assessment: 'ledger',
  report: 'ledger', // mandatory reports (强制报告)
  reportFollowUp: 'ledger',
  codeItem: 'ledger', // code-list items an office added; its ledger records use them
  taskReport: 'upward',
  taskAttachment: 'upward', // a scanned reply letter and the like, kept with its SHA-256 (issue 14)
  taskExtensionRequest: 'upward', // a unit's request for more time; the office's answer travels with it
  body: 'downward', // the joint meeting itself
  unit: 'downward',
  post: 'downward',
  liaison: 'downward',
  task: 'downward',
  taskUrge: 'downward', // 催办通知 the office issued for a task
  meeting: 'downward',
  topic: 'downward',
  attendance: 'downward',
  decision: 'downward',
  minutes: 'downward',
  bulletin: 'downward',
  issuedDocument: 'downward', // issued minutes, bulletins and sign-in sheets as printed: travel with them
} as const satisfies Record<string, Exclude<RouteClass, 'local'>>;

export const ROUTING_TABLE: Readonly<Record<string, RouteClass>> = {
  ...travelling,
  ...Object.fromEntries([...LOCAL_ONLY_ENTITIES].map((e) => [e, 'local' as const])),
};

/** The class of an entity type; undefined for a type nobody has classified (never sent, except in a full copy). */
export const routeClassOf = (entity: string): RouteClass | undefined =>
  Object.hasOwn(ROUTING_TABLE, entity) ? ROUTING_TABLE[entity] : undefined;
