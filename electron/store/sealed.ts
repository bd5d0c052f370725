// Encryption at rest: one layer beneath the store. Every journal line and every whole file the store writes (table
// files, the snapshot manifest, the copies kept in damaged/) and the office's private keys pass through a Sealer,
// so the journal, fold and table code never learn crypto. AES-256-GCM with a random 96-bit nonce per message; the
// associated data binds a journal line to its byte offset and a file to its label, so a line moved within the
// journal or a file put in another's place fails to open just as a flipped byte does.
//
// A stored line also names, in the clear, the offset it was written at. A line that opens at the offset it names but
// sits elsewhere was moved (or a line before it removed): acknowledged data changed, never a torn write, so the store
// refuses it even at the end of the journal, where a line that merely fails to open is taken for an unfinished write.
//
// Each message also carries a short key id (a MAC of a constant under the key). It is no secret and proves nothing by
// itself; it lets a wrong key be told apart from damage, so the store can refuse a wrong key instead of taking a
// journal it cannot read for a torn write and discarding it.
import crypto from 'node:crypto';

/**
 * Journal line (ASCII): version, key id (hex), the offset it was written at (base 36), `:`, then base64 of
 * nonce ‖ ciphertext ‖ tag.
 */
const LINE_VERSION = 'g1';
/** Whole-file magic: 8 ASCII bytes, then the 4-byte key id, the nonce, the ciphertext and the tag. */
const FILE_MAGIC = Buffer.from('GSEALv1\n', 'latin1');
const NONCE = 12;
const TAG = 16;
const KID = 4;
const KID_CHARS = KID * 2; // hex in lines
const FILE_HEAD = FILE_MAGIC.length + KID + NONCE;

export type SealFailure = 'key' | 'damaged' | 'format' | 'moved';

/** A message that could not be opened. Carries no plaintext and no key material, only why. */
export class SealError extends Error {
  constructor(readonly reason: SealFailure) {
    super(
      reason === 'key'
        ? 'sealed with another key'
        : reason === 'format'
          ? 'not a sealed message'
          : reason === 'moved'
            ? 'sealed line moved'
            : 'sealed message damaged',
    );
    this.name = 'SealError';
  }
}

// Nonces come from the system CSPRNG in blocks: one call per 512 nonces rather than one per line, which is most of
// the cost of sealing a short line.
const POOL = NONCE * 512;
let pool = Buffer.alloc(0);
let poolAt = POOL;
function nonce(): Buffer {
  if (poolAt >= pool.length) {
    pool = crypto.randomFillSync(Buffer.allocUnsafe(POOL));
    poolAt = 0;
  }
  const n = Buffer.from(pool.subarray(poolAt, poolAt + NONCE));
  // Each nonce is used once: wipe it from the pool as it is handed out.
  pool.fill(0, poolAt, poolAt + NONCE);
  poolAt += NONCE;
  return n;
}

function subkey(key: Uint8Array, info: string): crypto.KeyObject {
  return crypto.createSecretKey(Buffer.from(crypto.hkdfSync('sha256', key, Buffer.alloc(0), info, 32)));
}

export class Sealer {
  // Private fields (#) are invisible to JSON.stringify, util.inspect and structured logging: the keys cannot leak
  // through an error report that serialises whatever it was handed.
  readonly #enc: crypto.KeyObject;
  readonly #mac: crypto.KeyObject;
  readonly #kid: Buffer;
  readonly #kidHex: string;

  /** `key` is the 32-byte data key. The caller may wipe its copy afterwards; the Sealer keeps only derived keys. */
  constructor(key: Uint8Array) {
    if (key.length !== 32) throw new RangeError('data key must be 32 bytes');
    // Separate keys for encryption and for the MACs (key id, table names), so no key serves two algorithms.
    this.#enc = subkey(key, 'guanai seal v1: aes-256-gcm');
    this.#mac = subkey(key, 'guanai seal v1: hmac');
    this.#kid = crypto.createHmac('sha256', this.#mac).update('key id').digest().subarray(0, KID);
    this.#kidHex = this.#kid.toString('hex');
  }

  /** A short public id of the key (hex): tells which key sealed a file, reveals nothing of the key. */
  get keyId(): string {
    return this.#kidHex;
  }

