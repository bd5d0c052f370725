// The office's private keys sealed under the data key; the public office.json stays readable.
import crypto from 'node:crypto';
import fs from 'node:fs';
import {
  encryptIdentity,
  generateIdentity,
  identityFiles,
  identityIsSealed,
  loadIdentity,
  loadPublicIdentity,
  saveIdentity,
} from '../../../electron/identity/identity';
import { Sealer } from '../../../electron/store/sealed';
import { cleanupTempDirs, tempDir } from '../../helpers/temp-dir';

afterEach(cleanupTempDirs);
const sealer = new Sealer(crypto.randomBytes(32));
const identity = () =>
  generateIdentity(
    { code: '445202', name: '揭阳市榕城区民政局', level: 'county' },
    new Date('2026-11-28T00:00:00Z'),
  );

test('saved sealed: the private keys are not in the file, and open only with the key', () => {
  const dir = tempDir();
  const id = identity();
  saveIdentity(dir, id, sealer);
  const stored = fs.readFileSync(identityFiles(dir).privateFile);
  for (const k of [id.private.signingKey, id.private.encryptionKey]) {
    expect(stored.includes(Buffer.from(k))).toBe(false);
    expect(stored.includes(Buffer.from(k, 'base64'))).toBe(false);
  }
  expect(fs.statSync(identityFiles(dir).privateFile).mode & 0o777).toBe(0o600);
  expect(identityIsSealed(dir)).toBe(true);
  expect(loadIdentity(dir, sealer)).toEqual(id);
  expect(loadPublicIdentity(dir)).toEqual(id.public); // office.json: plaintext, no key needed
  expect(() => loadIdentity(dir)).toThrow(expect.objectContaining({ code: 'KEY_WRONG' }));
  expect(() => loadIdentity(dir, new Sealer(crypto.randomBytes(32)))).toThrow(
    expect.objectContaining({ code: 'KEY_WRONG', message: expect.stringMatching(/密钥不正确/) }),
  );
  const flipped = Buffer.from(stored);
  flipped[flipped.length - 5]! ^= 1;
  fs.writeFileSync(identityFiles(dir).privateFile, flipped);
  expect(() => loadIdentity(dir, sealer)).toThrow(expect.objectContaining({ code: 'IDENTITY_DAMAGED' }));
});

test('a legacy plaintext key file is sealed in place, once; given a key, a plaintext file is refused', () => {
  const dir = tempDir();
  const id = identity();
  saveIdentity(dir, id);
  expect(identityIsSealed(dir)).toBe(false);
  expect(loadIdentity(dir)).toEqual(id);
  expect(() => loadIdentity(dir, sealer)).toThrow(expect.objectContaining({ code: 'IDENTITY_DAMAGED' }));
  encryptIdentity(dir, sealer);
  const once = fs.readFileSync(identityFiles(dir).privateFile);
  encryptIdentity(dir, sealer);
  expect(fs.readFileSync(identityFiles(dir).privateFile)).toEqual(once);
  expect(loadIdentity(dir, sealer)).toEqual(id);
  expect(() => encryptIdentity(dir, new Sealer(crypto.randomBytes(32)))).toThrow(
    expect.objectContaining({ code: 'KEY_WRONG' }),
  );
});
