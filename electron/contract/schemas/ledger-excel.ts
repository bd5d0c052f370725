// Spreadsheet import and export of the ledger: argument schemas and result types of the `ledgerImport.*` and
// `ledgerExport.*` channels. Pure zod (the renderer imports this module as a value).
import { z } from 'zod';
import { childListArgs } from './ledger';
import { fileHandleSchema } from './files';

/** Largest workbook accepted for import. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
export const IMPORT_TOO_LARGE_MESSAGE = '文件超过 50 MB，无法导入。请删去无关的工作表、图片后另存，或分成几个文件导入。';

/**
 * Where the workbook comes from: a path on this PC (desktop: chosen in a file dialog), or the file's bytes as base64
 * (browser preview: an upload). Base64 grows 4/3, hence the string bound a little above the byte limit.
 */
export const importSourceSchema = z.union([
  // Desktop: picked in a dialog; the CLI: a path (resolved by the shell's file access, electron/files).
  z.object({ handle: fileHandleSchema }).strict(),
  z.object({ path: z.string().min(1, { error: '请选择要导入的文件' }).max(4096) }).strict(),
  z
    .object({
      fileName: z.string().min(1).max(255),
      contentBase64: z.string().min(1, { error: '文件是空的' }).max(Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 16, {
        error: IMPORT_TOO_LARGE_MESSAGE,
      }),
    })
    .strict(),
], { error: '请选择要导入的 Excel 文件' });
export type ImportSource = z.infer<typeof importSourceSchema>;

/** Column index (0-based, as a string) → import target key, or '' to leave the column out. */
export const columnMappingSchema = z.record(z.string().regex(/^\d{1,4}$/), z.string().max(80));
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/**
 * One value for every row, for fields the sheet has no column for (民族 = 汉族, 是否登记户口 = 是): field path → a code,
 * 是/否 as a boolean, or text. A field left out has no value for all rows; the records are then 待完善 for it.
 */
export const importDefaultsSchema = z.record(z.string().max(80), z.union([z.string().max(200), z.boolean()]), {
  error: '统一填写的内容格式不正确',
});
export type ImportDefaults = z.infer<typeof importDefaultsSchema>;

export const importPreviewArgs = z
  .object({
    source: importSourceSchema,
    mapping: columnMappingSchema.optional(),
    /** Absent when the office's remembered values should apply. */
    defaults: importDefaultsSchema.optional(),
    /** How many rows to return in full. */
    sample: z.number().int().min(0).max(1000).optional(),
  })
  .strict();

export const importCommitArgs = z
  .object({
    importId: z.string().min(1).max(80),
    mapping: columnMappingSchema.optional(),
    defaults: importDefaultsSchema.optional(),
  })
  .strict();

export const importIdArgs = z.object({ importId: z.string().min(1).max(80) }).strict();

/** The list's own filter and search (children.list), so the export holds exactly the children the list shows. */
export const exportArgs = z
  .object({
    filters: childListArgs.shape.filters,
    search: z.string().max(60).default(''),
    /** Full ID numbers and phones. Needs `confirmed`: the person has acknowledged it is personal information. */
    unmasked: z.boolean().default(false),
    confirmed: z.boolean().default(false),
  })
  .strict();
export type ExportArgs = z.output<typeof exportArgs>;

export type RowOutcome = 'new' | 'update' | 'unchanged' | 'rejected';

export interface ImportTargetInfo {
  key: string;
  label: string;
}

export interface ImportColumn {
  /** 0-based column index; the letter is what Excel shows. */
  index: number;
  letter: string;
  /** The header as written in the file (two-level headers joined with ' · '). */
  header: string;
  /** The target key, or '' when the column is not imported. */
  target: string;
  /** How the target was chosen: 'values' when the cells' values pointed to another field than the header's. */
  how: 'remembered' | 'recognised' | 'values' | 'chosen' | 'none';
  /** Why, in words, when the choice needs explaining (how = 'values'). */
  reason?: string;
  /** A few values from the first data rows (ID numbers and phones masked). */
  samples: string[];
}

export interface RowError {
  /** The column letter, when the problem sits in one column of the file. */
  column: string | null;
  field: string;
  message: string;
}

export interface FieldChange {
  field: string;
  label: string;
  from: string;
  to: string;
}

export interface PreviewRow {
  /** The row number Excel shows. */
  row: number;
  outcome: RowOutcome;
  name: string;
  errors: RowError[];
  changes: FieldChange[];
  /** The national-form fields the record will still lack (labels; empty when complete): it is then 待完善. */
  missing: string[];
}

/** A field no column of the sheet provides, which may be given one value for every row. */
export interface AbsentField {
  field: string;
  label: string;
  kind: 'code' | 'bool' | 'text';
  /** The choices of a code field. */
  options: Array<{ value: string; label: string }>;
  /** The value set for every row, or null when none. */
  value: string | boolean | null;
  /** The value as a person reads it ('' when none). */
  display: string;
}

export interface ImportCounts {
  rows: number;
  new: number;
  update: number;
  unchanged: number;
  rejected: number;
  /** New records that will be 待完善 (some national-form field missing). */
  incomplete: number;
}

export interface ImportPreview {
  importId: string;
  fileName: string;
  sheetName: string;
  /** Excel row numbers of the header (first and last when it has two levels) and of the first data row. */
  headerRows: number[];
  dataStartRow: number;
  columns: ImportColumn[];
  targets: ImportTargetInfo[];
  /** Fields every new record needs that no column provides (labels): without a value for all rows, 待完善. */
  missingRequired: string[];
  /** The fields a value for all rows may be given for, with the value in force. */
  absent: AbsentField[];
  counts: ImportCounts;
  rows: PreviewRow[];
  /** Every rejected row with its reasons (up to 2,000). */
  problems: Array<{ row: number; message: string }>;
}

export interface ImportResult {
  imported: number;
  /** How many of the imported (new) records are 待完善. */
  incomplete: number;
  updated: number;
  /** Rows not written: unchanged ones and rejected ones (imported + updated + skipped = rows read). */
  skipped: number;
  errors: Array<{ row: number; message: string }>;
  /** Updated records with what changed (up to 500). */
  changes: Array<{ row: number; id: string; name: string; changes: FieldChange[] }>;
}

export interface XlsxFile {
  fileName: string;
  contentBase64: string;
  rows: number;
}

export interface ExportResult extends XlsxFile {
  masked: boolean;
}

export interface ImportProgress {
  phase: 'reading' | 'checking' | 'saving';
  rows: number;
  /** 0–1 when known. */
  fraction: number | null;
}
