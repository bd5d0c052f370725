// Starts the real browser preview (the built dist/electron/preview.cjs) on a data folder, for end-to-end tests.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { CHROMIUM_PATH, OFFICE_TIME_ZONE } from './chromium';

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

/**
 * The administrator every end-to-end office starts with: `guanai init` and the preview (`--demo` too) create it from
 * GUANAI_USER / GUANAI_PASSWORD, which e2e-setup.ts sets for the CLI run in-process and for every preview spawned.
 */
export const E2E_ADMIN = { login: 'admin', name: '测试管理员', password: 'E2e-guanai-2026' } as const;

export interface Credentials {
  login: string;
  password: string;
}

/** Signs in on the sign-in page (or the lock screen, by its password) and waits for the frame. */
export async function signIn(page: Page, who: Credentials = E2E_ADMIN): Promise<void> {
  const form = page.getByRole('form', { name: '登录' });
  await form.waitFor();
  await form.getByLabel('用户名', { exact: true }).fill(who.login);
  await form.getByLabel('密码', { exact: true }).fill(who.password);
  await form.getByRole('button', { name: '登录' }).click();
  const frame = page.getByRole('region', { name: '当前用户' });
  const refused = form.getByRole('alert');
  await frame.or(refused).first().waitFor();
  if (await refused.isVisible()) throw new Error(`未能以 ${who.login} 登录：${await refused.innerText()}`);
}

/** After a page load: signs in if the sign-in page is shown (the session cookie may still hold from an earlier test). */
export async function ensureSignedIn(page: Page, who: Credentials = E2E_ADMIN): Promise<void> {
  const form = page.getByRole('form', { name: '登录' });
  await form.or(page.getByRole('region', { name: '当前用户' })).first().waitFor();
  if (await form.isVisible()) await signIn(page, who);
}

/** First run in the browser: the first administrator's part of the set-up form. */
export async function fillFirstAdmin(page: Page): Promise<void> {
  await page.getByLabel('用户名', { exact: true }).fill(E2E_ADMIN.login);
  await page.getByLabel('姓名', { exact: true }).fill(E2E_ADMIN.name);
  await page.getByLabel('密码', { exact: true }).fill(E2E_ADMIN.password);
  await page.getByLabel('确认密码', { exact: true }).fill(E2E_ADMIN.password);
}

/** After 创建本单位: the recovery code is shown once; confirm it is kept, go on, and sign in if asked. */
export async function finishFirstRun(page: Page): Promise<string> {
  await page.getByRole('heading', { level: 1, name: '请保存恢复码' }).waitFor();
  const code = (await page.getByLabel('恢复码', { exact: true }).innerText()).trim();
  await page.getByRole('checkbox', { name: '我已妥善保存恢复码' }).check();
  await page.getByRole('button', { name: '继续' }).click();
  await ensureSignedIn(page);
  return code;
}

export interface RunningPreview {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startPreview(args: string[]): Promise<RunningPreview> {
  // TZ: the server's today must be the browser's today. Left to the machine's zone (UTC on CI), the server was a day
  // behind the browser from 16:00 to 24:00 UTC, and every form that defaults to today was refused as 晚于今天.
  const env = {
    ...process.env,
    TZ: OFFICE_TIME_ZONE,
    GUANAI_USER: E2E_ADMIN.login,
    GUANAI_PASSWORD: E2E_ADMIN.password,
  };
  const child = spawn(process.execPath, [PREVIEW_BUNDLE, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`预览未能启动：${err}`)), 60_000);
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
