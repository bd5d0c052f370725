// Office cards, trust and bundles on the command line: the same handlers as the exchange page.
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../app/context';
import type { ArgsOf, ChannelName, ResultOf } from '../../contract/channels';
import { AppError } from '../../contract/errors';
import { dispatch } from '../../dispatch/dispatch';
import { writeFileDurably } from '../../store/durable-file';
import { dataOption, jsonOption, printJson, requireData, withContext, type Command, type Parsed } from '../command';

async function call<K extends ChannelName>(ctx: AppContext, name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
  const r = await dispatch(ctx, name, args);
  if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.fields);
  return r.value as ResultOf<K>;
}

function onePath(args: Parsed, cmd: Command, what: string): string {
  const [file, ...rest] = args.positionals;
  if (!file || rest.length) throw new AppError('INVALID_ARGS', `请指定一个${what}。用法：guanai ${cmd.usage}`);
  return path.resolve(file);
}

function stringOption(args: Parsed, name: string, cmd: Command): string {
  const v = args.values[name];
  if (typeof v !== 'string' || v.trim() === '') throw new AppError('INVALID_ARGS', `请用 --${name} 指定。用法：guanai ${cmd.usage}`);
  return v;
}

export const officeCardCommand: Command = {
  name: 'office card',
  usage: 'office card --data DIR --out CARD.json',
  summary: '导出本单位名片（公钥和指纹），交给需要交换数据的单位',
  options: { ...dataOption, out: { type: 'string' } },
  async run(args, io) {
    const dataDir = requireData(args, this);
    const out = path.resolve(stringOption(args, 'out', this));
    const card = await withContext(dataDir, io, (ctx) => call(ctx, 'exchange.card', {}));
    writeFileDurably(out, card.text);
    io.out(`已导出本单位名片：${out}\n本单位指纹：${card.fingerprint}\n`);
    return 0;
  },
};

export const officeTrustCommand: Command = {
  name: 'office trust',
  usage: 'office trust --data DIR CARD.json',
  summary: '信任另一单位的名片（供脚本使用，不再询问；请事先核对指纹）',
  options: { ...dataOption, ...jsonOption },
  async run(args, io) {
    const dataDir = requireData(args, this);
    const file = onePath(args, this, '单位名片文件');
    if (fs.existsSync(file) && fs.statSync(file).size > 64 * 1024) throw new AppError('CARD_INVALID', '该文件过大，不是单位名片。');
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      throw new AppError('NOT_FOUND', `找不到或无法读取文件 ${file}。`);
    }
    const peer = await withContext(dataDir, io, async (ctx) => {
      const preview = await call(ctx, 'exchange.readCard', { text });
      return call(ctx, 'exchange.trust', { text, fingerprint: preview.fingerprint });
    });
    if (args.values.json) printJson(io, { code: peer.code, name: peer.name, level: peer.level, fingerprint: peer.fingerprint });
    else io.out(`已信任：${peer.name}（${peer.code}）\n指纹：${peer.fingerprint}\n请与对方电话核对此指纹。\n`);
    return 0;
  },
};

