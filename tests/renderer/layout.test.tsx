import { act, screen, waitFor, within } from '@testing-library/react';
import { AppError } from '../../electron/contract/errors';
import { createFakeApi, fakeOffice, fakeSettings, fakeStatus } from '../helpers/fake-api';
import { sessionFor } from '../helpers/fake-accounts';
import { renderApp } from './render-app';

const recovered = {
  id: 'n1',
  since: '2026-12-01T08:00:00.000Z',
  code: 'SNAPSHOT_RECOVERED' as const,
  message: '上次关闭时数据文件未写完整，已从备份和修改记录恢复，没有数据丢失。',
};
const migrated = { id: 'n2', since: '2026-12-01T08:00:00.000Z', code: 'MIGRATED' as const, message: '数据已升级到新的格式（第 2 版）。' };

describe('app layout', () => {
  it('shows the office name above the navigation and every area link', async () => {
    const api = createFakeApi({
      'app.status': () =>
        fakeStatus({ office: fakeOffice({ name: '榕城区民政局', level: 'county', code: '445202' }) }),
    });
    renderApp(api);
    const banner = await screen.findByRole('banner');
    expect(within(banner).getByText('榕城区民政局')).toBeInTheDocument();
    expect(within(banner).getByText('县（市、区）级 · 445202')).toBeInTheDocument();
    const nav = within(screen.getByRole('navigation', { name: '主导航' }));
    expect(nav.getAllByRole('link').map((a) => a.textContent)).toEqual([
      '首页',
      '留守儿童台账',
      '成员单位与职责',
      '会议与纪要',
      '数据交换',
      '人员管理',
      '审计日志',
      '设置',
    ]);
    expect(nav.getByRole('link', { name: '首页' })).toHaveAttribute('aria-current', 'page');
  });

  it.each([
    ['留守儿童台账', '/ledger'],
    ['成员单位与职责', '/units'],
    ['会议与纪要', '/meetings'],
    ['数据交换', '/exchange'],
  ])('the %s link leads to its page', async (label, path) => {
    const api = createFakeApi({ 'app.status': () => fakeStatus() });
    const { user, router } = renderApp(api);
    const nav = within(await screen.findByRole('navigation', { name: '主导航' }));
    await user.click(nav.getByRole('link', { name: label }));
    const heading = await screen.findByRole('heading', { level: 1, name: label });
    expect(router.state.location.pathname).toBe(path);
    expect(nav.getByRole('link', { name: label })).toHaveAttribute('aria-current', 'page');
    expect(nav.getByRole('link', { name: '首页' })).not.toHaveAttribute('aria-current');
    // Keyboard users land on the new page's heading.
    expect(heading).toHaveFocus();
    expect(document.title).toBe(`${label} - 关爱`);
  });

  it('the settings link leads to the settings page', async () => {
    const api = createFakeApi({ 'app.status': () => fakeStatus(), 'settings.get': () => fakeSettings() });
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('link', { name: '设置' }));
    expect(await screen.findByRole('heading', { level: 1, name: '设置' })).toBeInTheDocument();
    expect(
      await screen.findByText(
        (_, el) => el?.tagName === 'CODE' && el.textContent === '7K3M Q9TX 2HDP WRN5 8CJA',
      ),
    ).toBeInTheDocument();
  });

  it('an unknown address shows a plain page with a way home', async () => {
    const api = createFakeApi({ 'app.status': () => fakeStatus() });
    const { user } = renderApp(api, '/no/such/page');
    expect(await screen.findByRole('heading', { level: 1, name: '没有这个页面' })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: '返回首页' }));
    expect(await screen.findByRole('heading', { level: 2, name: '本单位数据' })).toBeInTheDocument();
  });

  it('shows the 演示数据 banner only when the store holds demo data', async () => {
    const demo = createFakeApi({ 'app.status': () => fakeStatus({ demo: true }) });
    const { unmount } = renderApp(demo);
    expect(await screen.findByRole('note', { name: '演示数据' })).toHaveTextContent('不是真实台账');
    unmount();

    const real = createFakeApi({ 'app.status': () => fakeStatus({ demo: false }) });
    renderApp(real);
    await screen.findByRole('navigation', { name: '主导航' });
    expect(screen.queryByRole('note', { name: '演示数据' })).not.toBeInTheDocument();
    expect(screen.queryByText('演示数据')).not.toBeInTheDocument();
  });

  it('keeps every notice, with its date, until an administrator acknowledges it on the server', async () => {
    let open = [recovered, migrated];
    const api = createFakeApi({
      'app.status': () => fakeStatus({ notices: open }),
      'notices.acknowledge': ({ id }) => {
        open = open.filter((n) => n.id !== id);
        return { acknowledged: true as const };
      },
    });
    const { user } = renderApp(api);
    const notices = await screen.findAllByRole('alert');
    expect(notices.map((n) => n.textContent)).toEqual([
      expect.stringContaining(recovered.message),
      expect.stringContaining(migrated.message),
    ]);
    // When it was raised, in the computer's own time (the fixture's instant, formatted here the same way).
    const since = new Date(recovered.since);
    const p = (n: number) => String(n).padStart(2, '0');
    const shown = `${since.getFullYear()}-${p(since.getMonth() + 1)}-${p(since.getDate())} ${p(since.getHours())}:${p(since.getMinutes())}`;
    expect(notices[0]).toHaveTextContent(`提示时间：${shown}`);
    expect(screen.queryByRole('button', { name: '知道了' })).not.toBeInTheDocument();

    await user.click(within(notices[0]!).getByRole('button', { name: '确认已知悉' }));
    await waitFor(() => expect(screen.queryByText(recovered.message)).not.toBeInTheDocument());
    expect(api.callsTo('notices.acknowledge')).toEqual([{ id: 'n1' }]);
    expect(screen.getByText(migrated.message)).toBeInTheDocument();

    // It stays away because the server no longer lists it: a refetch (the store changed) does not bring it back.
    act(() => api.emit('store.changed', { entities: ['child'] }));
    await screen.findByText(migrated.message);
    expect(screen.queryByText(recovered.message)).not.toBeInTheDocument();
  });

  it('does not hide a notice the server still lists, even after the button', async () => {
    let refuse = true;
    const api = createFakeApi({
      'app.status': () => fakeStatus({ notices: [recovered] }),
      // Refused (e.g. the session's role changed meanwhile): the server keeps it open.
      'notices.acknowledge': () => {
        if (refuse) throw new AppError('FORBIDDEN', '无权限：只有系统管理员可以确认数据提示。');
        return { acknowledged: true as const };
      },
    });
    const { user } = renderApp(api);
    const notice = await screen.findByRole('alert');
    await user.click(within(notice).getByRole('button', { name: '确认已知悉' }));
    expect(await within(notice).findByText('无权限：只有系统管理员可以确认数据提示。')).toBeInTheDocument();
    expect(screen.getByText(recovered.message)).toBeInTheDocument();
    const before = api.callsTo('app.status').length;
    act(() => api.emit('store.changed', { entities: ['child'] }));
    await waitFor(() => expect(api.callsTo('app.status').length).toBeGreaterThan(before));
    expect(screen.getByText(recovered.message)).toBeInTheDocument();

    // Accepted, but the status read afterwards still lists it: it is still shown (nothing is hidden locally).
    refuse = false;
    await user.click(within(screen.getByRole('alert')).getByRole('button', { name: '确认已知悉' }));
    await waitFor(() => expect(api.callsTo('notices.acknowledge')).toHaveLength(2));
    await waitFor(() => expect(api.callsTo('app.status').length).toBeGreaterThan(before + 1));
    expect(screen.getByRole('alert')).toHaveTextContent(recovered.message);
  });

  it('other roles see every notice but are told an administrator must acknowledge it', async () => {
    const api = createFakeApi({ 'app.status': () => fakeStatus({ notices: [recovered], session: sessionFor('ledger') }) });
    renderApp(api);
    const notice = await screen.findByRole('alert');
    expect(notice).toHaveTextContent(recovered.message);
    expect(notice).toHaveTextContent('请系统管理员确认');
    expect(within(notice).queryByRole('button')).not.toBeInTheDocument();
    act(() => api.emit('store.changed', { entities: ['child'] }));
    await waitFor(() => expect(api.callsTo('app.status').length).toBeGreaterThanOrEqual(2));
    expect(screen.getByRole('alert')).toHaveTextContent(recovered.message);
    expect(api.callsTo('notices.acknowledge')).toHaveLength(0);
  });

  it('warns on every page while the PC clock is behind the newest record', async () => {
    const warning = '本机时钟（2026年11月27日 10:00）早于已保存的最新记录（2026年11月28日 10:00）：电脑的日期或时间可能不对。';
    const api = createFakeApi({ 'app.status': () => fakeStatus({ clockWarning: warning }) });
    renderApp(api);
    expect(await screen.findByRole('alert', { name: '时钟提示' })).toHaveTextContent(warning);
  });

  it('shows a notice pushed by the main process while the app runs, until it is acknowledged', async () => {
    const api = createFakeApi({
      'app.status': () => fakeStatus(),
      'notices.acknowledge': () => ({ acknowledged: true as const }),
    });
    const { user } = renderApp(api);
    await screen.findByRole('navigation', { name: '主导航' });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    act(() => api.emit('app.notice', recovered));
    const notice = await screen.findByRole('alert');
    expect(notice).toHaveTextContent(recovered.message);
    // The status read because of the push does not list it (yet): it stays.
    await waitFor(() => expect(api.callsTo('app.status').length).toBeGreaterThanOrEqual(2));
    expect(screen.getByRole('alert')).toHaveTextContent(recovered.message);
    await user.click(within(notice).getByRole('button', { name: '确认已知悉' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(api.callsTo('notices.acknowledge')).toEqual([{ id: 'n1' }]);
  });

  it('the home page shows the office name and counts', async () => {
    const api = createFakeApi({
      'app.status': () => fakeStatus({ counts: { operations: 57, entities: { child: 31, app: 1 } } }),
    });
    renderApp(api);
    expect(
      await screen.findByRole('heading', { level: 1, name: '揭阳市农村留守儿童关爱保护工作联席会议办公室' }),
    ).toBeInTheDocument();
    const counts = within(screen.getByRole('region', { name: '本单位数据' }));
    expect(counts.getByText('留守儿童').nextElementSibling).toHaveTextContent('31 人');
    expect(counts.getByText('修改记录').nextElementSibling).toHaveTextContent('57 条');
    expect(counts.queryByText('app')).not.toBeInTheDocument();
    // A type the store does not hold yet is not shown as a zero.
    expect(counts.queryByText('会议')).not.toBeInTheDocument();
    expect(document.title).toBe('首页 - 关爱');
  });

  it('explains when the status cannot be read and retries on request', async () => {
    let calls = 0;
    const api = createFakeApi({
      'app.status': () => {
        calls++;
        if (calls === 1) throw new Error('EACCES: /home/someone/secret');
        return fakeStatus();
      },
    });
    const { user } = renderApp(api);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('无法读取本单位数据');
    expect(alert).not.toHaveTextContent('secret');
    await user.click(within(alert).getByRole('button', { name: '重试' }));
    expect(await screen.findByRole('navigation', { name: '主导航' })).toBeInTheDocument();
  });
});
