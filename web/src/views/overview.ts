// overview: events over time by type, the most active dyads, the latest events.
import { type DyadRow, type EventPage, get, type Stats, type TimelineRow } from '../api.js';
import type { ViewRender } from '../app.js';
import { type Chart, fillPeriods, makeChart, stackedByType, timelineOption } from '../charts.js';
import { fmt, h, replace } from '../dom.js';
import { dyadLabel } from '../names.js';
import { errorNote, eventList, loading, scoreBar } from '../parts.js';
import { filterParams } from '../state.js';

/** Day bars for a short span, months for a few years, years beyond. */
export function autoPeriod(first: string | null, last: string | null): string {
  if (!first || !last) return 'month';
  const days = (Date.parse(last) - Date.parse(first)) / 86_400_000;
  if (days <= 62) return 'day';
  if (days <= 370) return 'week';
  if (days <= 365 * 8) return 'month';
  return 'year';
}

export const renderOverview: ViewRender = async (el, state, nav) => {
  const filters = filterParams(state);
  const chartBox = h('div', { class: 'chart', id: 'timeline-chart', role: 'img', 'aria-label': 'Events over time by type' });
  const dyadsBox = h('div', {}, loading());
  const latestBox = h('div', {}, loading());
  const statsLine = h('p', { class: 'lede' }, loading());
  replace(
    el,
    h('h1', {}, 'Overview'),
    statsLine,
    h('section', { class: 'card' }, h('h2', {}, 'Events over time, by type'), chartBox),
    h(
      'div',
      { class: 'cols' },
      h('section', { class: 'card' }, h('h2', {}, 'Most active dyads'), dyadsBox),
      h('section', { class: 'card' }, h('h2', {}, 'Latest events'), latestBox),
    ),
  );
  let chart: Chart | null = null;

  const stats = get<Stats>('/api/stats').catch(() => null);
  const by = state.by || autoPeriod((await stats)?.first ?? null, (await stats)?.last ?? null);
  const s = await stats;
  replace(
    statsLine,
    s
      ? `${fmt(s.events)} events from ${fmt(s.documents)} articles${s.first ? `, ${s.first} to ${s.last}` : ''}. Click any event to read the sentences that state it.`
      : 'No statistics.',
  );

  const jobs = [
    get<{ by: string; rows: TimelineRow[] }>('/api/timeline', { ...filters, by }).then((t) => {
      const periods = fillPeriods(t.rows.map((r) => r.period), t.by);
      if (periods.length === 0) {
        replace(chartBox, h('p', { class: 'empty' }, 'No events in this selection.'));
        return;
      }
      chart = makeChart(chartBox);
      chart.setOption(timelineOption(periods, stackedByType(periods, t.rows.map((r) => ({ period: r.period, type: r.type, count: r.events })))));
    }),
    get<{ items: DyadRow[] }>('/api/dyads', { ...filters, limit: 12 }).then((d) => {
      if (d.items.length === 0) {
        replace(dyadsBox, h('p', { class: 'empty' }, 'No dyads in this selection.'));
        return;
      }
      replace(
        dyadsBox,
        h(
          'table',
          { class: 'table', id: 'top-dyads' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Dyad'), h('th', { scope: 'col', class: 'num' }, 'Events'), h('th', { scope: 'col' }, 'Cooperation – conflict'))),
          h(
            'tbody',
            {},
            d.items.map((r) =>
              h(
                'tr',
                {},
                h('td', {}, h('a', { href: nav.href({ view: 'dyad', a: r.a, b: r.b, page: 0, event: '' }), 'data-nav': true }, dyadLabel(r.a, r.b))),
                h('td', { class: 'num' }, fmt(r.events)),
                h('td', {}, scoreBar(r.score)),
              ),
            ),
          ),
        ),
      );
    }),
    get<EventPage>('/api/events', { ...filters, limit: 12 }).then((p) => replace(latestBox, eventList(p.items, nav))),
  ];
  const results = await Promise.allSettled(jobs);
  results.forEach((r, i) => {
    if (r.status === 'rejected' && !(r.reason instanceof DOMException)) replace([chartBox, dyadsBox, latestBox][i] as HTMLElement, errorNote(r.reason));
  });
  return () => (chart as Chart | null)?.dispose();
};
