// Strict decoding of the keys and binary fields that arrive in files from other offices. Node's Buffer.from(…,
// 'base64') skips characters it does not understand, so a damaged value would decode to something else silently;
// here only canonical base64 is accepted, and a key must be of the one type its role allows.
import crypto from 'node:crypto';

const base64Pattern = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Canonical base64 → bytes, or undefined when the text is not exactly what Buffer#toString('base64') writes. */
export function decodeBase64Strict(text: string): Buffer | undefined {
  if (!base64Pattern.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

export type KeyRole = 'ed25519' | 'x25519';

/** A public key given as base64 SPKI DER, or undefined when it is not a well-formed key of that type. */
export function importPublicKey(spkiBase64: string, role: KeyRole): crypto.KeyObject | undefined {
  const der = decodeBase64Strict(spkiBase64);
  if (!der) return undefined;
  try {
    const key = crypto.createPublicKey({ key: der, format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== role) return undefined;
    // DER has one encoding per key; re-exporting refuses any other spelling of the same key.
    return key.export({ format: 'der', type: 'spki' }).equals(der) ? key : undefined;
  } catch {
    return undefined;
  }
}

/** A private key given as base64 PKCS8 DER, or undefined when it is not a well-formed key of that type. */
export function importPrivateKey(pkcs8Base64: string, role: KeyRole): crypto.KeyObject | undefined {
  const der = decodeBase64Strict(pkcs8Base64);
  if (!der) return undefined;
  try {
    const key = crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    return key.asymmetricKeyType === role ? key : undefined;
  } catch {
    return undefined;
  }
}

export function spkiBase64Of(key: crypto.KeyObject): string {
  return key.export({ format: 'der', type: 'spki' }).toString('base64');
}
