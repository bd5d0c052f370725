import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assetsDir, assetsSearchStarts, findAssetsDir } from '../../../electron/domain/assets-path';

const projectAssets = path.resolve(__dirname, '../../../assets');

let tmp: string;
beforeEach(() => {
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'guanai-assets-path-')));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});
const mkdir = (...parts: string[]) => {
  const dir = path.join(tmp, ...parts);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
};

describe('assetsDir', () => {
  it('finds the project assets from the TypeScript sources under jest', () => {
    expect(assetsDir()).toBe(projectAssets);
    expect(fs.existsSync(path.join(assetsDir(), 'templates', 'jieyang-2017-24.json'))).toBe(true);
  });

  it('searches from this module first, then the working directory', () => {
    const starts = assetsSearchStarts();
    expect(starts[0]).toBe(path.resolve(__dirname, '../../../electron/domain'));
    expect(starts[starts.length - 1]).toBe(process.cwd());
  });
});

describe('findAssetsDir', () => {
  it('finds assets at the project root from the bundle in dist/electron', () => {
    const bundle = mkdir('app', 'dist', 'electron');
    mkdir('app', 'assets', 'templates');
    expect(findAssetsDir([bundle])).toBe(path.join(tmp, 'app', 'assets'));
  });

  it('finds assets placed next to the bundle in an installed app before any further up', () => {
    const bundle = mkdir('resources', 'app.asar', 'dist', 'electron');
    mkdir('resources', 'app.asar', 'dist', 'electron', 'assets', 'templates');
    mkdir('resources', 'assets', 'templates');
    expect(findAssetsDir([bundle])).toBe(path.join(bundle, 'assets'));
  });

  it('finds assets copied as extra resources beside app.asar', () => {
    const bundle = mkdir('resources', 'app.asar', 'dist', 'electron');
    mkdir('resources', 'assets', 'templates');
    expect(findAssetsDir([bundle])).toBe(path.join(tmp, 'resources', 'assets'));
  });

  it('ignores an assets folder without templates and falls back to the next start', () => {
    const bundle = mkdir('a', 'dist', 'electron');
    mkdir('a', 'assets', 'icons');
    const cwd = mkdir('b');
    mkdir('b', 'assets', 'templates');
    expect(findAssetsDir([bundle, cwd])).toBe(path.join(cwd, 'assets'));
  });

  it('returns null when nothing is found', () => {
    // The temp folder's ancestors (e.g. /tmp, /) hold no assets/templates.
    expect(findAssetsDir([mkdir('x', 'y')])).toBeNull();
  });
});
