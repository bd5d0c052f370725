import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import type { GuanaiBridge } from '../../../electron/contract/channels';
import * as electronModule from '../../helpers/electron-mock';
import { contextBridge, electronMock, ipcRenderer } from '../../helpers/electron-mock';

const preloadSource = path.join(__dirname, '../../../electron/preload/preload.ts');

/** Runs the preload afresh, as Electron does for each page load. */
async function loadPreload(): Promise<GuanaiBridge> {
  await jest.isolateModulesAsync(async () => {
    // The fresh registry must still see the fakes this test inspects.
    jest.doMock('electron', () => electronModule);
    await import('../../../electron/preload/preload');
  });
  return electronMock.exposed.guanai as GuanaiBridge;
}

beforeEach(() => electronMock.reset());

describe('preload', () => {
  test('exposes exactly invoke and on as window.guanai, and nothing else', async () => {
    const expose = jest.spyOn(contextBridge, 'exposeInMainWorld');
    const api = await loadPreload();
    expect(expose).toHaveBeenCalledTimes(1);
    expect(expose.mock.calls[0]![0]).toBe('guanai');
    expect(Object.keys(electronMock.exposed)).toEqual(['guanai']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(typeof api.invoke).toBe('function');
    expect(typeof api.on).toBe('function');
    expose.mockRestore();
  });

  test('invoke goes to guanai:<channel> with the arguments and returns the main process answer', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { initialised: false } });
    const api = await loadPreload();
    const result = await api.invoke('app.status', {});
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('guanai:app.status', {});
    expect(result).toEqual({ ok: true, value: { initialised: false } });
  });

  test('on delivers only the named event, without the IPC event object, until unsubscribed', async () => {
    const api = await loadPreload();
    const seen: unknown[] = [];
    const off = api.on('store.changed', (payload) => seen.push(payload));
    ipcRenderer.deliver('guanai:event', 'store.changed', { entities: ['child'] });
    ipcRenderer.deliver('guanai:event', 'app.notice', { code: 'X', message: '提示' });
    ipcRenderer.deliver('guanai:other', 'store.changed', { entities: ['nope'] });
    expect(seen).toEqual([{ entities: ['child'] }]);
    off();
    ipcRenderer.deliver('guanai:event', 'store.changed', { entities: ['after'] });
    expect(seen).toHaveLength(1);
    expect(ipcRenderer.listenerCount('guanai:event')).toBe(0);
  });

  test('imports nothing from the contract but types (no zod in the sandboxed preload)', () => {
    const imports = fs.readFileSync(preloadSource, 'utf8').match(/^import .*$/gm) ?? [];
    for (const line of imports) {
      if (/from 'electron'/.test(line)) continue;
      expect(line).toMatch(/^import type /);
    }
    expect(imports.some((l) => l.includes('contract/channels'))).toBe(true);
  });

  test('bundles (as the build does) to CommonJS that requires only electron', () => {
    const out = buildSync({
      entryPoints: [preloadSource],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    }).outputFiles[0]!.text;
    const required = [...out.matchAll(/require\((['"])([^'"]+)\1\)/g)].map((m) => m[2]);
    expect([...new Set(required)]).toEqual(['electron']);
    expect(out).not.toMatch(/zod/i);
    expect(out.length).toBeLessThan(5000);
  });
});
