// The one entry for calls from a renderer (Electron IPC or the preview's HTTP): checks the channel, validates the
// argument against the contract, runs the handler, and returns errors as data.
import type { z } from 'zod';
import type { AppContext } from '../app/context';
import { channels, isChannelName } from '../contract/channels';
import { AppError, toErrorData, type Result } from '../contract/errors';
import { handlers } from '../handlers';

export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (!(key in fields)) fields[key] = issue.message;
  }
  return fields;
}

export async function dispatch(ctx: AppContext, name: unknown, args: unknown): Promise<Result<unknown>> {
  if (!isChannelName(name)) {
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: '程序请求了不存在的功能。' } };
  }
  const def = channels[name];
  const parsed = def.args.safeParse(args ?? {});
  if (!parsed.success) {
    const fields = zodFieldErrors(parsed.error);
    const first = Object.values(fields)[0] ?? '填写的内容有误';
    return { ok: false, error: { code: 'INVALID_ARGS', message: `填写的内容有误：${first}`, fields } };
  }
  try {
    if (def.needsOffice && !ctx.store) {
      throw new AppError('NOT_INITIALISED', '尚未设置本单位信息，请先完成初始设置。');
    }
    const handler = handlers[name] as (a: unknown, c: AppContext) => Promise<unknown>;
    const value = await handler(parsed.data, ctx);
    return { ok: true, value };
  } catch (err) {
    if (!(err instanceof AppError)) {
      // Only the channel and the error's kind go to the log: messages and stacks may hold personal data.
      process.stderr.write(`[guanai] ${name}: 内部错误 ${(err as Error)?.name ?? typeof err}\n`);
    }
    return { ok: false, error: toErrorData(err) };
  }
}
