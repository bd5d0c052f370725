// People and protection through the dispatcher, on a real office: roles' reach, sign-in and its failures, the idle
// lock, people administration, and the audit chain.
import { chainedEntries, verifyChain, type AuditEntry } from '../../../electron/audit/audit-trail';
import { newSeat } from '../../../electron/app/session';
import type { AppContext } from '../../../electron/app/context';
import { channels, type ChannelName } from '../../../electron/contract/channels';
import { dispatch } from '../../../electron/dispatch/dispatch';
import { cleanupTempDirs, type fixedClock } from '../../helpers/temp-dir';
import { TEST_ADMIN } from '../../helpers/office';
import { call, child, ledgerContext } from '../ledger/ledger-helpers';

let ctx: AppContext;
let clock: ReturnType<typeof fixedClock>;
beforeEach(async () => {
  ({ ctx, clock } = await ledgerContext());
});
afterEach(async () => {
  await ctx.close();
  cleanupTempDirs();
});

const PASSWORD = 'Chayue2026ok';

async function addPerson(login: string, role: 'admin' | 'ledger' | 'meeting' | 'viewer', name = '李四') {
  await call(ctx, 'users.add', { login, name, role, password: PASSWORD });
  // The first sign-in changes the administrator-set password, as the app requires.
  const seat = newSeat();
  const r = await dispatch(ctx, 'auth.signIn', { login, password: PASSWORD }, seat);
  expect(r).toMatchObject({ ok: true, value: { login, role, mustChangePassword: true } });
  const blocked = await dispatch(ctx, 'children.list', {}, seat);
  expect(blocked).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
  const changed = await dispatch(ctx, 'auth.changePassword', { currentPassword: PASSWORD, newPassword: `${PASSWORD}x1` }, seat);
  expect(changed).toMatchObject({ ok: true, value: { mustChangePassword: false } });
  return seat;
}

describe('roles', () => {
  it('every channel declares who may call it, and admin may call everything', () => {
    for (const [name, def] of Object.entries(channels)) {
      expect([name, def.access === 'public' || def.access.includes('admin')]).toEqual([name, true]);
    }
  });

  it('a viewer sees masked lists but may not reveal, export, create or administer', async () => {
    const { id } = await call(ctx, 'children.create', { record: child('张小明') });
    const viewer = await addPerson('chayue', 'viewer', '林美华');
    expect(await dispatch(ctx, 'children.get', { id }, viewer)).toMatchObject({ ok: true, value: { masked: true } });
    for (const [name, args] of [
      ['children.reveal', { id, purpose: 'view' }],
      ['ledgerExport.xlsx', { filters: {}, unmasked: false }],
      ['children.create', { record: child('李小红') }],
      ['users.list', {}],
      ['audit.list', {}],
    ] as [ChannelName, unknown][]) {
      const r = await dispatch(ctx, name, args, viewer);
      expect([name, r]).toMatchObject([name, { ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('无权限') } }]);
    }
    // The refusals are in the trail, by the viewer.
    const forbidden = chainedEntries(ctx.store!).chained.filter((e) => e.action === 'forbidden');
    expect(forbidden.map((e) => [e.user, e.target])).toContainEqual(['chayue', 'children.reveal']);
  });

  it('a ledger clerk adds a child and the history shows her name; she may not touch meetings or people', async () => {
    const clerk = await addPerson('luru', 'ledger', '陈晓玲');
    const created = await dispatch(ctx, 'children.create', { record: child('王小芳') }, clerk);
    expect(created.ok).toBe(true);
    const id = (created as { value: { id: string } }).value.id;
    const history = await call(ctx, 'children.history', { id });
    expect(history[0]!.user).toBe('陈晓玲');
    expect(ctx.store!.history('child', id)[0]!.user).toBe('luru');
    expect(await dispatch(ctx, 'users.add', { login: 'x1', name: '某', role: 'admin', password: PASSWORD }, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await dispatch(ctx, 'bulletins.create', {} as never, clerk)).toMatchObject({ ok: false });
  });

  it('the session view lists exactly the channels the role may call', async () => {
    const viewer = await addPerson('chayue', 'viewer');
    const status = await dispatch(ctx, 'app.status', {}, viewer);
    const allowed = (status as { value: { session: { allowed: string[] } } }).value.session.allowed;
    expect(allowed).toContain('children.list');
    expect(allowed).not.toContain('children.reveal');
    expect(allowed).not.toContain('ledgerExport.xlsx');
  });
});

