import { act, screen, waitFor, within } from '@testing-library/react';
import type { ImportPreview, ImportResult } from '../../electron/contract/schemas/ledger-excel';
import { AppError } from '../../electron/contract/errors';
import { createFakeApi, fakeStatus, type FakeHandlers } from '../helpers/fake-api';
import { renderApp } from './render-app';
import { shippedCodeLists } from '../../electron/domain/ledger/shipped-codelists';

function preview(overrides: Partial<ImportPreview> = {}): ImportPreview {
  return {
    importId: 'imp-1',
    fileName: '仙桥街道台账.xlsx',
    sheetName: '台账',
    headerRows: [3, 4],
    dataStartRow: 5,
    columns: [
      { index: 0, letter: 'A', header: '序号', target: '', how: 'none', samples: ['1', '2'] },
      { index: 1, letter: 'B', header: '姓名', target: 'child.name', how: 'recognised', samples: ['林小明'] },
      { index: 2, letter: 'C', header: '备注', target: '', how: 'none', samples: ['在读'] },
    ],
    targets: [
      { key: 'child.name', label: '姓名' },
      { key: 'child.school', label: '就读学校' },
    ],
    missingRequired: [],
    absent: [],
    counts: { rows: 3, new: 1, update: 1, unchanged: 0, rejected: 1, incomplete: 0 },
    rows: [
      { row: 5, outcome: 'new', name: '林小明', errors: [], changes: [], missing: [] },
      { row: 8, outcome: 'rejected', name: '黄小龙', errors: [{ column: 'F', field: 'child.idNumber', message: '身份证号码被 Excel 按数字保存' }], changes: [], missing: [] },
      { row: 12, outcome: 'update', name: '许小军', errors: [], changes: [{ field: 'entrustedGuardian.phone', label: '委托监护人电话', from: '137****7000', to: '137****7999' }], missing: [] },
    ],
    problems: [{ row: 8, message: 'F列 身份证号码被 Excel 按数字保存' }],
    ...overrides,
  };
}

const result: ImportResult = {
  imported: 1,
  incomplete: 0,
  updated: 1,
  skipped: 1,
  errors: [{ row: 8, message: 'F列 身份证号码被 Excel 按数字保存' }],
  changes: [{ row: 12, id: 'c-12', name: '许小军', changes: [{ field: 'entrustedGuardian.phone', label: '委托监护人电话', from: '137****7000', to: '137****7999' }] }],
};

// The browser preview: uploads and downloads (the desktop's dialogs are tested below).
const base: FakeHandlers = { 'app.status': () => fakeStatus({ shell: 'preview' }) };
const desktop: FakeHandlers = { 'app.status': () => fakeStatus({ shell: 'desktop' }) };

