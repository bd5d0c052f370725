// A mandatory report about a child transferred out is refused here, with a message that sends the clerk to the
// receiving office and reminds that the police are called regardless.
import type { AppContext } from '../../../electron/app/context';
import type { PeerRecord } from '../../../electron/sync/peers';
import { transferChanges } from '../../../electron/sync/transfer';
import { cleanupTempDirs } from '../../helpers/temp-dir';
import { call, child, fail, ledgerContext } from './ledger-helpers';

const puning = { code: '445281', name: '揭阳市普宁市民政局', level: 'county', status: 'trusted' } as PeerRecord;

const REFUSAL =
  '该儿童已于2026-11-20转出至揭阳市普宁市民政局，由其负责关爱保护，本单位不能登记与其关联的强制报告。' +
  '请立即将报告情况转告揭阳市普宁市民政局（单位代码445281）；儿童正面临危险或已受到侵害的，无论由哪个单位办理，都必须立即拨打110报警。';

const report = (childId: string) => ({
  childId,
  reporterType: 'school',
  reporterName: '陈老师',
  reporterUnit: '东湖小学',
  reporterPhone: '13800138000',
  situations: ['living-alone'],
  description: '连续三天独自在家，无人照料。',
  reportedAt: '2026-11-27T08:00',
});

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

const reportCount = () => Object.keys(ctx.store!.table('report')).length;

describe('reports.create for a child transferred out', () => {
  it('is accepted while the child is still kept here', async () => {
    const created = await call(ctx, 'reports.create', report(id));
    expect(created.childId).toBe(id);
    expect(reportCount()).toBe(1);
  });

  it('is refused, naming the receiving office and the police, and writes nothing', async () => {
    const store = ctx.store!;
    store.commit(transferChanges(store, ctx.office!.code, id, puning, '2026-11-20', '随父母迁居普宁'), ctx.user);
    const before = store.counts().operations;
    const err = await fail(ctx, 'reports.create', report(id));
    expect(err).toEqual({ code: 'REFUSED', message: REFUSAL });
    expect(store.counts().operations).toBe(before);
    expect(reportCount()).toBe(0);
  });

  it('is refused for a record marked 转出 in an old ledger, without a receiving office code', async () => {
    ctx.store!.commit(
      [{ entity: 'child', id, set: { 'status.state': 'transferred', 'status.transferTo': '惠来县民政局', 'status.date': '2026-10-01' } }],
      ctx.user,
    );
    const err = await fail(ctx, 'reports.create', report(id));
    expect(err.code).toBe('REFUSED');
    expect(err.message).toBe(
      '该儿童已于2026-10-01转出至惠来县民政局，由其负责关爱保护，本单位不能登记与其关联的强制报告。' +
        '请立即将报告情况转告惠来县民政局；儿童正面临危险或已受到侵害的，无论由哪个单位办理，都必须立即拨打110报警。',
    );
  });

  it('is accepted again once the child is kept here (custodian = this office)', async () => {
    const store = ctx.store!;
    store.commit(transferChanges(store, ctx.office!.code, id, puning, '2026-11-20', ''), ctx.user);
    store.commit([{ entity: 'child', id, set: { custodian: ctx.office!.code, 'status.state': 'active' } }], ctx.user);
    await call(ctx, 'reports.create', report(id));
    expect(reportCount()).toBe(1);
  });
});
