// No form loses what was typed: leaving a form with unsaved input asks first (stay, or discard and leave), closing or
// reloading the window asks too (beforeunload), and a draft survives a reload of the page; a save clears it.
import { screen, waitFor, within } from '@testing-library/react';
import { shippedCodeLists } from '../../electron/domain/ledger/shipped-codelists';
import { createFakeApi, fakeStatus } from '../helpers/fake-api';
import { renderApp } from './render-app';

jest.setTimeout(60_000);

function api() {
  return createFakeApi({
    'app.status': () => fakeStatus(),
    'codelists.get': () => shippedCodeLists,
    'ledger.settings.get': () => ({ visitPeriodDays: 30, turning16Days: 30 }),
    'ledger.settings.set': (a) => ({ visitPeriodDays: a.visitPeriodDays ?? 30, turning16Days: 30 }),
    'settings.get': () => ({ office: fakeStatus().office!, dataDir: 'C:\\关爱数据', storeDir: 'C:\\关爱数据\\store', schemaVersion: 1, operations: 0 }),
    'alerts.list': () => ({ total: 0, counts: { unguarded: 0, age16: 0, turning16: 0, visitOverdue: 0, missingPhone: 0 }, incomplete: 0, items: [] }),
  });
}

test('leaving the child form with input asks; staying keeps it, discarding leaves and forgets it', async () => {
  const fake = api();
  const { user, router, unmount } = renderApp(fake, '/ledger/new');
  await user.type(await screen.findByLabelText('姓名'), '张小明');

  await user.click(screen.getByRole('link', { name: '首页' }));
  const ask = await screen.findByRole('alertdialog', { name: '还有未保存的内容' });
  await user.click(within(ask).getByRole('button', { name: '留在本页' }));
  expect(router.state.location.pathname).toBe('/ledger/new');
  expect(screen.getByLabelText('姓名')).toHaveValue('张小明');

  // Closing or reloading the window asks as well.
  const unload = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(unload);
  expect(unload.defaultPrevented).toBe(true);

  // A reload brings the draft back (the page is rendered afresh over the same session).
  unmount();
  const again = renderApp(fake, '/ledger/new');
  expect(await screen.findByLabelText('姓名')).toHaveValue('张小明');
  expect(screen.getByRole('status')).toHaveTextContent('已恢复上次未保存的填写内容');

  await again.user.click(screen.getByRole('link', { name: '首页' }));
  await again.user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: '放弃并离开' }));
  await waitFor(() => expect(again.router.state.location.pathname).toBe('/'));
  expect(window.sessionStorage.length).toBe(0);
  const clean = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(clean);
  expect(clean.defaultPrevented).toBe(false);
});

test('a saved settings form leaves without asking and keeps no draft', async () => {
  const fake = api();
  const { user, router } = renderApp(fake, '/settings');
  const days = await screen.findByLabelText('走访周期（天）');
  await user.clear(days);
  await user.type(days, '21');
  expect(window.sessionStorage.length).toBe(1);
  await user.click(screen.getByRole('button', { name: /保存/ }));
  await waitFor(() => expect(fake.callsTo('ledger.settings.set')).toHaveLength(1));
  await waitFor(() => expect(window.sessionStorage.length).toBe(0));
  await user.click(screen.getByRole('link', { name: '首页' }));
  await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  expect(screen.queryByRole('alertdialog')).toBeNull();
});
