// The hand-written payload check accepts exactly what the store's operation schema accepts.
import { operationSchema } from '../../../electron/store/operation';
import { isOperation } from '../../../electron/sync/operation-check';

const good = {
  office: '445202', seq: 3, hlc: '001795831200000-00001-445202', user: 'u', entity: 'child', id: 'c1',
  set: { a: 1, b: [1, { c: null }] }, sv: 2, batch: ['445202-1', 0, 2], base: { a: '001795831200000-00000-445202' },
  res: { a: ['001795831200000-00000-445203'] },
};

const variants: unknown[] = [
  good,
  { ...good, batch: undefined, base: undefined, res: undefined },
  { ...good, extra: 1 },
  { ...good, office: '44520' },
  { ...good, seq: 0 },
  { ...good, seq: 1.5 },
  { ...good, sv: -1 },
  { ...good, hlc: 'x' },
  { ...good, user: '' },
  { ...good, user: 'u'.repeat(65) },
  { ...good, entity: '1child' },
  { ...good, id: '' },
  { ...good, id: 'i'.repeat(81) },
  { ...good, set: [] },
  { ...good, set: null },
  { ...good, batch: ['b', -1, 2] },
  { ...good, batch: ['b', 0] },
  { ...good, base: { a: 'nope' } },
  { ...good, res: { a: 'nope' } },
  { ...good, res: { a: [1] } },
  null,
  [],
  'op',
];

test.each(variants.map((v, i) => [i, v]))('variant %i: same verdict as operationSchema', (_i, v) => {
  const clean = v && typeof v === 'object' ? JSON.parse(JSON.stringify(v)) : v;
  expect(isOperation(clean)).toBe(operationSchema.safeParse(clean).success);
});
