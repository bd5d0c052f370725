// Excel import and export of the ledger (issue 3, items 7 and 8). The file reaches the main process as a path
// (desktop) or as base64 bytes (browser preview upload); results go back as base64 for the renderer to save.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { requireStore, type AppContext } from '../app/context';
import { AppError } from '../contract/errors';
import { childFieldLabels, createIncompleteChildSchema, type ChildFieldPath } from '../contract/schemas/child';
import {
  IMPORT_MAX_BYTES,
  IMPORT_TOO_LARGE_MESSAGE,
  type ColumnMapping,
  type ExportArgs,
  type ImportDefaults,
  type ImportPreview,
  type ImportResult,
  type ImportSource,
} from '../contract/schemas/ledger-excel';
import { analyseImport, type ImportAnalysis } from '../domain/ledger-excel/analyse';
import { ledgerXlsx } from '../domain/ledger-excel/export';
import { defaultsMemory } from '../domain/ledger-excel/import-defaults';
import { errorText, existingByIdNumber, existingWithoutIdNumber, type HeldChildren } from '../domain/ledger-excel/plan';
import { rejectedRowsXlsx } from '../domain/ledger-excel/rejected-xlsx';
import type { SheetSource } from '../domain/ledger-excel/read-sheet';
import { getSession, putSession, type ImportSession } from '../domain/ledger-excel/sessions';
import { importTargets } from '../domain/ledger-excel/targets';
import { CHILD_ENTITY } from '../domain/ledger/child-fields';
import { isoDateOf } from '../domain/ledger/dates';
import type { Change } from '../store/store';
import type { JsonValue } from '../store/operation';
import { recordAudit } from './ledger';
import { resolveFile } from '../files/resolve-file';
import { ledgerIndex } from './ledger-index';
import type { HandlerMap } from './types';

/** Where an office's confirmed column mapping is kept: one field per header, so choices merge header by header. */
export const MAPPING_ENTITY = 'setting';
export const mappingId = (officeCode: string) => `ledger-import-mapping-${officeCode}`;

/** Changes per store commit. One batch keeps a file all-or-nothing; 50,000 rows fit (see the bench). */
export const IMPORT_BATCH = 50_000;

const PREVIEW_ROWS = 50;
const MAX_PROBLEMS = 2_000;
const MAX_CHANGES = 500;

const today = (ctx: AppContext) => isoDateOf(new Date(ctx.clock()));

function toSheetSource(ctx: AppContext, source: ImportSource): { source: SheetSource; fileName: string } {
  if ('path' in source || 'handle' in source) {
    // Through the shell's file access: a dialog's handle (desktop) or a path the CLI was given.
    const file = resolveFile(ctx, source, 'read', 'ledgerImport.preview');
    let size: number;
    try {
      size = fs.statSync(file).size;
    } catch {
      throw new AppError('NOT_FOUND', '找不到要导入的文件，请确认文件位置后重试。');
    }
    if (size > IMPORT_MAX_BYTES) throw new AppError('INVALID_ARGS', IMPORT_TOO_LARGE_MESSAGE);
    return { source: { path: file }, fileName: path.basename(file) };
  }
  const buffer = Buffer.from(source.contentBase64, 'base64');
  if (buffer.length > IMPORT_MAX_BYTES) throw new AppError('INVALID_ARGS', IMPORT_TOO_LARGE_MESSAGE);
  if (buffer.length === 0) throw new AppError('INVALID_ARGS', '文件是空的，无法导入。');
  return { source: { buffer }, fileName: path.basename(source.fileName) };
}

function remembered(ctx: AppContext): Readonly<Record<string, JsonValue>> {
  const rec = requireStore(ctx).get(MAPPING_ENTITY, mappingId(ctx.office!.code));
  // Keyed by the file's own headers: a null prototype, so a header «constructor» or «__proto__» is just a key.
  const out = Object.create(null) as Record<string, JsonValue>;
  for (const [k, v] of Object.entries(rec?.v ?? {})) out[k] = v;
  return out;
}

interface Choices {
  mapping: ColumnMapping | undefined;
  defaults: ImportDefaults | undefined;
}

