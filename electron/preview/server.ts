// The browser preview's server: loopback only, serves the built renderer and carries invoke/on over HTTP to the
// very same dispatcher, handlers and store as the desktop app. A random per-run token (injected into the page)
// keeps other local pages and programs from calling it; Host and Origin checks stop DNS-rebinding pages.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AppContext } from '../app/context';
import { newSeat, type Seat } from '../app/session';
import type { EventName, Events } from '../contract/channels';
import { dispatch } from '../dispatch/dispatch';

export const PREVIEW_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'; form-action 'none'";

const MAX_BODY = 200 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

export interface PreviewServer {
  url: string;
  token: string;
  port: number;
  /** Sends an event to every open page. */
  broadcast<E extends EventName>(event: E, payload: Events[E]): void;
  close(): Promise<void>;
}

export interface PreviewOptions {
  ctx: AppContext;
  rendererDir: string;
  port?: number;
  token?: string;
}


function cookieOf(req: http.IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}


function sameToken(a: string | undefined, b: string): boolean {
  if (typeof a !== 'string' || a.length !== b.length) return false;
  return crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export async function startPreviewServer(opts: PreviewOptions): Promise<PreviewServer> {
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  const rendererDir = path.resolve(opts.rendererDir);
  const indexFile = path.join(rendererDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    throw new Error(`找不到界面文件 ${indexFile}，请先运行 npm run build`);
  }
  const clients = new Set<http.ServerResponse>();
  let port = 0;
  // The token guards against other pages and programs (CSRF, DNS rebinding); it grants nothing by itself. Each
  // browser session has a seat behind an HttpOnly, SameSite=Strict cookie; signing in seats a person there, and a
  // new cookie is issued at sign-in so a cookie planted before it is worth nothing.
  const seats = new Map<string, Seat>();
  // Cookies do not tell ports apart: two previews on 127.0.0.1 (a county and a city side by side) need two names.
  const cookieName = () => `guanai_sid_${port}`;
  const sessionCookie = (sid: string) => `${cookieName()}=${sid}; HttpOnly; SameSite=Strict; Path=/`;
  const newSid = () => crypto.randomBytes(24).toString('base64url');
  /** Cookies replaced at sign-in (never a seat again), the latest few hundred. */
  const renewed = new Set<string>();
  const renew = (sid: string) => {
    renewed.add(sid);
    if (renewed.size > 512) renewed.delete(renewed.values().next().value!);
  };

  const hostOk = (req: http.IncomingMessage) =>
    req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`;
  const originOk = (req: http.IncomingMessage) => {
    const origin = req.headers.origin;
    return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
  };

  const send = (res: http.ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string | string[]> = {}) => {
    res.writeHead(status, {
      'content-type': type,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
      'cross-origin-resource-policy': 'same-origin',
      ...extra,
    });
    res.end(body);
  };
  const sendJson = (res: http.ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}) =>
    send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', extra);

  const server = http.createServer((req, res) => {
    if (!hostOk(req) || !originOk(req)) {
      sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: '请求来源不可信，已拒绝。' } });
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname === '/api/invoke') {
      if (req.method !== 'POST' || !sameToken(req.headers['x-guanai-token'] as string | undefined, token)) {
        sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: '请求来源不可信，已拒绝。' } });
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) {
          sendJson(res, 413, { ok: false, error: { code: 'INVALID_ARGS', message: '提交的内容过大。' } });
          req.destroy();
          return;
        }
        chunks.push(c);
      });
      req.on('end', () => {
        if (res.writableEnded) return;
        let body: { name?: unknown; args?: unknown };
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          sendJson(res, 400, { ok: false, error: { code: 'INVALID_ARGS', message: '请求格式有误。' } });
          return;
        }
        const sid = cookieOf(req, cookieName());
        if (sid && !seats.has(sid) && renewed.has(sid)) {
          // Sent with the cookie from before a sign-in that has since renewed it (a page asks several things at once):
          // refused, so the page asks again with the new one.
          sendJson(res, 200, { ok: false, error: { code: 'SESSION_RENEWED', message: '登录状态已更新，请重试。' } });
          return;
        }
        // A seat is worth a cookie only once someone is seated in it. A call without a known cookie runs in a seat
        // of its own, kept (under a new cookie) only if the call seats a person (sign-in, first set-up). So the only
        // answers that set a cookie are those that seat someone: an answer to an older call can never replace the
        // cookie of a sign-in made meanwhile (under load it did, the next calls were refused and the page locked).
        const known = sid ? seats.get(sid) : undefined;
        const seat = known ?? newSeat();
        const hadPerson = seat.person !== null;
        void dispatch(opts.ctx, body?.name, body?.args, seat).then((result) => {
          let setCookie: string | null = null;
          const seated = seat.person !== null && (!hadPerson || body?.name === 'auth.signIn' || body?.name === 'office.secureLegacy');
          if (result.ok && seated) {
            // A new cookie whenever a person is seated (no session fixation): the one before it is retired.
            if (known && sid) {
              seats.delete(sid);
              renew(sid);
            }
            const fresh = newSid();
            seats.set(fresh, seat);
            setCookie = fresh;
          } else if (known && sid && !seat.person) {
            // Locked or signed out: the seat is forgotten, its cookie worth nothing afterwards.
            seats.delete(sid);
          }
          sendJson(res, 200, result, setCookie ? { 'set-cookie': sessionCookie(setCookie) } : {});
        });
      });
      return;
    }

    if (url.pathname === '/api/events') {
      if (!sameToken(url.searchParams.get('token') ?? undefined, token)) {
        sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: '请求来源不可信，已拒绝。' } });
        return;
      }
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, '', 'text/plain');
      return;
    }
    // Static files of the built renderer. Every other path gets the app page (the router uses the hash).
    const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.resolve(rendererDir, rel);
    const inside = file.startsWith(rendererDir + path.sep);
    if (rel && inside && fs.existsSync(file) && fs.statSync(file).isFile() && path.basename(file) !== 'index.html') {
      send(res, 200, fs.readFileSync(file), TYPES[path.extname(file)] ?? 'application/octet-stream', {
        'cache-control': 'no-cache',
      });
      return;
    }
    const html = fs
      .readFileSync(indexFile, 'utf8')
      .replace('<head>', `<head>\n    <meta name="guanai-preview-token" content="${token}" />`);
    send(res, 200, html, 'text/html; charset=utf-8', { 'content-security-policy': PREVIEW_CSP });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;

  const broadcast: PreviewServer['broadcast'] = (event, payload) => {
    const data = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const c of clients) c.write(data);
  };

  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    port,
    broadcast,
    async close() {
      for (const c of clients) c.end();
      clients.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
