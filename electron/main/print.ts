// Printing the app's self-contained HTML documents (minutes, bulletins, record sheets laid out with CSS paged
// media): each is rendered in a hidden, sandboxed window with JavaScript off, in its own in-memory session that may
// load nothing from the network, then sent to the printer or saved as a PDF where the user chooses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  session,
  type SaveDialogOptions,
  type Session,
  type WebContents,
} from 'electron';
import { AppError } from '../contract/errors';

/** No 'persist:' prefix: nothing a printed page does is kept on disk. */
export const PRINT_PARTITION = 'guanai-print';
/** Chromium refuses URLs over 2 MB; larger documents (embedded images) go through a private temp file instead. */
export const MAX_DATA_URL_LENGTH = 1_500_000;
export const PDF_OPTIONS = { preferCSSPageSize: true, printBackground: true } as const;

export interface PrintableSource {
  url: string;
  /** Removes the temp file, if one was written. */
  cleanup(): void;
}

export type SavePdfResult = { saved: false } | { saved: true; filePath: string };

/** A data: URL when small enough (the document never touches the disk), else a file only this user can read. */
export function printableSource(html: string): PrintableSource {
  const dataUrl = `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
  if (dataUrl.length <= MAX_DATA_URL_LENGTH) return { url: dataUrl, cleanup: () => undefined };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guanai-print-'));
  const file = path.join(dir, 'document.html');
  fs.writeFileSync(file, html, { encoding: 'utf8', mode: 0o600 });
  return { url: pathToFileURL(file).href, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

const configured = new WeakSet<Session>();
/** The temp files being printed right now: the only file:// URLs the print session may load. */
const allowedFiles = new Set<string>();

export function printSession(): Session {
  const ses = session.fromPartition(PRINT_PARTITION);
  if (!configured.has(ses)) {
    configured.add(ses);
    ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
    ses.setDevicePermissionHandler(() => false);
    ses.webRequest.onBeforeRequest((details, callback) => {
      const allowed = details.url.startsWith('data:') || allowedFiles.has(details.url);
      callback({ cancel: !allowed });
    });
  }
  return ses;
}

/** Renders `html` in a hidden window, runs `use` on it, and always destroys the window and any temp file. */
export async function withPrintWindow<T>(html: string, use: (contents: WebContents) => Promise<T>): Promise<T> {
  const source = printableSource(html);
  if (source.url.startsWith('file:')) allowedFiles.add(source.url);
  let win: BrowserWindow | null = null;
  try {
    win = new BrowserWindow({
      show: false,
      width: 794,
      height: 1123,
      webPreferences: {
        session: printSession(),
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        webSecurity: true,
        webviewTag: false,
        spellcheck: false,
      },
    });
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    win.webContents.on('will-navigate', (event) => event.preventDefault());
    await win.loadURL(source.url);
    return await use(win.webContents);
  } finally {
    if (win && !win.isDestroyed()) win.destroy();
    allowedFiles.delete(source.url);
    source.cleanup();
  }
}

const UNSAFE_FILE_CHARS = /[\\/:*?"<>|]/g;

export function pdfFileName(title: string): string {
  const printable = [...title].map((ch) => (ch.charCodeAt(0) < 0x20 ? '_' : ch)).join('');
  const base = printable.replace(UNSAFE_FILE_CHARS, '_').trim() || '文档';
  return base.toLowerCase().endsWith('.pdf') ? base : `${base}.pdf`;
}

export interface SavePdfOptions {
  /** Suggested file name (a document title is fine; unsafe characters are replaced). */
  title: string;
  parent?: BrowserWindow | null;
  /** Folder the dialog opens in; the user's documents folder by default. */
  defaultDir?: string;
}

export async function savePdf(html: string, opts: SavePdfOptions): Promise<SavePdfResult> {
  const dialogOptions: SaveDialogOptions = {
    title: '保存为 PDF',
    buttonLabel: '保存',
    defaultPath: path.join(opts.defaultDir ?? app.getPath('documents'), pdfFileName(opts.title)),
    filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const parent = opts.parent && !opts.parent.isDestroyed() ? opts.parent : null;
  const choice = parent ? await dialog.showSaveDialog(parent, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
  if (choice.canceled || !choice.filePath) return { saved: false };
  // Some Linux file dialogs return the name exactly as typed, without the filter's extension.
  const filePath = choice.filePath.toLowerCase().endsWith('.pdf') ? choice.filePath : `${choice.filePath}.pdf`;
  const pdf = await withPrintWindow(html, (contents) => contents.printToPDF({ ...PDF_OPTIONS }));
  try {
    await fs.promises.writeFile(filePath, pdf);
  } catch {
    throw new AppError('SAVE_FAILED', '无法保存 PDF 文件。请换一个保存位置，或检查同名文件是否正被其他程序打开。');
  }
  return { saved: true, filePath };
}

/** Opens the system print dialog for the document. Resolves false when the user cancels. */
export async function printHtml(html: string): Promise<{ printed: boolean }> {
  return withPrintWindow(
    html,
    (contents) =>
      new Promise<{ printed: boolean }>((resolve, reject) => {
        contents.print({ silent: false, printBackground: true }, (success, failureReason) => {
          if (success) resolve({ printed: true });
          else if (/cancel/i.test(failureReason)) resolve({ printed: false });
          else reject(new AppError('PRINT_FAILED', '打印未能完成。请检查打印机是否已连接、已开机并设为可用。'));
        });
      }),
  );
}
