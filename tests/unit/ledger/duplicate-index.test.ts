// The duplicate index keeps no collection for a number held once (issue 13): a number moves from one holder to a
// group and back as records are put, changed and removed, and the groups keep the order the records came in.
import { DuplicateIndex, type DuplicateEntry } from '../../../electron/domain/ledger/duplicate-index';

const entry = (id: string, number: string, merged = false): DuplicateEntry => ({
  id,
  number,
  office: '445202',
  name: `儿童${id}`,
  township: '',
  merged,
});
const ids = (records: DuplicateEntry[] | null) => records?.map((e) => e.id) ?? null;

test('a number held once is no group; a second holder makes one, in the order put', () => {
  const dups = new DuplicateIndex();
  dups.put('a', entry('a', 'N1'));
  expect(dups.isDuplicate('a')).toBe(false);
  expect(dups.othersOf('a')).toEqual([]);
  expect(dups.group('N1')).toBeNull();
  dups.put('b', entry('b', 'N1'));
  dups.put('c', entry('c', 'N2'));
  expect(dups.isDuplicate('a')).toBe(true);
  expect(dups.isDuplicate('c')).toBe(false);
  expect(ids(dups.group('N1'))).toEqual(['a', 'b']);
  expect(ids(dups.othersOf('b'))).toEqual(['a']);
  expect(dups.groups().map((g) => [g.number, ids(g.records)])).toEqual([['N1', ['a', 'b']]]);
  expect(dups.groupCount).toBe(1);
});

test('groups shrink back to one holder, and a record put again moves to the end of its group', () => {
  const dups = new DuplicateIndex();
  for (const id of ['a', 'b', 'c']) dups.put(id, entry(id, 'N1'));
  dups.put('a', entry('a', 'N1'));
  expect(ids(dups.group('N1'))).toEqual(['b', 'c', 'a']);
  dups.put('b', null);
  expect(ids(dups.group('N1'))).toEqual(['c', 'a']);
  dups.put('c', entry('c', 'N2'));
  expect(dups.group('N1')).toBeNull();
  expect(dups.isDuplicate('a')).toBe(false);
  expect(dups.othersOf('a')).toEqual([]);
  // The number held once again still finds its holder when a second comes.
  dups.put('d', entry('d', 'N1'));
  expect(ids(dups.group('N1'))).toEqual(['a', 'd']);
  dups.put('a', entry('a', ''));
  dups.put('d', null);
  expect(dups.groupCount).toBe(0);
  dups.put('e', entry('e', 'N1'));
  expect(dups.othersOf('e')).toEqual([]);
});

test('a merged record stays held but counts for no group', () => {
  const dups = new DuplicateIndex();
  dups.put('a', entry('a', 'N1'));
  dups.put('b', entry('b', 'N1', true));
  expect(dups.isDuplicate('a')).toBe(false);
  expect(dups.groupCount).toBe(0);
  dups.put('c', entry('c', 'N1'));
  expect(ids(dups.group('N1'))).toEqual(['a', 'c']);
  expect(ids(dups.othersOf('b'))).toEqual(['a', 'c']);
  expect(dups.isDuplicate('b')).toBe(false);
  dups.put('c', null);
  expect(dups.group('N1')).toBeNull();
});

test('takeChanged reports the numbers whose holders changed, once someone watches', () => {
  const dups = new DuplicateIndex();
  dups.put('a', entry('a', 'N1'));
  expect(dups.takeChanged()).toBe('all');
  dups.put('b', entry('b', 'N1'));
  dups.put('a', entry('a', 'N2'));
  expect([...(dups.takeChanged() as Set<string>)].sort()).toEqual(['N1', 'N2']);
  expect([...(dups.takeChanged() as Set<string>)]).toEqual([]);
});

test('loading many entries at once gives what putting them one by one gives', () => {
  const entries = [
    entry('a', 'N1'),
    entry('b', 'N2'),
    entry('c', 'N1'),
    entry('d', ''),
    entry('e', 'N3', true),
    entry('f', 'N3'),
    entry('g', 'N1'),
    // The same record twice: the later entry wins, as with put.
    entry('b', 'N3'),
  ];
  const put = new DuplicateIndex();
  for (const e of entries) put.put(e.id, e);
  const loaded = new DuplicateIndex();
  loaded.load(entries);
  const view = (d: DuplicateIndex) => ({
    groups: d.groups().map((g) => [g.number, ids(g.records)]),
    flags: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => [d.isDuplicate(id), ids(d.othersOf(id))]),
  });
  expect(view(loaded)).toEqual(view(put));
  expect(view(loaded).groups).toEqual([
    ['N1', ['a', 'c', 'g']],
    ['N3', ['f', 'b']],
  ]);
});
