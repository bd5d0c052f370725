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

test('nothing but status and sign-in without a session; the cookie is HttpOnly, SameSite=Strict, set only at sign-in and renewed there', async () => {
  const anon = await invoke('children.list', {});
  expect(anon.body).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  // Nobody is seated: no cookie. Only an answer that seats someone sets one, so an answer to an older call can never
  // replace the cookie of a sign-in made meanwhile.
  expect(anon.setCookie).toBe('');
  const status = await invoke('app.status', {});
  expect(status.body).toMatchObject({ ok: true, value: { initialised: true, session: null } });
  expect(status.setCookie).toBe('');

  const signIn = await invoke('auth.signIn', { login: TEST_ADMIN.login, password: TEST_ADMIN.password });
  expect(signIn.body.ok).toBe(true);
  expect(signIn.setCookie).toMatch(/HttpOnly/);
  expect(signIn.setCookie).toMatch(/SameSite=Strict/);
  // A known cookie is not set again.
  const listed = await invoke('children.list', {}, signIn.cookie);
  expect(listed.body.ok).toBe(true);
  expect(listed.setCookie).toBe('');

  // Signing in again on a seat renews its cookie; the one before is worth nothing. A call still carrying it (the page
  // asked several things at once) is refused as SESSION_RENEWED, without a cookie, and the page asks again.
  const again = await invoke('auth.signIn', { login: TEST_ADMIN.login, password: TEST_ADMIN.password }, signIn.cookie);
  expect(again.body.ok).toBe(true);
  expect(again.cookie).not.toBe(signIn.cookie);
  const stale = await invoke('children.list', {}, signIn.cookie);
  expect(stale.body).toMatchObject({ ok: false, error: { code: 'SESSION_RENEWED' } });
  expect(stale.setCookie).toBe('');
  expect((await invoke('children.list', {}, again.cookie)).body.ok).toBe(true);

  // The token alone grants nothing; without it nothing is answered at all.
  const noToken = await fetch(`${server.url}api/invoke`, { method: 'POST', headers: { cookie: again.cookie }, body: '{"name":"children.list","args":{}}' });
  expect(noToken.status).toBe(403);

  await invoke('auth.lock', {}, again.cookie);
  const locked = await invoke('children.list', {}, again.cookie);
  expect(locked.body).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  expect(locked.setCookie).toBe('');
});

test('two browser sessions are two people', async () => {
  const a = await invoke('auth.signIn', { login: TEST_ADMIN.login, password: TEST_ADMIN.password });
  await invoke('users.add', { login: 'chayue', name: '林美华', role: 'viewer', password: 'Chayue2026ok' }, a.cookie);
  const b = await invoke('auth.signIn', { login: 'chayue', password: 'Chayue2026ok' });
  await invoke('auth.changePassword', { currentPassword: 'Chayue2026ok', newPassword: 'Chayue2027ok' }, b.cookie);
  expect((await invoke('users.list', {}, b.cookie)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect((await invoke('users.list', {}, a.cookie)).body.ok).toBe(true);
});
