// Every entity type the code stores has a routing class, and routing sends each kind of record the right way.
import fs from 'node:fs';
import path from 'node:path';
import { Store } from '../../../electron/store/store';
import { ROUTING_TABLE } from '../../../electron/sync/routing-table';
import { routeFilter } from '../../../electron/sync/routing';
import { LOCAL_ONLY_ENTITIES } from '../../../electron/sync/local-entities';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';

afterEach(() => cleanupTempDirs());

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Entity names the code writes: `*_ENTITY` (and the mandatory-report constants) and `entity: '…'` literals. */
function entityNamesInCode(): Map<string, string> {
  const found = new Map<string, string>();
  const root = path.resolve(__dirname, '../../../electron');
  for (const file of sources(root)) {
    const text = fs.readFileSync(file, 'utf8');
    const rel = path.relative(root, file);
    for (const m of text.matchAll(/const ([A-Z][A-Z_]*) = '([a-zA-Z][a-zA-Z0-9]*)'/g)) {
      const name = m[1]!;
      if ((name.endsWith('_ENTITY') || /^REPORT(_[A-Z_]+)?$/.test(name)) && !name.endsWith('_ID')) found.set(m[2]!, rel);
    }
    for (const m of text.matchAll(/entity: '([a-zA-Z][a-zA-Z0-9]*)'/g)) found.set(m[1]!, rel);
  }
  return found;
}

test('every entity type in the code has a routing class', () => {
  const names = entityNamesInCode();
  expect(names.size).toBeGreaterThan(15);
  const missing = [...names].filter(([e]) => !(e in ROUTING_TABLE)).map(([e, file]) => `${e} (${file})`);
  expect(missing).toEqual([]);
  for (const e of LOCAL_ONLY_ENTITIES) expect(ROUTING_TABLE[e]).toBe('local');
});

test('county → city: ledger and task reports; city → county: decisions down and that county’s records', async () => {
  const dir = tempDir('route');
  await Store.create(dir, '445200');
  const store = await Store.open(dir, { office: '445200', clock: fixedClock() });
  const commit = (entity: string, id: string, set: Record<string, string>) => store.commit([{ entity, id, set }], 'u')[0]!;
  // A county's child arrives at the city (foreign op), the city corrects it and holds another county's child.
  store.commitForeign([
    { office: '445202', seq: 1, hlc: '000000000000001-00000-445202', user: 'x', entity: 'child', id: 'k1', set: { n: '1' }, sv: 2 },
    { office: '445203', seq: 1, hlc: '000000000000002-00000-445203', user: 'x', entity: 'child', id: 'k2', set: { n: '2' }, sv: 2 },
  ]);
  const correction = commit('child', 'k1', { n: 'corrected' });
  const visitOfK1 = commit('visit', 'v1', { childId: 'k1' });
  const otherCorrection = commit('child', 'k2', { n: 'x' });
  const minutes = commit('minutes', 'm1', { title: '纪要' });
  const taskReport = commit('taskReport', 'r1', { note: '' });
  const settings = commit('ledgerSettings', 'office', { a: '1' });
  const peer = commit('peer', '445202', { name: '榕城区民政局' });

  const self = { code: '445200', level: 'city' as const };
  const toCounty = routeFilter(store, { self, peer: { code: '445202', level: 'county' }, full: false });
  expect([correction, visitOfK1, otherCorrection, minutes, taskReport, settings, peer].map(toCounty)).toEqual([
    true, true, false, true, false, false, false,
  ]);
  const full = routeFilter(store, { self, peer: { code: '445202', level: 'county' }, full: true });
  expect([otherCorrection, taskReport, settings, peer].map(full)).toEqual([true, true, false, false]);

  // Seen from a county sending up to the city: the whole ledger and task reports, not its own composition.
  const up = routeFilter(store, { self: { code: '445200', level: 'county' }, peer: { code: '445100', level: 'city' }, full: false });
  expect([correction, otherCorrection, taskReport, minutes, settings].map(up)).toEqual([true, true, true, false, false]);

  // After a transfer, the child (and its visits) belong to the new county.
  commit('child', 'k1', { custodian: '445203' });
  const toOther = routeFilter(store, { self, peer: { code: '445203', level: 'county' }, full: false });
  const toFirst = routeFilter(store, { self, peer: { code: '445202', level: 'county' }, full: false });
  expect([correction, visitOfK1].map(toOther)).toEqual([true, true]);
  expect([correction, visitOfK1].map(toFirst)).toEqual([false, false]);
  await store.close();
});
