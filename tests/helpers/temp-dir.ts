import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh folder on the real filesystem; removed by `cleanupTempDirs` (call it in afterAll/afterEach). */
const made: string[] = [];
export function tempDir(label = 'guanai'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${label}-`));
  made.push(dir);
  return dir;
}
export function cleanupTempDirs(): void {
  while (made.length) fs.rmSync(made.pop()!, { recursive: true, force: true });
}

/** A clock that only moves when told to. */
export function fixedClock(start = Date.UTC(2026, 10, 28, 2, 0, 0)): (() => number) & { advance(ms: number): void } {
  let now = start;
  const clock = () => now;
  clock.advance = (ms: number) => {
    now += ms;
  };
  return clock;
}
