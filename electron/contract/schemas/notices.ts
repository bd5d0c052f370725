// Notices about the data (issue 11) as they cross to the renderer and `guanai info --json`. Pure types and zod.
import { z } from 'zod';

export interface DataNotice {
  id: string;
  code: string;
  message: string;
  /** When it was first raised (ISO time). */
  since: string;
  /** Damage: the newest automatic backup (in DATA/backups) made before it, offered for a restore. */
  backup?: string;
}

export const noticeAckSchema = z.strictObject({ id: z.string().min(1).max(80) });
