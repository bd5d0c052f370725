// Headless Debian Chromium through playwright-core, for print tests and end-to-end tests alike.
// The browser bundled with Playwright cannot be downloaded here, so the system binary is used with a throwaway
// profile: nothing from one run (cache, cookies, service workers) can leak into the next.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.GUANAI_CHROMIUM ?? '/usr/bin/chromium';

/**
 * The time zone of the office PC the tests stand for. The browser runs in it, and so does every preview server the
 * tests start (preview.ts): on a real PC the page and the server read one clock in one zone, so a form's default date
 * (today, in the browser) is never a day ahead of the server's today, which refuses later dates as 不能晚于今天.
 */
export const OFFICE_TIME_ZONE = 'Asia/Shanghai';

/** Flags that keep Chromium quiet and offline apart from what the test itself opens. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchOptions {
  /** Defaults to 1280×800. */
  viewport?: { width: number; height: number };
  /** More command-line flags, appended to CHROMIUM_ARGS. */
  args?: string[];
  /** Milliseconds to wait for the browser to start. */
  timeout?: number;
}

export interface LaunchedChromium {
  context: BrowserContext;
  /** The tab the browser opened with. */
  page: Page;
  userDataDir: string;
  /** Closes the browser and deletes the temporary profile. Safe to call twice. */
  close(): Promise<void>;
}

export async function launchChromium(options: LaunchOptions = {}): Promise<LaunchedChromium> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'guanai-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
      viewport: options.viewport ?? { width: 1280, height: 800 },
      locale: 'zh-CN',
      timezoneId: OFFICE_TIME_ZONE,
      timeout: options.timeout ?? 30_000,
    });
  } catch (err) {
    await rm(userDataDir, { recursive: true, force: true });
    throw err;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  let closed = false;
  return {
    context,
    page,
    userDataDir,
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => undefined);
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Prints whatever `page` shows, with the options the app passes to Electron's printToPDF. */
export async function printPageToPdf(page: Page, outFile: string): Promise<void> {
  // Local fonts load lazily; printing before they settle would print fallback glyphs.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.pdf({ path: outFile, preferCSSPageSize: true, printBackground: true });
}

export interface HtmlToPdfResult {
  /** Console messages the page logged while loading, e.g. Content-Security-Policy violations. */
  consoleMessages: string[];
  /** URLs the page tried to fetch after the document itself; a self-contained page has none. */
  requests: string[];
}

/**
 * Loads `html` into a tab and prints it the way the app does (`preferCSSPageSize`, backgrounds on), so the PDF
 * shows what the paper would. Pass `browser` to reuse a running Chromium; otherwise one is started and closed.
 */
export async function htmlToPdf(
  html: string,
  outFile: string,
  options: { browser?: LaunchedChromium } = {},
): Promise<HtmlToPdfResult> {
  const owned = options.browser ? undefined : await launchChromium();
  const browser = options.browser ?? owned!;
  const page = await browser.context.newPage();
  const consoleMessages: string[] = [];
  const requests: string[] = [];
  page.on('console', (msg) => consoleMessages.push(`${msg.type()}: ${msg.text()}`));
  page.on('request', (req) => {
    if (!req.url().startsWith('about:')) requests.push(req.url());
  });
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await printPageToPdf(page, outFile);
    return { consoleMessages, requests };
  } finally {
    await page.close().catch(() => undefined);
    if (owned) await owned.close();
  }
}
