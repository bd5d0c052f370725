// Which stored list summaries a start may use (list-sidecar.ts): those of a version whose rows it reads, written under
// the ledger settings in force; a sidecar that may carry additions is marked so that a version not reading them
// derives the list again rather than miss the children changed in them.
import { isListSidecarMeta, LIST_SIDECAR_VERSION, rowId } from '../../../electron/domain/ledger/list-sidecar';

const settings = { visitPeriodDays: 90, turning16Days: 60 };

test('version 2 and this version are read; others, or other settings, are not', () => {
  expect(LIST_SIDECAR_VERSION).toBe(3);
  expect(isListSidecarMeta({ version: 2, settings }, settings)).toBe(true);
  expect(isListSidecarMeta({ version: 3, settings }, settings)).toBe(true);
  expect(isListSidecarMeta({ version: 1, settings }, settings)).toBe(false);
  expect(isListSidecarMeta({ version: 4, settings }, settings)).toBe(false);
  expect(isListSidecarMeta({ version: '3', settings }, settings)).toBe(false);
  expect(isListSidecarMeta({ version: 3, settings: { ...settings, visitPeriodDays: 30 } }, settings)).toBe(false);
  expect(isListSidecarMeta(null, settings)).toBe(false);
});

test("a row's child is its first element; anything else is refused", () => {
  expect(rowId(['c1', '张三'])).toBe('c1');
  expect(() => rowId({ id: 'c1' })).toThrow();
  expect(() => rowId([1])).toThrow();
});
