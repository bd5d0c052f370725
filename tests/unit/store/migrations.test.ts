import fs from 'node:fs';
import path from 'node:path';
import { migrate, migrations, SCHEMA_VERSION } from '../../../electron/store/migrations';
import { encodeSnapshot } from '../../../electron/store/snapshot-file';
import { Store, storeFiles } from '../../../electron/store/store';
import { cleanupTempDirs, tempDir } from '../../helpers/temp-dir';

afterEach(cleanupTempDirs);
const OFFICE = '445222';
const H1 = '000001764295200000-00000-445222'.slice(3);
const H2 = '000001764295300000-00000-445222'.slice(3);

function v1Doc() {
  return {
    format: 'guanai-store',
    schemaVersion: 1,
    office: OFFICE,
    log: { bytes: 0, count: 0, tailOffset: 0, tailHash: null },
    hlc: H2,
    seqs: {},
    state: {
      entities: {
        child: {
          c1: { name: '陈小红', school: '揭西县第一小学', _hlc: H2, _created: H1 },
        },
      },
    },
    index: {},
  };
}

test('migrations are ordered, one step each, ending at the current version', () => {
  expect(migrations.map((m) => m.to)).toEqual(Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 2));
});

test('1 → 2: every value takes its record stamp', () => {
  const { doc, applied } = migrate(v1Doc());
  expect(applied).toEqual(['per-field stamps']);
  expect(doc.schemaVersion).toBe(2);
  expect((doc.state as { entities: Record<string, Record<string, unknown>> }).entities.child!.c1).toEqual({
    v: { name: '陈小红', school: '揭西县第一小学' },
    b: H2,
    c: H1,
  });
});

test('opening a version 1 store migrates it, keeps the old file, and tells the user', async () => {
  const dir = path.join(tempDir(), 'store');
  await Store.create(dir, OFFICE);
  fs.writeFileSync(storeFiles(dir).snapshot, encodeSnapshot(v1Doc()));
  const s = await Store.open(dir, { office: OFFICE });
  expect(s.schemaVersion).toBe(SCHEMA_VERSION);
  expect(s.get('child', 'c1')!.v.name).toBe('陈小红');
  expect(s.notices.map((n) => n.code)).toEqual(['MIGRATED']);
  expect(fs.readdirSync(storeFiles(dir).damaged).some((f) => f.endsWith('state.v1.json'))).toBe(true);
  // Later edits merge field by field on top of the migrated stamps.
  s.commit([{ entity: 'child', id: 'c1', set: { school: '揭西县河婆中学' } }], 'u');
  expect(s.get('child', 'c1')!.v).toEqual({ name: '陈小红', school: '揭西县河婆中学' });
  await s.close();
});

test('a file newer than the app is refused and left byte-for-byte untouched', async () => {
  const dir = path.join(tempDir(), 'store');
  await Store.create(dir, OFFICE);
  const newer = { ...v1Doc(), schemaVersion: SCHEMA_VERSION + 1 };
  fs.writeFileSync(storeFiles(dir).snapshot, encodeSnapshot(newer));
  const before = fs.readFileSync(storeFiles(dir).snapshot);
  const listing = fs.readdirSync(dir).sort();
  await expect(Store.open(dir, { office: OFFICE })).rejects.toMatchObject({
    code: 'SCHEMA_TOO_NEW',
    message: expect.stringContaining('请升级程序'),
  });
  expect(fs.readFileSync(storeFiles(dir).snapshot)).toEqual(before);
  expect(fs.readdirSync(dir).sort()).toEqual(listing);
});

test('a journal line written by a newer app is refused too', async () => {
  const dir = path.join(tempDir(), 'store');
  await Store.create(dir, OFFICE);
  const s = await Store.open(dir, { office: OFFICE });
  s.commit([{ entity: 'child', id: 'a', set: {} }], 'u');
  (s as unknown as { closed: boolean }).closed = true;
  // Rewrite that line as if a newer version had written it (with a valid checksum).
  const { encodeLine } = await import('../../../electron/store/operation');
  const journal = storeFiles(dir).journal;
  const op = JSON.parse(fs.readFileSync(journal, 'utf8').split('\t')[0]!);
  fs.writeFileSync(journal, encodeLine({ ...op, sv: SCHEMA_VERSION + 1 }, -1));
  await expect(Store.open(dir, { office: OFFICE })).rejects.toMatchObject({ code: 'SCHEMA_TOO_NEW' });
});
