// aggregates for the dashboard: computed server-side so the page never receives every event.
import { type Backend, PERIODS, type Period } from '../backend.js';
import { badParam } from '../errors.js';
import { actorCode, Query } from '../params.js';
import type { Router } from '../router.js';
import { readFilter } from './filter.js';

export function analysisRoutes(router: Router, backend: Backend): void {
  router.get('/api/stats', async (req) => {
    new Query(req.query).done();
    return { json: await backend.stats() };
  });

  router.get('/api/timeline', async (req) => {
    const query = new Query(req.query);
    const filter = readFilter(query);
    const by = query.choice<Period>('by', PERIODS, 'month');
    query.done();
    return { json: { by, rows: await backend.timeline(filter, by) } };
  });

  router.get('/api/dyads', async (req) => {
    const query = new Query(req.query);
    const filter = readFilter(query);
    const limit = query.int('limit', { min: 1, max: 200, fallback: 10 });
    query.done();
    return { json: { items: await backend.dyads(filter, limit) } };
  });

  router.get('/api/dyads/:a/:b', async (req) => {
    const a = actorCode('a', req.params.a ?? '');
    const b = actorCode('b', req.params.b ?? '');
    if (a === b) throw badParam('b', 'a dyad needs two different actors');
    const query = new Query(req.query);
    const filter = readFilter(query);
    const by = query.choice<Period>('by', PERIODS, 'month');
    query.done();
    return { json: await backend.dyad(a, b, by, filter) };
  });

  router.get('/api/network', async (req) => {
    const query = new Query(req.query);
    const filter = readFilter(query);
    const limit = query.int('limit', { min: 1, max: 2000, fallback: 300 });
    query.done();
    return { json: await backend.network(filter, limit) };
  });

  router.get('/api/geo', async (req) => {
    const query = new Query(req.query);
    const filter = readFilter(query);
    query.done();
    return { json: await backend.geo(filter) };
  });

  router.get('/api/actors', async (req) => {
    const query = new Query(req.query);
    const q = query.string('q', { max: 100 });
    const limit = query.int('limit', { min: 1, max: 1000, fallback: 100 });
    query.done();
    return { json: { items: await backend.actors(q, limit) } };
  });
}
