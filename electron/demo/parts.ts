import type { AppContext } from '../app/context';
// ── demo part imports ──

export interface DemoPart {
  name: string;
  seed(ctx: AppContext): Promise<void>;
}

/** Filled by each feature: children, composition, tasks, meetings. */
export const demoParts: DemoPart[] = [
  // ── demo parts, in order: composition, children, tasks, meetings ──
];
