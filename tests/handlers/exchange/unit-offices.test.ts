// Member units as offices (issue 14), through the handlers: the city office sets up two unit offices (教育局, 公安局)
// in one sitting each, sends each its share, takes back their reports, an attachment, an extension request and a
// conflicting edit, answers, and sends the answer down. No unit office ever holds a child's name or ID number.
// The handlers first: the demo's ledger module is also reached from them (import order matters for the cycle).
import { call, fail, office, storeBytes, T0 } from './exchange-helpers';
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../../electron/app/context';
import { openBundle } from '../../../electron/bundle/bundle-file';
import { generateChildRecords } from '../../../electron/demo/ledger-demo';
import { loadIdentity } from '../../../electron/identity/identity';
import { readPeer, isRevoked } from '../../../electron/sync/peers';
import { openSetupFile } from '../../../electron/sync/unit-setup';
import { cleanupTempDirs, fixedClock } from '../../helpers/temp-dir';

jest.setTimeout(120_000);

const clock = fixedClock(T0); // 2026-11-28
let city: AppContext;
const units: Record<'jiaoyu' | 'gongan', AppContext> = {} as never;
const secrets: string[] = [];
const bundlesToUnits: { unit: AppContext; base64: string }[] = [];
let t1: string; // lead 教育局, co 公安局, linked to a child
let t2: string; // lead 公安局, overdue
let t3: string; // lead 民政局: no unit office here should see it

afterAll(async () => {
  for (const c of [city, ...Object.values(units)]) await c?.close();
  cleanupTempDirs();
});

/** Every operation a store holds, as JSON (the decrypted contents of its journal). */
const journalText = (ctx: AppContext) => JSON.stringify(ctx.store!.operationsSince({}));

/** Every byte of a data folder, as text (the raw files). */
function folderText(dir: string): string {
  let out = '';
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    out += e.isDirectory() ? folderText(p) : fs.readFileSync(p).toString('latin1') + fs.readFileSync(p).toString('utf8');
  }
  return out;
}

function expectNoSecrets(text: string, where: string) {
  const found = secrets.filter((s) => text.includes(s));
  expect({ where, found }).toEqual({ where, found: [] });
}

async function sendDown(unit: AppContext) {
  const r = await call(city, 'exchange.export', { to: unit.office!.code, full: false });
  bundlesToUnits.push({ unit, base64: r.base64! });
  return call(unit, 'exchange.import', { data: r.base64! });
}
async function sendUp(unit: AppContext) {
  const r = await call(unit, 'exchange.export', { to: '445200', full: false });
  return call(city, 'exchange.import', { data: r.base64! });
}

