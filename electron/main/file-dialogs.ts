// The native dialogs behind the desktop's file access (electron/files/dialog-files.ts): what each purpose opens,
// saves or picks a folder for. Titles and filters come from the purpose here, never from the renderer.
import path from 'node:path';
import { app, dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { FilePurpose } from '../contract/schemas/files';
import type { NativePicker } from '../files/dialog-files';

interface PurposeDialog {
  title: string;
  filters: { name: string; extensions: string[] }[];
}

export const PURPOSE_DIALOGS: Readonly<Record<FilePurpose, PurposeDialog>> = {
  bundle: { title: '数据包', filters: [{ name: '关爱数据包', extensions: ['guanai'] }] },
  card: { title: '单位名片', filters: [{ name: '单位名片', extensions: ['json'] }] },
  ledgerImport: { title: 'Excel 台账', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] },
  ledgerExport: { title: 'Excel 文件', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] },
  backup: { title: '备份文件', filters: [{ name: '关爱备份', extensions: ['gbak'] }] },
};

export function nativePicker(getWindow: () => BrowserWindow | null): NativePicker {
  return async (mode, opts) => {
    const p = PURPOSE_DIALOGS[opts.purpose];
    const win = getWindow();
    const parent = win && !win.isDestroyed() ? win : null;
    if (mode === 'write') {
      const o: SaveDialogOptions = {
        title: `保存${p.title}`,
        defaultPath: path.join(app.getPath('documents'), path.basename(opts.suggestedName ?? p.title)),
        filters: p.filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const r = parent ? await dialog.showSaveDialog(parent, o) : await dialog.showSaveDialog(o);
      return r.canceled || !r.filePath ? null : r.filePath;
    }
    const o: OpenDialogOptions =
      mode === 'folder'
        ? { title: `选择保存${p.title}的文件夹（如 U 盘）`, properties: ['openDirectory', 'createDirectory'] }
        : { title: `选择${p.title}`, filters: p.filters, properties: ['openFile'] };
    const r = parent ? await dialog.showOpenDialog(parent, o) : await dialog.showOpenDialog(o);
    return r.canceled || !r.filePaths[0] ? null : r.filePaths[0];
  };
}
