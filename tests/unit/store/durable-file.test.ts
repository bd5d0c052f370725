// Whole-file writes (snapshot manifest, identity): temp file, fsync, rename, fsync of the folder — in that order.
import fs from 'node:fs';
import path from 'node:path';
import { writeFileDurably, writeFileDurablyAsync } from '../../../electron/store/durable-file';
import { cleanupTempDirs, tempDir } from '../../helpers/temp-dir';

afterEach(() => {
  jest.restoreAllMocks();
  cleanupTempDirs();
});

function recordCalls() {
  const calls: string[] = [];
  const isDir = (fd: number) => fs.fstatSync(fd).isDirectory();
  const realFsync = fs.fsyncSync;
  const realRename = fs.renameSync;
  jest.spyOn(fs, 'fsyncSync').mockImplementation((fd: number) => {
    calls.push(isDir(fd) ? 'fsync(folder)' : 'fsync(file)');
    realFsync(fd);
  });
  jest.spyOn(fs, 'renameSync').mockImplementation((a: fs.PathLike, b: fs.PathLike) => {
    calls.push('rename');
    realRename(a, b);
  });
  return calls;
}

test('sync: the file is fsynced before the rename, and the folder after it', () => {
  const dir = tempDir();
  const calls = recordCalls();
  writeFileDurably(path.join(dir, 'office.json'), '{"a":1}');
  expect(calls).toEqual(['fsync(file)', 'rename', 'fsync(folder)']);
  expect(fs.readFileSync(path.join(dir, 'office.json'), 'utf8')).toBe('{"a":1}');
  expect(fs.readdirSync(dir)).toEqual(['office.json']);
});

test('async: the previous file becomes the backup, the folder is fsynced after the rename', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'state.json');
  const bak = path.join(dir, 'state.bak.json');
  fs.writeFileSync(file, 'old');
  const calls = recordCalls();
  const realOpen = fs.promises.open;
  // The async write holds no sync call: its rename and the folder's fsync are awaited too (issue 13: no pauses).
  jest.spyOn(fs.promises, 'open').mockImplementation(async (...args: Parameters<typeof fs.promises.open>) => {
    const handle = await realOpen(...args);
    const realSync = handle.sync.bind(handle);
    handle.sync = async () => {
      calls.push(args[0] === dir ? 'fsync(folder)' : 'fsync(file)');
      await realSync();
    };
    return handle;
  });
  const realRename = fs.promises.rename;
  jest.spyOn(fs.promises, 'rename').mockImplementation(async (...args: Parameters<typeof fs.promises.rename>) => {
    calls.push('rename');
    await realRename(...args);
  });
  await writeFileDurablyAsync(file, 'new', bak);
  expect(calls).toEqual(['fsync(file)', 'rename', 'fsync(folder)']);
  expect(fs.readFileSync(file, 'utf8')).toBe('new');
  expect(fs.readFileSync(bak, 'utf8')).toBe('old');
});
