import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { encodeBundle, openBundle, readManifest } from '../../../electron/bundle/bundle-file';
import { appendSignature, packSigned } from '../../../electron/bundle/bundle-container';
import { envelopeAad, sealPayload } from '../../../electron/bundle/bundle-envelope';
import { generateIdentity } from '../../../electron/identity/identity';
import {
  assemble,
  catchAppError,
  cardOf,
  city,
  county,
  impostor,
  manifestInput,
  NOW,
  openArgs,
  otherCounty,
  resign,
  samplePayload,
  split,
} from './bundle-fixtures';

const toCounty = () =>
  encodeBundle({
    manifest: manifestInput(),
    payload: samplePayload,
    sender: city,
    recipient: cardOf(county),
  });

describe('encodeBundle / openBundle round trip', () => {
  const file = toCounty();

  it('gives back the payload and a manifest that says who, to whom and what', () => {
    const { manifest, payload } = openBundle(file, openArgs());
    expect(payload).toEqual(samplePayload);
    const text = Buffer.from(JSON.stringify(samplePayload), 'utf8');
    expect(manifest).toEqual({
      format: 'guanai-bundle',
      formatVersion: 1,
      bundleId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      sender: { code: '445200', name: '揭阳市民政局', fingerprint: city.public.fingerprint },
      recipient: { code: '445202', name: '榕城区民政局', fingerprint: county.public.fingerprint },
      schemaVersion: 3,
      createdAt: NOW.toISOString(),
      ranges: { '445200': { from: 12, to: 14 } },
      presumes: { '445200': 11 },
      acks: { '445202': 40 },
      counts: { operations: 3, byEntity: { meeting: 1, task: 2 } },
      payloadSha256: crypto.createHash('sha256').update(text).digest('hex'),
      payloadBytes: text.length,
    });
  });

  it('lets anyone read the manifest without keys, and it is the same one openBundle verifies', () => {
    expect(readManifest(file)).toEqual(openBundle(file, openArgs()).manifest);
  });

  it('keeps the manifest readable and the payload unreadable in the file', () => {
    expect(file.subarray(0, 16).toString('ascii')).toBe('GUANAI-BUNDLE 1\n');
    expect(file.toString('utf8')).toContain('"format": "guanai-bundle"');
    expect(file.toString('latin1')).not.toContain('SECRET-MARKER');
    expect(file.toString('utf8')).not.toContain('摸底排查');
  });

  it('makes a fresh bundle id, key and nonce every time', () => {
    const again = toCounty();
    expect(readManifest(again).bundleId).not.toBe(readManifest(file).bundleId);
    expect(split(again).header.ephemeralKey).not.toBe(split(file).header.ephemeralKey);
    expect(split(again).header.iv).not.toBe(split(file).header.iv);
  });

  it('keeps a bundle id the caller chose', () => {
    const bundleId = '0f6c3a8e-1d2b-4c5d-8e9f-0a1b2c3d4e5f';
    const b = encodeBundle({
      manifest: manifestInput({ bundleId }),
      payload: [],
      sender: city,
      recipient: cardOf(county),
    });
    expect(openBundle(b, openArgs()).manifest.bundleId).toBe(bundleId);
  });

  it('carries any JSON value, including Chinese text and an empty bundle', () => {
    for (const payload of [null, 0, '留守儿童', { a: [1, 2, { b: '关爱' }] }, []]) {
      const b = encodeBundle({
        manifest: manifestInput({ ranges: {}, presumes: {}, counts: { operations: 0, byEntity: {} } }),
        payload,
        sender: city,
        recipient: cardOf(county),
      });
      expect(openBundle(b, openArgs()).payload).toEqual(payload);
    }
  });
});

