// File paths from the renderer are untrusted (issue 10, point 6; a probe wrote a bundle into /etc/cron.d through the
// preview). Each shell's file access decides: the preview only inside its exchange folder, the desktop only what was
// picked in a dialog this session, the CLI what was typed. A refusal says why in Chinese, is audited, and changes
// nothing else.
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../../electron/app/context';
import { chainedEntries } from '../../../electron/audit/audit-trail';
import { dialogFiles, type NativePicker } from '../../../electron/files/dialog-files';
import { cliFiles, noFiles } from '../../../electron/files/file-access';
import { folderFiles } from '../../../electron/files/folder-files';
import { cleanupTempDirs, tempDir } from '../../helpers/temp-dir';
import { call, exportTo, fail, office, storeBytes, trustEachOther } from '../exchange/exchange-helpers';

afterAll(cleanupTempDirs);

/** Record counts apart from the audit trail, and the entries of the trail. */
function snapshot(ctx: AppContext) {
  const c = ctx.store!.counts();
  const rest = Object.entries(c.entities).filter(([e, n]) => n > 0 && e !== 'audit' && e !== 'auditHead');
  return { rest: JSON.stringify(rest.sort()), audit: chainedEntries(ctx.store!).chained };
}

function expectRefusalAudited(ctx: AppContext, before: ReturnType<typeof snapshot>, fileName: string) {
  const after = snapshot(ctx);
  expect(after.rest).toBe(before.rest);
  expect(after.audit).toHaveLength(before.audit.length + 1);
  const e = after.audit[after.audit.length - 1]!;
  expect(e).toMatchObject({ action: 'path.refused', target: fileName });
  // The name only, never the folders above it.
  expect(JSON.stringify(e)).not.toContain(path.sep + fileName);
}

describe('the preview: only inside the exchange folder', () => {
  let county: AppContext;
  let city: AppContext;
  let exchange: string;
  let outside: string;

  beforeAll(async () => {
    county = await office('445202', '榕城区民政局', 'county');
    city = await office('445200', '揭阳市民政局', 'city');
    await trustEachOther(county, city);
    exchange = path.join(tempDir('exchange'), 'exchange');
    county.files = folderFiles(exchange);
    city.files = folderFiles(exchange);
    outside = tempDir('outside');
    fs.writeFileSync(path.join(outside, 'outside.guanai'), Buffer.from(await exportTo(county, city), 'base64'));
  });
  afterAll(async () => {
    await county.close();
    await city.close();
  });

  test('/etc/cron.d is refused for export, verify and import, audited, and nothing is written', async () => {
    const cron = fs.existsSync('/etc/cron.d') ? fs.readdirSync('/etc/cron.d').sort() : [];
    const before = snapshot(county);
    const bytes = storeBytes(county);
    const err = await fail(county, 'exchange.export', { to: '445200', folder: '/etc/cron.d' });
    expect(err.code).toBe('REFUSED');
    expect(err.message).toContain('只能读写交换文件夹');
    expect(fs.existsSync('/etc/cron.d') ? fs.readdirSync('/etc/cron.d').sort() : []).toEqual(cron);
    expectRefusalAudited(county, before, 'cron.d');
    expect(storeBytes(county)).not.toEqual(bytes); // the audit entry, and only it (above)

    for (const name of ['exchange.verify', 'exchange.dryRun', 'exchange.import'] as const) {
      const b = snapshot(city);
      const e = await fail(city, name, { path: '/etc/cron.d/x' });
      expect(e).toMatchObject({ code: 'REFUSED' });
      expectRefusalAudited(city, b, 'x');
    }
  });

  test('`..` and a symlink cannot lead out of the folder', async () => {
    const escapes = [path.join(exchange, '..', '..', path.basename(path.dirname(outside)), path.basename(outside), 'outside.guanai'), '../outside.guanai'];
    fs.symlinkSync(path.join(outside, 'outside.guanai'), path.join(exchange, 'link.guanai'));
    fs.symlinkSync(outside, path.join(exchange, 'usb'));
    for (const p of [...escapes, 'link.guanai', path.join(exchange, 'usb', 'outside.guanai')]) {
      const b = snapshot(city);
      expect(await fail(city, 'exchange.verify', { path: p })).toMatchObject({ code: 'REFUSED' });
      expectRefusalAudited(city, b, path.basename(p));
    }
    const b = snapshot(county);
    expect(await fail(county, 'exchange.export', { to: '445200', folder: path.join(exchange, 'usb') })).toMatchObject({ code: 'REFUSED' });
    expectRefusalAudited(county, b, 'usb');
    expect(fs.readdirSync(outside)).toEqual(['outside.guanai']);
  });

  test('a file inside the folder is used: export into it, then verify and import from it', async () => {
    const r = await call(county, 'exchange.export', { to: '445200', folder: exchange });
    expect(r.filePath).toBe(path.join(fs.realpathSync(exchange), r.fileName));
    const check = await call(city, 'exchange.verify', { path: r.fileName }); // relative to the folder
    expect(check.sender.code).toBe('445202');
    expect(await call(city, 'exchange.import', { path: r.filePath! })).toMatchObject({ sender: { code: '445202' } });
  });
});

