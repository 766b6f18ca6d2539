// a news page (HTML) -> Doc: readability finds the article body; metadata from meta tags, JSON-LD and <time>.
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Doc, Issue, Parsed } from '../core/types.js';
import { decodeBody } from './charset.js';
import type { InputRecord } from './issues.js';
import { normalizeDate } from './jsonl.js';
import { detectLanguage } from './lang.js';

/** Where a page came from and what to fall back on when it does not say. */
export interface HtmlOptions {
  /** The file or URL named in issues. */
  readonly file?: string;
  /** The address the page was fetched from: base of relative links, and the id when there is no canonical URL. */
  readonly url?: string | null;
  /** The id when the page has no canonical URL and no url was given (a saved page's file name). */
  readonly id?: string;
  /** Values used when the page lacks them (from the feed item that linked to it). */
  readonly defaults?: { readonly date?: string | null; readonly title?: string | null; readonly source?: string | null };
  /** Fewest characters of article text accepted (default 200). */
  readonly minChars?: number;
  /** Extra fields copied into doc.meta (charset, feed). */
  readonly meta?: Readonly<Record<string, unknown>>;
}

/** Metadata read from a page's head and markup, before the article is extracted. */
export interface PageMeta {
  readonly canonical: string | null;
  /** og:title, twitter:title, JSON-LD headline or the first h1 (not <title>, which carries the site's name). */
  readonly title: string | null;
  readonly date: string | null;
  /** Which tag gave the date (article:published_time, json-ld, time, ...). */
  readonly dateFrom: string | null;
  readonly outlet: string | null;
  readonly lang: string | null;
}

// elements that are never article text: removed before readability scores the page
const NOISE =
  'script, style, noscript, template, nav, aside, form, button, iframe, svg, figcaption, [role="navigation"], [role="complementary"], [aria-hidden="true"], [hidden], .ad, .ads, .advert, .advertisement, [class*="advert"], [id*="advert"], [class*="newsletter"], [class*="share"], [class*="social"], [class*="related"], [class*="promo"], [class*="cookie"], [class*="caption"]';
// elements whose text is never kept when the article is turned into paragraphs
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'FIGURE', 'FIGCAPTION', 'IMG', 'PICTURE', 'SVG', 'BUTTON', 'TEMPLATE', 'IFRAME', 'NAV', 'ASIDE', 'FORM']);
const BLOCK = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'BLOCKQUOTE',
  'PRE', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TD', 'TH', 'DL', 'DT', 'DD', 'HR', 'BR', 'ADDRESS', 'DETAILS', 'SUMMARY',
]);
// short paragraphs that are furniture, not reporting
const BOILERPLATE =
  /^(advertisement|sponsored( content)?|read more\b.*|related( stories| articles)?:?.*|more on this( story)?:?|share( this)?( article| story)?:?|follow us\b.*|sign up\b.*|subscribe\b.*|click here\b.*|photo:.*|image:.*|listen to (this|the) article.*|\d+ min(ute)? read)$/i;
const DATE_METAS = [
  'article:published_time',
  'og:article:published_time',
  'datepublished',
  'parsely-pub-date',
  'sailthru.date',
  'pubdate',
  'publishdate',
  'publish-date',
  'article.published',
  'dc.date.issued',
  'dcterms.created',
  'dc.date',
  'date',
];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|Report|LiveBlogPosting|WebPage)$/;

type El = {
  tagName: string;
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<El>;
  getAttribute(name: string): string | null;
  querySelectorAll(sel: string): ArrayLike<El>;
  querySelector(sel: string): El | null;
  remove(): void;
};

/**
 * A page date as YYYY-MM-DD: ISO values keep their own (local) date; RFC 2822 and written-out dates are read too.
 * @example pageDate('2024-04-02T23:10:00-05:00') // '2024-04-02'
 */
export function pageDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  const iso = normalizeDate(v) ?? normalizeDate(v.replace(/^(\d{4}-\d{2}-\d{2})T?(\d{2}:\d{2}(?::\d{2})?)(\.\d+)?\s*(UTC|GMT)?$/i, '$1T$2Z'));
  if (iso) return iso;
  // RFC 2822 (feeds, Last-Modified): the calendar day as written, in the writer's own zone
  const rfc = /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})\b/i.exec(v);
  if (rfc) {
    const mon = MONTHS.indexOf((rfc[2] as string).toLowerCase()) + 1;
    if (mon > 0) return normalizeDate(`${rfc[3]}-${String(mon).padStart(2, '0')}-${(rfc[1] as string).padStart(2, '0')}`);
  }
  if (!/[a-z]{3}/i.test(v) || !/\d{4}/.test(v)) return null;
  const t = Date.parse(v);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  // a written-out date with a zone is read in UTC; 'April 2, 2024' (no time) in local time is the same calendar day
  const utc = /(gmt|utc|z|[+-]\d{2}:?\d{2})\s*$/i.test(v);
  const y = utc ? d.getUTCFullYear() : d.getFullYear();
  const m = (utc ? d.getUTCMonth() : d.getMonth()) + 1;
  const day = utc ? d.getUTCDate() : d.getDate();
  return normalizeDate(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

function absolute(href: string | null | undefined, base: string | null | undefined): string | null {
  if (!href?.trim()) return null;
  try {
    const u = new URL(href.trim(), base ?? undefined);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * The host of a URL without `www.`, used as the outlet name when a page does not give one.
 * @example hostOf('https://www.example.org/a') // 'example.org'
 */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

function clean(s: string | null | undefined): string | null {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
}

// every object in the page's JSON-LD blocks, @graph and arrays flattened
function jsonLdObjects(doc: El): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 6 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    out.push(o);
    if (o['@graph']) visit(o['@graph'], depth + 1);
  };
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    try {
      visit(JSON.parse((scripts[i] as El).textContent ?? ''), 0);
    } catch {
      // a broken JSON-LD block is common and harmless: the other sources of metadata remain
    }
  }
  return out;
}

