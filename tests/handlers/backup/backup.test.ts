// Backups in the app (issue 11): the passphrase, back up now, verify against the live data, a flipped byte or a
// wrong passphrase refused, no plaintext personal data in the file, restore into a new folder with the integrity
// check and the switch (the replaced data kept), the restore from the sign-in page when the data cannot open,
// automatic backups and what is kept of them, the reminder.
import fs from 'node:fs';
import path from 'node:path';
import { openContext, type AppContext } from '../../../electron/app/context';
import { autoBackup } from '../../../electron/backup/backup-service';
import { localBackups, pruneBackups, backupsDirOf } from '../../../electron/backup/backups';
import { cliFiles } from '../../../electron/files/file-access';
import { initTestOffice, openSignedIn, TEST_ADMIN } from '../../helpers/office';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';
import { call, fail, T0 } from '../exchange/exchange-helpers';

jest.setTimeout(120_000);

const PASS = 'Beifen2026kouling';
const ID = '445202201508081234';
const PHONE = '13812345678';
let clock: ReturnType<typeof fixedClock>;
let ctx: AppContext;
let usb: string;

async function county(code = '445202', name = '榕城区民政局'): Promise<AppContext> {
  const dataDir = path.join(tempDir(`b-${code}`), 'data');
  const c = await openContext({ dataDir, owner: 'test', clock, files: cliFiles });
  await initTestOffice(c, { code, name, level: 'county' });
  return c;
}

const child = (c: AppContext, id: string, name: string, extra: Record<string, string> = {}) =>
  c.store!.commit([{ entity: 'child', id, set: { 'child.name': name, ...extra } }], c.user);
const names = (c: AppContext) =>
  Object.values(c.store!.table('child'))
    .map((r) => String(r.v['child.name']))
    .sort();

beforeEach(async () => {
  clock = fixedClock(T0);
  ctx = await county();
  usb = tempDir('usb');
  child(ctx, 'k1', '张小明', { 'child.idNumber': ID, 'guardian.phone': PHONE });
  child(ctx, 'k2', '李小红');
  ctx.store!.commit([{ entity: 'meeting', id: 'm1', set: { title: '第一次全体会议' } }], ctx.user);
});
afterEach(async () => {
  await ctx.close();
  cleanupTempDirs();
});

async function backupNow(): Promise<string> {
  const made = await call(ctx, 'backup.create', { folder: usb });
  return path.join(usb, made.fileName);
}

test('no backup without a passphrase; a weak one is refused in Chinese', async () => {
  expect((await fail(ctx, 'files.pickBackupUnopened', {})).code).toBe('REFUSED');
  expect((await fail(ctx, 'backup.listUnopened', {})).code).toBe('REFUSED');
  expect((await call(ctx, 'backup.status', {})).passphraseSet).toBe(false);
  const none = await fail(ctx, 'backup.create', { folder: usb });
  expect(none.code).toBe('NO_BACKUP_PASSPHRASE');
  expect(none.message).toContain('尚未设置备份口令');
  const weak = await fail(ctx, 'backup.setPassphrase', { passphrase: 'short1' });
  expect(weak.message).toContain('至少 10 个字符');
  const status = await call(ctx, 'backup.setPassphrase', { passphrase: PASS });
  expect(status.passphraseSet).toBe(true);
});

