// Chart options for the statistics page, built from the summary (pure, so they can be checked without drawing).
import type { StatsSummary } from '../../../../../electron/contract/schemas/stats';
import type { ChartOption } from './chart';

const FONT = 'Microsoft YaHei, PingFang SC, Noto Sans CJK SC, sans-serif';
export const GUARDIAN_COLOURS = ['#1d4e89', '#5b8fc7', '#9cbfe3', '#b42318', '#8c959f', '#57606a'];
const RISK_COLOURS: Record<string, string> = { red: '#c62828', orange: '#ef6c00', yellow: '#f9a825', blue: '#1565c0', '': '#8c959f' };

/** Above this many townships or villages the bars lie down, one line each, largest first. */
export const MANY_PLACES = 12;

export function guardianChartHeight(s: StatsSummary): number {
  return s.rows.length > MANY_PLACES ? 70 + s.rows.length * 22 : 320;
}

export function guardianByPlaceOption(s: StatsSummary): ChartOption {
  const many = s.rows.length > MANY_PLACES;
  const rows = many ? [...s.rows].sort((a, b) => b.total - a.total) : s.rows;
  const places = { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0 }, ...(many ? { inverse: true } : {}) };
  const counts = { type: 'value', minInterval: 1, name: '人' };
  return {
    color: GUARDIAN_COLOURS,
    textStyle: { fontFamily: FONT },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: many ? { left: 110, right: 24, top: 32, bottom: 24 } : { left: 48, right: 16, top: 40, bottom: 32 },
    xAxis: many ? counts : places,
    yAxis: many ? places : counts,
    series: s.columns.guardianKind.map((c) => ({
      type: 'bar',
      stack: 'guardian',
      name: c.label,
      barMaxWidth: 48,
      data: rows.map((r) => r.guardianKind[c.code] ?? 0),
    })),
  };
}

export function ageBandOption(s: StatsSummary): ChartOption {
  return {
    textStyle: { fontFamily: FONT },
    color: ['#5b8fc7', '#1d4e89', '#9cbfe3', '#b42318'],
    tooltip: { trigger: 'item', formatter: '{b}：{c} 人（{d}%）' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n{c} 人' },
        data: s.columns.ageBand.map((c) => ({
          name: c.label,
          value: s.totals.ageBand[c.code as keyof StatsSummary['totals']['ageBand']],
        })),
      },
    ],
  };
}

export function riskOption(s: StatsSummary): ChartOption {
  return {
    textStyle: { fontFamily: FONT },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 72, right: 40, top: 8, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: s.columns.riskLevel.map((c) => c.label) },
    series: [
      {
        type: 'bar',
        barMaxWidth: 28,
        label: { show: true, position: 'right' },
        data: s.columns.riskLevel.map((c) => ({
          value: s.totals.riskLevel[c.code] ?? 0,
          itemStyle: { color: RISK_COLOURS[c.code] ?? '#57606a' },
        })),
      },
    ],
  };
}
