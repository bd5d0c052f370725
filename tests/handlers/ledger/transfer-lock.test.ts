// A child transferred out to another county is read-only at the office that sent it.
import type { AppContext } from '../../../electron/app/context';
import type { PeerRecord } from '../../../electron/sync/peers';
import { transferChanges } from '../../../electron/sync/transfer';
import { EXPECTED, heldRecord, messyLedgerXlsx } from '../../helpers/messy-ledger';
import { cleanupTempDirs } from '../../helpers/temp-dir';
import { call, child, fail, ledgerContext } from './ledger-helpers';

const LOCKED = '该儿童已于2026-11-20转出至揭阳市普宁市民政局，档案只读；如需更正请联系接收单位。';

const puning = {
  code: '445281',
  name: '揭阳市普宁市民政局',
  level: 'county',
  status: 'trusted',
} as PeerRecord;

let ctx: AppContext;
let id: string;
beforeEach(async () => {
  ({ ctx } = await ledgerContext());
  ({ id } = await call(ctx, 'children.create', { record: child('张小明') }));
});
afterEach(async () => {
  await ctx.close();
  cleanupTempDirs();
});

function transferOut(childId = id) {
  const store = ctx.store!;
  store.commit(transferChanges(store, ctx.office!.code, childId, puning, '2026-11-20', '随父母迁居普宁'), ctx.user);
}

describe('a child transferred out', () => {
  it('can be changed before the transfer', async () => {
    await call(ctx, 'visits.add', { childId: id, date: '2026-11-01', visitor: '李主任', findings: ['normal'], note: '', nextDue: '' });
    expect((await call(ctx, 'children.get', { id })).transferredOut).toBeNull();
  });

  it('refuses every change with a clear Chinese message and writes nothing', async () => {
    transferOut();
    const before = ctx.store!.counts().operations;
    const attempts = [
      fail(ctx, 'children.update', { id, record: child('张晓明') }),
      fail(ctx, 'children.exit', { id, reason: 'age-16', date: '2026-11-25', note: '' }),
      fail(ctx, 'children.reenter', { id, date: '2026-11-25', note: '' }),
      fail(ctx, 'visits.add', { childId: id, date: '2026-11-25', visitor: '李主任', findings: ['normal'], note: '', nextDue: '' }),
      fail(ctx, 'assistance.add', { childId: id, type: 'study-help', provider: '某小学', date: '2026-11-25', note: '' }),
      fail(ctx, 'assessments.add', {
        childId: id,
        date: '2026-11-25',
        assessor: '李主任',
        guardianship: 'good',
        safety: '安全',
        riskLevel: 'yellow',
        note: '',
      }),
    ];
    for (const err of await Promise.all(attempts)) {
      expect(err).toEqual({ code: 'REFUSED', message: LOCKED });
    }
    expect(ctx.store!.counts().operations).toBe(before);
  });

  it('still reads, and its view carries the transfer trace for the record page', async () => {
    transferOut();
    const view = await call(ctx, 'children.get', { id });
    expect(view.record.child.name).toBe('张小明');
    expect(view.record.status.state).toBe('transferred');
    expect(view.transferredOut).toEqual({ to: '揭阳市普宁市民政局', toCode: '445281', date: '2026-11-20', note: '随父母迁居普宁' });
    expect((await call(ctx, 'visits.list', { childId: id })).length).toBe(0);
  });

  it('is writable again where it is now kept (custodian = this office)', async () => {
    ctx.store!.commit([{ entity: 'child', id, set: { custodian: ctx.office!.code, 'status.state': 'active' } }], ctx.user);
    expect((await call(ctx, 'children.get', { id })).transferredOut).toBeNull();
    await call(ctx, 'visits.add', { childId: id, date: '2026-11-25', visitor: '李主任', findings: ['normal'], note: '', nextDue: '' });
  });
});

describe('an Excel import at the sending office', () => {
  it('refuses the row of a transferred child instead of updating it', async () => {
    const held = await call(ctx, 'children.create', { record: heldRecord() });
    transferOut(held.id);
    const xlsx = await messyLedgerXlsx();
    const p = await call(ctx, 'ledgerImport.preview', {
      source: { fileName: '仙桥街道台账.xlsx', contentBase64: xlsx.toString('base64') },
      sample: 100,
    });
    const row = p.rows.find((r) => r.row === EXPECTED.updateRow)!;
    expect(row.outcome).toBe('rejected');
    expect(row.errors.map((e) => e.message)).toEqual([LOCKED]);
    expect(p.counts.update).toBe(0);
  });
});
