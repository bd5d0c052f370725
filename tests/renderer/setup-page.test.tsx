import { act, screen, waitFor } from '@testing-library/react';
import { AppError } from '../../electron/contract/errors';
import { createFakeApi, fakeOffice, fakeStatus, uninitialisedStatus } from '../helpers/fake-api';
import { renderApp } from './render-app';

function setupApi() {
  let initialised = false;
  const api = createFakeApi({
    'app.status': () => (initialised ? fakeStatus() : uninitialisedStatus()),
    'office.init': (args) => {
      initialised = true;
      return { office: fakeOffice({ code: args.code, name: args.name, level: args.level }), admin: 'admin', recoveryCode: 'ABCD-EFGH' };
    },
  });
  return api;
}

const codeBox = () => screen.getByRole('textbox', { name: '单位代码' });
const nameBox = () => screen.getByRole('textbox', { name: '单位名称' });
const levelBox = () => screen.getByRole('combobox', { name: '级别' });
const submitButton = () => screen.getByRole('button', { name: '创建本单位' });
const adminNameBox = () => screen.getByRole('textbox', { name: '姓名' });
const passwordBox = () => screen.getByLabelText('密码', { selector: 'input' });
const confirmBox = () => screen.getByLabelText('确认密码', { selector: 'input' });

/** The first administrator's part of the form, filled in correctly. */
async function fillAdmin(user: ReturnType<typeof renderApp>['user']) {
  await user.type(adminNameBox(), '王管理');
  await user.type(passwordBox(), 'guanai2026');
  await user.type(confirmBox(), 'guanai2026');
}
const admin = { login: 'admin', name: '王管理', password: 'guanai2026' };

