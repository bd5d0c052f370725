import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { appPage } from '../../../electron/main/app-page';
import { createMainWindow, hardenAllWebContents, WINDOW_TITLE } from '../../../electron/main/window';
import { app, dialog, electronMock, fake, FakeEvent, FakeSession, FakeWebContents } from '../../helpers/electron-mock';

const index = path.resolve('/opt/guanai/dist/renderer/index.html');
const page = appPage(index);
const preloadPath = path.resolve('/opt/guanai/dist/electron/preload.cjs');

beforeEach(() => electronMock.reset());

function open() {
  return fake.window(createMainWindow({ page, preloadPath }));
}

describe('main window', () => {
  test('runs the page sandboxed, isolated, without Node, with our preload', () => {
    const win = open();
    expect(win.options.webPreferences).toMatchObject({
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(win.options.title).toBe(WINDOW_TITLE);
    expect(WINDOW_TITLE).toBe('关爱 — 农村留守儿童关爱保护');
  });

  test('loads the built index page and shows only when ready', () => {
    const win = open();
    expect(win.loadedUrls).toEqual([pathToFileURL(index).href]);
    expect(win.isVisible()).toBe(false);
    win.emit('ready-to-show');
    expect(win.isVisible()).toBe(true);
  });

  test('the window title does not follow the page <title>', () => {
    const win = open();
    const event = new FakeEvent();
    win.emit('page-title-updated', event, 'Vite App');
    expect(event.defaultPrevented).toBe(true);
  });

  test('navigation away from the app page is blocked; our own page is allowed', () => {
    const contents = open().webContents;
    for (const eventName of ['will-navigate', 'will-frame-navigate', 'will-redirect'] as const) {
      expect(contents.navigate('https://example.com/', eventName)).toBe(true);
      expect(contents.navigate('file:///etc/passwd', eventName)).toBe(true);
      expect(contents.navigate(`${pathToFileURL(index).href}#/settings`, eventName)).toBe(false);
    }
  });

  test('window.open is denied', () => {
    const contents = open().webContents;
    expect(contents.openWindow('https://example.com/')).toEqual({ action: 'deny' });
    expect(contents.openWindow(pathToFileURL(index).href)).toEqual({ action: 'deny' });
  });

  test('a failed page load is reported without the page path', async () => {
    electronMock.loadFailure = true;
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      open();
      await new Promise((r) => setImmediate(r));
      expect(write).toHaveBeenCalledWith(expect.stringContaining('ERR_FILE_NOT_FOUND'));
      expect(String(write.mock.calls[0]![0])).not.toContain('/opt/guanai');
    } finally {
      write.mockRestore();
    }
  });
});

describe('every web contents the app creates', () => {
  test('denies window.open and refuses <webview>', () => {
    hardenAllWebContents();
    const contents = new FakeWebContents(new FakeSession());
    app.emit('web-contents-created', new FakeEvent(), contents);
    expect(contents.openWindow('https://example.com/')).toEqual({ action: 'deny' });
    const attach = new FakeEvent();
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.defaultPrevented).toBe(true);
  });
});

describe('unsaved form on close or reload', () => {
  test('asks in Chinese; staying keeps the page, leaving lets it unload', () => {
    const win = open();
    dialog.showMessageBoxSync.mockReturnValueOnce(1);
    const stay = new FakeEvent();
    win.webContents.emit('will-prevent-unload', stay);
    expect(stay.defaultPrevented).toBe(false);
    expect(dialog.showMessageBoxSync.mock.calls[0]![1]).toMatchObject({ title: '还有未保存的内容', buttons: ['放弃并离开', '留在本页'] });
    dialog.showMessageBoxSync.mockReturnValueOnce(0);
    const leave = new FakeEvent();
    win.webContents.emit('will-prevent-unload', leave);
    expect(leave.defaultPrevented).toBe(true);
  });
});
