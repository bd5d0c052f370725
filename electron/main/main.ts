// Runs in the Electron main process (bundled to dist/electron/main.cjs). Only wiring lives here: each step is a
// small module under electron/main that is unit-tested with `electron` mocked.
import path from 'node:path';
import { app, session, type BrowserWindow } from 'electron';
import { appPage } from './app-page';
import { createEventForwarder, registerIpc } from './ipc';
import { createMenuActions } from './menu-actions';
import { installMenu } from './menu';
import { printHtml, savePdf } from './print';
import { dialogFiles } from '../files/dialog-files';
import { nativePicker } from './file-dialogs';
import { applySessionPolicy } from './session-policy';
import { claimSingleInstance } from './single-instance';
import { closeOnQuit, openDesktopContext } from './startup';
import { createMainWindow, hardenAllWebContents } from './window';

export const APP_ID = 'cn.gov.guanai';

// dist/electron/main.cjs → dist/renderer/index.html. The dev server URL is honoured only outside a packaged app.
const page = appPage(
  path.join(__dirname, '..', 'renderer', 'index.html'),
  app.isPackaged ? null : process.env.GUANAI_DEV_URL,
);
let mainWindow: BrowserWindow | null = null;
const getWindow = () => mainWindow;

async function start(): Promise<void> {
  applySessionPolicy(session.defaultSession);
  const ctx = await openDesktopContext({
    argv: process.argv,
    env: process.env,
    userDataDir: app.getPath('userData'),
    emit: createEventForwarder(getWindow),
  });
  if (!ctx) return;
  closeOnQuit(ctx);
  ctx.shell = {
    savePdf: (html, title) => savePdf(html, { title, parent: getWindow() }),
    print: (html) => printHtml(html),
  };
  // Only files the person picks in a native dialog this session (the renderer holds opaque handles).
  ctx.files = dialogFiles(nativePicker(getWindow));
  registerIpc({ ctx, page, getWindow });
  installMenu(createMenuActions({ dataDir: ctx.dataDir, getWindow }));
  mainWindow = createMainWindow({ page, preloadPath: path.join(__dirname, 'preload.cjs') });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

if (claimSingleInstance(getWindow)) {
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  hardenAllWebContents();
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch(() => {
      process.stderr.write('[guanai] 启动失败\n');
      app.quit();
    });
}