describe('encodeBundle refuses what it should not write', () => {
  const encode = (overrides: Partial<Parameters<typeof encodeBundle>[0]>) =>
    catchAppError(() =>
      encodeBundle({
        manifest: manifestInput(),
        payload: samplePayload,
        sender: city,
        recipient: cardOf(county),
        ...overrides,
      }),
    );

  it('refuses unknown manifest fields', () => {
    const err = encode({ manifest: { ...manifestInput(), note: 'x' } as never });
    expect(err.code).toBe('BUNDLE_MANIFEST_INVALID');
    expect(err.message).toContain('note');
  });

  it('refuses counts that do not add up and ranges that would leave a gap', () => {
    expect(
      encode({ manifest: manifestInput({ counts: { operations: 4, byEntity: { task: 3 } } }) }).code,
    ).toBe('BUNDLE_MANIFEST_INVALID');
    expect(encode({ manifest: manifestInput({ presumes: { '445200': 5 } }) }).code).toBe(
      'BUNDLE_MANIFEST_INVALID',
    );
    expect(encode({ manifest: manifestInput({ presumes: {} }) }).code).toBe('BUNDLE_MANIFEST_INVALID');
    expect(encode({ manifest: manifestInput({ ranges: { '445200': { from: 9, to: 3 } } }) }).code).toBe(
      'BUNDLE_MANIFEST_INVALID',
    );
    expect(encode({ manifest: manifestInput({ createdAt: '2026-11-28 15:30' }) }).code).toBe(
      'BUNDLE_MANIFEST_INVALID',
    );
  });

  it('refuses a payload that is not JSON', () => {
    expect(encode({ payload: undefined }).code).toBe('BUNDLE_PAYLOAD_INVALID');
    expect(encode({ payload: { n: BigInt(1) } }).code).toBe('BUNDLE_PAYLOAD_INVALID');
  });

  it('refuses a recipient card whose fingerprint is not its keys', () => {
    const bad = { ...cardOf(county), encryptionKey: otherCounty.public.encryptionKey };
    expect(encode({ recipient: bad }).code).toBe('CARD_FINGERPRINT_MISMATCH');
  });

  it('refuses a sender whose private key is not its public key', () => {
    const broken = { public: city.public, private: otherCounty.private };
    expect(encode({ sender: broken }).code).toBe('IDENTITY_DAMAGED');
  });

  it('refuses to write more than the limits', () => {
    expect(encode({ maxBytes: 500 }).code).toBe('BUNDLE_TOO_LARGE');
    expect(encode({ maxPayloadBytes: 50 }).code).toBe('BUNDLE_TOO_LARGE');
  });
});

