// 设置 → 台账设置: the visit period of the 「超过N天未走访」 alert, and the office's additions to the code lists.
import { screen, within } from '@testing-library/react';
import type { CodeListsView, LedgerSettingsView } from '../../electron/contract/schemas/ledger';
import { AppError } from '../../electron/contract/errors';
import { CODE_LIST_KEYS } from '../../electron/domain/ledger/codelists';
import { createFakeApi, fakeSettings, fakeStatus, type FakeHandlers } from '../helpers/fake-api';
import { renderApp } from './render-app';

function codeLists(): CodeListsView {
  const lists = Object.fromEntries(
    CODE_LIST_KEYS.map((key) => [key, { label: key, items: [{ code: '1', label: `${key}-1` }] }]),
  ) as unknown as CodeListsView['lists'];
  lists.exitReason = {
    label: '退出原因',
    note: '国家未规定退出情形清单，可由办公室增补',
    items: [
      { code: 'age-16', label: '年满16周岁' },
      { code: 'parents-back', label: '父母返乡' },
      { code: 'x-1a2b3c4d', label: '随迁入城', office: true },
    ],
  };
  lists.ethnicity = { label: '民族', items: [{ code: '01', label: '汉族' }] };
  return { version: 1, lists, conflicts: [] };
}

function setup(extra: FakeHandlers = {}) {
  let settings: LedgerSettingsView = { visitPeriodDays: 30, turning16Days: 45 };
  const lists = codeLists();
  const api = createFakeApi({
    'app.status': () => fakeStatus(),
    'settings.get': () => fakeSettings(),
    'ledger.settings.get': () => settings,
    'ledger.settings.set': (args) => (settings = { visitPeriodDays: args.visitPeriodDays, turning16Days: args.turning16Days ?? 30 }),
    'codelists.get': () => lists,
    'codelists.extend': (args) => {
      const list = lists.lists[args.list];
      if (list.items.some((i) => i.label === args.label)) {
        const msg = `「${args.label}」已在「${list.label}」中，不必增补`;
        throw new AppError('VALIDATION', msg, { label: msg });
      }
      const item = { code: `x-${list.items.length}`, label: args.label, office: true as const };
      list.items.push(item);
      return { list: args.list, code: item.code, label: item.label };
    },
    ...extra,
  });
  return { api, ...renderApp(api, '/settings') };
}

describe('settings: ledger', () => {
  it('shows the visit period and saves a new one, keeping the turning-16 lead time', async () => {
    const { api, user } = setup();
    const section = within(await screen.findByRole('region', { name: '台账设置' }));
    const period = await section.findByLabelText('走访周期（天）');
    expect(period).toHaveValue(30);

    await user.clear(period);
    await user.type(period, '14');
    await user.click(section.getByRole('button', { name: '保存台账设置' }));

    expect(await section.findByRole('status')).toHaveTextContent('已保存。超过 14 天未走访的儿童将列入提醒。');
    expect(api.callsTo('ledger.settings.set')).toEqual([{ visitPeriodDays: 14, turning16Days: 45 }]);
  });

  it.each([
    ['', '请填写走访周期'],
    ['0', '走访周期至少1天'],
    ['400', '走访周期不能超过365天'],
    ['7.5', '走访周期应为整数天'],
  ])('refuses %p with a Chinese error next to the field and saves nothing', async (typed, message) => {
    const { api, user } = setup();
    const section = within(await screen.findByRole('region', { name: '台账设置' }));
    const period = await section.findByLabelText('走访周期（天）');
    await user.clear(period);
    if (typed) await user.type(period, typed);
    await user.click(section.getByRole('button', { name: '保存台账设置' }));

    expect(period).toHaveAttribute('aria-invalid', 'true');
    expect(period).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(api.callsTo('ledger.settings.set')).toEqual([]);
  });

  it('shows the error the office store answers next to the field', async () => {
    const { user } = setup({
      'ledger.settings.set': () => {
        throw new AppError('INVALID_ARGS', '填写的内容有误，请检查标出的项目。', { visitPeriodDays: '走访周期至少1天' });
      },
    });
    const section = within(await screen.findByRole('region', { name: '台账设置' }));
    const period = await section.findByLabelText('走访周期（天）');
    await user.click(section.getByRole('button', { name: '保存台账设置' }));
    expect(await section.findByRole('alert')).toHaveTextContent('填写的内容有误');
    expect(period).toHaveAccessibleDescription(expect.stringContaining('走访周期至少1天'));
  });

  it('lists the chosen code list with office items marked, and adds an item', async () => {
    const { api, user } = setup();
    const codes = within(await screen.findByRole('region', { name: '代码表增补' }));
    const listSelect = await codes.findByLabelText('代码表');
    expect(listSelect).toHaveValue('exitReason');

    const items = codes.getByRole('list', { name: '「退出原因」现有项目' });
    const office = within(items).getByText('随迁入城').closest('li')!;
    expect(office).toHaveTextContent('本单位添加');
    expect(within(items).getByText('年满16周岁').closest('li')).not.toHaveTextContent('本单位添加');

    await user.type(codes.getByLabelText('新增项目名称'), '  被收养  ');
    await user.click(codes.getByRole('button', { name: '增补' }));

    expect(await codes.findByRole('status')).toHaveTextContent('已在「退出原因」中增补「被收养」。');
    expect(api.callsTo('codelists.extend')).toEqual([{ list: 'exitReason', label: '被收养', note: '' }]);
    const added = (await within(items).findByText('被收养')).closest('li')!;
    expect(added).toHaveTextContent('本单位添加');
    expect(codes.getByLabelText('新增项目名称')).toHaveValue('');
  });

  it('switches lists, and shows a refusal in Chinese next to the label', async () => {
    const { api, user } = setup();
    const codes = within(await screen.findByRole('region', { name: '代码表增补' }));
    await user.selectOptions(await codes.findByLabelText('代码表'), '民族');
    expect(codes.getByRole('list', { name: '「民族」现有项目' })).toHaveTextContent('汉族');

    const label = codes.getByLabelText('新增项目名称');
    await user.click(codes.getByRole('button', { name: '增补' }));
    expect(label).toHaveAccessibleDescription(expect.stringContaining('请填写新增项目名称'));
    expect(api.callsTo('codelists.extend')).toEqual([]);

    await user.type(label, '汉族');
    await user.click(codes.getByRole('button', { name: '增补' }));
    expect(await codes.findByRole('alert')).toHaveTextContent('「汉族」已在「民族」中，不必增补');
    expect(label).toHaveAttribute('aria-invalid', 'true');
    expect(label).toHaveAccessibleDescription(expect.stringContaining('「汉族」已在「民族」中，不必增补'));
  });

  it('says why the ledger settings cannot be read, without hiding the rest of the page', async () => {
    let broken = true;
    const { user } = setup({
      'ledger.settings.get': () => {
        if (broken) throw new AppError('STORE_DAMAGED', '数据文件损坏，无法读取。');
        return { visitPeriodDays: 21, turning16Days: 30 };
      },
    });
    const section = within(await screen.findByRole('region', { name: '走访提醒' }));
    expect(await section.findByText('数据文件损坏，无法读取。')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: '本单位' })).toBeInTheDocument();
    expect(screen.getByRole('list', { name: '「退出原因」现有项目' })).toBeInTheDocument();
    broken = false;
    await user.click(section.getByRole('button', { name: '重新读取台账设置' }));
    expect(await section.findByLabelText('走访周期（天）')).toHaveValue(21);
  });
});
