// Jest projects: unit (store, domain, CLI), handlers (handlers on a real store), renderer (jsdom), e2e (browser preview).
const path = require('node:path');
const root = path.resolve(__dirname, '..');
const transform = {
  '^.+\\.(t|j|mj)sx?$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', tsx: true },
        transform: { react: { runtime: 'automatic' } },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
};
const common = {
  rootDir: root,
  transform,
  transformIgnorePatterns: ['/node_modules/(?!(lowdb|steno|echarts|zrender|tslib)/)'],
  moduleNameMapper: { '^electron$': '<rootDir>/tests/helpers/electron-mock.ts' },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testEnvironment: 'node', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'], setupFiles: ['<rootDir>/tests/helpers/cli-env.ts'] },
    { ...common, displayName: 'handlers', testEnvironment: 'node', testMatch: ['<rootDir>/tests/handlers/**/*.test.ts'], setupFiles: ['<rootDir>/tests/helpers/cli-env.ts'] },
    {
      ...common,
      displayName: 'renderer',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/renderer/**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/renderer-setup.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/e2e-setup.ts'],
    },
  ],
};
