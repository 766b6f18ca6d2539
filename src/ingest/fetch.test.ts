import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { type LiveServer, startLiveServer } from '../../test/live/server.js';
import { createFetcher, fetchOnce, HostLimiter } from './fetch.js';

describe('ingest: fetchOnce and the fetcher (local server)', () => {
  let s: LiveServer;
  before(async () => {
    s = await startLiveServer();
  });
  after(async () => {
    await s.close();
  });

  test('a page: final URL, status, validators absent, decoded text, our user agent', async () => {
    const r = await fetchOnce(`${s.base}/ledger/2024/05/14/joint-drills`);
    assert.ok(r.ok);
    assert.equal(r.status, 200);
    assert.equal(r.notModified, false);
    assert.equal(r.body.charset, 'utf-8');
    assert.match(r.body.text, /Nakhchivan/);
    assert.match(s.requests.at(-1)?.userAgent ?? '', /^entente\//);
  });

  test('a feed answers a conditional GET with 304 and no body', async () => {
    const first = await fetchOnce(`${s.base}/harbour/atom.xml`);
    assert.ok(first.ok && first.etag && first.lastModified);
    const again = await fetchOnce(`${s.base}/harbour/atom.xml`, { etag: first.etag, lastModified: first.lastModified });
    assert.ok(again.ok);
    assert.equal(again.notModified, true);
    assert.equal(again.body.text, '');
    assert.equal(s.requests.at(-1)?.ifNoneMatch, first.etag);
    assert.equal(s.requests.at(-1)?.ifModifiedSince, first.lastModified);
  });

  test('windows-1252 and UTF-16 pages are decoded by their declarations', async () => {
    const cp = await fetchOnce(`${s.base}/steppe/border-accord`);
    assert.ok(cp.ok);
    assert.equal(cp.body.charset, 'windows-1252');
    assert.equal(cp.body.from, 'meta');
    assert.match(cp.body.text, /presidents’ offices said/);
    assert.match(cp.body.text, /about €12 million/);
    const wide = await fetchOnce(`${s.base}/vostok/tbilisi-talks`);
    assert.ok(wide.ok);
    assert.equal(wide.body.charset, 'utf-16le');
    assert.match(wide.body.text, /Debed river/);
  });

  const failures: [string, string, Record<string, unknown>, { code: string; retryable: boolean; message: RegExp }][] = [
    ['/missing', 'a 404', {}, { code: 'http', retryable: false, message: /HTTP 404/ }],
    ['/loop/a', 'a redirect loop', {}, { code: 'redirect-loop', retryable: false, message: /\/loop\/a -> .*\/loop\/b -> .*\/loop\/a$/ }],
    ['/loop/a', 'too many redirects', { maxRedirects: 0 }, { code: 'too-many-redirects', retryable: false, message: /more than 0 redirects/ }],
    ['/huge', 'a streamed page over the byte cap', { maxBytes: 200_000 }, { code: 'too-large', retryable: false, message: /longer than the limit of 200000/ }],
    ['/huge-declared', 'a declared length over the byte cap', { maxBytes: 200_000 }, { code: 'too-large', retryable: false, message: /3145728 bytes/ }],
    ['/slow/story', 'a host slower than the timeout', { timeoutMs: 200 }, { code: 'timeout', retryable: true, message: /within 200 ms/ }],
    ['/flaky/once', 'a 503', {}, { code: 'http', retryable: true, message: /HTTP 503/ }],
  ];
  for (const [path, label, opts, want] of failures) {
    test(`${label} is a failure value, not a throw`, async () => {
      const r = await fetchOnce(`${s.base}${path}`, opts);
      assert.ok(!r.ok);
      assert.equal(r.code, want.code);
      assert.equal(r.retryable, want.retryable);
      assert.match(r.message, want.message);
    });
  }

  test('bad URLs and refused connections', async () => {
    const bad = await fetchOnce('not a url');
    assert.ok(!bad.ok && bad.code === 'bad-url');
    const ftp = await fetchOnce('ftp://127.0.0.1/x');
    assert.ok(!ftp.ok && ftp.code === 'bad-url');
    // a port that was just free: nothing listens there
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const refused = await fetchOnce(`http://127.0.0.1:${port}/`);
    assert.ok(!refused.ok);
    assert.equal(refused.code, 'network');
    assert.equal(refused.retryable, true);
  });

  test('the fetcher retries a 503 with backoff and succeeds; it does not retry a 404', async () => {
    const retries: number[] = [];
    const f = createFetcher({ hostIntervalMs: 0, backoffMs: 5, retries: 3, onRetry: (_u, attempt) => retries.push(attempt) });
    const r = await f.get(`${s.base}/flaky/retry-me`);
    assert.ok(r.ok);
    assert.equal(r.attempts, 2);
    assert.deepEqual(retries, [1]);
    assert.equal(s.hits('/flaky/retry-me'), 2);
    const gone = await f.get(`${s.base}/missing-too`);
    assert.ok(!gone.ok);
    assert.equal(gone.attempts, 1);
    assert.equal(s.hits('/missing-too'), 1);
  });

  test('the fetcher gives up after its retries', async () => {
    const f = createFetcher({ hostIntervalMs: 0, backoffMs: 1, retries: 2, timeoutMs: 100 });
    const r = await f.get(`${s.base}/slow/never`);
    assert.ok(!r.ok);
    assert.equal(r.code, 'timeout');
    assert.equal(r.attempts, 3);
    assert.equal(s.hits('/slow/never'), 3);
  });

  test('the host limiter hands out turns in order and a stop signal ends a wait', async () => {
    const lim = new HostLimiter(60_000);
    await lim.wait('http://a.test/1');
    await lim.wait('http://b.test/1', undefined); // another host: no wait
    const stop = new AbortController();
    const waiting = lim.wait('http://a.test/2', stop.signal);
    stop.abort();
    await waiting; // resolves although the host's next turn is a minute away
  });
});
