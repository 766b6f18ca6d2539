// events: the list with filters and pagination, one event with its evidence, and full-text search.
import type { Services } from '../context.js';
import { HttpError, withUserQuery } from '../errors.js';
import { Query } from '../params.js';
import type { Router } from '../router.js';
import { readFilter } from './filter.js';

export const EVENT_ORDERS = ['date', 'sources', 'reported'] as const;

export function eventRoutes(router: Router, { store }: Services): void {
  router.get('/api/events', (req) => {
    const query = new Query(req.query);
    const filter = readFilter(query);
    const limit = query.int('limit', { min: 1, max: 500, fallback: 50 });
    const offset = query.int('offset', { min: 0, max: 10_000_000, fallback: 0 });
    const order = query.choice('order', EVENT_ORDERS, 'date');
    query.done();
    const page = withUserQuery('text', () => store.queryEvents(filter, { limit, offset, order }));
    return { json: { total: page.total, limit, offset, items: page.items } };
  });

  router.get('/api/events/:id', (req) => {
    new Query(req.query).done();
    const id = req.params.id ?? '';
    if (!/^[\w.:-]{1,200}$/.test(id)) throw new HttpError(400, "invalid parameter 'id': not an event id");
    const detail = store.getEvent(id);
    if (!detail) throw new HttpError(404, `no event with id '${id}'`);
    return { json: detail };
  });

  router.get('/api/search', (req) => {
    const query = new Query(req.query);
    const q = query.string('q', { max: 200 });
    const limit = query.int('limit', { min: 1, max: 200, fallback: 20 });
    query.done();
    if (!q) throw new HttpError(400, "invalid parameter 'q': required");
    return { json: { q, items: withUserQuery('q', () => store.search(q, limit)) } };
  });
}
