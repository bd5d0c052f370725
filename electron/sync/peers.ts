// Trusted office cards, revocations and the per-peer exchange counters, kept as local-only records (never sent).
import { AppError } from '../contract/errors';
import type { CardPreview, PeerView, Vector } from '../contract/schemas/exchange';
import type { OfficeLevel } from '../contract/schemas/office';
import type { OfficePublic } from '../identity/identity';
import type { OfficeCard, PeerCard } from '../bundle/office-card';
import { parseCard } from '../bundle/office-card';
import type { JsonValue } from '../store/operation';
import type { Store } from '../store/store';
import { PEER_ENTITY, REVOCATION_ENTITY } from './local-entities';

export interface PeerRecord extends PeerCard {
  level: OfficeLevel;
  cardCreatedAt: string;
  status: 'trusted' | 'revoked';
  trustedAt: string;
  revokedAt?: string;
  /** Per origin, the highest sequence the peer says it holds (from its bundles' acks). */
  acked: Vector;
  /** Per origin, the highest sequence this office has put in a bundle to the peer. */
  sent: Vector;
  bundlesSent: number;
  bundlesReceived: number;
  lastSentAt?: string;
  lastReceivedAt?: string;
}

const revocationId = (code: string, fingerprint: string) => `${code}:${fingerprint}`;

export function readPeer(store: Store, code: string): PeerRecord | undefined {
  const rec = store.get(PEER_ENTITY, code);
  return rec ? (rec.v as unknown as PeerRecord) : undefined;
}

export function allPeers(store: Store): PeerRecord[] {
  return Object.values(store.table(PEER_ENTITY))
    .map((r) => r.v as unknown as PeerRecord)
    .sort((a, b) => (a.code < b.code ? -1 : 1));
}

export const isRevoked = (store: Store, code: string, fingerprint: string) =>
  Boolean(store.get(REVOCATION_ENTITY, revocationId(code, fingerprint)));

/** The card to verify a sender's bundles with: only a peer trusted now. */
export function trustedCard(store: Store, code: string): PeerCard | undefined {
  const p = readPeer(store, code);
  return p && p.status === 'trusted' ? p : undefined;
}

export function previewCard(store: Store, self: OfficePublic, text: string): { card: OfficeCard; preview: CardPreview } {
  const card = parseCard(text);
  const current = readPeer(store, card.code);
  const preview: CardPreview = {
    code: card.code,
    name: card.name,
    level: card.level,
    fingerprint: card.fingerprint,
    createdAt: card.createdAt,
    alreadyTrusted: current?.status === 'trusted' && current.fingerprint === card.fingerprint,
    revoked: isRevoked(store, card.code, card.fingerprint),
    self: card.code === self.code,
  };
  if (current?.status === 'trusted' && current.fingerprint !== card.fingerprint) preview.replaces = current.fingerprint;
  return { card, preview };
}

/** Trusts a card the person has compared: `confirmed` must be the fingerprint they saw and read aloud. */
export function trustCard(store: Store, self: OfficePublic, user: string, now: Date, text: string, confirmed: string): PeerRecord {
  const { card, preview } = previewCard(store, self, text);
  if (preview.self) throw new AppError('REFUSED', '这是本单位自己的名片，无需信任。');
  if (confirmed.replace(/[\s-]/g, '').toUpperCase() !== card.fingerprint.replace(/-/g, '')) {
    throw new AppError('REFUSED', '确认的指纹与名片上的指纹不一致，未信任该单位。请重新核对。', {
      fingerprint: '指纹不一致',
    });
  }
  if (preview.revoked) {
    throw new AppError(
      'REFUSED',
      `「${card.name}」（代码 ${card.code}）指纹为 ${card.fingerprint} 的密钥已被本单位注销，不能再次信任。请向对方索取新的名片。`,
    );
  }
  const current = readPeer(store, card.code);
  if (preview.alreadyTrusted && current) return current;
  const set: Record<string, JsonValue> = {
    code: card.code,
    name: card.name,
    level: card.level,
    fingerprint: card.fingerprint,
    signingKey: card.signingKey,
    encryptionKey: card.encryptionKey,
    cardCreatedAt: card.createdAt,
    status: 'trusted',
    trustedAt: now.toISOString(),
    revokedAt: null,
  };
  if (!current) Object.assign(set, { acked: {}, sent: {}, bundlesSent: 0, bundlesReceived: 0 });
  store.commit([{ entity: PEER_ENTITY, id: card.code, set }], user);
  return readPeer(store, card.code)!;
}

export function revokePeer(store: Store, user: string, now: Date, code: string): PeerRecord {
  const p = readPeer(store, code);
  if (!p) throw new AppError('NOT_FOUND', `本单位没有信任过代码为 ${code} 的单位。`);
  if (p.status === 'revoked') return p;
  store.commit(
    [
      { entity: PEER_ENTITY, id: code, set: { status: 'revoked', revokedAt: now.toISOString() } },
      {
        entity: REVOCATION_ENTITY,
        id: revocationId(code, p.fingerprint),
        set: { code, fingerprint: p.fingerprint, revokedAt: now.toISOString() },
      },
    ],
    user,
  );
  return readPeer(store, code)!;
}

export const maxVector = (a: Vector, b: Vector): Vector => {
  const out = { ...a };
  for (const [k, n] of Object.entries(b)) if (n > (out[k] ?? 0)) out[k] = n;
  return out;
};

export function peerView(p: PeerRecord, self: string, held: Vector): PeerView {
  const ownSent = p.sent?.[self] ?? 0;
  const ownAcked = p.acked?.[self] ?? 0;
  const view: PeerView = {
    code: p.code,
    name: p.name,
    level: p.level,
    fingerprint: p.fingerprint,
    status: p.status,
    trustedAt: p.trustedAt,
    sent: { bundles: p.bundlesSent ?? 0, ownUpTo: ownSent },
    received: { bundles: p.bundlesReceived ?? 0, theirsUpTo: held[p.code] ?? 0 },
    acknowledged: {
      ownUpTo: ownAcked,
      allSentAcknowledged: Object.entries(p.sent ?? {}).every(([o, n]) => (p.acked?.[o] ?? 0) >= n),
    },
  };
  if (p.revokedAt) view.revokedAt = p.revokedAt;
  if (p.lastSentAt) view.sent.lastAt = p.lastSentAt;
  if (p.lastReceivedAt) view.received.lastAt = p.lastReceivedAt;
  return view;
}
