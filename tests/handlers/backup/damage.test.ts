// Damage is never hidden (issue 11): each corruption case of the probe — a journal line before the snapshot, one
// after it, a table, a table and a journal line, the keyring, the private keys, office.json, the store deleted —
// with the notice every program then shows, and what bundle export does.
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../../electron/app/context';
import { runCli } from '../../../electron/cli/run';
import { openSignedIn } from '../../helpers/office';
import { cleanupTempDirs } from '../../helpers/temp-dir';
import { call, fail, importInto, office, T0, trustEachOther } from '../exchange/exchange-helpers';

jest.setTimeout(120_000);

let county: AppContext;
let city: AppContext;
/** Where each child's (only) journal line starts. */
let childLines: number[];

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), clock: () => T0 + 3_600_000, kdfLogN: 10 });
  return { code, out, err };
}

beforeEach(async () => {
  county = await office('445202', '榕城区民政局', 'county');
  city = await office('445200', '揭阳市民政局', 'city');
  await trustEachOther(county, city);
  childLines = [];
  for (let i = 1; i <= 8; i++) {
    childLines.push(fs.statSync(county.store!.journalFile).size);
    county.store!.commit([{ entity: 'child', id: `k${i}`, set: { 'child.name': `儿童${i}` } }], county.user);
  }
});
afterEach(async () => {
  await county.close();
  await city.close();
  cleanupTempDirs();
});

const dataOf = (ctx: AppContext) => ctx.dataDir;
const journal = (dataDir: string) => path.join(dataDir, 'store', 'journal.log');

/** Flips one character inside the line that starts at `offset` (a sealed line: its seal no longer opens). */
function damageLine(dataDir: string, offset: number): void {
  const fd = fs.openSync(journal(dataDir), 'r+');
  const b = Buffer.alloc(1);
  fs.readSync(fd, b, 0, 1, offset + 40);
  b[0] = b[0] === 0x41 ? 0x42 : 0x41;
  fs.writeSync(fd, b, 0, 1, offset + 40);
  fs.closeSync(fd);
}

function damageChildTable(dataDir: string): void {
  const dir = path.join(dataDir, 'store', 'tables');
  const file = fs.readdirSync(dir).find((f) => f.startsWith('child-'))!;
  fs.writeFileSync(path.join(dir, file), 'garbage');
}

async function infoJson(dataDir: string) {
  const r = await cli('info', '--data', dataDir, '--json');
  return { ...r, json: JSON.parse(r.out || '{}') as { notices: { code: string; message: string; since: string }[]; counts: { child?: number } | null } };
}

