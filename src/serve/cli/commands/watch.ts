// entente watch: poll RSS/Atom feeds, fetch each new item's page once, code it and store it; state survives restarts.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type CodedDoc, createCoder } from '../../../index.js';
import { formatIssue } from '../../../ingest/index.js';
import { createFetcher, type Feed, isCodable, itemDocument, parseFeed } from '../../../ingest/live.js';
import { openStore } from '../../../store/index.js';
import { FeedState } from '../../../store/sqlite/feeds.js';
import { UsageError } from '../../../core/index.js';
import type { Command, Io } from '../command.js';
import { dbOptions, dbPath, parseCount } from '../format.js';

const HELP = `usage: entente watch --feeds FILE [--every 5m] [--db PATH] [--once] [options]

Polls RSS/Atom feeds and keeps the event store current: each new item's page is fetched, its article
extracted, coded and stored (one transaction per document). Items already handled are never fetched
again, also after a restart (state in the database). Conditional GETs (ETag, Last-Modified) keep
unchanged feeds cheap. Documents not in English are stored with their language and not coded.
Ctrl-C (SIGINT) or SIGTERM stops after the current document and closes the database.

  --feeds FILE          feed URLs, one a line; # starts a comment (re-read before every poll)
  --every DURATION      time between polls: 90s, 5m, 1h (default 5m)
  --once                poll every feed once and exit (exit 1 when no feed could be read)
  --db PATH             database file (default ./entente.db)
  --timeout DURATION    per request, headers and body (default 15s)
  --host-interval DUR   least time between two requests to one host (default 1s)
  --retries N           retries of timeouts, network errors, 5xx and 429, with exponential backoff (default 3)
  --backoff DURATION    first retry delay, doubled each time (default 1s)
  --max-page-bytes N    largest page or feed read, bytes (default 5242880)
  --no-fetch            store each item's own text instead of fetching its page

Log lines (stderr): one per feed and poll with items new/seen/stored/errors, one per problem.

example:
  entente watch --feeds feeds.txt --every 10m --db events.db`;

/**
 * A duration in milliseconds: '500ms', '90s', '5m', '1h', or a bare number of seconds.
 * @example parseDuration('5m', 'every') // 300000
 */
export function parseDuration(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(String(value).trim());
  if (!m) throw new UsageError(`--${name} must be a duration such as 500ms, 30s, 5m or 1h (got '${String(value)}')`);
  const n = Number(m[1]);
  const unit = m[2] ?? 's';
  return Math.round(n * (unit === 'ms' ? 1 : unit === 's' ? 1000 : unit === 'm' ? 60_000 : 3_600_000));
}

/**
 * Reads a feeds file: one http(s) URL a line, blank lines and # comments ignored.
 * @example readFeedList('# world\nhttps://news.example/rss\n') // ['https://news.example/rss']
 */
