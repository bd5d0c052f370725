// One running app per user: a second launch brings the existing window forward and exits, so two windows never
// compete for the same data folder.
import { app, type BrowserWindow } from 'electron';

/** False when another instance already runs; this one is then quitting and must start nothing. */
export function claimSingleInstance(getWindow: () => BrowserWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const win = getWindow();
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  return true;
}
