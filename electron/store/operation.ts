// The operation: the one unit of change. Every edit anywhere in the app becomes one of these, recorded once.
import crypto from 'node:crypto';
import { z } from 'zod';
import { HLC_SOURCE, OFFICE_CODE_RE } from './hlc';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };

export interface Operation {
  /** Office that made the change (6-digit code, or CODE-UNITID for a member unit's office). */
  office: string;
  /** Per-office gap-free sequence number, from 1. */
  seq: number;
  /** Hybrid logical clock timestamp. */
  hlc: string;
  /** Acting user id (a placeholder until accounts exist). */
  user: string;
  /** Entity type, e.g. 'child', 'visit', 'unit'. */
  entity: string;
  /** Entity id. */
  id: string;
  /** Field values set by this operation. */
  set: Record<string, JsonValue>;
  /** Schema version the operation was written under. */
  sv: number;
  /** Batch marker [batchId, index, total] when several operations were committed together (all or nothing). */
  batch?: [string, number, number];
  /**
   * For each field set, the stamp of the value the writer saw and replaced. An operation whose base is not the
   * value a receiving office holds was made concurrently: both values are kept and the record shows a conflict.
   */
  base?: Record<string, string>;
  /** Conflict resolution: for each field, the stamps of the losing values a person has looked at and settled. */
  res?: Record<string, string[]>;
}

const HLC_RE = new RegExp(`^${HLC_SOURCE}$`);

export const operationSchema = z
  .object({
    office: z.string().regex(OFFICE_CODE_RE),
    seq: z.number().int().positive(),
    hlc: z.string().regex(HLC_RE),
    user: z.string().min(1).max(64),
    entity: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_.-]{0,40}$/),
    id: z.string().min(1).max(80),
    set: z.record(z.string(), z.json()),
    sv: z.number().int().positive(),
    batch: z.tuple([z.string(), z.number().int().nonnegative(), z.number().int().positive()]).optional(),
    base: z.record(z.string(), z.string().regex(HLC_RE)).optional(),
    res: z.record(z.string(), z.array(z.string().regex(HLC_RE))).optional(),
  })
  .strict();

export function lineHash(json: string): string {
  return crypto.createHash('sha256').update(json).digest('hex').slice(0, 16);
}

/**
 * One journal line: the operation's JSON, a tab, the journal offset of the previous operation on the same record
 * (-1 for the first; this office's own chain, so a record's history is read without an index), a tab, and a short
 * hash of both. JSON never holds a raw tab.
 */
export function encodeLine(op: Operation, prev: number): string {
  const body = `${JSON.stringify(op)}\t${prev}`;
  return `${body}\t${lineHash(body)}\n`;
}

export type DecodedLine = { ok: true; op: Operation; prev: number } | { ok: false; reason: string };

export function decodeLine(line: string): DecodedLine {
  const tab = line.lastIndexOf('\t');
  if (tab < 0) return { ok: false, reason: 'no checksum' };
  const body = line.slice(0, tab);
  if (lineHash(body) !== line.slice(tab + 1)) return { ok: false, reason: 'checksum mismatch' };
  const mid = body.lastIndexOf('\t');
  if (mid < 0) return { ok: false, reason: 'no link' };
  try {
    return { ok: true, op: JSON.parse(body.slice(0, mid)) as Operation, prev: Number(body.slice(mid + 1)) };
  } catch {
    return { ok: false, reason: 'bad json' };
  }
}

export const entityKey = (entity: string, id: string) => `${entity}:${id}`;
