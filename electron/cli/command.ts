// What a CLI command is, and the helpers every command shares (the data folder, the context, output).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { openContext, type AppContext } from '../app/context';
import { AppError } from '../contract/errors';
import type { Clock } from '../store/hlc';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  clock?: Clock;
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
    const { values, positionals } = parseArgs({ args: argv, options: cmd.options, allowPositionals: true, strict: true });
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

/** Opens the data folder for the length of one command, always releasing the lock afterwards. */
export async function withContext<T>(dataDir: string, io: CliIo, fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await openContext({ dataDir, owner: 'cli', ...(io.clock ? { clock: io.clock } : {}) });
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

export const printJson = (io: CliIo, value: unknown) => io.out(JSON.stringify(value, null, 2) + '\n');
