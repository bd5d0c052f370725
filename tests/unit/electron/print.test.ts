import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserWindow } from 'electron';
import {
  MAX_DATA_URL_LENGTH,
  PDF_OPTIONS,
  PRINT_PARTITION,
  pdfFileName,
  printableSource,
  printHtml,
  savePdf,
  withPrintWindow,
} from '../../../electron/main/print';
import { app, dialog, electronMock, session, BrowserWindow as FakeWindow, type FakeWebContents } from '../../helpers/electron-mock';
import { cleanupTempDirs, tempDir } from '../../helpers/temp-dir';

const html = '<!doctype html><html><head><meta charset="utf-8"><style>@page{size:A4}</style></head><body>会议纪要</body></html>';
const bigHtml = `<p>${'很长的内容'.repeat(Math.ceil(MAX_DATA_URL_LENGTH / 6))}</p>`;

beforeEach(() => electronMock.reset());
afterEach(cleanupTempDirs);

const lastWindow = () => FakeWindow.created[FakeWindow.created.length - 1]!;

describe('printable source', () => {
  test('a normal document goes through a data: URL and never touches the disk', () => {
    const source = printableSource(html);
    expect(source.url.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    expect(Buffer.from(source.url.split(',')[1]!, 'base64').toString('utf8')).toBe(html);
  });

  test('a document too large for a URL goes through a private temp file, removed by cleanup', () => {
    const source = printableSource(bigHtml);
    expect(source.url.startsWith('file:')).toBe(true);
    const file = fileURLToPath(source.url);
    expect(fs.readFileSync(file, 'utf8')).toBe(bigHtml);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o077).toBe(0);
    source.cleanup();
    expect(fs.existsSync(path.dirname(file))).toBe(false);
  });
});

