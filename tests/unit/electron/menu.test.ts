import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import { createMenuActions } from '../../../electron/main/menu-actions';
import { installMenu, menuTemplate, type MenuActions } from '../../../electron/main/menu';
import { dialog, electronMock, fake, Menu, shell, BrowserWindow as FakeWindow } from '../../helpers/electron-mock';

beforeEach(() => electronMock.reset());

const noop: MenuActions = { openDataFolder: () => undefined, showAbout: () => undefined, showDataFolderLocation: () => undefined };
const submenu = (item: MenuItemConstructorOptions) => (item.submenu as MenuItemConstructorOptions[]).filter((i) => i.type !== 'separator');
const labels = (items: MenuItemConstructorOptions[]) => items.map((i) => i.label);
const flush = () => new Promise((r) => setImmediate(r));

describe('application menu', () => {
  test('menus and items are in Chinese, in the agreed order', () => {
    const template = menuTemplate(noop);
    expect(labels(template)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(labels(submenu(template[0]!))).toEqual(['打开数据文件夹', '退出']);
    expect(labels(submenu(template[1]!))).toEqual(['撤销', '重做', '剪切', '复制', '粘贴', '全选']);
    expect(labels(submenu(template[2]!))).toEqual(['重新加载', '实际大小', '放大', '缩小', '全屏']);
    expect(labels(submenu(template[3]!))).toEqual(['关于“关爱”', '数据文件夹位置']);
  });

  test('standard commands use Electron roles', () => {
    const roles = menuTemplate(noop).flatMap((m) => submenu(m).map((i) => i.role ?? null));
    expect(roles).toEqual([
      null, 'quit',
      'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll',
      'reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen',
      null, null,
    ]);
  });

  test('app items call their actions', () => {
    const calls: string[] = [];
    const template = menuTemplate({
      openDataFolder: () => calls.push('open'),
      showAbout: () => calls.push('about'),
      showDataFolderLocation: () => calls.push('where'),
    });
    const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();
    click(submenu(template[0]!)[0]!);
    click(submenu(template[3]!)[0]!);
    click(submenu(template[3]!)[1]!);
    expect(calls).toEqual(['open', 'about', 'where']);
  });

  test('installMenu sets the built menu as the application menu', () => {
    const menu = installMenu(noop);
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(menu);
    expect(labels(fake.menu(Menu.applicationMenu).template)).toEqual(['文件', '编辑', '视图', '帮助']);
  });
});

describe('menu actions', () => {
  const dataDir = '/srv/关爱/data';

  test('打开数据文件夹 opens the folder in the file manager', async () => {
    createMenuActions({ dataDir, getWindow: () => null }).openDataFolder();
    await flush();
    expect(shell.openPath).toHaveBeenCalledWith(dataDir);
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
  });

  test('a folder the system cannot open is explained', async () => {
    shell.openPath.mockResolvedValueOnce('Failed to open path');
    createMenuActions({ dataDir, getWindow: () => null }).openDataFolder();
    await flush();
    expect(dialog.showErrorBox).toHaveBeenCalledWith('无法打开数据文件夹', expect.stringContaining(dataDir));
  });

  test('关于 shows the version in a box attached to the window', async () => {
    const win = new FakeWindow();
    createMenuActions({ dataDir, getWindow: () => win as unknown as BrowserWindow }).showAbout();
    await flush();
    expect(dialog.showMessageBox).toHaveBeenCalledWith(win, expect.objectContaining({ title: '关于“关爱”', message: '关爱 0.1.0' }));
  });

  test('数据文件夹位置 shows the path and can open it', async () => {
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    createMenuActions({ dataDir, getWindow: () => null }).showDataFolderLocation();
    await flush();
    expect(dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ title: '数据文件夹位置', detail: expect.stringContaining(dataDir), buttons: ['打开文件夹', '关闭'] }),
    );
    expect(shell.openPath).toHaveBeenCalledWith(dataDir);
  });

  test('closing the location box opens nothing', async () => {
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    createMenuActions({ dataDir, getWindow: () => null }).showDataFolderLocation();
    await flush();
    expect(shell.openPath).not.toHaveBeenCalled();
  });
});