export function readFeedList(text: string, file = 'feeds'): string[] {
  const urls: string[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).replace(/(^|\s)#.*$/, '').trim();
    if (!line) continue;
    let u: URL;
    try {
      u = new URL(line);
    } catch {
      throw new UsageError(`${file}:${i + 1}: not a URL: ${JSON.stringify(line)}`);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new UsageError(`${file}:${i + 1}: not an http(s) URL: ${line}`);
    if (!urls.includes(u.href)) urls.push(u.href);
  }
  return urls;
}

interface Totals {
  polls: number;
  feedsRead: number;
  feedErrors: number;
  items: number;
  fresh: number;
  seen: number;
  stored: number;
  fallback: number;
  duplicates: number;
  otherLang: number;
  events: number;
  errors: number;
}

const ACCEPT_FEED = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

export const command: Command = {
  name: 'watch',
  summary: 'poll RSS/Atom feeds and store new articles as they appear (resumes where it left off)',
  help: HELP,
  options: {
    ...dbOptions,
    feeds: { type: 'string' },
    every: { type: 'string' },
    once: { type: 'boolean' },
    timeout: { type: 'string' },
    'host-interval': { type: 'string' },
    retries: { type: 'string' },
    backoff: { type: 'string' },
    'max-page-bytes': { type: 'string' },
    'no-fetch': { type: 'boolean' },
  },
  async run({ values }, io: Io): Promise<number> {
    if (typeof values.feeds !== 'string') throw new UsageError('give --feeds FILE (one feed URL a line)');
    const feedsFile = resolve(io.cwd, values.feeds);
    const loadFeeds = (): string[] => {
      let text: string;
      try {
        text = readFileSync(feedsFile, 'utf8');
      } catch (e) {
        throw new UsageError(`cannot read ${values.feeds}: ${(e as Error).message}`);
      }
      return readFeedList(text, String(values.feeds));
    };
    let feeds = loadFeeds();
    if (feeds.length === 0) throw new UsageError(`${values.feeds} lists no feed URL`);
    const every = parseDuration(values.every, 'every', 5 * 60_000);
    const timeoutMs = parseDuration(values.timeout, 'timeout', 15_000);
    const hostIntervalMs = parseDuration(values['host-interval'], 'host-interval', 1000);
    const backoffMs = parseDuration(values.backoff, 'backoff', 1000);
    const retries = parseCount(values.retries, 'retries', 3);
    const maxBytes = parseCount(values['max-page-bytes'], 'max-page-bytes', 5 * 1024 * 1024);
    const once = values.once === true;
    const fetchPages = values['no-fetch'] !== true;
    const path = dbPath(values, io);
    if (path === ':memory:') throw new UsageError('watch needs a database file (--db PATH), not :memory:');

    const log = (msg: string) => io.stderr.write(`${new Date().toISOString()} watch: ${msg}\n`);
    const stop = new AbortController();
    let signals = 0;
    const onSignal = (sig: string) => {
      signals++;
      if (signals === 1) log(`${sig}: stopping after the current document`);
      stop.abort();
    };
    const onInt = () => onSignal('SIGINT');
    const onTerm = () => onSignal('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);

    const store = openStore(path);
    const state = new FeedState(path);
    const coder = createCoder();
    const fetcher = createFetcher({
      timeoutMs,
      maxBytes,
      hostIntervalMs,
      retries,
      backoffMs,
      signal: stop.signal,
      onRetry: (url, attempt, f, wait) => log(`retry ${attempt}/${retries} of ${url} in ${wait} ms (${f.code}: ${f.message})`),
    });
    const t: Totals = { polls: 0, feedsRead: 0, feedErrors: 0, items: 0, fresh: 0, seen: 0, stored: 0, fallback: 0, duplicates: 0, otherLang: 0, events: 0, errors: 0 };
    const stopped = () => stop.signal.aborted;

    const pollFeed = async (url: string): Promise<void> => {
      const started = Date.now();
      const prev = state.feed(url);
      const r = await fetcher.get(url, { etag: prev?.etag ?? null, lastModified: prev?.lastModified ?? null, accept: ACCEPT_FEED });
      if (!r.ok) {
        if (r.code === 'aborted') return;
        t.feedErrors++;
        log(`${url}: feed not fetched: ${r.code}: ${r.message}${r.attempts > 1 ? ` (after ${r.attempts} tries)` : ''}`);
        state.savePoll(url, { status: 'error', error: `${r.code}: ${r.message}` });
        return;
      }
      if (r.notModified) {
        t.feedsRead++;
        log(`${url}: not modified`);
        state.savePoll(url, { status: 'not-modified' });
        return;
      }
      const parsed = await parseFeed(r.body.text, { file: url, url: r.url });
      if (!parsed.ok) {
        t.feedErrors++;
        for (const i of parsed.issues) log(formatIssue(i));
        state.savePoll(url, { status: 'error', error: parsed.issues.map((i) => i.message).join('; ') });
        return;
      }
      t.feedsRead++;
      const feed: Feed = parsed.value;
      const n = { fresh: 0, seen: 0, stored: 0, fallback: 0, duplicates: 0, errors: 0, events: 0, retryLater: 0 };
      let complete = true;
      for (const item of feed.items) {
        if (stopped()) {
          complete = false;
          break;
        }
        if (state.isDone(url, item.key, item.link)) {
          n.seen++;
          continue;
        }
        n.fresh++;
        const out = await itemDocument(item, { fetcher: fetchPages ? fetcher : null, feed: url, feedInfo: feed });
        if (stopped() && out.pageProblem?.startsWith('aborted')) {
          complete = false;
          break;
        }
        if (!out.rec.ok) {
          n.errors++;
          for (const i of out.rec.issues) log(formatIssue(i));
          const status = out.retryable ? 'failed' : 'rejected';
          if (out.retryable) n.retryLater++;
          state.recordItem(url, item.key, { link: item.link, docId: null, status, error: out.rec.issues.map((i) => `${i.code}: ${i.message}`).join('; ') });
          continue;
        }
        const doc = out.rec.doc;
        if (out.from === 'item') {
          n.fallback++;
          log(`${item.link ?? item.key}: stored from the feed's own text (page: ${out.pageProblem})`);
        }
        if (store.hasDocument(doc.id)) {
          n.duplicates++;
          state.recordItem(url, item.key, { link: item.link, docId: doc.id, status: 'duplicate' });
          continue;
        }
        const codable = isCodable(doc);
        if (!codable) t.otherLang++;
        let coded: CodedDoc;
        try {
          coded = codable ? coder.codeDoc(doc) : { id: doc.id, date: doc.date, events: [] };
        } catch (e) {
          n.errors++;
          log(`${doc.id}: coding failed: ${(e as Error).message}`);
          state.recordItem(url, item.key, { link: item.link, docId: doc.id, status: 'rejected', error: `coder: ${(e as Error).message}` });
          continue;
        }
        const res = store.ingest(doc, coded);
        n.stored++;
        n.events += res.events;
        state.recordItem(url, item.key, { link: item.link, docId: doc.id, status: out.from === 'page' ? 'stored' : 'fallback', error: out.pageProblem });
      }
      // the validators are kept only once every item is handled: an interrupted or partly failed poll fetches the feed again
      const validators = complete && n.retryLater === 0;
      state.savePoll(url, { status: 'ok', title: feed.title, etag: r.etag, lastModified: r.lastModified, validators });
      t.items += feed.items.length;
      t.fresh += n.fresh;
      t.seen += n.seen;
      t.stored += n.stored;
      t.fallback += n.fallback;
      t.duplicates += n.duplicates;
      t.errors += n.errors;
      t.events += n.events;
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      log(
        `${url}: ${feed.items.length} items: ${n.fresh} new, ${n.seen} seen; stored ${n.stored} (${n.fallback} from item text, ${n.events} events), ${n.duplicates} already stored, ${n.errors} errors${complete ? '' : ', interrupted'} (${secs} s)`,
      );
    };

    try {
      log(`watching ${feeds.length} feed${feeds.length === 1 ? '' : 's'} ${once ? 'once' : `every ${every / 1000} s`} into ${path}`);
      for (;;) {
        t.polls++;
        for (const url of feeds) {
          if (stopped()) break;
          await pollFeed(url);
        }
        if (once || stopped()) break;
        await sleep(every, undefined, { signal: stop.signal }).catch(() => undefined);
        if (stopped()) break;
        try {
          feeds = loadFeeds();
        } catch (e) {
          log(`${(e as Error).message}; keeping the previous list of ${feeds.length} feeds`);
        }
      }
      log(
        `stopped after ${t.polls} poll${t.polls === 1 ? '' : 's'}: ${t.fresh} new items, ${t.seen} seen, ${t.stored} stored (${t.fallback} from item text, ${t.otherLang} not in English), ${t.duplicates} already stored, ${t.events} events, ${t.errors} item errors, ${t.feedErrors} feed errors`,
      );
    } finally {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      state.close();
      store.close();
    }
    return once && t.feedsRead === 0 ? 1 : 0;
  },
};
