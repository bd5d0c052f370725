// The probe of issue 10 against the real preview process, over HTTP: a bundle written into /etc/cron.d, a bundle
// read from outside the exchange folder. Both are refused with a clear message and audited; a file inside the
// exchange folder (DATA/exchange by default) is read.
import fs from 'node:fs';
import path from 'node:path';
import { e2eAvailable, startPreview, type RunningPreview } from '../helpers/preview';
import { cleanupTempDirs, tempDir } from '../helpers/temp-dir';

const run = e2eAvailable() ? describe : describe.skip;
jest.setTimeout(120_000);

run('the preview reads and writes files only in its exchange folder', () => {
  let preview: RunningPreview;
  let dataDir: string;
  let token: string;
  let cookie = '';

  const invoke = async (name: string, args: unknown) => {
    const res = await fetch(new URL('/api/invoke', preview.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-guanai-token': token, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ name, args }),
    });
    // The session cookie a sign-in issues (HttpOnly in a browser; here we carry it by hand).
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!;
    return (await res.json()) as { ok: boolean; value?: any; error?: { code: string; message: string } }; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed HTTP body
  };
  const audits = async () => ((await invoke('app.status', {})).value.counts.entities.audit ?? 0) as number;

  beforeAll(async () => {
    dataDir = path.join(tempDir('preview-paths'), 'data');
    preview = await startPreview(['--data', dataDir, '--demo']);
    const page = await (await fetch(preview.url)).text();
    token = /name="guanai-preview-token" content="([^"]+)"/.exec(page)![1]!;
    // Signed in as the demo's administrator (who may export and import): the refusal is the path's, not the role's.
    const { accounts } = JSON.parse(fs.readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8')) as {
      accounts: { login: string; password: string; role: string }[];
    };
    const admin = accounts.find((a) => a.role === 'admin')!;
    expect(await invoke('auth.signIn', { login: admin.login, password: admin.password })).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await preview?.stop();
    cleanupTempDirs();
  });

  test('/etc/cron.d and ../office.json are refused and audited; nothing is written there', async () => {
    const cron = fs.existsSync('/etc/cron.d') ? fs.readdirSync('/etc/cron.d').sort() : [];
    const before = await audits();
    const exported = await invoke('exchange.export', { to: '445202', folder: '/etc/cron.d' });
    expect(exported).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
    expect(exported.error!.message).toContain(`只能读写交换文件夹（${fs.realpathSync(path.join(dataDir, 'exchange'))}）中的文件`);
    expect(fs.existsSync('/etc/cron.d') ? fs.readdirSync('/etc/cron.d').sort() : []).toEqual(cron);

    for (const p of ['/etc/cron.d/x', '../office.json', path.join(dataDir, 'office.json')]) {
      expect(await invoke('exchange.verify', { path: p })).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
    }
    expect(await audits()).toBe(before + 4);
  });

  test('a file inside the exchange folder is read (and judged as a bundle)', async () => {
    fs.writeFileSync(path.join(dataDir, 'exchange', 'junk.guanai'), 'not a bundle');
    const r = await invoke('exchange.verify', { path: 'junk.guanai' });
    expect(r.ok).toBe(false);
    expect(r.error!.code).not.toBe('REFUSED');
    expect(r.error!.code).toMatch(/^BUNDLE_/);
  });
});
