// Starts the real browser preview (the built dist/electron/preview.cjs) on a data folder, for end-to-end tests.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CHROMIUM_PATH } from './chromium';

const root = path.resolve(__dirname, '..', '..');
export const PREVIEW_BUNDLE = path.join(root, 'dist', 'electron', 'preview.cjs');

/**
 * Whether end-to-end tests can run here. Without Chromium (a developer machine that has not installed it) they are
 * skipped with a message; CI sets GUANAI_E2E=required, so there a missing browser is a failure, not a skip.
 */
export function e2eAvailable(): boolean {
  const ok = fs.existsSync(CHROMIUM_PATH) && fs.existsSync(PREVIEW_BUNDLE);
  if (!ok && process.env.GUANAI_E2E === 'required') {
    throw new Error(`端到端测试需要 ${CHROMIUM_PATH} 和已构建的 ${PREVIEW_BUNDLE}（npm run build）`);
  }
  if (!ok) console.warn('跳过端到端测试：未安装 Chromium 或尚未构建（见 README）。');
  return ok;
}

export interface RunningPreview {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startPreview(args: string[]): Promise<RunningPreview> {
  const child = spawn(process.execPath, [PREVIEW_BUNDLE, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`预览未能启动：${err}`)), 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`预览已退出（${code}）：${err}`));
    });
  });
  return {
    url,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
