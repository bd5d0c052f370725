// The printable statistics summary (留守儿童信息台账统计表): one A4 page for a period — the key figures, a bar chart
// of the children in the ledger by township and guardian, and two tables. Simpler than a 公文: the same A4 page shell
// (margins, fonts, no scripts), no red header. The chart is drawn with echarts on the Node side as SVG, so the page
// stays self-contained and prints the same in the desktop app, the preview and the tests.
import type * as EChartsTypes from 'echarts';
import type { StatsRow, StatsSummary } from '../contract/schemas/stats';
import { formatChineseDate } from './chinese-date';
import { escapeHtml } from './escape';
import { FONT_FANGSONG, FONT_HEITI, FONT_XIAOBIAOSONG } from './fonts';
import { PX_PER_MM, TEXT_WIDTH_MM, mm } from './geometry';
import { pageShell } from './page-css';

// Loaded when a summary is first printed, not at start: echarts is half the main bundle, and evaluating it delayed
// every start's first page (issue 13).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadEcharts = (): typeof EChartsTypes => require('echarts') as typeof EChartsTypes;

export interface StatsPrintOptions {
  officeName: string;
  printedBy?: string | undefined;
  demo?: boolean | undefined;
}

const CHART_HEIGHT_MM = 50;
const GUARDIAN_COLOURS = ['#1d4e89', '#5b8fc7', '#9cbfe3', '#c0392b', '#999999', '#666666'];

const CSS = `
.stats { font-size: 10.5pt; line-height: 1.5; }
.stats h1 { margin: 0 0 2mm; font-family: ${FONT_XIAOBIAOSONG}; font-size: 18pt; font-weight: normal; text-align: center; }
.stats .meta { margin: 0 0 3mm; text-align: center; font-size: 10.5pt; }
.stats .figures { margin: 0 0 2mm; font-family: ${FONT_FANGSONG}; }
.stats h2 { margin: 2.5mm 0 1mm; font-family: ${FONT_HEITI}; font-size: 11pt; font-weight: normal; }
.stats .chart svg { display: block; width: ${mm(TEXT_WIDTH_MM)}; height: ${mm(CHART_HEIGHT_MM)}; }
.stats table { width: ${mm(TEXT_WIDTH_MM)}; border-collapse: collapse; table-layout: fixed; font-size: 9pt; }
.stats thead { display: table-header-group; }
.stats tr { break-inside: avoid; }
.stats th, .stats td { border: 0.5pt solid #000; padding: 0.2mm 0.8mm; line-height: 1.2; overflow-wrap: anywhere; }
.stats th { font-family: ${FONT_HEITI}; font-weight: normal; text-align: center; }
.stats td { text-align: right; font-variant-numeric: tabular-nums; }
.stats td.name { text-align: left; }
.stats tr.total td { font-family: ${FONT_HEITI}; }
.stats .note { margin-top: 2mm; font-size: 9pt; color: #333; }
`;

const n = (x: number | undefined) => String(x ?? 0);
const sumOf = (counts: Record<string, number>, codes: string[]) => codes.reduce((s, c) => s + (counts[c] ?? 0), 0);

/** Schooling grouped for the page: eight columns do not fit beside the others on A4. */
const SCHOOL_GROUPS: Array<[string, string[]]> = [
  ['学前', ['not-enrolled', 'kindergarten']],
  ['小学', ['primary']],
  ['初中', ['junior']],
  ['高中中职', ['senior', 'vocational']],
  ['辍学/不在学', ['dropout', 'not-in-school']],
];

