// Whether tests that print with Chromium and read PDFs with poppler can run here. On a developer machine without
// them (see README) those tests are skipped with a message; CI sets GUANAI_E2E=required, where a missing tool fails.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { CHROMIUM_PATH } from './chromium';

let cached: boolean | undefined;

export function printToolsAvailable(): boolean {
  if (cached !== undefined) return cached;
  const poppler = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error === undefined;
  const ok = fs.existsSync(CHROMIUM_PATH) && poppler;
  if (!ok && process.env.GUANAI_E2E === 'required') {
    throw new Error(`打印测试需要 ${CHROMIUM_PATH} 和 poppler-utils（pdftotext、pdftoppm）`);
  }
  if (!ok) console.warn('跳过打印测试：未安装 Chromium 或 poppler-utils（见 README）。');
  cached = ok;
  return ok;
}
