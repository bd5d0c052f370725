// `guanai call`: any channel of the contract, through the same dispatcher as the app (validation, roles, audit), as
// the signed-in person. For IT staff and scripts; the result is printed as JSON.
import { isChannelName } from '../../contract/channels';
import { AppError } from '../../contract/errors';
import { dispatch } from '../../dispatch/dispatch';
import { dataOption, jsonOption, printJson, requireData, withContext, type Command } from '../command';

export const callCommand: Command = {
  name: 'call',
  usage: 'call --data DIR CHANNEL [--args JSON] [--json]',
  summary: '以登录人员的身份调用程序的任一功能（与界面同一校验、权限和审计），结果以 JSON 输出',
  options: { ...dataOption, ...jsonOption, args: { type: 'string' } },
  async run(args, io) {
    const dataDir = requireData(args, this);
    const [channel, ...rest] = args.positionals;
    if (!channel || rest.length > 0) throw new AppError('INVALID_ARGS', `请指定一个功能名称（如 units.get）。用法：guanai ${this.usage}`);
    if (!isChannelName(channel)) throw new AppError('INVALID_ARGS', `没有名为“${channel}”的功能。`);
    const raw = args.values.args;
    let input: unknown = {};
    if (typeof raw === 'string' && raw.trim() !== '') {
      try {
        input = JSON.parse(raw);
      } catch {
        throw new AppError('INVALID_ARGS', '--args 不是有效的 JSON，请用英文双引号，如 --args \'{"unitId":"minzheng"}\'。');
      }
      if (input === null || typeof input !== 'object' || Array.isArray(input)) {
        throw new AppError('INVALID_ARGS', '--args 应为 JSON 对象，如 --args \'{"unitId":"minzheng"}\'。');
      }
    }
    const r = await withContext(dataDir, io, (ctx) => dispatch(ctx, channel, input));
    if (!r.ok) {
      if (args.values.json) printJson(io, { ok: false, error: r.error });
      throw new AppError(r.error.code, r.error.message, r.error.fields);
    }
    printJson(io, r.value === undefined ? null : r.value);
    return 0;
  },
};
