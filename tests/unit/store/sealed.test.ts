// The sealing layer on its own: round trips, a wrong key, a flipped byte, a moved line, a swapped file.
import crypto from 'node:crypto';
import util from 'node:util';
import { fileKeyId, lineKeyId, SealError, Sealer } from '../../../electron/store/sealed';

const key = crypto.randomBytes(32);
const sealer = new Sealer(key);
const other = new Sealer(crypto.randomBytes(32));

const reason = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof SealError) return err.reason;
    throw err;
  }
  return 'opened';
};

test('a journal line round-trips, is ASCII without a newline, and hides its text', () => {
  const text = '{"name":"张小明","note":"é ☃ 𠀀\\n"}\t-1\tabcd';
  const stored = sealer.sealLine(text, 1234);
  expect(stored).toMatch(/^g1[0-9a-f]{8}ya:[A-Za-z0-9+/=]+$/); // 1234 in base 36
  expect(stored.includes('\n')).toBe(false);
  expect(sealer.openLine(stored, 1234)).toBe(text);
  expect(lineKeyId(stored)).toBe(sealer.keyId);
  // A fresh nonce every time: the same line never seals to the same bytes.
  expect(sealer.sealLine(text, 1234)).not.toBe(stored);
});

test('a line read at another offset (moved or reordered) is refused as moved; a forged offset as damaged', () => {
  const stored = sealer.sealLine('x', 100);
  expect(reason(() => sealer.openLine(stored, 101))).toBe('moved');
  const forged = stored.replace(`${(100).toString(36)}:`, `${(101).toString(36)}:`);
  expect(reason(() => sealer.openLine(forged, 101))).toBe('damaged');
});

test('every changed character of a stored line is refused, as is a wrong key', () => {
  const stored = sealer.sealLine('{"id":"c1"}', 0);
  for (let i = 0; i < stored.length; i++) {
    const c = stored[i]!;
    const changed = stored.slice(0, i) + (c === 'A' ? 'B' : 'A') + stored.slice(i + 1);
    expect(reason(() => sealer.openLine(changed, 0))).not.toBe('opened');
  }
  expect(reason(() => sealer.openLine(stored.slice(0, -3), 0))).toBe('damaged');
  expect(reason(() => other.openLine(stored, 0))).toBe('key');
  expect(reason(() => sealer.openLine('{"office":"445200"}', 0))).toBe('format');
});

test('a file round-trips under its label; another label, a flipped byte or a wrong key is refused', () => {
  const content = Buffer.from(JSON.stringify({ name: '张小明', idNumber: '445202201508081234' }));
  const stored = sealer.sealFile(content, 'table:child:child-1.json');
  expect(fileKeyId(stored)).toBe(sealer.keyId);
  expect(sealer.openFile(stored, 'table:child:child-1.json')).toEqual(content);
  expect(stored.includes(Buffer.from('张小明'))).toBe(false);
  expect(reason(() => sealer.openFile(stored, 'table:visit:child-1.json'))).toBe('damaged');
  for (const at of [0, 9, 12, 20, 30, stored.length - 1]) {
    const flipped = Buffer.from(stored);
    flipped[at]! ^= 0x01;
    expect(reason(() => sealer.openFile(flipped, 'table:child:child-1.json'))).not.toBe('opened');
  }
  expect(reason(() => sealer.openFile(stored.subarray(0, stored.length - 1), 'table:child:child-1.json'))).toBe('damaged');
  expect(reason(() => other.openFile(stored, 'table:child:child-1.json'))).toBe('key');
  expect(reason(() => sealer.openFile(content, 'x'))).toBe('format');
});

test('the same key gives the same key id and names; the key never shows when the sealer is printed', () => {
  const again = new Sealer(Buffer.from(key));
  expect(again.keyId).toBe(sealer.keyId);
  expect(again.nameFor('ab')).toBe(sealer.nameFor('ab'));
  expect(other.nameFor('ab')).not.toBe(sealer.nameFor('ab'));
  const printed = `${JSON.stringify(sealer)} ${util.inspect(sealer, { showHidden: true, depth: 5 })}`;
  for (const form of [key.toString('hex'), key.toString('base64')]) expect(printed.includes(form)).toBe(false);
  expect(() => new Sealer(Buffer.alloc(16))).toThrow(RangeError);
});
