// A form with unsaved input stops the page from unloading (the renderer's beforeunload, see use-form-draft). Chrome
// would ask the user itself; Electron instead cancels the close or reload silently, so the window would seem stuck.
// Here the main process asks the question, in Chinese, and lets the page go only if the user agrees.
import { dialog, type BrowserWindow } from 'electron';

export const LEAVE_BUTTONS = ['放弃并离开', '留在本页'] as const;

export function askBeforeUnload(win: BrowserWindow): void {
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      title: '还有未保存的内容',
      message: '本页填写的内容尚未保存。',
      detail: '离开将放弃这些内容；留在本页可以继续填写后保存。',
      buttons: [...LEAVE_BUTTONS],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    // preventDefault here overrides the page's refusal: the window closes or reloads.
    if (choice === 0) event.preventDefault();
  });
}
