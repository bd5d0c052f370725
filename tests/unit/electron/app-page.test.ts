import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { appPage, isAppPageUrl, startUrl } from '../../../electron/main/app-page';

const index = path.resolve('/opt/关爱/resources/app.asar/dist/renderer/index.html');
const fileUrl = pathToFileURL(index).href;

describe('the app page', () => {
  test('our index page with any hash route or query is the app page', () => {
    const page = appPage(index);
    expect(startUrl(page)).toBe(fileUrl);
    expect(isAppPageUrl(fileUrl, page)).toBe(true);
    expect(isAppPageUrl(`${fileUrl}#/ledger/children?q=1`, page)).toBe(true);
    // Chromium may leave the Chinese folder name unescaped where Node escaped it.
    expect(isAppPageUrl(decodeURI(fileUrl), page)).toBe(true);
  });

  test('other files, other schemes and garbage are not', () => {
    const page = appPage(index);
    expect(isAppPageUrl(pathToFileURL(path.join(path.dirname(index), 'other.html')).href, page)).toBe(false);
    expect(isAppPageUrl('file:///etc/passwd', page)).toBe(false);
    expect(isAppPageUrl('https://example.com/', page)).toBe(false);
    expect(isAppPageUrl('data:text/html,hi', page)).toBe(false);
    expect(isAppPageUrl('not a url', page)).toBe(false);
  });

  test('the dev server origin is trusted only when configured', () => {
    const dev = appPage(index, 'http://localhost:5173/');
    expect(startUrl(dev)).toBe('http://localhost:5173/');
    expect(isAppPageUrl('http://localhost:5173/#/settings', dev)).toBe(true);
    expect(isAppPageUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppPageUrl('http://localhost:5173/', appPage(index))).toBe(false);
    expect(appPage(index, '').devUrl).toBeNull();
  });
});
