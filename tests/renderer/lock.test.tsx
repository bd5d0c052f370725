import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ChildView } from '../../electron/contract/schemas/ledger';
import { emptyChildRecord } from '../../electron/contract/schemas/ledger';
import { AppError } from '../../electron/contract/errors';
import { shippedCodeLists } from '../../electron/domain/ledger/shipped-codelists';
import { createFakeApi } from '../helpers/fake-api';
import { sessionFor, withAccounts } from '../helpers/fake-accounts';
import { renderApp } from './render-app';

const admin = sessionFor('admin');
const ledger = sessionFor('ledger');

function child(): ChildView {
  const record = emptyChildRecord();
  record.child = {
    ...record.child,
    name: '张小明',
    sex: '1',
    birthDate: '2015-08-08',
    idNumber: '445202********1237',
  };
  record.responsibility = { ...record.responsibility, township: '仙桥街道', village: '东湖村' };
  return {
    id: 'c1',
    record,
    masked: true,
    age: 11,
    ageBand: '6-13',
    eligible: true,
    eligibilityReasons: [],
    missing: [],
    alerts: [],
    lastVisitDate: '',
    nextVisitDue: '',
    lastAssessmentDate: '',
    createdAt: '2026-11-01T02:00:00.000Z',
    updatedAt: '2026-11-20T02:00:00.000Z',
    transferredOut: null,
  };
}

/** A ledger clerk on a child's record; every call but status and sign-in is refused while nobody is signed in. */
function setup(idleMinutes = 10) {
  const api = createFakeApi();
  const accounts = withAccounts(
    api,
    [
      { session: ledger, password: 'luru2026' },
      { session: admin, password: 'guanai2026' },
    ],
    { status: { idleMinutes } },
  );
  const guarded =
    <T,>(value: () => T) =>
    () => {
      if (!accounts.session) throw new AppError('NOT_SIGNED_IN', '请先登录');
      return value();
    };
  api.handle(
    'codelists.get',
    guarded(() => shippedCodeLists),
  );
  api.handle('children.get', guarded(child));
  api.handle(
    'children.history',
    guarded(() => []),
  );
  api.handle(
    'visits.list',
    guarded(() => []),
  );
  api.handle(
    'assistance.list',
    guarded(() => []),
  );
  api.handle(
    'assessments.list',
    guarded(() => []),
  );
  api.handle(
    'reports.list',
    guarded(() => ({ items: [], townships: [], counts: { all: 0, open: 0, overdue: 0, closed: 0 } })),
  );
  return { api, accounts };
}

const lockHeading = () => screen.queryByRole('heading', { level: 1, name: '已锁定' });
const visitNote = () => screen.getByRole('textbox', { name: '走访情况' });

/** Nothing of the page is visible or in the accessibility tree; the shell around it is hidden and inert. */
function expectPageHidden() {
  expect(lockHeading()).toBeInTheDocument();
  expect(screen.queryByRole('heading', { name: '张小明的档案' })).not.toBeInTheDocument();
  expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  expect(screen.queryByRole('textbox', { name: '走访情况' })).not.toBeInTheDocument();
  const shell = document.querySelector('.app-shell') as HTMLElement;
  expect(shell).not.toBeVisible();
  expect(shell).toHaveAttribute('inert');
  expect(shell.hidden).toBe(true);
  // The page is still mounted underneath, so its unsaved input survives.
  expect(within(shell).getByText('张小明的档案', { selector: 'h1' })).toBeInTheDocument();
}

async function unlock(user: ReturnType<typeof renderApp>['user'], password = 'luru2026') {
  const box = screen.getByLabelText('密码', { selector: 'input' });
  await user.type(box, password);
  await user.click(screen.getByRole('button', { name: '解锁' }));
}