describe('sign-in', () => {
  it('a wrong password is refused in Chinese, audited, and five in a row make the person wait longer each time', async () => {
    await call(ctx, 'users.add', { login: 'luru', name: '陈晓玲', role: 'ledger', password: PASSWORD });
    const seat = newSeat();
    for (let i = 1; i <= 4; i++) {
      expect(await dispatch(ctx, 'auth.signIn', { login: 'luru', password: 'wrong1234' }, seat)).toMatchObject({
        ok: false,
        error: { code: 'SIGNIN_FAILED', message: '用户名或密码错误。' },
      });
    }
    const fifth = await dispatch(ctx, 'auth.signIn', { login: 'luru', password: 'wrong1234' }, seat);
    expect(fifth).toMatchObject({ ok: false, error: { code: 'SIGNIN_FAILED', message: expect.stringContaining('30 秒后再试') } });
    // Even the right password waits now.
    expect(await dispatch(ctx, 'auth.signIn', { login: 'luru', password: PASSWORD }, seat)).toMatchObject({ ok: false, error: { code: 'SIGNIN_PAUSED' } });
    clock.advance(31_000);
    const sixth = await dispatch(ctx, 'auth.signIn', { login: 'luru', password: 'wrong1234' }, seat);
    expect(sixth).toMatchObject({ ok: false, error: { message: expect.stringContaining('1 分钟后再试') } });
    clock.advance(61_000);
    expect(await dispatch(ctx, 'auth.signIn', { login: 'luru', password: PASSWORD }, seat)).toMatchObject({ ok: true });
    const actions = chainedEntries(ctx.store!).chained.map((e) => e.action);
    expect(actions.filter((a) => a === 'signin.fail')).toHaveLength(6);
    expect(actions).toContain('signin.locked');
    expect(actions[actions.length - 1]).toBe('signin.ok');
  });

  it('an unknown person and a wrong password get the same answer', async () => {
    const a = await dispatch(ctx, 'auth.signIn', { login: 'nobody', password: 'x' }, newSeat());
    const b = await dispatch(ctx, 'auth.signIn', { login: TEST_ADMIN.login, password: 'x' }, newSeat());
    expect(a).toEqual(b);
  });

  it('the idle lock ends the session after the configured minutes; the next call says to sign in', async () => {
    await call(ctx, 'security.set', { idleMinutes: 5 });
    const seat = newSeat();
    await dispatch(ctx, 'auth.signIn', { login: TEST_ADMIN.login, password: TEST_ADMIN.password }, seat);
    clock.advance(4 * 60_000);
    expect((await dispatch(ctx, 'children.list', {}, seat)).ok).toBe(true);
    clock.advance(5 * 60_000 + 1);
    expect(await dispatch(ctx, 'children.list', {}, seat)).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    expect(await dispatch(ctx, 'app.status', {}, seat)).toMatchObject({ ok: true, value: { session: null, idleMinutes: 5 } });
  });

  it('a disabled person can no longer sign in, and a live session of theirs ends; the last admin cannot be disabled', async () => {
    const seat = await addPerson('luru', 'ledger');
    await call(ctx, 'users.disable', { login: 'luru' });
    expect(await dispatch(ctx, 'children.list', {}, seat)).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    expect(await dispatch(ctx, 'auth.signIn', { login: 'luru', password: `${PASSWORD}x1` }, newSeat())).toMatchObject({ ok: false, error: { code: 'SIGNIN_FAILED' } });
    expect(await dispatch(ctx, 'users.disable', { login: TEST_ADMIN.login })).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
    const list = await call(ctx, 'users.list', {});
    expect(list.find((u) => u.login === 'luru')).toMatchObject({ disabled: true, name: '李四' });
  });

  it('passwords need 8 characters with letters and digits', async () => {
    const r = await dispatch(ctx, 'users.add', { login: 'luru', name: '陈晓玲', role: 'ledger', password: 'abcdefgh' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS', fields: { password: '密码至少 8 位，须同时包含字母和数字' } } });
  });
});

describe('the audit chain', () => {
  const key = () => ctx.keys!.auditKey;
  const entries = () => chainedEntries(ctx.store!).chained;
  const head = (list: AuditEntry[]) => ({ n: list.length, mac: list[list.length - 1]!.mac });

  beforeEach(async () => {
    const { id } = await call(ctx, 'children.create', { record: child('张小明') });
    await call(ctx, 'children.reveal', { id, purpose: 'view' });
    await call(ctx, 'ledgerExport.xlsx', { filters: {}, unmasked: false });
  });

  it('verifies as whole', async () => {
    expect(await call(ctx, 'audit.verify', {})).toEqual({ ok: true, count: entries().length });
    expect(entries().length).toBeGreaterThanOrEqual(3);
  });

  it('detects a deleted, an edited and a reordered entry, naming the first bad one', () => {
    const list = entries();
    const h = head(list);
    const deleted = [...list.slice(0, 1), ...list.slice(2)];
    expect(verifyChain(deleted, key(), h)).toMatchObject({ ok: false, n: 2 });
    const edited = list.map((e, i) => (i === 1 ? { ...e, target: '别的对象' } : e));
    expect(verifyChain(edited, key(), h)).toMatchObject({ ok: false, n: 2, message: expect.stringContaining('校验码不符') });
    const reordered = [list[0]!, { ...list[2]!, n: 2 }, { ...list[1]!, n: 3 }, ...list.slice(3)];
    expect(verifyChain(reordered, key(), h)).toMatchObject({ ok: false, n: 2 });
    const cut = list.slice(0, -1);
    expect(verifyChain(cut, key(), h)).toMatchObject({ ok: false });
    // Without the office's key a forger cannot recompute the chain.
    expect(verifyChain(list, Buffer.alloc(32), h)).toMatchObject({ ok: false, n: 1 });
  });

  it('lists entries with names and filters by person, action and date; the export is itself audited', async () => {
    const all = await call(ctx, 'audit.list', {});
    expect(all.find((e) => e.action === 'view')).toMatchObject({ user: 'admin', userName: '王管理' });
    expect((await call(ctx, 'audit.list', { action: 'export' })).every((e) => e.action === 'export')).toBe(true);
    expect(await call(ctx, 'audit.list', { from: '2026-11-29' })).toEqual([]);
    const xlsx = await call(ctx, 'audit.exportXlsx', {});
    expect(xlsx.rows).toBe(all.length);
    expect(entries().at(-1)).toMatchObject({ action: 'audit.export' });
  });
});
