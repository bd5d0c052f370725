// Demonstration composition and tasks: the notice's composition with a few changes of people since 2017, the units
// renamed in the 2018–2019 机构改革 (earlier meetings keep the old names), a liaison for every unit, and supervised
// tasks in every status with dated progress reports, an extension, a correction and a 催办通知, plus one issued bulletin.
// Dates are relative to the clock so the demo always has something overdue and something due soon.
import type { AppContext } from '../app/context';
import { requireStore } from '../app/context';
import { AppError } from '../contract/errors';
import type { ChannelName, ArgsOf, ResultOf } from '../contract/channels';
import type { CompositionView, TaskDetail } from '../contract/schemas/units';
import { dispatch } from '../dispatch/dispatch';
import { setLiaisonChanges } from '../domain/composition/composition-service';
import { addDays, isoDateOf } from '../domain/ledger/dates';
import type { DemoPart } from './parts';
import { chineseName, seededRandom } from './synthetic';

async function call<K extends ChannelName>(ctx: AppContext, name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
  const r = await dispatch(ctx, name, args);
  if (!r.ok) throw new AppError(r.error.code, `演示数据（${name}）：${r.error.message}`);
  return r.value as ResultOf<K>;
}

const LIAISON_POSTS = ['办公室主任', '综合科科长', '业务科科长', '政策法规科科长', '宣传科副科长', '社会事务科科长'];

export const compositionDemoPart: DemoPart = {
  name: 'composition',
  async seed(ctx) {
    const r = seededRandom(4452);
    await call(ctx, 'composition.setup', { mode: 'template' });
    const view: CompositionView = await call(ctx, 'composition.get', { date: '2018-01-01' });
    const post = (unitId: string, role = 'member') => view.posts.find((p) => p.unitId === unitId && p.role === role)!;
    // People move posts: three members were succeeded over the years (synthetic successors).
    await call(ctx, 'posts.replace', { postId: post('jiaoyu').id, personName: chineseName(r), title: '市教育局副局长', from: '2019-06-01' });
    await call(ctx, 'posts.replace', { postId: post('weiji').id, personName: chineseName(r), title: '市卫生健康局副局长', from: '2021-03-15' });
    await call(ctx, 'posts.replace', { postId: post('fulian').id, personName: chineseName(r), title: '市妇联副主席', from: '2024-09-01' });
    // 机构改革: the tax bureaus merged nationally in July 2018, the city's bureaus were reorganised in 2019.
    await call(ctx, 'units.rename', { unitId: 'dishui', name: '国家税务总局揭阳市税务局', from: '2018-07-20' });
    const dishui = view.units.find((u) => u.id === 'dishui')?.duty?.items[0];
    if (dishui) {
      await call(ctx, 'units.editDuty', {
        unitId: 'dishui',
        itemId: dishui.id,
        text: dishui.text.replace('各级地方税务部门', '各级税务部门'),
        from: '2018-07-20',
        note: '国税地税征管体制改革',
      });
    }
    for (const [unitId, name] of [
      ['weiji', '市卫生健康局'],
      ['nongye', '市农业农村局'],
      ['wenguangxin', '市文化广电旅游体育局'],
      ['gongshang', '市市场监督管理局'],
    ] as const) {
      await call(ctx, 'units.rename', { unitId, name, from: '2019-03-01' });
    }
    // One batch for the liaisons: 26 separate commits would each wait for the disk.
    const store = requireStore(ctx);
    const liaisons = view.units.flatMap((u) => {
      const liaisonPost = u.id === 'minzheng' ? '儿童福利科科长' : LIAISON_POSTS[Math.floor(r() * LIAISON_POSTS.length)]!;
      const phone = `0663-8${String(Math.floor(r() * 1e6)).padStart(6, '0')}`;
      return setLiaisonChanges(store, `demo-liaison-${u.id}`, { unitId: u.id, name: chineseName(r), post: liaisonPost, phone, from: '2017-04-01' });
    });
    store.commit(liaisons, ctx.user);
  },
};

