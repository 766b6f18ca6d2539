// events: the list with filters and pagination, one event with its evidence, and full-text search.
import type { Backend } from '../backend.js';
import { HttpError } from '../errors.js';
import { Query } from '../params.js';
import type { Router } from '../router.js';
import { readFilter } from './filter.js';

export function eventRoutes(router: Router, backend: Backend): void {
  router.get('/api/events', async (req) => {
    const query = new Query(req.query);
    const filter = readFilter(query);
    const limit = query.int('limit', { min: 1, max: 500, fallback: 50 });
    const offset = query.int('offset', { min: 0, max: 10_000_000, fallback: 0 });
    query.done();
    const page = await backend.events(filter, { limit, offset });
    return { json: { total: page.total, limit, offset, items: page.items } };
  });

  router.get('/api/events/:id', async (req) => {
    new Query(req.query).done();
    const id = req.params.id ?? '';
    if (!/^[\w.:-]{1,200}$/.test(id)) throw new HttpError(400, "invalid parameter 'id': not an event id");
    const detail = await backend.event(id);
    if (!detail) throw new HttpError(404, `no event with id '${id}'`);
    return { json: detail };
  });

  router.get('/api/search', async (req) => {
    const query = new Query(req.query);
    const q = query.string('q', { max: 200 });
    const limit = query.int('limit', { min: 1, max: 200, fallback: 20 });
    const offset = query.int('offset', { min: 0, max: 100_000, fallback: 0 });
    query.done();
    if (!q) throw new HttpError(400, "invalid parameter 'q': required");
    const page = await backend.search(q, { limit, offset });
    return { json: { q, total: page.total, limit, offset, items: page.items } };
  });
}
