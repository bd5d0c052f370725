// Export to one recipient: the operations it should receive and has not acknowledged, in journal order.
//
// Each origin's operations must reach an office without gaps (the store refuses a hole in a sequence). So where
// routing keeps an operation from the recipient, the bundle carries a place-holder in its stead (entity
// `withheld`: the origin, sequence and stamp only, no content), and stops each origin's range at the last
// operation the recipient should really have, so trailing withheld ones are not sent at all. Known limit: an
// operation once withheld from an office is not delivered to it later (see the report of issue 6).
import crypto from 'node:crypto';
import { bundleFileName, encodeBundle } from '../bundle/bundle-file';
import type { BundleManifestInput } from '../bundle/bundle-file';
import type { Vector } from '../contract/schemas/exchange';
import type { OfficeIdentity } from '../identity/identity';
import { SCHEMA_VERSION } from '../store/migrations';
import type { Operation } from '../store/operation';
import type { Change, Store } from '../store/store';
import { logChange } from './exchange-log';
import { PEER_ENTITY, WITHHELD_ENTITY } from './local-entities';
import { maxVector, type PeerRecord } from './peers';
import { routeFilter } from './routing';
import { assertNoPersonalData, holdsPersonalData, isIssuedRecord, prepareForUnit } from './unit-share';
import type { JournalDamage } from '../store/journal-check';

export const PAYLOAD_FORMAT = 'guanai-operations';
export const WITHHELD_USER = 'system';

export interface BundlePayload {
  format: typeof PAYLOAD_FORMAT;
  ops: Operation[];
}

export const withheld = (op: Operation): Operation => ({
  office: op.office,
  seq: op.seq,
  hlc: op.hlc,
  user: WITHHELD_USER,
  entity: WITHHELD_ENTITY,
  id: op.office,
  set: {},
  sv: op.sv,
});

export interface BuiltBundle {
  bytes: Buffer;
  fileName: string;
  bundleId: string;
  operations: number;
  withheld: number;
  byEntity: Record<string, number>;
  /** Per origin, the last sequence carried. */
  upTo: Vector;
  damaged?: { lines: number; operations: number };
  /** To a unit office: issued documents kept back because they hold a child's personal data (entity:id). */
  keptBack: string[];
}

/** The operations one recipient gets, with the manifest's ranges: shared by bundles and a unit's setup file. */
export interface SelectedOperations {
  ops: Operation[];
  byEntity: Record<string, number>;
  ranges: BundleManifestInput['ranges'];
  presumes: Record<string, number>;
  lastWanted: Vector;
  withheld: number;
  lostSent: number;
  /** To a unit office: issued documents kept back because they hold a child's personal data (entity:id). */
  keptBack: string[];
}

export function selectOperations(
  store: Store,
  self: { code: string; level: PeerRecord['level'] },
  peer: Pick<PeerRecord, 'code' | 'name' | 'level' | 'acked'>,
  opts: { full: boolean; damaged?: JournalDamage | undefined },
): SelectedOperations {
  const held = store.versionVector();
  // What the recipient holds: what it acknowledged, and surely all of its own operations this office holds.
  const known: Vector = { ...(peer.acked ?? {}) };
  known[peer.code] = Math.max(known[peer.code] ?? 0, held[peer.code] ?? 0);
  const route = routeFilter(store, { self, peer, full: opts.full });

  // From a damaged journal (allowed by the person): the readable operations, and a place-holder for each lost one so
  // every origin's sequence still reaches the recipient without a gap.
  const lost = new Set<Operation>();
  const candidates = opts.damaged ? withPlaceholders(store.operationsSince(known, undefined, { skipDamaged: true }), known, lost) : store.operationsSince(known);
  const wanted = candidates.map((op) => !lost.has(op) && route(op));
  const lastWanted: Vector = {};
  candidates.forEach((op, i) => {
    if (wanted[i]) lastWanted[op.office] = op.seq;
  });

  const ops: Operation[] = [];
  const byEntity: Record<string, number> = {};
  let withheldCount = 0;
  let lostSent = 0;
  candidates.forEach((op, i) => {
    const last = lastWanted[op.office];
    if (last === undefined || op.seq > last) return;
    // A lost operation is already its own place-holder.
    const out = wanted[i] ? op : lost.has(op) ? op : withheld(op);
    if (lost.has(op)) lostSent++;
    if (!wanted[i] && !lost.has(op)) withheldCount++;
    ops.push(out);
    byEntity[out.entity] = (byEntity[out.entity] ?? 0) + 1;
  });

  const ranges: BundleManifestInput['ranges'] = {};
  const presumes: Record<string, number> = {};
  for (const [origin, to] of Object.entries(lastWanted)) {
    presumes[origin] = known[origin] ?? 0;
    ranges[origin] = { from: presumes[origin] + 1, to };
  }
  const keptBack: string[] = [];
  if (peer.level === 'unit') {
    // A unit office holds no child's personal data: links to children's records and replaced values that held it
    // stay home; an issued document that holds it is kept back whole (it can never be corrected); and a last check
    // of every value refuses the whole bundle (nothing written) should anything personal remain (unit-share.ts).
    const back = new Set<string>();
    for (const op of ops) {
      if (op.entity === WITHHELD_ENTITY || !isIssuedRecord(store, op.entity, op.id)) continue;
      if (holdsPersonalData(store, op)) back.add(`${op.entity}:${op.id}`);
    }
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i]!;
      if (back.has(`${op.entity}:${op.id}`)) {
        ops[i] = withheld(op);
        withheldCount++;
        byEntity[op.entity]! -= 1;
        if (byEntity[op.entity] === 0) delete byEntity[op.entity];
        byEntity[WITHHELD_ENTITY] = (byEntity[WITHHELD_ENTITY] ?? 0) + 1;
      } else ops[i] = prepareForUnit(store, op);
    }
    keptBack.push(...back);
    assertNoPersonalData(store, ops, peer.name);
  }
  return { ops, byEntity, ranges, presumes, lastWanted, withheld: withheldCount, lostSent, keptBack };
}

