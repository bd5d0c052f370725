// `guanai ledger list --data DIR --json`: every child with all its fields, unmasked, for IT automation. The export
// of personal data is recorded as an audit operation. Without --json, a masked overview for a person.
import { requireStore } from '../../app/context';
import { maskIdNumber } from '../../domain/ledger/mask';
import { exportChildren } from '../../handlers/ledger';
import { dataOption, jsonOption, printJson, requireData, withContext, type Command } from '../command';

const STATUS: Record<string, string> = { active: '在册', exited: '已退出', transferred: '已转出' };

export const ledgerListCommand: Command = {
  name: 'ledger list',
  usage: 'ledger list --data DIR [--json]',
  summary: '列出台账中的全部儿童（--json 输出完整信息，含未遮挡的身份证号码，并记入查阅记录）',
  options: { ...dataOption, ...jsonOption },
  async run(args, io) {
    const dataDir = requireData(args, this);
    const json = Boolean(args.values.json);
    const children = await withContext(dataDir, io, async (ctx) => {
      requireStore(ctx);
      return exportChildren(ctx, json ? 'cli.ledger.list.json' : 'cli.ledger.list');
    }, { as: json ? 'ledgerExport.xlsx' : 'children.list' });
    if (json) {
      printJson(io, children);
      return 0;
    }
    const lines = children.map(
      (c) => `${c.name}\t${c.idNumber ? maskIdNumber(c.idNumber) : '（无身份证号码）'}\t${c.township}${c.village}\t${STATUS[c.status] ?? c.status}`,
    );
    io.out([...lines, `共 ${children.length} 名儿童。`, ''].join('\n'));
    return 0;
  },
};
