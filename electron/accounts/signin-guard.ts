// Failed sign-ins, kept beside the keyring because they happen before the data can be opened: per login, how many
// failures in a row and when the last was (five in a row → a wait that doubles each time), and the attempts not
// yet written to the audit trail (moved there at the next successful sign-in, or at once when the store is open).
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileDurably } from '../store/durable-file';
import { personWrapId } from './keyring';

export const guardFile = (dataDir: string) => path.join(dataDir, 'keys', 'signin-guard.json');

export const FREE_FAILURES = 5;
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 60 * 60_000;

const pendingSchema = z.object({ at: z.string(), login: z.string(), action: z.string(), detail: z.string() });
export type PendingAttempt = z.infer<typeof pendingSchema>;
const guardSchema = z.object({
  failures: z.record(z.string(), z.object({ count: z.number().int().min(0), lastAt: z.number() })),
  pending: z.array(pendingSchema),
});
type Guard = z.infer<typeof guardSchema>;

function read(dataDir: string): Guard {
  try {
    const parsed = guardSchema.safeParse(JSON.parse(fs.readFileSync(guardFile(dataDir), 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    /* missing or damaged: start afresh (it only ever makes sign-in stricter) */
  }
  return { failures: {}, pending: [] };
}

function write(dataDir: string, g: Guard): void {
  fs.mkdirSync(path.dirname(guardFile(dataDir)), { recursive: true, mode: 0o700 });
  writeFileDurably(guardFile(dataDir), JSON.stringify(g) + '\n', 0o600);
}

/** How long this login must still wait before another attempt (0: may try now). */
export function waitFor(dataDir: string, office: string, login: string, now: number): number {
  const f = read(dataDir).failures[personWrapId(office, login)];
  if (!f || f.count < FREE_FAILURES) return 0;
  const wait = Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (f.count - FREE_FAILURES));
  return Math.max(0, f.lastAt + wait - now);
}

export function recordFailure(dataDir: string, office: string, login: string, now: number, pending?: PendingAttempt): number {
  const g = read(dataDir);
  const id = personWrapId(office, login);
  const count = (g.failures[id]?.count ?? 0) + 1;
  g.failures[id] = { count, lastAt: now };
  if (pending) g.pending.push(pending);
  write(dataDir, g);
  return count;
}

export function recordPending(dataDir: string, attempt: PendingAttempt): void {
  const g = read(dataDir);
  g.pending.push(attempt);
  write(dataDir, g);
}

export function clearFailures(dataDir: string, office: string, login: string): void {
  const g = read(dataDir);
  const id = personWrapId(office, login);
  if (!(id in g.failures)) return;
  delete g.failures[id];
  write(dataDir, g);
}

/** The attempts waiting to go into the audit trail; `clearPending` once they are there. */
export function pendingAttempts(dataDir: string): PendingAttempt[] {
  return read(dataDir).pending;
}
export function clearPending(dataDir: string, count: number): void {
  const g = read(dataDir);
  g.pending = g.pending.slice(count);
  write(dataDir, g);
}

/** 「请 N 分钟后再试」 in words a clerk reads. */
export function waitText(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return s < 60 ? `${s} 秒` : `${Math.ceil(s / 60)} 分钟`;
}
