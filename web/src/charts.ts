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
    grid: { left: 40, right: 16, top: 56, bottom: periods.length > 24 ? 56 : 28, containLabel: true },
    xAxis: { type: 'category' as const, data: [...periods] },
    yAxis: { type: 'value' as const, name: 'events', minInterval: 1 },
    dataZoom: periods.length > 24 ? [{ type: 'slider' as const, height: 18, bottom: 6 }, { type: 'inside' as const }] : [],
    series,
  };
}

/** The label of the period after `p` (labels as the API gives them: YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY). */
export function nextPeriod(p: string, by: string): string {
  if (by === 'year') return String(Number(p) + 1);
  if (by === 'quarter') {
    const y = Number(p.slice(0, 4));
    const q = Number(p.slice(6));
    return q === 4 ? `${y + 1}-Q1` : `${y}-Q${q + 1}`;
  }
  if (by === 'month') {
    const y = Number(p.slice(0, 4));
    const m = Number(p.slice(5, 7));
    return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  const d = new Date(`${p}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + (by === 'week' ? 7 : 1));
  return d.toISOString().slice(0, 10);
}

/** Every period from the first to the last label, so quiet periods show as gaps (at most 5,000). */
export function fillPeriods(labels: readonly string[], by: string): string[] {
  const sorted = [...new Set(labels)].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last) return [];
  const out: string[] = [];
  for (let p = first; p <= last && out.length < 5000; p = nextPeriod(p, by)) out.push(p);
  return out.length < 5000 ? out : sorted;
}
