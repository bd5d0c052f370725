// A member unit's share (issue 14): which records go to a unit office, and the last check that keeps every child's
// name, ID number and record id off it.
import { Store } from '../../../electron/store/store';
import type { Operation } from '../../../electron/store/operation';
import { routeFilter } from '../../../electron/sync/routing';
import { assertFromUnit, assertNoPersonalData, redactForUnit } from '../../../electron/sync/unit-share';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';

afterEach(() => cleanupTempDirs());

async function cityStore() {
  const dir = tempDir('unit-share');
  await Store.create(dir, '445200');
  const store = await Store.open(dir, { office: '445200', clock: fixedClock() });
  const commit = (entity: string, id: string, set: Record<string, unknown>) =>
    store.commit([{ entity, id, set: set as Operation['set'] }], 'u')[0]!;
  return { store, commit };
}

const op = (entity: string, id: string, set: Record<string, unknown>): Operation => ({
  office: '445200',
  seq: 1,
  hlc: '000000000000001-00000-445200',
  user: 'u',
  entity,
  id,
  set: set as Operation['set'],
  sv: 2,
});

test('a unit office gets its tasks and what hangs on them, the composition and bulletins; never the ledger', async () => {
  const { store, commit } = await cityStore();
  const child = commit('child', 'k1', { 'child.name': '张小明' });
  const visit = commit('visit', 'v1', { childId: 'k1' });
  const unit = commit('unit', 'jiaoyu', { name: '市教育局' });
  const mine = commit('task', 't1', { title: '控辍保学', leadUnitId: 'jiaoyu', coUnitIds: [] });
  const coWork = commit('task', 't2', { title: '安全排查', leadUnitId: 'gongan', coUnitIds: ['jiaoyu'] });
  const others = commit('task', 't3', { title: '台账', leadUnitId: 'minzheng', coUnitIds: [] });
  const report = commit('taskReport', 'r1', { taskId: 't2', unitId: 'gongan', text: '进展' });
  const otherReport = commit('taskReport', 'r2', { taskId: 't3', unitId: 'minzheng', text: '进展' });
  const urge = commit('taskUrge', 'u1', { taskId: 't1' });
  const bulletin = commit('bulletin', 'b1', { title: '通报' });
  // Issued minutes only (a draft stays the office's own until 印发).
  const minutesToIt = commit('minutes', 'm1', { meetingId: 'mt1', sendTo: ['市教育局'], status: 'issued' });
  const minutesNot = commit('minutes', 'm2', { meetingId: 'mt2', sendTo: ['市公安局'], status: 'issued' });
  const doc = commit('issuedDocument', 'minutes:m1', { kind: 'minutes' });
  const docNot = commit('issuedDocument', 'minutes:m2', { kind: 'minutes' });
  const settings = commit('ledgerSettings', 'office', { a: 1 });
  const self = { code: '445200', level: 'city' as const };
  const route = routeFilter(store, { self, peer: { code: '445200-jiaoyu', level: 'unit' }, full: true });
  expect([child, visit, unit, mine, coWork, others, report, otherReport, urge, bulletin, minutesToIt, minutesNot, doc, docNot, settings].map(route)).toEqual([
    false, false, true, true, true, false, true, false, true, true, true, false, true, false, false,
  ]);
  // Up from a unit office: only what it wrote, of the kinds a unit writes.
  const up = routeFilter(store, { self: { code: '445200-jiaoyu', level: 'unit' }, peer: { code: '445200', level: 'city' }, full: false });
  expect([mine, report].map(up)).toEqual([false, false]);
  await store.close();
});

