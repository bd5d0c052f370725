#!/usr/bin/env node
// The `guanai` command. Runs the bundled CLI built by `npm run build` (npm install builds it through `prepare`).
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', '..', 'dist', 'electron', 'cli.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write('尚未构建命令行工具，请先在项目文件夹中运行：npm run build\n');
  process.exit(1);
}
require(bundle);
