// Import, never partial. Everything is checked before anything is written, in a fixed order: size, container,
// sender trusted and not revoked, signature, recipient, decryption (bundle-file.ts), then here: schema version,
// payload shape, ranges and counts as the manifest says, no local-only records, prerequisites. The dry run folds into
// copies; applying is one all-or-nothing batch. A bundle whose operations are all held already changes nothing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openBundle, type BundleManifest } from '../bundle/bundle-file';
import { formatBytes } from '../bundle/bundle-container';
import { AppError } from '../contract/errors';
import type { BundleCheck, BundleSource, ImportResult, Vector } from '../contract/schemas/exchange';
import { MAX_BUNDLE_FILE_BYTES } from '../contract/schemas/exchange';
import type { OfficeIdentity } from '../identity/identity';
import { SCHEMA_VERSION } from '../store/migrations';
import type { Operation } from '../store/operation';
import { isOperationPayload } from './operation-check';
import type { Change, Store } from '../store/store';
import { dryRun } from './dry-run';
import { logChange } from './exchange-log';
import { PAYLOAD_FORMAT, WITHHELD_USER } from './export';
import { isLocalOnly, PEER_ENTITY, WITHHELD_ENTITY } from './local-entities';
import { isRevoked, maxVector, readPeer } from './peers';
import { acceptTransferChanges } from './transfer';
import { assertFromUnit, UNIT_DOWN_ENTITIES } from './unit-share';

export interface BundleBytes {
  bytes: Buffer;
  fileName?: string;
}

const tooLarge = (n: number) =>
  new AppError(
    'BUNDLE_TOO_LARGE',
    `所选文件大小为 ${formatBytes(n)}，超过数据包允许的上限 ${formatBytes(MAX_BUNDLE_FILE_BYTES)}，不能导入。请确认选对了文件。`,
  );

/** Reads a bundle from a path or base64, refusing an oversize file before reading it. */
export function readBundleSource(src: BundleSource, maxBytes = MAX_BUNDLE_FILE_BYTES): BundleBytes {
  if (src.path !== undefined) {
    let size: number;
    try {
      const st = fs.statSync(src.path);
      if (!st.isFile()) throw new Error('not a file');
      size = st.size;
    } catch {
      throw new AppError('NOT_FOUND', '找不到所选的数据包文件，或无法读取。请确认 U 盘已插好。');
    }
    if (size > maxBytes) throw tooLarge(size);
    return { bytes: fs.readFileSync(src.path), fileName: path.basename(src.path) };
  }
  const bytes = Buffer.from(src.data ?? '', 'base64');
  if (bytes.length > maxBytes) throw tooLarge(bytes.length);
  return src.fileName !== undefined ? { bytes, fileName: src.fileName } : { bytes };
}


const invalid = (detail: string) =>
  new AppError('BUNDLE_PAYLOAD_INVALID', `数据包内容不符合规范（${detail}），不能导入。请对方重新导出。`);

export interface InspectedBundle {
  manifest: BundleManifest;
  ops: Operation[];
  /** The operations not held yet, in the sender's journal order. */
  toApply: Operation[];
  fileName?: string;
}

