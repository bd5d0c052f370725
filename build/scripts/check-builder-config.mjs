#!/usr/bin/env node
// Checks build/electron-builder.yml without building anything (building needs network): electron-builder's own
// schema validation, the project's packaging rules (targets, installer options, Chinese metadata), and the icons.
// Runs in CI (`npm run dist:check`). Exits 1 with the list of problems.
//   node build/scripts/check-builder-config.mjs [--config FILE] [--project DIR]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const projectDir = path.resolve(option('--project', path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..')));
const configFile = path.resolve(projectDir, option('--config', 'build/electron-builder.yml'));

const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const ICO_REQUIRED = [16, 32, 48, 256];
const CJK = /[\u4e00-\u9fff]/;
const problems = [];
const problem = (msg) => problems.push(msg);

/** electron-builder's config loader and validator. app-builder-lib is its dependency; reach it through it. */
function builderLib() {
  const here = createRequire(import.meta.url);
  const candidates = [here];
  try {
    candidates.push(createRequire(here.resolve('electron-builder/package.json')));
  } catch {
    /* electron-builder not installed: reported below */
  }
  for (const req of candidates) {
    try {
      return {
        config: req('app-builder-lib/out/util/config/config'),
        util: req('builder-util'),
        version: req('app-builder-lib/package.json').version,
      };
    } catch {
      /* try the next */
    }
  }
  return null;
}

function readPngSize(file) {
  const buf = fs.readFileSync(file);
  return pngSize(buf);
}
function pngSize(buf) {
  const signature = '89504e470d0a1a0a';
  if (buf.length < 33 || buf.subarray(0, 8).toString('hex') !== signature || buf.toString('ascii', 12, 16) !== 'IHDR') {
    return null;
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), colorType: buf[25] };
}

function checkPng(file, size) {
  if (!fs.existsSync(file)) return problem(`缺少图标 / missing icon: ${path.relative(projectDir, file)}`);
  const info = readPngSize(file);
  if (!info) return problem(`不是有效的 PNG / not a PNG: ${path.relative(projectDir, file)}`);
  if (info.width !== size || info.height !== size) {
    problem(`图标尺寸不符 / wrong size: ${path.relative(projectDir, file)} 是 ${info.width}×${info.height}，应为 ${size}×${size}`);
  }
  if (info.colorType !== 6 && info.colorType !== 4) {
    problem(`图标没有透明通道 / icon without alpha: ${path.relative(projectDir, file)}`);
  }
}

function checkIco(file) {
  const rel = path.relative(projectDir, file);
  if (!fs.existsSync(file)) return problem(`缺少 Windows 图标 / missing .ico: ${rel}`);
  const buf = fs.readFileSync(file);
  if (buf.length < 6 || buf.readUInt16LE(0) !== 0 || buf.readUInt16LE(2) !== 1) {
    return problem(`不是有效的 ICO 文件 / not an .ico: ${rel}`);
  }
  const count = buf.readUInt16LE(4);
  const sizes = [];
  for (let i = 0; i < count; i++) {
    const e = 6 + 16 * i;
    if (e + 16 > buf.length) return problem(`ICO 文件被截断 / truncated .ico: ${rel}`);
    const width = buf[e] || 256;
    const height = buf[e + 1] || 256;
    const length = buf.readUInt32LE(e + 8);
    const offset = buf.readUInt32LE(e + 12);
    if (offset + length > buf.length) return problem(`ICO 文件被截断 / truncated .ico: ${rel}`);
    const inner = pngSize(buf.subarray(offset, offset + length));
    if (inner && (inner.width !== width || inner.height !== height)) {
      problem(`ICO 中的 ${width}×${width} 图像实际是 ${inner.width}×${inner.height} / .ico entry size mismatch: ${rel}`);
    }
    sizes.push(width);
  }
  for (const s of ICO_REQUIRED) {
    if (!sizes.includes(s)) problem(`ICO 缺少 ${s}×${s} 图像 / .ico lacks ${s}x${s}: ${rel}`);
  }
}

const targetsOf = (platform) =>
  (Array.isArray(platform?.target) ? platform.target : platform?.target ? [platform.target] : []).map((t) =>
    typeof t === 'string' ? { target: t, arch: [] } : { target: t.target, arch: [].concat(t.arch ?? []) },
  );

function checkTarget(platformName, platform, target, arches) {
  const found = targetsOf(platform).find((t) => t.target.toLowerCase() === target.toLowerCase());
  if (!found) return problem(`${platformName} 缺少打包目标 / missing target: ${target}`);
  for (const arch of arches) {
    if (!found.arch.includes(arch)) problem(`${platformName} ${target} 缺少架构 / missing arch: ${arch}`);
  }
}

