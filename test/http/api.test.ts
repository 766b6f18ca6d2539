// the JSON API against a real server on loopback over a real SQLite database.
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, test } from 'node:test';
import type { Coder } from '../../src/pipeline.js';
import { type RunningServer, startServer } from '../../src/serve/http/index.js';
import type { Store } from '../../src/store/index.js';
import { HOSTILE, seededStore } from './fixtures.js';

/** A coder that finds nothing: POST tests check storage and validation, not coding. */
const nullCoder: Coder = { codeDoc: (d) => ({ id: d.id, date: d.date, title: d.title, url: d.url ?? null, source: d.source ?? null, events: [] }) };

async function getJson(base: string, path: string): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(new URL(path, base));
  const body = (await res.json()) as Record<string, unknown>;
  return { status: res.status, body, headers: res.headers };
}

/** A raw request, for headers fetch will not let us set (Host). */
function raw(base: string, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: u.hostname, port: u.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c) => {
        body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('http api', () => {
  let server: RunningServer;
  let store: Store;
  let base: string;
  let hostileEventId: string;

  before(async () => {
    const seeded = seededStore();
    store = seeded.store;
    hostileEventId = seeded.hostileEventId;
    server = await startServer({ store, port: 0, webRoot: null, coder: nullCoder });
    base = server.url;
  });
  after(async () => {
    await server.close();
    store.close();
  });

  test('listens on 127.0.0.1 by default', () => {
    assert.match(base, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  test('serves the OpenAPI document with every route', async () => {
    const { status, body } = await getJson(base, '/api/openapi.json');
    assert.equal(status, 200);
    assert.equal(body.openapi, '3.1.0');
    const paths = Object.keys(body.paths as object);
    for (const p of ['/api/events', '/api/events/{id}', '/api/actors', '/api/dyads/{a}/{b}', '/api/network', '/api/search', '/api/documents']) assert.ok(paths.includes(p), p);
    // every route the server answers is documented, and nothing else
    const routed = [
      '/api/openapi.json',
      '/api/health',
      '/api/stats',
      '/api/events',
      '/api/events/{id}',
      '/api/search',
      '/api/actors',
      '/api/countries',
      '/api/timeline',
      '/api/dyads',
      '/api/dyads/{a}/{b}',
      '/api/network',
      '/api/geo',
      '/api/transfers',
      '/api/transfers/flows',
      '/api/documents',
    ];
    for (const p of routed.slice(1)) assert.ok(paths.includes(p), `${p} is documented`);
    for (const p of paths) assert.ok(routed.includes(p), `${p} is routed`);
    const events = (body.paths as Record<string, { get: { parameters: { name: string }[] } }>)['/api/events']?.get.parameters.map((x) => x.name);
    for (const name of ['actor', 'dyad', 'type', 'context', 'since', 'until', 'mode', 'min-sources', 'text', 'flagged', 'limit', 'offset']) assert.ok(events?.includes(name), name);
  });

  test('lists events newest first with a total, and pages through them', async () => {
    const all = await getJson(base, '/api/events');
    assert.equal(all.status, 200);
    assert.equal(all.body.total, 5);
    const items = all.body.items as { date: string; id: string }[];
    assert.deepEqual(
      items.map((e) => e.date),
      [...items.map((e) => e.date)].sort().reverse(),
    );
    const p1 = await getJson(base, '/api/events?limit=2&offset=0');
    const p2 = await getJson(base, '/api/events?limit=2&offset=2');
    assert.equal(p1.body.total, 5);
    const ids1 = (p1.body.items as { id: string }[]).map((e) => e.id);
    const ids2 = (p2.body.items as { id: string }[]).map((e) => e.id);
    assert.equal(ids1.length, 2);
    assert.equal(ids2.length, 2);
    assert.ok(ids1.every((id) => !ids2.includes(id)));
  });

  test('filters events like the CLI: dyad, type, context, since/until, text', async () => {
    const dyad = await getJson(base, '/api/events?dyad=AZE,TUR');
    assert.equal(dyad.body.total, 3);
    const typed = await getJson(base, '/api/events?dyad=AZE,TUR&type=COOPERATE');
    assert.deepEqual((typed.body.items as { type: string }[]).map((e) => e.type), ['COOPERATE']);
    const since = await getJson(base, '/api/events?since=2024-06');
    assert.equal(since.body.total, 2);
    const military = await getJson(base, '/api/events?context=military');
    assert.equal(military.body.total, 3);
    const actor = await getJson(base, '/api/events?actor=ARM');
    assert.equal(actor.body.total, 1);
    const text = await getJson(base, '/api/events?text=Nakhchivan');
    assert.equal(text.body.total, 1);
  });

  test('gives one event with its evidence and documents, 404 for an unknown id', async () => {
    const list = await getJson(base, '/api/events?dyad=AZE,TUR&type=CONSULT');
    const id = (list.body.items as { id: string }[])[0]?.id ?? '';
    const one = await getJson(base, `/api/events/${id}`);
    assert.equal(one.status, 200);
    const evidence = one.body.evidence as { text: string; docId: string }[];
    assert.equal(evidence[0]?.text, 'Azerbaijan hosted a Turkish defence delegation in Baku on Tuesday.');
    assert.equal((one.body.documents as { id: string }[])[0]?.id, 'aze-tur-1');
    const missing = await getJson(base, '/api/events/0000000000000000');
    assert.equal(missing.status, 404);
    assert.match(String(missing.body.error), /no event/);
  });

  test('aggregates: timeline, countries, top dyads, dyad series, network, geo, actors, stats', async () => {
    const timeline = await getJson(base, '/api/timeline?by=month');
    const rows = timeline.body.rows as { period: string; type: string; events: number }[];
    assert.deepEqual(rows.find((r) => r.period === '2024-04' && r.type === 'CONSULT')?.events, 1);

    const countries = await getJson(base, '/api/countries');
    const aze = (countries.body.items as { code: string; events: number }[]).find((c) => c.code === 'AZE');
    assert.equal(aze?.events, 4);

    const dyads = await getJson(base, '/api/dyads?limit=1');
    assert.deepEqual((dyads.body.items as { a: string; b: string }[]).map((d) => [d.a, d.b]), [['AZE', 'TUR']]);

    const series = await getJson(base, '/api/dyads/TUR/AZE?by=month');
    assert.equal(series.status, 200);
    assert.equal(series.body.total, 3);
    const periods = series.body.periods as { period: string; total: number; counts: Record<string, number>; score: number | null }[];
    assert.deepEqual(
      periods.map((p) => p.period),
      ['2024-04', '2024-05', '2024-06'],
    );
    assert.equal(periods[1]?.total, 0);
    assert.equal(periods[2]?.counts.COOPERATE, 1);
    assert.ok((periods[2]?.score ?? 0) > 0, 'cooperation scores above zero');

    const net = await getJson(base, '/api/network');
    const edges = net.body.edges as { source: string; target: string; events: number; score: number }[];
    const armAze = edges.find((e) => [e.source, e.target].sort().join() === 'ARM,AZE');
    assert.ok(armAze && armAze.score < 0, 'an accusation is a conflict tie');

    const geo = await getJson(base, '/api/geo');
    assert.deepEqual((geo.body.points as { name: string }[]).map((p) => p.name), ['Baku']);

    const actors = await getJson(base, '/api/actors?q=AZE');
    assert.ok((actors.body.items as { country: string }[]).every((a) => a.country === 'AZE'));

    const stats = await getJson(base, '/api/stats');
    assert.equal(stats.body.documents, 4);
    assert.equal(stats.body.events, 5);
  });

  test('full-text search finds evidence and returns the event id', async () => {
    const res = await getJson(base, '/api/search?q=exercises');
    const items = res.body.items as { docId: string; eventId: string | null }[];
    assert.ok(items.some((i) => i.docId === 'aze-tur-2'));
    const missing = await getJson(base, '/api/search');
    assert.equal(missing.status, 400);
    assert.match(String(missing.body.error), /'q'/);
  });

  test('invalid parameters give 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['/api/events?since=yesterday', 'since'],
      ['/api/events?limit=0', 'limit'],
      ['/api/events?limit=ten', 'limit'],
      ['/api/events?offset=-1', 'offset'],
      ['/api/events?type=HUG', 'type'],
      ['/api/events?dyad=AZE', 'dyad'],
      ['/api/events?actor=%3Cscript%3E', 'actor'],
      ['/api/events?colour=red', 'colour'],
      ['/api/events?order=random', 'order'],
      ['/api/events?since=2024-06-01&until=2024-01-01', 'until'],
      ['/api/events?limit=1&limit=2', 'limit'],
      ['/api/timeline?by=century', 'by'],
      ['/api/dyads/AZE/AZE', 'b'],
      ['/api/dyads/AZE/12', 'b'],
      ['/api/network?limit=999999', 'limit'],
      ['/api/events/%3Cx%3E', 'id'],
      ['/api/search?q=%22', 'q'],
      ['/api/search?q=AND%20OR', 'q'],
      ['/api/events?text=NEAR(', 'text'],
      ['/api/timeline?text=%22abc', 'text'],
    ];
    for (const [path, param] of cases) {
      const { status, body } = await getJson(base, path);
      assert.equal(status, 400, path);
      assert.match(String(body.error), new RegExp(`'${param}'`), `${path}: ${body.error}`);
    }
  });

  test('odd values in any parameter never make a 500', async () => {
    const odd = ['', ' ', '%00', '%FF', "'", '%22', '(', '*', '-1', '1e9', '9999-99-99', 'AND', 'x'.repeat(300), '%3Cscript%3E', 'AZE,,TUR', ',', 'NaN'];
    const routes = ['/api/events', '/api/timeline', '/api/countries', '/api/dyads', '/api/dyads/AZE/TUR', '/api/network', '/api/geo', '/api/search', '/api/actors'];
    const params = ['actor', 'dyad', 'type', 'context', 'since', 'until', 'mode', 'min-sources', 'text', 'flagged', 'limit', 'offset', 'by', 'q', 'order', 'directed'];
    for (const route of routes) {
      for (const param of params) {
        for (const value of odd) {
          const res = await fetch(new URL(`${route}?${param}=${value}`, base));
          assert.ok([200, 400].includes(res.status), `${route}?${param}=${value} gave ${res.status}`);
          await res.arrayBuffer();
        }
      }
    }
  });

  test('unknown routes are 404, wrong methods 405, and the server keeps answering', async () => {
    assert.equal((await getJson(base, '/api/nothing')).status, 404);
    assert.equal((await getJson(base, '/api/events/a/b/c')).status, 404);
    assert.equal((await fetch(new URL('/no-such-page.html', base))).status, 404);
    assert.equal((await fetch(new URL('/../../etc/passwd', base))).status, 404);
    const del = await fetch(new URL('/api/events', base), { method: 'DELETE' });
    assert.equal(del.status, 405);
    assert.equal((await raw(base, '/api/events/%E0%A4%A', { host: 'localhost' })).status, 404);
    assert.equal((await getJson(base, '/api/health')).status, 200);
  });

  test('every response carries the CSP and nosniff headers; the page works without a build', async () => {
    for (const path of ['/api/events', '/', '/api/nothing']) {
      const res = await fetch(new URL(path, base));
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'self'/, path);
      assert.match(csp, /script-src 'self'(;|$)/, path);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    }
  });

  test('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const evil = await raw(base, '/api/events', { host: 'attacker.example' });
    assert.equal(evil.status, 421);
    const ok = await raw(base, '/api/events', { host: `localhost:${new URL(base).port}` });
    assert.equal(ok.status, 200);
  });

  test('keeps article text as data: the API returns it verbatim, JSON-encoded', async () => {
    const one = await getJson(base, `/api/events/${hostileEventId}`);
    assert.equal(one.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.ok((one.body.evidence as { text: string }[])[0]?.text.includes(HOSTILE));
  });

  test('POST /api/documents validates, limits size, stores, and the document becomes searchable', async () => {
    const post = (body: string, type = 'application/json') => fetch(new URL('/api/documents', base), { method: 'POST', headers: { 'content-type': type }, body });
    assert.equal((await post('{}', 'text/plain')).status, 415);
    const notJson = await post('{nope');
    assert.equal(notJson.status, 400);
    const noText = await post(JSON.stringify({ id: 'x1', date: '2024-01-01', title: 't' }));
    assert.equal(noText.status, 400);
    assert.match(((await noText.json()) as { error: string }).error, /'text'/);
    const badDate = await post(JSON.stringify([{ id: 'x1', date: '2024-01-01', text: 'a' }, { id: 'x2', date: '2024-13-01', text: 'b' }]));
    assert.match(((await badDate.json()) as { error: string }).error, /'\[1\]\.date'/);
    const badUrl = await post(JSON.stringify({ id: 'x3', date: null, text: 'a', url: 'javascript:alert(1)' }));
    assert.match(((await badUrl.json()) as { error: string }).error, /'url'/);
    const extra = await post(JSON.stringify({ id: 'x4', text: 'a', admin: true }));
    assert.match(((await extra.json()) as { error: string }).error, /'admin'/);
    const big = await post(JSON.stringify({ id: 'big', text: 'x'.repeat(1024 * 1024 + 10) }));
    assert.equal(big.status, 413);

    const doc = { id: 'posted-1', date: '2024-08-01', title: 'Posted', source: 'api.example', text: 'Kazakhstan and Uzbekistan discussed water sharing along the Syr Darya in Tashkent.' };
    const created = await post(JSON.stringify(doc));
    assert.equal(created.status, 201);
    const result = (await created.json()) as { received: number; new: number };
    assert.equal(result.received, 1);
    assert.equal(result.new, 1);
    const again = (await (await post(JSON.stringify(doc))).json()) as { duplicate: number };
    assert.equal(again.duplicate, 1);
    const found = await getJson(base, '/api/search?q=Darya');
    assert.ok((found.body.items as { docId: string }[]).some((i) => i.docId === 'posted-1'));
    assert.equal((await getJson(base, '/api/health')).status, 200);
  });
});

describe('http server security settings', () => {
  test('refuses to listen beyond loopback without a token', async () => {
    const { store } = seededStore();
    try {
      await assert.rejects(startServer({ store, host: '0.0.0.0', port: 0, webRoot: null }), /token/);
      await assert.rejects(startServer({ store, port: 0, token: 'short', webRoot: null }), /16 characters/);
    } finally {
      store.close();
    }
  });

  test('with a token, POST needs Authorization: Bearer <token>', async () => {
    const { store } = seededStore();
    const token = 'a-long-enough-test-token-1234';
    const server = await startServer({ store, port: 0, token, webRoot: null, coder: nullCoder });
    try {
      const body = JSON.stringify({ id: 'tok-1', date: '2024-02-02', text: 'Some text about nothing in particular.' });
      const post = (auth?: string) =>
        fetch(new URL('/api/documents', server.url), { method: 'POST', headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) }, body });
      assert.equal((await post()).status, 401);
      assert.equal((await post('Bearer wrong-token')).status, 401);
      assert.equal((await post(`Bearer ${token}x`)).status, 401);
      assert.equal((await post(`Bearer ${token}`)).status, 201);
      assert.equal((await fetch(new URL('/api/events', server.url))).status, 200, 'reading needs no token');
    } finally {
      await server.close();
      store.close();
    }
  });
});
