// Stand-in for the `electron` package in jest (tests/jest.config.cjs maps 'electron' here): the real binary cannot
// run in tests. It fakes just enough of the main-process and preload APIs for the glue in electron/main and
// electron/preload, and records what the glue did so tests can inspect it and play the renderer's part.
// Tests import the same module by path to reach the fakes' extra fields; call `electronMock.reset()` before each.
import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/* eslint-disable @typescript-eslint/no-explicit-any -- the fakes stand in for loosely typed Electron callbacks. */
type AnyFn = (...args: any[]) => any;

/** An Electron event: records preventDefault, carries the event's own fields (url, frame, …). */
export class FakeEvent {
  defaultPrevented = false;
  [key: string]: unknown;
  constructor(fields: Record<string, unknown> = {}) {
    Object.assign(this, fields);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

let nextFrameRoutingId = 1;
export class FakeWebFrameMain {
  url: string;
  processId: number;
  routingId: number;
  parent: FakeWebFrameMain | null;
  constructor(opts: { url?: string; processId?: number; routingId?: number; parent?: FakeWebFrameMain | null } = {}) {
    this.url = opts.url ?? '';
    this.processId = opts.processId ?? 1;
    this.routingId = opts.routingId ?? nextFrameRoutingId++;
    this.parent = opts.parent ?? null;
  }
  get top(): FakeWebFrameMain {
    return this.parent ? this.parent.top : this;
  }
}

type HeadersListener = (details: any, callback: (response: any) => void) => void;
type RequestListener = (details: any, callback: (response: any) => void) => void;

export class FakeSession {
  readonly partition: string;
  permissionRequestHandler: AnyFn | null = null;
  permissionCheckHandler: AnyFn | null = null;
  devicePermissionHandler: AnyFn | null = null;
  readonly webRequest = {
    headersReceived: null as { filter: unknown; listener: HeadersListener } | null,
    beforeRequest: null as { filter: unknown; listener: RequestListener } | null,
    onHeadersReceived: (a: unknown, b?: HeadersListener | null) => {
      const listener = (typeof a === 'function' ? a : b) as HeadersListener | null;
      this.webRequest.headersReceived = listener ? { filter: typeof a === 'function' ? null : a, listener } : null;
    },
    onBeforeRequest: (a: unknown, b?: RequestListener | null) => {
      const listener = (typeof a === 'function' ? a : b) as RequestListener | null;
      this.webRequest.beforeRequest = listener ? { filter: typeof a === 'function' ? null : a, listener } : null;
    },
  };
  constructor(partition = '') {
    this.partition = partition;
  }
  setPermissionRequestHandler(handler: AnyFn | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: AnyFn | null): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: AnyFn | null): void {
    this.devicePermissionHandler = handler;
  }

  /** Plays a permission request; resolves with what the handler granted (Electron grants when no handler is set). */
  requestPermission(permission: string, contents: unknown = null): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) => handler(contents, permission, resolve, {}));
  }
  checkPermission(permission: string, origin = 'file:///'): boolean {
    return this.permissionCheckHandler ? Boolean(this.permissionCheckHandler(null, permission, origin, {})) : true;
  }
  /** Plays a response through onHeadersReceived; returns the headers the page would see. */
  receiveHeaders(
    url: string,
    resourceType = 'mainFrame',
    responseHeaders: Record<string, string[]> = {},
  ): Promise<Record<string, string[]>> {
    const hook = this.webRequest.headersReceived;
    if (!hook) return Promise.resolve(responseHeaders);
    return new Promise((resolve) =>
      hook.listener({ url, resourceType, responseHeaders, method: 'GET' }, (response: any) =>
        resolve(response?.responseHeaders ?? responseHeaders),
      ),
    );
  }
  /** Plays a request through onBeforeRequest; resolves true when it would be cancelled. */
  sendRequest(url: string, resourceType = 'other'): Promise<boolean> {
    const hook = this.webRequest.beforeRequest;
    if (!hook) return Promise.resolve(false);
    return new Promise((resolve) =>
      hook.listener({ url, resourceType, method: 'GET' }, (response: any) => resolve(Boolean(response?.cancel))),
    );
  }
}