function resolveResource(config, p) {
  const inBuild = path.resolve(projectDir, config.directories?.buildResources ?? 'build', p);
  return fs.existsSync(inBuild) ? inBuild : path.resolve(projectDir, p);
}

async function main() {
  if (!fs.existsSync(configFile)) {
    problem(`找不到配置文件 / config not found: ${configFile}`);
    return;
  }
  const lib = builderLib();
  if (!lib) {
    problem('找不到 electron-builder（app-builder-lib），请先安装依赖 / electron-builder is not installed');
    return;
  }
  let config;
  try {
    config = await lib.config.getConfig(projectDir, configFile, null);
    await lib.config.validateConfiguration(config, new lib.util.DebugLogger(false));
  } catch (err) {
    problem(`electron-builder ${lib.version} 配置校验失败 / schema validation failed:\n${err.message}`);
    if (!config) return;
  }

  const pkg = JSON.parse(fs.readFileSync(path.join(projectDir, 'package.json'), 'utf8'));
  if (!config.appId) problem('缺少 appId / appId missing');
  if (config.productName !== '关爱') problem(`productName 应为“关爱”，实为 ${config.productName}`);
  const main = config.extraMetadata?.main;
  if (main !== 'dist/electron/main.cjs') problem(`extraMetadata.main 应为 dist/electron/main.cjs，实为 ${main}`);
  if (pkg.main && main !== pkg.main) problem(`extraMetadata.main（${main}）与 package.json 的 main（${pkg.main}）不一致`);
  // getConfig normalises `files` to [{ filter: [...] }]; plain strings are accepted too.
  const files = [].concat(config.files ?? []).flatMap((f) => (typeof f === 'string' ? [f] : [].concat(f?.filter ?? [])));
  for (const f of ['dist/**', 'assets/**', 'package.json']) {
    if (!files.includes(f)) problem(`files 缺少 / files lacks: ${f}`);
  }
  if (config.directories?.buildResources !== 'build') problem('directories.buildResources 应为 build');
  if (config.directories?.output !== 'release') problem('directories.output 应为 release');

  checkTarget('win', config.win, 'nsis', ['x64']);
  const nsis = config.nsis ?? {};
  if (nsis.oneClick !== false) problem('nsis.oneClick 应为 false（向导式安装）');
  if (nsis.allowToChangeInstallationDirectory !== true) problem('nsis.allowToChangeInstallationDirectory 应为 true');
  if (nsis.perMachine === true) problem('nsis.perMachine 应为 false，安装时才会让用户选择“所有用户 / 仅当前用户”');
  const languages = [].concat(nsis.installerLanguages ?? []);
  if (!languages.includes('zh_CN')) problem('nsis.installerLanguages 应包含 zh_CN');

  checkTarget('linux', config.linux, 'deb', ['x64', 'arm64']);
  checkTarget('linux', config.linux, 'AppImage', ['x64', 'arm64']);
  const linux = config.linux ?? {};
  if (linux.category !== 'Office') problem('linux.category 应为 Office');
  if (!linux.maintainer) problem('linux.maintainer 不能为空（deb 包需要）');
  if (!CJK.test(linux.synopsis ?? '')) problem('linux.synopsis 应为中文');
  if (!CJK.test(linux.description ?? config.description ?? pkg.description ?? '')) problem('linux.description 应为中文');

  const iconDir = resolveResource(config, typeof linux.icon === 'string' ? linux.icon : 'icons');
  if (!fs.existsSync(iconDir) || !fs.statSync(iconDir).isDirectory()) {
    problem(`linux.icon 应指向图标文件夹 / linux.icon must be a folder: ${linux.icon}`);
  } else {
    for (const s of ICON_SIZES) checkPng(path.join(iconDir, `${s}x${s}.png`), s);
  }
  checkPng(resolveResource(config, 'icon.png'), 512);
  const icoFiles = new Set(
    [config.win?.icon ?? 'icon.ico', nsis.installerIcon, nsis.uninstallerIcon].filter(Boolean).map((p) => resolveResource(config, p)),
  );
  for (const ico of icoFiles) checkIco(ico);
}

await main();
if (problems.length) {
  console.error(`electron-builder 配置检查未通过 / builder config check failed (${path.relative(projectDir, configFile)}):`);
  for (const p of problems) console.error(`  ✗ ${p}`);
  process.exit(1);
}
console.log(`electron-builder 配置检查通过 / builder config OK (${path.relative(projectDir, configFile)})`);