describe('first-run setup page', () => {
  it('is the only thing shown while the office does not exist', async () => {
    const api = setupApi();
    renderApp(api, '/settings');
    expect(await screen.findByRole('heading', { name: '首次使用：填写本单位信息' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(api.callsTo('settings.get')).toHaveLength(0);
    expect(codeBox()).toHaveAccessibleDescription('6 位行政区划代码，如 445200');
  });

  it('shows Chinese errors next to a 5-digit code and an empty name, and does not call office.init', async () => {
    const api = setupApi();
    const { user } = renderApp(api);
    await user.type(await screen.findByRole('textbox', { name: '单位代码' }), '44520');
    await user.selectOptions(levelBox(), '市级');
    await user.click(submitButton());

    expect(codeBox()).toHaveAttribute('aria-invalid', 'true');
    expect(codeBox()).toHaveAccessibleDescription(expect.stringContaining('单位代码应为 6 位数字'));
    expect(nameBox()).toHaveAttribute('aria-invalid', 'true');
    expect(nameBox()).toHaveAccessibleDescription(expect.stringContaining('请填写单位名称'));
    expect(levelBox()).not.toHaveAttribute('aria-invalid');
    expect(codeBox()).toHaveFocus();
    expect(api.callsTo('office.init')).toHaveLength(0);
  });

  it('asks for a level when none is chosen', async () => {
    const api = setupApi();
    const { user } = renderApp(api);
    await user.type(await screen.findByRole('textbox', { name: '单位代码' }), '445200');
    await user.type(nameBox(), '揭阳市民政局');
    await user.click(submitButton());
    expect(levelBox()).toHaveAccessibleDescription('请选择级别');
    expect(api.callsTo('office.init')).toHaveLength(0);
  });

  it('does not submit when Enter is pressed in a half-filled form, and moves on to the next field', async () => {
    const api = setupApi();
    const { user } = renderApp(api);
    await user.type(await screen.findByRole('textbox', { name: '单位代码' }), '445200{Enter}');
    expect(api.callsTo('office.init')).toHaveLength(0);
    expect(nameBox()).toHaveFocus();
    // Not submitted at all: the fields the user has not reached yet show no errors.
    expect(nameBox()).not.toHaveAttribute('aria-invalid');
    expect(levelBox()).not.toHaveAttribute('aria-invalid');
    // An unfinished code keeps the focus and says what is wrong.
    await user.clear(codeBox());
    await user.type(codeBox(), '4452{Enter}');
    expect(codeBox()).toHaveFocus();
    expect(codeBox()).toHaveAccessibleDescription(expect.stringContaining('单位代码应为 6 位数字'));
    expect(nameBox()).not.toHaveAttribute('aria-invalid');
    expect(api.callsTo('office.init')).toHaveLength(0);
  });

  it('submits on Enter once the form is complete and valid', async () => {
    const api = setupApi();
    const { user } = renderApp(api);
    await user.type(await screen.findByRole('textbox', { name: '单位代码' }), '445281');
    await user.selectOptions(levelBox(), '县（市、区）级');
    await user.type(nameBox(), '普宁市民政局');
    await fillAdmin(user);
    await user.type(confirmBox(), '{Enter}');
    await waitFor(() =>
      expect(api.callsTo('office.init')).toEqual([
        { code: '445281', name: '普宁市民政局', level: 'county', admin },
      ]),
    );
  });

  it('calls office.init with the form values, shows the recovery code once, then the home page', async () => {
    const api = setupApi();
    const { user, router } = renderApp(api, '/meetings');
    await user.type(await screen.findByRole('textbox', { name: '单位代码' }), ' 445200 ');
    await user.type(nameBox(), '揭阳市农村留守儿童关爱保护工作联席会议办公室');
    await user.selectOptions(levelBox(), '市级');
    expect(screen.getByRole('textbox', { name: '用户名' })).toHaveValue('admin');
    await fillAdmin(user);
    await user.click(submitButton());

    // The recovery code stays on screen (whatever the status says) until its keeping is confirmed.
    expect(await screen.findByRole('heading', { level: 1, name: '请保存恢复码' })).toBeInTheDocument();
    act(() => api.emit('store.changed', { entities: ['app'] }));
    expect(screen.getByLabelText('恢复码')).toHaveTextContent('ABCD-EFGH');
    expect(screen.getByRole('note')).toHaveTextContent('保险柜');
    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    await user.click(screen.getByRole('button', { name: '打印恢复码' }));
    expect(print).toHaveBeenCalled();
    print.mockRestore();
    const next = screen.getByRole('button', { name: '继续' });
    expect(next).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: '我已妥善保存恢复码' }));
    await user.click(next);

    expect(
      await screen.findByRole('heading', { level: 1, name: '揭阳市农村留守儿童关爱保护工作联席会议办公室' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: '主导航' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '会议与纪要' })).not.toBeInTheDocument();
    expect(api.callsTo('office.init')).toEqual([
      { code: '445200', name: '揭阳市农村留守儿童关爱保护工作联席会议办公室', level: 'city', admin },
    ]);
    expect(screen.queryByText('ABCD-EFGH')).not.toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(screen.getByRole('heading', { name: /^需要处理的提醒/ })).toBeInTheDocument();
  });

  it('shows the server’s field errors next to the fields', async () => {
    const api = setupApi();
    api.handle('office.init', () => {
      throw new AppError('VALIDATION', '单位信息有误，请按提示修改。', {
        code: '该单位代码不在行政区划代码表中',
      });
    });
    const { user } = renderApp(api);
    await user.type(await screen.findByRole('textbox', { name: '单位代码' }), '449999');
    await user.type(nameBox(), '某单位');
    await user.selectOptions(levelBox(), '乡镇（街道）级');
    await fillAdmin(user);
    await user.click(submitButton());

    expect(await screen.findByRole('alert')).toHaveTextContent('单位信息有误，请按提示修改。');
    expect(codeBox()).toHaveAttribute('aria-invalid', 'true');
    expect(codeBox()).toHaveAccessibleDescription(expect.stringContaining('该单位代码不在行政区划代码表中'));
    expect(nameBox()).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(submitButton()).toBeEnabled();
  });

  it('clears a field’s error as soon as the value is corrected', async () => {
    const api = setupApi();
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: '创建本单位' }));
    expect(codeBox()).toHaveAccessibleDescription(expect.stringContaining('请填写单位代码'));
    await user.type(codeBox(), '445200');
    expect(codeBox()).not.toHaveAttribute('aria-invalid');
    expect(nameBox()).toHaveAttribute('aria-invalid', 'true');
  });

  it('asks for the administrator’s name and a password of letters and digits, twice the same', async () => {
    const api = setupApi();
    const { user } = renderApp(api);
    await user.type(await screen.findByRole('textbox', { name: '单位代码' }), '445200');
    await user.type(nameBox(), '揭阳市民政局');
    await user.selectOptions(levelBox(), '市级');
    await user.type(passwordBox(), 'abcdefgh');
    await user.type(confirmBox(), 'abcdefg1');
    await user.click(submitButton());
    expect(adminNameBox()).toHaveAccessibleDescription(expect.stringContaining('请填写管理员姓名'));
    expect(passwordBox()).toHaveAccessibleDescription(expect.stringContaining('须同时包含字母和数字'));
    expect(confirmBox()).toHaveAccessibleDescription('两次输入的密码不一致');
    expect(adminNameBox()).toHaveFocus();
    expect(api.callsTo('office.init')).toHaveLength(0);
  });
});
