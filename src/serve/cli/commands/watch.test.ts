import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { type LiveServer, startLiveServer } from '../../../../test/live/server.js';
import type { Io } from '../command.js';
import { main } from '../main.js';
import { parseDuration, readFeedList } from './watch.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

async function run(dir: string, args: string[]): Promise<{ code: number; err: string }> {
  const stderr = new PassThrough();
  let err = '';
  stderr.on('data', (b: Buffer) => {
    err += b.toString();
  });
  const io: Io = { stdin: Readable.from([]), stdout: new PassThrough(), stderr, cwd: dir };
  const code = await main(args, io);
  return { code, err };
}

// quick settings for a local server: short timeout, no politeness delay, one quick retry
const FAST = ['--timeout', '300ms', '--host-interval', '0', '--retries', '1', '--backoff', '5ms', '--max-page-bytes', '500000'];

describe('watch: feeds file and durations', () => {
  test('readFeedList: comments, blank lines, duplicates; a bad line is named', () => {
    assert.deepEqual(readFeedList('# outlets\n\nhttps://a.test/rss  # world\nhttps://a.test/rss\nhttp://b.test/atom.xml\n'), ['https://a.test/rss', 'http://b.test/atom.xml']);
    assert.throws(() => readFeedList('https://a.test/rss\nnews.test/rss\n', 'feeds.txt'), /feeds\.txt:2: not a URL/);
    assert.throws(() => readFeedList('file:///etc/passwd\n', 'feeds.txt'), /feeds\.txt:1: not an http\(s\) URL/);
  });

  test('parseDuration', () => {
    assert.equal(parseDuration('5m', 'every', 0), 300_000);
    assert.equal(parseDuration('90s', 'every', 0), 90_000);
    assert.equal(parseDuration('1h', 'every', 0), 3_600_000);
    assert.equal(parseDuration('250ms', 'every', 0), 250);
    assert.equal(parseDuration('2', 'every', 0), 2000);
    assert.equal(parseDuration(undefined, 'every', 42), 42);
    assert.throws(() => parseDuration('soon', 'every', 0), /--every must be a duration/);
  });
});

