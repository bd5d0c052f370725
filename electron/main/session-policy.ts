// What pages in the app's session may do: nothing beyond showing our own files. Every permission (camera,
// notifications, clipboard reads, USB, …) is refused, and file:// documents get a strict Content-Security-Policy.
import type { Session } from 'electron';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const DOCUMENT_TYPES = new Set(['mainFrame', 'subFrame']);

export function applySessionPolicy(ses: Session): void {
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // The renderer's index.html should carry the same policy in a <meta> tag: older Electron releases did not pass
  // file:// responses through webRequest, and the header here is then the second line, not the only one.
  // The dev server (http) is left alone: its hot reload needs inline scripts and a websocket.
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (!details.url.startsWith('file:') || !DOCUMENT_TYPES.has(details.resourceType)) {
      callback({});
      return;
    }
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders: headers });
  });
}
