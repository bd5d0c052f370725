// The app's main window and the rules every web page in the app lives under: no Node, a sandboxed renderer with an
// isolated preload, no navigation away from our own page, no new windows, no <webview>.
import { app, BrowserWindow, type WebContents } from 'electron';
import { isAppPageUrl, startUrl, type AppPage } from './app-page';
import { askBeforeUnload } from './unload-guard';

export const WINDOW_TITLE = '关爱 — 农村留守儿童关爱保护';

export interface MainWindowOptions {
  page: AppPage;
  /** Absolute path of the bundled preload (dist/electron/preload.cjs). */
  preloadPath: string;
}

/** Blocks every navigation (and redirect) whose target `allow` refuses. In-page (hash) routing is not a navigation. */
export function guardNavigation(contents: WebContents, allow: (url: string) => boolean): void {
  const block = (event: { preventDefault(): void }, url: string) => {
    if (!allow(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => block(event, event.url));
  contents.on('will-frame-navigate', (event) => block(event, event.url));
  contents.on('will-redirect', (event) => block(event, event.url));
}

/** Applied to every web contents the app ever creates, including ones we did not expect. */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: opts.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  // The window keeps the app's name whatever <title> the renderer's current page has.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  guardNavigation(win.webContents, (url) => isAppPageUrl(url, opts.page));
  askBeforeUnload(win);
  win.loadURL(startUrl(opts.page)).catch((err: unknown) => {
    // Only the kind of failure is logged: the page path can hold the user's name.
    process.stderr.write(`[guanai] 无法载入程序界面：${(err as { code?: string })?.code ?? 'unknown'}\n`);
  });
  return win;
}
