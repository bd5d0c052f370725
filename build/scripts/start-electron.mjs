#!/usr/bin/env node
// `npm start`: runs the built app (dist/electron/main.cjs) in Electron, passing the command-line arguments through
// (e.g. `npm start -- --data D:\关爱数据`). The electron npm package fetches its binary on first use; where that is
// impossible (no network) this stops quickly with a clear message instead of hanging or printing a stack trace.
//
// Environment: ELECTRON_OVERRIDE_DIST_PATH (a folder holding an Electron binary, as the electron package honours),
// ELECTRON_MIRROR / electron_config_cache (used by the download), GUANAI_ELECTRON_DOWNLOAD_TIMEOUT_MS (default
// 300000), GUANAI_ELECTRON_MAIN (another main bundle; for tests).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const mainEntry = path.resolve(process.env.GUANAI_ELECTRON_MAIN || path.join(projectDir, 'dist', 'electron', 'main.cjs'));
const downloadTimeoutMs = Number(process.env.GUANAI_ELECTRON_DOWNLOAD_TIMEOUT_MS) || 300_000;

const NO_ELECTRON =
  '无法获取 Electron 运行程序（可能没有网络）。可改用浏览器预览：npm run preview\n' +
  'Could not obtain the Electron binary (no network?). Use the browser preview instead: npm run preview';

function fail(message, detail) {
  console.error(`\n${message}`);
  if (detail) console.error(`  原因 / reason: ${detail}`);
  process.exit(1);
}

function platformBinary() {
  switch (process.platform) {
    case 'win32':
      return 'electron.exe';
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron';
    default:
      return 'electron';
  }
}

/** Where the electron package keeps (or will keep) its binary — the same rules as its index.js, without its
 *  synchronous, unbounded download. */
function binaryPath(electronDir) {
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    return path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative || platformBinary());
  }
  return relative ? path.join(electronDir, 'dist', relative) : null;
}

/** Runs the electron package's own installer with a deadline. Resolves with a failure reason, or null. */
function download(electronDir) {
  console.log('正在下载 Electron 运行程序（仅首次运行需要，约 100 MB）… / Downloading Electron (first run only, ~100 MB)…');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(electronDir, 'install.js')], {
      cwd: electronDir,
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk) => {
      errors += chunk;
    });
    const timer = setTimeout(() => {
      child.kill();
      resolve(`下载超过 ${Math.round(downloadTimeoutMs / 1000)} 秒仍未完成 / download timed out`);
    }, downloadTimeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve(err.message);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      // install.js prints a whole stack; its first line says what went wrong.
      const firstLine = errors.split('\n').map((l) => l.trim()).find(Boolean);
      resolve(code === 0 ? null : firstLine || `install.js exited with ${code}`);
    });
  });
}

async function electronBinary() {
  let electronDir;
  try {
    electronDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    fail(NO_ELECTRON, '未安装 electron 包 / the electron package is not installed (npm install)');
  }
  let binary = binaryPath(electronDir);
  if (binary && fs.existsSync(binary)) return binary;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) fail(NO_ELECTRON, `ELECTRON_OVERRIDE_DIST_PATH 中没有 ${binary}`);
  const failure = await download(electronDir);
  if (failure) fail(NO_ELECTRON, failure);
  binary = binaryPath(electronDir);
  if (!binary || !fs.existsSync(binary)) fail(NO_ELECTRON, '下载后仍找不到运行程序 / binary missing after download');
  return binary;
}

const binary = await electronBinary();
if (!fs.existsSync(mainEntry)) {
  fail(`找不到 ${path.relative(projectDir, mainEntry)}，请先运行 npm run build\nBuild first: npm run build`);
}

// With ELECTRON_RUN_AS_NODE set, the binary would act as plain Node and ignore the app.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(binary, [mainEntry, ...process.argv.slice(2)], { stdio: 'inherit', env, windowsHide: false });
child.on('error', (err) => fail(NO_ELECTRON, err.message));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('exit', (code, signal) => {
  if (code === null) {
    console.error(`Electron exited with signal ${signal}`);
    process.exit(1);
  }
  process.exit(code);
});
