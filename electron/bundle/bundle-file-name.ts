// A file name that tells a person what is on the USB stick without opening it: who to whom, when (Beijing time, the
// offices' own clock, whatever the machine's zone), and which of the sender's records it carries.
import type { BundleManifest } from './bundle-manifest';

export const BUNDLE_FILE_EXTENSION = '.guanai';
export const MAX_FILE_NAME_CHARS = 150;
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

// Characters Windows refuses in names, plus controls; the arrow and Chinese text are fine everywhere.
const clean = (s: string) =>
  s
    .replace(/[<>:"/\\|?*\p{Cc}]/gu, '_')
    .replace(/\s+/gu, ' ')
    .trim();

const clip = (s: string, max: number) => {
  const chars = Array.from(s);
  return chars.length <= max ? s : chars.slice(0, Math.max(1, max - 1)).join('') + '…';
};

function contentPart(m: Pick<BundleManifest, 'sender' | 'ranges' | 'counts'>): string {
  const own = m.ranges[m.sender.code];
  const origins = Object.keys(m.ranges).length;
  if (own && origins === 1) return own.from === own.to ? `第${own.from}号` : `第${own.from}-${own.to}号`;
  if (own) return `第${own.from}-${own.to}号等共${m.counts.operations}条`;
  return m.counts.operations > 0 ? `共${m.counts.operations}条` : '无新记录';
}

export function bundleFileName(
  m: Pick<BundleManifest, 'sender' | 'recipient' | 'createdAt' | 'ranges' | 'counts'>,
): string {
  const beijing = new Date(Date.parse(m.createdAt) + BEIJING_OFFSET_MS).toISOString();
  const when = `${beijing.slice(0, 10)}_${beijing.slice(11, 13)}${beijing.slice(14, 16)}`;
  const tail = `_${when}_${clean(contentPart(m))}${BUNDLE_FILE_EXTENSION}`;
  const head = '关爱数据包_';
  const budget = MAX_FILE_NAME_CHARS - Array.from(head + '→' + tail).length;
  const per = Math.floor(budget / 2);
  const from = clean(m.sender.name) || m.sender.code;
  const to = clean(m.recipient.name) || m.recipient.code;
  // Let a short name lend its unused share to a long one before either is cut.
  const fromLen = Array.from(from).length;
  const toLen = Array.from(to).length;
  const fromMax = toLen < per ? budget - toLen : fromLen < per ? fromLen : per;
  const toMax = budget - Math.min(fromLen, fromMax);
  return `${head}${clip(from, fromMax)}→${clip(to, toMax)}${tail}`;
}
