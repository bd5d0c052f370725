// Bench figure for issue 3: importing a 50,000-row township ledger (goal ≤ 15 s, preview + commit, fresh store).
// The workbook is written with the streaming writer in the layout townships use (titles, merged 父亲/母亲 header).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type ExcelJSTypes from 'exceljs';
import { openContext } from '../../electron/app/context';
import { cliFiles } from '../../electron/files/file-access';
import type { ImportPreview, ImportResult } from '../../electron/contract/schemas/ledger-excel';
import { birthAndId, chineseName, COUNTIES, mobile, pick, seededRandom, villageName, WORK_PLACES } from '../../electron/demo/synthetic';
import { dispatch } from '../../electron/dispatch/dispatch';
import { initTestOffice } from '../helpers/office';
import { readSheet } from '../../electron/domain/ledger-excel/read-sheet';
import type { ExportResult } from '../../electron/contract/schemas/ledger-excel';

// Loaded when a spreadsheet is written or read, as the app does: the quick bench's first-page processes load this
// module too, and must load no more than the app does on its way to the first page.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const excel = (): typeof ExcelJSTypes => require('exceljs') as typeof ExcelJSTypes;

const TOP = [
  '序号', '姓名', '性别', '民族', '出生日期', '公民身份号码', '是否登记户口', '户籍性质', '现居住地', '身体情况', '就学情况',
  '父亲', null, null, '母亲', null, null,
  '父母双方同时外出', '父母一方外出、另一方无监护能力', '有无委托监护人', '监护人类型', '监护类型', '监护情况评估',
  '委托监护人姓名', '监护人电话', '与被监护人关系', '乡镇（街道）', '村（居）', '风险等级',
];
const SUB = [null, null, null, null, null, null, null, null, null, null, null, '姓名', '务工地点', '联系电话', '姓名', '务工地点', '联系电话'];

