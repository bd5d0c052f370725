import { screen, waitFor, within } from '@testing-library/react';
import { shippedCodeLists } from '../../electron/domain/ledger/shipped-codelists';
import { createFakeApi, fakeSettings, fakeStatus } from '../helpers/fake-api';
import { sessionFor } from '../helpers/fake-accounts';
import { renderApp } from './render-app';

function setup(role: 'admin' | 'ledger' = 'admin') {
  let idleMinutes = 10;
  const api = createFakeApi({
    'app.status': () => fakeStatus({ session: sessionFor(role), idleMinutes }),
    'settings.get': () => fakeSettings(),
    'security.get': () => ({ idleMinutes }),
    'security.set': (a) => {
      idleMinutes = a.idleMinutes;
      return { idleMinutes };
    },
    'ledger.settings.get': () => ({ visitPeriodDays: 30, turning16Days: 90 }),
    'codelists.get': () => shippedCodeLists,
  });
  return api;
}

describe('自动锁定时间 in 设置', () => {
  it('an administrator sets the idle minutes, checked by the shared schema', async () => {
    const api = setup();
    const { user } = renderApp(api, '/settings');
    const section = within(await screen.findByRole('region', { name: '安全' }));
    const box = await section.findByRole('spinbutton', { name: '自动锁定时间（分钟）' });
    expect(box).toHaveValue(10);
    await user.clear(box);
    await user.type(box, '200');
    await user.click(section.getByRole('button', { name: '保存安全设置' }));
    expect(box).toHaveAccessibleDescription(expect.stringContaining('自动锁定时间不能超过 120 分钟'));
    expect(api.callsTo('security.set')).toHaveLength(0);
    await user.clear(box);
    await user.type(box, '5');
    await user.click(section.getByRole('button', { name: '保存安全设置' }));
    expect(await section.findByRole('status')).toHaveTextContent('无人操作 5 分钟后，程序自动锁定');
    expect(api.callsTo('security.set')).toEqual([{ idleMinutes: 5 }]);
    // The frame's idle clock follows the status, which is read again.
    await waitFor(() => expect(api.callsTo('app.status').length).toBeGreaterThanOrEqual(2));
  });

  it('is not offered to other roles', async () => {
    const api = setup('ledger');
    renderApp(api, '/settings');
    await screen.findByRole('region', { name: '本单位' });
    expect(screen.queryByRole('region', { name: '安全' })).not.toBeInTheDocument();
    expect(api.callsTo('security.get')).toHaveLength(0);
  });
});
