// aggregates for the dashboard, computed in the database so the page never receives every event.
import { dyadSeries, network } from '../../../analyze/index.js';
import type { EventFilter, Period, Store } from '../../../store/index.js';
import type { Services } from '../context.js';
import { badParam } from '../errors.js';
import { actorCode, Query } from '../params.js';
import type { Router } from '../router.js';
import { readFilter } from './filter.js';

export const PERIODS: readonly Period[] = ['day', 'week', 'month', 'quarter', 'year'];
/** How many of the newest events the map reads for its points (the shading counts every event). */
export const GEO_SAMPLE = 5000;

/** Counts and charts leave out negated and hypothetical events unless asked (as the scores do). */
const scored = (f: EventFilter): EventFilter => ({ ...f, flagged: f.flagged ?? 'exclude' });

const mean = (score: number, events: number) => (events ? Math.round((score / events) * 100) / 100 : null);

/** Event clusters per country-level actor; an event counts once for each country on either side. */
export function countryCounts(store: Store, filter: EventFilter): { code: string; events: number }[] {
  const counts = new Map<string, number>();
  for (const r of store.aggregate(scored(filter), { countries: true })) {
    for (const c of new Set([r.sourceCountry, r.targetCountry])) {
      if (c) counts.set(c, (counts.get(c) ?? 0) + r.events);
    }
  }
  return [...counts.entries()].map(([code, events]) => ({ code, events })).sort((a, b) => b.events - a.events || (a.code < b.code ? -1 : 1));
}

export function analysisRoutes(router: Router, { store }: Services): void {
  router.get('/api/stats', (req) => {
    new Query(req.query).done();
    const s = store.stats();
    const months = store.aggregate({}, { period: 'month' }).map((r) => r.period).filter((p): p is string => p !== null).sort();
    return {
      json: { documents: s.documents, copies: s.copies, events: s.clusters, evidence: s.evidence, actors: s.actors, first: months[0] ?? null, last: months.at(-1) ?? null },
    };
  });

  router.get('/api/timeline', (req) => {
    const query = new Query(req.query);
    const filter = readFilter(query);
    const by = query.choice('by', PERIODS, 'month');
    query.done();
    const merged = new Map<string, { period: string; type: string; events: number }>();
    for (const r of store.aggregate(scored(filter), { period: by, type: true })) {
      if (r.period === null || r.type === null) continue;
      const key = `${r.period}|${r.type}`;
      const row = merged.get(key);
      if (row) row.events += r.events;
      else merged.set(key, { period: r.period, type: r.type, events: r.events });
    }
    const rows = [...merged.values()].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : a.type < b.type ? -1 : 1));
    return { json: { by, rows } };
  });

  router.get('/api/countries', (req) => {
    const query = new Query(req.query);
    const filter = readFilter(query);
    query.done();
    return { json: { items: countryCounts(store, filter) } };
  });

  router.get('/api/dyads', (req) => {
    const query = new Query(req.query);
    const filter = readFilter(query);
    const limit = query.int('limit', { min: 1, max: 200, fallback: 10 });
    query.done();
    const items = network(store, filter)
      .edges.filter((e) => e.source !== '---' && e.target !== '---')
      .slice(0, limit)
      .map((e) => ({ a: e.source, b: e.target, events: e.weight, cooperation: e.cooperation, conflict: e.conflict, score: mean(e.score, e.weight) }));
    return { json: { items } };
  });

  router.get('/api/dyads/:a/:b', (req) => {
    const a = actorCode('a', req.params.a ?? '').slice(0, 3);
    const b = actorCode('b', req.params.b ?? '').slice(0, 3);
    if (a === b) throw badParam('b', 'a dyad needs two different countries');
    const query = new Query(req.query);
    const filter = readFilter(query);
    const by = query.choice('by', PERIODS, 'month');
    query.done();
    const s = dyadSeries(store, a, b, by, filter);
    return {
      json: {
        a,
        b,
        by,
        total: s.total.events,
        cooperation: s.total.cooperation,
        conflict: s.total.conflict,
        score: s.total.meanScore,
        periods: s.periods.map((p) => ({ period: p.period, total: p.events, counts: p.counts, cooperation: p.cooperation, conflict: p.conflict, score: p.meanScore })),
      },
    };
  });

  router.get('/api/network', (req) => {
    const query = new Query(req.query);
    const filter = readFilter(query);
    const limit = query.int('limit', { min: 1, max: 5000, fallback: 300 });
    query.done();
    const net = network(store, filter);
    const edges = net.edges.slice(0, limit);
    const keep = new Set(edges.flatMap((e) => [e.source, e.target]));
    return {
      json: {
        nodes: net.nodes.filter((n) => keep.has(n.id)).map((n) => ({ id: n.id, events: n.events, cooperation: n.cooperation, conflict: n.conflict, score: mean(n.score, n.events), degree: n.degree })),
        edges: edges.map((e) => ({ source: e.source, target: e.target, events: e.weight, cooperation: e.cooperation, conflict: e.conflict, score: mean(e.score, e.weight), types: e.types })),
        truncated: net.edges.length > edges.length,
      },
    };
  });

  router.get('/api/geo', (req) => {
    const query = new Query(req.query);
    const filter = readFilter(query);
    query.done();
    const page = store.queryEvents(scored(filter), { limit: GEO_SAMPLE, order: 'date' });
    // a place without coordinates but with a country is kept: the map puts it at the country's centre
    const places = new Map<string, { name: string; country: string | null; lat: number | null; lon: number | null; events: number }>();
    for (const e of page.items) {
      const l = e.location;
      if (!l || ((l.lat === null || l.lon === null) && !l.country)) continue;
      const key = `${l.name}|${l.country}|${l.lat}|${l.lon}`;
      const p = places.get(key);
      if (p) p.events++;
      else places.set(key, { name: l.name, country: l.country, lat: l.lat, lon: l.lon, events: 1 });
    }
    return {
      json: {
        points: [...places.values()].sort((a, b) => b.events - a.events),
        sampled: page.total > page.items.length ? page.items.length : 0,
        countries: countryCounts(store, filter),
      },
    };
  });

  router.get('/api/actors', (req) => {
    const query = new Query(req.query);
    const q = query.string('q', { max: 100 });
    const limit = query.int('limit', { min: 1, max: 1000, fallback: 100 });
    const offset = query.int('offset', { min: 0, max: 1_000_000, fallback: 0 });
    query.done();
    const byCode = q !== undefined && /^[A-Za-z-]{3}[A-Za-z]*$/.test(q) && q === q.toUpperCase();
    const page = store.listActors({ ...(q === undefined ? {} : byCode ? { code: q } : { name: q }), limit, offset });
    return { json: { total: page.total, limit, offset, items: page.items } };
  });
}
