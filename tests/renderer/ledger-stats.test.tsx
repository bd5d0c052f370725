import { screen, within } from '@testing-library/react';
import type { StatsRow, StatsSummary } from '../../electron/contract/schemas/stats';
import { createFakeApi, fakeStatus } from '../helpers/fake-api';
import { renderApp } from './render-app';

// echarts draws nothing in jsdom: the chart is replaced by its label and the option's categories, which is what the
// page decides; the drawing itself is echarts' business (and the print test checks the SVG).
jest.mock('../../renderer/src/pages/ledger/stats/echarts-chart', () => ({
  __esModule: true,
  default: ({ label, option }: { label: string; option: { xAxis?: { data?: string[] } } }) => (
    <div role="img" aria-label={label}>
      {option.xAxis?.data?.join(',')}
    </div>
  ),
}));

const row = (name: string, total: number, over: Partial<StatsRow> = {}): StatsRow => ({
  name,
  total,
  guardianKind: { grandparents: total - 1, none: 1 },
  schooling: { primary: total },
  riskLevel: { red: 1, '': total - 1 },
  ageBand: { '0-5': 0, '6-13': total, '14-15': 0, '16+': 0 },
  entries: 2,
  exits: 1,
  visits: 5,
  ...over,
});

function summary(township: string | null): StatsSummary {
  const rows = township ? [row('东湖村', 3), row('西湖村', 2)] : [row('仙桥街道', 5), row('梅云街道', 4)];
  const sum = rows.reduce((a, r) => a + r.total, 0);
  return {
    period: { from: '2026-01-01', to: '2026-12-31' },
    township,
    rowLabel: township ? '村（居）' : '乡镇（街道）',
    incomplete: 2,
    rows,
    totals: row('合计', sum, { entries: 4, exits: 2, visits: 10 }),
    columns: {
      guardianKind: [
        { code: 'grandparents', label: '祖辈监护' },
        { code: 'none', label: '无人监护' },
      ],
      schooling: [{ code: 'primary', label: '小学' }],
      riskLevel: [
        { code: 'red', label: '红色' },
        { code: '', label: '未评定' },
      ],
      ageBand: [
        { code: '0-5', label: '0–5岁' },
        { code: '6-13', label: '6–13岁' },
        { code: '14-15', label: '14–15岁' },
        { code: '16+', label: '16岁及以上' },
      ],
    },
    exitsByReason: [{ code: 'parents-returned', label: '父母返乡', count: 2 }],
    visitedChildren: 7,
    reports: 3,
    townships: ['仙桥街道', '梅云街道'],
  };
}

it('shows the figures, charts and tables, narrows to one township, and previews the A4 print', async () => {
  const api = createFakeApi({
    'app.status': () => fakeStatus({ shell: 'preview' }),
    'stats.summary': (args) => summary(args.township ?? null),
    'print.render': () => ({ title: '统计表', html: '<!DOCTYPE html><html><body>农村留守儿童信息台账统计表</body></html>' }),
  });
  const { user } = renderApp(api, '/ledger/stats');
  expect(await screen.findByRole('heading', { level: 1, name: '台账统计' })).toBeInTheDocument();
  const figures = within(await screen.findByLabelText('主要数字'));
  expect(figures.getByText('期末在册').nextElementSibling).toHaveTextContent('9 人');
  expect(figures.getByText('信息待完善').nextElementSibling).toHaveTextContent('2 人');
  expect(figures.getByRole('link', { name: '查看' })).toHaveAttribute('href', '/ledger?incomplete=1');
  expect(figures.getByText('期间走访').nextElementSibling).toHaveTextContent('10 人次（7 人）');
  expect(screen.getByText('退出或转出原因：父母返乡 2 人。')).toBeInTheDocument();
  expect(await screen.findByRole('img', { name: '按乡镇（街道）和监护人类型的在册儿童人数柱状图' })).toHaveTextContent('仙桥街道,梅云街道');

  const first = screen.getByRole('table', { name: /表一/ });
  const head = within(first).getAllByRole('columnheader').map((h) => h.textContent);
  expect(head).toEqual(['乡镇（街道）', '在册', '祖辈监护', '无人监护', '0–5岁', '6–13岁', '14–15岁', '16岁及以上']);
  const total = within(first).getByRole('rowheader', { name: '合计' }).closest('tr')!;
  expect(within(total).getAllByRole('cell').map((c) => c.textContent)).toEqual(['9', '8', '1', '0', '9', '0', '0']);
  const third = screen.getByRole('table', { name: /表三/ });
  expect(within(third).getAllByRole('columnheader').map((h) => h.textContent)).toContain('走访人次');

  const period = api.callsTo('stats.summary')[0]!.period;
  expect(period.from < period.to).toBe(true);
  await user.selectOptions(screen.getByLabelText('统计范围'), '仙桥街道（按村）');
  expect(api.callsTo('stats.summary').at(-1)).toMatchObject({ township: '仙桥街道' });
  expect(await screen.findByRole('table', { name: /表一/ })).toHaveTextContent('东湖村');

  const from = screen.getByLabelText('统计起始日期');
  await user.clear(from);
  await user.type(from, '2026-03-01');
  expect(api.callsTo('stats.summary').at(-1)).toMatchObject({ period: { from: '2026-03-01' } });

  await user.click(screen.getByRole('button', { name: '预览' }));
  const frame = await screen.findByTitle('统计表打印预览');
  expect(frame).toHaveAttribute('srcdoc', expect.stringContaining('农村留守儿童信息台账统计表'));
  expect(api.callsTo('print.render').at(-1)).toEqual({
    kind: 'statsSummary',
    options: { from: '2026-03-01', to: period.to, township: '仙桥街道' },
  });
});

it('prints and saves PDF through the desktop shell', async () => {
  const api = createFakeApi({
    'app.status': () => fakeStatus({ shell: 'desktop' }),
    'stats.summary': () => summary(null),
    'print.print': () => ({ printed: true }),
    'print.pdf': () => ({ saved: true, filePath: 'D:\\统计表.pdf' }),
  });
  const { user } = renderApp(api, '/ledger/stats');
  await user.click(await screen.findByRole('button', { name: '打印' }));
  expect(api.callsTo('print.print')).toHaveLength(1);
  await user.click(screen.getByRole('button', { name: '保存为 PDF' }));
  expect(await screen.findByText('已保存：D:\\统计表.pdf')).toBeInTheDocument();
});
