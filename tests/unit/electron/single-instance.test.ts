import type { BrowserWindow } from 'electron';
import { claimSingleInstance } from '../../../electron/main/single-instance';
import { app, electronMock, BrowserWindow as FakeWindow } from '../../helpers/electron-mock';

beforeEach(() => electronMock.reset());

describe('single instance', () => {
  test('the first instance keeps running and does not quit', () => {
    expect(claimSingleInstance(() => null)).toBe(true);
    expect(app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(app.quit).not.toHaveBeenCalled();
  });

  test('a second instance quits at once and starts nothing', () => {
    app.singleInstanceLock = false;
    expect(claimSingleInstance(() => null)).toBe(false);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  test('a second launch restores, shows and focuses the existing window', () => {
    const win = new FakeWindow({ show: false });
    win.minimize();
    claimSingleInstance(() => win as unknown as BrowserWindow);
    app.emit('second-instance', {}, ['electron', '.'], '/');
    expect(win.isMinimized()).toBe(false);
    expect(win.isVisible()).toBe(true);
    expect(win.isFocused()).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
  });

  test('a second launch before the window exists, or after it closed, is harmless', () => {
    let current: FakeWindow | null = null;
    claimSingleInstance(() => current as unknown as BrowserWindow | null);
    expect(() => app.emit('second-instance', {}, [], '/')).not.toThrow();
    current = new FakeWindow();
    current.destroy();
    expect(() => app.emit('second-instance', {}, [], '/')).not.toThrow();
    expect(current.isFocused()).toBe(false);
  });
});
