// GET /api/transfers and /api/transfers/flows against a real server over a store of coded sentences.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type RunningServer, startServer } from '../../src/serve/http/index.js';
import type { Store } from '../../src/store/index.js';
import { buildTransferStore } from '../transfers/fixture.js';

describe('http api: transfers', () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  const get = async (path: string) => {
    const res = await fetch(new URL(path, server.url));
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'entente-http-transfers-'));
    store = buildTransferStore(join(dir, 't.db'));
    server = await startServer({ store, port: 0, webRoot: null });
  });
  after(async () => {
    await server.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('GET /api/transfers returns the register lines, filtered and paged', async () => {
    const all = await get('/api/transfers');
    assert.equal(all.status, 200);
    assert.equal(all.body.total, 6);
    const items = all.body.items as { system: { name: string }; supplier: { country: string; org: string | null }; quantity: number; status: string; docIds: string[] }[];
    assert.equal(items.length, 6);
    assert.equal(items[0]?.system.name, 'Bayraktar TB2');
    assert.deepEqual(items[0]?.supplier, { country: 'TUR', code: 'TURBUS', org: 'Baykar' });
    const pol = await get('/api/transfers?recipient=POL&category=tank,artillery&status=ordered');
    assert.deepEqual((pol.body.items as { system: { name: string } }[]).map((i) => i.system.name).sort(), ['K2 Black Panther', 'K9 Thunder']);
    const page = await get('/api/transfers?limit=2&offset=4');
    assert.equal((page.body.items as unknown[]).length, 2);
    assert.equal(page.body.total, 6);
    const flagged = await get('/api/transfers?flagged=only&supplier=DEU');
    assert.equal(flagged.body.total, 1);
  });

  test('GET /api/transfers/flows gives supplier -> recipient totals', async () => {
    const r = await get('/api/transfers/flows?recipient=POL');
    assert.equal(r.status, 200);
    const flows = r.body.items as { supplier: string; recipient: string; deals: number; quantity: number }[];
    assert.deepEqual(flows.map((f) => [f.supplier, f.recipient, f.deals, f.quantity]), [
      ['KOR', 'POL', 1, 144],
      ['TUR', 'POL', 1, 24],
    ]);
    assert.equal((await get('/api/transfers/flows?limit=1')).body.total, 5);
  });

  test('bad values are a 400 naming the parameter; odd values never a 500', async () => {
    for (const [q, param] of [
      ['status=sold', 'status'],
      ['category=boats', 'category'],
      ['since=May', 'since'],
      ['since=2024-06&until=2024-01', 'until'],
      ['limit=0', 'limit'],
      ['flagged=maybe', 'flagged'],
      ['colour=red', 'colour'],
    ] as const) {
      const r = await get(`/api/transfers?${q}`);
      assert.equal(r.status, 400, q);
      assert.match(String(r.body.error), new RegExp(`'${param}'`), q);
    }
    const odd = ['', ' ', '%00', '%FF', "'", '%22', '%25', '_', '*', '-1', '9999-99-99', 'x'.repeat(300), ',', 'NaN'];
    for (const route of ['/api/transfers', '/api/transfers/flows']) {
      for (const param of ['supplier', 'recipient', 'category', 'status', 'system', 'since', 'until', 'flagged', 'limit', 'offset']) {
        for (const value of odd) {
          const res = await fetch(new URL(`${route}?${param}=${value}`, server.url));
          assert.ok([200, 400].includes(res.status), `${route}?${param}=${value} gave ${res.status}`);
          await res.arrayBuffer();
        }
      }
    }
  });
});
