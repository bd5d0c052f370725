// A data folder as the version before accounts wrote it: the office identity, a plaintext store with one child typed
// in by 本机用户 (local-user), and no keyring. Used to test that such a folder is secured on first open.
import path from 'node:path';
import { makeIdNumber } from '../../electron/domain/ledger/id-number';
import { generateIdentity, saveIdentity } from '../../electron/identity/identity';
import { Store } from '../../electron/store/store';

export const LEGACY_CHILD = { id: 'k1', name: '张小明', idNumber: makeIdNumber('445202', '2015-08-08', 123) } as const;

export async function makeLegacyFolder(data: string): Promise<void> {
  const identity = generateIdentity({ code: '445202', name: '榕城区民政局', level: 'county' }, new Date('2026-11-01T00:00:00Z'));
  await Store.create(path.join(data, 'store'), '445202');
  saveIdentity(data, identity);
  const store = await Store.open(path.join(data, 'store'), { office: '445202' });
  store.commit(
    [{ entity: 'child', id: LEGACY_CHILD.id, set: { 'child.name': LEGACY_CHILD.name, 'child.idNumber': LEGACY_CHILD.idNumber } }],
    'local-user',
  );
  await store.close();
}