function typeMatches(o: Record<string, unknown>): boolean {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).some((x) => typeof x === 'string' && ARTICLE_TYPES.test(x));
}

function nameOf(v: unknown): string | null {
  if (typeof v === 'string') return clean(v);
  if (Array.isArray(v)) return nameOf(v[0]);
  if (v && typeof v === 'object') return nameOf((v as Record<string, unknown>).name);
  return null;
}

/**
 * Reads canonical URL, title, publication date, outlet and declared language from a parsed page.
 * Order of preference for the date: article:published_time and similar meta tags, JSON-LD datePublished,
 * `<time pubdate>`, then the first `<time datetime>` inside the article.
 */
export function readPageMeta(document: unknown, url?: string | null): PageMeta {
  const doc = document as El;
  const metas = new Map<string, string>();
  const metaEls = doc.querySelectorAll('meta');
  for (let i = 0; i < metaEls.length; i++) {
    const m = metaEls[i] as El;
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const content = m.getAttribute('content') ?? m.getAttribute('datetime');
    if (key && content?.trim() && !metas.has(key)) metas.set(key, content.trim());
  }
  const ld = jsonLdObjects(doc);
  const article = ld.find((o) => typeMatches(o) && (o.datePublished || o.headline)) ?? ld.find((o) => o.datePublished) ?? null;

  const canonical =
    absolute(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), url) ??
    absolute(metas.get('og:url'), url) ??
    absolute(typeof article?.url === 'string' ? article.url : null, url);

  let date: string | null = null;
  let dateFrom: string | null = null;
  for (const k of DATE_METAS) {
    const d = pageDate(metas.get(k));
    if (d) {
      date = d;
      dateFrom = k;
      break;
    }
  }
  if (!date && article) {
    date = pageDate(typeof article.datePublished === 'string' ? article.datePublished : null);
    if (date) dateFrom = 'json-ld';
  }
  if (!date) {
    const t = doc.querySelector('time[pubdate][datetime]') ?? doc.querySelector('article time[datetime]') ?? doc.querySelector('time[datetime]');
    date = pageDate(t?.getAttribute('datetime'));
    if (date) dateFrom = 'time';
  }

  const title =
    clean(metas.get('og:title')) ??
    clean(metas.get('twitter:title')) ??
    clean(typeof article?.headline === 'string' ? article.headline : null) ??
    clean(doc.querySelector('h1')?.textContent);
  const outlet =
    clean(metas.get('og:site_name')) ?? nameOf(article?.publisher) ?? clean(metas.get('application-name')) ?? hostOf(canonical ?? url);
  const lang = clean(doc.querySelector('html')?.getAttribute('lang')) ?? clean(metas.get('content-language')) ?? clean(metas.get('og:locale'));
  return { canonical, title, date, dateFrom, outlet, lang };
}

/**
 * Turns article HTML into plain text: one paragraph per block element, separated by a blank line;
 * figures, captions, scripts and short furniture lines ("Advertisement", "Read more ...") are dropped.
 * @example htmlToText('<p>One.</p><figure><figcaption>x</figcaption></figure><p>Two.</p>') // 'One.\n\nTwo.'
 */
export function htmlToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const paragraphs: string[] = [];
  let buf = '';
  const flush = (): void => {
    const p = buf.replace(/\s+/g, ' ').trim();
    buf = '';
    if (p && !(p.length < 100 && BOILERPLATE.test(p))) paragraphs.push(p);
  };
  const walk = (node: El): void => {
    if (node.nodeType === 3) {
      buf += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = node.tagName.toUpperCase();
    if (SKIP.has(tag)) return;
    const block = BLOCK.has(tag);
    if (block) flush();
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) walk(kids[i] as El);
    if (block) flush();
  };
  walk((document as unknown as { body: El }).body);
  flush();
  return paragraphs.join('\n\n');
}