export async function writeLedger(file: string, rows: number): Promise<void> {
  const wb = new (excel().stream.xlsx.WorkbookWriter)({ filename: file, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('台账');
  ws.addRow(['揭阳市农村留守儿童信息台账']).commit();
  ws.addRow(['填报单位：揭阳市民政局']).commit();
  const top = ws.addRow(TOP);
  const sub = ws.addRow(SUB);
  // Merges before the rows are committed: the streaming writer cannot go back.
  ws.mergeCells('L3:N3');
  ws.mergeCells('O3:Q3');
  top.commit();
  sub.commit();
  const r = seededRandom(2026);
  for (let i = 0; i < rows; i += 1) {
    const county = COUNTIES[i % COUNTIES.length]!;
    const { birthDate, idNumber, sex } = birthAndId(r, county.code, 2011, 2024);
    const surname = chineseName(r).slice(0, 1);
    ws.addRow([
      i + 1, surname + chineseName(r).slice(1), sex, '汉族', birthDate, idNumber, '是', '农村户籍', `${county.name}${villageName(r)}`,
      '健康', pick(r, ['幼儿园', '小学', '小学', '初中']),
      surname + chineseName(r).slice(1), pick(r, WORK_PLACES), mobile(r), chineseName(r), pick(r, WORK_PLACES), mobile(r),
      '是', '否', '是', '祖辈监护', '监护情况较好', '较好',
      surname + chineseName(r).slice(1), mobile(r), '祖母', pick(r, county.townships), villageName(r), pick(r, ['蓝色', '黄色', '橙色', '红色']),
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

export interface XlsxFigures {
  rows: number;
  imported: number;
  /** Preview + commit. */
  importMs: number;
  /** This process's peak RSS at the import's end. */
  importRssMb: number;
  /** The second export (the first also builds the ledger list's index). */
  exportMs: number;
  exportFirstMs: number;
  rssMb: number;
}

/** Writes a ledger of `rows` rows and imports it; with `given`, imports that file instead (no writing, no reader
 *  figures), so the process's peak RSS is the import's and the export's alone. */
export async function xlsxImportBench(rows: number, given?: string): Promise<XlsxFigures> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'guanai-xlsx-'));
  try {
    const file = given ?? path.join(work, 'ledger.xlsx');
    let t0 = performance.now();
    if (!given) await writeLedger(file, rows);
    const writeMs = performance.now() - t0;
    if (!given) readerBench(file);
    // The file is given by path, as the CLI gives it (a context reads no path unless its shell allows it).
    const ctx = await openContext({ dataDir: path.join(work, 'data'), owner: 'cli', clock: () => Date.UTC(2026, 10, 28, 2), files: cliFiles });
    await initTestOffice(ctx, { code: '445200', name: '揭阳市民政局', level: 'city' });
    t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const p = await dispatch(ctx, 'ledgerImport.preview', { source: { path: file }, sample: 0 });
    if (!p.ok) throw new Error(p.error.message);
    const preview = p.value as ImportPreview;
    const previewMs = performance.now() - t0;
    const t1 = performance.now();
    const c = await dispatch(ctx, 'ledgerImport.commit', { importId: preview.importId });
    if (!c.ok) throw new Error(c.error.message);
    const result = c.value as ImportResult;
    const commitMs = performance.now() - t1;
    const cpu = process.cpuUsage(cpu0);
    // The process's peak so far: the file's writing, the reader benches and the import (the export comes after).
    const importRss = process.resourceUsage().maxRSS / 1024;
    // Export of everything just imported, through the handler (unmasked: the full text of every ID and phone).
    // Twice: the first call also builds the ledger list's index, which the app has built long before an export.
    const exports: Array<{ ms: number; cpu: number; result: ExportResult }> = [];
    for (let i = 0; i < 2; i += 1) {
      const t2 = performance.now();
      const cpu2 = process.cpuUsage();
      const e = await dispatch(ctx, 'ledgerExport.xlsx', { filters: {}, unmasked: true, confirmed: true });
      if (!e.ok) throw new Error(e.error.message);
      const used = process.cpuUsage(cpu2);
      exports.push({ ms: performance.now() - t2, cpu: (used.user + used.system) / 1000, result: e.value as ExportResult });
    }
    await ctx.close();
    const mb = (fs.statSync(file).size / 1e6).toFixed(1);
    if (!given) console.log(`${'xlsx write (streaming)'.padEnd(34)} ${rows} rows, ${mb} MB in ${(writeMs / 1000).toFixed(1)} s`);
    console.log(
      `${'xlsx import (preview + commit)'.padEnd(34)} ${((previewMs + commitMs) / 1000).toFixed(1)} s ` +
        `(preview ${(previewMs / 1000).toFixed(1)} s, commit ${(commitMs / 1000).toFixed(1)} s; goal ≤ 15 s): ` +
        `imported ${result.imported}, rejected ${result.errors.length}; CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, load ${os.loadavg()[0]!.toFixed(1)}`,
    );
    for (const [i, x] of exports.entries()) {
      console.log(
        `${(i === 0 ? 'xlsx export (first, builds index)' : 'xlsx export (ledgerExport.xlsx)').padEnd(34)} ${x.result.rows} rows, ` +
          `${(Buffer.byteLength(x.result.contentBase64, 'base64') / 1e6).toFixed(1)} MB in ${(x.ms / 1000).toFixed(1)} s (goal ≤ 10 s); ` +
          `CPU ${(x.cpu / 1000).toFixed(1)} s, load ${os.loadavg()[0]!.toFixed(1)}`,
      );
    }
    console.log(`${'peak RSS up to the import\'s end'.padEnd(34)} ${importRss.toFixed(0)} MB (goal ≤ 600 MB)`);
    console.log(`${'peak RSS (xlsx import process)'.padEnd(34)} ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
    return {
      rows,
      imported: result.imported,
      importMs: previewMs + commitMs,
      importRssMb: importRss,
      exportMs: exports[1]!.ms,
      exportFirstMs: exports[0]!.ms,
      rssMb: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** One reader alone over a file, in its own process (so peak RSS is that reader's): `--mode read --reader ours|exceljs`. */
export async function readerOnce(file: string, reader: string): Promise<void> {
  const t0 = performance.now();
  let rows = 0;
  let damaged = 0;
  if (reader === 'exceljs') {
    const wb = new (excel().stream.xlsx.WorkbookReader)(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore' });
    for await (const ws of wb) {
      for await (const row of ws) {
        rows += 1;
        if (JSON.stringify(row.values).includes('\uFFFD')) damaged += 1;
      }
      break;
    }
  } else {
    for await (const row of readSheet({ path: file })) {
      rows += 1;
      if (row.cells.some((c) => typeof c === 'string' && c.includes('\uFFFD'))) damaged += 1;
    }
  }
  console.log(JSON.stringify({ ms: performance.now() - t0, rows, damaged, rssMb: process.resourceUsage().maxRSS / 1024 }));
}

function readerBench(file: string) {
  for (const reader of ['exceljs', 'ours']) {
    const out = execFileSync(process.execPath, [process.argv[1]!, '--mode', 'read', '--reader', reader, '--dir', file], { encoding: 'utf8' });
    const r = JSON.parse(out.trim().split('\n').pop()!) as { ms: number; rows: number; damaged: number; rssMb: number };
    const label = reader === 'ours' ? 'xlsx read (our streaming reader)' : 'xlsx read (exceljs streaming)';
    console.log(`${label.padEnd(34)} ${r.rows} rows in ${(r.ms / 1000).toFixed(1)} s, peak RSS ${r.rssMb.toFixed(0)} MB, rows with U+FFFD ${r.damaged}`);
  }
}
