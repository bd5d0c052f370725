// Which data folder the desktop app opens. Order: `--data DIR` on the command line, then GUANAI_DATA_DIR, then
// a `data` folder inside Electron's per-user folder — the same folder electron/app/default-data-dir.ts computes for
// the preview and the CLI, since userData is <appData>/关爱. Pure so it is tested without Electron.
import path from 'node:path';
import { DATA_DIR_ENV } from '../app/default-data-dir';
import { AppError } from '../contract/errors';

export { DATA_DIR_ENV };

export interface DataDirSources {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** Electron's app.getPath('userData'). */
  userDataDir: string;
  cwd?: string;
}

/** The value of `--data DIR` or `--data=DIR`, or null when the option is absent. */
export function dataArgument(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data' || arg.startsWith('--data=')) {
      const value = arg === '--data' ? argv[i + 1] : arg.slice('--data='.length);
      // A forgotten value must not silently fall back to another folder: the user would see someone else's data
      // (or none) and think theirs was lost.
      if (value === undefined || value.trim() === '' || value.startsWith('--')) {
        throw new AppError('INVALID_ARGS', '命令行参数 --data 后面缺少数据文件夹路径。');
      }
      return value;
    }
  }
  return null;
}

export function resolveDataDir(sources: DataDirSources): string {
  const cwd = sources.cwd ?? process.cwd();
  const fromArg = dataArgument(sources.argv);
  if (fromArg !== null) return path.resolve(cwd, fromArg);
  const fromEnv = sources.env[DATA_DIR_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return path.resolve(cwd, fromEnv);
  return path.join(sources.userDataDir, 'data');
}
