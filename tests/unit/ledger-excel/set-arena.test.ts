import { SetArena } from '../../../electron/domain/ledger-excel/set-arena';

describe('SetArena', () => {
  it('gives back every kept set exactly, across buffer boundaries', () => {
    const arena = new SetArena();
    const sets = Array.from({ length: 6000 }, (_, i) => ({
      'child.name': `张小明${i}`,
      'child.idNumber': `44520220150808${String(i).padStart(4, '0')}`,
      note: '说明'.repeat(i % 400),
      list: ['a', String(i)],
      flag: i % 2 === 0,
      gone: null,
    }));
    const ids = sets.map((s) => arena.add(s));
    expect(arena.size).toBe(sets.length);
    ids.forEach((n, i) => expect(arena.get(n)).toEqual(sets[i]));
    expect(() => arena.get(sets.length)).toThrow(RangeError);
  });
});
