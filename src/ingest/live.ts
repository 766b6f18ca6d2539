// live sources: saved and fetched web pages, RSS/Atom feeds, HTTP with limits, language identification.
// Kept apart from index.ts because linkedom, rss-parser and franc take ~300 ms to load.
export { charsetOf, decodeBody, decodeWindows1252 } from './charset.js';
export type { DecodedBody } from './charset.js';
export { createFetcher, DEFAULT_MAX_PAGE_BYTES, DEFAULT_TIMEOUT_MS, fetchOnce, HostLimiter } from './fetch.js';
export type { Fetcher, FetcherOptions, FetchErrorCode, FetchOptions, FetchResult } from './fetch.js';
export { itemDocument, parseFeed, readFeedFile, readFeedUrl } from './feed.js';
export type { Feed, FeedItem, ItemContext, ItemOutcome } from './feed.js';
export { hostOf, htmlToText, pageDate, parseHtmlDocument, readHtmlFile, readPageMeta } from './html.js';
export type { HtmlOptions, PageMeta } from './html.js';
export { detectLanguage, isCodable, MIN_LANG_CHARS, normalizeLangTag } from './lang.js';
export type { LangGuess } from './lang.js';