test('back up now → verify against the live data; the file holds no name, ID number or phone in the clear', async () => {
  await call(ctx, 'backup.setPassphrase', { passphrase: PASS });
  const file = await backupNow();
  expect(path.basename(file)).toMatch(/^关爱备份-445202-\d{8}-\d{6}\.gbak$/);
  const bytes = fs.readFileSync(file);
  for (const secret of ['张小明', '李小红', ID, PHONE, '第一次全体会议']) expect(bytes.includes(Buffer.from(secret))).toBe(false);

  child(ctx, 'k3', '王小刚');
  const check = await call(ctx, 'backup.verify', { path: file });
  expect(check.sameOffice).toBe(true);
  expect(check.manifest.summary).toEqual({ children: 2, meetings: 1, tasks: 0 });
  expect(check.manifest).toMatchObject({ office: { code: '445202' }, createdBy: 'admin', createdByName: TEST_ADMIN.name, kind: 'manual' });
  expect(check.manifest.contentHash).toMatch(/^[0-9a-f]{64}$/);
  expect(check.live).toMatchObject({ children: 3, meetings: 1, tasks: 0 });
  expect(check.live.operations).toBeGreaterThan(check.manifest.operations);

  // Audited, and it counts as a backup that left the PC.
  const status = await call(ctx, 'backup.status', {});
  expect(status.lastExternal).toMatchObject({ name: path.basename(file), external: true, kind: 'manual' });
  expect(status.reminderDue).toBe(false);
  const trail = await call(ctx, 'audit.list', {});
  expect(trail.some((e) => e.action === 'backup.create')).toBe(true);
});

test('a flipped byte anywhere, a cut file or a wrong passphrase is refused, and nothing is restored', async () => {
  await call(ctx, 'backup.setPassphrase', { passphrase: PASS });
  const file = await backupNow();
  const good = fs.readFileSync(file);
  const wrong = await fail(ctx, 'backup.verify', { path: file, passphrase: 'Falsch2026kouling' });
  expect(wrong).toMatchObject({ code: 'BACKUP_PASSPHRASE', message: '备份口令不正确。' });

  const positions = [20, 60, Math.floor(good.length / 3), Math.floor(good.length / 2), good.length - 60, good.length - 20, good.length - 3];
  for (const at of positions) {
    const bad = Buffer.from(good);
    bad[at] = bad[at]! ^ 0x01;
    fs.writeFileSync(file, bad);
    const r = await fail(ctx, 'backup.verify', { path: file });
    expect(['BACKUP_DAMAGED', 'BACKUP_PASSPHRASE']).toContain(r.code);
    const restore = await fail(ctx, 'backup.restore', { path: file });
    expect(['BACKUP_DAMAGED', 'BACKUP_PASSPHRASE']).toContain(restore.code);
  }
  fs.writeFileSync(file, good.subarray(0, good.length - 100));
  expect((await fail(ctx, 'backup.verify', { path: file })).code).toBe('BACKUP_DAMAGED');
  expect(names(ctx)).toEqual(['张小明', '李小红']);
  expect(fs.readdirSync(ctx.dataDir).filter((f) => f.startsWith('restoring-') || f.startsWith('replaced-'))).toEqual([]);
});

test('restore: into a new folder, checked, switched in; the replaced data is kept; the person stays signed in', async () => {
  await call(ctx, 'backup.setPassphrase', { passphrase: PASS });
  const file = await backupNow();
  child(ctx, 'k3', '王小刚');
  child(ctx, 'k1', '张晓明');
  clock.advance(60_000);

  const r = await call(ctx, 'backup.restore', { path: file, passphrase: PASS });
  expect(r.manifest.summary.children).toBe(2);
  expect(r.replaced).toMatch(/^replaced-\d{8}-\d{6}$/);
  expect(names(ctx)).toEqual(['张小明', '李小红']);
  // What the restore replaced is there, whole: its journal still holds 王小刚.
  const aside = path.join(ctx.dataDir, r.replaced);
  expect(fs.existsSync(path.join(aside, 'store', 'journal.log'))).toBe(true);
  expect(fs.existsSync(path.join(aside, 'keys', 'access.json'))).toBe(true);
  const status = await call(ctx, 'app.status', {});
  expect(status.session?.login).toBe('admin');
  expect(status.notices.find((n) => n.code === 'RESTORED')?.message).toContain(r.replaced);

  // Work goes on, and the restored folder opens again from disk as it is.
  child(ctx, 'k4', '赵小燕');
  const dataDir = ctx.dataDir;
  await ctx.close();
  ctx = await openSignedIn({ dataDir, owner: 'test', clock, files: cliFiles });
  expect(names(ctx)).toEqual(['张小明', '李小红', '赵小燕']);
  const trail = await call(ctx, 'audit.list', {});
  expect(trail.filter((e) => e.action === 'backup.restore').length).toBeGreaterThanOrEqual(1);
});

