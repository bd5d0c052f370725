// 待完善 in the renderer (issue 9): the import's values for absent columns and its value-based column choice, the
// record page's missing-fields panel, the list's 信息不完整 filter, and the form opening at the first missing field.
import { screen, waitFor, within } from '@testing-library/react';
import type { ChildListResult, ChildRow, ChildView } from '../../electron/contract/schemas/ledger';
import type { AbsentField, ImportPreview } from '../../electron/contract/schemas/ledger-excel';
import { emptyChildRecord } from '../../electron/domain/ledger/child-fields';
import { makeIdNumber } from '../../electron/domain/ledger/id-number';
import { shippedCodeLists } from '../../electron/domain/ledger/shipped-codelists';
import { createFakeApi, fakeStatus } from '../helpers/fake-api';
import { renderApp } from './render-app';

jest.setTimeout(60_000);

beforeAll(() => {
  jest.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({
    width: 1000, height: 600, top: 0, left: 0, right: 1000, bottom: 600, x: 0, y: 0, toJSON: () => ({}),
  } as DOMRect);
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1000 });
});
afterAll(() => {
  jest.restoreAllMocks();
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
  delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
});

const ethnicity: AbsentField = {
  field: 'child.ethnicity', label: '民族', kind: 'code',
  options: shippedCodeLists.lists.ethnicity.items.map((i) => ({ value: i.code, label: i.label })), value: null, display: '',
};
const hukou: AbsentField = { field: 'child.hukouRegistered', label: '是否登记户口', kind: 'bool', options: [], value: null, display: '' };

function preview(defaults: Record<string, unknown> | undefined): ImportPreview {
  const withValue = (a: AbsentField): AbsentField => {
    const v = defaults?.[a.field];
    return v === undefined ? a : { ...a, value: v as string | boolean, display: v === true ? '是' : v === '01' ? '汉族' : String(v) };
  };
  const missing = ['民族', '是否登记户口', '现居住地'].filter((l) => !(l === '民族' && defaults?.['child.ethnicity']));
  return {
    importId: 'imp-1', fileName: '仙桥街道花名册.xlsx', sheetName: '花名册', headerRows: [3, 4], dataStartRow: 5,
    columns: [
      { index: 1, letter: 'B', header: '姓名', target: 'child.name', how: 'recognised', samples: ['林小明'] },
      {
        index: 7, letter: 'H', header: '监护类型', target: 'guardianship.guardianKind', how: 'values', samples: ['祖辈监护'],
        reason: '按列中的值判断为“监护人类型”：列中填的是“祖辈监护”“亲友监护”等，属于“监护人类型”的选项，而不是表头所指的“监护类型”',
      },
    ],
    targets: [
      { key: 'child.name', label: '姓名' },
      { key: 'guardianship.guardianKind', label: '监护人类型' },
      { key: 'guardianship.guardianshipType', label: '监护类型' },
    ],
    missingRequired: missing,
    absent: [withValue(ethnicity), withValue(hukou)],
    counts: { rows: 13, new: 10, update: 0, unchanged: 0, rejected: 3, incomplete: 10 },
    rows: [{ row: 5, outcome: 'new', name: '林小明', errors: [], changes: [], missing }],
    problems: [{ row: 8, message: 'D列 身份证号码被 Excel 按数字保存' }],
  };
}

