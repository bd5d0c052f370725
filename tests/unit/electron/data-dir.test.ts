import path from 'node:path';
import { DATA_DIR_ENV, dataArgument, resolveDataDir } from '../../../electron/main/data-dir';

const userDataDir = path.resolve('/home/u/.config/关爱');
const cwd = path.resolve('/work/here');

describe('data folder resolution', () => {
  test('--data DIR wins over the environment and the default', () => {
    const dir = resolveDataDir({ argv: ['electron', 'main.cjs', '--data', '/srv/guanai'], env: { [DATA_DIR_ENV]: '/env/dir' }, userDataDir, cwd });
    expect(dir).toBe(path.resolve('/srv/guanai'));
  });

  test('--data=DIR is accepted and relative paths resolve against the working folder', () => {
    expect(resolveDataDir({ argv: ['x', '--data=数据'], env: {}, userDataDir, cwd })).toBe(path.join(cwd, '数据'));
  });

  test('GUANAI_DATA_DIR is used when there is no --data', () => {
    expect(resolveDataDir({ argv: ['x'], env: { [DATA_DIR_ENV]: '/env/dir' }, userDataDir, cwd })).toBe(path.resolve('/env/dir'));
  });

  test('an empty GUANAI_DATA_DIR counts as unset', () => {
    expect(resolveDataDir({ argv: ['x'], env: { [DATA_DIR_ENV]: '  ' }, userDataDir, cwd })).toBe(path.join(userDataDir, 'data'));
  });

  test('the default is userData/data', () => {
    expect(resolveDataDir({ argv: ['x'], env: {}, userDataDir, cwd })).toBe(path.join(userDataDir, 'data'));
  });

  test('--data without a folder is an error in Chinese, never a silent fallback', () => {
    for (const argv of [['x', '--data'], ['x', '--data='], ['x', '--data', '--inspect']]) {
      expect(() => resolveDataDir({ argv, env: { [DATA_DIR_ENV]: '/env/dir' }, userDataDir, cwd })).toThrow(
        expect.objectContaining({ code: 'INVALID_ARGS', message: expect.stringContaining('--data') }),
      );
    }
  });

  test('dataArgument is null when the option is absent', () => {
    expect(dataArgument(['electron', 'main.cjs', '--database', 'x'])).toBeNull();
  });
});
