// The fields each planned row will set, kept between the preview and the commit as UTF-8 JSON in a few large
// buffers outside the JavaScript heap: 50,000 rows of strings held in the heap are copied by every young-generation
// collection while the file is still being read, which cost the import more time than reading it.
import type { JsonValue } from '../../store/operation';

const CHUNK = 4 * 1024 * 1024;

export class SetArena {
  private readonly chunks: Buffer[] = [];
  private current = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  private chunkOf = new Int32Array(1024);
  private startOf = new Int32Array(1024);
  private endOf = new Int32Array(1024);
  private count = 0;

  /** Keeps `set`; returns its number. */
  add(set: Record<string, JsonValue>): number {
    const json = JSON.stringify(set);
    const max = Buffer.byteLength(json);
    if (this.used + max > this.current.length) {
      this.chunks.push(this.current.subarray(0, this.used));
      this.current = Buffer.allocUnsafe(Math.max(CHUNK, max));
      this.used = 0;
    }
    const written = this.current.write(json, this.used, 'utf8');
    const n = this.count++;
    if (n >= this.chunkOf.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.chunkOf = grow(this.chunkOf);
      this.startOf = grow(this.startOf);
      this.endOf = grow(this.endOf);
    }
    this.chunkOf[n] = this.chunks.length;
    this.startOf[n] = this.used;
    this.endOf[n] = this.used + written;
    this.used += written;
    return n;
  }

  get(n: number): Record<string, JsonValue> {
    if (n < 0 || n >= this.count) throw new RangeError('no such planned row');
    const c = this.chunkOf[n]!;
    const buf = c === this.chunks.length ? this.current : this.chunks[c]!;
    return JSON.parse(buf.toString('utf8', this.startOf[n], this.endOf[n])) as Record<string, JsonValue>;
  }

  get size(): number {
    return this.count;
  }
}
