// A chart on a page. echarts is loaded only when a chart is first shown: it stays out of the app's first load, and
// out of every page (and test) that shows no chart.
import { lazy, Suspense } from 'react';
import type { EChartsCoreOption } from 'echarts/core';

export type ChartOption = EChartsCoreOption;

export interface ChartProps {
  option: ChartOption;
  /** What the chart shows, for screen readers (the same figures are in the tables below). */
  label: string;
  height?: number;
}

const EchartsChart = lazy(() => import('./echarts-chart'));

export function Chart(props: ChartProps) {
  return (
    <Suspense fallback={<div className="chart" style={{ height: props.height ?? 300 }} aria-busy="true" />}>
      <EchartsChart {...props} />
    </Suspense>
  );
}