describe('print window', () => {
  test('is hidden, sandboxed, without JavaScript or Node, in its own in-memory session', async () => {
    await withPrintWindow(html, async () => undefined);
    const win = lastWindow();
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false });
    expect(win.options.webPreferences?.preload).toBeUndefined();
    expect(win.webContents.session).toBe(session.fromPartition(PRINT_PARTITION));
    expect(PRINT_PARTITION.startsWith('persist:')).toBe(false);
  });

  test('its session loads no network resource and denies every permission', async () => {
    await withPrintWindow(html, async (contents) => {
      const ses = (contents as unknown as FakeWebContents).session;
      await expect(ses.sendRequest('https://example.com/logo.png', 'image')).resolves.toBe(true);
      await expect(ses.sendRequest('http://127.0.0.1:8080/x')).resolves.toBe(true);
      await expect(ses.sendRequest('file:///etc/passwd', 'image')).resolves.toBe(true);
      await expect(ses.sendRequest('data:image/png;base64,AAAA', 'image')).resolves.toBe(false);
      await expect(ses.requestPermission('media')).resolves.toBe(false);
      expect(ses.checkPermission('clipboard-read')).toBe(false);
    });
  });

  test('the temp file being printed may load, and only while it is printed', async () => {
    let url = '';
    await withPrintWindow(bigHtml, async (contents) => {
      url = lastWindow().loadedUrls[0]!;
      await expect((contents as unknown as FakeWebContents).session.sendRequest(url, 'mainFrame')).resolves.toBe(false);
    });
    await expect(session.fromPartition(PRINT_PARTITION).sendRequest(url, 'mainFrame')).resolves.toBe(true);
    expect(fs.existsSync(fileURLToPath(url))).toBe(false);
  });

  test('navigation and window.open are refused; the window is destroyed even when printing fails', async () => {
    await expect(
      withPrintWindow(html, async (contents) => {
        const fakeContents = contents as unknown as FakeWebContents;
        expect(fakeContents.navigate('https://example.com/')).toBe(true);
        expect(fakeContents.openWindow('https://example.com/')).toEqual({ action: 'deny' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(lastWindow().isDestroyed()).toBe(true);
  });

  test('a page that fails to load still cleans up its temp file', async () => {
    electronMock.loadFailure = true;
    const before = fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('guanai-print-')).length;
    await expect(withPrintWindow(bigHtml, async () => undefined)).rejects.toThrow();
    const after = fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('guanai-print-')).length;
    expect(after).toBe(before);
    expect(lastWindow().isDestroyed()).toBe(true);
  });
});

describe('save as PDF', () => {
  test('asks where to save in Chinese, then renders with CSS page size and backgrounds', async () => {
    const dir = tempDir();
    const target = path.join(dir, '2026年第一次联席会议纪要.pdf');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const parent = new FakeWindow();
    const result = await savePdf(html, { title: '2026年第一次联席会议纪要', parent: parent as unknown as BrowserWindow, defaultDir: dir });
    expect(result).toEqual({ saved: true, filePath: target });
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      parent,
      expect.objectContaining({
        title: '保存为 PDF',
        buttonLabel: '保存',
        defaultPath: target,
        filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
      }),
    );
    const printWindow = lastWindow();
    expect(printWindow.webContents.printToPDF).toHaveBeenCalledWith({ preferCSSPageSize: true, printBackground: true });
    expect(PDF_OPTIONS).toEqual({ preferCSSPageSize: true, printBackground: true });
    expect(fs.readFileSync(target, 'latin1').startsWith('%PDF-')).toBe(true);
    expect(printWindow.isDestroyed()).toBe(true);
  });

  test('cancelling the dialog renders nothing and writes nothing', async () => {
    const result = await savePdf(html, { title: '纪要', defaultDir: tempDir() });
    expect(result).toEqual({ saved: false });
    expect(FakeWindow.created).toHaveLength(0);
  });

  test('a chosen name without .pdf gets it; the default folder is Documents', async () => {
    const dir = tempDir();
    app.setPath('documents', dir);
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(dir, '纪要') });
    const result = await savePdf(html, { title: '纪要' });
    expect(result).toEqual({ saved: true, filePath: path.join(dir, '纪要.pdf') });
    expect(dialog.showSaveDialog.mock.calls[0]![0]).toMatchObject({ defaultPath: path.join(dir, '纪要.pdf') });
    expect(fs.existsSync(path.join(dir, '纪要.pdf'))).toBe(true);
  });

  test('a folder that cannot be written is explained in Chinese', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(tempDir(), 'no', 'such', 'x.pdf') });
    await expect(savePdf(html, { title: '纪要', defaultDir: tempDir() })).rejects.toMatchObject({
      code: 'SAVE_FAILED',
      message: expect.stringContaining('无法保存 PDF 文件'),
    });
  });

  test('file names lose characters Windows forbids', () => {
    expect(pdfFileName('揭阳市/2026:纪要*?')).toBe('揭阳市_2026_纪要__.pdf');
    expect(pdfFileName('a\nb.PDF')).toBe('a_b.PDF');
    expect(pdfFileName('   ')).toBe('文档.pdf');
  });
});

describe('print', () => {
  test('opens the system print dialog with backgrounds', async () => {
    await expect(printHtml(html)).resolves.toEqual({ printed: true });
    const win = lastWindow();
    expect(win.webContents.print).toHaveBeenCalledWith({ silent: false, printBackground: true }, expect.any(Function));
    expect(win.isDestroyed()).toBe(true);
  });

  test('a cancelled print is not an error', async () => {
    electronMock.printOutcome = { success: false, failureReason: 'Print job canceled' };
    await expect(printHtml(html)).resolves.toEqual({ printed: false });
  });

  test('a failed print is explained in Chinese', async () => {
    electronMock.printOutcome = { success: false, failureReason: 'Print job failed' };
    await expect(printHtml(html)).rejects.toMatchObject({ code: 'PRINT_FAILED', message: expect.stringContaining('打印') });
  });
});
