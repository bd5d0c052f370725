// Entry of the browser preview (`npm run preview -- --data DIR --port N [--demo] [--exchange DIR]`). Runs in plain Node: the same
// handlers and store as the desktop app, served to a browser on 127.0.0.1 only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openContext, type AppContext } from '../app/context';
import { defaultDataDir } from '../app/default-data-dir';
import { AppError } from '../contract/errors';
import type { EventName, Events } from '../contract/channels';
import { seedDemo } from '../demo/seed';
import { folderFiles } from '../files/folder-files';
import { startPreviewServer, type PreviewServer } from './server';
import { backupOnQuit, startHousekeeping } from '../app/housekeeping';

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      demo: { type: 'boolean' },
      renderer: { type: 'string' },
      /** The only folder calls may read and write files in by path (default DATA/exchange). */
      exchange: { type: 'string' },
    },
    strict: true,
  });
  let dataDir = values.data ? path.resolve(values.data) : defaultDataDir();
  if (values.demo && !values.data) dataDir = path.join(os.tmpdir(), `guanai-demo-${process.pid}`);
  const port = values.port ? Number(values.port) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AppError('INVALID_ARGS', '端口号应为 0–65535 的整数。');
  const rendererDir = values.renderer ?? path.join(__dirname, '..', 'renderer');

  let server: PreviewServer | null = null;
  const emit = <E extends EventName>(event: E, payload: Events[E]) => server?.broadcast(event, payload);
  const files = folderFiles(values.exchange ? path.resolve(values.exchange) : path.join(dataDir, 'exchange'));
  const ctx: AppContext = await openContext({ dataDir, owner: 'preview', emit, files, onStoreOpen: startHousekeeping });
  if (values.demo) {
    if (!ctx.office) {
      const { accounts } = await seedDemo(ctx);
      // Browsers sign in on their own seats; the seat that created the demo is not one of them.
      ctx.seat.person = null;
      process.stdout.write(
        '演示账号（仅供试用，也显示在登录页上）：\n' + accounts.map((a) => `  ${a.login}  ${a.password}  ${a.name}\n`).join(''),
      );
    } else process.stdout.write('该数据文件夹已有数据，未再生成演示数据。\n');
  }
  server = await startPreviewServer({ ctx, rendererDir, port });
  process.stdout.write(`关爱 浏览器预览已启动：${server.url}\n数据文件夹：${dataDir}\n交换文件夹：${files.folder}\n按 Ctrl+C 停止。\n`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server?.close();
    await backupOnQuit(ctx);
    await ctx.close();
    if (values.demo && !values.data) fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  const message = err instanceof AppError ? err.message : (err as Error)?.message ?? String(err);
  process.stderr.write(`无法启动浏览器预览：${message}\n`);
  process.exit(1);
});
