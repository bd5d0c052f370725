// Member units as offices on the command line (issue 14): the contract commands, for two units at once —
// unit setup-export, init --level unit --setup, tasks list / tasks report / tasks extend-request at a unit office,
// bundle export --to 445200-jiaoyu and import both ways, tasks list --json at the office showing the unit's report
// with the unit office as its source, units connected --json.
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../../../electron/cli/run';
import { generateChildRecords } from '../../../electron/demo/ledger-demo';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';
import { T0 } from './exchange-helpers';

jest.setTimeout(120_000);
afterEach(() => cleanupTempDirs());

const clock = fixedClock(T0);
async function cli(argv: string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), clock, kdfLogN: 10 });
    return { code, out, err };
  } finally {
    for (const k of Object.keys(env)) if (saved[k] === undefined) delete process.env[k];
  }
}
async function ok(argv: string[], env: Record<string, string> = {}) {
  const r = await cli(argv, env);
  if (r.code !== 0) throw new Error(`guanai ${argv.join(' ')} → ${r.code}: ${r.err}`);
  return r.out;
}
const json = async (argv: string[], env: Record<string, string> = {}) => JSON.parse(await ok([...argv, '--json'], env));

function folderText(dir: string): string {
  let out = '';
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    out += e.isDirectory() ? folderText(p) : fs.readFileSync(p).toString('utf8');
  }
  return out;
}

