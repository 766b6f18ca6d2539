// RSS 2.0 / Atom feeds -> items -> documents: each item's page is fetched and extracted, else the item's own text.
import { readFile } from 'node:fs/promises';
import Parser from 'rss-parser';
import { stableId } from '../core/util.js';
import type { Doc, Issue, Parsed } from '../core/types.js';
import { decodeBody } from './charset.js';
import type { Fetcher } from './fetch.js';
import { hostOf, htmlToText, pageDate, parseHtmlDocument } from './html.js';
import type { InputRecord } from './issues.js';
import { detectLanguage } from './lang.js';

/** One entry of a feed. */
export interface FeedItem {
  /** What identifies the item across polls: its guid/id, else its link, else a hash of title and date. */
  readonly key: string;
  readonly guid: string | null;
  /** Absolute URL of the item's page, or null. */
  readonly link: string | null;
  readonly title: string | null;
  /** Publication date, YYYY-MM-DD, or null. */
  readonly date: string | null;
  /** The item's own text (full content when the feed carries it, else the summary), as plain text. */
  readonly text: string;
}

export interface Feed {
  readonly title: string | null;
  readonly link: string | null;
  readonly lang: string | null;
  readonly items: readonly FeedItem[];
}

type RawItem = Record<string, unknown>;

const parser = new Parser();

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (v && typeof v === 'object' && '_' in v) return str((v as { _: unknown })._);
  return null;
}

