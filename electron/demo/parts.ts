import type { AppContext } from '../app/context';

export interface DemoPart {
  name: string;
  seed(ctx: AppContext): Promise<void>;
}

/** Filled by each feature: children, composition, tasks, meetings. */
export const demoParts: DemoPart[] = [];
