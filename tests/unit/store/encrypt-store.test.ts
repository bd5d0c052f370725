// Encrypting a legacy plaintext store: nothing lost or reordered, the same state, histories and operationsSince,
// and a crash at any step leaves the old store or the new one to open.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { encryptStore, type EncryptStep } from '../../../electron/store/encrypt-store';
import { canonical, checkIntegrity } from '../../../electron/store/integrity';
import { Sealer } from '../../../electron/store/sealed';
import type { State } from '../../../electron/store/state';
import { Store, storeFiles } from '../../../electron/store/store';
import { swapNames } from '../../../electron/store/store-swap';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';

const OFFICE = '445200';
afterEach(cleanupTempDirs);
jest.setTimeout(60_000);
const sealer = new Sealer(crypto.randomBytes(32));

/** A legacy store with what a real one holds: batches, foreign operations, several snapshots, a journal ahead of
 *  the last one, a record edited many times, and a copy kept in damaged/. */
async function legacy(): Promise<string> {
  const dir = path.join(tempDir(), 'store');
  await Store.create(dir, OFFICE);
  const clock = fixedClock();
  const s = await Store.open(dir, { office: OFFICE, clock, snapshotEvery: 1_000_000 });
  for (let i = 0; i < 40; i++) {
    clock.advance(1000);
    s.commit(
      [
        {
          entity: 'child',
          id: `c${i % 7}`,
          set: { name: `儿童${i}`, idNumber: `44520220150808${String(1000 + i)}` },
        },
      ],
      'local-user',
    );
  }
  s.commit(
    [1, 2, 3].map((n) => ({ entity: 'visit', id: `v${n}`, set: { childId: 'c1', n } })),
    'local-user',
  );
  await s.snapshot();
  s.commitForeign([
    {
      office: '445202',
      seq: 1,
      hlc: '000000000000009-00000-445202',
      user: 'x',
      entity: 'child',
      id: 'c1',
      set: { risk: '红' },
      sv: 2,
    },
    {
      office: '445202',
      seq: 2,
      hlc: '000000000000010-00000-445202',
      user: 'x',
      entity: 'task',
      id: 't1',
      set: { a: 1 },
      sv: 2,
    },
  ]);
  // Past MARK_EVERY operations, so operationsSince starts from a mark; in batches, to keep the test quick.
  for (let i = 0; i < 1200; i += 100) {
    s.commit(
      Array.from({ length: 100 }, (_, k) => ({ entity: 'visit', id: `w${i + k}`, set: { n: i + k } })),
      'local-user',
    );
  }
  await s.snapshot();
  s.commit([{ entity: 'child', id: 'c1', set: { guardianPhone: '13812345678' } }], 'local-user');
  (s as unknown as { closed: boolean }).closed = true; // no final snapshot
  fs.appendFileSync(storeFiles(dir).journal, '{"office":"445200","seq":99'); // a torn tail, set aside on open
  return dir;
}

interface Seen {
  state: string;
  histories: string;
  since: string;
  vector: Record<string, number>;
}

/** What a person and a peer see of the store; record heads (`p`, journal offsets) are left out: they must change. */
async function seen(dir: string, s?: Sealer): Promise<Seen> {
  const store = await Store.open(dir, { office: OFFICE, sealer: s });
  const state = JSON.parse(JSON.stringify(store.stateForCheck())) as State;
  for (const t of Object.values(state.entities)) for (const r of Object.values(t)) delete r.p;
  const records = ['c0', 'c1', 'c6']
    .map((id) => store.history('child', id))
    .concat([store.history('visit', 'w7')]);
  const result = {
    state: canonical(state),
    histories: canonical(records),
    since: canonical([
      store.operationsSince({}),
      store.operationsSince({ [OFFICE]: 1001 }),
      store.operationsSince({ [OFFICE]: 10, '445202': 1 }),
    ]),
    vector: store.versionVector(),
  };
  await store.close();
  return result;
}