describe('watch: polls against a local news site', () => {
  let s: LiveServer;
  let dir = '';
  let db = '';
  const q = <T>(sql: string, ...params: unknown[]): T[] => {
    const d = new Database(db, { readonly: true });
    try {
      return d.prepare(sql).all(...params) as T[];
    } finally {
      d.close();
    }
  };
  before(async () => {
    s = await startLiveServer();
    dir = mkdtempSync(join(tmpdir(), 'entente-watch-'));
    db = join(dir, 'w.db');
    writeFileSync(join(dir, 'feeds.txt'), `# test outlets\n${s.base}/ledger/world.rss\n${s.base}/harbour/atom.xml # partners\n${s.base}/broken.xml\n${s.base}/gone.xml\n`);
  });
  after(async () => {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const once = () => run(dir, ['watch', '--feeds', 'feeds.txt', '--db', 'w.db', '--once', ...FAST]);

  test('first poll: pages stored, fallbacks from item text, bad feeds logged, the rest goes on', async () => {
    const { code, err } = await once();
    assert.equal(code, 0, err);
    assert.match(err, /world\.rss: 7 items: 7 new, 0 seen; stored 6 \(4 from item text, \d+ events\), 0 already stored, 1 errors/);
    assert.match(err, /atom\.xml: 4 items: 4 new, 0 seen; stored 4 \(0 from item text/);
    assert.match(err, /broken\.xml: not a readable RSS\/Atom feed: Unclosed root tag, Line: 2/);
    assert.match(err, /gone\.xml: feed not fetched: http: HTTP 404/);
    assert.match(err, /retry 1\/1 of .*\/slow\/port-strike in 5 ms \(timeout/);
    assert.match(err, /\/loop\/a: stored from the feed's own text \(page: redirect-loop/);
    assert.match(err, /\/huge: stored from the feed's own text \(page: too-large/);
    assert.match(err, /\/ledger\/front: text: the page could not be used/);
    for (const line of err.trim().split('\n')) assert.match(line, /^\d{4}-\d{2}-\d{2}T[\d:.]+Z watch: /);

    const items = q<{ key: string; status: string }>('SELECT key, status FROM feed_items ORDER BY key');
    assert.deepEqual(
      items.map((i) => `${i.key}=${i.status}`),
      [
        'ledger-101=stored',
        'ledger-102=stored',
        'ledger-103=fallback',
        'ledger-104=fallback',
        'ledger-105=fallback',
        'ledger-106=fallback',
        'ledger-107=rejected',
        'urn:harbour:1=stored',
        'urn:harbour:2=stored',
        'urn:harbour:3=stored',
        'urn:harbour:4=stored',
      ],
    );
    const docs = q<{ id: string; language: string | null; num_events: number; outlet: string; title: string }>('SELECT id, language, num_events, outlet, title FROM documents ORDER BY id');
    assert.equal(docs.length, 10);
    const fr = docs.find((d) => d.id.endsWith('/gazette/accord-maroc'));
    assert.deepEqual(fr && { language: fr.language, events: fr.num_events, outlet: fr.outlet }, { language: 'fr', events: 0, outlet: 'La Gazette du Littoral' });
    const steppe = docs.find((d) => d.id.endsWith('/steppe/border-accord'));
    assert.equal(steppe?.outlet, 'Steppe Wire');
    const text = q<{ text: string }>('SELECT text FROM documents WHERE id = ?', steppe?.id)[0]?.text ?? '';
    assert.match(text, /presidents’ offices said/, 'windows-1252 page decoded');
    const vostok = q<{ text: string }>("SELECT text FROM documents WHERE id LIKE '%/vostok/tbilisi-talks'")[0]?.text ?? '';
    assert.match(vostok, /Debed river/, 'UTF-16 page decoded');
    const drills = docs.find((d) => d.id.endsWith('/ledger/2024/05/14/joint-drills'));
    assert.ok(drills, 'the drills article is stored under its canonical URL');
    const english = docs.filter((d) => d.language === 'en').reduce((n, d) => n + d.num_events, 0);
    assert.ok(english > 0, 'English articles are coded');
    assert.equal(s.hits('/ledger/2024/05/14/joint-drills'), 1);
    const feeds = q<{ url: string; etag: string | null; last_status: string }>('SELECT url, etag, last_status FROM feeds ORDER BY url');
    assert.deepEqual(
      feeds.map((f) => [f.url.replace(s.base, ''), f.last_status, f.etag !== null]),
      [
        ['/broken.xml', 'error', false],
        ['/gone.xml', 'error', false],
        ['/harbour/atom.xml', 'ok', true],
        ['/ledger/world.rss', 'ok', true],
      ],
    );
  });

  test('second poll after the feed changed: conditional GETs, only the new item is fetched (with a retry)', async () => {
    const pagesBefore = s.requests.filter((r) => !r.path.endsWith('.xml') && !r.path.endsWith('.rss')).length;
    s.feedVersion = 2;
    const { code, err } = await once();
    assert.equal(code, 0, err);
    assert.match(err, /world\.rss: 8 items: 1 new, 7 seen; stored 1 \(0 from item text/);
    assert.match(err, /atom\.xml: not modified/);
    assert.match(err, /retry 1\/1 of .*\/flaky\/ferry-talks .*HTTP 503/);
    const feedReq = s.requests.filter((r) => r.path === '/ledger/world.rss').at(-1);
    assert.ok(feedReq?.ifNoneMatch, 'If-None-Match sent');
    assert.ok(feedReq?.ifModifiedSince, 'If-Modified-Since sent');
    const pages = s.requests.filter((r) => !r.path.endsWith('.xml') && !r.path.endsWith('.rss')).map((r) => r.path);
    assert.deepEqual(pages.slice(pagesBefore), ['/flaky/ferry-talks', '/flaky/ferry-talks']);
    assert.deepEqual(q('SELECT status FROM feed_items WHERE key = ?', 'ledger-108'), [{ status: 'stored' }]);
  });

  test('a restart with nothing new fetches no page and stores nothing', async () => {
    const before = s.requests.length;
    const docs = q<{ n: number }>('SELECT count(*) AS n FROM documents')[0]?.n;
    const { code, err } = await once();
    assert.equal(code, 0, err);
    assert.equal((err.match(/: not modified/g) ?? []).length, 2);
    assert.deepEqual(
      s.requests.slice(before).map((r) => r.path.replace(/^\/(ledger|harbour)\//, '')),
      ['world.rss', 'atom.xml', '/broken.xml', '/gone.xml'],
    );
    assert.equal(q<{ n: number }>('SELECT count(*) AS n FROM documents')[0]?.n, docs);
  });

  test('--once exits 1 when no feed could be read; usage errors exit 2', async () => {
    writeFileSync(join(dir, 'dead.txt'), `${s.base}/gone.xml\n`);
    assert.equal((await run(dir, ['watch', '--feeds', 'dead.txt', '--db', 'w.db', '--once', ...FAST])).code, 1);
    assert.equal((await run(dir, ['watch', '--db', 'w.db'])).code, 2);
    writeFileSync(join(dir, 'bad.txt'), 'not-a-url\n');
    const bad = await run(dir, ['watch', '--feeds', 'bad.txt', '--db', 'w.db', '--once']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /bad\.txt:1: not a URL/);
    assert.equal((await run(dir, ['watch', '--feeds', 'feeds.txt', '--every', 'often'])).code, 2);
  });

  test('SIGINT between polls stops cleanly and closes the database', async () => {
    const sigDb = join(dir, 'sig.db');
    writeFileSync(join(dir, 'one.txt'), `${s.base}/harbour/atom.xml\n`);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/serve/cli/dev.ts', 'watch', '--feeds', join(dir, 'one.txt'), '--db', sigDb, '--every', '1h', ...FAST], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (b: Buffer) => {
        err += b.toString();
        if (/atom\.xml: 4 items/.test(err)) resolve();
      });
      child.on('exit', () => reject(new Error(`watch exited early:\n${err}`)));
    });
    child.kill('SIGINT');
    const code = await exited;
    assert.equal(code, 0, err);
    assert.match(err, /SIGINT: stopping after the current document/);
    assert.match(err, /stopped after 1 poll: 4 new items/);
    assert.ok(!existsSync(`${sigDb}-wal`), 'the database was closed (WAL checkpointed and removed)');
    const check = new Database(sigDb, { readonly: true });
    try {
      assert.deepEqual(check.prepare('SELECT count(*) AS n FROM feed_items').get(), { n: 4 });
    } finally {
      check.close();
    }
  });
});
