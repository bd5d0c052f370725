// The browser preview's stand-in for the preload: calls go to the loopback server as POST /api/invoke, events
// arrive over one shared EventSource. Both carry the page's token so other local pages cannot use the server.
import type { EventName, Events, GuanaiBridge } from '../../../electron/contract/channels';
import type { AppErrorData, Result } from '../../../electron/contract/errors';

export const PREVIEW_TOKEN_HEADER = 'x-guanai-token';

const unreachable: AppErrorData = {
  code: 'DISCONNECTED',
  message: '无法连接到本机预览服务，请确认预览程序仍在运行，然后刷新页面。',
};
const garbled: AppErrorData = {
  code: 'INTERNAL',
  message: '本机预览服务返回了无法识别的内容，操作可能未完成。请刷新页面后重试。',
};

/** How often a call refused as SESSION_RENEWED is made again. */
const RENEWED_RETRIES = 4;

interface PreviewDeps {
  fetch: typeof fetch;
  EventSource: typeof EventSource;
}

const isResult = (body: unknown): body is Result<unknown> =>
  typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';

export function createPreviewBridge(token: string, deps?: Partial<PreviewDeps>): GuanaiBridge {
  const doFetch = deps?.fetch ?? ((input, init) => fetch(input, init));
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let source: EventSource | null = null;

  const openEvents = () => {
    if (source) return;
    const EventSourceImpl = deps?.EventSource ?? EventSource;
    source = new EventSourceImpl(`/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (message: MessageEvent<string>) => {
      let parsed: { event?: unknown; payload?: unknown };
      try {
        parsed = JSON.parse(message.data) as typeof parsed;
      } catch {
        return;
      }
      const set = listeners.get(parsed.event as EventName);
      if (!set) return;
      for (const cb of [...set]) cb(parsed.payload as never);
    };
  };

  const closeEventsIfIdle = () => {
    for (const set of listeners.values()) if (set.size > 0) return;
    source?.close();
    source = null;
  };

  const once = async (name: string, args: unknown): Promise<Result<unknown>> => {
    let response: Response;
    try {
      response = await doFetch('/api/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', [PREVIEW_TOKEN_HEADER]: token },
        body: JSON.stringify({ name, args }),
      });
    } catch {
      return { ok: false, error: unreachable };
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return { ok: false, error: garbled };
    }
    // The server answers every call, refused ones included, with a Result; anything else is not ours.
    return isResult(body) ? body : { ok: false, error: garbled };
  };

  const bridge: GuanaiBridge = {
    async invoke(name, args) {
      // A call that left with the cookie a sign-in has just replaced is refused as SESSION_RENEWED: ask again, by then
      // with the new cookie.
      for (let attempt = 1; ; attempt += 1) {
        const result = await once(name, args);
        if (result.ok || result.error.code !== 'SESSION_RENEWED' || attempt >= RENEWED_RETRIES) return result as never;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    },
    on<E extends EventName>(event: E, cb: (payload: Events[E]) => void) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(cb as (payload: never) => void);
      openEvents();
      return () => {
        set.delete(cb as (payload: never) => void);
        closeEventsIfIdle();
      };
    },
  };
  return bridge;
}