test('the city office sets up two unit offices in one sitting each', async () => {
  city = await office('445200', '揭阳市民政局', 'city', clock);
  await call(city, 'composition.setup', { mode: 'template' });
  const records = generateChildRecords(3, 7, '2026-11-28');
  const childIds: string[] = [];
  for (const record of records) {
    const saved = await call(city, 'children.create', { record: record as unknown as Record<string, unknown> });
    childIds.push(saved.id);
    secrets.push(String(record.child.name), String(record.child.idNumber));
  }
  expect(secrets).toHaveLength(6);
  const task = (title: string, lead: string, co: string[], deadline: string, childIds?: string[]) =>
    call(city, 'tasks.create', {
      title,
      source: { kind: 'adhoc' },
      leadUnitId: lead,
      coUnitIds: co,
      deadline,
      assignedOn: '2026-11-01',
      ...(childIds ? { childIds } : {}),
    });
  t1 = (await task('落实留守儿童控辍保学措施', 'jiaoyu', ['gongan'], '2026-12-31', [childIds[0]!])).id;
  t2 = (await task('开展农村留守儿童安全隐患排查', 'gongan', [], '2026-11-20')).id;
  t3 = (await task('完善留守儿童信息台账', 'minzheng', [], '2026-12-15')).id;
  await call(city, 'tasks.urge', { id: t1, replyBy: '2026-12-10' });

  for (const [unitId, name] of [
    ['jiaoyu', '揭阳市教育局'],
    ['gongan', '揭阳市公安局'],
  ] as const) {
    const setup = await call(city, 'unitOffice.setupExport', { unitId });
    expect(setup.unitOfficeCode).toBe(`445200-${unitId}`);
    expect(setup.setupCode).toMatch(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$/);
    const text = Buffer.from(setup.base64!, 'base64').toString('utf8');
    expectNoSecrets(text, `setup file for ${unitId}`);
    expectNoSecrets(JSON.stringify(openSetupFile(text, setup.setupCode)), `decrypted setup file for ${unitId}`);

    const unit = await office(`445200-${unitId}`, name, 'unit', clock);
    units[unitId] = unit;
    // A wrong code changes nothing; the right one trusts the city and takes the share.
    const before = storeBytes(unit);
    expect((await fail(unit, 'unitOffice.setupImport', { data: setup.base64!, setupCode: 'AAAA-BBBB-CCCC-DDDD' })).code).toBe('SETUP_CODE_WRONG');
    expect(storeBytes(unit)).toEqual(before);
    const imported = await call(unit, 'unitOffice.setupImport', { data: setup.base64!, setupCode: setup.setupCode });
    expect(imported.office).toEqual({ code: '445200', name: '揭阳市民政局', fingerprint: city.office!.fingerprint });
    expect(readPeer(unit.store!, '445200')?.status).toBe('trusted');

    // The liaison shows the unit's card; the office compares the fingerprint and trusts it.
    const card = await call(unit, 'exchange.card', {});
    await call(city, 'exchange.trust', { text: card.text, fingerprint: card.fingerprint });
  }
  // A setup file made for one unit is refused by another.
  const other = await call(city, 'unitOffice.setupExport', { unitId: 'jiaoyu' });
  expect((await fail(units.gongan, 'unitOffice.setupImport', { data: other.base64!, setupCode: other.setupCode })).code).toBe('SETUP_MISMATCH');

  // Each unit office lists only its own tasks (lead or co-unit); the child link stayed home.
  const jy = await call(units.jiaoyu, 'tasks.list', {});
  expect(jy.map((r) => r.id)).toEqual([t1]);
  expect(jy[0]!.childIds).toEqual([]);
  const ga = await call(units.gongan, 'tasks.list', {});
  expect(ga.map((r) => r.id).sort()).toEqual([t1, t2].sort());
  expect(units.jiaoyu.store!.get('task', t3)).toBeUndefined();
  expect(units.jiaoyu.store!.recordCount('child')).toBe(0);

  // The liaison's desk: its tasks, overdue, duty items, 催办.
  const desk = await call(units.gongan, 'unitOffice.desk', {});
  expect(desk.unit).toMatchObject({ id: 'gongan', name: '市公安局' });
  expect(desk.overdue.map((t) => t.id)).toEqual([t2]);
  expect(desk.unit.dutyItems.length).toBeGreaterThan(0);
  expect(desk.jointOffice).toMatchObject({ code: '445200', connected: true });
  expect((await call(units.jiaoyu, 'unitOffice.desk', {})).urges.map((u) => u.taskId)).toEqual([t1]);

  // The office sees who is connected; nothing has been sent by bundle yet.
  const connected = await call(city, 'unitOffice.connected', {});
  const row = (id: string) => connected.find((c) => c.unitId === id)!;
  expect(row('jiaoyu')).toMatchObject({ officeCode: '445200-jiaoyu', connected: true, lastSentAt: null, lastReceivedAt: null });
  expect(row('gongan').connected).toBe(true);
  expect(row('minzheng')).toMatchObject({ connected: false, status: 'none' });
  expect(row('jiaoyu').waiting).toBeGreaterThan(0);

  // What only the joint-meeting office does is refused at a unit office.
  expect((await fail(units.jiaoyu, 'tasks.create', { title: 'x', source: { kind: 'adhoc' }, leadUnitId: 'jiaoyu', coUnitIds: [], deadline: '2026-12-31' })).code).toBe('REFUSED');
  expect((await fail(units.jiaoyu, 'tasks.report', { taskId: t1, unitId: 'gongan', date: '2026-11-28', text: '冒名', final: false })).code).toBe('REFUSED');
  expect((await fail(units.jiaoyu, 'unitOffice.connected', {})).code).toBe('REFUSED');
  // A unit office keeps no ledger at all, and does not change the joint meeting's composition or meetings.
  const ledger = await fail(units.jiaoyu, 'children.create', { record: records[1] as unknown as Record<string, unknown> });
  expect(ledger).toMatchObject({ code: 'REFUSED', message: expect.stringContaining('不保存儿童信息台账') });
  expect((await fail(units.jiaoyu, 'children.list', {})).code).toBe('REFUSED');
  expect((await fail(units.jiaoyu, 'units.rename', { unitId: 'jiaoyu', name: '揭阳市教育局', from: '2026-11-28' })).code).toBe('REFUSED');
});

