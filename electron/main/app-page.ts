// The one page the app's windows may show and the only sender IPC trusts: the built renderer's index.html on disk,
// or, in development only, the renderer dev server. Pure so it is tested without Electron.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface AppPage {
  /** file:// URL of dist/renderer/index.html. */
  fileUrl: string;
  /** Origin-bearing URL of the renderer dev server, or null (always null in a packaged app). */
  devUrl: string | null;
}

export function appPage(indexHtmlPath: string, devUrl?: string | null): AppPage {
  const dev = devUrl && devUrl.trim() !== '' ? new URL(devUrl).href : null;
  return { fileUrl: pathToFileURL(path.resolve(indexHtmlPath)).href, devUrl: dev };
}

/** What the main window loads first. */
export function startUrl(page: AppPage): string {
  return page.devUrl ?? page.fileUrl;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Percent-encoding differs between Node and Chromium for non-ASCII folder names (e.g. C:\程序\关爱). */
function samePath(a: string, b: string): boolean {
  try {
    return decodeURIComponent(a) === decodeURIComponent(b);
  } catch {
    return a === b;
  }
}

/** True for our index page (any hash route or query) or, in development, any page of the dev server's origin. */
export function isAppPageUrl(url: string, page: AppPage): boolean {
  const u = parse(url);
  if (!u) return false;
  if (page.devUrl) {
    const dev = new URL(page.devUrl);
    if (u.origin === dev.origin && (u.protocol === 'http:' || u.protocol === 'https:')) return true;
  }
  const own = new URL(page.fileUrl);
  return u.protocol === 'file:' && u.host === own.host && samePath(u.pathname, own.pathname);
}