async function analyse(ctx: AppContext, source: SheetSource, choices: Choices): Promise<ImportAnalysis> {
  const store = requireStore(ctx);
  const t = today(ctx);
  const codeLists = ledgerIndex(store).codeLists();
  // Read one child at a time; a held child's values are looked up when a row is that child (issue 13).
  const children: HeldChildren = {
    each: (visit) => store.each(CHILD_ENTITY, (id, rec) => visit(id, rec.v)),
    valuesOf: (id) => store.get(CHILD_ENTITY, id)?.v ?? {},
  };
  return analyseImport(source, {
    plan: {
      codeLists,
      today: t,
      // Rows are imported with what they have: what they lack makes the record 待完善, not a refused row.
      schema: createIncompleteChildSchema({ today: () => t, codeLists }),
      existing: existingByIdNumber(children),
      existingWithoutId: existingWithoutIdNumber(children),
      newId: randomUUID,
      office: ctx.office?.code ?? '',
    },
    remembered: remembered(ctx),
    overrides: choices.mapping,
    defaults: choices.defaults,
    onProgress: (p) => ctx.emit('ledgerImport.progress', p),
  });
}

const labels = (paths: readonly string[]) => paths.map((p) => childFieldLabels[p as ChildFieldPath] ?? p);

function sessionOf(ctx: AppContext, importId: string): ImportSession {
  const s = getSession(requireStore(ctx), importId);
  if (!s) throw new AppError('NOT_FOUND', '导入预览已失效（程序重启或打开了其他文件），请重新选择文件。');
  return s;
}

const problems = (a: ImportAnalysis) =>
  a.rows.filter((r) => r.outcome === 'rejected').map((r) => ({ row: r.row, message: errorText(r.errors) }));

export async function previewImport(
  ctx: AppContext,
  args: { source: ImportSource; mapping?: ColumnMapping | undefined; defaults?: ImportDefaults | undefined; sample?: number | undefined },
): Promise<ImportPreview> {
  const store = requireStore(ctx);
  const { source, fileName } = toSheetSource(ctx, args.source);
  const analysis = await analyse(ctx, source, { mapping: args.mapping, defaults: args.defaults });
  // The session keeps the defaults in force (remembered ones included), so the commit judges the rows the same way.
  const session = putSession(store, { id: randomUUID(), fileName, source, overrides: args.mapping, defaults: analysis.defaults, analysis });
  return {
    importId: session.id,
    fileName,
    sheetName: analysis.sheetName,
    headerRows: analysis.headerRows,
    dataStartRow: analysis.dataStartRow,
    columns: analysis.columns,
    targets: importTargets.map((t) => ({ key: t.key, label: t.label })),
    missingRequired: analysis.missingRequired,
    absent: analysis.absent,
    counts: analysis.counts,
    rows: analysis.rows.slice(0, args.sample ?? PREVIEW_ROWS).map(({ row, outcome, name, errors, changes, missing }) => ({
      row,
      outcome,
      name,
      errors,
      changes,
      missing: outcome === 'rejected' ? [] : labels(missing),
    })),
    problems: problems(analysis).slice(0, MAX_PROBLEMS),
  };
}

export async function commitImport(
  ctx: AppContext,
  args: { importId: string; mapping?: ColumnMapping | undefined; defaults?: ImportDefaults | undefined },
): Promise<ImportResult> {
  const store = requireStore(ctx);
  const session = sessionOf(ctx, args.importId);
  const mapping = args.mapping ?? session.overrides;
  const defaults = (args.defaults ?? session.defaults) as ImportDefaults;
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});
  if (session.stale || !same(mapping, session.overrides) || !same(defaults, session.defaults)) {
    session.analysis = await analyse(ctx, session.source, { mapping, defaults });
    session.overrides = mapping;
    session.defaults = session.analysis.defaults;
    session.stale = false;
  }
  const a = session.analysis;
  const changes: Change[] = [];
  for (const r of a.rows) {
    if ((r.outcome === 'new' || r.outcome === 'update') && r.setIndex !== undefined && r.recordId) {
      changes.push({ entity: CHILD_ENTITY, id: r.recordId, set: a.sets.get(r.setIndex) });
    }
  }
  // The confirmed mapping is remembered in the same batch, so it is kept exactly when the rows are.
  const memory = Object.create(null) as Record<string, JsonValue>; // keyed by headers, see remembered()
  a.columns.forEach((c, i) => {
    const key = a.memoryKeys[i];
    if (key) memory[key] = c.target;
  });
  Object.assign(memory, defaultsMemory(a.covered, a.defaults));
  const mappingChange: Change = { entity: MAPPING_ENTITY, id: mappingId(ctx.office!.code), set: memory };

  ctx.emit('ledgerImport.progress', { phase: 'saving', rows: 0, fraction: 0 });
  for (let i = 0; i < Math.max(1, changes.length); i += IMPORT_BATCH) {
    const batch = changes.slice(i, i + IMPORT_BATCH);
    store.commit(i === 0 ? [...batch, mappingChange] : batch, ctx.user);
    ctx.emit('ledgerImport.progress', {
      phase: 'saving',
      rows: Math.min(changes.length, i + IMPORT_BATCH),
      fraction: changes.length ? Math.min(1, (i + IMPORT_BATCH) / changes.length) : 1,
    });
  }
  session.stale = true;

  const errors = problems(a);
  return {
    imported: a.counts.new,
    incomplete: a.counts.incomplete,
    updated: a.counts.update,
    skipped: a.counts.unchanged + a.counts.rejected,
    errors,
    changes: a.rows
      .filter((r) => r.outcome === 'update')
      .slice(0, MAX_CHANGES)
      .map((r) => ({ row: r.row, id: r.recordId!, name: r.name, changes: r.changes })),
  };
}

