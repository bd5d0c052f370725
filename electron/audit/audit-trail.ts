// The audit trail: sign-ins and failures, unmasked views, exports, prints, imports, bundle exchange, user and
// settings changes. Each entry is an ordinary operation (so it is durable, attributed and in the journal), and the
// entries form a chain: entry n carries HMAC(audit key, mac of n-1 ‖ entry n), and a head record holds the last
// n and mac. Deleting, editing or reordering any entry breaks the chain, which `doctor` and `audit verify` check.
import crypto from 'node:crypto';
import type { AuditAction } from '../contract/schemas/accounts';
import type { JsonValue } from '../store/operation';
import type { Change, Store } from '../store/store';

export const AUDIT_ENTITY = 'audit';
export const AUDIT_HEAD_ENTITY = 'auditHead';
export const AUDIT_HEAD_ID = 'head';

export interface AuditInput {
  action: AuditAction;
  /** What was acted on, in words; never personal data (no names, ID numbers or phones of children). */
  target: string;
  detail?: string;
}

export interface AuditEntry {
  n: number;
  at: string;
  user: string;
  action: string;
  target: string;
  detail: string;
  mac: string;
}

const GENESIS = '';

export function entryMac(key: Buffer, prevMac: string, e: Omit<AuditEntry, 'mac'>): string {
  return crypto
    .createHmac('sha256', key)
    .update(prevMac)
    .update('\n')
    .update(JSON.stringify([e.n, e.at, e.user, e.action, e.target, e.detail]))
    .digest('base64url');
}

function head(store: Store): { n: number; mac: string } {
  const v = store.get(AUDIT_HEAD_ENTITY, AUDIT_HEAD_ID)?.v;
  return { n: typeof v?.n === 'number' ? v.n : 0, mac: typeof v?.mac === 'string' ? v.mac : GENESIS };
}

/** The changes that append one entry to the chain: commit them alone, or in the same batch as what they record. */
export function auditChanges(store: Store, key: Buffer, input: AuditInput, at: string, user: string): Change[] {
  const h = head(store);
  const body = { n: h.n + 1, at, user, action: input.action, target: input.target, detail: input.detail ?? '' };
  const mac = entryMac(key, h.mac, body);
  const set: Record<string, JsonValue> = { ...body, mac };
  return [
    { entity: AUDIT_ENTITY, id: `a${String(body.n).padStart(9, '0')}`, set },
    { entity: AUDIT_HEAD_ENTITY, id: AUDIT_HEAD_ID, set: { n: body.n, mac } },
  ];
}

/** Chained entries in order, and the legacy entries (from before the chain: no `n`) apart. */
export function chainedEntries(store: Store): { chained: AuditEntry[]; legacy: Record<string, JsonValue>[] } {
  const chained: AuditEntry[] = [];
  const legacy: Record<string, JsonValue>[] = [];
  for (const rec of Object.values(store.table(AUDIT_ENTITY))) {
    const v = rec.v as Record<string, JsonValue>;
    if (typeof v.n === 'number' && typeof v.mac === 'string') chained.push(v as unknown as AuditEntry);
    // Before accounts every change was by the placeholder person.
    else legacy.push({ ...v, user: 'local-user' });
  }
  chained.sort((a, b) => a.n - b.n);
  return { chained, legacy };
}

/**
 * Checks the chain: numbers 1…N without gaps or repeats, every mac recomputed from its predecessor, and the head
 * pointing at the last. Returns the first entry that breaks it.
 */
export function verifyChain(
  entries: readonly AuditEntry[],
  key: Buffer,
  headRec: { n: number; mac: string },
): { ok: true; count: number } | { ok: false; count: number; n: number; message: string } {
  let prev = GENESIS;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.n !== i + 1) {
      return { ok: false, count: entries.length, n: i + 1, message: `第 ${i + 1} 条审计记录缺失或顺序被改动` };
    }
    const mac = entryMac(key, prev, e);
    if (mac.length !== e.mac.length || !crypto.timingSafeEqual(Buffer.from(mac), Buffer.from(e.mac))) {
      return { ok: false, count: entries.length, n: e.n, message: `第 ${e.n} 条审计记录的校验码不符，内容或顺序被改动` };
    }
    prev = e.mac;
  }
  if (headRec.n !== entries.length || headRec.mac !== prev) {
    const n = Math.min(headRec.n, entries.length + 1);
    return { ok: false, count: entries.length, n, message: `审计记录应有 ${headRec.n} 条，现有 ${entries.length} 条：末尾的记录被删除或改动` };
  }
  return { ok: true, count: entries.length };
}

export function auditHead(store: Store): { n: number; mac: string } {
  return head(store);
}
