// A full, read-only integrity check of a store folder (`guanai doctor`): every journal line intact, every origin's
// sequence gap-free, and the snapshot equal to the fold of the journal. Changes nothing on disk.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../contract/errors';
import { applyOperation } from './fold';
import type { Operation } from './operation';
import { scanLog } from './oplog';
import { assertSealing } from './seal-check';
import type { Sealer } from './sealed';
import { MANIFEST_LABEL, openSnapshotBuffer, SnapshotDamaged } from './snapshot-file';
import { emptyState, type State } from './state';
import { storeFiles, type StoreDoc } from './store';
import { readWholeTable } from './tables';
import { migrate } from './migrations';
import { lineReasonText } from './journal-check';
import { entityLabel } from '../contract/schemas/exchange';

export interface IntegrityReport {
  ok: boolean;
  problems: string[];
  operations: number;
  origins: Record<string, number>;
  /** The fold of the whole journal, for checks above the store (the audit chain, who may run the check). */
  folded?: State;
}

/** JSON with sorted keys, so two states built in different orders compare equal when their content is. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** `sealer`: the data key of a sealed store; undefined for a legacy plaintext one. */
export function checkIntegrity(dir: string, sealer?: Sealer): IntegrityReport {
  const files = storeFiles(dir);
  const problems: string[] = [];
  const origins: Record<string, number> = {};
  if (!fs.existsSync(files.journal)) {
    return { ok: false, problems: ['操作日志 journal.log 缺失'], operations: 0, origins };
  }
  try {
    assertSealing(files, sealer);
  } catch (err) {
    // A wrong or missing key would make every line look damaged: say what it is instead.
    if (err instanceof AppError) return { ok: false, problems: [err.message], operations: 0, origins };
    throw err;
  }
  const scan = scanLog(files.journal, 0, sealer);
  if (scan.damageAt) problems.push(`操作日志第 ${scan.damageAt.lineNo} 行已损坏（${lineReasonText(scan.damageAt.reason)}）`);
  else if (scan.goodEnd < scan.size) problems.push(`操作日志末尾有 ${scan.size - scan.goodEnd} 字节未完成的写入（下次打开时将舍弃）`);

  const full: State = emptyState();
  const ops: Operation[] = scan.entries.map((e) => e.op);
  for (const e of scan.entries) {
    const op = e.op;
    const held = origins[op.office] ?? 0;
    if (op.seq !== held + 1) problems.push(`单位 ${op.office} 的操作序号不连续：${held} 之后是 ${op.seq}`);
    origins[op.office] = Math.max(held, op.seq);
    applyOperation(full, op, e.offset);
  }

  let doc: StoreDoc | null = null;
  let state: State | null = null;
  try {
    const raw = openSnapshotBuffer<Record<string, unknown>>(fs.readFileSync(files.snapshot), MANIFEST_LABEL, sealer);
    doc = migrate(raw).doc as unknown as StoreDoc;
    state = doc.state ?? { entities: {} };
    for (const [entity, ref] of Object.entries(doc.tables ?? {})) {
      try {
        state.entities[entity] = readWholeTable(path.join(files.dir, 'tables'), entity, ref, sealer);
      } catch (err) {
        const why = err instanceof SnapshotDamaged ? (err.reason === 'checksum' ? '校验不符，内容被改动或损坏' : '不完整或无法识别') : '文件缺失';
        problems.push(`数据文件中“${entityLabel(entity)}”部分无法读取（${why}）；使用时将从操作日志重建`);
        state = null;
        break;
      }
    }
  } catch (err) {
    const why = err instanceof SnapshotDamaged ? (err.reason === 'missing' ? '文件缺失' : '内容损坏或被改动') : '无法读取';
    problems.push(`数据文件 state.json 无法读取（${why}）；打开时将从备份或操作日志恢复`);
  }
  if (doc && state) {
    if (doc.log.bytes > scan.size) problems.push('数据文件记录的日志长度超过实际操作日志：日志可能被截断');
    // The snapshot plus the journal after it must equal the fold of the whole journal.
    const replay = state;
    for (const e of scan.entries) if (e.offset >= doc.log.bytes) applyOperation(replay, e.op, e.offset);
    // With a damaged line the journal's fold lacks it (and what follows): that difference is the damage above, not a
    // second problem.
    if (!scan.damageAt && canonical(replay) !== canonical(full)) problems.push('数据文件的内容与操作日志推演的结果不一致');
  }
  return { ok: problems.length === 0, problems, operations: ops.length, origins, folded: full };
}
