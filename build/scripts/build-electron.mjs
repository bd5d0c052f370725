// Bundles the Node side (Electron main, preload, CLI, browser preview, benchmark) with esbuild into dist/electron/.
// CommonJS throughout: a sandboxed preload cannot be an ES module, and lowdb (ESM-only) is bundled in.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = path.join(root, 'dist', 'electron');
const entries = {
  main: 'electron/main/main.ts',
  preload: 'electron/preload/preload.ts',
  cli: 'electron/cli/entry.ts',
  preview: 'electron/preview/entry.ts',
  bench: 'tests/bench/bench.ts',
};
const present = Object.fromEntries(Object.entries(entries).filter(([, f]) => fs.existsSync(path.join(root, f))));

await build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(Object.entries(present).map(([k, f]) => [k, path.join(root, f)])),
  outdir: out,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron', 'esbuild'],
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});
console.log(`已构建：${Object.keys(present).map((k) => `dist/electron/${k}.cjs`).join('、')}`);
