// The CLI acts as a person: `--user LOGIN` or GUANAI_USER, the password from GUANAI_PASSWORD or a prompt that
// does not echo. New passwords (user add, passwd, reset-password, init) come from GUANAI_NEW_PASSWORD / a prompt.
import readline from 'node:readline';
import { AppError } from '../contract/errors';

export interface PasswordSource {
  env: NodeJS.ProcessEnv;
  /** Asks on the terminal; undefined where there is none (scripts must use the environment). */
  prompt?: (question: string) => Promise<string>;
}

export function terminalPrompt(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!process.stdin.isTTY) {
      reject(new AppError('INVALID_ARGS', '没有终端可供输入密码：请用环境变量 GUANAI_PASSWORD 提供。'));
      return;
    }
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    // Mute the echo: write the question once, then nothing of what is typed.
    const out = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stderr.write(question);
    out._writeToOutput = () => undefined;
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

export const defaultPasswordSource = (): PasswordSource => ({ env: process.env, prompt: process.stdin.isTTY ? terminalPrompt : undefined });

export async function secret(src: PasswordSource, envName: string, question: string): Promise<string> {
  const fromEnv = src.env[envName];
  if (typeof fromEnv === 'string' && fromEnv.length > 0) return fromEnv;
  if (!src.prompt) throw new AppError('INVALID_ARGS', `请用环境变量 ${envName} 提供密码，或在终端中运行以便输入。`);
  return src.prompt(question);
}

export function actingLogin(user: string | undefined, env: NodeJS.ProcessEnv): string {
  const login = user ?? env.GUANAI_USER;
  if (!login) throw new AppError('INVALID_ARGS', '请用 --user 指定用户名（或设置环境变量 GUANAI_USER）。');
  return login;
}
