// What the app-specific menu items do: show the data folder in the system's file manager, and two information boxes.
import { app, dialog, shell, type BrowserWindow, type MessageBoxOptions } from 'electron';
import type { MenuActions } from './menu';

export interface MenuActionDeps {
  dataDir: string;
  getWindow: () => BrowserWindow | null;
}

export const ABOUT_DETAIL =
  '农村留守儿童关爱保护工作联席会议信息台账、成员单位职责、会议纪要与数据交换。\n本程序离线运行，数据只保存在本机的数据文件夹中。';

function messageBox(getWindow: () => BrowserWindow | null, options: MessageBoxOptions) {
  const win = getWindow();
  return win && !win.isDestroyed() ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options);
}

export async function openFolder(dir: string): Promise<boolean> {
  const failure = await shell.openPath(dir);
  if (failure === '') return true;
  dialog.showErrorBox('无法打开数据文件夹', `系统无法打开以下文件夹，请在文件管理器中手动打开：\n${dir}`);
  return false;
}

export function createMenuActions(deps: MenuActionDeps): MenuActions {
  return {
    openDataFolder() {
      void openFolder(deps.dataDir);
    },
    showAbout() {
      void messageBox(deps.getWindow, {
        type: 'info',
        title: '关于“关爱”',
        message: `关爱 ${app.getVersion()}`,
        detail: ABOUT_DETAIL,
        buttons: ['确定'],
      });
    },
    showDataFolderLocation() {
      void messageBox(deps.getWindow, {
        type: 'info',
        title: '数据文件夹位置',
        message: '本程序的数据保存在以下文件夹：',
        detail: `${deps.dataDir}\n\n请定期备份整个文件夹。`,
        buttons: ['打开文件夹', '关闭'],
        defaultId: 1,
        cancelId: 1,
      }).then(({ response }) => {
        if (response === 0) void openFolder(deps.dataDir);
      });
    },
  };
}
