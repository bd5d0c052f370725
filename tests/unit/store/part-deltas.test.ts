// A part's delta (tables.ts, table-part.ts): a snapshot after a few edits writes only the changed records beside the
// part's base, the base is rewritten once the delta outgrows its share, and base plus delta read back as the table —
// after a quit, after a crash, with the base let go from memory, and with either file damaged.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { checkIntegrity } from '../../../electron/store/integrity';
import { Sealer } from '../../../electron/store/sealed';
import { decodeSnapshotBuffer, openSnapshotBuffer, MANIFEST_LABEL } from '../../../electron/store/snapshot-file';
import { Store, storeFiles, type StoreDoc } from '../../../electron/store/store';
import { partOf } from '../../../electron/store/tables';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';
import { bigStore as bigStoreOf, children, OFFICE, SIZING } from './parts-fixture';

afterEach(cleanupTempDirs);
jest.setTimeout(60_000);

// 3,000 children over 128 parts: ~23 a part, so one edit is a small share of its part.
const N = 3000;
const bigStore = (opts: { memoryBudget?: number } = {}) => bigStoreOf(N, opts);

/** The child table's part entries as the current manifest names them. */
const entries = (dir: string): (string | null)[] =>
  decodeSnapshotBuffer<StoreDoc>(fs.readFileSync(storeFiles(dir).snapshot)).tables!.child!.parts!;

/** The ids a part file holds, in order. */
const idsIn = (dir: string, file: string): string[] =>
  fs
    .readFileSync(path.join(dir, 'tables', file), 'utf8')
    .split('\n')
    .slice(1, -1)
    .map((l) => JSON.parse(l.split('\t')[0]!) as string);

/** Ids of the first children (by number) that fall in one part. */
function samePart(count: number): { part: number; ids: string[] } {
  const part = partOf('c0', 128);
  const ids: string[] = [];
  for (let i = 0; ids.length < count; i++) if (partOf(`c${i}`, 128) === part) ids.push(`c${i}`);
  return { part, ids };
}

const edit = (store: Store, id: string, village: string) => store.commit([{ entity: 'child', id, set: { village } }], 'u1');

