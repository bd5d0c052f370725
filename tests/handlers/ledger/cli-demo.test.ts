// The CLI in-process on a demo folder: `guanai demo` gains children, `info --json` counts them by status,
// `ledger list --json` gives every child unmasked and records the export.
import path from 'node:path';
import { chainedEntries } from '../../../electron/audit/audit-trail';
import { openSignedIn } from '../../helpers/office';
import { runCli } from '../../../electron/cli/run';
import { createChildSchema, validateChildRecord } from '../../../electron/contract/schemas/child';
import { shippedCodeLists } from '../../../electron/domain/ledger/shipped-codelists';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';
import { TODAY_MS } from './ledger-helpers';

jest.setTimeout(60_000);
afterAll(cleanupTempDirs);

function io() {
  let out = '';
  let err = '';
  return {
    io: { out: (t: string) => void (out += t), err: (t: string) => void (err += t), clock: fixedClock(TODAY_MS) },
    out: () => out,
    err: () => err,
  };
}

describe('guanai demo / info / ledger list', () => {
  const dir = path.join(tempDir('ledger-cli'), 'data');

  it('seeds a demo ledger and reports children by status', async () => {
    const demo = io();
    expect(await runCli(['demo', '--data', dir], demo.io)).toBe(0);
    const info = io();
    expect(await runCli(['info', '--data', dir, '--json'], info.io)).toBe(0);
    const summary = JSON.parse(info.out());
    expect(summary.counts.operations).toBeGreaterThan(300);
    expect(summary.counts.children).toEqual({ total: 300, active: 297, exited: 3, transferred: 0 });
    const text = io();
    expect(await runCli(['info', '--data', dir], text.io)).toBe(0);
    expect(text.out()).toContain('留守儿童：共 300 人（在册 297，已退出 3，已转出 0）');
  });

  it('lists every child with all fields unmasked as JSON, and records the export', async () => {
    const list = io();
    expect(await runCli(['ledger', 'list', '--data', dir, '--json'], list.io)).toBe(0);
    const children = JSON.parse(list.out()) as Array<Record<string, any>> // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed CLI output;
    expect(children).toHaveLength(300);
    const c = children[0]!;
    expect(c.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(c).toEqual(
      expect.objectContaining({ name: expect.any(String), township: expect.any(String), status: expect.any(String) }),
    );
    expect(c.guardians.length).toBeGreaterThan(0);
    expect(c.guardians[0]).toEqual(expect.objectContaining({ role: expect.any(String), name: expect.any(String), phone: expect.any(String) }));
    expect(c.record.child.idNumber).toBe(c.idNumber);
    // Every demo child satisfies THE schema.
    const schema = createChildSchema({ today: () => '2026-11-28', codeLists: shippedCodeLists });
    for (const child of children) expect(validateChildRecord(child.record, schema).ok).toBe(true);
    // Townships spread over Jieyang; some alert cases exist.
    expect(new Set(children.map((x) => x.township)).size).toBeGreaterThan(15);
    expect(children.some((x) => x.record.guardianship.guardianKind === 'none')).toBe(true);

    const ctx = await openSignedIn({ dataDir: dir, owner: 'test', clock: fixedClock(TODAY_MS) });
    try {
      const audits = chainedEntries(ctx.store!).chained;
      expect(audits).toContainEqual(expect.objectContaining({ action: 'export', target: '儿童记录', detail: '300 条', user: 'admin' }));
      const { dispatch } = await import('../../../electron/dispatch/dispatch');
      const alerts = await dispatch(ctx, 'alerts.list', {});
      expect(alerts.ok).toBe(true);
      const value = (alerts as { ok: true; value: { counts: Record<string, number>; items: Array<{ unguarded: boolean }> } }).value;
      expect(value.items[0]!.unguarded).toBe(true);
      expect(value.counts.visitOverdue).toBeGreaterThan(0);
      expect(value.counts.turning16).toBeGreaterThan(0);
      expect(value.counts.age16).toBeGreaterThan(0);
    } finally {
      await ctx.close();
    }
  });

  it('prints a masked overview without --json', async () => {
    const list = io();
    expect(await runCli(['ledger', 'list', '--data', dir], list.io)).toBe(0);
    expect(list.out()).toContain('共 300 名儿童。');
    expect(list.out()).not.toMatch(/\d{17}[\dX]/);
  });
});
