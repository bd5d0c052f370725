// `guanai demo` and `npm run preview -- --demo`: a realistic demonstration city office. Each feature adds its part
// in electron/demo/parts.ts; everything is generated, plausible, and marked as demonstration data. The demo has
// one person per role; the administrator's password comes from GUANAI_PASSWORD when set, otherwise every
// password is generated, printed, and shown on the demo's sign-in page (demo-accounts.json: demo folders only).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../app/context';
import { requireStore } from '../app/context';
import { setPersonWrap } from '../accounts/keyring';
import { initOffice } from '../accounts/init-office';
import { userChange } from '../accounts/users';
import { audit } from '../audit/audit';
import { AppError } from '../contract/errors';
import type { DemoAccount, Role } from '../contract/schemas/accounts';
import { roleNames } from '../contract/schemas/accounts';
import { DEMO_ENTITY, DEMO_ID } from '../handlers/app';
import { demoParts } from './parts';

export const DEMO_OFFICE = { code: '445200', name: '揭阳市农村留守儿童关爱保护工作联席会议办公室', level: 'city' as const };
export const demoAccountsFile = (dataDir: string) => path.join(dataDir, 'demo-accounts.json');

const DEMO_PEOPLE: { login: string; name: string; role: Role }[] = [
  { login: 'luru', name: '陈晓玲', role: 'ledger' },
  { login: 'lianxi', name: '黄志强', role: 'meeting' },
  { login: 'chayue', name: '林美华', role: 'viewer' },
];

/** A password a person can type: letters and digits, 12 characters. */
function generatedPassword(): string {
  const letters = 'abcdefghjkmnpqrstuvwxyz';
  const digits = '23456789';
  const bytes = crypto.randomBytes(12);
  let out = '';
  for (let i = 0; i < 12; i++) out += i % 4 === 3 ? digits[bytes[i]! % digits.length] : letters[bytes[i]! % letters.length];
  return out;
}

export interface DemoSeedOptions {
  adminLogin?: string;
  adminPassword?: string;
  kdfLogN?: number;
}

export async function seedDemo(ctx: AppContext, opts: DemoSeedOptions = {}): Promise<{ accounts: DemoAccount[]; recoveryCode: string }> {
  if (ctx.office) throw new AppError('ALREADY_INITIALISED', '演示数据只能放进一个新的空文件夹。');
  const admin: DemoAccount = {
    login: opts.adminLogin ?? process.env.GUANAI_USER ?? 'admin',
    name: '张建国',
    role: 'admin',
    password: opts.adminPassword ?? process.env.GUANAI_PASSWORD ?? generatedPassword(),
  };
  const init = await initOffice(ctx, DEMO_OFFICE, admin, opts.kdfLogN ? { kdfLogN: opts.kdfLogN } : {});
  const store = requireStore(ctx);
  store.commit([{ entity: DEMO_ENTITY, id: DEMO_ID, set: { isDemo: true, createdAt: new Date(ctx.clock()).toISOString() } }], ctx.user);
  const accounts: DemoAccount[] = [admin];
  for (const p of DEMO_PEOPLE) {
    const person: DemoAccount = { ...p, password: generatedPassword() };
    setPersonWrap(ctx.dataDir, DEMO_OFFICE.code, person.login, person.password, ctx.keys!.dataKey);
    // Demo people start with their password in use: the sign-in page shows it, so nobody is asked to change it.
    audit(ctx, { action: 'user.add', target: `人员 ${person.login}`, detail: `${person.name}，${roleNames[person.role]}（演示）` }, [
      userChange(person.login, { login: person.login, name: person.name, role: person.role, disabled: false, mustChangePassword: false, createdAt: new Date(ctx.clock()).toISOString() }),
    ]);
    accounts.push(person);
  }
  fs.writeFileSync(demoAccountsFile(ctx.dataDir), JSON.stringify({ demo: true, accounts }, null, 2) + '\n', { mode: 0o600 });
  for (const part of demoParts) await part.seed(ctx);
  return { accounts, recoveryCode: init.recoveryCode };
}

/** The demo's people, for its sign-in page; nothing for a real office. */
export function readDemoAccounts(dataDir: string): DemoAccount[] | undefined {
  try {
    const raw = JSON.parse(fs.readFileSync(demoAccountsFile(dataDir), 'utf8')) as { demo?: boolean; accounts?: DemoAccount[] };
    return raw.demo === true && Array.isArray(raw.accounts) ? raw.accounts : undefined;
  } catch {
    return undefined;
  }
}