function issue(code: string, message: string, file: string | undefined, docId: string | undefined, field?: string): Issue {
  return { code, message, ...(file !== undefined ? { file } : {}), ...(docId !== undefined ? { docId } : {}), ...(field ? { field } : {}) };
}

/**
 * Parses a news page into a document: article text by readability (navigation, captions, ads and
 * related-story lists dropped), id = canonical URL (else the page URL, else options.id), date from the
 * page's metadata (else options.defaults.date), outlet from og:site_name / JSON-LD publisher / the host.
 * Rejects a page without an article (`no-article`) or without a date (`missing-date`).
 * @example parseHtmlDocument(html, { url: 'https://news.example/a', file: 'a.html' })
 */
export function parseHtmlDocument(html: string, options: HtmlOptions = {}): Parsed<Doc> {
  const { document } = parseHTML(html);
  const meta = readPageMeta(document, options.url);
  const headTitle = clean((document as unknown as El).querySelector('title')?.textContent);
  const id = meta.canonical ?? absolute(options.url, null) ?? options.id;
  const file = options.file ?? options.url ?? undefined;
  const root = document as unknown as El;
  const totalParagraphs = root.querySelectorAll('p').length;
  for (const el of Array.from(root.querySelectorAll(NOISE))) {
    // a loose class match ("shared-layout", "caption-wrap") must not take the story with it
    if (el.querySelector('article, [itemprop="articleBody"]') || el.querySelectorAll('p').length * 2 > totalParagraphs) continue;
    el.remove();
  }
  let parsed: { title?: string | null; content?: string | null; publishedTime?: string | null; lang?: string | null } | null = null;
  try {
    parsed = new Readability(document as never, { charThreshold: 300 }).parse();
  } catch (e) {
    return { ok: false, issues: [issue('html', `could not read the page: ${(e as Error).message}`, file, id)] };
  }
  const minChars = options.minChars ?? 200;
  let text = parsed?.content ? htmlToText(parsed.content) : '';
  const title = meta.title ?? clean(parsed?.title) ?? options.defaults?.title ?? headTitle;
  // readability keeps the headline as the first paragraph on some layouts
  if (title) {
    const first = text.split('\n\n', 1)[0] ?? '';
    if (first === title) text = text.slice(first.length).replace(/^\s+/, '');
  }
  if (text.length < minChars) {
    const msg = text ? `no article found (only ${text.length} characters of text, fewer than ${minChars})` : 'no article found (no block of text)';
    return { ok: false, issues: [issue('no-article', msg, file, id, 'text')] };
  }
  if (id === undefined) return { ok: false, issues: [issue('field', 'no canonical URL, page URL or file name to use as id', file, undefined, 'id')] };
  let date = meta.date;
  let dateFrom = meta.dateFrom;
  if (!date && parsed?.publishedTime) {
    date = pageDate(parsed.publishedTime);
    if (date) dateFrom = 'readability';
  }
  if (!date && options.defaults?.date) {
    date = options.defaults.date;
    dateFrom = 'feed';
  }
  if (!date) {
    return {
      ok: false,
      issues: [issue('missing-date', 'page has no publication date (article:published_time, JSON-LD datePublished or <time datetime>)', file, id, 'date')],
    };
  }
  const lang = detectLanguage(text, meta.lang ?? parsed?.lang);
  const url = meta.canonical ?? absolute(options.url, null);
  const doc: Doc = {
    id,
    date,
    title,
    text,
    url,
    source: meta.outlet ?? options.defaults?.source ?? null,
    lang: lang.lang,
    meta: {
      ...options.meta,
      extractedBy: 'readability',
      dateFrom,
      langDetected: lang.detected ?? lang.lang,
      langFrom: lang.how,
      ...(meta.lang ? { langDeclared: meta.lang } : {}),
    },
  };
  return { ok: true, value: doc };
}

/**
 * Reads a saved page (.html, .htm) as one document; its charset comes from the BOM or `<meta charset>`.
 * @example const rec = await readHtmlFile('saved/drills.html', 64 << 20); if (rec.ok) rec.doc.title;
 */
export async function readHtmlFile(path: string, maxBytes: number): Promise<InputRecord> {
  const reject = (code: string, message: string): InputRecord => ({ ok: false, issues: [{ code, message, file: path }], file: path, line: null, raw: null });
  let bytes: Buffer;
  try {
    const st = await stat(path);
    if (st.size > maxBytes) return reject('too-large', `file is ${st.size} bytes, more than the limit of ${maxBytes} bytes`);
    bytes = await readFile(path);
  } catch (e) {
    return reject('io', `cannot read ${path}: ${(e as Error).message}`);
  }
  const body = decodeBody(bytes);
  const parsed = parseHtmlDocument(body.text, {
    file: path,
    id: basename(path, extname(path)),
    meta: { file: basename(path), charset: body.charset, ...(body.note ? { charsetNote: body.note } : {}) },
  });
  if (parsed.ok) return { ok: true, doc: parsed.value, file: path, line: null };
  return { ok: false, issues: parsed.issues, file: path, line: null, raw: null };
}