export function inspectBundle(store: Store, identity: OfficeIdentity, src: BundleBytes): InspectedBundle {
  const { manifest, payload } = openBundle(src.bytes, {
    self: identity,
    // A revoked peer's card is still returned, so the refusal names the revocation rather than an unknown sender.
    trusted: (code) => readPeer(store, code),
    revoked: (code, fp) => isRevoked(store, code, fp) || readPeer(store, code)?.status === 'revoked',
    maxBytes: MAX_BUNDLE_FILE_BYTES,
  });
  const sender = `「${manifest.sender.name}」（代码 ${manifest.sender.code}）`;
  if (manifest.schemaVersion > SCHEMA_VERSION) {
    throw new AppError(
      'BUNDLE_SCHEMA_TOO_NEW',
      `此数据包由较新版本的程序导出（数据版本 ${manifest.schemaVersion}，本程序支持到 ${SCHEMA_VERSION}），不能导入。请先升级本程序。`,
    );
  }
  if (!isOperationPayload(payload, PAYLOAD_FORMAT)) throw invalid('记录格式不正确');
  const ops = payload.ops;

  if (ops.length !== manifest.counts.operations) throw invalid('记录数与清单不符');
  const byEntity: Record<string, number> = {};
  const next: Vector = {};
  for (const op of ops) {
    if (op.sv > SCHEMA_VERSION) {
      throw new AppError('BUNDLE_SCHEMA_TOO_NEW', `此数据包中有较新版本程序写入的记录（数据版本 ${op.sv}），不能导入。请先升级本程序。`);
    }
    const range = manifest.ranges[op.office];
    if (!range) throw invalid('含有清单范围之外的记录');
    const expected = next[op.office] ?? range.from;
    if (op.seq !== expected) throw invalid('记录序号不连续');
    next[op.office] = expected + 1;
    if (op.entity === WITHHELD_ENTITY) {
      if (op.id !== op.office || Object.keys(op.set).length || op.user !== WITHHELD_USER || op.base || op.res) {
        throw invalid('占位记录不正确');
      }
    } else if (isLocalOnly(op.entity)) {
      // Trust, revocations and settings are each office's own: a bundle must never change them.
      throw invalid('含有只能由本单位自己维护的记录');
    }
    byEntity[op.entity] = (byEntity[op.entity] ?? 0) + 1;
  }
  for (const [origin, range] of Object.entries(manifest.ranges)) {
    if ((next[origin] ?? range.from) !== range.to + 1) throw invalid('记录范围与清单不符');
  }
  const declared = manifest.counts.byEntity;
  if (
    Object.keys(declared).length !== Object.keys(byEntity).length ||
    Object.entries(byEntity).some(([e, n]) => declared[e] !== n)
  ) {
    throw invalid('分类记录数与清单不符');
  }

  // A member unit's office (issue 14): what a unit may send up, and what a unit may hold at all.
  if (readPeer(store, manifest.sender.code)?.level === 'unit') assertFromUnit(store, manifest.sender, ops);
  if (identity.public.level === 'unit') {
    const foreign = ops.find((op) => op.entity !== WITHHELD_ENTITY && !UNIT_DOWN_ENTITIES.has(op.entity));
    if (foreign) {
      throw new AppError(
        'BUNDLE_REFUSED',
        `此数据包含有成员单位不应保存的记录（${foreign.entity}），不能导入。成员单位不保存儿童信息台账；请联席会议办公室重新导出。`,
      );
    }
  }
  const held = store.versionVector();
  const self = identity.public.code;
  const own = manifest.ranges[self];
  if (own && own.to > (held[self] ?? 0)) throw invalid('含有本单位从未写入的记录');
  const missing = Object.entries(manifest.ranges)
    .filter(([origin, r]) => (held[origin] ?? 0) < r.from - 1)
    .map(([origin, r]) => ({ origin, from: (held[origin] ?? 0) + 1, to: r.from - 1 }));
  if (missing.length) {
    const what = missing.map((m) => `单位 ${m.origin} 的第 ${m.from}–${m.to} 号记录`).join('、');
    throw new AppError(
      'BUNDLE_MISSING_PREREQUISITE',
      `此数据包以本单位已有${what}为前提，但本单位尚未收到这些记录，现在导入会留下缺口，因此不能导入。` +
        `请先导入${sender}此前发来的数据包，或请其重新导出（对方将补上缺少的记录）。`,
    );
  }
  const toApply = ops.filter((op) => op.seq > (held[op.office] ?? 0));
  const out: InspectedBundle = { manifest, ops, toApply };
  if (src.fileName !== undefined) out.fileName = src.fileName;
  return out;
}

export function bundleCheck(b: InspectedBundle): BundleCheck {
  const m = b.manifest;
  const check: BundleCheck = {
    bundleId: m.bundleId,
    sender: m.sender,
    recipient: m.recipient,
    createdAt: m.createdAt,
    schemaVersion: m.schemaVersion,
    // Place-holders for withheld records are bookkeeping, not records a person would count.
    operations: m.counts.operations - (m.counts.byEntity[WITHHELD_ENTITY] ?? 0),
    byEntity: Object.fromEntries(Object.entries(m.counts.byEntity).filter(([e]) => e !== WITHHELD_ENTITY)),
    alreadyApplied: b.toApply.length === 0,
  };
  if (b.fileName !== undefined) check.fileName = b.fileName;
  if (m.damaged) check.damaged = m.damaged;
  return check;
}

export function applyBundle(store: Store, self: string, b: InspectedBundle, user: string, now: Date): ImportResult {
  const summary = dryRun(store, b.toApply);
  const m = b.manifest;
  const peer = readPeer(store, m.sender.code)!;
  const acked = maxVector(peer.acked ?? {}, m.acks);
  const acksAdvance = Object.entries(acked).some(([o, n]) => (peer.acked?.[o] ?? 0) !== n);
  const result: ImportResult = {
    ...summary,
    applied: false,
    bundleId: m.bundleId,
    sender: { code: m.sender.code, name: m.sender.name },
    transfersAccepted: 0,
  };
  if (b.toApply.length === 0 && !acksAdvance) return result;

  if (b.toApply.length) store.commitForeign(b.toApply);
  const accepts: Change[] = acceptTransferChanges(
    store,
    self,
    b.toApply.filter((op) => op.entity === 'child').map((op) => op.id),
  );
  const at = now.toISOString();
  const local: Change[] = [
    {
      entity: PEER_ENTITY,
      id: peer.code,
      set: { acked, bundlesReceived: (peer.bundlesReceived ?? 0) + 1, lastReceivedAt: at },
    },
  ];
  if (b.toApply.length) {
    local.push(
      logChange(crypto.randomUUID(), {
        direction: 'import',
        peerCode: m.sender.code,
        peerName: m.sender.name,
        at,
        fileName: b.fileName ?? '',
        bundleId: m.bundleId,
        operations: b.toApply.length,
        summary: { new: summary.new, updated: summary.updated, unchanged: summary.unchanged, conflicts: summary.conflicts },
        by: user,
      }),
    );
  }
  store.commit([...accepts, ...local], user);
  return { ...result, applied: b.toApply.length > 0, transfersAccepted: accepts.length };
}
