// `guanai user add|list|disable|reset-password|passwd`: people of the office, through the same handlers as the
// app (so the dispatcher's role checks and the audit apply), except a reset with the recovery code, which is how
// an office whose administrators have all forgotten their passwords gets back in.
import { unlockStore } from '../../app/context';
import { setPersonWrap, unlockWithRecoveryCode } from '../../accounts/keyring';
import { requireUser, userChange } from '../../accounts/users';
import { audit } from '../../audit/audit';
import { AppError } from '../../contract/errors';
import { loginSchema, newPasswordSchema, roleNames, type UserView } from '../../contract/schemas/accounts';
import { dispatch } from '../../dispatch/dispatch';
import { callValue, dataOption, jsonOption, passwordsOf, printJson, requireData, withContext, type Command, type Parsed } from '../command';
import { secret } from '../person';

const str = (args: Parsed, name: string): string | undefined => {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
};
function need(args: Parsed, name: string, cmd: Command): string {
  const v = str(args, name);
  if (!v) throw new AppError('INVALID_ARGS', `请用 --${name} 指定。用法：guanai ${cmd.usage}`);
  return v;
}

const describe = (u: UserView) => `${u.login}  ${u.name}  ${roleNames[u.role]}${u.disabled ? '  （已停用）' : ''}`;

export const userAddCommand: Command = {
  name: 'user add',
  usage: 'user add --data DIR --login L --name NAME --role admin|ledger|meeting|viewer [--json]',
  summary: '新增人员（首个密码取自 GUANAI_NEW_PASSWORD 或提示输入；首次登录时须修改）',
  options: { ...dataOption, ...jsonOption, login: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
  async run(args, io) {
    const dataDir = requireData(args, this);
    const login = need(args, 'login', this);
    const name = need(args, 'name', this);
    const role = need(args, 'role', this);
    const user = await withContext(dataDir, io, async (ctx) => {
      const password = await secret(passwordsOf(io), 'GUANAI_NEW_PASSWORD', `为 ${login} 设置首个密码：`);
      return callValue<UserView>(dispatch(ctx, 'users.add', { login, name, role: role as UserView['role'], password }));
    });
    if (args.values.json) printJson(io, user);
    else io.out(`已新增：${describe(user)}。首次登录时须修改密码。\n`);
    return 0;
  },
};

export const userListCommand: Command = {
  name: 'user list',
  usage: 'user list --data DIR [--json]',
  summary: '列出本单位的人员、角色、是否停用和最近登录时间',
  options: { ...dataOption, ...jsonOption },
  async run(args, io) {
    const dataDir = requireData(args, this);
    const users = await withContext(dataDir, io, (ctx) => callValue<UserView[]>(dispatch(ctx, 'users.list', {})));
    if (args.values.json) {
      printJson(io, users.map((u) => ({ login: u.login, name: u.name, role: u.role, disabled: u.disabled, lastSignIn: u.lastSignIn })));
    } else io.out(users.map((u) => `${describe(u)}  最近登录：${u.lastSignIn ?? '从未'}\n`).join(''));
    return 0;
  },
};

export const userDisableCommand: Command = {
  name: 'user disable',
  usage: 'user disable --data DIR --login L',
  summary: '停用人员（不删除：历史记录保留其姓名）',
  options: { ...dataOption, ...jsonOption, login: { type: 'string' } },
  async run(args, io) {
    const dataDir = requireData(args, this);
    const login = need(args, 'login', this);
    const user = await withContext(dataDir, io, (ctx) => callValue<UserView>(dispatch(ctx, 'users.disable', { login })));
    if (args.values.json) printJson(io, user);
    else io.out(`已停用：${describe(user)}\n`);
    return 0;
  },
};

export const userResetPasswordCommand: Command = {
  name: 'user reset-password',
  usage: 'user reset-password --data DIR --login L [--recovery-code CODE]',
  summary: '重置某人的密码（新密码取自 GUANAI_NEW_PASSWORD 或提示输入）；忘记所有管理员密码时用恢复码',
  options: { ...dataOption, ...jsonOption, login: { type: 'string' }, 'recovery-code': { type: 'string' } },
  async run(args, io) {
    const dataDir = requireData(args, this);
    const login = loginSchema.parse(need(args, 'login', this));
    const code = str(args, 'recovery-code');
    const password = await secret(passwordsOf(io), 'GUANAI_NEW_PASSWORD', `为 ${login} 设置新密码：`);
    const strong = newPasswordSchema.safeParse(password);
    if (!strong.success) throw new AppError('INVALID_ARGS', strong.error.issues[0]?.message ?? '密码至少 8 位，须同时包含字母和数字');
    if (code) {
      // The recovery code opens the data without anyone's password; the person keeps their role and history.
      await withContext(
        dataDir,
        io,
        async (ctx) => {
          if (!ctx.office) throw new AppError('NOT_INITIALISED', '数据文件夹尚未初始化。');
          const key = unlockWithRecoveryCode(dataDir, code);
          if (!key) throw new AppError('SIGNIN_FAILED', '恢复码不正确。');
          await unlockStore(ctx, key);
          const u = requireUser(ctx.store!, login);
          setPersonWrap(dataDir, ctx.office.code, u.login, password, key);
          audit(ctx, { action: 'user.recover', target: `人员 ${u.login}`, detail: '使用恢复码重置密码' }, [
            userChange(u.login, { disabled: false, mustChangePassword: false }),
          ], u.login);
        },
        { signIn: false },
      );
    } else {
      await withContext(dataDir, io, (ctx) => callValue<UserView>(dispatch(ctx, 'users.resetPassword', { login, password })));
    }
    io.out(code ? `已用恢复码为 ${login} 设置新密码。\n` : `已为 ${login} 重置密码；其下次登录时须修改。\n`);
    return 0;
  },
};

export const userPasswdCommand: Command = {
  name: 'user passwd',
  usage: 'user passwd --data DIR',
  summary: '修改自己的密码（当前密码取自 GUANAI_PASSWORD，新密码取自 GUANAI_NEW_PASSWORD，或提示输入）',
  options: { ...dataOption, ...jsonOption },
  async run(args, io) {
    const dataDir = requireData(args, this);
    await withContext(dataDir, io, async (ctx) => {
      const current = await secret(passwordsOf(io), 'GUANAI_PASSWORD', '当前密码：');
      const next = await secret(passwordsOf(io), 'GUANAI_NEW_PASSWORD', '新密码（至少 8 位，含字母和数字）：');
      return callValue(dispatch(ctx, 'auth.changePassword', { currentPassword: current, newPassword: next }));
    });
    io.out('密码已修改。\n');
    return 0;
  },
};
