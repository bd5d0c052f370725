import { screen, waitFor } from '@testing-library/react';
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
    await user.type(nameBox(), '普宁市民政局{Enter}');
    await waitFor(() =>
      expect(api.callsTo('office.init')).toEqual([{ code: '445281', name: '普宁市民政局', level: 'county' }]),
    );
  });

  it('calls office.init with the form values and then shows the home page', async () => {
    const api = setupApi();
    const { user, router } = renderApp(api, '/meetings');
    await user.type(await screen.findByRole('textbox', { name: '单位代码' }), ' 445200 ');
    await user.type(nameBox(), '揭阳市农村留守儿童关爱保护工作联席会议办公室');
    await user.selectOptions(levelBox(), '市级');
    await user.click(submitButton());

    expect(
      await screen.findByRole('heading', { level: 1, name: '揭阳市农村留守儿童关爱保护工作联席会议办公室' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: '主导航' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '会议与纪要' })).not.toBeInTheDocument();
    expect(api.callsTo('office.init')).toEqual([
      { code: '445200', name: '揭阳市农村留守儿童关爱保护工作联席会议办公室', level: 'city' },
    ]);
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
});
