// Shared test fixtures for bundle tests: a few office identities made once, a fixed clock and helpers that take a
// bundle apart and put it back together (so tests can forge what an attacker or a buggy sender could produce).
import crypto from 'node:crypto';
import { AppError } from '../../../electron/contract/errors';
import { generateIdentity } from '../../../electron/identity/identity';
import type { OfficeIdentity } from '../../../electron/identity/identity';
import { appendSignature, packSigned, unpackContainer } from '../../../electron/bundle/bundle-container';
import { signatureMessage } from '../../../electron/bundle/bundle-file';
import type { BundleManifestInput, OpenBundleArgs } from '../../../electron/bundle/bundle-file';
import { makeCard } from '../../../electron/bundle/office-card';
import type { PeerCard } from '../../../electron/bundle/office-card';

export const NOW = new Date('2026-11-28T07:30:00.000Z');

export const city = generateIdentity({ code: '445200', name: '揭阳市民政局', level: 'city' }, NOW);
export const county = generateIdentity({ code: '445202', name: '榕城区民政局', level: 'county' }, NOW);
export const otherCounty = generateIdentity({ code: '445203', name: '揭东区民政局', level: 'county' }, NOW);
/** Someone who made an identity claiming to be the city office. */
export const impostor = generateIdentity({ code: '445200', name: '揭阳市民政局', level: 'city' }, NOW);

export const cardOf = (id: OfficeIdentity): PeerCard => makeCard(id.public);

export function manifestInput(overrides: Partial<BundleManifestInput> = {}): BundleManifestInput {
  return {
    schemaVersion: 3,
    createdAt: NOW.toISOString(),
    ranges: { '445200': { from: 12, to: 14 } },
    presumes: { '445200': 11 },
    acks: { '445202': 40 },
    counts: { operations: 3, byEntity: { meeting: 1, task: 2 } },
    ...overrides,
  };
}

export const samplePayload = {
  operations: [
    { office: '445200', seq: 12, entity: 'meeting', id: 'm1', set: { title: '第一次联席会议' } },
    { office: '445200', seq: 13, entity: 'task', id: 't1', set: { title: '摸底排查', done: false } },
    { office: '445200', seq: 14, entity: 'task', id: 't2', set: { title: '建立台账 SECRET-MARKER' } },
  ],
};

/** Open as the county office, trusting the city (by its real card) unless told otherwise. */
export function openArgs(overrides: Partial<OpenBundleArgs> = {}): OpenBundleArgs {
  const trusted = new Map<string, PeerCard>([
    [city.public.code, cardOf(city)],
    [otherCounty.public.code, cardOf(otherCounty)],
  ]);
  return { self: county, trusted: (code) => trusted.get(code), ...overrides };
}

export function catchAppError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw new Error(`expected an AppError, got ${String(err)}`);
  }
  throw new Error('expected an AppError, but the call succeeded');
}

export interface Parts {
  manifest: Record<string, unknown>;
  manifestBytes: Buffer;
  header: Record<string, unknown>;
  headerBytes: Buffer;
  ciphertext: Buffer;
  signature: Buffer;
}

export function split(buf: Buffer): Parts {
  const { sections } = unpackContainer(buf);
  return {
    manifest: JSON.parse(sections.manifest.toString('utf8')) as Record<string, unknown>,
    manifestBytes: Buffer.from(sections.manifest),
    header: JSON.parse(sections.header.toString('utf8')) as Record<string, unknown>,
    headerBytes: Buffer.from(sections.header),
    ciphertext: Buffer.from(sections.ciphertext),
    signature: Buffer.from(sections.signature),
  };
}

/** Rebuilds a bundle from raw sections and signs it with the given identity's key. */
export function assemble(
  signer: OfficeIdentity,
  sections: { manifestBytes: Buffer; headerBytes: Buffer; ciphertext: Buffer },
): Buffer {
  const signed = packSigned(sections.manifestBytes, sections.headerBytes, sections.ciphertext);
  const key = crypto.createPrivateKey({
    key: Buffer.from(signer.private.signingKey, 'base64'),
    format: 'der',
    type: 'pkcs8',
  });
  return appendSignature(signed, crypto.sign(null, signatureMessage(signed), key));
}

/** Changes the clear manifest (as JSON) and re-signs the file with `signer`. */
export function resign(
  buf: Buffer,
  signer: OfficeIdentity,
  edit: (m: Record<string, unknown>) => void,
): Buffer {
  const parts = split(buf);
  edit(parts.manifest);
  return assemble(signer, {
    manifestBytes: Buffer.from(JSON.stringify(parts.manifest, null, 2) + '\n', 'utf8'),
    headerBytes: parts.headerBytes,
    ciphertext: parts.ciphertext,
  });
}