  /** A journal line (without its newline) as stored: ASCII, no `\n`, bound to the byte offset it is written at. */
  sealLine(text: string, offset: number): string {
    const iv = nonce();
    const cipher = crypto.createCipheriv('aes-256-gcm', this.#enc, iv);
    cipher.setAAD(lineAad(this.#kidHex, offset));
    const body = Buffer.concat([iv, cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${LINE_VERSION}${this.#kidHex}${offset.toString(36)}:${body.toString('base64')}`;
  }

  /** The line's text, or SealError ('moved' when it is whole but was written at another offset). */
  openLine(stored: string, offset: number): string {
    const kid = lineKeyId(stored);
    if (kid === null) throw new SealError('format');
    if (kid !== this.#kidHex) throw new SealError('key');
    const colon = stored.indexOf(':', LINE_VERSION.length + KID_CHARS);
    const digits = colon < 0 ? '' : stored.slice(LINE_VERSION.length + KID_CHARS, colon);
    const named = parseInt(digits, 36);
    // Canonical digits only, as for the base64 below: no changed character may go unnoticed.
    if (!Number.isSafeInteger(named) || named.toString(36) !== digits) throw new SealError('damaged');
    const b64 = stored.slice(colon + 1);
    if (named !== offset) {
      // Whole where it was written, but not here: moved. Otherwise just damaged.
      this.openBody(b64, named);
      throw new SealError('moved');
    }
    return this.openBody(b64, offset);
  }

  private openBody(b64: string, offset: number): string {
    const body = Buffer.from(b64, 'base64');
    // Node's base64 decoder skips characters it does not know and ignores the spare bits of the last one: demand the
    // canonical encoding, so that every changed byte of the stored line is refused, not only most of them.
    if (body.length < NONCE + TAG || body.toString('base64') !== b64) throw new SealError('damaged');
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.#enc, body.subarray(0, NONCE));
    decipher.setAAD(lineAad(this.#kidHex, offset));
    decipher.setAuthTag(body.subarray(body.length - TAG));
    try {
      const plain = Buffer.concat([decipher.update(body.subarray(NONCE, body.length - TAG)), decipher.final()]);
      return plain.toString('utf8');
    } catch {
      throw new SealError('damaged');
    }
  }

  /** A whole file as stored, bound to `label` (what the file is, e.g. `manifest`, `table:child:<file>`). */
  sealFile(content: Buffer | string, label: string): Buffer {
    const iv = nonce();
    const head = Buffer.concat([FILE_MAGIC, this.#kid, iv]);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.#enc, iv);
    cipher.setAAD(fileAad(head, label));
    const plain = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    return Buffer.concat([head, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  }

  /** The file's content, or SealError. */
  openFile(stored: Buffer, label: string): Buffer {
    const kid = fileKeyId(stored);
    if (kid === null) throw new SealError('format');
    if (kid !== this.#kidHex) throw new SealError('key');
    if (stored.length < FILE_HEAD + TAG) throw new SealError('damaged');
    const head = stored.subarray(0, FILE_HEAD);
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.#enc, stored.subarray(FILE_MAGIC.length + KID, FILE_HEAD));
    decipher.setAAD(fileAad(head, label));
    decipher.setAuthTag(stored.subarray(stored.length - TAG));
    try {
      return Buffer.concat([decipher.update(stored.subarray(FILE_HEAD, stored.length - TAG)), decipher.final()]);
    } catch {
      throw new SealError('damaged');
    }
  }

  /**
   * A name for content known by its SHA-256 (hex): a keyed MAC of the digest, so a file can still be named by what
   * it holds without its name confirming a guess of that content to someone without the key.
   */
  nameFor(sha256: string): string {
    return crypto.createHmac('sha256', this.#mac).update(sha256).digest('hex');
  }
}

const lineAad = (kid: string, offset: number) => Buffer.from(`${LINE_VERSION}${kid}@${offset}`, 'latin1');
const fileAad = (head: Buffer, label: string) => Buffer.concat([head, Buffer.from(label, 'utf8')]);

/** The key id of a stored journal line, or null when the line is not sealed (a legacy plaintext line). */
export function lineKeyId(stored: string): string | null {
  if (!stored.startsWith(LINE_VERSION) || stored.length < LINE_VERSION.length + KID_CHARS) return null;
  const kid = stored.slice(LINE_VERSION.length, LINE_VERSION.length + KID_CHARS);
  return /^[0-9a-f]+$/.test(kid) ? kid : null;
}

/** The key id of a stored file, or null when the file is not sealed. */
export function fileKeyId(stored: Buffer): string | null {
  if (stored.length < FILE_MAGIC.length + KID || !stored.subarray(0, FILE_MAGIC.length).equals(FILE_MAGIC)) return null;
  return stored.subarray(FILE_MAGIC.length, FILE_MAGIC.length + KID).toString('hex');
}

export const isSealedFile = (stored: Buffer): boolean => fileKeyId(stored) !== null;
