// The desktop's file dialogs (electron mocked): each purpose opens its own dialog, the chosen path stays in main and
// the renderer gets an opaque handle; a cancelled dialog gives none.
import path from 'node:path';
import { dialogFiles } from '../../../electron/files/dialog-files';
import { nativePicker } from '../../../electron/main/file-dialogs';
import { dialog, electronMock } from '../../helpers/electron-mock';

beforeEach(() => electronMock.reset());

test('open: a bundle dialog with the .guanai filter; the handle resolves to the path for reading only', async () => {
  dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/media/usb/关爱数据包.guanai'] });
  const files = dialogFiles(nativePicker(() => null));
  const r = await files.pick!('read', { purpose: 'bundle' });
  expect(dialog.showOpenDialog).toHaveBeenCalledWith(
    expect.objectContaining({ properties: ['openFile'], filters: [{ name: '关爱数据包', extensions: ['guanai'] }] }),
  );
  if (!('handle' in r)) throw new Error('picked');
  expect(r.name).toBe('关爱数据包.guanai');
  expect(r.handle).not.toContain('usb');
  expect(files.resolve({ handle: r.handle }, 'read')).toBe('/media/usb/关爱数据包.guanai');
  expect(() => files.resolve({ handle: r.handle }, 'write')).toThrow('只能使用在对话框中选择的文件');
  expect(() => files.resolve({ path: '/media/usb/关爱数据包.guanai' }, 'read')).toThrow('只能使用在对话框中选择的文件');
});

test('save: the suggested name in the documents folder, overwrite confirmed; folder: a directory picker', async () => {
  dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: '/home/a/台账.xlsx' });
  dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/media/usb'] });
  const files = dialogFiles(nativePicker(() => null));
  const saved = await files.pick!('write', { purpose: 'ledgerExport', suggestedName: '../../台账.xlsx' });
  const opts = dialog.showSaveDialog.mock.calls[0]![0] as { defaultPath: string; properties: string[] };
  expect(path.basename(opts.defaultPath)).toBe('台账.xlsx');
  expect(opts.defaultPath).not.toContain('..');
  expect(opts.properties).toContain('showOverwriteConfirmation');
  if (!('handle' in saved)) throw new Error('picked');
  expect(files.resolve({ handle: saved.handle }, 'write')).toBe('/home/a/台账.xlsx');
  const folder = await files.pick!('folder', { purpose: 'bundle' });
  expect(dialog.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ properties: ['openDirectory', 'createDirectory'] }));
  if (!('handle' in folder)) throw new Error('picked');
  expect(files.resolve({ handle: folder.handle }, 'folder')).toBe('/media/usb');
});

test('a cancelled dialog gives no handle; handles are random per pick', async () => {
  const files = dialogFiles(nativePicker(() => null));
  expect(await files.pick!('read', { purpose: 'ledgerImport' })).toEqual({ cancelled: true });
  dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/a.xlsx'] });
  const a = await files.pick!('read', { purpose: 'ledgerImport' });
  const b = await files.pick!('read', { purpose: 'ledgerImport' });
  expect('handle' in a && 'handle' in b && a.handle !== b.handle).toBe(true);
});
