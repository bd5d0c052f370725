// build/scripts/start-electron.mjs (`npm start`): without a reachable Electron download it must stop fast with the
// bilingual message; with a binary it must run dist/electron/main.cjs with the user's arguments.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { cleanupTempDirs, tempDir } from '../../helpers/temp-dir';

const root = path.resolve(__dirname, '../../..');
const script = path.join(root, 'build/scripts/start-electron.mjs');
const electronDir = path.join(root, 'node_modules/electron');
const installed = fs.existsSync(path.join(electronDir, 'path.txt'));

function run(args: string[], env: Record<string, string>): Promise<{ status: number | null; out: string; ms: number }> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(npm_config_electron_|npm_package_config_electron_|electron_|ELECTRON_)/i.test(k)),
  ) as Record<string, string>;
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: root, env: { ...clean, ...env } });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', (status) => resolve({ status, out, ms: Date.now() - started }));
  });
}

afterAll(cleanupTempDirs);

const NO_ELECTRON = '无法获取 Electron 运行程序（可能没有网络）。可改用浏览器预览：npm run preview';

// When a real Electron binary is installed the download path is never taken; these then have nothing to test.
const whenNotInstalled = installed ? test.skip : test;

describe('npm start without Electron', () => {
  whenNotInstalled('an unreachable download stops at once with the Chinese and English message', async () => {
    const { status, out, ms } = await run(['--data', tempDir()], {
      ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      electron_config_cache: tempDir(),
    });
    expect(status).toBe(1);
    expect(out).toContain(NO_ELECTRON);
    expect(out).toContain('Could not obtain the Electron binary');
    expect(out).not.toMatch(/^\s+at /m);
    expect(ms).toBeLessThan(20_000);
    expect(fs.existsSync(path.join(electronDir, 'path.txt'))).toBe(false);
  }, 30_000);

  whenNotInstalled('a download that hangs is abandoned after the timeout', async () => {
    const sockets: net.Socket[] = [];
    const server = net.createServer((s) => sockets.push(s)); // accepts, never answers
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as net.AddressInfo;
    try {
      const { status, out, ms } = await run([], {
        ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
        electron_config_cache: tempDir(),
        GUANAI_ELECTRON_DOWNLOAD_TIMEOUT_MS: '1500',
      });
      expect(status).toBe(1);
      expect(out).toContain(NO_ELECTRON);
      expect(out).toContain('download timed out');
      expect(ms).toBeLessThan(15_000);
    } finally {
      for (const s of sockets) s.destroy();
      server.close();
    }
  }, 30_000);
});

describe('npm start with an Electron binary', () => {
  const posix = process.platform === 'win32' ? test.skip : test;

  posix('runs the main bundle with the arguments passed through and returns Electron’s exit code', async () => {
    const dist = tempDir();
    const record = path.join(dist, 'args.txt');
    const binary = path.join(dist, 'electron');
    fs.writeFileSync(binary, `#!/bin/sh\nprintf '%s\\n' "$@" > "${record}"\necho "run-as-node=$ELECTRON_RUN_AS_NODE" >> "${record}"\nexit 3\n`, { mode: 0o755 });
    const main = path.join(tempDir(), 'main.cjs');
    fs.writeFileSync(main, '');
    const { status } = await run(['--data', '/srv/关爱 数据'], {
      ELECTRON_OVERRIDE_DIST_PATH: dist,
      GUANAI_ELECTRON_MAIN: main,
      ELECTRON_RUN_AS_NODE: '1',
    });
    expect(status).toBe(3);
    expect(fs.readFileSync(record, 'utf8')).toBe(`${main}\n--data\n/srv/关爱 数据\nrun-as-node=\n`);
  }, 30_000);

  posix('a missing main bundle asks for a build first', async () => {
    const dist = tempDir();
    fs.writeFileSync(path.join(dist, 'electron'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    const { status, out } = await run([], { ELECTRON_OVERRIDE_DIST_PATH: dist, GUANAI_ELECTRON_MAIN: path.join(dist, 'missing.cjs') });
    expect(status).toBe(1);
    expect(out).toContain('npm run build');
  }, 30_000);

  test('an override folder without a binary gives the no-Electron message', async () => {
    const { status, out } = await run([], { ELECTRON_OVERRIDE_DIST_PATH: tempDir() });
    expect(status).toBe(1);
    expect(out).toContain(NO_ELECTRON);
  }, 30_000);
});
