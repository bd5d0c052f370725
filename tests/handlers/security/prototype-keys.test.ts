// Issue 10, point 6: `print.render { kind: "constructor" }` once returned the app's whole state, because a map was
// indexed by the caller's key. Every channel that takes an id-like string (derived from the contract's schemas, so a
// new channel is covered when it is added) gets Object's own names through the dispatcher, on a demo office: each
// call ends in an error the person can read, or an ordinary result, and leaves the store and its files unchanged.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openContext, type AppContext } from '../../../electron/app/context';
import { channels, type ChannelName } from '../../../electron/contract/channels';
import { seedDemo } from '../../../electron/demo/seed';
import { TEST_ADMIN, TEST_KDF_LOG_N } from '../../helpers/office';
import { dispatch } from '../../../electron/dispatch/dispatch';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';
import { TODAY_MS } from '../ledger/ledger-helpers';
import { probeFields, sampleOf, withValue, type ProbeField } from './schema-walk';

jest.setTimeout(300_000);

import { shippedCodeLists } from '../../../electron/domain/ledger/shipped-codelists';

const SITUATION = shippedCodeLists.lists.reportSituation.items[0]!.code;
const PROBES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'prototype', 'valueOf'];

/**
 * Laid over the generated sample where it does not pass validation by itself (cross-field rules, code lists), or
 * where it would make the probed id irrelevant (a plenary meeting ignores `preparesId`). A channel whose probe never
 * reaches its handler fails the coverage check below, so a new one that needs an entry here is noticed.
 */
const BASE: Partial<Record<ChannelName, Record<string, unknown>>> = {
  'meetings.create': { kind: 'liaison' },
  'meetings.update': { kind: 'liaison' },
  'office.init': { code: '445202', name: '榕城区民政局', level: 'county', admin: { login: 'x', name: '张三', password: 'Abcdefg123' } },
  'reports.create': { childId: 'x', reporterType: 'school', situations: [SITUATION] },
};

function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      // Failed sign-ins are counted beside the keyring (signin-guard.json): probing auth.signIn must count them.
      else if (!e.name.endsWith('.lock') && e.name !== 'signin-guard.json' && path.relative(dir, p).split(path.sep)[0] !== 'store') out[path.relative(dir, p)] = crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

/** The data folder's files outside the store (identity, keys, settings); the store is checked by its operations. */
/** Only plain data crosses: no class instances, functions or Object itself (what the probe once got back). */
function plainData(v: unknown, seen = new Set<unknown>()): boolean {
  if (v === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof v)) return true;
  if (typeof v !== 'object' || seen.has(v)) return false;
  seen.add(v);
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return false;
  return Object.values(v as object).every((x) => plainData(x, seen));
}

/** The audit trail records refused sign-ins and refusals: the only change a probe may make. */
const AUDIT = new Set(['audit', 'auditHead']);

/** Records per kind apart from the audit trail; a kind first read (an empty table in memory) is no change. */
function countsOf(ctx: AppContext): string {
  const c = ctx.store!.counts();
  return JSON.stringify(Object.entries(c.entities).filter(([e, n]) => n > 0 && !AUDIT.has(e)).sort());
}

/** Channels where the probed field names a NEW record: creating a person called `constructor` is allowed. */
const CREATES = new Set(['users.add login']);

let ctx: AppContext;
beforeAll(async () => {
  ctx = await openContext({ dataDir: tempDir('probe'), owner: 'test', clock: fixedClock(TODAY_MS) });
  await seedDemo(ctx, { adminPassword: TEST_ADMIN.password, kdfLogN: TEST_KDF_LOG_N }); // signed in as its administrator: every channel
  await ctx.store!.snapshot(); // the demo's own snapshot is done before the files are compared
});
afterAll(async () => {
  await ctx?.close();
  cleanupTempDirs();
});

const targets: { name: ChannelName; field: ProbeField }[] = (Object.keys(channels) as ChannelName[]).flatMap((name) =>
  probeFields(channels[name].args).map((field) => ({ name, field })),
);

test('the walk finds the channels that take an id or a kind', () => {
  const names = new Set(targets.map((t) => t.name));
  for (const n of ['print.render', 'children.get', 'meetings.get', 'tasks.get', 'units.get', 'ledgerImport.commit', 'conflicts.resolve'] as const) {
    expect(names).toContain(n);
  }
  expect(names.size).toBeGreaterThan(30);
});

test('Object’s own names never reach internal state, a stack or an internal error, and change nothing but the audit trail', async () => {
  const store = ctx.store!;
  let counts = countsOf(ctx);
  const files = filesOf(ctx.dataDir);
  const protoNames = Object.getOwnPropertyNames(Object.prototype).sort();
  const unexercised: string[] = [];
  const bad: string[] = [];

  const probeAll = async (list: typeof targets, mayChange: boolean) => {
    for (const { name, field } of list) {
      const def = channels[name].args;
      const base = { ...(sampleOf(def) as object), ...BASE[name] };
      for (const probe of PROBES) {
        const value = field.list ? [probe] : probe;
        const args = withValue(base, field.path, value);
        const where = `${name} ${field.path.join('.')}=${probe}`;
        // The probe reaches the handler unless the field's own rule refuses it (then INVALID_ARGS is the right answer).
        if (!def.safeParse(args).success && field.schema.safeParse(value).success) unexercised.push(where);
        const r = await dispatch(ctx, name, args);
        if (r.ok) {
          if (!plainData(r.value)) bad.push(`${where}: returned something that is not plain data`);
          if (JSON.stringify(r.value ?? null).includes(ctx.dataDir)) bad.push(`${where}: returned the data folder`);
        } else {
          if (r.error.code === 'INTERNAL') bad.push(`${where}: internal error`);
          if (/\n\s+at |Error:|TypeError|Cannot read/.test(r.error.message)) bad.push(`${where}: a stack in the message`);
          if (!/\p{Script=Han}/u.test(r.error.message)) bad.push(`${where}: the message is not for people: ${r.error.message}`);
        }
        if (!mayChange && countsOf(ctx) !== counts) {
          bad.push(`${where}: changed the store`);
          counts = countsOf(ctx);
        }
      }
    }
  };
  const held = store.versionVector();
  const isCreate = (t: (typeof targets)[number]) => CREATES.has(`${t.name} ${t.field.path.join('.')}`);
  await probeAll(targets.filter((t) => !isCreate(t)), false);
  // Whatever was written is the audit trail (refused sign-ins, refusals), and nothing else.
  expect([...new Set(store.operationsSince(held).map((op) => op.entity))].filter((e) => !AUDIT.has(e))).toEqual([]);
  await new Promise((r) => setImmediate(r));
  expect(filesOf(ctx.dataDir)).toEqual(files);

  // A person called `constructor` is an ordinary person, listed as plain data.
  await probeAll(targets.filter(isCreate), true);
  const people = await dispatch(ctx, 'users.list', {});
  expect(people.ok && plainData(people.value)).toBe(true);
  expect((people as { value: { login: string }[] }).value.map((u) => u.login)).toEqual(expect.arrayContaining(['constructor', 'toString', 'valueOf']));
  expect(bad).toEqual([]);
  expect(unexercised).toEqual([]);
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoNames);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});
