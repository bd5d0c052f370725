// The wiring in electron/main/main.ts, run against the fake electron: what the app does from launch to quit.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { channels } from '../../../electron/contract/channels';
import * as electronModule from '../../helpers/electron-mock';
import { app, dialog, electronMock, fake, FakeEvent, ipcMain, Menu, session, BrowserWindow as FakeWindow } from '../../helpers/electron-mock';
import { cleanupTempDirs, tempDir } from '../../helpers/temp-dir';

const mainDir = path.resolve(__dirname, '../../../electron/main');
const savedArgv = process.argv;

beforeEach(() => electronMock.reset());
afterEach(() => {
  process.argv = savedArgv;
  cleanupTempDirs();
});

async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (cond()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function launch(dataDir: string): Promise<void> {
  process.argv = ['electron', path.join(mainDir, 'main.ts'), '--data', dataDir];
  await jest.isolateModulesAsync(async () => {
    jest.doMock('electron', () => electronModule);
    await import('../../../electron/main/main');
  });
}

async function quit(dataDir: string): Promise<void> {
  app.emit('will-quit', new FakeEvent());
  await until(() => !fs.existsSync(path.join(dataDir, 'guanai.lock')), 'the lock to be released');
}

jest.setTimeout(30_000); // a first launch loads the bundled main process: slow on a loaded 2-core machine

describe('main process', () => {
  test('a first launch opens the data folder, registers IPC, installs the menu and opens one hardened window', async () => {
    const dataDir = tempDir();
    await launch(dataDir);
    await until(() => FakeWindow.created.length === 1, 'the window');
    const win = fake.window(FakeWindow.created[0]);
    const indexUrl = pathToFileURL(path.resolve(mainDir, '..', 'renderer', 'index.html')).href;
    expect(win.loadedUrls).toEqual([indexUrl]);
    expect(win.options.webPreferences).toMatchObject({
      preload: path.join(mainDir, 'preload.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(ipcMain.handlers.size).toBe(Object.keys(channels).length);
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(session.defaultSession.webRequest.headersReceived).not.toBeNull();
    expect(fs.existsSync(path.join(dataDir, 'guanai.lock'))).toBe(true);
    expect(dialog.showErrorBox).not.toHaveBeenCalled();

    win.webContents.mainFrame.url = indexUrl;
    const status = await ipcMain.invoke('guanai:app.status', electronMock.invokeEvent(win), {});
    expect(status).toMatchObject({ ok: true, value: { dataDir, shell: 'desktop', initialised: false } });

    await quit(dataDir);
    expect(app.quit).toHaveBeenCalled();
  });

  test('closing the last window quits the app', async () => {
    const dataDir = tempDir();
    await launch(dataDir);
    await until(() => FakeWindow.created.length === 1, 'the window');
    fake.window(FakeWindow.created[0]).close();
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledTimes(1);
    await quit(dataDir);
  });

  test('a second instance quits before opening anything', async () => {
    app.singleInstanceLock = false;
    const dataDir = tempDir();
    await launch(dataDir);
    await new Promise((r) => setTimeout(r, 20));
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(FakeWindow.created).toHaveLength(0);
    expect(fs.existsSync(path.join(dataDir, 'guanai.lock'))).toBe(false);
  });

  test('a data folder that cannot be opened stops the app with a Chinese message and no window', async () => {
    const dataDir = tempDir();
    fs.writeFileSync(
      path.join(dataDir, 'guanai.lock'),
      JSON.stringify({ pid: process.ppid, host: os.hostname(), owner: 'cli', since: '2026-11-28T02:00:00.000Z' }),
    );
    await launch(dataDir);
    await until(() => dialog.showErrorBox.mock.calls.length === 1, 'the error box');
    expect(dialog.showErrorBox.mock.calls[0]![1]).toMatch(/数据文件夹正被另一个程序使用（命令行工具/);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(FakeWindow.created).toHaveLength(0);
    expect(ipcMain.handlers.size).toBe(0);
  });

  test('the dev server URL is used only outside a packaged app', async () => {
    const dataDir = tempDir();
    process.env.GUANAI_DEV_URL = 'http://localhost:5173/';
    try {
      app.isPackaged = true;
      await launch(dataDir);
      await until(() => FakeWindow.created.length === 1, 'the window');
      expect(fake.window(FakeWindow.created[0]).loadedUrls[0]).toMatch(/^file:/);
    } finally {
      delete process.env.GUANAI_DEV_URL;
    }
    await quit(dataDir);
  });
});
