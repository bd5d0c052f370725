import { screen, waitFor, within } from '@testing-library/react';
import type { ChildListResult, ChildRow } from '../../electron/contract/schemas/ledger';
import { shippedCodeLists } from '../../electron/domain/ledger/shipped-codelists';
import { createFakeApi, fakeStatus } from '../helpers/fake-api';
import { renderApp } from './render-app';

jest.setTimeout(60_000);

// jsdom lays nothing out: give the list's scroller a size so the virtualiser renders rows.
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

function row(over: Partial<ChildRow>): ChildRow {
  return {
    id: 'c1',
    name: '张小明',
    sex: '1',
    birthDate: '2015-08-08',
    age: 11,
    ageBand: '6-13',
    idNumberMasked: '445202********1237',
    township: '仙桥街道',
    village: '某村',
    guardianKind: 'grandparents',
    guardianshipType: 'fair',
    assessment: 'fair',
    schooling: 'primary',
    riskLevel: 'yellow',
    status: 'active',
    guardianPhoneMasked: '138****5678',
    eligible: true,
    unguarded: false,
    incomplete: false,
    alerts: [],
    lastVisitDate: '2026-11-20',
    ...over,
  };
}

function api() {
  const rows = [
    row({ id: 'c2', name: '曾晓玲', guardianKind: 'none', unguarded: true, alerts: [{ kind: 'unguarded', message: '无人监护，请优先核查并落实监护' }] }),
    row({}),
  ];
  return createFakeApi({
    'app.status': () => fakeStatus(),
    'codelists.get': () => shippedCodeLists,
    'children.list': (args): ChildListResult => {
      const search = args.search ?? '';
      const hit = rows.filter((r) => (search === 'zxm' ? r.name === '张小明' : true));
      return { total: hit.length, offset: 0, rows: hit, townships: ['仙桥街道', '锡场镇'], villages: ['某村'] };
    },
    'children.create': () => ({ id: 'new-id', changed: [] }),
    'children.get': () => {
      throw new Error('not needed');
    },
  });
}

describe('ledger list', () => {
  it('shows masked ID numbers and phones, highlights 无人监护, and sends filters and search', async () => {
    const fake = api();
    const { user } = renderApp(fake, '/ledger');
    expect(await screen.findByText('共 2 名儿童')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: '儿童列表' });
    expect(within(table).getAllByText('445202********1237')).toHaveLength(2);
    expect(within(table).getAllByText('138****5678').length).toBeGreaterThan(0);
    expect(table.textContent).not.toMatch(/\d{17}[\dX]/);
    const unguarded = within(table).getByRole('link', { name: '曾晓玲' }).closest('[role=row]')!;
    expect(unguarded).toHaveClass('unguarded');
    expect(within(unguarded as HTMLElement).getByText('无人监护', { selector: '.badge' })).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('乡镇（街道）'), '锡场镇');
    await waitFor(() => expect(fake.callsTo('children.list').at(-1)!.filters).toMatchObject({ township: '锡场镇', status: 'active' }));
    await user.selectOptions(screen.getByLabelText('年龄段'), '14-15');
    await waitFor(() => expect(fake.callsTo('children.list').at(-1)!.filters).toMatchObject({ ageBand: '14-15' }));

    await user.type(screen.getByLabelText('查找'), 'zxm');
    await waitFor(() => expect(fake.callsTo('children.list').at(-1)!.search).toBe('zxm'));
    expect(await screen.findByText('共 1 名儿童')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /年龄/ }));
    await waitFor(() => expect(fake.callsTo('children.list').at(-1)!.sort).toEqual({ field: 'age', dir: 'asc' }));
    expect(screen.getByRole('link', { name: '新增儿童' })).toHaveAttribute('href', '/ledger/new');
  });
});

describe('child form', () => {
  it('shows Chinese errors next to fields, fills birth date and sex from the ID number, and Enter never submits a half form', async () => {
    const fake = api();
    const { user } = renderApp(fake, '/ledger/new');
    const name = await screen.findByLabelText('姓名');
    await user.type(name, '张小明{Enter}');
    // Enter moved on to the next field instead of submitting.
    expect(screen.getByLabelText(/^身份证号码/)).toHaveFocus();
    expect(fake.callsTo('children.create')).toHaveLength(0);

    await user.type(screen.getByLabelText(/^身份证号码/), '445202201508081237');
    await user.tab();
    expect(screen.getByLabelText('出生日期')).toHaveValue('2015-08-08');
    expect((screen.getByLabelText('性别') as HTMLSelectElement).value).toBe('1');
    expect(screen.getByText('年龄：', { exact: false })).toHaveTextContent(/周岁/);

    // A wrong check character is explained next to the field.
    await user.clear(screen.getByLabelText(/^身份证号码/));
    await user.type(screen.getByLabelText(/^身份证号码/), '445202201508081238');
    await user.tab();
    expect(await screen.findByText(/校验位不符/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(fake.callsTo('children.create')).toHaveLength(0);
    expect(screen.getByRole('alert')).toHaveTextContent(/处需要修改/);
    expect(screen.getByText('请填写现居住地')).toBeInTheDocument();
    expect(screen.getByText('请填写乡镇（街道）')).toBeInTheDocument();
  });
});
