// The CLI, as a function of its arguments, so tests run it in-process on real folders.
import { AppError, toErrorData } from '../contract/errors';
import { parse, type CliIo } from './command';
import { commands } from './commands';

function help(): string {
  const width = Math.max(...commands.map((c) => c.usage.length));
  return [
    '关爱 — 农村留守儿童关爱保护工作（命令行工具，供信息技术人员和自动化脚本使用）',
    '',
    '用法：',
    ...commands.map((c) => `  guanai ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    '加 --json 输出机器可读的结果。',
    '',
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    io.out(help());
    return 0;
  }
  const two = commands.find((c) => c.name === `${argv[0]} ${argv[1]}`);
  const one = commands.find((c) => c.name === argv[0]);
  const cmd = two ?? one;
  if (!cmd) {
    io.err(`不认识的命令：${argv.slice(0, 2).join(' ')}\n\n${help()}`);
    return 2;
  }
  const rest = argv.slice(cmd.name.split(' ').length);
  try {
    const parsed = parse(cmd, rest);
    const user = parsed.values.user;
    return await cmd.run(parsed, typeof user === 'string' ? { ...io, user } : io);
  } catch (err) {
    const data = toErrorData(err);
    if (!(err instanceof AppError)) io.err(`[${(err as Error)?.name ?? 'Error'}] `);
    io.err(`错误：${data.message}\n`);
    return data.code === 'INVALID_ARGS' ? 2 : 1;
  }
}