describe('import: values for absent columns and columns chosen by their values', () => {
  it('says which field a column was read as and why, lets the clerk set one value for all rows, and shows the dry run', async () => {
    const fake = createFakeApi({
      'app.status': () => fakeStatus({ shell: 'preview' }), // the browser's upload (the desktop picks through a dialog)
      'ledgerImport.preview': (args) => preview(args.defaults),
      'ledgerImport.commit': () => ({ imported: 10, incomplete: 10, updated: 0, skipped: 3, errors: [{ row: 8, message: 'x' }], changes: [] }),
    });
    const { user } = renderApp(fake, '/ledger/import');
    await user.upload(await screen.findByLabelText('表格文件（Excel、WPS 或 CSV）'), new File([new Uint8Array([0x50, 0x4b])], '仙桥街道花名册.xlsx'));

    const h = await screen.findByLabelText('H列（监护类型）导入为');
    expect(h).toHaveValue('guardianship.guardianKind');
    expect(screen.getByText(/^按列中的值判断为“监护人类型”/)).toBeInTheDocument();
    expect(screen.getByRole('status', { name: '试导入结果' })).toHaveTextContent('将导入 10 名（其中 10 名信息待完善），3 行有问题不导入。');
    expect(screen.getByText('信息待完善：缺民族、是否登记户口、现居住地')).toBeInTheDocument();

    // The first preview asked for the remembered values; the clerk sets 民族 = 汉族 and 是否登记户口 = 是.
    expect(fake.callsTo('ledgerImport.preview')[0]).not.toHaveProperty('defaults');
    const group = screen.getByRole('group', { name: '文件中没有的项目（统一填写）' });
    await user.selectOptions(within(group).getByLabelText('民族（全部行）'), '汉族');
    await waitFor(() => expect(fake.callsTo('ledgerImport.preview').at(-1)!.defaults).toEqual({ 'child.ethnicity': '01' }));
    await user.selectOptions(within(group).getByLabelText('是否登记户口（全部行）'), '是');
    await waitFor(() =>
      expect(fake.callsTo('ledgerImport.preview').at(-1)!.defaults).toEqual({ 'child.ethnicity': '01', 'child.hukouRegistered': true }),
    );
    expect(await screen.findByText('信息待完善：缺是否登记户口、现居住地')).toBeInTheDocument();

    // The clerk may overrule the value-based choice.
    await user.selectOptions(screen.getByLabelText('H列（监护类型）导入为'), '监护类型');
    await waitFor(() => expect(fake.callsTo('ledgerImport.preview').at(-1)!.mapping).toEqual({ '7': 'guardianship.guardianshipType' }));

    await user.click(screen.getByRole('button', { name: '确认导入（新增 10 名，更新 0 名）' }));
    expect(await screen.findByText(/新增 10 名（其中 10 名信息待完善）/)).toBeInTheDocument();
    expect(fake.callsTo('ledgerImport.commit')[0]!.defaults).toEqual({ 'child.ethnicity': '01', 'child.hukouRegistered': true });
    expect(screen.getByRole('link', { name: '查看待完善的儿童' })).toHaveAttribute('href', '/ledger?incomplete=1');
  });
});

function view(over: Partial<ChildView> = {}): ChildView {
  const record = emptyChildRecord();
  record.child = { ...record.child, name: '林小明', sex: '1', birthDate: '2015-03-02', idNumber: makeIdNumber('445202', '2015-03-02', 11), schooling: 'primary' };
  record.responsibility = { ...record.responsibility, township: '仙桥街道' };
  record.guardianship = { ...record.guardianship, guardianKind: 'grandparents' };
  record.father = { ...record.father, name: '林大海' };
  record.mother = { ...record.mother, name: '陈秀英' };
  return {
    id: 'c1', record, masked: false, age: 11, ageBand: '6-13', eligible: false, eligibilityReasons: [], alerts: [],
    missing: ['child.ethnicity', 'child.hukouRegistered', 'child.currentAddress', 'responsibility.village'],
    lastVisitDate: '', nextVisitDue: '', lastAssessmentDate: '',
    createdAt: '2026-11-01T02:00:00.000Z', updatedAt: '2026-11-20T02:00:00.000Z', transferredOut: null,
    ...over,
  };
}

function recordApi(v: ChildView) {
  return createFakeApi({
    'app.status': () => fakeStatus({ shell: 'preview' }), // the browser's upload (the desktop picks through a dialog)
    'codelists.get': () => shippedCodeLists,
    'children.get': () => v,
    'children.reveal': () => v,
    'children.update': () => ({ id: 'c1', changed: [] }),
    'children.history': () => [],
    'visits.list': () => [],
    'assistance.list': () => [],
    'assessments.list': () => [],
    'reports.list': () => ({ items: [], townships: [], counts: { all: 0, open: 0, overdue: 0, closed: 0 } }),
  });
}

