// build/scripts/check-builder-config.mjs, as CI runs it: passes on the project's config, fails loudly on a broken one.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cleanupTempDirs, tempDir } from '../../helpers/temp-dir';

const root = path.resolve(__dirname, '../../..');
const script = path.join(root, 'build/scripts/check-builder-config.mjs');

function check(...args: string[]) {
  const run = spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

/** A copy of the project's packaging files that a test may break. */
function projectCopy(): string {
  const dir = tempDir('guanai-builder');
  fs.copyFileSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  fs.cpSync(path.join(root, 'build'), path.join(dir, 'build'), {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}scripts`),
  });
  return dir;
}

afterAll(cleanupTempDirs);

describe('builder config check', () => {
  test('the project config passes', () => {
    const { status, out } = check();
    expect(out).toContain('配置检查通过');
    expect(status).toBe(0);
  });

  test('an option electron-builder does not know fails schema validation', () => {
    const dir = projectCopy();
    const file = path.join(dir, 'build/electron-builder.yml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('nsis:\n  oneClick: false', 'nsis:\n  oneClik: false'));
    const { status, out } = check('--project', dir);
    expect(status).toBe(1);
    expect(out).toContain('schema validation failed');
    expect(out).toContain('nsis.oneClick 应为 false');
  });

  test('missing targets, a one-click installer and a wrong-sized icon are each reported', () => {
    const dir = projectCopy();
    const file = path.join(dir, 'build/electron-builder.yml');
    const yml = fs
      .readFileSync(file, 'utf8')
      .replace('  oneClick: false', '  oneClick: true')
      .replace('    - target: AppImage\n      arch:\n        - x64\n        - arm64\n', '    - target: AppImage\n      arch:\n        - x64\n');
    fs.writeFileSync(file, yml);
    fs.copyFileSync(path.join(dir, 'build/icons/256x256.png'), path.join(dir, 'build/icons/512x512.png'));
    fs.rmSync(path.join(dir, 'build/icons/48x48.png'));
    const { status, out } = check('--project', dir);
    expect(status).toBe(1);
    expect(out).toContain('nsis.oneClick 应为 false');
    expect(out).toContain('linux AppImage 缺少架构 / missing arch: arm64');
    expect(out).toMatch(/512x512\.png 是 256×256，应为 512×512/);
    expect(out).toContain('48x48.png');
  });

  test('a damaged .ico is reported', () => {
    const dir = projectCopy();
    fs.writeFileSync(path.join(dir, 'build/icons/icon.ico'), Buffer.from('not an icon'));
    const { status, out } = check('--project', dir);
    expect(status).toBe(1);
    expect(out).toContain('不是有效的 ICO 文件');
  });
});