test('a converted legacy folder has the same state, histories and operationsSince, and no plaintext left', async () => {
  const dir = await legacy();
  const before = await seen(dir);
  expect(JSON.parse(before.histories)[1]).toHaveLength(8); // c1: six edits, the foreign one, the phone, in order
  const result = await encryptStore(dir, OFFICE, sealer);
  expect(result).toMatchObject({ encrypted: true, operations: 1246 });
  expect(await seen(dir, sealer)).toEqual(before);
  expect(checkIntegrity(dir, sealer)).toMatchObject({ ok: true, operations: 1246 });
  const names = swapNames(dir);
  for (const n of [names.building, names.verified, names.aside]) expect(fs.existsSync(n)).toBe(false);
  // The copies kept from before (the torn tail set aside by the legacy open) came along, sealed.
  expect(fs.readdirSync(storeFiles(dir).damaged).length).toBeGreaterThan(0);
  const walk = (d: string): string[] =>
    fs
      .readdirSync(d, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  for (const f of walk(path.dirname(dir))) {
    const bytes = fs.readFileSync(f);
    for (const s of ['儿童', '13812345678', '445202201508081', 'local-user', '"office"'])
      expect(bytes.includes(Buffer.from(s))).toBe(false);
  }
  // The store goes on: the next commit continues the sequence, and encrypting again changes nothing.
  const s = await Store.open(dir, { office: OFFICE, sealer });
  expect(s.commit([{ entity: 'child', id: 'c1', set: { risk: '黄' } }], 'u')[0]!.seq).toBe(1245);
  expect(s.history('child', 'c1')).toHaveLength(9);
  await s.close();
  expect(await encryptStore(dir, OFFICE, sealer)).toMatchObject({ encrypted: false, operations: 1247 });
  await expect(encryptStore(dir, OFFICE, new Sealer(crypto.randomBytes(32)))).rejects.toMatchObject({
    code: 'KEY_WRONG',
  });
});

test('a damaged legacy store is not converted: its journal keeps the damage for doctor, nothing is built', async () => {
  const dir = await legacy();
  const { journal } = storeFiles(dir);
  const lines = fs.readFileSync(journal, 'utf8').split('\n');
  lines[5] = lines[5]!.replace('儿童5', '儿童9');
  fs.writeFileSync(journal, lines.join('\n'));
  await expect(encryptStore(dir, OFFICE, sealer)).rejects.toMatchObject({ code: 'STORE_DAMAGED' });
  // Opening it first did what any open does (set the torn tail aside); the damaged line is as it was.
  expect(fs.readFileSync(journal, 'utf8').split('\n')[5]).toBe(lines[5]);
  expect(Store.exists(dir)).toBe(true);
  expect(fs.existsSync(swapNames(dir).building)).toBe(false);
});

const steps: EncryptStep[] = ['opened', 'built', 'verified', 'aside', 'swapped', 'removed'];
test.each(steps)(
  'a crash after “%s” leaves the old or the new store to open, and running again finishes',
  async (step) => {
    const dir = await legacy();
    const before = await seen(dir);
    const crash = new Error('crash');
    await expect(
      encryptStore(dir, OFFICE, sealer, (at) => {
        if (at === step) throw crash;
      }),
    ).rejects.toBe(crash);
    // Which one opens depends on how far it got; one of them must, with everything in it.
    const swapped = steps.indexOf(step) >= steps.indexOf('aside');
    expect(Store.exists(dir)).toBe(true);
    expect(await seen(dir, swapped ? sealer : undefined)).toEqual(before);
    if (swapped)
      expect(fs.existsSync(swapNames(dir).aside)).toBe(false); // opening finished the swap
    else
      await expect(Store.open(dir, { office: OFFICE, sealer })).rejects.toMatchObject({
        code: 'STORE_NOT_ENCRYPTED',
      });
    await encryptStore(dir, OFFICE, sealer);
    expect(await seen(dir, sealer)).toEqual(before);
    for (const n of Object.values(swapNames(dir))) expect(fs.existsSync(n)).toBe(false);
  },
);

test('the whole data folder: keys sealed first, so a run stopped before the store finishes on the next run', async () => {
  const { encryptDataFolder } = await import('../../../electron/store/encrypt-store');
  const { generateIdentity, identityIsSealed, loadIdentity, saveIdentity } =
    await import('../../../electron/identity/identity');
  const dir = await legacy();
  const dataDir = path.dirname(dir);
  const id = generateIdentity(
    { code: OFFICE, name: '揭阳市民政局', level: 'city' },
    new Date('2026-11-28T00:00:00Z'),
  );
  saveIdentity(dataDir, id);
  const before = await seen(dir);
  // Stopped after the keys: the store is damaged for a moment, so its encryption fails; the keys are sealed.
  const journal = storeFiles(dir).journal;
  const good = fs.readFileSync(journal);
  fs.writeFileSync(journal, Buffer.concat([Buffer.from('garbage\n'), good]));
  await expect(encryptDataFolder(dataDir, dir, OFFICE, sealer)).rejects.toMatchObject({
    code: 'STORE_DAMAGED',
  });
  expect(identityIsSealed(dataDir)).toBe(true);
  fs.writeFileSync(journal, good);
  await encryptDataFolder(dataDir, dir, OFFICE, sealer);
  expect(loadIdentity(dataDir, sealer)).toEqual(id);
  expect(await seen(dir, sealer)).toEqual(before);
});
