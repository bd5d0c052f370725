// At a member unit's office (issue 14) the session names only what that office may do: no ledger channel, none of
// what only the joint-meeting office does (assigning, extending, urging, closing tasks, 通报, setup files for units),
// so the pages never offer them; the liaison's own filings stay. A joint-meeting office keeps every channel its role has.
import { call, office } from './exchange-helpers';
import { allowedChannels } from '../../../electron/dispatch/access';
import { cleanupTempDirs } from '../../helpers/temp-dir';

afterAll(cleanupTempDirs);

test('a unit office’s session leaves out what that office refuses; the city’s keeps everything', async () => {
  const unit = await office('445200-jiaoyu', '揭阳市教育局', 'unit');
  const city = await office('445200', '揭阳市民政局', 'city');
  try {
    const atUnit = (await call(unit, 'app.status', {})).session!.allowed;
    for (const refused of [
      'children.list',
      'children.create',
      'alerts.list',
      'exchange.duplicates',
      'composition.setup',
      'tasks.create',
      'tasks.extend',
      'tasks.urge',
      'tasks.close',
      'tasks.decideExtension',
      'bulletins.create',
      'unitOffice.connected',
      'unitOffice.setupExport',
    ]) {
      expect({ refused, listed: atUnit.includes(refused) }).toEqual({ refused, listed: false });
    }
    for (const kept of [
      'tasks.report',
      'tasks.requestExtension',
      'tasks.attach',
      'tasks.setContact',
      'unitOffice.desk',
      'unitOffice.setupImport',
      'exchange.export',
      'exchange.import',
      'conflicts.list',
    ]) {
      expect({ kept, listed: atUnit.includes(kept) }).toEqual({ kept, listed: true });
    }
    const atCity = (await call(city, 'app.status', {})).session!;
    expect(atCity.allowed).toEqual(allowedChannels(atCity.role));
  } finally {
    await unit.close();
    await city.close();
  }
});