export const bundleExportCommand: Command = {
  name: 'bundle export',
  usage: 'bundle export --data DIR --to CODE --out FILE [--full] [--allow-damaged]',
  summary: '为一个已信任的单位导出加密数据包',
  options: { ...dataOption, ...jsonOption, to: { type: 'string' }, out: { type: 'string' }, full: { type: 'boolean' }, 'allow-damaged': { type: 'boolean' } },
  async run(args, io) {
    const dataDir = requireData(args, this);
    const to = stringOption(args, 'to', this);
    const out = path.resolve(stringOption(args, 'out', this));
    if (!fs.existsSync(path.dirname(out))) throw new AppError('NOT_FOUND', `文件夹 ${path.dirname(out)} 不存在。`);
    const allowDamaged = Boolean(args.values['allow-damaged']);
    const r = await withContext(dataDir, io, (ctx) =>
      call(ctx, 'exchange.export', { to, full: Boolean(args.values.full), ...(allowDamaged ? { allowDamaged } : {}) }),
    );
    writeFileDurably(out, Buffer.from(r.base64!, 'base64'), 0o600);
    const summary = {
      file: out,
      suggestedName: r.fileName,
      bytes: r.bytes,
      operations: r.operations,
      withheld: r.withheld,
      byEntity: r.byEntity,
      ...(r.damaged ? { damaged: r.damaged } : {}),
      ...(r.keptBack ? { keptBack: r.keptBack } : {}),
    };
    if (args.values.json) printJson(io, summary);
    else {
      io.out(`已导出数据包：${out}\n（建议文件名：${r.fileName}）\n共 ${r.operations} 条记录，其中占位 ${r.withheld} 条。\n`);
      if (r.keptBack) {
        io.err(
          `注意：以下已印发的文件含有儿童个人信息，不能发往成员单位，未包含在此数据包中：${r.keptBack.map((k) => `「${k.title}」`).join('、')}。\n`,
        );
      }
      if (r.damaged) io.err(`注意：操作日志有 ${r.damaged.lines} 行损坏，其中 ${r.damaged.operations} 条操作无法读取，未包含在此数据包中（数据包已注明）。\n`);
    }
    return 0;
  },
};

export const bundleVerifyCommand: Command = {
  name: 'bundle verify',
  usage: 'bundle verify --data DIR FILE [--json]',
  summary: '核验数据包（签名、接收单位、解密、前置记录），不导入',
  options: { ...dataOption, ...jsonOption },
  async run(args, io) {
    const dataDir = requireData(args, this);
    const file = onePath(args, this, '数据包文件');
    const check = await withContext(dataDir, io, (ctx) => call(ctx, 'exchange.verify', { path: file }));
    if (args.values.json) printJson(io, check);
    else
      io.out(
        `核验通过：${check.sender.name}（${check.sender.code}）发给${check.recipient.name}（${check.recipient.code}）\n` +
          `导出时间：${check.createdAt}\n记录：${check.operations} 条` +
          (check.alreadyApplied ? '（均已导入过）' : '') +
          '\n' +
          (check.damaged ? `注意：对方的操作日志有 ${check.damaged.lines} 行损坏，其中 ${check.damaged.operations} 条修改无法读取，未包含在本数据包中。\n` : ''),
      );
    return 0;
  },
};

export const bundleImportCommand: Command = {
  name: 'bundle import',
  usage: 'bundle import --data DIR FILE [--dry-run] [--json]',
  summary: '导入数据包（先核验；--dry-run 只试算新增、更新、未变和冲突）',
  options: { ...dataOption, ...jsonOption, 'dry-run': { type: 'boolean' } },
  async run(args, io) {
    const dataDir = requireData(args, this);
    const file = onePath(args, this, '数据包文件');
    const dry = Boolean(args.values['dry-run']);
    const r = await withContext(dataDir, io, async (ctx) =>
      dry ? { ...(await call(ctx, 'exchange.dryRun', { path: file })), applied: false } : call(ctx, 'exchange.import', { path: file }),
    );
    const counts = { new: r.new, updated: r.updated, unchanged: r.unchanged, conflicts: r.conflicts };
    if (args.values.json) {
      printJson(io, { ...counts, applied: r.applied, alreadyApplied: r.alreadyApplied, dryRun: dry, byEntity: r.byEntity });
    } else if (r.alreadyApplied) {
      io.out('此数据包的全部记录均已导入过，本次未作任何改动。\n');
    } else {
      io.out(
        `${dry ? '试算（未导入）' : '已导入'}：新增 ${r.new} 条，更新 ${r.updated} 条，未变 ${r.unchanged} 条，冲突 ${r.conflicts} 条。\n`,
      );
    }
    return 0;
  },
};
