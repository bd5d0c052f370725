// The folded state, one file per entity type, loaded when first needed. A city office's snapshot is ~100 MB, most
// of it visits; opening the app must not wait for tables the first screen never reads. Table files are named by
// their content hash and written before the manifest that names them, so a crash leaves either the old or the new
// set complete; files no manifest (current or backup) names are removed after the manifest is durable. In a sealed
// store each file is sealed under its entity and name (so one table cannot stand in for another) and its name is a
// keyed hash of its content (so the name confirms nothing about the content to someone without the key).
import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir } from './durable-file';
import type { Sealer } from './sealed';
import { encodeSnapshotBuffer, openSnapshotBuffer, SnapshotDamaged } from './snapshot-file';
import type { EntityRecord, State } from './state';

export interface TableRef {
  file: string;
  count: number;
  conflicts: number;
}

export type Table = Record<string, EntityRecord>;

/** What a table file is sealed under. */
export const tableLabel = (entity: string, file: string) => `table:${entity}:${file}`;

export class TableSet {
  readonly state: State = { entities: {} };
  private readonly dirty = new Set<string>();

  constructor(
    private readonly dir: string,
    private refs: Record<string, TableRef>,
    /** Called when a table file is missing or damaged: must return the table rebuilt from the journal. */
    private readonly rebuild: (entity: string, reason: SnapshotDamaged['reason']) => Table,
    /** Undefined: the legacy plaintext files. */
    private readonly sealer?: Sealer,
  ) {}

  static fromState(dir: string, state: State, rebuild: TableSet['rebuild'], sealer?: Sealer): TableSet {
    const set = new TableSet(dir, {}, rebuild, sealer);
    for (const [entity, table] of Object.entries(state.entities)) {
      set.state.entities[entity] = table;
      set.dirty.add(entity);
    }
    return set;
  }

  get folder(): string {
    return path.join(this.dir, 'tables');
  }

  isLoaded(entity: string): boolean {
    return entity in this.state.entities;
  }

  /** The table, loaded from its file (or rebuilt) on first use; an empty new table for an unknown type. */
  ensure(entity: string): Table {
    const loaded = this.state.entities[entity];
    if (loaded) return loaded;
    const ref = this.refs[entity];
    let table: Table = {};
    if (ref) {
      try {
        const stored = fs.readFileSync(path.join(this.folder, ref.file));
        table = openSnapshotBuffer<Table>(stored, tableLabel(entity, ref.file), this.sealer);
      } catch (err) {
        const reason = err instanceof SnapshotDamaged ? err.reason : 'missing';
        table = this.rebuild(entity, reason);
        this.dirty.add(entity);
      }
    }
    this.state.entities[entity] = table;
    return table;
  }

  /** Loads every table (integrity checks, migrations, conflict lists). */
  ensureAll(): State {
    for (const entity of Object.keys(this.refs)) this.ensure(entity);
    return this.state;
  }

  /** Loads the tables whose files are small, so damage to them is found at open. */
  ensureSmall(maxBytes: number): void {
    for (const [entity, ref] of Object.entries(this.refs)) {
      let size = Infinity;
      try {
        size = fs.statSync(path.join(this.folder, ref.file)).size;
      } catch {
        size = 0; // missing: loading it now reports and rebuilds it
      }
      if (size <= maxBytes) this.ensure(entity);
    }
  }

  hasDirty(): boolean {
    return this.dirty.size > 0;
  }

  markDirty(entity: string): void {
    this.dirty.add(entity);
  }

  names(): string[] {
    return [...new Set([...Object.keys(this.refs), ...Object.keys(this.state.entities)])];
  }

  count(entity: string): number {
    const t = this.state.entities[entity];
    return t ? Object.keys(t).length : (this.refs[entity]?.count ?? 0);
  }

  conflictCount(): number {
    let n = 0;
    for (const entity of this.names()) {
      const t = this.state.entities[entity];
      if (!t) n += this.refs[entity]?.conflicts ?? 0;
      else for (const r of Object.values(t)) if (r.x?.length) n++;
    }
    return n;
  }

  /**
   * Serialises the changed tables now (synchronously, so they match the journal position the caller records at the
   * same moment) and returns a function that writes them durably and yields the new references.
   */
  prepareWrite(): () => Promise<Record<string, TableRef>> {
    const pending: { entity: string; file: string; bytes: Buffer; ref: TableRef }[] = [];
    const refs = { ...this.refs };
    for (const entity of this.dirty) {
      const table = this.state.entities[entity];
      if (!table) continue;
      // The name is known before sealing: the seal binds the file to it.
      const plain = encodeSnapshotBuffer(table);
      const hash = (this.sealer ? this.sealer.nameFor(plain.sha256) : plain.sha256).slice(0, 16);
      const safe = entity.replace(/[^a-zA-Z0-9_-]/g, '_');
      const file = `${safe}-${hash}.json`;
      const bytes = this.sealer ? this.sealer.sealFile(plain.bytes, tableLabel(entity, file)) : plain.bytes;
      let conflicts = 0;
      for (const r of Object.values(table)) if (r.x?.length) conflicts++;
      const ref = { file, count: Object.keys(table).length, conflicts };
      refs[entity] = ref;
      pending.push({ entity, file, bytes, ref });
    }
    this.dirty.clear();
    return async () => {
      await fs.promises.mkdir(this.folder, { recursive: true });
      for (const p of pending) {
        const target = path.join(this.folder, p.file);
        if (fs.existsSync(target)) continue; // same content, same name
        const tmp = `${target}.${process.pid}.tmp`;
        const handle = await fs.promises.open(tmp, 'w', 0o600);
        try {
          await handle.writeFile(p.bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await fs.promises.rename(tmp, target);
      }
      if (pending.length) fsyncDir(this.folder);
      return refs;
    };
  }

  /** After the manifest naming `refs` is durable: adopt them and remove files neither it nor the backup names. */
  adopt(refs: Record<string, TableRef>, backupRefs: Record<string, TableRef>): void {
    this.refs = refs;
    const keep = new Set([...Object.values(refs), ...Object.values(backupRefs)].map((r) => r.file));
    if (!fs.existsSync(this.folder)) return;
    for (const f of fs.readdirSync(this.folder)) {
      if (!keep.has(f)) fs.rmSync(path.join(this.folder, f), { force: true });
    }
  }

  currentRefs(): Record<string, TableRef> {
    return { ...this.refs };
  }
}