test('office → two unit offices → office, by the guanai command', async () => {
  const root = tempDir('cli-units');
  const city = path.join(root, 'city');
  await ok(['init', '--data', city, '--office-code', '445200', '--office-name', '揭阳市民政局', '--level', 'city']);
  await ok(['units', 'from-template', '--data', city]);
  const unitIds = (await json(['units', 'list', '--data', city])).units.map((u: { id: string }) => u.id);
  expect(unitIds).toEqual(expect.arrayContaining(['jiaoyu', 'gongan']));

  const secrets: string[] = [];
  for (const record of generateChildRecords(2, 11, '2026-11-28')) {
    await ok(['call', '--data', city, 'children.create', '--args', JSON.stringify({ record })]);
    secrets.push(String(record.child.name), String(record.child.idNumber));
  }
  const create = async (title: string, lead: string, co: string[], deadline: string) =>
    (
      await json([
        'call',
        '--data',
        city,
        'tasks.create',
        '--args',
        JSON.stringify({ title, source: { kind: 'adhoc' }, leadUnitId: lead, coUnitIds: co, deadline, assignedOn: '2026-11-01' }),
      ])
    ).id as string;
  const t1 = await create('落实控辍保学措施', 'jiaoyu', [], '2026-12-31');
  const t2 = await create('开展安全隐患排查', 'gongan', ['jiaoyu'], '2026-11-20');
  const t3 = await create('完善信息台账', 'minzheng', [], '2026-12-15');

  // A unit office's code must carry the unit: a plain 6-digit code with --level unit is refused, nothing created.
  const bad = await cli(['init', '--data', path.join(root, 'bad'), '--office-code', '445200', '--office-name', '揭阳市教育局', '--level', 'unit']);
  expect(bad.code).not.toBe(0);
  expect(bad.err).toContain('成员单位');

  const dirs: Record<string, string> = {};
  for (const [unitId, name] of [
    ['jiaoyu', '揭阳市教育局'],
    ['gongan', '揭阳市公安局'],
  ]) {
    const setupFile = path.join(root, `setup-${unitId}.json`);
    const setup = await json(['unit', 'setup-export', '--data', city, '--unit', unitId!, '--out', setupFile]);
    expect(setup.unitOfficeCode).toBe(`445200-${unitId}`);
    const dir = path.join(root, unitId!);
    dirs[unitId!] = dir;
    const init = await json(
      ['init', '--data', dir, '--level', 'unit', '--office-code', `445200-${unitId}`, '--office-name', name!, '--setup', setupFile],
      { GUANAI_SETUP_CODE: setup.setupCode },
    );
    expect(init.office).toMatchObject({ code: `445200-${unitId}`, level: 'unit' });
    expect(init.setup.office.code).toBe('445200');
    const card = path.join(root, `card-${unitId}.json`);
    await ok(['office', 'card', '--data', dir, '--out', card]);
    expect(init.setup.fingerprint).toBe(JSON.parse(fs.readFileSync(card, 'utf8')).fingerprint);
    await ok(['office', 'trust', '--data', city, card]);
  }

  // A unit office made first and set up afterwards: guanai unit setup.
  const mz = path.join(root, 'minzheng');
  await ok(['init', '--data', mz, '--level', 'unit', '--office-code', '445200-minzheng', '--office-name', '揭阳市民政局']);
  const mzSetup = path.join(root, 'setup-minzheng.json');
  const code = (await json(['unit', 'setup-export', '--data', city, '--unit', 'minzheng', '--out', mzSetup])).setupCode;
  const wrong = await cli(['unit', 'setup', '--data', mz, '--file', mzSetup], { GUANAI_SETUP_CODE: 'AAAA-BBBB-CCCC-DDDD' });
  expect(wrong.code).not.toBe(0);
  expect(wrong.err).toContain('设置码不正确');
  expect((await json(['unit', 'setup', '--data', mz, '--file', mzSetup], { GUANAI_SETUP_CODE: code })).office.code).toBe('445200');
  expect((await json(['tasks', 'list', '--data', mz])).map((t: { id: string }) => t.id)).toEqual([t3]);

  // Each unit lists only its own tasks.
  expect((await json(['tasks', 'list', '--data', dirs.jiaoyu!])).map((t: { id: string }) => t.id).sort()).toEqual([t1, t2].sort());
  expect((await json(['tasks', 'list', '--data', dirs.gongan!])).map((t: { id: string }) => t.id)).toEqual([t2]);

  // Down by bundle, then up.
  for (const unitId of ['jiaoyu', 'gongan']) {
    const file = path.join(root, `down-${unitId}.guanai`);
    await ok(['bundle', 'export', '--data', city, '--to', `445200-${unitId}`, '--out', file]);
    expect(fs.readFileSync(file).toString('utf8')).not.toContain(secrets[0]!);
    await ok(['bundle', 'import', '--data', dirs[unitId]!, file]);
  }
  clock.advance(60_000);
  const rep = await json(['tasks', 'report', '--data', dirs.jiaoyu!, t1, '--text', '已部署控辍保学专项行动。']);
  expect(rep.reports[0]).toMatchObject({ unitId: 'jiaoyu', source: '445200-jiaoyu', channel: '单位报送' });
  const letter = path.join(root, '回复函.pdf');
  fs.writeFileSync(letter, '%PDF-1.4 回复函');
  await ok(['tasks', 'report', '--data', dirs.gongan!, t2, '--text', '排查完毕。', '--final', '--attach', letter]);
  const req = await json(['tasks', 'extend-request', '--data', dirs.jiaoyu!, t1, '--deadline', '2027-01-31', '--reason', '需待期末数据']);
  expect(req.extensionRequests[0]).toMatchObject({ status: 'pending', unitId: 'jiaoyu' });
  // A unit office cannot report for another unit.
  const other = await cli(['tasks', 'report', '--data', dirs.jiaoyu!, t2, '--text', 'x', '--unit', 'gongan']);
  expect(other.code).not.toBe(0);

  for (const unitId of ['jiaoyu', 'gongan']) {
    const file = path.join(root, `up-${unitId}.guanai`);
    await ok(['bundle', 'export', '--data', dirs[unitId]!, '--to', '445200', '--out', file]);
    expect((await json(['bundle', 'import', '--data', city, file])).applied).toBe(true);
  }

  const tasks = await json(['tasks', 'list', '--data', city]);
  const row = (id: string) => tasks.find((t: { id: string }) => t.id === id);
  expect(row(t1).reports).toEqual([expect.objectContaining({ unitId: 'jiaoyu', source: '445200-jiaoyu', channel: '单位报送', text: '已部署控辍保学专项行动。' })]);
  expect(row(t1).latestReport).toMatchObject({ source: '445200-jiaoyu', channel: '单位报送' });
  expect(row(t2).status).toBe('已完成');
  expect(row(t2).reports[0]).toMatchObject({ source: '445200-gongan', final: true, attachmentIds: [expect.any(String)] });
  expect(await json(['tasks', 'list', '--data', city, '--overdue'])).toEqual([]);

  const requestId = (await json(['call', '--data', city, 'tasks.get', '--args', JSON.stringify({ id: t1 })])).extensionRequests[0].id;
  const decided = await json(['tasks', 'extend-decide', '--data', city, requestId, '--approve', '--approved-by', '召集人 马儒生']);
  expect(decided.deadline).toBe('2027-01-31');

  const connected = await json(['units', 'connected', '--data', city]);
  const jy = connected.find((c: { unitId: string }) => c.unitId === 'jiaoyu');
  expect(jy).toMatchObject({ officeCode: '445200-jiaoyu', connected: true, lastSentAt: expect.any(String), lastReceivedAt: expect.any(String) });
  expect(jy.waiting).toBeGreaterThan(0); // the answer to the request waits to go down

  const file = path.join(root, 'down2.guanai');
  await ok(['bundle', 'export', '--data', city, '--to', '445200-jiaoyu', '--out', file]);
  await ok(['bundle', 'import', '--data', dirs.jiaoyu!, file]);
  const atUnit = (await json(['tasks', 'list', '--data', dirs.jiaoyu!])).find((t: { id: string }) => t.id === t1);
  expect(atUnit.deadline).toBe('2027-01-31');

  for (const dir of Object.values(dirs)) {
    const text = folderText(dir);
    for (const s of secrets) expect(text.includes(s)).toBe(false);
  }
});
