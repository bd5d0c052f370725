// The process boundary is enforced by lint: these probes must be refused, or the rule has gone missing.
// ESLint runs once, in its own process (its flat config is an ES module, which jest's module system cannot load),
// over probe files laid out like the project in a scratch folder that uses the project's own config.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
jest.setTimeout(120_000);

const probes: Record<string, string> = {
  'renderer/src/forbidden.ts': [
    "import fs from 'node:fs';",
    "import path from 'path';",
    "import { ipcRenderer } from 'electron';",
    "import { Store } from '../../electron/store/store';",
    "import { channels } from '../../electron/contract/channels';",
    'export const x = [fs, path, ipcRenderer, Store, channels];',
  ].join('\n'),
  'renderer/src/allowed.ts': [
    "import type { ChannelName } from '../../electron/contract/channels';",
    "import { officeInitSchema } from '../../electron/contract/schemas/office';",
    'export const x: [ChannelName | null, unknown] = [null, officeInitSchema];',
  ].join('\n'),
  'electron/store/probe.ts': "import { app } from 'electron';\nexport const x = app;",
  'electron/handlers/probe.ts': "import { app } from 'electron';\nexport const x = app;",
  'electron/domain/probe.ts': "import { app } from 'electron';\nexport const x = app;",
  'electron/contract/schemas/probe.ts': "import fs from 'node:fs';\nexport const x = fs;",
};

let found: Record<string, number> = {};
beforeAll(() => {
  fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
  const scratch = fs.mkdtempSync(path.join(root, '.tmp', 'lint-probe-'));
  try {
    fs.copyFileSync(path.join(root, 'eslint.config.mjs'), path.join(scratch, 'eslint.config.mjs'));
    for (const [file, code] of Object.entries(probes)) {
      fs.mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
      fs.writeFileSync(path.join(scratch, file), code);
    }
    const r = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', ...Object.keys(probes)],
      { cwd: scratch, encoding: 'utf8' },
    );
    const results = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string | null }[] }[];
    found = Object.fromEntries(
      results.map((res) => [
        path.relative(scratch, res.filePath),
        res.messages.filter((m) => m.ruleId?.endsWith('no-restricted-imports')).length,
      ]),
    );
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
});

test('the renderer may not import Node, electron or main-process code', () => {
  expect(found['renderer/src/forbidden.ts']).toBe(5);
});

test('the renderer may import contract types and pure schemas', () => {
  expect(found['renderer/src/allowed.ts']).toBe(0);
});

test.each(['electron/store/probe.ts', 'electron/handlers/probe.ts', 'electron/domain/probe.ts'])('%s may not import electron', (file) => {
  expect(found[file]).toBe(1);
});

test('modules shared with the renderer may not import Node', () => {
  expect(found['electron/contract/schemas/probe.ts']).toBe(1);
});
