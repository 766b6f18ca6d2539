// what `entente watch` remembers between polls and restarts: each feed's ETag/Last-Modified and every item seen.
// Tables from migration 3 (feeds, feed_items); open the store first so the file is migrated.
import Database from 'better-sqlite3';
import { EntenteError } from '../../core/index.js';

/** Item outcomes. Every status but `failed` is final: the item is never fetched again. */
export type FeedItemStatus = 'stored' | 'fallback' | 'duplicate' | 'rejected' | 'failed';

/** Tries of an item whose page failed in a retryable way (timeout, 5xx) before it is given up. */
export const MAX_ITEM_ATTEMPTS = 3;

export interface FeedRow {
  readonly url: string;
  readonly title: string | null;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly lastPolled: string | null;
  /** 'ok', 'not-modified', or 'error'. */
  readonly lastStatus: string | null;
  readonly lastError: string | null;
  readonly polls: number;
}

export interface FeedItemRow {
  readonly feed: string;
  readonly key: string;
  readonly link: string | null;
  readonly docId: string | null;
  readonly status: FeedItemStatus;
  readonly attempts: number;
  readonly error: string | null;
}

type Row = Record<string, unknown>;
const s = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * Feed and item state in the event store's file, on a connection of its own (WAL: the store's
 * transactions and these small writes interleave safely in one process).
 * @example const st = new FeedState('entente.db'); if (!st.isDone(feed, item.key, item.link)) ...
 */
export class FeedState {
  private readonly db: Database.Database;

  constructor(path: string) {
    if (path === ':memory:' || path === '') throw new EntenteError('usage', 'feed state needs a database file, not :memory:');
    this.db = new Database(path, { fileMustExist: true });
    this.db.pragma('busy_timeout = 10000');
    const has = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'feed_items'").get();
    if (!has) {
      this.db.close();
      throw new EntenteError('schema', `${path} has no feed tables; open it with openStore first so it is migrated`);
    }
  }

  feed(url: string): FeedRow | null {
    const r = this.db.prepare('SELECT * FROM feeds WHERE url = ?').get(url) as Row | undefined;
    if (!r) return null;
    return {
      url: String(r.url),
      title: s(r.title),
      etag: s(r.etag),
      lastModified: s(r.last_modified),
      lastPolled: s(r.last_polled),
      lastStatus: s(r.last_status),
      lastError: s(r.last_error),
      polls: Number(r.polls),
    };
  }

  /** Records a poll. The validators (etag, lastModified) are replaced only when given: a failed poll keeps the old ones. */
  savePoll(url: string, poll: { status: 'ok' | 'not-modified' | 'error'; error?: string | null; title?: string | null; etag?: string | null; lastModified?: string | null; validators?: boolean }): void {
    const now = new Date().toISOString();
    this.db
      .prepare(
        `INSERT INTO feeds (url, title, etag, last_modified, last_polled, last_status, last_error, polls) VALUES (?, ?, ?, ?, ?, ?, ?, 1)
         ON CONFLICT (url) DO UPDATE SET title = coalesce(excluded.title, feeds.title),
           etag = CASE WHEN ? THEN excluded.etag ELSE feeds.etag END,
           last_modified = CASE WHEN ? THEN excluded.last_modified ELSE feeds.last_modified END,
           last_polled = excluded.last_polled, last_status = excluded.last_status, last_error = excluded.last_error, polls = feeds.polls + 1`,
      )
      .run(url, poll.title ?? null, poll.etag ?? null, poll.lastModified ?? null, now, poll.status, poll.error ?? null, poll.validators ? 1 : 0, poll.validators ? 1 : 0);
  }

  item(feed: string, key: string): FeedItemRow | null {
    const r = this.db.prepare('SELECT * FROM feed_items WHERE feed = ? AND key = ?').get(feed, key) as Row | undefined;
    if (!r) return null;
    return { feed: String(r.feed), key: String(r.key), link: s(r.link), docId: s(r.doc_id), status: String(r.status) as FeedItemStatus, attempts: Number(r.attempts), error: s(r.error) };
  }

  /** True when the item (or, from any feed, an item with the same link) is finished: its page is never fetched again. */
  isDone(feed: string, key: string, link: string | null): boolean {
    const own = this.item(feed, key);
    if (own && (own.status !== 'failed' || own.attempts >= MAX_ITEM_ATTEMPTS)) return true;
    if (!link) return false;
    return this.db.prepare("SELECT 1 FROM feed_items WHERE link = ? AND status <> 'failed' LIMIT 1").get(link) !== undefined;
  }

  /** Records what became of an item; a repeated record counts another attempt. */
  recordItem(feed: string, key: string, item: { link: string | null; docId: string | null; status: FeedItemStatus; error?: string | null }): void {
    const now = new Date().toISOString();
    this.db
      .prepare(
        `INSERT INTO feed_items (feed, key, link, doc_id, status, attempts, error, first_seen, fetched_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)
         ON CONFLICT (feed, key) DO UPDATE SET link = excluded.link, doc_id = excluded.doc_id, status = excluded.status,
           attempts = feed_items.attempts + 1, error = excluded.error, fetched_at = excluded.fetched_at`,
      )
      .run(feed, key, item.link, item.docId, item.status, item.error ?? null, now, now);
  }

  /** Items per status for one feed (or all feeds). */
  counts(feed?: string): Record<string, number> {
    const rows = (feed === undefined
      ? this.db.prepare('SELECT status, count(*) AS n FROM feed_items GROUP BY status').all()
      : this.db.prepare('SELECT status, count(*) AS n FROM feed_items WHERE feed = ? GROUP BY status').all(feed)) as Row[];
    return Object.fromEntries(rows.map((r) => [String(r.status), Number(r.n)]));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