test('a damaged journal line before the snapshot: info names it, export refuses, --allow-damaged sends the intact part marked', async () => {
  const dir = dataOf(county);
  await county.close(); // snapshot on close: the damaged line lies before it
  damageLine(dir, childLines[2]!);

  const info = await infoJson(dir);
  expect(info.code).toBe(0);
  const notice = info.json.notices.find((n) => n.code === 'JOURNAL_DAMAGED')!;
  expect(notice.message).toMatch(/操作日志中有 1 行已损坏（第 \d+ 行）/);
  expect(notice.message).toContain('单位 445202 的第');
  expect(notice.message).not.toContain('未丢失');
  expect(notice.since).toMatch(/^2026-/);

  const out = path.join(path.dirname(dir), 'to-city.guanai');
  for (const full of [[], ['--full']]) {
    const refused = await cli('bundle', 'export', '--data', dir, '--to', '445200', '--out', out, ...full);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('操作日志中有 1 行已损坏');
    expect(refused.err).toContain('已拒绝导出');
    expect(fs.existsSync(out)).toBe(false);
  }

  const allowed = await cli('bundle', 'export', '--data', dir, '--to', '445200', '--out', out, '--allow-damaged', '--json');
  expect(allowed.code).toBe(0);
  expect(JSON.parse(allowed.out).damaged).toEqual({ lines: 1, operations: 1 });
  const data = fs.readFileSync(out).toString('base64');
  const check = await call(city, 'exchange.verify', { data });
  expect(check.damaged).toEqual({ lines: 1, operations: 1 });
  await importInto(city, data);
  const names = Object.values(city.store!.table('child')).map((r) => r.v['child.name']);
  expect(names).toHaveLength(7);
  expect(names).not.toContain('儿童3');
  // The receiving office is told the bundle lacks what could not be read.
  const incomplete = (await call(city, 'app.status', {})).notices.find((n) => n.code === 'BUNDLE_INCOMPLETE')!;
  expect(incomplete.message).toContain('“榕城区民政局”数据包注明：对方的操作日志有 1 行损坏，其中 1 条修改无法读取');

  // doctor names the same line, in Chinese only.
  const doctor = await cli('doctor', '--data', dir);
  expect(doctor.code).toBe(3);
  const line = /第 (\d+) 行/.exec(notice.message)![1];
  expect(doctor.err).toContain(`操作日志第 ${line} 行已损坏（内容损坏或被改动）`);
  expect(doctor.err).not.toMatch(/[a-z]{4,}/);
  expect(doctor.err).not.toContain('不一致');

  // A backup made now carries the damage, and says so.
  const backupEnv = { ...process.env, GUANAI_BACKUP_PASSPHRASE: 'Beifen2026kouling' };
  const old = process.env.GUANAI_BACKUP_PASSPHRASE;
  process.env.GUANAI_BACKUP_PASSPHRASE = backupEnv.GUANAI_BACKUP_PASSPHRASE;
  try {
    const made = await cli('backup', 'create', '--data', dir, '--out', path.join(path.dirname(dir), 'damaged.gbak'), '--json');
    expect(made.code).toBe(0);
    expect(JSON.parse(made.out).journalDamage).toMatchObject({ lines: 1 });
    const verified = await cli('backup', 'verify', path.join(path.dirname(dir), 'damaged.gbak'));
    expect(verified.out).toContain('注意：制作时操作日志已有 1 行损坏');
  } finally {
    if (old === undefined) delete process.env.GUANAI_BACKUP_PASSPHRASE;
    else process.env.GUANAI_BACKUP_PASSPHRASE = old;
  }

  // The next program that opens the folder (the clerk's app) sees the notice too, until an administrator
  // acknowledges it; the export stays refused while the damage is there.
  county = await openSignedIn({ dataDir: dir, owner: 'test', clock: () => T0 + 7_200_000 });
  const status = await call(county, 'app.status', {});
  const shown = status.notices.find((n) => n.code === 'JOURNAL_DAMAGED')!;
  expect(shown).toBeDefined();
  await call(county, 'notices.acknowledge', { id: shown.id });
  expect((await call(county, 'app.status', {})).notices.some((n) => n.code === 'JOURNAL_DAMAGED')).toBe(false);
  const still = await fail(county, 'exchange.export', { to: '445200', full: false });
  expect(still.code).toBe('JOURNAL_DAMAGED');
});

test('a damaged journal line after the snapshot: the data does not open, and every program says why', async () => {
  const dir = dataOf(county);
  const k9 = fs.statSync(journal(dir)).size;
  county.store!.commit([{ entity: 'child', id: 'k9', set: { 'child.name': '儿童9' } }], county.user);
  county.store!.commit([{ entity: 'child', id: 'k10', set: { 'child.name': '儿童10' } }], county.user);
  // As after a power cut: no snapshot at close, so k9 and k10 lie after the last one.
  county.store!.snapshot = async () => undefined;
  await county.close();
  // k9's line is damaged and k10's good line follows it: not a torn write to discard, but damage.
  damageLine(dir, k9);
  const info = await infoJson(dir);
  expect(info.code).toBe(3);
  expect(info.json.counts).toBeNull();
  const unopened = info.json.notices.find((n) => n.code === 'STORE_DAMAGED')!;
  expect(unopened.message).toContain('操作日志');
  // The same line number as doctor's (counted from the journal's start, not from the last snapshot).
  const doctor = await cli('doctor', '--data', dir);
  expect(doctor.err).toContain(`操作日志第 ${/第 (\d+) 行/.exec(unopened.message)![1]} 行已损坏`);
  const exported = await cli('bundle', 'export', '--data', dir, '--to', '445200', '--out', path.join(path.dirname(dir), 'x.guanai'));
  expect(exported.code).toBe(1);
  expect(exported.err).toContain('已损坏');
});

test('a damaged table alone is rebuilt from an intact journal, and the notice reaches the next program', async () => {
  const dir = dataOf(county);
  await county.close();
  damageChildTable(dir);
  const first = await infoJson(dir);
  expect(first.code).toBe(0);
  expect(first.json.counts!.child).toBe(8);
  // The CLI opened the folder first; the clerk's app still sees what happened.
  county = await openSignedIn({ dataDir: dir, owner: 'test' });
  const notices = (await call(county, 'app.status', {})).notices;
  const rebuilt = notices.find((n) => n.code === 'TABLE_REBUILT')!;
  expect(rebuilt.message).toContain('“儿童信息”部分');
  expect(rebuilt.message).toContain('操作日志完整');
});

