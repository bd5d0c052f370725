// Entry of the `guanai` command-line tool. Runs in plain Node (no Electron), on the same store and handlers.
import { runCli } from './run';

runCli(process.argv.slice(2), {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`错误：${(err as Error)?.message ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