test('a backup of another office is refused', async () => {
  const other = await county('445203', '揭东区民政局');
  await call(other, 'backup.setPassphrase', { passphrase: PASS });
  const made = await call(other, 'backup.create', { folder: usb });
  await other.close();
  const r = await fail(ctx, 'backup.restore', { path: path.join(usb, made.fileName), passphrase: PASS });
  expect(r.message).toContain('不是本单位的数据');
  expect(names(ctx)).toEqual(['张小明', '李小红']);
});

test('the data deleted: nobody can sign in; the sign-in page restores with the backup passphrase and an administrator', async () => {
  await call(ctx, 'backup.setPassphrase', { passphrase: PASS });
  await call(ctx, 'users.add', { login: 'luru', name: '陈晓玲', role: 'ledger', password: 'Luru2026pass' });
  const file = await backupNow();
  const dataDir = ctx.dataDir;
  await ctx.close();
  fs.rmSync(path.join(dataDir, 'store'), { recursive: true });

  ctx = await openContext({ dataDir, owner: 'test', clock, files: cliFiles });
  const signIn = await fail(ctx, 'auth.signIn', { login: 'admin', password: TEST_ADMIN.password });
  expect(signIn.code).toBe('STORE_MISSING');
  const status = await call(ctx, 'app.status', {});
  expect(status.storeProblem?.code).toBe('STORE_MISSING');
  // The desktop's dialog for it is open to nobody-signed-in only now (the CLI context has no dialogs at all).
  expect((await fail(ctx, 'files.pickBackupUnopened', {})).code).toBe('NOT_AVAILABLE');
  // The automatic backups' names (no content) are listed for the form, only now.
  expect(Array.isArray(await call(ctx, 'backup.listUnopened', {}))).toBe(true);

  const wrongPw = await fail(ctx, 'backup.restoreUnopened', { path: file, passphrase: PASS, login: 'admin', password: 'Wrong2026pass' });
  expect(wrongPw.code).toBe('SIGNIN_FAILED');
  const wrongPass = await fail(ctx, 'backup.restoreUnopened', { path: file, passphrase: 'Falsch2026kouling', login: 'admin', password: TEST_ADMIN.password });
  expect(wrongPass.code).toBe('BACKUP_PASSPHRASE');
  const notAdmin = await fail(ctx, 'backup.restoreUnopened', { path: file, passphrase: PASS, login: 'luru', password: 'Luru2026pass' });
  expect(notAdmin).toMatchObject({ code: 'FORBIDDEN', message: '无权限：只有系统管理员可以从备份恢复。' });
  expect(fs.existsSync(path.join(dataDir, 'store'))).toBe(false);

  const r = await call(ctx, 'backup.restoreUnopened', { path: file, passphrase: PASS, login: 'admin', password: TEST_ADMIN.password });
  expect(r.manifest.summary.children).toBe(2);
  await call(ctx, 'auth.signIn', { login: 'admin', password: TEST_ADMIN.password });
  expect(names(ctx)).toEqual(['张小明', '李小红']);
  expect((await call(ctx, 'app.status', {})).storeProblem).toBeNull();
});