test('a damaged table and a damaged journal line: the rebuild says what is lost, never 未丢失', async () => {
  const dir = dataOf(county);
  await county.close();
  damageChildTable(dir);
  damageLine(dir, childLines[4]!);
  const info = await infoJson(dir);
  expect(info.code).toBe(0);
  expect(info.json.counts!.child).toBe(7);
  const partial = info.json.notices.find((n) => n.code === 'TABLE_REBUILT_PARTIAL')!;
  expect(partial.message).toContain('“儿童信息”部分');
  expect(partial.message).toContain('这些行记载的修改无法恢复');
  expect(partial.message).toContain('单位 445202 的第');
  expect(info.json.notices.every((n) => !n.message.includes('未丢失'))).toBe(true);
  // The journal's own notice agrees: the current data lost those changes (it does not say it still holds them).
  const journalNotices = info.json.notices.filter((n) => n.code === 'JOURNAL_DAMAGED');
  expect(journalNotices.length).toBeGreaterThan(0);
  expect(journalNotices.every((n) => !n.message.includes('仍包含这些修改'))).toBe(true);
  expect(journalNotices.some((n) => n.message.includes('已从当前数据中丢失'))).toBe(true);
  const refused = await cli('bundle', 'export', '--data', dir, '--to', '445200', '--out', path.join(path.dirname(dir), 'x.guanai'));
  expect(refused.code).toBe(1);
  expect(refused.err).toContain('已拒绝导出');
});

test('the keyring deleted or damaged: doctor fails, info and sign-in say so, and the folder is never "secured" afresh', async () => {
  const dir = dataOf(county);
  await county.close();
  const ring = path.join(dir, 'keys', 'access.json');
  const saved = fs.readFileSync(ring);
  fs.rmSync(ring);
  const doctor = await cli('doctor', '--data', dir);
  expect(doctor.code).toBe(3);
  expect(doctor.err).toContain('密钥文件 keys/access.json 缺失');
  const info = await infoJson(dir);
  expect(info.code).toBe(3);
  expect(info.json.notices.some((n) => n.code === 'KEYS_MISSING')).toBe(true);
  const status = await (async () => {
    const { openContext } = await import('../../../electron/app/context');
    county = await openContext({ dataDir: dir, owner: 'test' });
    return call(county, 'app.status', {});
  })();
  expect(status.needsSecuring).toBe(false);
  expect(status.storeProblem?.code).toBe('KEYS_MISSING');
  await county.close();

  fs.writeFileSync(ring, saved.subarray(0, 40));
  const damaged = await cli('doctor', '--data', dir);
  expect(damaged.code).not.toBe(0);
  expect(damaged.err).toContain('密钥文件');
  fs.writeFileSync(ring, saved);
  county = await openSignedIn({ dataDir: dir, owner: 'test' });
});

test('damaged private keys: doctor fails and the app shows a notice at once', async () => {
  const dir = dataOf(county);
  await county.close();
  const priv = path.join(dir, 'keys', 'office-private.json');
  const b = fs.readFileSync(priv);
  b[b.length - 5] ^= 0xff;
  fs.writeFileSync(priv, b);
  const doctor = await cli('doctor', '--data', dir);
  expect(doctor.code).toBe(3);
  expect(doctor.err).toContain('私钥');
  county = await openSignedIn({ dataDir: dir, owner: 'test' });
  const notices = (await call(county, 'app.status', {})).notices;
  expect(notices.find((n) => n.code === 'IDENTITY_DAMAGED')?.message).toContain('无法制作或接收交换包');
  const exported = await fail(county, 'exchange.export', { to: '445200', full: false });
  expect(exported.message).toContain('私钥');
});

test('office.json damaged, and the store deleted: clear messages that point to a backup', async () => {
  const dir = dataOf(county);
  await county.close();
  const officeFile = path.join(dir, 'office.json');
  const saved = fs.readFileSync(officeFile);
  fs.writeFileSync(officeFile, '{"format":');
  const info = await cli('info', '--data', dir);
  expect(info.code).not.toBe(0);
  expect(info.err).toContain('本单位身份文件');
  expect(info.err).toContain('从备份恢复');
  fs.writeFileSync(officeFile, saved);

  fs.rmSync(path.join(dir, 'store'), { recursive: true });
  const gone = await infoJson(dir);
  expect(gone.code).toBe(3);
  expect(gone.json.notices.find((n) => n.code === 'STORE_MISSING')?.message).toContain('从备份恢复');
  const doctor = await cli('doctor', '--data', dir);
  expect(doctor.code).toBe(3);
  expect(doctor.err).toContain('store 文件夹）缺失');
});