function chartSvg(s: StatsSummary): string {
  const widthPx = Math.round(TEXT_WIDTH_MM * PX_PER_MM);
  const heightPx = Math.round(CHART_HEIGHT_MM * PX_PER_MM);
  const chart = loadEcharts().init(null, null, { renderer: 'svg', ssr: true, width: widthPx, height: heightPx });
  try {
    const many = s.rows.length > 8;
    chart.setOption({
      animation: false,
      color: GUARDIAN_COLOURS,
      textStyle: { fontFamily: 'Noto Sans CJK SC, Microsoft YaHei, SimHei, sans-serif', fontSize: 11 },
      title: { text: `期末在册儿童（按${s.rowLabel}、监护人类型）`, left: 'center', top: 0, textStyle: { fontSize: 12 } },
      legend: { bottom: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 10 } },
      grid: { left: 34, right: 8, top: 24, bottom: many ? 58 : 40 },
      xAxis: {
        type: 'category',
        data: s.rows.map((r) => r.name),
        axisLabel: { interval: 0, fontSize: s.rows.length > 20 ? 7 : 10, rotate: many ? 45 : 0 },
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 10 } },
      series: s.columns.guardianKind.map((c) => ({
        type: 'bar',
        stack: 'total',
        name: c.label,
        barMaxWidth: 36,
        data: s.rows.map((r) => r.guardianKind[c.code] ?? 0),
      })),
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

function table(head: string[], widthsMm: number[], rows: string[][], totalRow: string[]): string {
  const cols = widthsMm.map((w) => `<col style="width:${mm(w)}">`).join('');
  const th = head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const tr = (cells: string[], cls = '') =>
    `<tr${cls ? ` class="${cls}"` : ''}>${cells
      .map((c, i) => (i === 0 ? `<td class="name">${escapeHtml(c)}</td>` : `<td>${escapeHtml(c)}</td>`))
      .join('')}</tr>`;
  return `<table><colgroup>${cols}</colgroup><thead><tr>${th}</tr></thead><tbody>
${rows.map((r) => tr(r)).join('\n')}
${tr(totalRow, 'total')}
</tbody></table>`;
}

function spread(first: number, count: number): number[] {
  const rest = (TEXT_WIDTH_MM - first) / count;
  return [first, ...Array.from({ length: count }, () => rest)];
}

export function renderStatsSummary(s: StatsSummary, options: StatsPrintOptions): string {
  const place = s.township ?? '全辖区';
  const period = `${formatChineseDate(s.period.from)}至${formatChineseDate(s.period.to)}`;
  const t = s.totals;
  const figures =
    `期末（${formatChineseDate(s.period.to)}）在册农村留守儿童 ${t.total} 人；统计期间新纳入 ${t.entries} 人，` +
    `退出或转出 ${t.exits} 人；走访 ${t.visits} 人次（${s.visitedChildren} 人）；接报强制报告 ${s.reports} 件。`;

  const guardian = s.columns.guardianKind;
  const bands = s.columns.ageBand;
  const head1 = [s.rowLabel, '在册', ...guardian.map((c) => c.label), ...bands.map((c) => c.label)];
  const row1 = (r: StatsRow) => [
    r.name,
    n(r.total),
    ...guardian.map((c) => n(r.guardianKind[c.code])),
    ...bands.map((c) => n(r.ageBand[c.code as keyof StatsRow['ageBand']])),
  ];

  const risks = s.columns.riskLevel;
  const head2 = [s.rowLabel, ...SCHOOL_GROUPS.map(([label]) => label), ...risks.map((c) => c.label), '新纳入', '退出转出', '走访人次'];
  const row2 = (r: StatsRow) => [
    r.name,
    ...SCHOOL_GROUPS.map(([, codes]) => n(sumOf(r.schooling, codes))),
    ...risks.map((c) => n(r.riskLevel[c.code])),
    n(r.entries),
    n(r.exits),
    n(r.visits),
  ];

  const exits = s.exitsByReason.length
    ? `退出或转出原因：${s.exitsByReason.map((e) => `${e.label} ${e.count} 人`).join('，')}。`
    : '';

  const body = `<main class="stats">
<h1>农村留守儿童信息台账统计表</h1>
<p class="meta">${escapeHtml(options.officeName)}&#12288;统计范围：${escapeHtml(place)}&#12288;统计期间：${escapeHtml(period)}</p>
<p class="figures">${escapeHtml(figures)}</p>
${s.rows.length ? `<div class="chart">${chartSvg(s)}</div>` : ''}
<h2>一、监护人类型与年龄段（期末在册，年龄按统计截止日计算）</h2>
${table(head1, spread(24, head1.length - 1), s.rows.map(row1), row1(t))}
<h2>二、就学情况、风险等级与期间变动</h2>
${table(head2, spread(24, head2.length - 1), s.rows.map(row2), row2(t))}
<p class="note">${escapeHtml(exits)}单位：人。</p>
</main>`;

  return pageShell({
    title: `农村留守儿童信息台账统计表（${period}）`,
    css: CSS,
    body,
    printedBy: options.printedBy,
    demo: options.demo,
  });
}