describe('openBundle refuses', () => {
  const file = toCounty();

  it('a bundle from an office that is not trusted, showing who it claims to be', () => {
    const err = catchAppError(() => openBundle(file, openArgs({ trusted: () => undefined })));
    expect(err.code).toBe('BUNDLE_UNKNOWN_SENDER');
    expect(err.message).toContain('揭阳市民政局');
    expect(err.message).toContain('445200');
    expect(err.message).toContain(city.public.fingerprint);
  });

  it('a bundle from a revoked key, asking with the code and fingerprint', () => {
    const revoked = jest.fn(
      (code: string, fp: string) => code === '445200' && fp === city.public.fingerprint,
    );
    const err = catchAppError(() => openBundle(file, openArgs({ revoked })));
    expect(err.code).toBe('BUNDLE_REVOKED_SENDER');
    expect(revoked).toHaveBeenCalledWith('445200', city.public.fingerprint);
    expect(openBundle(file, openArgs({ revoked: () => false })).payload).toEqual(samplePayload);
  });

  it('a bundle whose sender fingerprint differs from the trusted card', () => {
    const err = catchAppError(() =>
      openBundle(file, openArgs({ trusted: (code) => (code === '445200' ? cardOf(impostor) : undefined) })),
    );
    expect(err.code).toBe('BUNDLE_SENDER_MISMATCH');
    expect(err.message).toContain(impostor.public.fingerprint);
    expect(err.message).toContain(city.public.fingerprint);
  });

  it('a bundle made by an impostor with the same code and name', () => {
    const forged = encodeBundle({
      manifest: manifestInput(),
      payload: { operations: [] },
      sender: impostor,
      recipient: cardOf(county),
    });
    expect(catchAppError(() => openBundle(forged, openArgs())).code).toBe('BUNDLE_SENDER_MISMATCH');
  });

  it('a manifest changed and re-signed by another key, even claiming the real fingerprint', () => {
    const tampered = resign(file, impostor, (m) => {
      (m.ranges as Record<string, unknown>)['445200'] = { from: 12, to: 13 };
    });
    expect(readManifest(tampered).ranges['445200']).toEqual({ from: 12, to: 13 });
    expect(catchAppError(() => openBundle(tampered, openArgs())).code).toBe('BUNDLE_BAD_SIGNATURE');
  });

  it('a manifest re-signed by another key that also swapped in its own fingerprint', () => {
    const tampered = resign(file, impostor, (m) => {
      (m.sender as Record<string, unknown>).fingerprint = impostor.public.fingerprint;
    });
    expect(catchAppError(() => openBundle(tampered, openArgs())).code).toBe('BUNDLE_SENDER_MISMATCH');
  });

  it('a manifest edited in place without re-signing', () => {
    const text = file.toString('latin1').replace('"schemaVersion": 3', '"schemaVersion": 4');
    const edited = Buffer.from(text, 'latin1');
    expect(edited.equals(file)).toBe(false);
    expect(readManifest(edited).schemaVersion).toBe(4);
    expect(catchAppError(() => openBundle(edited, openArgs())).code).toBe('BUNDLE_BAD_SIGNATURE');
  });

  it('a ciphertext lifted from another bundle between the same offices', () => {
    const other = split(toCounty());
    const mine = split(file);
    const spliced = appendSignature(
      packSigned(mine.manifestBytes, other.headerBytes, other.ciphertext),
      mine.signature,
    );
    expect(readManifest(spliced)).toEqual(readManifest(file));
    expect(catchAppError(() => openBundle(spliced, openArgs())).code).toBe('BUNDLE_BAD_SIGNATURE');
  });

  it('a bundle addressed to another office', () => {
    const toOther = encodeBundle({
      manifest: manifestInput(),
      payload: samplePayload,
      sender: city,
      recipient: cardOf(otherCounty),
    });
    const err = catchAppError(() => openBundle(toOther, openArgs()));
    expect(err.code).toBe('BUNDLE_WRONG_RECIPIENT');
    expect(err.message).toContain('揭东区民政局');
  });

  it('a bundle addressed to this office code under keys it no longer has', () => {
    const reborn = generateIdentity({ code: '445202', name: '榕城区民政局', level: 'county' }, NOW);
    const err = catchAppError(() => openBundle(file, openArgs({ self: reborn })));
    expect(err.code).toBe('BUNDLE_WRONG_RECIPIENT');
    expect(err.message).toContain(county.public.fingerprint);
  });

  it('a correctly signed bundle whose ciphertext does not decrypt', () => {
    const parts = split(file);
    const garbled = Buffer.from(parts.ciphertext);
    garbled[0] = garbled[0]! ^ 1;
    const signedGarbage = assemble(city, { ...parts, ciphertext: garbled });
    expect(catchAppError(() => openBundle(signedGarbage, openArgs())).code).toBe('BUNDLE_DECRYPT_FAILED');
  });

  it('a ciphertext moved under a different manifest, even by the real sender', () => {
    const moved = resign(file, city, (m) => {
      m.schemaVersion = 4;
    });
    expect(catchAppError(() => openBundle(moved, openArgs())).code).toBe('BUNDLE_DECRYPT_FAILED');
  });

  // A signed, decryptable bundle whose inside disagrees with its manifest: only a faulty sender makes these.
  function faulty(plain: Buffer, edit: (m: Record<string, unknown>) => void, gzip = true): Buffer {
    const m = split(file).manifest;
    edit(m);
    const manifestBytes = Buffer.from(JSON.stringify(m, null, 2) + '\n', 'utf8');
    const { header, ciphertext } = sealPayload(
      gzip ? zlib.gzipSync(plain) : plain,
      crypto.createPublicKey({
        key: Buffer.from(county.public.encryptionKey, 'base64'),
        format: 'der',
        type: 'spki',
      }),
      String(m.bundleId),
      envelopeAad(manifestBytes),
    );
    return assemble(city, { manifestBytes, headerBytes: Buffer.from(JSON.stringify(header)), ciphertext });
  }
  const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

  it('a payload whose hash or size differs from the manifest', () => {
    const plain = Buffer.from('{"operations":[]}');
    const ok = faulty(plain, (m) => {
      m.payloadBytes = plain.length;
      m.payloadSha256 = sha(plain);
    });
    expect(openBundle(ok, openArgs()).payload).toEqual({ operations: [] });
    const wrongHash = faulty(plain, (m) => {
      m.payloadBytes = plain.length;
      m.payloadSha256 = sha(Buffer.from('{}'));
    });
    expect(catchAppError(() => openBundle(wrongHash, openArgs())).code).toBe('BUNDLE_PAYLOAD_MISMATCH');
    const tooShort = faulty(plain, (m) => {
      m.payloadBytes = plain.length - 1;
      m.payloadSha256 = sha(plain);
    });
    expect(catchAppError(() => openBundle(tooShort, openArgs())).code).toBe('BUNDLE_PAYLOAD_MISMATCH');
    const tooLong = faulty(plain, (m) => {
      m.payloadBytes = plain.length + 1;
      m.payloadSha256 = sha(plain);
    });
    expect(catchAppError(() => openBundle(tooLong, openArgs())).code).toBe('BUNDLE_PAYLOAD_MISMATCH');
  });

  it('a payload that is not JSON or not gzip', () => {
    const notJson = Buffer.from('{"operations":');
    const bad = faulty(notJson, (m) => {
      m.payloadBytes = notJson.length;
      m.payloadSha256 = sha(notJson);
    });
    expect(catchAppError(() => openBundle(bad, openArgs())).code).toBe('BUNDLE_PAYLOAD_INVALID');
    const badUtf8 = Buffer.from([0x22, 0xff, 0x22]);
    const bad2 = faulty(badUtf8, (m) => {
      m.payloadBytes = badUtf8.length;
      m.payloadSha256 = sha(badUtf8);
    });
    expect(catchAppError(() => openBundle(bad2, openArgs())).code).toBe('BUNDLE_PAYLOAD_INVALID');
    const raw = Buffer.from('[]');
    const notGzip = faulty(
      raw,
      (m) => {
        m.payloadBytes = raw.length;
        m.payloadSha256 = sha(raw);
      },
      false,
    );
    expect(catchAppError(() => openBundle(notGzip, openArgs())).code).toBe('BUNDLE_PAYLOAD_INVALID');
  });

  it('unknown fields in the manifest or the envelope header, even when properly signed', () => {
    const extra = resign(file, city, (m) => {
      m.comment = 'hello';
    });
    const err = catchAppError(() => readManifest(extra));
    expect(err.code).toBe('BUNDLE_DAMAGED');
    expect(err.message).toContain('comment');
    expect(catchAppError(() => openBundle(extra, openArgs())).code).toBe('BUNDLE_DAMAGED');
    const nested = resign(file, city, (m) => {
      (m.sender as Record<string, unknown>).level = 'city';
    });
    expect(catchAppError(() => readManifest(nested)).code).toBe('BUNDLE_DAMAGED');
    const parts = split(file);
    const header = assemble(city, {
      ...parts,
      headerBytes: Buffer.from(JSON.stringify({ ...parts.header, note: 1 })),
    });
    expect(catchAppError(() => openBundle(header, openArgs())).code).toBe('BUNDLE_DAMAGED');
  });

  it('an envelope header with a key of the wrong type or a short nonce', () => {
    const parts = split(file);
    for (const change of [
      { ephemeralKey: city.public.signingKey },
      { iv: 'AAAA' },
      { salt: parts.header.iv },
    ]) {
      const b = assemble(city, {
        ...parts,
        headerBytes: Buffer.from(JSON.stringify({ ...parts.header, ...change })),
      });
      expect(catchAppError(() => openBundle(b, openArgs())).code).toBe('BUNDLE_DAMAGED');
    }
  });

  it('a payload declared larger than allowed, before decrypting', () => {
    const err = catchAppError(() => openBundle(file, openArgs({ maxPayloadBytes: 20 })));
    expect(err.code).toBe('BUNDLE_TOO_LARGE');
  });

  it('files that are not bundles at all', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect(catchAppError(() => openBundle(png, openArgs())).code).toBe('BUNDLE_DAMAGED');
    expect(catchAppError(() => openBundle(Buffer.alloc(0), openArgs())).code).toBe('BUNDLE_DAMAGED');
    const card = Buffer.from(JSON.stringify(cardOf(city)));
    expect(catchAppError(() => readManifest(card)).code).toBe('BUNDLE_DAMAGED');
  });

  it('a bundle from a newer version of the program, saying so', () => {
    const newer = Buffer.concat([Buffer.from('GUANAI-BUNDLE 2\n'), file.subarray(16)]);
    const err = catchAppError(() => readManifest(newer));
    expect(err.code).toBe('BUNDLE_UNSUPPORTED_VERSION');
    expect(err.message).toContain('升级');
  });
});