function absolute(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    const u = new URL(href, base ?? undefined);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function toItem(raw: RawItem, base: string | null): FeedItem {
  const guid = str(raw.guid) ?? str(raw.id);
  const link = absolute(str(raw.link), base) ?? (guid && /^https?:\/\//.test(guid) ? guid : null);
  const title = str(raw.title)?.replace(/\s+/g, ' ') ?? null;
  const date = pageDate(str(raw.pubDate)) ?? pageDate(str(raw.isoDate)) ?? pageDate(str(raw.published)) ?? pageDate(str(raw.updated));
  const html = str(raw['content:encoded']) ?? str(raw.content) ?? str(raw.summary) ?? str(raw.description);
  const text = html ? htmlToText(html) : '';
  const key = guid ?? link ?? `sha:${stableId(title ?? '', date ?? '', text.slice(0, 200))}`;
  return { key, guid, link, title, date, text };
}

/**
 * Parses RSS 2.0, RSS 1.0 or Atom. A document that is not a feed, or broken XML, is one `feed` issue
 * carrying the XML parser's own message (with its line and column).
 * @example const r = await parseFeed(xml, { file: 'world.xml' }); if (r.ok) r.value.items.length;
 */
export async function parseFeed(xml: string, origin: { readonly file: string; readonly url?: string | null }): Promise<Parsed<Feed>> {
  let out: { title?: string; link?: string; language?: string; items?: RawItem[] };
  try {
    out = (await parser.parseString(xml.replace(/^\uFEFF/, ''))) as typeof out;
  } catch (e) {
    const message = `not a readable RSS/Atom feed: ${(e as Error).message.trim().replace(/\s*\n\s*/g, ', ').replace(/,? Char: ?$/, '')}`;
    return { ok: false, issues: [{ code: 'feed', message, file: origin.file }] };
  }
  const base = origin.url ?? str(out.link);
  const items = (out.items ?? []).map((r) => toItem(r, base));
  return { ok: true, value: { title: str(out.title), link: str(out.link), lang: str(out.language), items } };
}

/** What itemDocument needs: how to fetch pages (null: use the item's own text) and where the feed came from. */
export interface ItemContext {
  readonly fetcher: Fetcher | null;
  /** The feed's file or URL, named in issues and kept in doc.meta.feed. */
  readonly feed: string;
  readonly feedInfo: Pick<Feed, 'title' | 'lang'>;
}

/** A document made from one item, with how it was made. */
export interface ItemOutcome {
  readonly rec: InputRecord;
  /** 'page': extracted from the fetched page; 'item': from the feed's own text; 'none': rejected. */
  readonly from: 'page' | 'item' | 'none';
  /** Why the page was not used (fetch failure or extraction issue), when it was not. */
  readonly pageProblem: string | null;
  /** True when fetching failed in a way worth another try later (timeout, 5xx, network). */
  readonly retryable: boolean;
}

function rejectItem(ctx: ItemContext, item: FeedItem, issues: Issue[], problem: string | null, retryable: boolean): ItemOutcome {
  return { rec: { ok: false, issues, file: ctx.feed, line: null, raw: JSON.stringify(item) }, from: 'none', pageProblem: problem, retryable };
}

/**
 * Turns one feed item into a document: the linked page, fetched and extracted (missing date/title filled
 * from the item), or, when the page cannot be had or holds no article, the item's own text.
 */
export async function itemDocument(item: FeedItem, ctx: ItemContext): Promise<ItemOutcome> {
  let problem: string | null = null;
  let retryable = false;
  const where = item.link ?? item.key;
  if (item.link && ctx.fetcher) {
    const r = await ctx.fetcher.get(item.link);
    if (!r.ok) {
      problem = `${r.code}: ${r.message}`;
      retryable = r.retryable;
    } else if (r.contentType && !/html|xml|text\/plain/i.test(r.contentType)) {
      problem = `content-type: not a web page (${r.contentType})`;
    } else {
      const parsed = parseHtmlDocument(r.body.text, {
        url: r.url,
        file: item.link,
        defaults: { date: item.date, title: item.title, source: hostOf(r.url) },
        meta: { feed: ctx.feed, feedItem: item.key, charset: r.body.charset, ...(r.body.note ? { charsetNote: r.body.note } : {}) },
      });
      if (parsed.ok) return { rec: { ok: true, doc: parsed.value, file: ctx.feed, line: null }, from: 'page', pageProblem: null, retryable: false };
      problem = parsed.issues.map((i) => `${i.code}: ${i.message}`).join('; ');
    }
  } else if (item.link) problem = 'pages not fetched (offline)';
  else problem = 'item has no link';
  const id = item.link ?? item.key;
  const fail = (code: string, field: string, message: string): ItemOutcome =>
    rejectItem(ctx, item, [{ code, message: problem ? `${message} (page: ${problem})` : message, file: where, docId: id, field }], problem, retryable);
  if (item.text.length === 0) return fail('no-text', 'text', 'the page could not be used and the item has no text of its own');
  if (!item.date) return fail('missing-date', 'date', 'item has no publication date');
  const lang = detectLanguage(item.text, ctx.feedInfo.lang);
  const doc: Doc = {
    id,
    date: item.date,
    title: item.title,
    text: item.text,
    url: item.link,
    source: hostOf(item.link) ?? ctx.feedInfo.title,
    lang: lang.lang,
    meta: { feed: ctx.feed, feedItem: item.key, extractedBy: 'feed-item', fallback: problem, langDetected: lang.detected ?? lang.lang, langFrom: lang.how },
  };
  return { rec: { ok: true, doc, file: ctx.feed, line: null }, from: 'item', pageProblem: problem, retryable };
}

async function* feedRecords(text: string, file: string, url: string | null, fetcher: Fetcher | null): AsyncGenerator<InputRecord> {
  const parsed = await parseFeed(text, { file, url });
  if (!parsed.ok) {
    yield { ok: false, issues: parsed.issues, file, line: null, raw: null };
    return;
  }
  const ctx: ItemContext = { fetcher, feed: file, feedInfo: parsed.value };
  for (const item of parsed.value.items) yield (await itemDocument(item, ctx)).rec;
}

/**
 * Reads a saved feed file (.xml, .rss, .atom): one record per item (pages fetched when a fetcher is given).
 * @example for await (const rec of readFeedFile('world.xml', createFetcher())) ...
 */
export async function* readFeedFile(path: string, fetcher: Fetcher | null, maxBytes: number): AsyncGenerator<InputRecord> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    yield { ok: false, issues: [{ code: 'io', message: `cannot read ${path}: ${(e as Error).message}`, file: path }], file: path, line: null, raw: null };
    return;
  }
  if (bytes.length > maxBytes) {
    const message = `file is ${bytes.length} bytes, more than the limit of ${maxBytes} bytes`;
    yield { ok: false, issues: [{ code: 'too-large', message, file: path }], file: path, line: null, raw: null };
    return;
  }
  yield* feedRecords(decodeBody(bytes).text, path, null, fetcher);
}

/**
 * Fetches a feed by URL and yields one record per item; a feed that cannot be fetched is one rejected record.
 * @example for await (const rec of readFeedUrl('https://news.example/rss', createFetcher())) ...
 */
export async function* readFeedUrl(url: string, fetcher: Fetcher, fetchPages = true): AsyncGenerator<InputRecord> {
  const r = await fetcher.get(url, { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5' });
  if (!r.ok) {
    yield { ok: false, issues: [{ code: `fetch-${r.code}`, message: `cannot fetch feed: ${r.message}`, file: url }], file: url, line: null, raw: null };
    return;
  }
  yield* feedRecords(r.body.text, url, r.url, fetchPages ? fetcher : null);
}
