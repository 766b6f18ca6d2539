// ECharts, tree-shaken to the pieces the dashboard draws: stacked bars by type and a score line.
import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { TYPE_COLORS, TYPE_ORDER } from './colors.js';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, MarkLineComponent, CanvasRenderer]);

export type Chart = echarts.ECharts;

export function makeChart(el: HTMLElement): Chart {
  const chart = echarts.init(el, undefined, { renderer: 'canvas' });
  const ro = new ResizeObserver(() => chart.resize());
  ro.observe(el);
  const dispose = chart.dispose.bind(chart);
  chart.dispose = () => {
    ro.disconnect();
    dispose();
  };
  return chart;
}

/** Rows of (period, type, count) to one stacked bar series per type, in PLOVER order. */
export function stackedByType(periods: readonly string[], rows: readonly { period: string; type: string; count: number }[]) {
  const index = new Map(periods.map((p, i) => [p, i]));
  const byType = new Map<string, number[]>();
  for (const r of rows) {
    let arr = byType.get(r.type);
    if (!arr) {
      arr = new Array(periods.length).fill(0);
      byType.set(r.type, arr);
    }
    const i = index.get(r.period);
    if (i !== undefined) arr[i] = (arr[i] ?? 0) + r.count;
  }
  return TYPE_ORDER.filter((t) => byType.has(t)).map((t) => ({
    name: t,
    type: 'bar' as const,
    stack: 'events',
    emphasis: { focus: 'series' as const },
    itemStyle: { color: TYPE_COLORS[t] },
    data: byType.get(t) ?? [],
    barMaxWidth: 40,
  }));
}

export function timelineOption(periods: readonly string[], series: ReturnType<typeof stackedByType>) {
  return {
    animation: false,
    tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const }, confine: true },
    legend: { type: 'scroll' as const, top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: periods.length > 24 ? 56 : 28, containLabel: true },
    xAxis: { type: 'category' as const, data: [...periods] },
    yAxis: { type: 'value' as const, name: 'events', minInterval: 1 },
    dataZoom: periods.length > 24 ? [{ type: 'slider' as const, height: 18, bottom: 6 }, { type: 'inside' as const }] : [],
    series,
  };
}
