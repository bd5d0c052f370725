// `guanai ledger import` and `guanai ledger export`: the same channels the app uses (preview, then commit; export),
// through the dispatcher, so a script gets exactly what the clerk would.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../contract/errors';
import type { ExportResult, ImportPreview, ImportResult } from '../../contract/schemas/ledger-excel';
import { dispatch } from '../../dispatch/dispatch';
import { dataOption, jsonOption, printJson, requireData, withContext, type Command } from '../command';
import type { AppContext } from '../../app/context';

async function call<T>(ctx: AppContext, name: string, args: unknown): Promise<T> {
  const r = await dispatch(ctx, name, args);
  if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.fields);
  return r.value as T;
}

export const ledgerImportCommand: Command = {
  name: 'ledger import',
  usage: 'ledger import --data DIR FILE [--json]',
  summary: '从台账表格导入儿童信息（.xlsx、.xls、.et、.ods、.csv；身份证号码已有的更新该记录；有问题的行不导入并列出原因）',
  options: { ...dataOption, ...jsonOption },
  async run(args, io) {
    const dataDir = requireData(args, this);
    const file = args.positionals[0];
    if (!file) throw new AppError('INVALID_ARGS', `请指定要导入的 Excel 文件（.xlsx、.xls）、WPS 表格（.et）、.ods 或 .csv 文件。用法：guanai ${this.usage}`);
    if (args.positionals.length > 1) throw new AppError('INVALID_ARGS', `一次只能导入一个文件。用法：guanai ${this.usage}`);
    const result = await withContext(dataDir, io, async (ctx) => {
      const preview = await call<ImportPreview>(ctx, 'ledgerImport.preview', { source: { path: path.resolve(file) }, sample: 0 });
      return call<ImportResult>(ctx, 'ledgerImport.commit', { importId: preview.importId });
    });
    const { imported, incomplete, updated, skipped, errors } = result;
    if (args.values.json) {
      printJson(io, { imported, updated, skipped, errors, incomplete });
      return 0;
    }
    io.out(
      [
        `新增 ${imported} 名，更新 ${updated} 名，未写入 ${skipped} 行（无变化或有问题）。`,
        ...(incomplete ? [`新增的儿童中有 ${incomplete} 名信息待完善，请在台账中用“信息不完整”筛选后逐一补全。`] : []),
        ...(errors.length ? ['以下各行未导入（行号为 Excel 中的行号）：', ...errors.map((e) => `  第${e.row}行：${e.message}`)] : []),
        '',
      ].join('\n'),
    );
    return 0;
  },
};

export const ledgerExportCommand: Command = {
  name: 'ledger export',
  usage: 'ledger export --data DIR --out FILE.xlsx [--unmasked]',
  summary: '按全国统一登记表的列顺序导出台账（默认隐藏部分身份证号码和电话；--unmasked 导出完整信息并记入查阅记录）',
  options: { ...dataOption, out: { type: 'string' }, unmasked: { type: 'boolean' } },
  async run(args, io) {
    const dataDir = requireData(args, this);
    const out = args.values.out;
    if (typeof out !== 'string' || out.trim() === '') {
      throw new AppError('INVALID_ARGS', `请用 --out 指定导出的文件。用法：guanai ${this.usage}`);
    }
    const unmasked = Boolean(args.values.unmasked);
    const target = path.resolve(out);
    if (!fs.existsSync(path.dirname(target))) throw new AppError('INVALID_ARGS', '导出文件所在的文件夹不存在，请先建好文件夹。');
    // Typing --unmasked is the confirmation: the flag exists for exactly that purpose and the export is audited.
    const r = await withContext(dataDir, io, (ctx) => call<ExportResult>(ctx, 'ledgerExport.xlsx', { unmasked, confirmed: unmasked }));
    fs.writeFileSync(target, Buffer.from(r.contentBase64, 'base64'));
    io.out(`已导出 ${r.rows} 名儿童到 ${target}${r.masked ? '（身份证号码和电话已部分隐藏）' : '（含完整个人信息，请妥善保管，本次导出已记录）'}。\n`);
    return 0;
  },
};