test('the last check refuses a child’s name, ID number or record id anywhere, and any ledger record', async () => {
  const { store, commit } = await cityStore();
  commit('child', 'k1', { 'child.name': '张小明', 'child.idNumber': '445202201501011234' });
  commit('child', 'k2', { 'child.name': '文明' });
  const check = (o: Operation) => () => assertNoPersonalData(store, [o], '市教育局');
  expect(check(op('task', 't1', { title: '协调解决张小明的入学问题' }))).toThrow('含有儿童姓名');
  expect(check(op('task', 't1', { title: '核实身份证号445202201501011234' }))).toThrow('含有身份证号');
  expect(check(op('task', 't1', { title: '核实 610102199001011234 的情况' }))).toThrow('含有身份证号');
  expect(check(op('task', 't1', { note: 'k1' }))).toThrow('含有儿童档案的标识或身份证号');
  expect(check(op('task', 't1', { childIds: ['k1'] }))).toThrow();
  expect(check(op('child', 'k9', {}))).toThrow('成员单位不应保存的记录类型');
  // A two-character name counts wherever it stands, except the few that are everyday words inside longer wording.
  commit('child', 'k3', { 'child.name': '王芳' });
  expect(check(op('task', 't1', { title: '协调解决王芳的入学问题' }))).toThrow('含有儿童姓名');
  expect(check(op('task', 't1', { title: '创建全国文明城市' }))).not.toThrow();
  expect(check(op('task', 't1', { title: '走访 文明 家庭' }))).toThrow('含有儿童姓名');
  // An official who shares a child's name is named on their own account (composition, attendance, minutes).
  commit('child', 'k4', { 'child.name': '张伟' });
  expect(check(op('post', 'p1', { personName: '张伟', title: '市教育局副局长' }))).toThrow('含有儿童姓名');
  commit('post', 'p1', { personName: '张伟', title: '市教育局副局长' });
  expect(check(op('post', 'p1', { personName: '张伟', title: '市教育局副局长' }))).not.toThrow();
  // The refusal never repeats what it found.
  try {
    check(op('task', 't1', { title: '协调解决张小明的入学问题' }))();
  } catch (err) {
    expect((err as Error).message).not.toContain('张小明');
  }
  // A task's links to children's records are left out, not refused.
  expect(() => assertNoPersonalData(store, [redactForUnit(op('task', 't1', { childIds: ['k1'], title: '控辍保学' }))], '市教育局')).not.toThrow();
  await store.close();
});

test('from a unit office the joint-meeting office takes only the unit’s own reports on its own tasks', async () => {
  const { store, commit } = await cityStore();
  commit('task', 't1', { title: '控辍保学', leadUnitId: 'jiaoyu', coUnitIds: [] });
  commit('task', 't3', { title: '台账', leadUnitId: 'minzheng', coUnitIds: [] });
  const sender = { code: '445200-jiaoyu', name: '揭阳市教育局' };
  const fromUnit = (entity: string, id: string, set: Record<string, unknown>): Operation => ({
    ...op(entity, id, set),
    office: '445200-jiaoyu',
    hlc: '000000000000001-00000-445200-jiaoyu',
  });
  const check = (...ops: Operation[]) => () => assertFromUnit(store, sender, ops);
  expect(check(fromUnit('taskReport', 'r1', { taskId: 't1', unitId: 'jiaoyu', text: '进展' }), fromUnit('task', 't1', { 'contact.jiaoyu': '林科长' }))).not.toThrow();
  expect(check(fromUnit('taskReport', 'r1', { taskId: 't1', unitId: 'gongan', text: '冒名' }))).toThrow('以其他单位的名义报送');
  expect(check(fromUnit('taskReport', 'r1', { taskId: 't3', unitId: 'jiaoyu', text: '越权' }))).toThrow('不属于本单位');
  expect(check(fromUnit('task', 't1', { deadline: '2030-01-01' }))).toThrow('改动了督办事项本身');
  expect(check(fromUnit('task', 't1', { 'contact.gongan': '别人' }))).toThrow('改动了督办事项本身');
  expect(check(fromUnit('child', 'k1', { 'child.name': 'x' }))).toThrow();
  expect(check({ ...fromUnit('taskReport', 'r1', { taskId: 't1', unitId: 'jiaoyu' }), office: '445200-gongan' })).toThrow('含有其他单位的记录');
  await store.close();
});
