// counts per type per period for one dyad, with a cooperation-conflict score per period.
import type { Plover } from '../core/index.js';
import type { EventFilter, Period, Store } from '../store/core/index.js';
import { loadScores } from './scores.js';

export interface DyadPeriod {
  /** Period label: YYYY-MM-DD (day; week = its Monday), YYYY-MM, YYYY-Qn or YYYY. */
  readonly period: string;
  /** Event clusters per PLOVER type (types with none are absent). */
  readonly counts: Partial<Record<Plover, number>>;
  readonly events: number;
  /** Events in the two cooperation quads / the two conflict quads. */
  readonly cooperation: number;
  readonly conflict: number;
  /** Sum of the PLOVER scores (type + mode) of the period's events. */
  readonly score: number;
  /** score / events, or null for a period without events. */
  readonly meanScore: number | null;
}

export interface DyadSeries {
  readonly a: string;
  readonly b: string;
  readonly by: Period;
  /** Every period from the first to the last with events, empty ones included (zeros). */
  readonly periods: readonly DyadPeriod[];
  readonly total: Omit<DyadPeriod, 'period'>;
}

/** The label of the period after `p`. */
export function nextPeriod(p: string, by: Period): string {
  switch (by) {
    case 'year':
      return String(Number(p) + 1);
    case 'quarter': {
      const [y, q] = [Number(p.slice(0, 4)), Number(p.slice(6))];
      return q === 4 ? `${y + 1}-Q1` : `${y}-Q${q + 1}`;
    }
    case 'month': {
      const [y, m] = [Number(p.slice(0, 4)), Number(p.slice(5, 7))];
      return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    }
    case 'week':
    case 'day': {
      const d = new Date(`${p}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + (by === 'week' ? 7 : 1));
      return d.toISOString().slice(0, 10);
    }
  }
}

const MAX_FILLED = 20_000;

/**
 * Counts of the event clusters between two country-level actors (both directions) per period and
 * type, with PLOVER scores. Negated and hypothetical events are left out unless `filter.flagged` says otherwise.
 * @example dyadSeries(store, 'AZE', 'TUR', 'month').periods[0] // { period: '2024-04', counts: { CONSULT: 2 }, score: 8, ... }
 */
export function dyadSeries(store: Store, a: string, b: string, by: Period = 'month', filter: EventFilter = {}): DyadSeries {
  const scores = loadScores();
  const rows = store.aggregate({ ...filter, dyad: [a, b], flagged: filter.flagged ?? 'exclude' }, { period: by, type: true, ploverMode: true });
  type Acc = { counts: Partial<Record<Plover, number>>; events: number; cooperation: number; conflict: number; score: number };
  const empty = (): Acc => ({ counts: {}, events: 0, cooperation: 0, conflict: 0, score: 0 });
  const acc = new Map<string, Acc>();
  const total = empty();
  for (const r of rows) {
    if (r.period === null || r.type === null) continue;
    let p = acc.get(r.period);
    if (!p) {
      p = empty();
      acc.set(r.period, p);
    }
    for (const x of [p, total]) {
      x.counts[r.type] = (x.counts[r.type] ?? 0) + r.events;
      x.events += r.events;
      if (scores.quad(r.type).endsWith('cooperation')) x.cooperation += r.events;
      else x.conflict += r.events;
      x.score += scores.score(r.type, r.ploverMode) * r.events;
    }
  }
  const labels = [...acc.keys()].sort();
  const filled: string[] = [];
  if (labels.length) {
    const last = labels[labels.length - 1]!;
    for (let p = labels[0]!; p <= last && filled.length < MAX_FILLED; p = nextPeriod(p, by)) filled.push(p);
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  const finish = (x: Acc) => ({ ...x, score: round(x.score), meanScore: x.events ? round(x.score / x.events) : null });
  return {
    a,
    b,
    by,
    periods: filled.map((period) => ({ period, ...finish(acc.get(period) ?? empty()) })),
    total: finish(total),
  };
}
