// Where the data the app ships (assets/) lives. The same code runs from TypeScript sources under jest
// (electron/domain), from the bundle in dist/electron, and from an installed app (inside app.asar or with assets
// copied next to it as extra resources), so the folder is found by walking up rather than by a fixed relative path.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../contract/errors';

/** The sub-folder whose presence marks the right assets folder (an unrelated `assets` folder must not match). */
const MARKER = path.join('assets', 'templates');

/** Nearest ancestor (or the folder itself) of each start, in order, that holds `assets/templates`; its `assets` path. */
export function findAssetsDir(starts: readonly string[]): string | null {
  for (const start of starts) {
    let dir = path.resolve(start);
    for (;;) {
      if (isDirectory(path.join(dir, MARKER))) return path.join(dir, 'assets');
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return null;
}

/** The folders to search from: this module's folder first (the bundle's, when bundled), then Electron's
 *  resources folder in an installed app, then the working directory (the CLI and scripts run from the project). */
export function assetsSearchStarts(): string[] {
  const starts: string[] = [];
  // typeof keeps this safe if the module is ever bundled as ESM, where __dirname does not exist.
  if (typeof __dirname === 'string') starts.push(__dirname);
  const resourcesPath = (process as { resourcesPath?: unknown }).resourcesPath;
  if (typeof resourcesPath === 'string' && resourcesPath !== '') starts.push(resourcesPath);
  starts.push(process.cwd());
  return starts;
}

/** The app's assets folder. Throws when the installation is incomplete. */
export function assetsDir(): string {
  const found = findAssetsDir(assetsSearchStarts());
  if (found === null) {
    throw new AppError(
      'ASSETS_MISSING',
      '找不到程序自带的资料文件（assets），程序安装可能不完整，请重新安装。',
    );
  }
  return found;
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
