// Demonstration mandatory reports (强制报告), after the demo children: one handled in good time and under follow-up,
// one whose township assessment is overdue (so the home page and the report list show the flag), and one received
// for a child not yet in the ledger, since closed. Picks existing demo children; creates two when there are none.
import type { AppContext } from '../app/context';
import { requireStore } from '../app/context';
import type { ReportView } from '../contract/schemas/report';
import { addDays } from '../domain/ledger/dates';
import { addHours, addMinutes, localDateTimeOf } from '../domain/reports/deadlines';
import { childText } from '../domain/stats/child-fields';
import { dispatch } from '../dispatch/dispatch';

async function must<T>(ctx: AppContext, name: string, args: unknown): Promise<T> {
  const r = await dispatch(ctx, name, args);
  if (!r.ok) throw new Error(`demo ${name}: ${r.error.message}`);
  return r.value as T;
}

function pickChildren(ctx: AppContext): string[] {
  const store = requireStore(ctx);
  // Ids and whether anyone guards them, not the records (the child table is read one part at a time).
  const active: Array<[string, boolean]> = [];
  store.each('child', (id, rec) => {
    if ((childText(rec.v, 'status.state') || 'active') === 'active') {
      active.push([id, childText(rec.v, 'guardianship.guardianKind') === 'none']);
    }
  });
  active.sort(([a], [b]) => a.localeCompare(b));
  // Children with nobody guarding them are the ones a school or hospital reports first.
  const unguarded = active.filter(([, none]) => none);
  const chosen = [...unguarded, ...active].map(([id]) => id);
  const unique = [...new Set(chosen)].slice(0, 2);
  if (unique.length === 2) return unique;
  const made = ['demo-report-child-1', 'demo-report-child-2'];
  store.commit(
    made.map((id, i) => ({
      entity: 'child',
      id,
      set: {
        'child.name': i === 0 ? '林小燕' : '黄子轩',
        'child.sex': i === 0 ? '2' : '1',
        'child.birthDate': i === 0 ? '2016-04-12' : '2014-09-03',
        'guardianship.guardianKind': i === 0 ? 'none' : 'grandparents',
        'responsibility.township': '仙桥街道',
        'responsibility.village': '东湖村',
        'status.state': 'active',
      },
    })),
    ctx.user,
  );
  return made;
}

export async function seedReportsDemo(ctx: AppContext): Promise<void> {
  const [first, second] = pickChildren(ctx) as [string, string];
  const now = localDateTimeOf(ctx.clock());
  const today = now.slice(0, 10);
  const at = (hoursAgo: number) => addHours(now, -hoursAgo);

  const handled = await must<ReportView>(ctx, 'reports.create', {
    childId: first,
    reporterType: 'school',
    reporterName: '陈老师',
    reporterUnit: '镇中心小学',
    reporterPhone: '13800138000',
    situations: ['living-alone', 'guardian-not-performing'],
    description: '该生连续多日独自在家，放学后无人照料，委托监护人长期外出。',
    reportedAt: at(20 * 24 + 6),
  });
  const t0 = handled.reportedAt;
  const step = (step: unknown) => must(ctx, 'reports.recordStep', { id: handled.id, step });
  await step({
    kind: 'police',
    at: addMinutes(t0, 40),
    station: '镇派出所',
    officer: '郑警官',
    measures: ['parents-ordered-back', 'escort-relatives'],
    note: '联系在外务工的父亲，责令其返回或委托他人照料；当晚护送儿童至姑母家。',
  });
  await step({ kind: 'placement', at: addHours(t0, 3), placement: 'relatives', place: '姑母家', note: '姑母同意临时照料。' });
  await step({
    kind: 'assessment',
    date: addDays(t0.slice(0, 10), 2),
    assessors: '镇民政办、派出所、村委会',
    safety: '住所安全，无受伤情况。',
    guardianship: '父亲已委托姑母监护，签订委托监护确认书。',
    health: '身体健康，情绪稍有低落。',
    help: ['guidance', 'psychological'],
    note: '',
  });
  await step({ kind: 'followUp', date: addDays(today, -10), by: '儿童主任', note: '入户回访，儿童在姑母家生活正常，按时上学。' });

  await must(ctx, 'reports.create', {
    childId: second,
    reporterType: 'medical',
    reporterName: '黄医生',
    reporterUnit: '县人民医院',
    reporterPhone: '0663-8123456',
    situations: ['injury'],
    description: '儿童手臂多处淤伤，自述在家中受伤，陪同就诊的祖母说法前后不一。',
    reportedAt: at(5 * 24),
  }).then((r) =>
    must(ctx, 'reports.recordStep', {
      id: (r as ReportView).id,
      step: {
        kind: 'police',
        at: addMinutes((r as ReportView).reportedAt, 35),
        station: '城区派出所',
        measures: ['other'],
        note: '民警到医院了解情况，已通知镇政府。',
      },
    }),
  );

  const unlinked = await must<ReportView>(ctx, 'reports.create', {
    childName: '蔡小林',
    township: '梅云街道',
    village: '上寮村',
    reporterType: 'village-committee',
    reporterName: '蔡主任',
    reporterUnit: '上寮村委会',
    reporterPhone: '13912345678',
    situations: ['missing'],
    description: '儿童傍晚未回家，祖父寻找未果。',
    reportedAt: at(40 * 24),
  });
  await must(ctx, 'reports.recordStep', {
    id: unlinked.id,
    step: { kind: 'police', at: addMinutes(unlinked.reportedAt, 25), station: '梅云派出所', measures: ['missing-search'], note: '当晚在邻村亲戚家找到。' },
  });
  await must(ctx, 'reports.recordStep', {
    id: unlinked.id,
    step: { kind: 'closing', date: addDays(unlinked.reportedAt.slice(0, 10), 1), note: '儿童已安全返家，祖父监护，纳入走访关注。' },
  });
}

export const reportsDemoPart = { name: '强制报告', seed: seedReportsDemo };
