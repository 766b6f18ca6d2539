import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { fixture, harbourAtom, ledgerFeed, type LiveServer, startLiveServer, toUtf16le, toWindows1252 } from '../../test/live/server.js';
import { itemDocument, parseFeed, readFeedUrl } from './feed.js';
import { createFetcher } from './fetch.js';
import type { InputRecord } from './issues.js';
import { readInputs } from './read.js';

const BASE = 'https://feeds.test';

async function all(it: AsyncIterable<InputRecord>): Promise<InputRecord[]> {
  const out: InputRecord[] = [];
  for await (const r of it) out.push(r);
  return out;
}

describe('ingest: parseFeed', () => {
  test('RSS 2.0: keys from guids, dates from pubDate, item text from the description', async () => {
    const r = await parseFeed(ledgerFeed(BASE, 1), { file: 'world.rss' });
    assert.ok(r.ok);
    assert.equal(r.value.title, 'The Caspian Ledger: World');
    assert.equal(r.value.lang, 'en');
    assert.equal(r.value.items.length, 7);
    const [first, , third] = r.value.items;
    assert.deepEqual(
      { key: first?.key, link: first?.link, date: first?.date, text: first?.text },
      { key: 'ledger-101', link: `${BASE}/ledger/2024/05/14/joint-drills`, date: '2024-05-14', text: '' },
    );
    assert.match(third?.text ?? '', /^The transport ministers of Georgia and Azerbaijan met in Baku/);
    assert.ok(!(third?.text ?? '').includes('<p>'), 'markup in the description is turned into text');
  });

  test('Atom: ids as keys, alternate links, updated dates', async () => {
    const r = await parseFeed(harbourAtom(BASE), { file: 'atom.xml' });
    assert.ok(r.ok);
    assert.deepEqual(
      r.value.items.map((i) => [i.key, i.link, i.date]),
      [
        ['urn:harbour:1', `${BASE}/harbour/news/ministers-meet-athens`, '2024-05-15'],
        ['urn:harbour:2', `${BASE}/steppe/border-accord`, '2024-05-16'],
        ['urn:harbour:3', `${BASE}/vostok/tbilisi-talks`, '2024-05-17'],
        ['urn:harbour:4', `${BASE}/gazette/accord-maroc`, '2024-05-18'],
      ],
    );
  });

  test('relative links resolve against the feed URL; an item without guid or link gets a content key', async () => {
    const xml = `<rss version="2.0"><channel><title>T</title><item><title>A</title><link>/a/1</link><pubDate>Mon, 13 May 2024 10:00:00 GMT</pubDate></item><item><title>B</title><description>Only text.</description></item></channel></rss>`;
    const r = await parseFeed(xml, { file: 'x', url: 'https://site.test/feeds/main.xml' });
    assert.ok(r.ok);
    assert.equal(r.value.items[0]?.link, 'https://site.test/a/1');
    assert.equal(r.value.items[0]?.key, 'https://site.test/a/1');
    assert.match(r.value.items[1]?.key ?? '', /^sha:[0-9a-f]{16}$/);
  });

  const broken: [string, string, RegExp][] = [
    ['a feed cut off mid-item', '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Half</title>\n<item><title>Cut off', /Unclosed root tag, Line: 2/],
    ['a bare ampersand', '<rss version="2.0"><channel><title>A & B</title></channel></rss>', /Invalid character in entity name/],
    ['an HTML page', '<html><body><p>hello</p></body></html>', /not recognized as RSS/],
    ['an empty body', '', /Unable to parse XML/],
  ];
  for (const [label, xml, message] of broken) {
    test(`${label} is one 'feed' issue with the parser's message`, async () => {
      const r = await parseFeed(xml, { file: 'bad.xml' });
      assert.ok(!r.ok);
      assert.equal(r.issues.length, 1);
      assert.equal(r.issues[0]?.code, 'feed');
      assert.equal(r.issues[0]?.file, 'bad.xml');
      assert.match(r.issues[0]?.message ?? '', message);
      assert.ok(!(r.issues[0]?.message ?? '').includes('\n'), 'one log line');
    });
  }
});

