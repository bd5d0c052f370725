// Where an office's data lives when no folder is named: the user's application-data directory, the same place the
// desktop app uses (Electron's userData for the product name 关爱), in a `data` subfolder.
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = '关爱';
export const DATA_DIR_ENV = 'GUANAI_DATA_DIR';

export function appDataRoot(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config');
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env[DATA_DIR_ENV]) return path.resolve(env[DATA_DIR_ENV]!);
  return path.join(appDataRoot(env, platform), PRODUCT_NAME, 'data');
}
