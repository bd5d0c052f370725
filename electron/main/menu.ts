// The application menu, in Chinese. Standard editing and view commands use Electron's roles (which work in the
// sandboxed renderer without any code of ours); the app-specific ones call the given actions.
import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  openDataFolder(): void;
  showAbout(): void;
  showDataFolderLocation(): void;
}

export function menuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  return [
    {
      label: '文件',
      submenu: [
        { label: '打开数据文件夹', click: () => actions.openDataFolder() },
        { type: 'separator' },
        { label: '退出', role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '重新加载', role: 'reload' },
        { type: 'separator' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    {
      label: '帮助',
      submenu: [
        { label: '关于“关爱”', click: () => actions.showAbout() },
        { label: '数据文件夹位置', click: () => actions.showDataFolderLocation() },
      ],
    },
  ];
}

export function installMenu(actions: MenuActions): Menu {
  const menu = Menu.buildFromTemplate(menuTemplate(actions));
  Menu.setApplicationMenu(menu);
  return menu;
}
