// Encrypting a legacy plaintext store: every operation copied, in order and unchanged, into a sealed journal beside
// the old store; the journal offsets and each record's history links (`prev`) recomputed for the sealed lines; the
// state re-folded from that journal and snapshotted sealed; the result verified; then swapped in by rename and the
// plaintext removed. A crash at any step leaves either the old store or the new one to open (see store-swap.ts).
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../contract/errors';
import { encryptIdentity } from '../identity/identity';
import { damagedLabel } from './damaged-copies';
import { fsyncDir } from './durable-file';
import { canonical, checkIntegrity } from './integrity';
import crypto from 'node:crypto';
import { encodeLine } from './operation';
import { eachLogEntry, LogWriter, storedLine } from './oplog';
import { storeSealing } from './seal-check';
import type { Sealer } from './sealed';
import { MANIFEST_LABEL, openSnapshotBuffer, sealSnapshotBuffer } from './snapshot-file';
import { emptyDoc, Store, storeFiles, type StoreDoc, type StoreNotice } from './store';
import { settleSwap, swapNames } from './store-swap';

/** The points a crash test stops at: each is reached after the step of that name is durable. */
export type EncryptStep = 'opened' | 'built' | 'verified' | 'aside' | 'swapped' | 'removed';

export interface EncryptResult {
  /** False when the store was sealed under this key already. */
  encrypted: boolean;
  operations: number;
  /** What opening the legacy store found and repaired before it was copied. */
  notices: StoreNotice[];
}

/** Lines per write while copying the journal: bounded memory, and few fsyncs. */
const CHUNK_LINES = 5000;

function rmDir(dir: string): void {
  if (fs.existsSync(dir)) fs.rmSync(dir, { recursive: true, force: true });
}

const damagedJournal = () => new AppError('STORE_DAMAGED', '操作日志有损坏，未加密。请先运行“guanai doctor”检查。');

/**
 * Copies the journal sealed, line by line in order, streaming (a million operations are never all in memory).
 * Returns how many operations it holds and a digest of them in order, to compare the copy against.
 */
function copyJournal(from: string, to: string, sealer: Sealer): { operations: number; digest: string } {
  const moved = new Map<number, number>(); // old offset → new offset, for the history links
  const digest = crypto.createHash('sha256');
  const writer = new LogWriter(to);
  let operations = 0;
  try {
    let lines: string[] = [];
    let at = writer.size;
    const flush = () => {
      if (lines.length) writer.appendLines(lines, at);
      lines = [];
    };
    const scan = eachLogEntry(from, 0, undefined, (e) => {
      const prev = e.prev < 0 ? e.prev : moved.get(e.prev);
      if (prev === undefined) throw new AppError('STORE_DAMAGED', '操作日志中的历史链接指向不存在的记录，未加密。');
      moved.set(e.offset, at);
      const line = storedLine(encodeLine(e.op, prev), at, sealer);
      lines.push(line);
      at += Buffer.byteLength(line);
      digest.update(canonical(e.op)).update('\n');
      operations++;
      if (lines.length >= CHUNK_LINES) flush();
    });
    if (scan.damageAt || scan.goodEnd < scan.size) throw damagedJournal();
    flush();
  } finally {
    writer.close();
  }
  return { operations, digest: digest.digest('hex') };
}

/** The digest copyJournal computes, of a journal read through its own format. */
function journalDigest(file: string, sealer: Sealer): { operations: number; digest: string } {
  const digest = crypto.createHash('sha256');
  let operations = 0;
  const scan = eachLogEntry(file, 0, sealer, (e) => {
    digest.update(canonical(e.op)).update('\n');
    operations++;
  });
  if (scan.damageAt || scan.goodEnd < scan.size) throw damagedJournal();
  return { operations, digest: digest.digest('hex') };
}

/**
 * Encrypts the legacy store in `dir` under `sealer`. Run it with the data folder locked (nothing else may commit).
 * Idempotent: a store sealed under this key already is left as it is (an interrupted swap is finished); a store
 * sealed under another key is refused. `onStep` is for crash tests.
 */
