// Issue 13: the renderer asks for app.status on every change to the data. Its answer reads no whole table of the
// ledger, does not list the backup folder, and takes the counts the store keeps.
import fs from 'node:fs';
import { requireStore } from '../../../electron/app/context';
import { backupsDirOf } from '../../../electron/backup/backups';
import { cleanupTempDirs } from '../../helpers/temp-dir';
import { call, child, ledgerContext } from '../ledger/ledger-helpers';

afterEach(() => {
  jest.restoreAllMocks();
  cleanupTempDirs();
});

test('app.status after an edit: counts from the store, no table read whole, no backup folder listed or log sorted', async () => {
  const { ctx } = await ledgerContext();
  try {
    const id = (await call(ctx, 'children.create', { record: child('张小明', '2015-08-08', 123), incomplete: false })).id;
    await call(ctx, 'visits.add', { childId: id, date: '2026-11-01', visitor: '林主任' });
    // A backup folder to list (the office has one once a backup was made).
    fs.mkdirSync(backupsDirOf(ctx.dataDir), { recursive: true });
    await call(ctx, 'app.status', {});
    await call(ctx, 'visits.add', { childId: id, date: '2026-11-02', visitor: '林主任' });
    const store = requireStore(ctx);
    const each = jest.spyOn(store, 'each');
    const table = jest.spyOn(store, 'table');
    const counts = jest.spyOn(store, 'counts');
    const readdir = jest.spyOn(fs, 'readdirSync');

    const status = await call(ctx, 'app.status', {});
    expect(status.counts.entities).toMatchObject({ child: 1, visit: 2 });
    // The administrator's backup reminder is there, without the list of backup files.
    expect(status.backupReminder).toMatchObject({ due: true });

    expect(counts).toHaveBeenCalledTimes(1);
    // Not even the backup log: its newest entries are kept until it changes.
    const big = ['child', 'visit', 'assistance', 'assessment', 'report', 'audit', 'backupLog'];
    expect(each.mock.calls.filter(([e]) => big.includes(e))).toEqual([]);
    expect(table.mock.calls.filter(([e]) => big.includes(e))).toEqual([]);
    expect(readdir).not.toHaveBeenCalled();
  } finally {
    await ctx.close();
  }
});
