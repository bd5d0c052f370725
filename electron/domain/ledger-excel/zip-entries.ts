// The parts of a zip container (xlsx, ods) read by their central directory with yauzl, so the parts a worksheet
// needs (shared strings, styles) are read first, whatever order the program that saved the file put them in.
// Inflating is Node's own zlib; nothing is held beyond the part being read.
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

export interface ZipParts {
  /** Part names as stored, without a leading slash. */
  names(): string[];
  has(name: string): boolean;
  /** The part's bytes as a stream; undefined when the zip has no such part. Names compare case-insensitively (OPC). */
  open(name: string): Promise<Readable | undefined>;
  /** The part's size once inflated (0 when unknown), for progress. */
  size(name: string): number;
  /** The whole part (small parts only: relationships, workbook, styles). */
  read(name: string): Promise<Buffer | undefined>;
  close(): void;
}

function openZip(source: { path: string } | { buffer: Buffer }): Promise<yauzl.ZipFile> {
  const options: yauzl.Options = { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true };
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, zip?: yauzl.ZipFile) => (err || !zip ? reject(err ?? new Error('zip')) : resolve(zip));
    if ('path' in source) yauzl.open(source.path, options, done);
    else yauzl.fromBuffer(source.buffer, options, done);
  });
}

function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

export async function zipParts(source: { path: string } | { buffer: Buffer }): Promise<ZipParts> {
  const zip = await openZip(source);
  let entries: yauzl.Entry[];
  try {
    entries = await listEntries(zip);
  } catch (err) {
    zip.close();
    throw err;
  }
  const byName = new Map<string, yauzl.Entry>();
  for (const e of entries) byName.set(e.fileName.replace(/^\/+/, '').toLowerCase(), e);
  const find = (name: string) => byName.get(name.replace(/^\/+/, '').toLowerCase());
  const open = (name: string) =>
    new Promise<Readable | undefined>((resolve, reject) => {
      const entry = find(name);
      if (!entry) return resolve(undefined);
      zip.openReadStream(entry, (err, stream) => (err ? reject(err) : resolve(stream)));
    });
  return {
    names: () => entries.map((e) => e.fileName.replace(/^\/+/, '')),
    has: (name) => find(name) !== undefined,
    size: (name) => find(name)?.uncompressedSize ?? 0,
    open,
    async read(name) {
      const stream = await open(name);
      if (!stream) return undefined;
      const chunks: Buffer[] = [];
      for await (const c of stream) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    },
    close: () => zip.close(),
  };
}