test('down, up and down again: reports, an attachment, an extension request and a conflict, for two units at once', async () => {
  for (const u of Object.values(units)) await sendDown(u);
  const connected = await call(city, 'unitOffice.connected', {});
  expect(connected.find((c) => c.unitId === 'jiaoyu')).toMatchObject({ lastSentAt: expect.any(String), waiting: 0 });

  clock.advance(60_000);
  // At 教育局: a progress report with the scanned reply letter, its 承办人, and a request for more time.
  await call(units.jiaoyu, 'tasks.report', { taskId: t1, unitId: 'jiaoyu', date: '2026-11-28', text: '已召开全市控辍保学工作会议。', final: false });
  const reportId = (await call(units.jiaoyu, 'tasks.get', { id: t1 })).reports[0]!.id;
  const letter = Buffer.from('%PDF-1.4 扫描的回复函');
  const att = await call(units.jiaoyu, 'tasks.attach', { taskId: t1, reportId, fileName: '回复函.pdf', data: letter.toString('base64') });
  expect(att.sha256).toMatch(/^sha256:[0-9a-f]{64}$/);
  await call(units.jiaoyu, 'tasks.requestExtension', { taskId: t1, deadline: '2027-01-31', reason: '需待期末统计数据' });
  await call(units.jiaoyu, 'tasks.setContact', { id: t1, contact: '基础教育科 林科长 0663-8220001' });
  // At 公安局: the 办结报告 of its overdue task.
  await call(units.gongan, 'tasks.report', { taskId: t2, unitId: 'gongan', date: '2026-11-28', text: '排查完毕，整改隐患12处。', final: true });
  // Meanwhile the city office, from a phone call, writes the same field of the same task.
  await call(city, 'tasks.setContact', { id: t1, unitId: 'jiaoyu', contact: '林科长 13800000000' });
  expect((await call(city, 'tasks.list', { overdue: true })).map((r) => r.id)).toEqual([t2]);

  clock.advance(60_000);
  const upJ = await sendUp(units.jiaoyu);
  expect(upJ.applied).toBe(true);
  expect(upJ.conflicts).toBe(1);
  expect((await sendUp(units.gongan)).applied).toBe(true);

  // At the office: each report on its task as the unit's own, from the unit office, marked 单位报送.
  const d1 = await call(city, 'tasks.get', { id: t1 });
  expect(d1.reports).toHaveLength(1);
  expect(d1.reports[0]).toMatchObject({ unitId: 'jiaoyu', source: '445200-jiaoyu', channel: '单位报送', attachmentIds: [att.id] });
  const file = await call(city, 'tasks.attachment', { id: att.id });
  expect(Buffer.from(file.data, 'base64').equals(letter)).toBe(true);
  expect(file.sha256).toBe(att.sha256);
  expect(d1.extensionRequests).toEqual([expect.objectContaining({ unitId: 'jiaoyu', deadline: '2027-01-31', status: 'pending', source: '445200-jiaoyu' })]);
  const d2 = await call(city, 'tasks.get', { id: t2 });
  expect(d2.status).toBe('已完成');
  expect(d2.reports[0]).toMatchObject({ final: true, source: '445200-gongan', channel: '单位报送' });
  // The overdue list and the next bulletin reflect them.
  expect(await call(city, 'tasks.list', { overdue: true })).toEqual([]);
  const bulletin = await call(city, 'bulletins.create', { from: '2026-11-01', to: '2026-11-28' });
  const gonganSection = bulletin.content.units.find((u) => u.unitId === 'gongan')!;
  expect(gonganSection.completed.map((l) => l.taskId)).toEqual([t2]);
  expect(gonganSection.overdue).toEqual([]);
  // The conflict is kept: one value wins everywhere, the other stays for a person to look at.
  const conflicts = await call(city, 'conflicts.list', {});
  expect(conflicts).toEqual([expect.objectContaining({ entity: 'task', id: t1, field: 'contact.jiaoyu' })]);
  const offices = [conflicts[0]!.current.office, ...conflicts[0]!.losers.map((l) => l.office)].sort();
  expect(offices).toEqual(['445200', '445200-jiaoyu']);

  // The office answers the request: 同意 extends the task; the answer goes down with the bulletin.
  const requestId = d1.extensionRequests![0]!.id;
  expect((await fail(units.jiaoyu, 'tasks.decideExtension', { requestId, approve: true, approvedBy: '召集人', from: '2026-11-28' })).code).toBe('REFUSED');
  const decided = await call(city, 'tasks.decideExtension', { requestId, approve: true, approvedBy: '召集人 马儒生', from: '2026-11-28' });
  expect(decided.deadline).toBe('2027-01-31');
  expect(decided.originalDeadline).toBe('2026-12-31');

  clock.advance(60_000);
  for (const u of Object.values(units)) await sendDown(u);
  const atUnit = await call(units.jiaoyu, 'tasks.get', { id: t1 });
  expect(atUnit.deadline).toBe('2027-01-31');
  expect(atUnit.extensionRequests![0]).toMatchObject({ status: 'approved', statusLabel: '已同意' });
  expect((await call(units.jiaoyu, 'unitOffice.desk', {})).bulletins.map((b) => b.id)).toEqual([bulletin.id]);
  // Converged: both offices show the same winner and keep the same loser.
  const atUnitConflicts = await call(units.jiaoyu, 'conflicts.list', {});
  expect(atUnitConflicts.map((c) => ({ field: c.field, current: c.current.value, losers: c.losers.map((l) => l.value) }))).toEqual(
    conflicts.map((c) => ({ field: c.field, current: c.current.value, losers: c.losers.map((l) => l.value) })),
  );
  expect(atUnit.contacts).toEqual(d1.contacts);
  // 公安局 sees the co-unit's report on the task it works on, and the office's record of it.
  expect((await call(units.gongan, 'tasks.get', { id: t1 })).reports[0]).toMatchObject({ unitId: 'jiaoyu', channel: '单位报送' });

  const after = await call(city, 'unitOffice.connected', {});
  expect(after.find((c) => c.unitId === 'jiaoyu')).toMatchObject({ lastReceivedAt: expect.any(String), bundlesReceived: 1, waiting: 0 });
});

