// Replacing a whole store folder by another (encrypting a legacy store) without a moment at which neither is there
// to open. The new store is built and verified under `<dir>.sealing`, renamed to `<dir>.sealed` once verified, and
// then swapped in by two renames: `<dir>` → `<dir>.plain`, `<dir>.sealed` → `<dir>`. A crash between those two leaves
// no `<dir>`, so every open first finishes a swap that was under way; the old folder is removed only after.
import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir } from './durable-file';

export const swapNames = (dir: string) => ({
  building: `${dir}.sealing`,
  verified: `${dir}.sealed`,
  aside: `${dir}.plain`,
});

const holdsStore = (dir: string) =>
  fs.existsSync(path.join(dir, 'state.json')) || fs.existsSync(path.join(dir, 'journal.log'));

/** A verified replacement is waiting to be renamed into place (the crash landed between the two renames). */
export function swapPending(dir: string): boolean {
  return !fs.existsSync(dir) && holdsStore(swapNames(dir).verified);
}

/** Finishes a swap a crash interrupted: renames the verified store into place, then removes the old one. */
export function settleSwap(dir: string): void {
  const names = swapNames(dir);
  if (swapPending(dir)) {
    fs.renameSync(names.verified, dir);
    fsyncDir(path.dirname(dir));
  }
  // `<dir>.plain` exists only once the old store was set aside, so `<dir>` beside it is the new one.
  if (fs.existsSync(names.aside) && fs.existsSync(dir) && !fs.existsSync(names.verified)) {
    fs.rmSync(names.aside, { recursive: true, force: true });
    fsyncDir(path.dirname(dir));
  }
}
