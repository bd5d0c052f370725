import { initTestOffice, TEST_ADMIN } from '../../helpers/office';
import { signIn } from '../../../electron/accounts/sign-in';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openContext, storeDirOf, type AppContext } from '../../../electron/app/context';
import { storeFiles } from '../../../electron/store/store';
import { closeOnQuit, openDesktopContext, STARTUP_ERROR_TITLE } from '../../../electron/main/startup';
import { app, dialog, electronMock, FakeEvent } from '../../helpers/electron-mock';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';

const emit = () => undefined;
let opened: AppContext[] = [];

beforeEach(() => electronMock.reset());
afterEach(async () => {
  for (const ctx of opened) await ctx.close();
  opened = [];
  cleanupTempDirs();
});

async function start(dataDir: string, argv = ['electron', 'main.cjs', '--data', dataDir]) {
  const ctx = await openDesktopContext({ argv, env: {}, userDataDir: tempDir(), emit, owner: 'test' });
  if (ctx) opened.push(ctx);
  return ctx;
}

/** A data folder with an office and a store, closed again. */
async function initialisedFolder(): Promise<string> {
  const dir = tempDir();
  const ctx = await openContext({ dataDir: dir, owner: 'test', clock: fixedClock() });
  await initTestOffice(ctx, { code: '445200', name: '揭阳市民政局', level: 'city' });
  await ctx.close();
  return dir;
}

function expectRefused(code: RegExp | string) {
  expect(dialog.showErrorBox).toHaveBeenCalledTimes(1);
  const [title, message] = dialog.showErrorBox.mock.calls[0]!;
  expect(title).toBe(STARTUP_ERROR_TITLE);
  expect(message).toMatch(code);
  expect(app.quit).toHaveBeenCalledTimes(1);
}

describe('opening the data folder at start', () => {
  test('a usable folder opens, with the folder lock held for the desktop app', async () => {
    const dir = await initialisedFolder();
    const ctx = await start(dir);
    expect(ctx?.office?.code).toBe('445200');
    // The data is encrypted: the store opens when the first person signs in.
    expect(ctx?.store).toBeNull();
    await signIn(ctx!, ctx!.seat, TEST_ADMIN.login, TEST_ADMIN.password);
    expect(ctx?.store).not.toBeNull();
    expect(fs.existsSync(path.join(dir, 'guanai.lock'))).toBe(true);
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
    expect(app.quit).not.toHaveBeenCalled();
  });

  test('a folder held by another running program: explained, quit, no store', async () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, 'guanai.lock'),
      JSON.stringify({ pid: process.ppid, host: os.hostname(), owner: 'preview', since: '2026-11-28T02:00:00.000Z' }),
    );
    await expect(start(dir)).resolves.toBeNull();
    expectRefused(/数据文件夹正被另一个程序使用（浏览器预览/);
    expect(fs.existsSync(storeDirOf(dir))).toBe(false);
  });

  test('a damaged store: the sign-in says so in Chinese and changes nothing', async () => {
    const dir = await initialisedFolder();
    fs.rmSync(storeFiles(storeDirOf(dir)).journal);
    const ctx = await start(dir);
    await expect(signIn(ctx!, ctx!.seat, TEST_ADMIN.login, TEST_ADMIN.password)).rejects.toThrow(/操作日志文件缺失/);
    expect(ctx!.store).toBeNull();
    expect(ctx!.seat.person).toBeNull();
  });

  test('a folder whose office identity is damaged: explained, quit, and the lock is released', async () => {
    const dir = await initialisedFolder();
    fs.writeFileSync(path.join(dir, 'office.json'), '{"format":');
    await expect(start(dir)).resolves.toBeNull();
    expectRefused(/身份文件/);
    expect(dialog.showErrorBox.mock.calls[0]![1]).toContain(dir);
    expect(fs.existsSync(path.join(dir, 'guanai.lock'))).toBe(false);
  });

  test('--data without a folder: explained and quit', async () => {
    await expect(start('', ['electron', 'main.cjs', '--data'])).resolves.toBeNull();
    expectRefused(/--data 后面缺少数据文件夹路径/);
  });

  test('an unexpected failure gets a plain explanation, not the raw error', async () => {
    const file = path.join(tempDir(), 'a-file');
    fs.writeFileSync(file, 'x');
    await expect(start(path.join(file, 'data'))).resolves.toBeNull();
    expectRefused(/无法打开数据文件夹，请检查/);
    expect(dialog.showErrorBox.mock.calls[0]![1]).not.toMatch(/ENOTDIR|EEXIST/);
  });
});

describe('closing at quit', () => {
  test('quit waits for the store to close and the lock to be released, then quits once more', async () => {
    const dir = await initialisedFolder();
    const ctx = (await start(dir))!;
    opened = [];
    closeOnQuit(ctx);
    const first = new FakeEvent();
    app.emit('will-quit', first);
    expect(first.defaultPrevented).toBe(true);
    const again = new FakeEvent();
    app.emit('will-quit', again);
    expect(again.defaultPrevented).toBe(true);
    for (let i = 0; i < 200 && app.quit.mock.calls.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(fs.existsSync(path.join(dir, 'guanai.lock'))).toBe(false);
    expect(ctx.store).toBeNull();
    const last = new FakeEvent();
    app.emit('will-quit', last);
    expect(last.defaultPrevented).toBe(false);
  });
});
