// ESLint flat config. The import rules are the process boundary: the renderer never reaches Node or electron,
// and the store, domain and handlers never reach electron (they run in tests, the preview and the CLI too).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = [
  'fs', 'fs/promises', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'stream', 'url', 'util',
  'worker_threads', 'zlib', 'buffer', 'events', 'process',
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: '渲染进程不得引用 electron：请通过 api 客户端调用。' },
            ...nodeBuiltins.map((name) => ({ name, message: '渲染进程不得引用 Node 模块。' })),
          ],
          patterns: [
            { group: ['node:*'], message: '渲染进程不得引用 Node 模块。' },
            {
              regex: '(^|/)electron/(?!contract/)',
              message: '渲染进程不得引用主进程代码：只可引用 electron/contract。',
            },
            {
              regex: '(^|/)electron/contract/(?!schemas/)',
              allowTypeImports: true,
              message: '契约模块只允许 import type；纯数据校验请引用 electron/contract/schemas。',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/store/**', 'electron/domain/**', 'electron/handlers/**', 'electron/contract/**', 'electron/print/**', 'electron/bundle/**', 'electron/cli/**', 'electron/preview/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: '存储、领域与处理函数不得引用 electron（它们也在测试、预览和命令行中运行）。' }] },
      ],
    },
  },
  {
    // Shared with the renderer as values: must stay free of Node and electron.
    files: ['electron/contract/schemas/**', 'electron/domain/ledger/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: '与界面共用的纯模块不得引用 electron。' },
            ...nodeBuiltins.map((name) => ({ name, message: '与界面共用的纯模块不得引用 Node 模块。' })),
          ],
          patterns: [{ group: ['node:*'], message: '与界面共用的纯模块不得引用 Node 模块。' }],
        },
      ],
    },
  },
  {
    files: ['tests/**'],
    languageOptions: { globals: { ...globals.jest, ...globals.browser } },
  },
);
