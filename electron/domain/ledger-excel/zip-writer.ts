// A minimal zip writer for the export's workbook: each part deflated by Node's zlib, sizes and CRC-32 known before
// its local header is written (no data descriptors, which some zip readers mishandle), no zip64 (an export of
// 50,000 children is about 20 MB).
import zlib from 'node:zlib';

interface Written {
  name: Buffer;
  crc: number;
  size: number;
  compressed: number;
  offset: number;
}

// 1980-01-01 00:00, the DOS epoch: the file's content, not the moment of export, decides its bytes.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

export class ZipWriter {
  private readonly chunks: Buffer[] = [];
  private readonly written: Written[] = [];
  private offset = 0;

  /** A part from its pieces (strings are UTF-8), deflated as they come so the XML text never sits whole. */
  async add(name: string, pieces: Iterable<string | Buffer>): Promise<void> {
    const deflate = zlib.createDeflateRaw({ level: 6 });
    const out: Buffer[] = [];
    deflate.on('data', (c: Buffer) => out.push(c));
    const done = new Promise<void>((resolve, reject) => {
      deflate.once('end', resolve);
      deflate.once('error', reject);
    });
    let crc = 0;
    let size = 0;
    for (const p of pieces) {
      const bytes = typeof p === 'string' ? Buffer.from(p, 'utf8') : p;
      crc = zlib.crc32(bytes, crc);
      size += bytes.length;
      if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once('drain', resolve));
    }
    deflate.end();
    await done;
    const data = Buffer.concat(out);
    const nameBytes = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    header.writeUInt16LE(0x0800, 6); // names are UTF-8
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(DOS_TIME, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    header.writeUInt32LE(crc >>> 0, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    this.written.push({ name: nameBytes, crc: crc >>> 0, size, compressed: data.length, offset: this.offset });
    this.chunks.push(header, nameBytes, data);
    this.offset += header.length + nameBytes.length + data.length;
  }

  finish(): Buffer {
    const start = this.offset;
    for (const w of this.written) {
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(20, 4);
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(0x0800, 8);
      c.writeUInt16LE(8, 10);
      c.writeUInt16LE(DOS_TIME, 12);
      c.writeUInt16LE(DOS_DATE, 14);
      c.writeUInt32LE(w.crc, 16);
      c.writeUInt32LE(w.compressed, 20);
      c.writeUInt32LE(w.size, 24);
      c.writeUInt16LE(w.name.length, 28);
      c.writeUInt32LE(w.offset, 42);
      this.chunks.push(c, w.name);
      this.offset += c.length + w.name.length;
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.written.length, 8);
    end.writeUInt16LE(this.written.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.chunks.push(end);
    return Buffer.concat(this.chunks);
  }
}