test('a unit office and every bundle to it hold no child’s name or ID number', async () => {
  expect(bundlesToUnits.length).toBeGreaterThanOrEqual(4);
  for (const { unit, base64 } of bundlesToUnits) {
    const bytes = Buffer.from(base64, 'base64');
    expectNoSecrets(bytes.toString('utf8') + bytes.toString('latin1'), `raw bundle to ${unit.office!.code}`);
    const opened = openBundle(bytes, {
      self: loadIdentity(unit.dataDir, unit.keys?.sealer),
      trusted: (code) => readPeer(unit.store!, code),
      revoked: (code, fp) => isRevoked(unit.store!, code, fp),
    });
    expectNoSecrets(JSON.stringify(opened.payload), `decrypted bundle to ${unit.office!.code}`);
    const entities = new Set((opened.payload as { ops: { entity: string }[] }).ops.map((o) => o.entity));
    for (const e of ['child', 'visit', 'assistance', 'assessment', 'report', 'reportFollowUp']) expect(entities.has(e)).toBe(false);
  }
  for (const unit of Object.values(units)) {
    expectNoSecrets(journalText(unit), `journal of ${unit.office!.code}`);
    expectNoSecrets(folderText(unit.dataDir), `data folder of ${unit.office!.code}`);
    expect(unit.store!.entityTypes().filter((e) => ['child', 'visit', 'assistance', 'assessment', 'report'].includes(e))).toEqual([]);
  }
  // The city holds them, so the check itself can see them.
  expect(secrets.some((s) => journalText(city).includes(s))).toBe(true);
});

test('a task the unit joins after its first operations went by as place-holders arrives whole', async () => {
  // 教育局 acknowledged the operations that created t3 (as place-holders: it was 民政局's alone then).
  expect(readPeer(city.store!, '445200-jiaoyu')!.acked['445200']).toBeGreaterThan(0);
  expect(units.jiaoyu.store!.get('task', t3)).toBeUndefined();
  await call(city, 'tasks.edit', { id: t3, coUnitIds: ['jiaoyu'], reason: '增加配合单位' });
  await sendDown(units.jiaoyu);
  const atUnit = await call(units.jiaoyu, 'tasks.get', { id: t3 });
  expect(atUnit).toMatchObject({ title: '完善留守儿童信息台账', deadline: '2026-12-15', lead: { id: 'minzheng' } });
  expect(atUnit.coUnits.map((u) => u.id)).toEqual(['jiaoyu']);
  expect((await call(units.jiaoyu, 'tasks.list', {})).map((r) => r.id).sort()).toEqual([t1, t3].sort());
  // Re-stated once (the creation and one re-statement set the title), not again by the next bundle.
  await sendDown(units.jiaoyu);
  expect(city.store!.history('task', t3).filter((op) => op.set.title !== undefined)).toHaveLength(2);
});

