import type { AppContext } from '../app/context';
// ── demo part imports ──
import { ledgerDemoPart } from './ledger-demo';
import { reportsDemoPart } from './reports-demo';
import { bulletinDemoPart, compositionDemoPart, tasksDemoPart } from './units-demo';
import { meetingsDemoPart } from './meetings-demo';

export interface DemoPart {
  name: string;
  seed(ctx: AppContext): Promise<void>;
}

/** Filled by each feature: children, composition, tasks, meetings. */
export const demoParts: DemoPart[] = [
  // ── demo parts, in order: composition, children, tasks, meetings, the bulletin ──
  compositionDemoPart,
  ledgerDemoPart,
  reportsDemoPart,
  tasksDemoPart,
  meetingsDemoPart,
  bulletinDemoPart,
];
