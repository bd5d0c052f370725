// Damage of every kind a USB stick or a curious hand can do: no changed, cut or padded file may ever open.
import { AppError } from '../../../electron/contract/errors';
import { encodeBundle, openBundle, readManifest } from '../../../electron/bundle/bundle-file';
import { DEFAULT_MAX_BUNDLE_BYTES } from '../../../electron/bundle/bundle-container';
import { bundleErrorCodes } from '../../../electron/bundle/bundle-errors';
import { catchAppError, cardOf, city, county, manifestInput, openArgs } from './bundle-fixtures';

const file = encodeBundle({
  manifest: manifestInput({ counts: { operations: 3, byEntity: { task: 3 } } }),
  payload: { ops: [1, 2, 3] },
  sender: city,
  recipient: cardOf(county),
});
const args = openArgs();
const known = new Set<string>(bundleErrorCodes);

/** Opens and reports the refusal code; fails the test on success or on any error that is not a bundle AppError. */
function refusal(buf: Buffer): string {
  let err: unknown;
  try {
    openBundle(buf, args);
  } catch (e) {
    err = e;
  }
  if (!(err instanceof AppError)) throw new Error(`opened or crashed: ${String(err)}`);
  if (!known.has(err.code)) throw new Error(`unexpected code ${err.code}`);
  return err.code;
}

it('the untouched file opens (so the refusals below are about the damage)', () => {
  expect(openBundle(file, args).payload).toEqual({ ops: [1, 2, 3] });
  expect(file.length).toBeLessThan(3000);
});

// Two of the eight bits per byte, moving along, keep this under a second while every offset and every bit position
// is still hit many times.
it('refuses a single-bit flip at every byte offset', () => {
  const seen = new Map<string, number>();
  for (let offset = 0; offset < file.length; offset++) {
    for (const bit of [offset % 8, (offset + 4) % 8]) {
      const copy = Buffer.from(file);
      copy[offset] = copy[offset]! ^ (1 << bit);
      const code = refusal(copy);
      seen.set(code, (seen.get(code) ?? 0) + 1);
    }
  }
  // Damage is caught at each layer: container, sender lookup, and signature.
  expect(seen.get('BUNDLE_DAMAGED')).toBeGreaterThan(0);
  expect(seen.get('BUNDLE_BAD_SIGNATURE')).toBeGreaterThan(0);
  expect(seen.has('BUNDLE_DECRYPT_FAILED')).toBe(false);
  expect([...seen.values()].reduce((a, b) => a + b, 0)).toBe(file.length * 2);
});

it('refuses every whole-byte overwrite', () => {
  for (let offset = 0; offset < file.length; offset++) {
    const copy = Buffer.from(file);
    copy[offset] = copy[offset]! ^ 0xff;
    refusal(copy);
  }
});

it('refuses the file cut short at every length, as damaged', () => {
  for (let len = 0; len < file.length; len++) {
    expect(catchAppError(() => openBundle(file.subarray(0, len), args)).code).toBe('BUNDLE_DAMAGED');
    expect(catchAppError(() => readManifest(file.subarray(0, len))).code).toBe('BUNDLE_DAMAGED');
  }
});

it('says a truncated file is incomplete', () => {
  expect(catchAppError(() => openBundle(file.subarray(0, file.length - 10), args)).message).toContain(
    '不完整',
  );
  expect(catchAppError(() => openBundle(file.subarray(0, 5), args)).message).toContain('不完整');
});

it('refuses trailing bytes', () => {
  for (const extra of [Buffer.from([0]), Buffer.from('\n'), file]) {
    expect(catchAppError(() => openBundle(Buffer.concat([file, extra]), args)).code).toBe('BUNDLE_DAMAGED');
  }
});

it('refuses sections moved around or repeated', () => {
  const magic = 16;
  const manifestLen = file.readUInt32BE(magic);
  const afterManifest = magic + 4 + manifestLen;
  const headerLen = file.readUInt32BE(afterManifest);
  const afterHeader = afterManifest + 4 + headerLen;
  const swapped = Buffer.concat([
    file.subarray(0, magic),
    file.subarray(afterManifest, afterHeader),
    file.subarray(magic, afterManifest),
    file.subarray(afterHeader),
  ]);
  expect(refusal(swapped)).toBe('BUNDLE_DAMAGED');
  const doubled = Buffer.concat([file.subarray(0, afterManifest), file.subarray(magic)]);
  expect(refusal(doubled)).toBe('BUNDLE_DAMAGED');
});

describe('size limits', () => {
  it('defaults to 512 MiB', () => {
    expect(DEFAULT_MAX_BUNDLE_BYTES).toBe(512 * 1024 * 1024);
  });

  it('refuses a file one byte over the limit and accepts one at it', () => {
    const err = catchAppError(() => openBundle(file, { ...args, maxBytes: file.length - 1 }));
    expect(err.code).toBe('BUNDLE_TOO_LARGE');
    expect(catchAppError(() => readManifest(file, { maxBytes: file.length - 1 })).code).toBe(
      'BUNDLE_TOO_LARGE',
    );
    expect(openBundle(file, { ...args, maxBytes: file.length }).payload).toEqual({ ops: [1, 2, 3] });
  });

  it('checks the size before parsing the sections', () => {
    const cut = file.subarray(0, file.length - 1);
    expect(catchAppError(() => openBundle(cut, { ...args, maxBytes: 100 })).code).toBe('BUNDLE_TOO_LARGE');
  });

  it('refuses a manifest larger than the manifest limit', () => {
    expect(catchAppError(() => readManifest(file, { maxMetaBytes: 100 })).code).toBe('BUNDLE_DAMAGED');
  });
});
