import path from 'node:path';
import { TEST_ADMIN } from '../../helpers/office';
import { pathToFileURL } from 'node:url';
import type { BrowserWindow } from 'electron';
import { openContext, type AppContext } from '../../../electron/app/context';
import { channels } from '../../../electron/contract/channels';
import { appPage } from '../../../electron/main/app-page';
import { createEventForwarder, EVENT_CHANNEL, FORBIDDEN, registerIpc, unregisterIpc } from '../../../electron/main/ipc';
import { createMainWindow } from '../../../electron/main/window';
import { electronMock, fake, FakeWebContents, FakeWebFrameMain, ipcMain, BrowserWindow as FakeWindow } from '../../helpers/electron-mock';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';

const index = path.resolve('/opt/guanai/dist/renderer/index.html');
const page = appPage(index);
const pageUrl = pathToFileURL(index).href;

let ctx: AppContext;
let win: FakeWindow;

beforeEach(async () => {
  electronMock.reset();
  win = fake.window(createMainWindow({ page, preloadPath: '/opt/guanai/dist/electron/preload.cjs' }));
  ctx = await openContext({
    dataDir: tempDir(),
    owner: 'test',
    clock: fixedClock(),
    emit: createEventForwarder(() => win as unknown as BrowserWindow),
  });
  registerIpc({ ctx, page, getWindow: () => win as unknown as BrowserWindow });
});
afterEach(async () => {
  await ctx.close();
  cleanupTempDirs();
});

const call = (name: string, event: unknown, args: unknown = {}) => ipcMain.invoke(`guanai:${name}`, event, args);

describe('IPC registration', () => {
  test('every contract channel has exactly one handler, prefixed guanai:', () => {
    const expected = Object.keys(channels).map((name) => `guanai:${name}`).sort();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(expected);
  });

  test('registering twice fails as in Electron; unregistering removes every handler', () => {
    expect(() => registerIpc({ ctx, page, getWindow: () => null })).toThrow(/second handler/);
    unregisterIpc();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('sender check', () => {
  test('a call from our page in the main frame reaches dispatch and the real store', async () => {
    const status = await call('app.status', electronMock.invokeEvent(win));
    expect(status).toMatchObject({ ok: true, value: { initialised: false, dataDir: ctx.dataDir } });

    const init = await call('office.init', electronMock.invokeEvent(win), { code: '445200', name: '揭阳市民政局', level: 'city', admin: TEST_ADMIN });
    expect(init).toMatchObject({ ok: true, value: { office: { code: '445200', name: '揭阳市民政局' } } });
    const settings = await call('settings.get', electronMock.invokeEvent(win));
    expect(settings).toMatchObject({ ok: true, value: { dataDir: ctx.dataDir, office: { code: '445200' } } });
  });

  test('arguments are validated by dispatch', async () => {
    const result = await call('office.init', electronMock.invokeEvent(win), { code: '12', name: '', level: 'city' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    expect(ctx.office).toBeNull();
  });

  test('a sub-frame of our window is refused', async () => {
    const child = new FakeWebFrameMain({ url: pageUrl, processId: win.webContents.mainFrame.processId, parent: win.webContents.mainFrame });
    await expect(call('app.status', electronMock.invokeEvent(win, child))).resolves.toEqual(FORBIDDEN);
  });

  test('our main frame showing a foreign page is refused', async () => {
    win.webContents.mainFrame.url = 'https://example.com/';
    await expect(call('app.status', electronMock.invokeEvent(win))).resolves.toEqual(FORBIDDEN);
    win.webContents.mainFrame.url = 'file:///tmp/evil.html';
    await expect(call('app.status', electronMock.invokeEvent(win))).resolves.toEqual(FORBIDDEN);
  });

  test('another window, even on our page, is refused', async () => {
    const other = new FakeWindow({ webPreferences: {} });
    await other.loadURL(pageUrl);
    await expect(call('app.status', electronMock.invokeEvent(other))).resolves.toEqual(FORBIDDEN);
  });

  test('a frame that is gone, or a main frame claimed by another web contents, is refused', async () => {
    await expect(call('app.status', electronMock.invokeEvent(win, null))).resolves.toEqual(FORBIDDEN);
    const stranger = new FakeWebContents(win.webContents.session);
    stranger.mainFrame.url = pageUrl;
    await expect(call('app.status', electronMock.invokeEvent(win, stranger.mainFrame))).resolves.toEqual(FORBIDDEN);
  });

  test('after the window is closed nothing is accepted', async () => {
    win.destroy();
    await expect(call('app.status', electronMock.invokeEvent(win))).resolves.toEqual(FORBIDDEN);
  });

  test('the refusal is in Chinese and nothing is changed', async () => {
    const frame = new FakeWebFrameMain({ url: 'https://example.com/', parent: win.webContents.mainFrame });
    const result = await call('office.init', electronMock.invokeEvent(win, frame), { code: '445200', name: '揭阳市民政局', level: 'city', admin: TEST_ADMIN });
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '请求来源不可信，已拒绝。' } });
    expect(ctx.office).toBeNull();
  });
});

describe('events to the renderer', () => {
  test('context events are sent to the window on guanai:event', () => {
    ctx.emit('store.changed', { entities: ['child'] });
    expect(win.webContents.sent).toEqual([{ channel: EVENT_CHANNEL, args: ['store.changed', { entities: ['child'] }] }]);
  });

  test('with no window, or a closed one, events are dropped quietly', () => {
    const none = createEventForwarder(() => null);
    expect(() => none('store.changed', { entities: [] })).not.toThrow();
    win.destroy();
    ctx.emit('store.changed', { entities: ['child'] });
    expect(win.webContents.sent).toEqual([]);
  });
});
