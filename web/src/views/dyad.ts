// dyad view: a pair of countries over time (events by type, cooperation–conflict score) and their events.
import { type DyadRow, type DyadSeries, type EventPage, get } from '../api.js';
import type { ViewRender } from '../app.js';
import { type Chart, makeChart, stackedByType } from '../charts.js';
import { fmt, h, replace } from '../dom.js';
import { countryName, dyadLabel } from '../names.js';
import { errorNote, eventList, loading, pager, scoreBar } from '../parts.js';
import { filterParams } from '../state.js';

const PAGE = 25;

export const renderDyad: ViewRender = async (el, state, nav) => {
  const filters = filterParams(state);
  if (!state.a || !state.b) {
    replace(el, h('h1', {}, 'Dyad'), loading());
    const top = await get<{ items: DyadRow[] }>('/api/dyads', { ...filters, limit: 1 });
    const first = top.items[0];
    if (first) {
      nav.go({ a: first.a, b: first.b }, { replace: true });
      return undefined;
    }
  }
  const countries = await get<{ items: { code: string; events: number }[] }>('/api/countries', filters).catch(() => ({ items: [] }));
  const codes = countries.items.map((c) => c.code);
  for (const c of [state.a, state.b]) if (c && !codes.includes(c)) codes.push(c);
  const select = (name: string, value: string) =>
    h(
      'select',
      { name, id: `dyad-${name}` },
      h('option', { value: '' }, 'choose a country'),
      codes
        .map((c) => ({ c, n: countryName(c) }))
        .sort((x, y) => x.n.localeCompare(y.n))
        .map(({ c, n }) => h('option', { value: c, selected: c === value }, `${n} (${c})`)),
    );
  const selA = select('a', state.a);
  const selB = select('b', state.b);
  const picker = h(
    'form',
    { class: 'picker', id: 'dyad-picker', 'aria-label': 'Choose the two countries' },
    h('label', { for: 'dyad-a' }, 'Country'),
    selA,
    h('button', { type: 'button', class: 'secondary', 'aria-label': 'Swap the countries', onclick: () => nav.go({ a: state.b, b: state.a, page: 0 }) }, '⇄'),
    h('label', { for: 'dyad-b' }, 'and'),
    selB,
    h('button', { type: 'submit' }, 'Show'),
  );
  picker.addEventListener('submit', (ev) => {
    ev.preventDefault();
    nav.go({ a: selA.value, b: selB.value, page: 0, event: '' });
  });

  const head = h('div', { class: 'dyad-head' });
  const chartBox = h('div', { class: 'chart tall', id: 'dyad-chart', role: 'img', 'aria-label': 'Events by type and score over time' });
  const listBox = h('div', { id: 'dyad-events' }, loading());
  replace(
    el,
    h('h1', {}, state.a && state.b ? dyadLabel(state.a, state.b) : 'Dyad'),
    picker,
    head,
    h('section', { class: 'card' }, h('h2', {}, 'Events by type and cooperation–conflict score'), chartBox),
    h('section', { class: 'card' }, h('h2', {}, 'Events'), listBox),
  );
  if (!state.a || !state.b || state.a === state.b) {
    replace(listBox, h('p', { class: 'empty' }, 'Choose two different countries.'));
    chartBox.remove();
    return undefined;
  }

  let chart: Chart | null = null;
  const pair = `${state.a},${state.b}`;
  const jobs = [
    get<DyadSeries>(`/api/dyads/${encodeURIComponent(state.a)}/${encodeURIComponent(state.b)}`, { ...filters, by: state.by || 'month' }).then((s) => {
      replace(
        head,
        h('p', { class: 'lede' }, `${fmt(s.total)} events between ${countryName(s.a)} and ${countryName(s.b)}. Overall score `, scoreBar(s.score)),
      );
      if (s.periods.length === 0) {
        replace(chartBox, h('p', { class: 'empty' }, 'No events in this selection.'));
        return;
      }
      const periods = s.periods.map((p) => p.period);
      const rows = s.periods.flatMap((p) => Object.entries(p.counts).map(([type, count]) => ({ period: p.period, type, count })));
      chart = makeChart(chartBox);
      chart.setOption({
        animation: false,
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
        legend: { type: 'scroll', top: 0 },
        axisPointer: { link: [{ xAxisIndex: 'all' }] },
        grid: [
          { left: 48, right: 16, top: 56, height: '42%', containLabel: false },
          { left: 48, right: 16, top: '68%', bottom: 28, containLabel: false },
        ],
        xAxis: [
          { type: 'category', data: periods, gridIndex: 0, axisLabel: { show: false } },
          { type: 'category', data: periods, gridIndex: 1 },
        ],
        yAxis: [
          { type: 'value', name: 'events', minInterval: 1, gridIndex: 0 },
          { type: 'value', name: 'score', min: -10, max: 10, interval: 5, gridIndex: 1 },
        ],
        series: [
          ...stackedByType(periods, rows),
          {
            name: 'score',
            type: 'line',
            xAxisIndex: 1,
            yAxisIndex: 1,
            connectNulls: true,
            symbolSize: 6,
            itemStyle: { color: '#333' },
            data: s.periods.map((p) => (p.score === null ? null : Number(p.score.toFixed(2)))),
            markLine: { silent: true, symbol: 'none', lineStyle: { color: '#999', type: 'dashed' }, data: [{ yAxis: 0 }], label: { show: false } },
          },
        ],
      });
    }),
    get<EventPage>('/api/events', { ...filters, dyad: pair, limit: PAGE, offset: state.page * PAGE }).then((p) =>
      replace(listBox, h('p', { class: 'muted' }, `${fmt(p.total)} events, newest first`), eventList(p.items, nav), pager(p.total, state.page, PAGE, nav)),
    ),
  ];
  const results = await Promise.allSettled(jobs);
  results.forEach((r, i) => {
    if (r.status === 'rejected' && !(r.reason instanceof DOMException)) replace([chartBox, listBox][i] as HTMLElement, errorNote(r.reason));
  });
  return () => (chart as Chart | null)?.dispose();
};
