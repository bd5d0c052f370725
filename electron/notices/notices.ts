// Notices about the data that every program opening the folder must show (issue 11): a recovered or rebuilt file,
// damage that could not be recovered, a restore, a migration. They are kept in DATA/notices.json, not in memory, so
// the CLI run that happened to open the folder first no longer hides them from the clerk; each stays until an
// administrator acknowledges it. The file holds no personal data (codes, counts, line numbers, record ids only) and
// stays readable without the data key, so a folder whose store cannot be opened still tells what is wrong.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileDurably } from '../store/durable-file';

export const noticesFile = (dataDir: string) => path.join(dataDir, 'notices.json');

const noticeSchema = z.object({
  id: z.string(),
  /** Same key, same notice: damage found again (each export, each check) is not listed twice. */
  key: z.string(),
  code: z.string(),
  message: z.string(),
  since: z.string(),
  /** Damage that is still there (a bad journal line) as opposed to an event that is over (a rebuilt table). */
  standing: z.boolean().optional(),
  acknowledged: z.object({ by: z.string(), at: z.string() }).optional(),
});
export type StoredNotice = z.infer<typeof noticeSchema>;

const fileSchema = z.object({ format: z.literal('guanai-notices'), notices: z.array(noticeSchema) });

export interface NoticeInput {
  key: string;
  code: string;
  message: string;
  standing?: boolean;
}

/** Every notice ever raised in this folder. A damaged notices file is itself a notice, never a silent reset. */
export function readNotices(dataDir: string): StoredNotice[] {
  const file = noticesFile(dataDir);
  if (!fs.existsSync(file)) return [];
  try {
    return fileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8'))).notices;
  } catch {
    return [
      {
        id: 'notices-file-damaged',
        key: 'notices-file-damaged',
        code: 'NOTICES_DAMAGED',
        message: '数据提示记录文件（notices.json）已损坏，此前的提示可能未能显示。请运行“guanai doctor”全面检查数据。',
        since: new Date(fs.statSync(file).mtimeMs).toISOString(),
      },
    ];
  }
}

function writeNotices(dataDir: string, notices: StoredNotice[]): void {
  writeFileDurably(noticesFile(dataDir), JSON.stringify({ format: 'guanai-notices', notices }, null, 2) + '\n', 0o600);
}

/** Records a notice unless one with the same key is already there (acknowledged or not). Returns it. */
export function raiseNotice(dataDir: string, input: NoticeInput, now: Date): StoredNotice {
  const all = readNotices(dataDir).filter((n) => n.code !== 'NOTICES_DAMAGED');
  const existing = all.find((n) => n.key === input.key);
  if (existing) return existing;
  const notice: StoredNotice = {
    id: crypto.randomUUID(),
    key: input.key,
    code: input.code,
    message: input.message,
    since: now.toISOString(),
    ...(input.standing ? { standing: true } : {}),
  };
  writeNotices(dataDir, [...all, notice]);
  return notice;
}

/** The notices not yet acknowledged, oldest first: what every page and `guanai info` show. */
export const openNotices = (dataDir: string): StoredNotice[] => readNotices(dataDir).filter((n) => !n.acknowledged);

/** Standing damage of one kind (acknowledged or not): e.g. the journal damage that stops bundle export. */
export const standingDamage = (dataDir: string, code: string): StoredNotice[] =>
  readNotices(dataDir).filter((n) => n.standing && n.code === code);

/** An administrator has read it: it leaves every page. Returns the notice, or null for an unknown id. */
export function acknowledgeNotice(dataDir: string, id: string, by: string, now: Date): StoredNotice | null {
  const all = readNotices(dataDir);
  const target = all.find((n) => n.id === id);
  if (!target || target.code === 'NOTICES_DAMAGED') {
    if (target) writeNotices(dataDir, []);
    return target ?? null;
  }
  if (!target.acknowledged) {
    target.acknowledged = { by, at: now.toISOString() };
    writeNotices(dataDir, all);
  }
  return target;
}
