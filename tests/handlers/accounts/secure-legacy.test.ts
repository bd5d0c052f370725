// office.secureLegacy through the dispatcher: an old folder (no keyring) is secured by whoever opens it first, who
// is then signed in as its administrator; once secured the channel is refused and everything else needs a sign-in.
import path from 'node:path';
import { openContext, type AppContext } from '../../../electron/app/context';
import { newSeat } from '../../../electron/app/session';
import { dispatch } from '../../../electron/dispatch/dispatch';
import { LEGACY_CHILD, makeLegacyFolder } from '../../helpers/legacy-folder';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';

let ctx: AppContext;
afterEach(async () => {
  await ctx?.close();
  cleanupTempDirs();
});

const ADMIN = { login: 'wang', name: '王主任', password: 'Shengji2026ok' };

test('an old folder is secured once: the caller becomes its administrator and the old history keeps 本机用户', async () => {
  const data = path.join(tempDir(), 'legacy');
  await makeLegacyFolder(data);
  ctx = await openContext({ dataDir: data, owner: 'preview', clock: fixedClock(), kdfLogN: 10 });
  const seat = newSeat();
  expect(await dispatch(ctx, 'app.status', {}, seat)).toMatchObject({ ok: true, value: { needsSecuring: true, session: null } });
  // Nobody can sign in to an old folder, and nothing else is open before it is secured.
  expect(await dispatch(ctx, 'auth.signIn', { login: 'wang', password: ADMIN.password }, seat)).toMatchObject({ ok: false, error: { code: 'NEEDS_SECURING' } });
  expect(await dispatch(ctx, 'children.list', {}, seat)).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  // A weak password is refused in Chinese and changes nothing.
  const weak = await dispatch(ctx, 'office.secureLegacy', { ...ADMIN, password: 'short' }, seat);
  expect(weak).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
  expect(JSON.stringify(weak)).not.toMatch(/[A-Za-z]{6,} [a-z]+/);

  const r = await dispatch(ctx, 'office.secureLegacy', ADMIN, seat);
  expect(r).toMatchObject({ ok: true, value: { admin: 'wang', office: { code: '445202' }, recoveryCode: expect.stringMatching(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){5}$/) } });
  const status = await dispatch(ctx, 'app.status', {}, seat);
  expect(status).toMatchObject({ ok: true, value: { needsSecuring: false, session: { login: 'wang', role: 'admin' } } });
  expect(JSON.stringify(status)).toContain('数据文件夹已升级');

  const history = await dispatch(ctx, 'children.history', { id: LEGACY_CHILD.id }, seat);
  expect(history.ok).toBe(true);
  expect(JSON.stringify(history)).toContain('本机用户');

  // A second caller cannot take the folder over.
  const again = await dispatch(ctx, 'office.secureLegacy', { ...ADMIN, login: 'li' }, newSeat());
  expect(again).toMatchObject({ ok: false, error: { code: 'REFUSED', message: '该数据文件夹已经设置过系统管理员。' } });
});
