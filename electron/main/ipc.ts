// IPC from the renderer: one ipcMain handler per contract channel ('guanai:' + name), each refusing calls that do
// not come from our own page in the main frame of our window, then handing the call to the shared dispatcher.
// Events from the context go the other way on a single 'guanai:event' channel.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { AppContext } from '../app/context';
import { channels, type ChannelName, type EventName, type Events } from '../contract/channels';
import type { Result } from '../contract/errors';
import { dispatch } from '../dispatch/dispatch';
import { isAppPageUrl, type AppPage } from './app-page';

export const IPC_PREFIX = 'guanai:';
export const EVENT_CHANNEL = 'guanai:event';

export const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: '请求来源不可信，已拒绝。' },
};

export interface IpcOptions {
  ctx: AppContext;
  page: AppPage;
  getWindow: () => BrowserWindow | null;
}

export const ipcChannelOf = (name: ChannelName) => `${IPC_PREFIX}${name}`;

/** The sender must be the main frame of our live window, currently showing our page. */
export function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null, page: AppPage): boolean {
  if (!win || win.isDestroyed()) return false;
  const contents = win.webContents;
  if (event.sender !== contents) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  const main = contents.mainFrame;
  if (frame !== main && (frame.processId !== main.processId || frame.routingId !== main.routingId)) return false;
  return isAppPageUrl(frame.url, page);
}

export function registerIpc(opts: IpcOptions): ChannelName[] {
  const names = Object.keys(channels) as ChannelName[];
  for (const name of names) {
    ipcMain.handle(ipcChannelOf(name), async (event, args: unknown) => {
      if (!isTrustedSender(event, opts.getWindow(), opts.page)) return FORBIDDEN;
      return dispatch(opts.ctx, name, args);
    });
  }
  return names;
}

export function unregisterIpc(): void {
  for (const name of Object.keys(channels) as ChannelName[]) ipcMain.removeHandler(ipcChannelOf(name));
}

/** The `emit` to give openContext: pushes each event to the window, if there is one, as it happens. */
export function createEventForwarder(getWindow: () => BrowserWindow | null) {
  return <E extends EventName>(event: E, payload: Events[E]): void => {
    const win = getWindow();
    if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return;
    win.webContents.send(EVENT_CHANNEL, event, payload);
  };
}