export const tasksDemoPart: DemoPart = {
  name: 'tasks',
  async seed(ctx) {
    const store = requireStore(ctx);
    if (!store.get('body', 'body')) return;
    const today = isoDateOf(new Date(ctx.clock()));
    const d = (days: number) => addDays(today, days);
    const childIds: string[] = [];
    store.each('child', (id) => {
      if (childIds.length < 2) childIds.push(id);
    });
    // Each task is dated from the day it was assigned (交办日期), before its first report.
    const create = (
      title: string,
      lead: string,
      co: string[],
      deadline: string,
      assignedOn: string,
      source: TaskDetail['source'] = { kind: 'adhoc' },
      children: string[] = [],
    ) => call(ctx, 'tasks.create', { title, source, leadUnitId: lead, coUnitIds: co, deadline, childIds: children, assignedOn });
    const report = (taskId: string, unitId: string, date: string, text: string, final = false) =>
      call(ctx, 'tasks.report', { taskId, unitId, date, text, final });

    const done = await create('开展农村留守儿童信息台账年度核查更新', 'minzheng', ['jiaoyu', 'gongan'], d(-40), d(-90), { kind: 'duty', dutyItemId: 'minzheng.2' });
    await report(done.id, 'jiaoyu', d(-70), '已组织各县（市、区）教育局对在校留守儿童名单进行比对，发现差异127条，已反馈民政部门。');
    await report(done.id, 'minzheng', d(-45), '全市台账核查更新工作已完成，新增录入326名，办理退出214名，台账信息与教育、公安数据一致。', true);
    await call(ctx, 'tasks.close', { id: done.id, date: d(-38), note: '经核查，已按要求完成，同意销号。' });

    const completed = await create('对无人监护的留守儿童落实委托监护责任', 'minzheng', ['sifa'], d(-5), d(-60), { kind: 'adhoc' }, childIds);
    await report(completed.id, 'sifa', d(-30), '已为基层提供委托监护责任确认书范本和法律咨询。');
    await report(completed.id, 'minzheng', d(-8), '排查出的无人监护儿童均已落实委托监护人，签订确认书，并纳入重点走访。', true);

    const overdue = await create('在农村寄宿制学校配齐生活管理教师', 'jiaoyu', ['caizheng', 'renshe'], d(-20), d(-80), { kind: 'duty', dutyItemId: 'jiaoyu.2' });
    await report(overdue.id, 'jiaoyu', d(-50), '已完成寄宿制学校生活管理教师缺口摸底，共缺额86名，正会同财政、人社部门研究解决。');

    const running = await create('开展农村留守儿童防溺水、防性侵安全教育', 'jiaoyu', ['gongan', 'tuanshiwei', 'fulian'], d(9), d(-40));
    await report(running.id, 'tuanshiwei', d(-12), '组织青年志愿者进村开展安全宣讲42场。');
    await report(running.id, 'jiaoyu', d(-3), '各中小学已完成防溺水、防性侵专题教育课，向家长发放告家长书。');

    // Supervision: the overdue task was urged in writing; another was extended on approval; one was corrected.
    await call(ctx, 'tasks.urge', { id: overdue.id, date: d(-10), replyBy: d(-3), text: '请说明逾期原因，明确配齐时限' });
    const convener = (await call(ctx, 'composition.get', {})).posts.find((p) => p.role === 'convener')?.personName ?? '';
    const extended = await create('建立强制报告线索月度通报机制', 'gongan', ['jianchayuan', 'minzheng'], d(15), d(-30));
    await call(ctx, 'tasks.extend', { id: extended.id, deadline: d(45), reason: '需待市检察院联合制定线索移送办法后同步建立', approvedBy: `召集人${convener}`, from: d(-7) });
    const scored = await create('将农村留守儿童关爱服务纳入年度社会治安综合治理考核', 'zongzhi', [], d(12), d(-20), { kind: 'duty', dutyItemId: 'zongzhi.1' });
    await call(ctx, 'tasks.edit', { id: scored.id, coUnitIds: ['minzheng'], reason: '经联席会议办公室研究，增加市民政局为配合单位' });
  },
};

/** The issued bulletin comes last, once the meetings' decided tasks exist, so it agrees with the minutes. */
export const bulletinDemoPart: DemoPart = {
  name: 'bulletin',
  async seed(ctx) {
    const store = requireStore(ctx);
    if (!store.get('body', 'body')) return;
    const today = isoDateOf(new Date(ctx.clock()));
    const d = (days: number) => addDays(today, days);
    const year = Number(today.slice(0, 4));
    const from = addDays(today, -90) < `${year}-01-01` ? addDays(today, -90) : `${year}-01-01`;
    await call(ctx, 'bulletins.create', { from, to: d(-1), date: today });
  },
};