describe('ingest: feed items to documents (local server)', () => {
  let s: LiveServer;
  let dir = '';
  before(async () => {
    s = await startLiveServer();
    dir = await mkdtemp(join(tmpdir(), 'entente-feed-'));
  });
  after(async () => {
    await s.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('readFeedUrl: pages fetched and extracted, the item text when the page cannot be had', async () => {
    const fetcher = createFetcher({ hostIntervalMs: 0, retries: 0, timeoutMs: 300, maxBytes: 500_000 });
    const recs = await all(readFeedUrl(`${s.base}/ledger/world.rss`, fetcher));
    const summary = recs.map((r) => (r.ok ? [r.doc.id.replace(s.base, ''), r.doc.meta?.extractedBy, r.doc.date] : ['rejected', r.issues[0]?.code]));
    assert.deepEqual(summary, [
      ['/ledger/2024/05/14/joint-drills', 'readability', '2024-05-14'],
      ['/ledger/pipeline-talks', 'readability', '2024-05-14'],
      ['/ledger/removed-story', 'feed-item', '2024-05-14'],
      ['/slow/port-strike', 'feed-item', '2024-05-14'],
      ['/loop/a', 'feed-item', '2024-05-14'],
      ['/huge', 'feed-item', '2024-05-14'],
      ['rejected', 'no-text'],
    ]);
    const reasons = recs.map((r) => (r.ok ? r.doc.meta?.fallback : r.issues[0]?.message));
    assert.match(String(reasons[2]), /^http: HTTP 404/);
    assert.match(String(reasons[3]), /^timeout:/);
    assert.match(String(reasons[4]), /^redirect-loop:/);
    assert.match(String(reasons[5]), /^too-large:/);
    assert.match(String(reasons[6]), /no-article/);
    const pipeline = recs[1];
    assert.ok(pipeline?.ok);
    assert.equal(pipeline.doc.meta?.dateFrom, 'feed', 'the undated page takes the item date');
  });

  test('readFeedUrl: a broken feed and an unreachable feed are one rejected record each', async () => {
    const fetcher = createFetcher({ hostIntervalMs: 0, retries: 0 });
    const broken = await all(readFeedUrl(`${s.base}/broken.xml`, fetcher));
    assert.equal(broken.length, 1);
    const b = broken[0];
    assert.ok(b && !b.ok && b.issues[0]?.code === 'feed');
    const missing = await all(readFeedUrl(`${s.base}/gone.xml`, fetcher));
    const m = missing[0];
    assert.ok(m && !m.ok && m.issues[0]?.code === 'fetch-http');
  });

  test('itemDocument without a fetcher uses the item text and flags its language', async () => {
    const feed = await parseFeed(ledgerFeed(s.base, 1), { file: 'f' });
    assert.ok(feed.ok);
    const item = feed.value.items[2];
    assert.ok(item);
    const out = await itemDocument(item, { fetcher: null, feed: 'f', feedInfo: feed.value });
    assert.equal(out.from, 'item');
    assert.equal(out.pageProblem, 'pages not fetched (offline)');
    assert.ok(out.rec.ok);
    assert.equal(out.rec.doc.lang, 'en');
    assert.equal(out.rec.doc.source, '127.0.0.1');
  });

  test('readInputs: saved pages in several encodings, folders pick up .html, a saved feed reads its items', async () => {
    await writeFile(join(dir, 'a-ledger.html'), fixture('ledger-drills.html', 'https://ledger.test'));
    await writeFile(join(dir, 'b-steppe.htm'), toWindows1252(fixture('steppe-border.html', 'https://steppe.test')));
    await writeFile(join(dir, 'c-vostok.html'), toUtf16le(fixture('vostok-summit.html', 'https://vostok.test')));
    await writeFile(join(dir, 'd-gazette.html'), fixture('gazette-fr.html', 'https://gazette.test'));
    await writeFile(join(dir, 'e-front.html'), fixture('section-front.html', 'https://ledger.test'));
    await writeFile(join(dir, 'f-notes.xml'), ledgerFeed('https://ledger.test', 1)); // not picked up from a folder
    const recs = await all(readInputs([dir], { stdin: Readable.from([]) }));
    const got = recs.map((r) => (r.ok ? [r.doc.id, r.doc.lang, r.doc.meta?.charset] : ['rejected', r.issues[0]?.code]));
    assert.deepEqual(got, [
      ['https://ledger.test/ledger/2024/05/14/joint-drills', 'en', 'utf-8'],
      ['b-steppe', 'en', 'windows-1252'],
      ['c-vostok', 'en', 'utf-16le'],
      ['d-gazette', 'fr', 'utf-8'],
      ['rejected', 'no-article'],
    ]);
    const steppe = recs[1];
    assert.ok(steppe?.ok);
    assert.match(steppe.doc.text, /“This document closes a question/);
    // named directly, a feed file yields its items (no fetcher: the items' own text)
    const feedRecs = await all(readInputs([join(dir, 'f-notes.xml')], { stdin: Readable.from([]) }));
    assert.equal(feedRecs.length, 7);
    assert.deepEqual(
      feedRecs.map((r) => (r.ok ? 'doc' : r.issues[0]?.code)),
      ['no-text', 'no-text', 'doc', 'doc', 'doc', 'doc', 'no-text'],
    );
  });
});
