// Picks how the renderer reaches the main process: the preload's `window.guanai` in Electron, or the loopback HTTP
// bridge of the browser preview (whose server writes its token into index.html).
import type { GuanaiBridge } from '../../../electron/contract/channels';
import { createPreviewBridge } from './preview-bridge';

declare global {
  interface Window {
    guanai?: GuanaiBridge;
  }
}

export const PREVIEW_TOKEN_META = 'guanai-preview-token';

/** The bridge for this page, or null when neither the preload nor a preview token is present. */
export function resolveBridge(win: Window = window): GuanaiBridge | null {
  if (win.guanai) return win.guanai;
  const meta = win.document.querySelector<HTMLMetaElement>(`meta[name="${PREVIEW_TOKEN_META}"]`);
  const token = meta?.content.trim();
  return token ? createPreviewBridge(token) : null;
}