test('a unit set up later gets the other units’ reports on the tasks it shares, from every origin', async () => {
  await call(units.jiaoyu, 'tasks.report', { taskId: t3, unitId: 'jiaoyu', date: '2026-11-28', text: '已配合核对在校学生名单。', final: false });
  await sendUp(units.jiaoyu);
  const setup = await call(city, 'unitOffice.setupExport', { unitId: 'minzheng' });
  const unit = await office('445200-minzheng', '揭阳市民政局', 'unit', clock);
  try {
    await call(unit, 'unitOffice.setupImport', { data: setup.base64!, setupCode: setup.setupCode });
    const d = await call(unit, 'tasks.get', { id: t3 });
    expect(d.reports).toEqual([expect.objectContaining({ unitId: 'jiaoyu', source: '445200-jiaoyu', channel: '单位报送' })]);
    // Tasks it has no part in stay out of sight.
    expect((await fail(unit, 'tasks.get', { id: t1 })).code).toBe('NOT_FOUND');
    expectNoSecrets(journalText(unit), 'journal of 445200-minzheng');
  } finally {
    await unit.close();
  }
});

test('minutes go to the units on their distribution list, with their meetings, printed as issued', async () => {
  const meetingFor = async (date: string, unitName: string) => {
    const m = await call(city, 'meetings.create', { kind: 'plenary', date, place: '市政府第一会议室', chairKind: 'convener' });
    const rows = (await call(city, 'meetings.get', { id: m.id })).attendance;
    const row = rows.find((r) => r.unitName === unitName)!;
    await call(city, 'attendance.mark', { meetingId: m.id, postId: row.postId, status: 'present' });
    const draft = await call(city, 'minutes.draft', { meetingId: m.id });
    await call(city, 'minutes.issue', { id: draft.id, date });
    return m.id;
  };
  // A draft stays at the office: the unit gets the minutes once issued, whole.
  const m0 = await call(city, 'meetings.create', { kind: 'plenary', date: '2026-11-10', place: '市政府第一会议室', chairKind: 'convener' });
  const row0 = (await call(city, 'meetings.get', { id: m0.id })).attendance.find((r) => r.unitName === '市教育局')!;
  await call(city, 'attendance.mark', { meetingId: m0.id, postId: row0.postId, status: 'present' });
  const draft0 = await call(city, 'minutes.draft', { meetingId: m0.id });
  await sendDown(units.jiaoyu);
  expect(units.jiaoyu.store!.get('minutes', draft0.id)).toBeUndefined();
  await sendUp(units.jiaoyu);
  await call(city, 'minutes.issue', { id: draft0.id, date: '2026-11-12' });
  await sendDown(units.jiaoyu);
  const atCity0 = await call(city, 'print.render', { kind: 'minutes', id: m0.id });
  expect(await call(units.jiaoyu, 'print.render', { kind: 'minutes', id: m0.id })).toEqual(atCity0);
  expect(units.jiaoyu.store!.get('minutes', draft0.id)!.v).toEqual(city.store!.get('minutes', draft0.id)!.v);

  const m1 = await meetingFor('2026-11-20', '市教育局');
  const m2 = await meetingFor('2026-11-25', '市公安局');
  for (const u of Object.values(units)) await sendDown(u);
  const deskJ = await call(units.jiaoyu, 'unitOffice.desk', {});
  expect(deskJ.meetings.map((m) => m.id)).toEqual([m1, m0.id]);
  expect(deskJ.meetings[0]!.minutes).toEqual([expect.objectContaining({ number: expect.any(String), issuedDate: '2026-11-20' })]);
  expect((await call(units.gongan, 'unitOffice.desk', {})).meetings.map((m) => m.id)).toEqual([m2]);
  expect(units.jiaoyu.store!.get('meeting', m2)).toBeUndefined();
  // The unit prints the minutes byte for byte as the office issued them.
  const atCity = await call(city, 'print.render', { kind: 'minutes', id: m1 });
  expect(await call(units.jiaoyu, 'print.render', { kind: 'minutes', id: m1 })).toEqual(atCity);
});