describe('the lock screen', () => {
  afterEach(() => jest.useRealTimers());

  it('locks after the idle minutes without input, then returns to the same page with its unsaved input', async () => {
    jest.useFakeTimers();
    const { api, accounts } = setup(5);
    const { user } = renderApp(api, '/ledger/c1', { advanceTimers: jest.advanceTimersByTime });
    await user.type(await screen.findByRole('textbox', { name: '走访情况' }), '家中无人，已电话联系奶奶');

    // Input restarts the clock: four minutes, a key, four more minutes, and it is still open.
    act(() => jest.advanceTimersByTime(4 * 60_000));
    fireEvent.mouseMove(document.body);
    act(() => jest.advanceTimersByTime(4 * 60_000));
    expect(lockHeading()).not.toBeInTheDocument();
    expect(api.callsTo('auth.lock')).toHaveLength(0);

    act(() => jest.advanceTimersByTime(60_000 + 10));
    expect(await screen.findByRole('heading', { level: 1, name: '已锁定' })).toBeInTheDocument();
    expectPageHidden();
    await waitFor(() => expect(api.callsTo('auth.lock')).toHaveLength(1));
    expect(accounts.session).toBeNull();
    expect(screen.getByText(/李录入（台账录入）/)).toBeInTheDocument();

    await unlock(user);
    expect(await screen.findByRole('heading', { level: 1, name: '张小明的档案' })).toBeInTheDocument();
    expect(visitNote()).toHaveValue('家中无人，已电话联系奶奶');
    expect(api.callsTo('auth.signIn')).toEqual([{ login: 'lilu', password: 'luru2026' }]);
    expect(lockHeading()).not.toBeInTheDocument();
  });

  it('locks at once on Ctrl+L', async () => {
    const { api } = setup();
    const { user } = renderApp(api, '/ledger/c1');
    await user.type(await screen.findByRole('textbox', { name: '走访情况' }), '已走访');
    await user.keyboard('{Control>}l{/Control}');
    expect(await screen.findByRole('heading', { level: 1, name: '已锁定' })).toBeInTheDocument();
    expectPageHidden();
    await unlock(user);
    expect(await screen.findByRole('textbox', { name: '走访情况' })).toHaveValue('已走访');
  });

  it('locks with the 锁定 button, and a wrong password keeps it locked', async () => {
    const { api } = setup();
    const { user } = renderApp(api, '/ledger/c1');
    await screen.findByRole('heading', { name: '张小明的档案' });
    await user.click(screen.getByRole('button', { name: '锁定' }));
    expectPageHidden();
    await unlock(user, 'not-it-123');
    expect(await screen.findByRole('alert')).toHaveTextContent('用户名或密码错误');
    expectPageHidden();
  });

  it('shows itself when a call is refused because the session ended elsewhere', async () => {
    const { api, accounts } = setup();
    const { user } = renderApp(api, '/ledger/c1');
    await user.type(await screen.findByRole('textbox', { name: '走访情况' }), '已走访');
    accounts.endSession();
    act(() => api.emit('store.changed', { entities: ['visit'] }));
    expect(await screen.findByRole('heading', { level: 1, name: '已锁定' })).toBeInTheDocument();
    expectPageHidden();
    await unlock(user);
    expect(await screen.findByRole('textbox', { name: '走访情况' })).toHaveValue('已走访');
    // What was refused while locked is read again.
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
  });

  it('切换用户 discards the page and lets someone else sign in', async () => {
    const { api } = setup();
    const { user, router } = renderApp(api, '/ledger/c1');
    await user.type(await screen.findByRole('textbox', { name: '走访情况' }), '已走访');
    await user.click(screen.getByRole('button', { name: '锁定' }));
    await user.click(await screen.findByRole('button', { name: '切换用户' }));
    expect(await screen.findByRole('heading', { level: 1, name: '登录' })).toBeInTheDocument();
    expect(document.querySelector('.app-shell')).toBeNull();
    await user.type(screen.getByRole('textbox', { name: '用户名' }), 'admin');
    await user.type(screen.getByLabelText('密码', { selector: 'input' }), 'guanai2026');
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByRole('region', { name: '当前用户' })).toHaveTextContent('王管理');
    expect(router.state.location.pathname).toBe('/');
  });
});