let nextContentsId = 1;
export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  session: FakeSession;
  mainFrame: FakeWebFrameMain;
  windowOpenHandler: AnyFn | null = null;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  destroyed = false;
  printToPDF = jest.fn(async (_options: unknown) => Buffer.from('%PDF-1.4\n% fake\n'));
  print = jest.fn((_options?: unknown, callback?: (success: boolean, failureReason: string) => void) => {
    callback?.(electronMock.printOutcome.success, electronMock.printOutcome.failureReason);
  });
  constructor(ses: FakeSession) {
    super();
    this.session = ses;
    this.mainFrame = new FakeWebFrameMain({ processId: 100 + this.id });
  }
  setWindowOpenHandler(handler: AnyFn): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  getURL(): string {
    return this.mainFrame.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Plays window.open(url); returns the handler's answer (Electron allows when there is no handler). */
  openWindow(url: string): { action: string } {
    return this.windowOpenHandler ? this.windowOpenHandler({ url, frameName: '', features: '', disposition: 'new-window' }) : { action: 'allow' };
  }
  /** Plays a renderer-initiated navigation event; returns true when the app prevented it. */
  navigate(url: string, eventName: 'will-navigate' | 'will-frame-navigate' | 'will-redirect' = 'will-navigate'): boolean {
    const event = new FakeEvent({ url, isMainFrame: true, isSameDocument: false, frame: this.mainFrame });
    this.emit(eventName, event, url);
    return event.defaultPrevented;
  }
}

export interface BrowserWindowOptions {
  webPreferences?: Record<string, unknown> & { session?: FakeSession; partition?: string };
  [key: string]: unknown;
}

export class BrowserWindow extends EventEmitter {
  /** Every window created since the last reset, destroyed or not. */
  static created: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.created.filter((w) => !w.destroyed);
  }
  static getFocusedWindow(): BrowserWindow | null {
    return BrowserWindow.getAllWindows().find((w) => w.focused) ?? null;
  }
  readonly options: BrowserWindowOptions;
  readonly webContents: FakeWebContents;
  loadedUrls: string[] = [];
  destroyed = false;
  visible = false;
  focused = false;
  minimized = false;
  constructor(options: BrowserWindowOptions = {}) {
    super();
    this.options = options;
    const prefs = options.webPreferences ?? {};
    const ses = prefs.session ?? (prefs.partition ? session.fromPartition(prefs.partition) : session.defaultSession);
    this.webContents = new FakeWebContents(ses);
    this.visible = options.show !== false;
    BrowserWindow.created.push(this);
  }
  async loadURL(url: string): Promise<void> {
    if (electronMock.loadFailure) throw Object.assign(new Error('ERR_FILE_NOT_FOUND'), { code: 'ERR_FILE_NOT_FOUND' });
    this.loadedUrls.push(url);
    this.webContents.mainFrame.url = url;
  }
  loadFile(file: string): Promise<void> {
    return this.loadURL(pathToFileURL(file).href);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  close(): void {
    const event = new FakeEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  isVisible(): boolean {
    return this.visible;
  }
  focus(): void {
    for (const w of BrowserWindow.created) w.focused = false;
    this.focused = true;
  }
  isFocused(): boolean {
    return this.focused;
  }
  minimize(): void {
    this.minimized = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  setMenu(): void {}
  removeMenu(): void {}
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  singleInstanceLock = true;
  version = '0.1.0';
  paths: Record<string, string> = {};
  quit = jest.fn();
  exit = jest.fn();
  setAppUserModelId = jest.fn();
  requestSingleInstanceLock = jest.fn(() => this.singleInstanceLock);
  whenReady = jest.fn(() => Promise.resolve());
  getPath(name: string): string {
    return this.paths[name] ?? path.join(os.tmpdir(), 'guanai-electron-mock', name);
  }
  setPath(name: string, value: string): void {
    this.paths[name] = value;
  }
  getVersion(): string {
    return this.version;
  }
  getName(): string {
    return '关爱';
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;
class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeHandler>();
  handle(channel: string, handler: InvokeHandler): void {
    // As in Electron: a channel has one handler at most.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  handleOnce(channel: string, handler: InvokeHandler): void {
    this.handle(channel, (...args) => {
      this.handlers.delete(channel);
      return handler(...args);
    });
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Plays ipcRenderer.invoke arriving in the main process with the given event. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

class FakeIpcRenderer extends EventEmitter {
  invoke = jest.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => undefined);
  send = jest.fn();
  /** Plays a message from the main process, the way Electron calls listeners: (event, ...args). */
  deliver(channel: string, ...args: unknown[]): void {
    this.emit(channel, { sender: this, senderId: 0 }, ...args);
  }
}

export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();
export const ipcRenderer = new FakeIpcRenderer();

const partitions = new Map<string, FakeSession>();
export const session = {
  defaultSession: new FakeSession(''),
  fromPartition(partition: string): FakeSession {
    let ses = partitions.get(partition);
    if (!ses) {
      ses = new FakeSession(partition);
      partitions.set(partition, ses);
    }
    return ses;
  },
};

export interface FakeMenu {
  template: any[];
}
export const Menu = {
  applicationMenu: null as FakeMenu | null,
  buildFromTemplate: jest.fn((template: any[]): FakeMenu => ({ template })),
  setApplicationMenu: jest.fn((menu: FakeMenu | null) => {
    Menu.applicationMenu = menu;
  }),
  getApplicationMenu: () => Menu.applicationMenu,
};

const dialogDefaults = {
  showErrorBox: (_title: string, _content: string): void => undefined,
  showSaveDialog: async (..._args: unknown[]) => ({ canceled: true, filePath: '' }),
  showOpenDialog: async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] }),
  showMessageBox: async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false }),
  showMessageBoxSync: (..._args: unknown[]) => 1,
};
export const dialog = {
  showErrorBox: jest.fn(dialogDefaults.showErrorBox),
  showSaveDialog: jest.fn(dialogDefaults.showSaveDialog),
  showOpenDialog: jest.fn(dialogDefaults.showOpenDialog),
  showMessageBox: jest.fn(dialogDefaults.showMessageBox),
  showMessageBoxSync: jest.fn(dialogDefaults.showMessageBoxSync),
};

