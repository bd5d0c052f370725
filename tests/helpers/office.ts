// A real office for tests: the first administrator with a known password, and a cheap scrypt (2^10) because the
// suites create hundreds of offices. The product's default cost is in electron/accounts/keyring.ts.
import { openContext, type AppContext, type OpenOptions } from '../../electron/app/context';
import { signIn } from '../../electron/accounts/sign-in';
import { initOffice } from '../../electron/accounts/init-office';
import type { AdminInit, InitResult } from '../../electron/contract/schemas/accounts';
import type { OfficeInit } from '../../electron/identity/identity';

export const TEST_ADMIN: AdminInit = { login: 'admin', name: '王管理', password: 'Guanai2026test' };
export const TEST_KDF_LOG_N = 10;

export function initTestOffice(ctx: AppContext, init: OfficeInit, admin: AdminInit = TEST_ADMIN): Promise<InitResult> {
  return initOffice(ctx, init, admin, { kdfLogN: TEST_KDF_LOG_N });
}

/** Opens a folder a test office lives in and signs its administrator in, as the app does after the sign-in page. */
export async function openSignedIn(opts: OpenOptions, admin: AdminInit = TEST_ADMIN): Promise<AppContext> {
  const ctx = await openContext(opts);
  try {
    await signIn(ctx, ctx.seat, admin.login, admin.password);
  } catch (err) {
    await ctx.close();
    throw err;
  }
  return ctx;
}