describe('import wizard', () => {
  it('uploads the file, shows the mapping and the rows with errors, remaps a column, imports and offers the rejected rows', async () => {
    const api = createFakeApi({
      ...base,
      'ledgerImport.preview': (args) =>
        args.mapping?.['2'] === 'child.school'
          ? preview({ columns: preview().columns.map((c) => (c.index === 2 ? { ...c, target: 'child.school', how: 'chosen' } : c)) })
          : preview(),
      'ledgerImport.commit': () => result,
      'ledgerImport.rejectedXlsx': () => ({ fileName: 'x-未导入的行.xlsx', contentBase64: 'UEsDBA==', rows: 1 }),
    });
    const { user } = renderApp(api, '/ledger/import');
    expect(await screen.findByRole('heading', { level: 1, name: '导入 Excel 台账' })).toBeInTheDocument();

    const file = new File([new Uint8Array([0x50, 0x4b, 3, 4])], '仙桥街道台账.xlsx');
    await user.upload(screen.getByLabelText('表格文件（Excel、WPS 或 CSV）'), file);

    expect(await screen.findByText(/第 3–4 行为表头（两级），第 5 行起为数据/)).toBeInTheDocument();
    const [sent] = api.callsTo('ledgerImport.preview');
    expect(sent!.source).toEqual({ fileName: '仙桥街道台账.xlsx', contentBase64: 'UEsDBA==' });

    expect(screen.getByLabelText('B列（姓名）导入为')).toHaveValue('child.name');
    const counts = within(screen.getByRole('list', { name: '核对结果' }));
    expect(counts.getByText(/有问题/)).toHaveTextContent('有问题 1 行');
    expect(within(screen.getByRole('list', { name: '有问题的行' })).getByText('第8行')).toBeInTheDocument();
    const rowsTable = screen.getByRole('table', { name: /前 3 行的核对结果/ });
    const row8 = within(rowsTable).getByRole('rowheader', { name: '8' }).closest('tr')!;
    expect(row8).toHaveTextContent('未通过');
    expect(row8).toHaveTextContent('F列 身份证号码被 Excel 按数字保存');
    expect(rowsTable).toHaveTextContent('委托监护人电话：137****7000 → 137****7999');

    await user.selectOptions(screen.getByLabelText('C列（备注）导入为'), 'child.school');
    expect(await screen.findByLabelText('C列（备注）导入为')).toHaveValue('child.school');
    expect(api.callsTo('ledgerImport.preview').at(-1)!.mapping).toEqual({ '2': 'child.school' });

    await user.click(screen.getByRole('button', { name: '确认导入（新增 1 名，更新 1 名）' }));
    expect(await screen.findByText('新增 1 名，更新 1 名，未写入 1 行（其中有问题 1 行）。')).toBeInTheDocument();
    expect(api.callsTo('ledgerImport.commit')).toEqual([{ importId: 'imp-1', mapping: { '2': 'child.school' }, defaults: {} }]);
    expect(screen.getByRole('link', { name: '许小军' })).toHaveAttribute('href', '/ledger/c-12');

    await user.click(screen.getByRole('button', { name: '下载未导入的行（Excel，含错误原因）' }));
    expect(api.callsTo('ledgerImport.rejectedXlsx')).toEqual([{ importId: 'imp-1' }]);
  });

  it('shows progress events and a refused file in Chinese', async () => {
    let release: () => void = () => undefined;
    const api = createFakeApi({
      ...base,
      'ledgerImport.preview': () =>
        new Promise((_, reject) => {
          release = () => reject(new AppError('VALIDATION', '没有找到表头。'));
        }),
    });
    const { user } = renderApp(api, '/ledger/import');
    await user.upload(await screen.findByLabelText('表格文件（Excel、WPS 或 CSV）'), new File(['x'], 'a.xlsx'));
    expect(await screen.findByRole('status')).toHaveTextContent('正在处理');
    act(() => api.emit('ledgerImport.progress', { phase: 'reading', rows: 2000, fraction: 0.4 }));
    expect(screen.getByRole('status')).toHaveTextContent('正在读取……已处理 2000 行');
    await act(async () => release());
    expect(await screen.findByRole('alert')).toHaveTextContent('没有找到表头。');
  });
});

describe('export dialog', () => {
  const listHandlers: FakeHandlers = {
    ...base,
    'children.list': () => ({ total: 37, offset: 0, rows: [], townships: [], villages: [] }),
    'codelists.get': () => shippedCodeLists,
  };

  it('exports the list filter masked by default', async () => {
    const api = createFakeApi({
      ...listHandlers,
      'ledgerExport.xlsx': () => ({ fileName: '留守儿童台账-2026-11-28.xlsx', contentBase64: 'UEsDBA==', rows: 37, masked: true }),
    });
    const { user } = renderApp(api, '/ledger');
    await user.click(await screen.findByRole('button', { name: '导出 Excel' }));
    const dialog = screen.getByRole('dialog', { name: '导出 Excel' });
    expect(dialog).toHaveTextContent('37');
    expect(within(dialog).getByRole('checkbox', { name: '导出完整的身份证号码和电话号码' })).not.toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: '导出' }));
    expect(await screen.findByText(/已导出 37 名儿童/)).toBeInTheDocument();
    expect(api.callsTo('ledgerExport.xlsx')).toEqual([{ filters: { status: 'active' }, search: '', unmasked: false, confirmed: false }]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('needs an explicit confirmation about personal information before an unmasked export', async () => {
    const api = createFakeApi({
      ...listHandlers,
      'ledgerExport.xlsx': () => ({ fileName: '留守儿童台账-2026-11-28-完整信息.xlsx', contentBase64: 'UEsDBA==', rows: 37, masked: false }),
    });
    const { user } = renderApp(api, '/ledger');
    await user.click(await screen.findByRole('button', { name: '导出 Excel' }));
    const dialog = within(screen.getByRole('dialog'));
    await user.click(dialog.getByRole('checkbox', { name: '导出完整的身份证号码和电话号码' }));
    const exportButton = dialog.getByRole('button', { name: '导出' });
    expect(exportButton).toBeDisabled();
    const confirm = dialog.getByRole('checkbox', { name: /属于儿童及其家人的个人信息/ });
    await user.click(confirm);
    expect(exportButton).toBeEnabled();
    await user.click(exportButton);
    expect(await screen.findByText(/已导出 37 名儿童/)).toBeInTheDocument();
    expect(api.callsTo('ledgerExport.xlsx')[0]).toMatchObject({ unmasked: true, confirmed: true });
  });
});

