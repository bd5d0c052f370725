// The preview's sessions: the token guards against other pages, but only a signed-in session (an HttpOnly,
// SameSite=Strict cookie, renewed at sign-in and forgotten at lock) may call anything beyond status and sign-in.
import fs from 'node:fs';
import path from 'node:path';
import { startPreviewServer, type PreviewServer } from '../../../electron/preview/server';
import { cleanupTempDirs, tempDir } from '../../helpers/temp-dir';
import { TEST_ADMIN } from '../../helpers/office';
import { ledgerContext } from '../ledger/ledger-helpers';
import type { AppContext } from '../../../electron/app/context';

let ctx: AppContext;
let server: PreviewServer;
beforeEach(async () => {
  ({ ctx } = await ledgerContext());
  ctx.seat.person = null; // the seat that created the office is not a browser's
  const rendererDir = tempDir('renderer');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head></head><body></body></html>');
  server = await startPreviewServer({ ctx, rendererDir });
});
afterEach(async () => {
  await server.close();
  await ctx.close();
  cleanupTempDirs();
});

async function invoke(name: string, args: unknown, cookie?: string) {
  const res = await fetch(`${server.url}api/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-guanai-token': server.token, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ name, args }),
  });
  const setCookie = res.headers.get('set-cookie') ?? '';
  return { body: (await res.json()) as { ok: boolean; error?: { code: string }; value?: unknown }, setCookie, cookie: setCookie.split(';')[0]! };
}

test('nothing but status and sign-in without a session; the cookie is HttpOnly, SameSite=Strict and renewed at sign-in', async () => {
  const anon = await invoke('children.list', {});
  expect(anon.body).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  const status = await invoke('app.status', {}, anon.cookie);
  expect(status.body).toMatchObject({ ok: true, value: { initialised: true, session: null } });

  const signIn = await invoke('auth.signIn', { login: TEST_ADMIN.login, password: TEST_ADMIN.password }, anon.cookie);
  expect(signIn.body.ok).toBe(true);
  expect(signIn.setCookie).toMatch(/HttpOnly/);
  expect(signIn.setCookie).toMatch(/SameSite=Strict/);
  expect(signIn.cookie).not.toBe(anon.cookie);
  // The cookie from before sign-in is worth nothing. A call still carrying it (the page asked several things at
  // once) is refused without a cookie of its own, so its answer cannot replace the renewed one in the browser.
  const stale = await invoke('children.list', {}, anon.cookie);
  expect(stale.body).toMatchObject({ ok: false, error: { code: 'SESSION_RENEWED' } });
  expect(stale.setCookie).toBe('');
  const statusStale = await invoke('app.status', {}, anon.cookie);
  expect(statusStale.body).toMatchObject({ ok: false, error: { code: 'SESSION_RENEWED' } });
  expect(statusStale.setCookie).toBe('');
  // A known cookie is not set again: only a new or renewed one is.
  const listed = await invoke('children.list', {}, signIn.cookie);
  expect(listed.body.ok).toBe(true);
  expect(listed.setCookie).toBe('');

  // The token alone grants nothing; without it nothing is answered at all.
  const noToken = await fetch(`${server.url}api/invoke`, { method: 'POST', headers: { cookie: signIn.cookie }, body: '{"name":"children.list","args":{}}' });
  expect(noToken.status).toBe(403);

  await invoke('auth.lock', {}, signIn.cookie);
  expect((await invoke('children.list', {}, signIn.cookie)).body).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
});

test('two browser sessions are two people', async () => {
  const a = await invoke('auth.signIn', { login: TEST_ADMIN.login, password: TEST_ADMIN.password });
  await invoke('users.add', { login: 'chayue', name: '林美华', role: 'viewer', password: 'Chayue2026ok' }, a.cookie);
  const b = await invoke('auth.signIn', { login: 'chayue', password: 'Chayue2026ok' });
  await invoke('auth.changePassword', { currentPassword: 'Chayue2026ok', newPassword: 'Chayue2027ok' }, b.cookie);
  expect((await invoke('users.list', {}, b.cookie)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect((await invoke('users.list', {}, a.cookie)).body.ok).toBe(true);
});
