// The byte layout of a bundle file:
//
//   "GUANAI-BUNDLE 1\n"
//   u32be length, manifest (UTF-8 JSON, readable in any text editor)
//   u32be length, envelope header (UTF-8 JSON: ephemeral key, salt, iv, tag)
//   u32be length, ciphertext (AES-256-GCM of the gzipped payload)
//   u32be length, signature (64 bytes, Ed25519)
//
// and nothing after. The signature covers every byte before the signature's own length field. The parser checks
// the whole structure, lengths exact, before anything else looks at the contents.
import { bundleError, damaged } from './bundle-errors';

export const BUNDLE_MAGIC_PREFIX = 'GUANAI-BUNDLE ';
export const BUNDLE_CONTAINER_VERSION = 1;
export const BUNDLE_MAGIC = `${BUNDLE_MAGIC_PREFIX}${BUNDLE_CONTAINER_VERSION}\n`;
export const SIGNATURE_BYTES = 64;
export const DEFAULT_MAX_BUNDLE_BYTES = 512 * 1024 * 1024;
export const DEFAULT_MAX_META_BYTES = 1024 * 1024;

export interface BundleSections {
  manifest: Buffer;
  header: Buffer;
  ciphertext: Buffer;
  signature: Buffer;
}

export interface ContainerLimits {
  /** Largest whole file accepted. */
  maxBytes?: number;
  /** Largest manifest and largest envelope header accepted. */
  maxMetaBytes?: number;
}

function lengthPrefixed(bytes: Buffer): Buffer[] {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(bytes.length);
  return [len, bytes];
}

/** Everything the signature covers: the file up to the signature's length field. */
export function packSigned(manifest: Buffer, header: Buffer, ciphertext: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(BUNDLE_MAGIC, 'ascii'),
    ...lengthPrefixed(manifest),
    ...lengthPrefixed(header),
    ...lengthPrefixed(ciphertext),
  ]);
}

export function appendSignature(signed: Buffer, signature: Buffer): Buffer {
  return Buffer.concat([signed, ...lengthPrefixed(signature)]);
}

function checkMagic(buf: Buffer): void {
  const magic = Buffer.from(BUNDLE_MAGIC, 'ascii');
  if (buf.length >= magic.length && buf.subarray(0, magic.length).equals(magic)) return;
  if (buf.length < magic.length && magic.subarray(0, buf.length).equals(buf))
    throw damaged('文件过短，内容不完整');
  // A later version of the format: say so, rather than calling the file damaged.
  const head = buf.subarray(0, 32).toString('latin1');
  const other = new RegExp(`^${BUNDLE_MAGIC_PREFIX}([1-9][0-9]{0,5})\n`).exec(head);
  if (other && Number(other[1]) > BUNDLE_CONTAINER_VERSION) {
    throw bundleError(
      'BUNDLE_UNSUPPORTED_VERSION',
      `该数据包为第 ${other[1]} 版格式，本程序只能识别第 ${BUNDLE_CONTAINER_VERSION} 版。请先升级本程序再导入。`,
    );
  }
  throw bundleError('BUNDLE_DAMAGED', '所选文件不是关爱数据包（.guanai），或文件开头已损坏，不能导入。');
}

/** Splits a bundle file into its sections, refusing anything that is not exactly the layout above. */
export function unpackContainer(
  buf: Buffer,
  limits: ContainerLimits = {},
): { sections: BundleSections; signed: Buffer } {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BUNDLE_BYTES;
  const maxMeta = limits.maxMetaBytes ?? DEFAULT_MAX_META_BYTES;
  checkMagic(buf);
  if (buf.length > maxBytes) {
    throw bundleError(
      'BUNDLE_TOO_LARGE',
      `数据包文件大小为 ${formatBytes(buf.length)}，超过允许的上限 ${formatBytes(maxBytes)}，不能导入。`,
    );
  }
  let pos = BUNDLE_MAGIC.length;
  const take = (what: string, min: number, max: number): Buffer => {
    if (buf.length - pos < 4) throw damaged(`${what}的长度缺失，文件不完整`);
    const len = buf.readUInt32BE(pos);
    pos += 4;
    if (len < min || len > max) throw damaged(`${what}的长度不正确`);
    if (buf.length - pos < len) throw damaged(`${what}不完整`);
    const bytes = buf.subarray(pos, pos + len);
    pos += len;
    return bytes;
  };
  const manifest = take('清单', 2, maxMeta);
  const header = take('加密信息', 2, maxMeta);
  const ciphertext = take('加密内容', 1, maxBytes);
  const signedEnd = pos;
  const signature = take('签名', SIGNATURE_BYTES, SIGNATURE_BYTES);
  if (pos !== buf.length) throw damaged('文件末尾有多余的数据');
  return { sections: { manifest, header, ciphertext, signature }, signed: buf.subarray(0, signedEnd) };
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KB`;
  return `${n} 字节`;
}
