// What a CLI command is, and the helpers every command shares (the data folder, the context, output).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isLegacyFolder, openContext, type AppContext } from '../app/context';
import { secureLegacyFolder } from '../accounts/secure-legacy';
import { signIn } from '../accounts/sign-in';
import { cliFiles } from '../files/file-access';
import { AppError } from '../contract/errors';
import type { Clock } from '../store/hlc';
import type { ChannelName } from '../contract/channels';
import { admit } from '../dispatch/dispatch';
import { actingLogin, defaultPasswordSource, secret, type PasswordSource } from './person';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  clock?: Clock;
  /** `--user`, set by runCli from the command line. */
  user?: string;
  /** Where passwords come from (the environment, else a prompt); tests give their own. */
  passwords?: PasswordSource;
  /** Tests only: a cheaper scrypt for new keyrings. */
  kdfLogN?: number;
}

export type Options = NonNullable<ParseArgsConfig['options']>;
export interface Parsed {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

export interface Command {
  /** One or two words: `init`, `units list`. */
  name: string;
  usage: string;
  summary: string;
  options: Options;
  run(args: Parsed, io: CliIo): Promise<number>;
}

export const dataOption: Options = { data: { type: 'string' } };
export const jsonOption: Options = { json: { type: 'boolean' } };

export function parse(cmd: Command, argv: string[]): Parsed {
  try {
    // Every command acts as a person: --user is accepted everywhere.
    const options = { user: { type: 'string' as const }, ...cmd.options };
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as Parsed['values'], positionals };
  } catch (err) {
    const msg = (err as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    if (unknown) throw new AppError('INVALID_ARGS', `不认识的选项 ${unknown[1]}。用法：guanai ${cmd.usage}`);
    throw new AppError('INVALID_ARGS', `参数有误。用法：guanai ${cmd.usage}`);
  }
}

export function requireData(args: Parsed, cmd: Command): string {
  const data = args.values.data;
  if (typeof data !== 'string' || data.trim() === '') {
    throw new AppError('INVALID_ARGS', `请用 --data 指定数据文件夹。用法：guanai ${cmd.usage}`);
  }
  return data;
}

export const passwordsOf = (io: CliIo): PasswordSource => io.passwords ?? defaultPasswordSource();

/**
 * Opens the data folder for the length of one command, always releasing the lock afterwards, and signs the acting
 * person in (unless `signIn: false`, for init and demo). A folder from before accounts is secured first, with the
 * acting person as its first administrator; the recovery code goes to stderr so --json output stays clean.
 */
export async function withContext<T>(
  dataDir: string,
  io: CliIo,
  fn: (ctx: AppContext) => Promise<T>,
  /** `as`: the channel whose access the command needs when it reads the store directly (not through dispatch). */
  opts: { signIn?: boolean; as?: ChannelName } = {},
): Promise<T> {
  const ctx = await openContext({
    dataDir,
    owner: 'cli',
    // Paths typed on the command line are the person's own choice.
    files: cliFiles,
    ...(io.clock ? { clock: io.clock } : {}),
    ...(io.kdfLogN ? { kdfLogN: io.kdfLogN } : {}),
  });
  try {
    if (opts.signIn !== false && ctx.office) {
      const passwords = passwordsOf(io);
      const login = actingLogin(io.user, passwords.env);
      const password = await secret(passwords, 'GUANAI_PASSWORD', `${login} 的密码：`);
      if (isLegacyFolder(ctx)) {
        const { recoveryCode } = await secureLegacyFolder(ctx, { login, name: login, password });
        io.err(
          `这是旧版本的数据文件夹，已为其设置系统管理员“${login}”并加密数据。\n` +
            `恢复码（只显示这一次，请打印后存放在单位保险柜）：${recoveryCode}\n`,
        );
      } else {
        await signIn(ctx, ctx.seat, login, password);
      }
      if (opts.as) admit(ctx, ctx.seat, opts.as);
    }
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

export const printJson = (io: CliIo, value: unknown) => io.out(JSON.stringify(value, null, 2) + '\n');

/** A dispatcher result as a value, or its Chinese error thrown (the CLI prints it and exits non-zero). */
export async function callValue<T>(
  result: Promise<{ ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }>,
): Promise<T> {
  const r = await result;
  if (!r.ok) throw new AppError(r.error.code, r.error.message);
  return r.value as T;
}