const base = (fileName: string) => fileName.replace(/\.[^.]*$/, '');

export async function rejectedRowsFile(ctx: AppContext, importId: string) {
  const s = sessionOf(ctx, importId);
  const headers = s.analysis.columns.map((c) => c.header || `${c.letter}列`);
  const rejected = s.analysis.rows.filter((r) => r.outcome === 'rejected');
  const buffer = await rejectedRowsXlsx(headers, rejected);
  return { fileName: `${base(s.fileName)}-未导入的行.xlsx`, contentBase64: buffer.toString('base64'), rows: rejected.length };
}

export async function exportLedger(ctx: AppContext, args: ExportArgs) {
  const store = requireStore(ctx);
  if (args.unmasked && !args.confirmed) {
    throw new AppError('REFUSED', '导出完整的身份证号码和电话号码前，请先确认已知晓这些属于个人信息并将妥善保管。');
  }
  const index = ledgerIndex(store);
  const date = today(ctx);
  // The list's own query, every page at once, in township → village → name order.
  const { rows } = index.query(
    {
      filters: args.filters,
      search: args.search,
      sort: { field: 'township', dir: 'asc' },
      offset: 0,
      limit: Number.MAX_SAFE_INTEGER,
    },
    date,
  );
  // Ids only: each record is read as its row is written, so the export holds no second copy of the ledger (issue 13).
  const ids = rows.map((r) => r.id).filter((id) => store.get(CHILD_ENTITY, id) !== undefined);
  const records = {
    length: ids.length,
    *[Symbol.iterator]() {
      for (const id of ids) yield store.get(CHILD_ENTITY, id)?.v ?? {};
    },
  };
  const buffer = await ledgerXlsx(records, { lists: index.codeLists(), masked: !args.unmasked, officeName: ctx.office!.name, date });
  // Who took full personal data out, when, and how much (domain.md §8). A masked export is recorded too: it still
  // holds names and addresses.
  recordAudit(ctx, 'export', { target: args.unmasked ? 'child:unmasked' : 'child:masked', count: records.length, channel: 'ledgerExport.xlsx' });
  return {
    fileName: `留守儿童台账-${date}${args.unmasked ? '-完整信息' : ''}.xlsx`,
    contentBase64: buffer.toString('base64'),
    rows: records.length,
    masked: !args.unmasked,
  };
}

export const ledgerExcelHandlers = {
  async 'ledgerImport.preview'(args, ctx) {
    return previewImport(ctx, args);
  },
  async 'ledgerImport.commit'(args, ctx) {
    return commitImport(ctx, args);
  },
  async 'ledgerImport.rejectedXlsx'(args, ctx) {
    return rejectedRowsFile(ctx, args.importId);
  },
  async 'ledgerExport.xlsx'(args, ctx) {
    return exportLedger(ctx, args);
  },
} satisfies HandlerMap<'ledgerImport.preview' | 'ledgerImport.commit' | 'ledgerImport.rejectedXlsx' | 'ledgerExport.xlsx'>;