export const shell = {
  openPath: jest.fn(async (_path: string) => ''),
  openExternal: jest.fn(async (_url: string) => undefined),
  showItemInFolder: jest.fn((_path: string) => undefined),
};

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    // As in Electron: a key can be bound once.
    if (key in electronMock.exposed) throw new Error(`Cannot bind an API on top of an existing property "${key}"`);
    electronMock.exposed[key] = api;
  },
};

export const electronMock = {
  /** What the preload exposed, by key (window.guanai → exposed.guanai). */
  exposed: {} as Record<string, unknown>,
  /** Makes BrowserWindow#loadURL reject, as when the page file is missing. */
  loadFailure: false,
  /** What webContents.print reports to its callback. */
  printOutcome: { success: true, failureReason: '' },

  /** An ipcMain.handle event as sent by `frame` (by default the window's main frame) of `win`. */
  invokeEvent(win: BrowserWindow, frame: FakeWebFrameMain | null = win.webContents.mainFrame, sender: FakeWebContents = win.webContents) {
    return { sender, senderFrame: frame, frameId: frame?.routingId ?? 0, processId: frame?.processId ?? 0, type: 'frame' as const };
  },

  reset(): void {
    BrowserWindow.created = [];
    app.removeAllListeners();
    app.isPackaged = false;
    app.singleInstanceLock = true;
    app.paths = {};
    for (const fn of [app.quit, app.exit, app.setAppUserModelId, app.requestSingleInstanceLock, app.whenReady]) fn.mockClear();
    ipcMain.handlers.clear();
    ipcMain.removeAllListeners();
    ipcRenderer.removeAllListeners();
    ipcRenderer.invoke.mockReset();
    ipcRenderer.invoke.mockImplementation(async () => undefined);
    ipcRenderer.send.mockClear();
    session.defaultSession = new FakeSession('');
    partitions.clear();
    Menu.applicationMenu = null;
    Menu.buildFromTemplate.mockClear();
    Menu.setApplicationMenu.mockClear();
    dialog.showErrorBox.mockReset().mockImplementation(dialogDefaults.showErrorBox);
    dialog.showSaveDialog.mockReset().mockImplementation(dialogDefaults.showSaveDialog);
    dialog.showOpenDialog.mockReset().mockImplementation(dialogDefaults.showOpenDialog);
    dialog.showMessageBox.mockReset().mockImplementation(dialogDefaults.showMessageBox);
    dialog.showMessageBoxSync.mockReset().mockImplementation(dialogDefaults.showMessageBoxSync);
    shell.openPath.mockReset().mockImplementation(async () => '');
    shell.openExternal.mockClear();
    shell.showItemInFolder.mockClear();
    electronMock.exposed = {};
    electronMock.loadFailure = false;
    electronMock.printOutcome = { success: true, failureReason: '' };
  },
};

/** The fake behind a value the glue typed as a real Electron object. */
export const fake = {
  window: (w: unknown) => w as BrowserWindow,
  menu: (m: unknown) => m as FakeMenu,
};

export default { app, BrowserWindow, ipcMain, ipcRenderer, session, Menu, dialog, shell, contextBridge };
