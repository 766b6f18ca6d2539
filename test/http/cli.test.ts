// entente start and entente serve, run in-process.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { describe, test } from 'node:test';
import type { Io } from '../../src/serve/cli/command.js';
import { launch } from '../../src/serve/cli/commands/serve.js';
import { SAMPLES } from '../../src/serve/cli/commands/start.js';
import { main } from '../../src/serve/cli/main.js';
import { openStore } from '../../src/store/index.js';
import { seededStore, tempDb } from './fixtures.js';

function io(): Io & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => {
    out += c;
  });
  stderr.on('data', (c) => {
    err += c;
  });
  return { stdin: new PassThrough(), stdout, stderr, cwd: process.cwd(), out: () => out, err: () => err };
}

describe('entente start and serve', () => {
  test('start --no-serve codes the bundled samples into a new database, and reuses it the next time', { skip: existsSync(SAMPLES) ? false : 'samples/articles.jsonl is missing' }, async () => {
    const db = tempDb();
    const first = io();
    assert.equal(await main(['start', '--db', db, '--no-serve'], first), 0, first.err());
    assert.match(first.err(), /coding the sample articles/);
    const store = openStore(db, { readonly: true });
    try {
      assert.ok(store.stats().documents >= 10, 'the samples are stored');
    } finally {
      store.close();
    }
    const second = io();
    assert.equal(await main(['start', '--db', db, '--no-serve'], second), 0);
    assert.match(second.err(), /using the existing database/);
  });

  test('serve refuses a missing database and bad options', async () => {
    const missing = io();
    assert.equal(await main(['serve', '--db', '/nonexistent/dir/x.db'], missing), 1);
    assert.match(missing.err(), /no database at/);
    const badPort = io();
    assert.equal(await main(['serve', '--db', tempDb(), '--port', 'http'], badPort), 2);
    assert.match(badPort.err(), /--port/);
  });

  test('serve refuses to listen beyond loopback without a token', async () => {
    const { path, store } = seededStore();
    store.close();
    const saved = process.env.ENTENTE_TOKEN;
    delete process.env.ENTENTE_TOKEN;
    try {
      const out = io();
      assert.equal(await main(['serve', '--db', path, '--host', '0.0.0.0', '--port', '0'], out), 1);
      assert.match(out.err(), /needs a token/);
    } finally {
      if (saved !== undefined) process.env.ENTENTE_TOKEN = saved;
    }
  });

  test('launch serves the database and the API answers; a taken port is a clear error', async () => {
    const { path, store } = seededStore();
    store.close();
    const out = io();
    const server = await launch({ db: path, port: 0, host: '127.0.0.1', token: null }, out);
    try {
      const res = await fetch(new URL('/api/stats', server.url));
      assert.equal(res.status, 200);
      assert.equal(((await res.json()) as { documents: number }).documents, 4);
      const port = Number(new URL(server.url).port);
      await assert.rejects(launch({ db: path, port, host: '127.0.0.1', token: null }, io()), /in use/);
    } finally {
      await server.close();
    }
  });
});
