// Bundles the Node side (Electron main, preload, CLI, browser preview, benchmark) with esbuild into dist/electron/.
// CommonJS throughout: a sandboxed preload cannot be an ES module, and lowdb (ESM-only) is bundled in.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

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

// Libraries the Node side loads only when first used (printing a chart, reading or writing a spreadsheet) are built
// as bundles of their own beside the entries, and required from there: in the entries they were two thirds of
// ~10 MB that every start had to compile before its first page (issue 13).
const vendors = { echarts: 'echarts', exceljs: 'exceljs', '@e965/xlsx': 'xlsx' };
const vendorFile = (name) => `vendor-${vendors[name]}.cjs`;
const vendorsApart = {
  name: 'vendors-apart',
  setup(b) {
    const filter = new RegExp(`^(${Object.keys(vendors).map((v) => v.replace(/[/.]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter }, (args) => ({ path: `./${vendorFile(args.path)}`, external: true }));
  },
};
const require = createRequire(import.meta.url);
/** What the vendor bundles and the entries share: CommonJS for Node, one file per entry in dist/electron. */
const common = {
  absWorkingDir: root,
  outdir: out,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  legalComments: 'none',
};
await build({
  ...common,
  entryPoints: Object.fromEntries(Object.entries(vendors).map(([name, short]) => [`vendor-${short}`, require.resolve(name, { paths: [root] })])),
  logLevel: 'error',
});

await build({
  ...common,
  plugins: [vendorsApart],
  entryPoints: Object.fromEntries(Object.entries(present).map(([k, f]) => [k, path.join(root, f)])),
  external: ['electron', 'esbuild'],
  sourcemap: 'linked',
  logLevel: 'warning',
});
console.log(`已构建：${Object.keys(present).map((k) => `dist/electron/${k}.cjs`).join('、')}`);
