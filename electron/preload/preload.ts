// Runs in the sandboxed preload of the main window (bundled to dist/electron/preload.cjs, CommonJS: a sandboxed
// preload cannot be an ES module). Exposes exactly `invoke` and `on` as window.guanai and nothing else: the page
// never sees ipcRenderer, its events or any Node API. Only types come from the contract, so zod stays out.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { GuanaiBridge } from '../contract/channels';

const IPC_PREFIX = 'guanai:';
const EVENT_CHANNEL = 'guanai:event';

const api = {
  invoke(name, args) {
    return ipcRenderer.invoke(IPC_PREFIX + String(name), args);
  },
  on(event, cb) {
    const listener = (_ipcEvent: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) cb(payload as Parameters<typeof cb>[0]);
    };
    ipcRenderer.on(EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, listener);
    };
  },
} satisfies GuanaiBridge;

contextBridge.exposeInMainWorld('guanai', api);
