import { applySessionPolicy, CONTENT_SECURITY_POLICY } from '../../../electron/main/session-policy';
import { electronMock, FakeSession } from '../../helpers/electron-mock';
import type { Session } from 'electron';

beforeEach(() => electronMock.reset());

function policed(): FakeSession {
  const ses = new FakeSession();
  applySessionPolicy(ses as unknown as Session);
  return ses;
}

describe('session policy', () => {
  test('every permission request is refused', async () => {
    const ses = policed();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      await expect(ses.requestPermission(permission)).resolves.toBe(false);
    }
  });

  test('every permission check and device permission is refused', () => {
    const ses = policed();
    expect(ses.checkPermission('clipboard-sanitized-write')).toBe(false);
    expect(ses.checkPermission('media')).toBe(false);
    expect(ses.devicePermissionHandler?.({ deviceType: 'usb', origin: 'file://' })).toBe(false);
  });

  test('the CSP is the agreed strict policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
  });

  test('file:// documents get the CSP header, replacing any other', async () => {
    const ses = policed();
    const headers = await ses.receiveHeaders('file:///opt/guanai/dist/renderer/index.html', 'mainFrame', {
      'content-security-policy': ["default-src *"],
      'X-Other': ['kept'],
    });
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['X-Other']).toEqual(['kept']);
    const frame = await ses.receiveHeaders('file:///opt/guanai/dist/renderer/frame.html', 'subFrame');
    expect(frame['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });

  test('scripts, images and the dev server are left alone', async () => {
    const ses = policed();
    expect(await ses.receiveHeaders('file:///opt/guanai/dist/renderer/assets/index.js', 'script', { a: ['1'] })).toEqual({ a: ['1'] });
    expect(await ses.receiveHeaders('http://localhost:5173/', 'mainFrame', { a: ['1'] })).toEqual({ a: ['1'] });
  });
});