export function buildBundle(
  store: Store,
  identity: OfficeIdentity,
  peer: PeerRecord,
  opts: { full: boolean; now: Date; damaged?: JournalDamage },
): BuiltBundle {
  const self = identity.public;
  const held = store.versionVector();
  const { ops, byEntity, ranges, presumes, lastWanted, withheld: withheldCount, lostSent, keptBack } = selectOperations(store, self, peer, opts);
  const bundleId = crypto.randomUUID();
  const manifest: BundleManifestInput = {
    bundleId,
    schemaVersion: SCHEMA_VERSION,
    createdAt: opts.now.toISOString(),
    ranges,
    presumes,
    acks: held,
    counts: { operations: ops.length, byEntity },
    ...(opts.damaged ? { damaged: { lines: opts.damaged.lines.length, operations: lostSent } } : {}),
  };
  const payload: BundlePayload = { format: PAYLOAD_FORMAT, ops };
  const bytes = encodeBundle({ manifest, payload, sender: identity, recipient: peer });
  const fileName = bundleFileName({
    sender: { code: self.code, name: self.name, fingerprint: self.fingerprint },
    recipient: { code: peer.code, name: peer.name, fingerprint: peer.fingerprint },
    createdAt: manifest.createdAt,
    ranges,
    counts: manifest.counts,
  });
  return {
    bytes,
    fileName,
    bundleId,
    operations: ops.length,
    withheld: withheldCount,
    byEntity,
    upTo: lastWanted,
    keptBack,
    ...(manifest.damaged ? { damaged: manifest.damaged } : {}),
  };
}

/** Fills each origin's gaps (operations lost to journal damage) with place-holders, recorded in `lost`. */
function withPlaceholders(ops: Operation[], known: Vector, lost: Set<Operation>): Operation[] {
  const last: Record<string, number> = { ...known };
  const out: Operation[] = [];
  for (const op of ops) {
    for (let seq = (last[op.office] ?? 0) + 1; seq < op.seq; seq++) {
      const hole = withheld({ ...op, seq });
      lost.add(hole);
      out.push(hole);
    }
    last[op.office] = Math.max(last[op.office] ?? 0, op.seq);
    out.push(op);
  }
  return out;
}

/** After the file is written: the peer's counters and the log, one local batch. */
export function recordExport(
  store: Store,
  user: string,
  peer: PeerRecord,
  built: BuiltBundle,
  opts: { full: boolean; now: Date },
  /** Local changes recorded with it (what of a member unit's share has now gone to it). */
  extra: Change[] = [],
): void {
  const at = opts.now.toISOString();
  store.commit(
    [
      ...extra,
      {
        entity: PEER_ENTITY,
        id: peer.code,
        set: {
          sent: maxVector(peer.sent ?? {}, built.upTo),
          bundlesSent: (peer.bundlesSent ?? 0) + 1,
          lastSentAt: at,
        },
      },
      logChange(crypto.randomUUID(), {
        direction: 'export',
        peerCode: peer.code,
        peerName: peer.name,
        at,
        fileName: built.fileName,
        bundleId: built.bundleId,
        operations: built.operations,
        full: opts.full,
        by: user,
      }),
    ],
    user,
  );
}
