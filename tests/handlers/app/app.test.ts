// The app frame's handlers, called through the real dispatcher on a real store in a temp folder.
import path from 'node:path';
import { TEST_ADMIN } from '../../helpers/office';
import { openContext, type AppContext } from '../../../electron/app/context';
import { dispatch } from '../../../electron/dispatch/dispatch';
import { handlers } from '../../../electron/handlers';
import { channels } from '../../../electron/contract/channels';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';

let ctx: AppContext;
beforeEach(async () => {
  ctx = await openContext({ dataDir: path.join(tempDir(), 'data'), owner: 'test', clock: fixedClock() });
});
afterEach(async () => {
  await ctx.close();
  cleanupTempDirs();
});

test('every channel of the contract has a handler and nothing else does', () => {
  expect(Object.keys(handlers).sort()).toEqual(Object.keys(channels).sort());
});

test('before set-up: status says so, and channels that need an office refuse in Chinese', async () => {
  const status = await dispatch(ctx, 'app.status', {});
  expect(status).toMatchObject({ ok: true, value: { initialised: false, office: null, demo: false } });
  const settings = await dispatch(ctx, 'settings.get', {});
  expect(settings).toEqual({ ok: false, error: { code: 'NOT_INITIALISED', message: expect.stringContaining('初始设置') } });
});

test('set-up creates the office; settings show it; a second set-up is refused', async () => {
  const init = await dispatch(ctx, 'office.init', { code: ' 445224 ', name: '惠来县民政局', level: 'county', admin: TEST_ADMIN });
  expect(init).toMatchObject({
    ok: true,
    value: {
      office: { code: '445224', name: '惠来县民政局', level: 'county', createdAt: '2026-11-28T02:00:00.000Z' },
      admin: 'admin',
      recoveryCode: expect.stringMatching(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){5}$/),
    },
  });
  const settings = await dispatch(ctx, 'settings.get', {});
  expect(settings).toMatchObject({ ok: true, value: { office: { code: '445224' }, dataDir: ctx.dataDir, schemaVersion: 2 } });
  const again = await dispatch(ctx, 'office.init', { code: '445224', name: '别的', level: 'county', admin: TEST_ADMIN });
  expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_INITIALISED' } });
});

test('invalid arguments come back as field errors in Chinese, and unknown fields are refused', async () => {
  const r = await dispatch(ctx, 'office.init', { code: '4452', name: '', level: 'x' });
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe('INVALID_ARGS');
  expect(r.error.fields).toEqual({
    code: expect.stringContaining('6 位数字'),
    name: expect.stringContaining('不能为空'),
    level: expect.stringContaining('级别'),
    admin: '请填写首位系统管理员的用户名、姓名和密码',
  });
  const extra = await dispatch(ctx, 'office.init', { code: '445200', name: '揭阳市民政局', level: 'city', admin: TEST_ADMIN, extra: true });
  expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
});

test('unknown channels are refused; internal errors never carry their text across', async () => {
  expect(await dispatch(ctx, 'fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  expect(await dispatch(ctx, '__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  await dispatch(ctx, 'office.init', { code: '445200', name: '揭阳市民政局', level: 'city', admin: TEST_ADMIN });
  const store = ctx.store!;
  const original = store.counts.bind(store);
  store.counts = () => {
    throw new Error('/home/clerk/秘密/张小明 445202201508081234');
  };
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const r = await dispatch(ctx, 'settings.get', {});
  const logged = spy.mock.calls.map((c) => String(c[0])).join('');
  spy.mockRestore();
  store.counts = original;
  expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('程序内部错误') } });
  expect(JSON.stringify(r) + logged).not.toMatch(/张小明|445202201508081234|秘密/);
});

test('printing to PDF is a desktop-only channel: the preview is told what to do instead', async () => {
  await dispatch(ctx, 'office.init', { code: '445200', name: '揭阳市民政局', level: 'city', admin: TEST_ADMIN });
  const r = await dispatch(ctx, 'print.pdf', { kind: 'nothing' });
  expect(r).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE', message: expect.stringContaining('浏览器') } });
});
