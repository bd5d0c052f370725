// The minimal sequence the convergence property found: a losing value equal to the current value was kept or
// dropped depending on arrival order (both orders causal). Now it is always kept, and hidden from the conflicts list.
import { applyOperation, isOpenLoser } from '../../../electron/store/fold';
import { emptyState } from '../../../electron/store/state';

const h = (ms: number, office: string) => `${String(ms).padStart(15, '0')}-00000-${office}`;
const op = (office: string, ms: number, v: string, base?: string) => ({
  office, seq: 1, hlc: h(ms, office), user: 'u', entity: 'child', id: 'c', set: { f: v }, sv: 2,
  ...(base ? { base: { f: base } } : {}),
});

test('an equal losing value is kept whatever the order, and is not an open conflict', () => {
  const a = op('445200', 10, '甲'); // concurrent with d
  const d = op('445203', 20, '乙');
  const c = op('445202', 30, '甲', d.hlc); // saw d only
  const run = (order: (typeof a)[]) => {
    const st = emptyState();
    for (const o of order) applyOperation(st, o);
    return st.entities.child!.c!;
  };
  const one = run([a, d, c]);
  const two = run([d, c, a]);
  expect(JSON.stringify(one.x)).toBe(JSON.stringify(two.x));
  expect(one.x).toEqual([{ field: 'f', value: '甲', hlc: a.hlc, office: '445200' }]);
  expect(one.v.f).toBe('甲');
  expect(one.x!.filter((l) => isOpenLoser(one, l))).toEqual([]);
});