test('automatic backups: daily once a day, none without a passphrase; 7 daily and 4 weekly kept', async () => {
  expect(await autoBackup(ctx, 'daily')).toBeNull();
  await call(ctx, 'backup.setPassphrase', { passphrase: PASS });
  const first = await autoBackup(ctx, 'daily');
  expect(first).toMatch(/-每日\.gbak$/);
  expect(await autoBackup(ctx, 'daily')).toBeNull();
  // The automatic ones never left the PC: the reminder still asks for one on a USB stick.
  expect((await call(ctx, 'backup.status', {})).reminderDue).toBe(true);
  // It opens with the office's stored passphrase.
  expect((await call(ctx, 'backup.verify', { local: first! })).manifest.kind).toBe('daily');
  expect((await fail(ctx, 'backup.verify', { local: '../../etc/passwd' })).code).toBe('NOT_FOUND');

  // 40 days of backups, two a day: the newest of each of the last 7 days and of 4 weeks before them stay.
  const dir = backupsDirOf(ctx.dataDir);
  const template = fs.readFileSync(path.join(dir, first!));
  fs.rmSync(path.join(dir, first!));
  const day = 86_400_000;
  for (let d = 0; d < 40; d++) {
    for (const h of [9, 17]) {
      const at = new Date(T0 - d * day + h * 3_600_000);
      const name = `关爱备份-445202-d${String(d).padStart(2, '0')}h${h}-每日.gbak`;
      fs.writeFileSync(path.join(dir, name), template);
      fs.utimesSync(path.join(dir, name), at, at);
    }
  }
  fs.writeFileSync(path.join(dir, '关爱备份-445202-手工.gbak'), template);
  pruneBackups(ctx.dataDir);
  const kept = localBackups(ctx.dataDir);
  expect(kept.filter((b) => b.kind === 'daily')).toHaveLength(11);
  expect(kept.some((b) => b.kind === 'other')).toBe(true);
  expect(kept.filter((b) => b.kind === 'daily').slice(0, 7).every((b) => b.name.includes('h17'))).toBe(true);
});

test('the reminder: due with no backup off the PC, gone after one, due again after the set number of days', async () => {
  await call(ctx, 'backup.setPassphrase', { passphrase: PASS });
  expect((await call(ctx, 'app.status', {})).backupReminder).toMatchObject({ due: true, passphraseSet: true, lastExternalAt: null, reminderDays: 7 });
  await backupNow();
  expect((await call(ctx, 'app.status', {})).backupReminder?.due).toBe(false);
  await call(ctx, 'backup.setReminder', { reminderDays: 3 });
  clock.advance(4 * 86_400_000);
  await call(ctx, 'auth.signIn', { login: 'admin', password: TEST_ADMIN.password });
  expect((await call(ctx, 'backup.status', {})).reminderDue).toBe(true);
});

test('a backup made after a table was rebuilt (before any snapshot) restores and passes the integrity check', async () => {
  await call(ctx, 'backup.setPassphrase', { passphrase: PASS });
  const dataDir = ctx.dataDir;
  await ctx.close();
  const tables = path.join(dataDir, 'store', 'tables');
  fs.writeFileSync(path.join(tables, fs.readdirSync(tables).find((f) => f.startsWith('child-'))!), 'garbage');
  ctx = await openSignedIn({ dataDir, owner: 'test', clock, files: cliFiles });
  expect(names(ctx)).toEqual(['张小明', '李小红']);
  const file = await backupNow();
  child(ctx, 'k3', '王小刚');
  await call(ctx, 'backup.restore', { path: file });
  expect(names(ctx)).toEqual(['张小明', '李小红']);
});

test('a restore cut off while writing its new folder leaves nothing behind at the next start', async () => {
  const dataDir = ctx.dataDir;
  await ctx.close();
  fs.mkdirSync(path.join(dataDir, 'restoring-x', 'store'), { recursive: true });
  ctx = await openSignedIn({ dataDir, owner: 'test', clock, files: cliFiles });
  expect(fs.existsSync(path.join(dataDir, 'restoring-x'))).toBe(false);
  expect(names(ctx)).toEqual(['张小明', '李小红']);
});

