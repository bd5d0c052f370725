import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import { TextEncoder, TextDecoder } from 'node:util';
Object.assign(globalThis, { TextEncoder, TextDecoder });

// The CI machine has two cores shared with other suites; the default 1 s for findBy* is too tight there.
configure({ asyncUtilTimeout: 4000 });

// jsdom has no fetch API, but react-router's data routers build a `Request` for every navigation (it reads only
// url, method, headers and signal when no loaders or actions run). A minimal stand-in keeps the tests on the same
// router the app uses; renderer code itself never calls fetch outside the preview bridge, which tests inject.
if (typeof globalThis.Headers === 'undefined') {
  class HeadersStandIn {
    private readonly map = new Map<string, string>();
    constructor(init?: Record<string, string> | [string, string][]) {
      for (const [k, v] of Array.isArray(init) ? init : Object.entries(init ?? {}))
        this.map.set(k.toLowerCase(), v);
    }
    get(name: string) {
      return this.map.get(name.toLowerCase()) ?? null;
    }
    has(name: string) {
      return this.map.has(name.toLowerCase());
    }
    set(name: string, value: string) {
      this.map.set(name.toLowerCase(), value);
    }
    forEach(cb: (value: string, key: string) => void) {
      this.map.forEach((v, k) => cb(v, k));
    }
  }
  Object.assign(globalThis, { Headers: HeadersStandIn });
}

if (typeof globalThis.Request === 'undefined') {
  class RequestStandIn {
    readonly url: string;
    readonly method: string;
    readonly headers: Headers;
    readonly signal: AbortSignal;
    readonly body: unknown;
    constructor(
      input: string | URL | RequestStandIn,
      init: { method?: string; headers?: HeadersInit; signal?: AbortSignal; body?: unknown } = {},
    ) {
      const from = input instanceof RequestStandIn ? input : null;
      this.url = from ? from.url : String(input);
      this.method = (init.method ?? from?.method ?? 'GET').toUpperCase();
      this.headers = new Headers(init.headers ?? from?.headers);
      this.signal = init.signal ?? from?.signal ?? new AbortController().signal;
      this.body = init.body ?? null;
    }
  }
  Object.assign(globalThis, { Request: RequestStandIn });
}

// Each test is a fresh window: form drafts kept in sessionStorage (use-form-draft) must not carry into the next one.
afterEach(() => window.sessionStorage.clear());