describe('the desktop: only what was picked in a dialog this session', () => {
  let county: AppContext;
  let city: AppContext;
  let dir: string;
  let next: string | null;
  const picker: NativePicker = async () => next;

  beforeAll(async () => {
    county = await office('445202', '榕城区民政局', 'county');
    city = await office('445200', '揭阳市民政局', 'city');
    await trustEachOther(county, city);
    county.files = dialogFiles(picker);
    city.files = dialogFiles(picker);
    dir = tempDir('usb');
  });
  afterAll(async () => {
    await county.close();
    await city.close();
  });

  test('a folder picked for the export, a file picked for the import', async () => {
    next = dir;
    const folder = await call(county, 'files.pickFolder', { purpose: 'bundle' });
    if (!('handle' in folder)) throw new Error('picked');
    expect(folder.name).toBe(path.basename(dir));
    expect(folder.handle).not.toContain(dir);
    const r = await call(county, 'exchange.export', { to: '445200', folderHandle: folder.handle });
    next = r.filePath!;
    const file = await call(city, 'files.pickOpen', { purpose: 'bundle' });
    if (!('handle' in file)) throw new Error('picked');
    expect(file.name).toBe(r.fileName);
    expect((await call(city, 'exchange.verify', { handle: file.handle })).sender.code).toBe('445202');
    expect(await call(city, 'exchange.import', { handle: file.handle })).toMatchObject({ sender: { code: '445202' } });
  });

  test('a cancelled dialog gives no handle', async () => {
    next = null;
    expect(await call(city, 'files.pickOpen', { purpose: 'bundle' })).toEqual({ cancelled: true });
  });

  test('a forged handle, a handle of another kind and any path are refused and audited', async () => {
    next = dir;
    const folder = await call(county, 'files.pickFolder', { purpose: 'bundle' });
    if (!('handle' in folder)) throw new Error('picked');
    const cases: [AppContext, Parameters<typeof fail>[1], Record<string, unknown>, string][] = [
      [city, 'exchange.verify', { handle: 'A'.repeat(32) }, '（无效的文件句柄）'],
      [city, 'exchange.import', { path: path.join(dir, 'x.guanai') }, 'x.guanai'],
      [city, 'exchange.verify', { handle: folder.handle }, '（无效的文件句柄）'], // a folder's handle is no file (and another office's)
      [county, 'exchange.export', { to: '445200', folder: '/etc/cron.d' }, 'cron.d'],
      [county, 'files.write', { handle: 'B'.repeat(32), contentBase64: 'AAAA' }, '（无效的文件句柄）'],
      [county, 'ledgerImport.preview', { source: { handle: 'C'.repeat(32) } }, '（无效的文件句柄）'],
    ];
    for (const [ctx, name, args, target] of cases) {
      const b = snapshot(ctx);
      const e = await fail(ctx, name, args as never);
      expect(e.code).toBe('REFUSED');
      expect(e.message).toBe('只能使用在对话框中选择的文件，请点击“选择文件”重新选择。');
      expectRefusalAudited(ctx, b, target);
    }
  });

  test('files.write saves to a file picked with pickSave, owner-only', async () => {
    next = path.join(dir, '台账.xlsx');
    const save = await call(county, 'files.pickSave', { purpose: 'ledgerExport', suggestedName: '台账.xlsx' });
    if (!('handle' in save)) throw new Error('picked');
    expect(await call(county, 'files.write', { handle: save.handle, contentBase64: Buffer.from('xlsx').toString('base64') })).toEqual({
      saved: true,
      name: '台账.xlsx',
    });
    expect(fs.readFileSync(next, 'utf8')).toBe('xlsx');
    if (process.platform !== 'win32') expect(fs.statSync(next).mode & 0o777).toBe(0o600);
    // A save handle is not one to read from.
    expect(await fail(county, 'ledgerImport.preview', { source: { handle: save.handle } })).toMatchObject({ code: 'REFUSED' });
  });
});

describe('the CLI and a context without file access', () => {
  test('the CLI takes typed paths and no handles; without a layer nothing is allowed', () => {
    expect(cliFiles.resolve({ path: 'a/b.guanai' }, 'read')).toBe(path.resolve('a/b.guanai'));
    expect(() => cliFiles.resolve({ handle: 'A'.repeat(32) }, 'read')).toThrow('命令行');
    expect(() => noFiles.resolve({ path: '/tmp/x' }, 'read')).toThrow('不能直接读写文件');
  });

  test('the preview and the CLI have no dialogs', async () => {
    const ctx = await office('445224', '惠来县民政局', 'county');
    ctx.files = cliFiles;
    expect(await fail(ctx, 'files.pickOpen', { purpose: 'bundle' })).toMatchObject({ code: 'NOT_AVAILABLE' });
    await ctx.close();
  });
});