test('a restore after bundles went out: new changes continue after what the city holds, and reach it', async () => {
  const { trustEachOther, exportTo, importInto } = await import('../exchange/exchange-helpers');
  const city = await openContext({ dataDir: path.join(tempDir('b-city'), 'data'), owner: 'test', clock, files: cliFiles });
  await initTestOffice(city, { code: '445200', name: '揭阳市民政局', level: 'city' });
  await trustEachOther(ctx, city);
  await call(ctx, 'backup.setPassphrase', { passphrase: PASS });
  const file = await backupNow();
  for (let i = 3; i <= 10; i++) child(ctx, `k${i}`, `儿童${i}`);
  await importInto(city, await exportTo(ctx, city));
  expect(Object.keys(city.store!.table('child'))).toHaveLength(10);

  const r = await call(ctx, 'backup.restore', { path: file });
  expect(names(ctx)).toEqual(['张小明', '李小红']);
  const notice = (await call(ctx, 'app.status', {})).notices.find((n) => n.code === 'RESTORED')!;
  expect(notice.message).toMatch(/本单位已发给其他单位的第 \d+–\d+ 号修改不在恢复的数据中/);
  expect(notice.message).toContain('人员、密码的变动和审计日志');
  expect(r.replaced).toMatch(/^replaced-/);

  child(ctx, 'k11', '新录入');
  const result = await importInto(city, await exportTo(ctx, city));
  expect(result.new).toBeGreaterThanOrEqual(1);
  expect(city.store!.get('child', 'k11')?.v['child.name']).toBe('新录入');
  await city.close();
});

test('two restores at once: the second is refused and the folder stays whole', async () => {
  await call(ctx, 'backup.setPassphrase', { passphrase: PASS });
  const file = await backupNow();
  const [a, b] = await Promise.allSettled([call(ctx, 'backup.restore', { path: file }), call(ctx, 'backup.restore', { path: file })]);
  expect([a.status, b.status].sort()).toEqual(['fulfilled', 'rejected']);
  const refused = (a.status === 'rejected' ? a : b) as PromiseRejectedResult;
  expect((refused.reason as { data: { message: string } }).data.message).toContain('正在从备份恢复');
  const dataDir = ctx.dataDir;
  await ctx.close();
  ctx = await openSignedIn({ dataDir, owner: 'test', clock, files: cliFiles });
  expect(names(ctx)).toEqual(['张小明', '李小红']);
});

test('a folder a restore was still writing (killed part way) is refused, never opened as data', async () => {
  const { extractBackup, unfinishedMarker } = await import('../../../electron/backup/restore');
  await call(ctx, 'backup.setPassphrase', { passphrase: PASS });
  const file = await backupNow();
  const { keyForFile } = await import('../../../electron/backup/backup-file');
  const out = path.join(tempDir('half'), 'restored');
  await extractBackup(file, keyForFile(file, PASS), out);
  expect(fs.existsSync(unfinishedMarker(out))).toBe(false);
  fs.writeFileSync(unfinishedMarker(out), '');
  await expect(openContext({ dataDir: out, owner: 'test' })).rejects.toMatchObject({ code: 'RESTORE_UNFINISHED' });
});

test('restoring from the sign-in page is guarded like the sign-in: five wrong passwords, then a wait', async () => {
  await call(ctx, 'backup.setPassphrase', { passphrase: PASS });
  const file = await backupNow();
  const dataDir = ctx.dataDir;
  await ctx.close();
  fs.rmSync(path.join(dataDir, 'store'), { recursive: true });
  ctx = await openContext({ dataDir, owner: 'test', clock, files: cliFiles });
  await fail(ctx, 'auth.signIn', { login: 'admin', password: TEST_ADMIN.password });
  const attempt = () => fail(ctx, 'backup.restoreUnopened', { path: file, passphrase: PASS, login: 'admin', password: 'Wrong2026pass' });
  for (let i = 0; i < 5; i++) expect((await attempt()).code).toBe('SIGNIN_FAILED');
  const paused = await attempt();
  expect(paused.code).toBe('SIGNIN_PAUSED');
  expect(paused.message).toContain('连续登录失败次数过多');
  expect(fs.readdirSync(dataDir).filter((f) => f.startsWith('restoring-'))).toEqual([]);
});
