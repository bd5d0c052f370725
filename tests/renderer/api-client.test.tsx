import { act, render, screen } from '@testing-library/react';
import type { GuanaiBridge } from '../../electron/contract/channels';
import { AppError } from '../../electron/contract/errors';
import { resolveBridge } from '../../renderer/src/api/bridge';
import { ApiError, ApiProvider, createClient } from '../../renderer/src/api/client';
import { createPreviewBridge } from '../../renderer/src/api/preview-bridge';
import { useQuery } from '../../renderer/src/hooks/use-query';
import { createFakeApi, fakeSettings, fakeStatus } from '../helpers/fake-api';

describe('api client', () => {
  it('returns the value of an ok result', async () => {
    const api = createFakeApi({ 'app.status': () => fakeStatus({ schemaVersion: 7 }) });
    const client = createClient(api.bridge);
    await expect(client.invoke('app.status', {})).resolves.toMatchObject({ schemaVersion: 7 });
    expect(api.calls).toEqual([{ name: 'app.status', args: {} }]);
  });

  it('throws ApiError with code, message and fields for a refused call', async () => {
    const api = createFakeApi({
      'office.init': () => {
        throw new AppError('VALIDATION', '单位信息有误。', { name: '单位名称不能为空' });
      },
    });
    const err = await createClient(api.bridge)
      .invoke('office.init', { code: '445200', name: 'x', level: 'city', admin: { login: 'admin', name: '王管理', password: 'Guanai2026test' } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      code: 'VALIDATION',
      message: '单位信息有误。',
      fields: { name: '单位名称不能为空' },
    });
  });

  it('turns a rejected bridge call into a Chinese ApiError without the original text', async () => {
    const bridge: GuanaiBridge = {
      invoke: () => Promise.reject(new Error('ipc channel closed at C:\\Users\\someone')),
      on: () => () => undefined,
    };
    const err = (await createClient(bridge)
      .invoke('app.status', {})
      .catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('INTERNAL');
    expect(err.message).toMatch(/通信出错/);
    expect(err.message).not.toMatch(/someone/);
  });
});

function OperationsCount({ entities }: { entities?: string[] }) {
  const { data, error, refetch } = useQuery('settings.get', {}, entities ? { entities } : {});
  if (error) return <p>错误：{error.message}</p>;
  return (
    <>
      <p>{data ? `记录 ${data.operations}` : '读取中'}</p>
      <button type="button" onClick={() => void refetch()}>
        刷新
      </button>
    </>
  );
}

describe('useQuery', () => {
  it('refetches when the store changes and stops listening when unmounted', async () => {
    let operations = 1;
    const api = createFakeApi({ 'settings.get': () => fakeSettings({ operations }) });
    const { unmount } = render(
      <ApiProvider bridge={api.bridge}>
        <OperationsCount />
      </ApiProvider>,
    );
    expect(await screen.findByText('记录 1')).toBeInTheDocument();
    operations = 2;
    act(() => api.emit('store.changed', { entities: ['child'] }));
    expect(await screen.findByText('记录 2')).toBeInTheDocument();
    expect(api.listenerCount('store.changed')).toBe(1);
    unmount();
    expect(api.listenerCount('store.changed')).toBe(0);
  });

  it('ignores store changes to entities it does not read', async () => {
    let operations = 1;
    const api = createFakeApi({ 'settings.get': () => fakeSettings({ operations }) });
    render(
      <ApiProvider bridge={api.bridge}>
        <OperationsCount entities={['meeting']} />
      </ApiProvider>,
    );
    expect(await screen.findByText('记录 1')).toBeInTheDocument();
    operations = 2;
    act(() => api.emit('store.changed', { entities: ['child'] }));
    expect(api.callsTo('settings.get')).toHaveLength(1);
    act(() => api.emit('store.changed', { entities: ['meeting'] }));
    expect(await screen.findByText('记录 2')).toBeInTheDocument();
  });

  it('never lets an older answer overwrite a newer one', async () => {
    const pending: ((n: number) => void)[] = [];
    const api = createFakeApi({
      'settings.get': () =>
        new Promise((resolve) => pending.push((operations) => resolve(fakeSettings({ operations })))),
    });
    render(
      <ApiProvider bridge={api.bridge}>
        <OperationsCount />
      </ApiProvider>,
    );
    await act(async () => undefined);
    // Asked again by hand while the first read is under way (a refetch is not coalesced like an event).
    act(() => screen.getByRole('button', { name: '刷新' }).click());
    await act(async () => undefined);
    expect(pending).toHaveLength(2);
    await act(async () => pending[1]!(2));
    expect(screen.getByText('记录 2')).toBeInTheDocument();
    await act(async () => pending[0]!(1));
    expect(screen.getByText('记录 2')).toBeInTheDocument();
  });

  it('coalesces store changes that arrive while a read is under way: one more read after it, not one per change', async () => {
    const pending: ((n: number) => void)[] = [];
    const api = createFakeApi({
      'settings.get': () =>
        new Promise((resolve) => pending.push((operations) => resolve(fakeSettings({ operations })))),
    });
    render(
      <ApiProvider bridge={api.bridge}>
        <OperationsCount />
      </ApiProvider>,
    );
    await act(async () => undefined);
    for (let i = 0; i < 5; i++) act(() => api.emit('store.changed', { entities: ['child'] }));
    await act(async () => undefined);
    expect(pending).toHaveLength(1);
    await act(async () => pending[0]!(1));
    // The changes came after the first read began: exactly one more read, which sees them all.
    expect(pending).toHaveLength(2);
    await act(async () => pending[1]!(6));
    expect(screen.getByText('记录 6')).toBeInTheDocument();
    expect(api.callsTo('settings.get')).toHaveLength(2);
    // With nothing under way, a change is read at once.
    act(() => api.emit('store.changed', { entities: ['child'] }));
    await act(async () => undefined);
    expect(pending).toHaveLength(3);
  });
});

interface SentRequest {
  url: string;
  init: RequestInit;
}

class FakeEventSource {
  static last: FakeEventSource | null = null;
  onmessage: ((m: MessageEvent<string>) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  close() {
    this.closed = true;
  }
  send(data: unknown) {
    this.onmessage?.({
      data: typeof data === 'string' ? data : JSON.stringify(data),
    } as MessageEvent<string>);
  }
}

const jsonResponse = (body: unknown) => ({ json: async () => body }) as Response;

describe('preview bridge', () => {
  it('posts calls to /api/invoke with the token header and returns the server’s Result', async () => {
    const sent: SentRequest[] = [];
    const fetchStub = (async (url: string, init: RequestInit) => {
      sent.push({ url, init });
      return jsonResponse({ ok: false, error: { code: 'NOT_INITIALISED', message: '尚未设置本单位。' } });
    }) as unknown as typeof fetch;
    const bridge = createPreviewBridge('tok-123', {
      fetch: fetchStub,
      EventSource: FakeEventSource as unknown as typeof EventSource,
    });
    const result = await bridge.invoke('settings.get', {});
    expect(result).toEqual({ ok: false, error: { code: 'NOT_INITIALISED', message: '尚未设置本单位。' } });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe('/api/invoke');
    expect(sent[0]!.init.method).toBe('POST');
    expect((sent[0]!.init.headers as Record<string, string>)['x-guanai-token']).toBe('tok-123');
    expect(JSON.parse(sent[0]!.init.body as string)).toEqual({ name: 'settings.get', args: {} });
  });

  it('asks again when a call left with the cookie a sign-in has just renewed', async () => {
    const answers = [
      { ok: false, error: { code: 'SESSION_RENEWED', message: '登录状态已更新，请重试。' } },
      { ok: true, value: { rows: [] } },
    ];
    let calls = 0;
    const bridge = createPreviewBridge('t', { fetch: (async () => jsonResponse(answers[calls++])) as unknown as typeof fetch });
    expect(await bridge.invoke('children.list', {})).toEqual({ ok: true, value: { rows: [] } });
    expect(calls).toBe(2);
    // Not for ever: a cookie that stays old is refused in the end.
    let stuck = 0;
    const old = createPreviewBridge('t', { fetch: (async () => (stuck++, jsonResponse(answers[0]))) as unknown as typeof fetch });
    expect(await old.invoke('children.list', {})).toMatchObject({ ok: false, error: { code: 'SESSION_RENEWED' } });
    expect(stuck).toBe(4);
  });

  it('answers with a Chinese error when the server is gone or replies with something else', async () => {
    const down = createPreviewBridge('t', {
      fetch: (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch,
    });
    expect(await down.invoke('app.status', {})).toMatchObject({
      ok: false,
      error: { code: 'DISCONNECTED', message: expect.stringMatching(/预览服务/) },
    });

    const odd = createPreviewBridge('t', {
      fetch: (async () => jsonResponse('<html>')) as unknown as typeof fetch,
    });
    expect(await odd.invoke('app.status', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });

    const broken = createPreviewBridge('t', {
      fetch: (async () =>
        ({ json: () => Promise.reject(new SyntaxError('bad')) }) as unknown as Response) as typeof fetch,
    });
    expect(await broken.invoke('app.status', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('delivers events from one shared EventSource and closes it when nobody listens', () => {
    const bridge = createPreviewBridge('a b', {
      EventSource: FakeEventSource as unknown as typeof EventSource,
    });
    const changes: unknown[] = [];
    const notices: unknown[] = [];
    const offChanged = bridge.on('store.changed', (p) => changes.push(p));
    const source = FakeEventSource.last!;
    const offNotice = bridge.on('app.notice', (p) => notices.push(p));
    expect(FakeEventSource.last).toBe(source);
    expect(source.url).toBe('/api/events?token=a%20b');

    source.send({ event: 'store.changed', payload: { entities: ['child'] } });
    source.send({ event: 'app.notice', payload: { code: 'MIGRATED', message: '已升级' } });
    source.send('not json');
    source.send({ event: 'other', payload: {} });
    expect(changes).toEqual([{ entities: ['child'] }]);
    expect(notices).toEqual([{ code: 'MIGRATED', message: '已升级' }]);

    offChanged();
    expect(source.closed).toBe(false);
    offNotice();
    expect(source.closed).toBe(true);
  });
});

describe('resolveBridge', () => {
  afterEach(() => {
    delete window.guanai;
    document.head.querySelectorAll('meta[name="guanai-preview-token"]').forEach((m) => m.remove());
  });

  it('prefers the preload bridge', () => {
    const preload = createFakeApi().bridge;
    window.guanai = preload;
    expect(resolveBridge()).toBe(preload);
  });

  it('builds the preview bridge from the token the server wrote into the page', () => {
    const meta = document.createElement('meta');
    meta.name = 'guanai-preview-token';
    meta.content = 'tok';
    document.head.append(meta);
    const bridge = resolveBridge();
    expect(bridge).not.toBeNull();
    expect(typeof bridge!.invoke).toBe('function');
  });

  it('gives null when the page was opened some other way', () => {
    expect(resolveBridge()).toBeNull();
  });
});