describe('the order of the checks', () => {
  const file = toCounty();
  const badSig = Buffer.from(file);
  badSig[badSig.length - 1] = badSig[badSig.length - 1]! ^ 0x80;

  it('unknown sender comes before a bad signature', () => {
    expect(catchAppError(() => openBundle(badSig, openArgs({ trusted: () => undefined }))).code).toBe(
      'BUNDLE_UNKNOWN_SENDER',
    );
  });

  it('revoked sender comes before a bad signature and a fingerprint mismatch', () => {
    const args = openArgs({ revoked: () => true, trusted: () => cardOf(impostor) });
    expect(catchAppError(() => openBundle(badSig, args)).code).toBe('BUNDLE_REVOKED_SENDER');
  });

  it('a revoked trusted card is refused even when the file names another fingerprint', () => {
    const args = openArgs({
      trusted: () => cardOf(impostor),
      revoked: (_code, fp) => fp === impostor.public.fingerprint,
    });
    expect(catchAppError(() => openBundle(file, args)).code).toBe('BUNDLE_REVOKED_SENDER');
  });

  it('a bad signature comes before the recipient', () => {
    expect(catchAppError(() => openBundle(badSig, openArgs({ self: otherCounty }))).code).toBe(
      'BUNDLE_BAD_SIGNATURE',
    );
  });

  it('a damaged container comes before everything, and no callback is asked', () => {
    const trusted = jest.fn(() => undefined);
    const truncated = file.subarray(0, file.length - 1);
    expect(catchAppError(() => openBundle(truncated, openArgs({ trusted }))).code).toBe('BUNDLE_DAMAGED');
    expect(trusted).not.toHaveBeenCalled();
  });
});

it('refuses to verify against a trusted card that was corrupted in storage', () => {
  const file = toCounty();
  const corrupted = { ...cardOf(city), signingKey: impostor.public.signingKey };
  const err = catchAppError(() => openBundle(file, openArgs({ trusted: () => corrupted })));
  expect(err.code).toBe('CARD_INVALID');
});