test('a bundle to a unit that would carry a child’s name is refused, and nothing is written or recorded', async () => {
  const name = secrets[0]!;
  const t4 = await call(city, 'tasks.create', {
    title: `协调解决${name}的入学问题`,
    source: { kind: 'adhoc' },
    leadUnitId: 'jiaoyu',
    coUnitIds: [],
    deadline: '2026-12-31',
    assignedOn: '2026-11-02',
  });
  // A bulletin issued now names the task as it stands: issued, it can never be corrected.
  const dirtyBulletin = await call(city, 'bulletins.create', { from: '2026-11-01', to: '2026-11-28' });
  expect(JSON.stringify(dirtyBulletin.content)).toContain(name);
  const before = readPeer(city.store!, '445200-jiaoyu')!;
  const refused = await fail(city, 'exchange.export', { to: '445200-jiaoyu', full: true });
  expect(refused.code).toBe('UNIT_BUNDLE_PERSONAL_DATA');
  expect(refused.message).toContain('儿童姓名');
  expect(refused.message).not.toContain(name);
  const after = readPeer(city.store!, '445200-jiaoyu')!;
  expect(after.bundlesSent).toBe(before.bundlesSent);
  expect(after.sent).toEqual(before.sent);
  // The connected-units page says why; 公安局's bundle is unaffected.
  const row = (await call(city, 'unitOffice.connected', {})).find((c) => c.unitId === 'jiaoyu')!;
  expect(row.blocked).toContain('儿童姓名');
  // 公安局's bundle goes; the bulletin naming the child is kept back from it, and it is told.
  const toGongan = await call(city, 'exchange.export', { to: '445200-gongan', full: false });
  expect(toGongan.keptBack?.map((k) => k.entity).sort()).toEqual(['bulletin', 'issuedDocument']);
  expect(JSON.stringify(toGongan.keptBack)).not.toContain(name);
  await call(units.gongan, 'exchange.import', { data: toGongan.base64! });
  expect(units.gongan.store!.get('bulletin', dirtyBulletin.id)).toBeUndefined();
  bundlesToUnits.push({ unit: units.gongan, base64: toGongan.base64! });

  // Once the office rewords the task, the bundle goes: the old wording stays home, and the task's record of the
  // edit shows that something was left out instead of the name.
  await call(city, 'tasks.edit', { id: t4.id, title: '协调解决一名儿童的入学问题', reason: '隐去儿童姓名' });
  const r = await call(city, 'exchange.export', { to: '445200-jiaoyu', full: false });
  expect(r.keptBack?.map((k) => k.id)).toEqual(expect.arrayContaining([dirtyBulletin.id]));
  const bytes = Buffer.from(r.base64!, 'base64');
  const opened = openBundle(bytes, {
    self: loadIdentity(units.jiaoyu.dataDir, units.jiaoyu.keys?.sealer),
    trusted: (code) => readPeer(units.jiaoyu.store!, code),
    revoked: (code, fp) => isRevoked(units.jiaoyu.store!, code, fp),
  });
  expectNoSecrets(JSON.stringify(opened.payload), 'bundle after the rewording');
  await call(units.jiaoyu, 'exchange.import', { data: r.base64! });
  const atUnit = await call(units.jiaoyu, 'tasks.get', { id: t4.id });
  expect(atUnit.title).toBe('协调解决一名儿童的入学问题');
  expect(atUnit.history[0]!.changes[0]).toMatchObject({ before: '（含儿童个人信息，未发送）', after: '协调解决一名儿童的入学问题' });
  expectNoSecrets(journalText(units.jiaoyu), 'journal of 445200-jiaoyu after the rewording');
  expect(units.jiaoyu.store!.get('bulletin', dirtyBulletin.id)).toBeUndefined();
  // Once 教育局 acknowledges that bundle, the next one neither sends nor re-states it, and is not refused.
  await sendUp(units.jiaoyu);
  const next = await call(city, 'exchange.export', { to: '445200-jiaoyu', full: false });
  expect(next.keptBack).toBeUndefined();
  await call(units.jiaoyu, 'exchange.import', { data: next.base64! });
  expectNoSecrets(journalText(units.jiaoyu), 'journal of 445200-jiaoyu after the next bundle');
});

test('a unit may send up only its own reports: anything else refuses the whole bundle', async () => {
  // A unit office that writes a task's title (bypassing its handlers) cannot get it into the office.
  const unit = units.gongan;
  unit.store!.commit([{ entity: 'task', id: t2, set: { title: '改过的标题' } }], unit.user);
  const r = await call(unit, 'exchange.export', { to: '445200', full: false });
  const before = storeBytes(city);
  const refused = await fail(city, 'exchange.import', { data: r.base64! });
  expect(refused.code).toBe('BUNDLE_REFUSED');
  expect(refused.message).toContain('改动了督办事项本身');
  expect(storeBytes(city)).toEqual(before);
});
