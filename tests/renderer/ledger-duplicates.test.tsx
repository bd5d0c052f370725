// 疑似重复 where a clerk looks: a badge on the list row, a panel on the record page naming the other office's record
// with the merge (choosing whose values are kept), and a reminder with a count on the home page.
import { screen, within } from '@testing-library/react';
import type { ChildDuplicates } from '../../electron/contract/schemas/duplicates';
import type { ChildRow, ChildView } from '../../electron/contract/schemas/ledger';
import { emptyChildRecord } from '../../electron/contract/schemas/ledger';
import { shippedCodeLists } from '../../electron/domain/ledger/shipped-codelists';
import { createFakeApi, fakeStatus, type FakeHandlers } from '../helpers/fake-api';
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

function view(): ChildView {
  const record = emptyChildRecord();
  record.child = { ...record.child, name: '张小明', sex: '1', birthDate: '2015-08-08', idNumber: '445202********1237' };
  return {
    id: 'c1', record, masked: true, age: 11, ageBand: '6-13', eligible: true, eligibilityReasons: [], missing: [], alerts: [],
    lastVisitDate: '', nextVisitDue: '', lastAssessmentDate: '', createdAt: '2026-11-01T02:00:00.000Z',
    updatedAt: '2026-11-20T02:00:00.000Z', transferredOut: null,
  };
}

const dups: ChildDuplicates = {
  office: '445202',
  officeName: '榕城区民政局',
  others: [{ id: 'c9', name: '张小明', township: '锡场镇', office: '445203', officeName: '揭东区民政局' }],
  mergedInto: null,
  mergedFrom: [],
};

function api(extra: FakeHandlers = {}) {
  return createFakeApi({
    'app.status': () => fakeStatus(),
    'codelists.get': () => shippedCodeLists,
    'children.get': () => view(),
    'children.history': () => [],
    'visits.list': () => [],
    'assistance.list': () => [],
    'assessments.list': () => [],
    'reports.list': () => ({ items: [], townships: [], counts: { all: 0, open: 0, overdue: 0, closed: 0 } }),
    'children.duplicates': () => dups,
    'children.merge': (a) => ({ id: a.keepId, mergedId: a.mergeId, keptOffice: '445203', keptOfficeName: '揭东区民政局', filled: [], message: '已合并：以「揭东区民政局」的档案为准；另一份档案已标记为已合并，全部记录保留。' }),
    ...extra,
  });
}

test('the record page names the other office’s record and merges keeping the chosen office’s values', async () => {
  const fake = api();
  const { user } = renderApp(fake, '/ledger/c1');
  const panel = (await screen.findByRole('heading', { name: '疑似重复' })).closest('section')!;
  expect(panel).toHaveTextContent('张小明（揭东区民政局，锡场镇）');
  expect(within(panel).getByRole('link', { name: '张小明' })).toHaveAttribute('href', '/ledger/c9');
  await user.click(within(panel).getByRole('button', { name: '以揭东区民政局的档案为准合并' }));
  const confirm = screen.getByRole('alertdialog', { name: '确认合并' });
  expect(confirm).toHaveTextContent('将以「揭东区民政局」的档案为准合并');
  await user.click(within(confirm).getByRole('button', { name: '确定合并' }));
  expect(fake.callsTo('children.merge')).toEqual([{ keepId: 'c9', mergeId: 'c1' }]);
  expect(await screen.findByRole('status')).toHaveTextContent('以「揭东区民政局」的档案为准');
});

test('a record merged away says into which record, and is read-only', async () => {
  const merged = view();
  merged.record.status = { ...merged.record.status, state: 'merged', date: '2026-11-25' };
  renderApp(
    api({
      'children.get': () => merged,
      'children.duplicates': () => ({ ...dups, others: [], mergedInto: { id: 'c9', name: '张小明', officeName: '揭东区民政局', date: '2026-11-25', note: '' } }),
    }),
    '/ledger/c1',
  );
  const note = await screen.findByRole('note', { name: '档案合并' });
  expect(note).toHaveTextContent('本档案已于2026-11-25并入「揭东区民政局」的档案（张小明）');
  expect(within(note).getByRole('link')).toHaveAttribute('href', '/ledger/c9');
  expect(screen.queryByRole('link', { name: '修改信息' })).toBeNull();
  expect(screen.queryByRole('form', { name: '登记走访' })).toBeNull();
});

test('the list marks the row, and the home page counts the groups', async () => {
  const row = { id: 'c1', name: '张小明', sex: '1', birthDate: '2015-08-08', age: 11, ageBand: '6-13', idNumberMasked: '445202********1237', township: '仙桥街道', village: '某村', guardianKind: '', guardianshipType: '', assessment: '', schooling: '', riskLevel: '', status: 'active', guardianPhoneMasked: '', eligible: true, unguarded: false, alerts: [], lastVisitDate: '', duplicate: true, incomplete: false } satisfies ChildRow;
  const fake = api({
    'children.list': () => ({ total: 1, offset: 0, rows: [row], townships: [], villages: [] }),
    'exchange.duplicates': () => [{ idNumberMasked: '445202********1237', records: [{ id: 'c1', name: '张小明', office: '445202', officeName: '榕城区民政局' }, { id: 'c9', name: '张小明', office: '445203', officeName: '揭东区民政局' }] }],
    'alerts.list': () => ({ total: 0, counts: { unguarded: 0, age16: 0, turning16: 0, visitOverdue: 0, missingPhone: 0 }, incomplete: 0, items: [] }),
    'tasks.reminders': () => ({ overdue: [], dueSoon: [] }) as never,
  });
  const { unmount } = renderApp(fake, '/ledger');
  const link = await screen.findByRole('link', { name: '张小明' });
  expect(within(link.closest<HTMLElement>('[role="row"]')!).getByText('疑似重复')).toBeInTheDocument();
  unmount();
  renderApp(fake, '/');
  const home = (await screen.findByRole('heading', { name: '疑似重复登记（1 组）' })).closest('section')!;
  expect(within(home).getByRole('link', { name: '查看第一组（张小明）' })).toHaveAttribute('href', '/ledger/c1');
});