export async function encryptStore(
  dir: string,
  office: string,
  sealer: Sealer,
  onStep?: (step: EncryptStep) => void,
): Promise<EncryptResult> {
  const names = swapNames(dir);
  const files = storeFiles(dir);
  settleSwap(dir);
  if (!Store.exists(dir)) throw new AppError('NOT_INITIALISED', '数据文件夹尚未初始化。');
  const found = storeSealing(files);
  if (found?.sealed) {
    // Opening checks the key (KEY_WRONG otherwise) and that the sealed store is whole.
    const store = await Store.open(dir, { office, sealer });
    const operations = store.counts().operations;
    await store.close();
    rmDir(names.building);
    rmDir(names.verified);
    return { encrypted: false, operations, notices: [] };
  }

  // Open once as it is: repairs what opening repairs (a torn tail, a damaged snapshot), so what is copied is exactly
  // what the office would see. Damage anywhere in the journal stops the copy below (every line is read there).
  const legacy = await Store.open(dir, { office });
  const notices = [...legacy.notices];
  await legacy.close();
  const legacyDoc = openSnapshotBuffer<StoreDoc>(fs.readFileSync(files.snapshot), MANIFEST_LABEL);
  onStep?.('opened');

  // Build beside the old store. A leftover from an interrupted run is rebuilt from scratch: the old store may have
  // changed since.
  rmDir(names.building);
  rmDir(names.verified);
  const next = storeFiles(names.building);
  fs.mkdirSync(names.building, { recursive: true, mode: 0o700 });
  fs.closeSync(fs.openSync(next.journal, 'a', 0o600));
  let copied: ReturnType<typeof copyJournal>;
  try {
    copied = copyJournal(files.journal, next.journal, sealer);
  } catch (err) {
    rmDir(names.building);
    throw err;
  }
  const operations = copied.operations;
  // A manifest at journal offset 0: opening folds every operation, linking each record to its sealed lines, and
  // snapshots the result sealed. The clock carries on from where the old store's stood.
  const start: StoreDoc = { ...emptyDoc(office), hlc: legacyDoc.hlc };
  fs.writeFileSync(next.snapshot, sealSnapshotBuffer(start, MANIFEST_LABEL, sealer).bytes, { mode: 0o600 });
  const built = await Store.open(names.building, { office, sealer, snapshotEvery: Number.MAX_SAFE_INTEGER });
  await built.close();
  // The copies kept for inspection come along, sealed.
  if (fs.existsSync(files.damaged)) {
    fs.mkdirSync(next.damaged, { recursive: true, mode: 0o700 });
    for (const f of fs.readdirSync(files.damaged)) {
      const source = path.join(files.damaged, f);
      if (!fs.statSync(source).isFile()) continue;
      const target = path.join(next.damaged, f);
      fs.writeFileSync(target, sealer.sealFile(fs.readFileSync(source), damagedLabel(target)), { mode: 0o600 });
    }
    fsyncDir(next.damaged);
  }
  fsyncDir(names.building);
  onStep?.('built');

  // The sealed store whole (its snapshot equal to the fold of its journal), and its journal the same operations in
  // the same order as the old one.
  const after = checkIntegrity(names.building, sealer);
  const check = journalDigest(next.journal, sealer);
  if (!after.ok || after.operations !== operations || check.operations !== operations || check.digest !== copied.digest) {
    rmDir(names.building);
    throw new AppError('INTERNAL', '加密后的数据核对不一致，已放弃加密，原数据未改动。');
  }
  fs.renameSync(names.building, names.verified);
  fsyncDir(path.dirname(dir));
  onStep?.('verified');

  fs.renameSync(dir, names.aside);
  fsyncDir(path.dirname(dir));
  onStep?.('aside');
  fs.renameSync(names.verified, dir);
  fsyncDir(path.dirname(dir));
  onStep?.('swapped');
  rmDir(names.aside);
  fsyncDir(path.dirname(dir));
  onStep?.('removed');
  return { encrypted: true, operations, notices };
}

/**
 * The whole data folder: the office's private keys, then the store (each step idempotent, so after a crash the
 * same call finishes the job). Keys first: whoever resumes an interrupted run looks at the store (the slow part,
 * done last), and a sealed store is then never left beside plaintext keys. The public office.json stays as it is.
 */
export async function encryptDataFolder(dataDir: string, storeDir: string, office: string, sealer: Sealer): Promise<EncryptResult> {
  encryptIdentity(dataDir, sealer);
  return encryptStore(storeDir, office, sealer);
}
