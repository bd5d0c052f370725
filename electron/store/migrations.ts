// Ordered migrations of the snapshot document. Each is a pure function from version N-1 to N and has its own test.
// A file newer than the app is refused before anything is written.
import { AppError } from '../contract/errors';

export const SCHEMA_VERSION = 2;

export interface Migration {
  to: number;
  name: string;
  up: (doc: Record<string, unknown>) => Record<string, unknown>;
}

type V1Record = Record<string, unknown> & { _hlc?: string; _created?: string };

export const migrations: Migration[] = [
  {
    // Version 1 (the first prototype) kept each record as plain values with one `_hlc` for the whole record.
    // Version 2 keeps a stamp per value so edits from different offices merge field by field; every existing value
    // takes its record's stamp, which is what version 1 knew.
    to: 2,
    name: 'per-field stamps',
    up(doc) {
      const state = doc.state as { entities: Record<string, Record<string, V1Record>> };
      const entities: Record<string, Record<string, unknown>> = {};
      for (const [type, table] of Object.entries(state.entities)) {
        const out: Record<string, unknown> = {};
        for (const [id, rec] of Object.entries(table)) {
          const { _hlc, _created, ...values } = rec;
          const stamp = _hlc ?? '000000000000000-00000-000000';
          const next: Record<string, unknown> = { v: values, b: stamp };
          if (_created && _created !== stamp) next.c = _created;
          out[id] = next;
        }
        entities[type] = out;
      }
      return { ...doc, schemaVersion: 2, state: { entities } };
    },
  },
];

export function migrate(doc: Record<string, unknown>): { doc: Record<string, unknown>; applied: string[] } {
  const version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new AppError('STORE_DAMAGED', '数据文件缺少有效的版本号，无法打开。');
  }
  if (version > SCHEMA_VERSION) {
    throw new AppError(
      'SCHEMA_TOO_NEW',
      `数据文件由较新版本的“关爱”写入（数据版本 ${version}，本程序支持到 ${SCHEMA_VERSION}）。请升级程序后再打开；文件未作任何改动。`,
    );
  }
  const applied: string[] = [];
  let current = doc;
  for (const m of migrations) {
    if (m.to <= (current.schemaVersion as number)) continue;
    if (m.to !== (current.schemaVersion as number) + 1) throw new Error('migrations out of order');
    current = m.up(current);
    current.schemaVersion = m.to;
    applied.push(m.name);
  }
  return { doc: current, applied };
}