describe('a 待完善 record', () => {
  it('lists what it lacks in Chinese on the record page, with the way to complete it', async () => {
    renderApp(recordApi(view()), '/ledger/c1');
    const panel = await screen.findByRole('region', { name: '信息待完善' });
    const items = within(within(panel).getByRole('list', { name: '缺少的信息' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(['民族', '是否登记户口', '现居住地', '村（居）']);
    expect(within(panel).getByRole('link', { name: '补全信息' })).toHaveAttribute('href', '/ledger/c1/edit');
  });

  it('shows no panel for a complete record', async () => {
    renderApp(recordApi(view({ missing: [] })), '/ledger/c1');
    await screen.findByRole('heading', { name: '林小明的档案' });
    expect(screen.queryByRole('region', { name: '信息待完善' })).not.toBeInTheDocument();
  });

  it('opens the form at the first missing field, leaves an unanswered 是/否 unanswered, and may keep it 待完善', async () => {
    const fake = recordApi(view());
    const { user } = renderApp(fake, '/ledger/c1/edit');
    const ethnicity = await screen.findByLabelText('民族');
    await waitFor(() => expect(ethnicity).toHaveFocus());
    expect(screen.getByLabelText('是否登记户口')).toHaveValue('');

    await user.selectOptions(ethnicity, '汉族');
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(fake.callsTo('children.update')).toHaveLength(0);
    expect(screen.getByRole('alert')).toHaveTextContent(/处需要修改/);
    await user.click(screen.getByRole('button', { name: '暂存为待完善' }));
    await waitFor(() => expect(fake.callsTo('children.update')).toHaveLength(1));
    const sent = fake.callsTo('children.update')[0]!;
    expect(sent.incomplete).toBe(true);
    expect((sent.record as { child: Record<string, unknown> }).child).toMatchObject({ ethnicity: '01', hukouRegistered: null });
  });
});

describe('the 信息不完整 filter', () => {
  const row = (over: Partial<ChildRow>): ChildRow => ({
    id: 'c1', name: '林小明', sex: '1', birthDate: '2015-03-02', age: 11, ageBand: '6-13', idNumberMasked: '445202********0113',
    township: '仙桥街道', village: '', guardianKind: 'grandparents', guardianshipType: '', assessment: '', schooling: 'primary',
    riskLevel: '', status: 'active', guardianPhoneMasked: '', eligible: false, unguarded: false, incomplete: true, alerts: [],
    lastVisitDate: '', ...over,
  });
  const listApi = () =>
    createFakeApi({
      'app.status': () => fakeStatus({ shell: 'preview' }), // the browser's upload (the desktop picks through a dialog)
      'codelists.get': () => shippedCodeLists,
      'children.list': (args): ChildListResult => {
        const all = [row({}), row({ id: 'c2', name: '张小明', incomplete: false })];
        const rows = args.filters?.incomplete ? all.filter((r) => r.incomplete) : all;
        return { total: rows.length, offset: 0, rows, townships: ['仙桥街道'], villages: [] };
      },
    });

  it('narrows the list to the 待完善 children, each marked', async () => {
    const fake = listApi();
    const { user } = renderApp(fake, '/ledger');
    expect(await screen.findByText('共 2 名儿童')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: '儿童列表' });
    const marked = within(table).getByRole('link', { name: '林小明' }).closest('[role=row]') as HTMLElement;
    expect(within(marked).getByText('待完善')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: '信息不完整' }));
    await waitFor(() => expect(fake.callsTo('children.list').at(-1)!.filters).toMatchObject({ incomplete: true, status: 'active' }));
    expect(await screen.findByText('共 1 名儿童')).toBeInTheDocument();
  });

  it('opens filtered when linked from the home or statistics page', async () => {
    const fake = listApi();
    renderApp(fake, '/ledger?incomplete=1');
    expect(await screen.findByText('共 1 名儿童')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: '信息不完整' })).toBeChecked();
  });
});
