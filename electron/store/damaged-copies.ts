// Copies of damaged or replaced files (and of an unfinished write) kept in store/damaged/ for inspection: recovery
// never deletes what it could not read. In a sealed store each copy is sealed again, whatever it held.
import fs from 'node:fs';
import path from 'node:path';
import type { Sealer } from './sealed';

/** What a copy is sealed under: its own file name, so copies cannot be swapped for one another unnoticed. */
export const damagedLabel = (file: string) => `damaged:${path.basename(file)}`;

/** A kept copy's original bytes (for doctor or support), opened when the store is sealed. Throws SealError. */
export function readDamagedCopy(file: string, sealer?: Sealer): Buffer {
  const stored = fs.readFileSync(file);
  return sealer ? sealer.openFile(stored, damagedLabel(file)) : stored;
}

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

/** Keeps a copy of a damaged or replaced file (or of some bytes) for inspection; sealed again in a sealed store. */
export function preserve(folder: string, source: string | Buffer, label: string, sealer?: Sealer): string {
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const target = path.join(folder, `${stamp()}-${label}`);
  // Whatever was found there (even bytes that are no seal at all) is never kept in the clear beside sealed data.
  if (sealer) {
    const bytes = typeof source === 'string' ? fs.readFileSync(source) : source;
    fs.writeFileSync(target, sealer.sealFile(bytes, damagedLabel(target)), { mode: 0o600 });
  } else if (typeof source === 'string') fs.copyFileSync(source, target);
  else fs.writeFileSync(target, source, { mode: 0o600 });
  return target;
}