describe('the desktop shell: native dialogs, the page holds only a handle', () => {
  it('imports a workbook picked in the dialog and saves the rejected rows where the person chooses', async () => {
    const api = createFakeApi({
      ...desktop,
      'files.pickOpen': () => ({ handle: 'h-open-0123456789abcdef', name: '仙桥街道台账.xlsx' }),
      'files.pickSave': () => ({ handle: 'h-save-0123456789abcdef', name: '未导入的行.xlsx' }),
      'files.write': () => ({ saved: true, name: '未导入的行.xlsx' }),
      'ledgerImport.preview': () => preview(),
      'ledgerImport.commit': () => result,
      'ledgerImport.rejectedXlsx': () => ({ fileName: 'x-未导入的行.xlsx', contentBase64: 'UEsDBA==', rows: 1 }),
    });
    const { user } = renderApp(api, '/ledger/import');
    expect(await screen.findByRole('heading', { level: 1, name: '导入 Excel 台账' })).toBeInTheDocument();
    const choose = await screen.findByRole('button', { name: '选择文件…' });
    expect(screen.queryByLabelText('表格文件（Excel、WPS 或 CSV）', { selector: 'input[type=file]' })).not.toBeInTheDocument();
    await user.click(choose);
    expect(await screen.findByText(/第 3–4 行为表头（两级），第 5 行起为数据/)).toBeInTheDocument();
    expect(api.callsTo('files.pickOpen')).toEqual([{ purpose: 'ledgerImport' }]);
    expect(api.callsTo('ledgerImport.preview')[0]!.source).toEqual({ handle: 'h-open-0123456789abcdef' });

    await user.click(screen.getByRole('button', { name: '确认导入（新增 1 名，更新 1 名）' }));
    await user.click(await screen.findByRole('button', { name: '下载未导入的行（Excel，含错误原因）' }));
    await waitFor(() => expect(api.callsTo('files.write')).toEqual([{ handle: 'h-save-0123456789abcdef', contentBase64: 'UEsDBA==' }]));
    expect(api.callsTo('files.pickSave')).toEqual([{ purpose: 'ledgerExport', suggestedName: 'x-未导入的行.xlsx' }]);
  });

  it('asks where to save before exporting; a cancelled dialog exports nothing', async () => {
    let answer: { handle: string; name: string } | { cancelled: true } = { cancelled: true };
    const api = createFakeApi({
      ...desktop,
      'children.list': () => ({ total: 37, offset: 0, rows: [], townships: [], villages: [] }),
      'codelists.get': () => shippedCodeLists,
      'files.pickSave': () => answer,
      'files.write': () => ({ saved: true, name: '台账.xlsx' }),
      'ledgerExport.xlsx': () => ({ fileName: '留守儿童台账-2026-11-28.xlsx', contentBase64: 'UEsDBA==', rows: 37, masked: true }),
    });
    const { user } = renderApp(api, '/ledger');
    await user.click(await screen.findByRole('button', { name: '导出 Excel' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: '导出' }));
    await waitFor(() => expect(api.callsTo('files.pickSave')).toHaveLength(1));
    expect(api.callsTo('ledgerExport.xlsx')).toHaveLength(0);

    answer = { handle: 'h-save-0123456789abcdef', name: '台账.xlsx' };
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: '导出' }));
    expect(await screen.findByText('已导出 37 名儿童（台账.xlsx）')).toBeInTheDocument();
    expect(api.callsTo('files.write')).toEqual([{ handle: 'h-save-0123456789abcdef', contentBase64: 'UEsDBA==' }]);
  });
});