describe("a part's delta", () => {
  test('a few edits are written as a delta beside the unchanged base, holding only the changed records', async () => {
    const { dir, store } = await bigStore();
    const { part, ids } = samePart(2);
    const before = entries(dir);
    expect(before[part]).not.toContain('+');
    edit(store, ids[0]!, '甲村');
    edit(store, ids[1]!, '甲村');
    store.commit(children(1, 90_000).filter((c) => partOf(c.id, 128) === part), 'u1');
    await store.snapshot();
    const after = entries(dir);
    const [base, delta] = after[part]!.split('+');
    // The base file is the one written before, untouched; the delta holds the two edits and nothing else.
    expect(base).toBe(before[part]);
    expect(delta).toMatch(/^child-\d+-d[0-9a-f]{16}\.json$/);
    expect(idsIn(dir, delta!)).toEqual(ids);
    // Every other part is named as before.
    expect(after.filter((e, i) => i !== part && e !== before[i])).toEqual([]);
    await store.close();
    const again = await Store.open(dir, { office: OFFICE, ...SIZING });
    expect(again.get('child', ids[0]!)!.v.village).toBe('甲村');
    expect(again.get('child', 'c1')!.v.village).toBe('榕东村');
    let total = 0;
    again.each('child', () => total++);
    expect(total).toBe(N);
    expect(again.recordCount('child')).toBe(N);
    await again.close();
    expect(checkIntegrity(dir).ok).toBe(true);
  });

  test('deltas accumulate the changes since the base, and past their share the base is rewritten with them', async () => {
    const { dir, store } = await bigStore();
    const { part, ids } = samePart(12);
    const base = entries(dir)[part]!;
    const seen: string[] = [];
    let rewritten = false;
    for (const id of ids) {
      edit(store, id, '乙村');
      await store.snapshot();
      const entry = entries(dir)[part]!;
      if (!entry.includes('+')) {
        rewritten = true;
        expect(entry).not.toBe(base);
        // The new base holds the part's every record, the delta's folded in.
        expect(idsIn(dir, entry).length).toBeGreaterThan(20);
        break;
      }
      seen.push(id);
      expect(entry.split('+')[0]).toBe(base);
      expect(idsIn(dir, entry.split('+')[1]!).sort()).toEqual([...seen].sort());
    }
    // ~23 records a part and a quarter share: the base is rewritten by the sixth or seventh edit.
    expect(rewritten).toBe(true);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    // Old deltas are removed once no manifest (current or backup) names them.
    const named = new Set(
      [entries(dir), decodeSnapshotBuffer<StoreDoc>(fs.readFileSync(storeFiles(dir).backup)).tables!.child!.parts!]
        .flat()
        .flatMap((e) => (e ? e.split('+') : [])),
    );
    expect(fs.readdirSync(path.join(dir, 'tables')).filter((f) => f.startsWith('child-') && !named.has(f))).toEqual([]);
    await store.close();
    const again = await Store.open(dir, { office: OFFICE, ...SIZING });
    for (const id of ids.slice(0, seen.length + 1)) expect(again.get('child', id)!.v.village).toBe('乙村');
    expect(again.get('child', ids[11]!)!.v.village).toBe('榕东村');
    await again.close();
    expect(checkIntegrity(dir).ok).toBe(true);
  });

  test('edits during a delta snapshot, with bases let go from memory, are kept in process and after a crash', async () => {
    // A budget of one byte: every part lets go of its base as soon as it can, so deltas are written for parts whose
    // base is not in memory, and the parts renewed after them must read it again when asked.
    const { dir, store } = await bigStore({ memoryBudget: 1 });
    await store.close();
    const opts = { office: OFFICE, ...SIZING, memoryBudget: 1, snapshotEvery: 1_000_000 };
    const live = await Store.open(dir, opts);
    for (let i = 0; i < N; i += 97) edit(live, `c${i}`, '丙村');
    const writing = live.snapshot();
    for (let i = 0; i < N; i += 97) {
      await new Promise((r) => setImmediate(r));
      edit(live, `c${i + 1}`, '丁村');
      live.commit(children(1, 50_000 + i), 'u1');
    }
    await writing;
    const added = Math.ceil(N / 97);
    expect(entries(dir).filter((e) => e?.includes('+')).length).toBeGreaterThan(10);
    const check = (s: Store) => {
      for (let i = 0; i < N; i += 97) {
        expect(s.get('child', `c${i}`)!.v.village).toBe('丙村');
        expect(s.get('child', `c${i + 1}`)!.v.village).toBe('丁村');
        expect(s.get('child', `c${50_000 + i}`)!.v.name).toBe(`儿童${50_000 + i}`);
      }
      expect(s.get('child', 'c3')!.v.village).toBe('榕东村');
      expect(s.recordCount('child')).toBe(N + added);
      let total = 0;
      s.each('child', () => total++);
      expect(total).toBe(N + added);
    };
    check(live);
    // A second snapshot over the renewed parts (their deltas grow by the edits made meanwhile).
    await live.snapshot();
    check(live);
    for (let i = 0; i < N; i += 97) edit(live, `c${i + 2}`, '戊村');
    // So small a budget starts a snapshot after every edit: let the last one finish (one process cannot hold two
    // stores writing the same folder). Then no close: the process dies here, and the reopened store is the manifest
    // plus the journal after it.
    await new Promise((r) => setImmediate(r));
    await live.atRest(() => null);
    const again = await Store.open(dir, opts);
    check(again);
    for (let i = 0; i < N; i += 97) expect(again.get('child', `c${i + 2}`)!.v.village).toBe('戊村');
    await again.close();
    expect(checkIntegrity(dir).ok).toBe(true);
  });

  test('a damaged delta, or a missing base under it, is set aside and the table rebuilt from the journal', async () => {
    for (const victim of ['delta', 'base'] as const) {
      const { dir, store } = await bigStore();
      const { part, ids } = samePart(1);
      edit(store, ids[0]!, '己村');
      await store.close();
      const [base, delta] = entries(dir)[part]!.split('+');
      expect(delta).toBeDefined();
      const file = path.join(dir, 'tables', victim === 'delta' ? delta! : base!);
      if (victim === 'delta') fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 90));
      else fs.rmSync(file);
      const again = await Store.open(dir, { office: OFFICE, ...SIZING });
      expect(again.get('child', ids[0]!)!.v.village).toBe('己村');
      let total = 0;
      again.each('child', () => total++);
      expect(total).toBe(N);
      expect(again.notices.map((n) => n.code)).toContain('TABLE_REBUILT');
      if (victim === 'delta') expect(fs.readdirSync(storeFiles(dir).damaged).length).toBeGreaterThan(0);
      await again.close();
      expect(checkIntegrity(dir).ok).toBe(true);
    }
  });

  test('after a failed snapshot rewrote a base, the next delta is written over that base, not the manifest\'s', async () => {
    const { dir, store } = await bigStore();
    const { part, ids } = samePart(10);
    const other = partOf('c1', 128) === part ? 'c2' : 'c1';
    const otherPart = partOf(other, 128);
    // Enough of one part's children that its base is rewritten whole; then another part, whose write fails.
    for (const id of ids.slice(0, 9)) edit(store, id, '壬村');
    edit(store, other, '壬村');
    const real = fs.promises.open.bind(fs.promises);
    const open = jest.spyOn(fs.promises, 'open').mockImplementation((file, ...rest) =>
      String(file).includes(`child-${otherPart}-`)
        ? Promise.reject(Object.assign(new Error('disk full'), { code: 'ENOSPC' }))
        : real(file, ...(rest as [string])),
    );
    await expect(store.snapshot()).rejects.toThrow('disk full');
    open.mockRestore();
    // One more edit in the first part: the next snapshot writes it as a delta.
    edit(store, ids[9]!, '癸村');
    await store.snapshot();
    expect(entries(dir)[part]).toContain('+');
    // Killed here: what the manifest names must hold every edit, those of the failed snapshot's capture included.
    const again = await Store.open(dir, { office: OFFICE, ...SIZING });
    for (const id of ids.slice(0, 9)) expect(again.get('child', id)!.v.village).toBe('壬村');
    expect(again.get('child', ids[9]!)!.v.village).toBe('癸村');
    expect(again.get('child', other)!.v.village).toBe('壬村');
    await again.close();
    expect(checkIntegrity(dir).ok).toBe(true);
  });

  test('in a sealed store a delta is sealed under its own name, reads back, and cannot stand in for another', async () => {
    const sealer = new Sealer(crypto.randomBytes(32));
    const dir = path.join(tempDir(), 'store');
    await Store.create(dir, OFFICE, sealer);
    const opts = { office: OFFICE, sealer, ...SIZING };
    const store = await Store.open(dir, { ...opts, clock: fixedClock(), snapshotEvery: 1_000_000 });
    store.commit(children(N), 'u1');
    await store.snapshot();
    const { ids } = samePart(2);
    edit(store, ids[0]!, '子村');
    const other = ids[0] === 'c1' ? 'c2' : 'c1';
    edit(store, other, '丑村');
    await store.close();
    const parts = openSnapshotBuffer<StoreDoc>(fs.readFileSync(storeFiles(dir).snapshot), MANIFEST_LABEL, sealer).tables!.child!.parts!;
    const withDelta = parts.filter((e): e is string => e !== null && e.includes('+'));
    expect(withDelta).toHaveLength(2);
    // Nothing readable in a delta.
    const deltaFile = path.join(dir, 'tables', withDelta[0]!.split('+')[1]!);
    expect(fs.readFileSync(deltaFile).toString('latin1')).not.toMatch(/村|c\d|village/);
    const again = await Store.open(dir, opts);
    expect(again.get('child', ids[0]!)!.v.village).toBe('子村');
    expect(again.get('child', other)!.v.village).toBe('丑村');
    await again.close();
    expect(checkIntegrity(dir, sealer).ok).toBe(true);
    // One part's delta put in the place of another's: its seal names its own file, so it is refused and the table
    // rebuilt from the journal, with every edit.
    const [a, b] = withDelta.map((e) => path.join(dir, 'tables', e.split('+')[1]!));
    fs.copyFileSync(a!, b!);
    const third = await Store.open(dir, opts);
    expect(third.get('child', ids[0]!)!.v.village).toBe('子村');
    expect(third.get('child', other)!.v.village).toBe('丑村');
    expect(third.notices.map((n) => n.code)).toContain('TABLE_REBUILT');
    await third.close();
  });

  test('a table with deltas spread over more parts keeps every record and edit', async () => {
    const { dir, store } = await bigStore();
    for (let i = 0; i < N; i += 37) edit(store, `c${i}`, '寅村');
    await store.close();
    expect(entries(dir).filter((e) => e?.includes('+')).length).toBeGreaterThan(20);
    // Parts of 3,000 records past 20 a part: the next snapshot spreads the table over 1,024 parts.
    const spread = await Store.open(dir, { office: OFFICE, ...SIZING, finerAt: 20, snapshotEvery: 1_000_000 });
    edit(spread, 'c1', '卯村');
    await spread.close();
    expect(entries(dir)).toHaveLength(1024);
    const again = await Store.open(dir, { office: OFFICE, ...SIZING, finerAt: 20 });
    for (let i = 0; i < N; i += 37) expect(again.get('child', `c${i}`)!.v.village).toBe('寅村');
    expect(again.get('child', 'c1')!.v.village).toBe('卯村');
    expect(again.get('child', 'c2')!.v.village).toBe('榕东村');
    let total = 0;
    again.each('child', () => total++);
    expect(total).toBe(N);
    await again.close();
    expect(checkIntegrity(dir).ok).toBe(true);
  });

  test('a backup taken at rest names both files of a part with a delta', async () => {
    const { dir, store } = await bigStore();
    const { part, ids } = samePart(1);
    edit(store, ids[0]!, '庚村');
    await store.snapshot();
    const files = await store.atRest((point) => point.tables.map((t) => path.basename(t)));
    for (const f of entries(dir)[part]!.split('+')) expect(files).toContain(f);
    await store.close();
  });
});
