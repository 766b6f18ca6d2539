// a news site on 127.0.0.1 for the live-source tests: several outlets' pages, feeds that change between polls,
// a slow host, a broken feed, a redirect loop, a huge page, windows-1252 and UTF-16 pages. Nothing leaves the machine.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

// pages are kept as .html.txt so the linter leaves their deliberately messy markup alone
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** A request the server saw. */
export interface SeenRequest {
  readonly path: string;
  readonly ifNoneMatch: string | null;
  readonly ifModifiedSince: string | null;
  readonly userAgent: string | null;
}

export interface LiveServer {
  /** http://127.0.0.1:PORT */
  readonly base: string;
  readonly requests: SeenRequest[];
  /** 1: the first edition of the Ledger's feed; 2: one more item (and a new ETag). */
  feedVersion: number;
  /** How many times a path was requested. */
  hits(path: string): number;
  close(): Promise<void>;
}

/** A fixture page with {{BASE}} replaced by the server's address. */
export function fixture(name: string, base: string): string {
  return readFileSync(`${FIXTURES}${name}.txt`, 'utf8').replaceAll('{{BASE}}', base);
}

// windows-1252 bytes for the few characters above U+00FF the fixtures use
const CP1252: Record<string, number> = { '€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };

/** Encodes text as windows-1252 (TextEncoder only writes UTF-8). */
export function toWindows1252(s: string): Buffer {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) out.push(c);
    else out.push(CP1252[ch] ?? 0x3f);
  }
  return Buffer.from(out);
}

/** Encodes text as UTF-16LE with a byte-order mark. */
export function toUtf16le(s: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface FeedEntry {
  readonly guid: string;
  readonly link: string;
  readonly title: string;
  readonly date: string;
  readonly description?: string;
}

function rss(base: string, items: readonly FeedEntry[]): string {
  const body = items
    .map(
      (i) => `  <item>
    <title>${esc(i.title)}</title>
    <link>${base}${i.link}</link>
    <guid isPermaLink="false">${i.guid}</guid>
    <pubDate>${i.date}</pubDate>${i.description ? `\n    <description>${esc(i.description)}</description>` : ''}
  </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
  <title>The Caspian Ledger: World</title>
  <link>${base}/ledger/</link>
  <language>en</language>
${body}
</channel>
</rss>
`;
}

/** The Ledger's feed: every kind of item page, good and bad. Edition 2 adds one item. */
export function ledgerFeed(base: string, version: number): string {
  const items: FeedEntry[] = [
    { guid: 'ledger-101', link: '/ledger/2024/05/14/joint-drills', title: 'Azerbaijan and Turkey begin joint drills', date: 'Tue, 14 May 2024 04:20:00 GMT' },
    { guid: 'ledger-102', link: '/ledger/pipeline-talks', title: 'Pipeline talks continue', date: 'Tue, 14 May 2024 09:00:00 GMT' },
    {
      guid: 'ledger-103',
      link: '/ledger/removed-story',
      title: 'Georgian and Azerbaijani ministers discuss rail freight',
      date: 'Tue, 14 May 2024 11:30:00 GMT',
      description:
        '<p>The transport ministers of Georgia and Azerbaijan met in Baku on Tuesday to discuss rail freight on the Baku-Tbilisi-Kars line and agreed to cut transit fees for grain shipments, the Georgian ministry said.</p>',
    },
    {
      guid: 'ledger-104',
      link: '/slow/port-strike',
      title: 'Dock workers strike in Poti',
      date: 'Tue, 14 May 2024 12:00:00 GMT',
      description:
        'Dock workers at the Georgian port of Poti went on strike on Tuesday over pay, halting the loading of several cargo ships bound for Turkey and Romania, a union spokesman said.',
    },
    {
      guid: 'ledger-105',
      link: '/loop/a',
      title: 'Iran and Armenia open new border crossing',
      date: 'Tue, 14 May 2024 13:00:00 GMT',
      description:
        'Iran and Armenia opened a second crossing on their shared border on Tuesday, officials from both countries said, in a move meant to ease truck traffic at the Agarak checkpoint.',
    },
    {
      guid: 'ledger-106',
      link: '/huge',
      title: 'Full text of the Caspian shipping convention',
      date: 'Tue, 14 May 2024 14:00:00 GMT',
      description:
        'The five Caspian states published the full text of the revised shipping convention on Tuesday, including annexes on port fees, pollution controls and search-and-rescue zones.',
    },
    { guid: 'ledger-107', link: '/ledger/front', title: 'World news', date: 'Tue, 14 May 2024 15:00:00 GMT' },
  ];
  if (version >= 2) {
    items.unshift({ guid: 'ledger-108', link: '/flaky/ferry-talks', title: 'Pipeline talks continue (update)', date: 'Wed, 15 May 2024 08:00:00 GMT' });
  }
  return rss(base, items);
}

/** The Harbour Post's Atom feed: pages in other layouts, encodings and languages. */
export function harbourAtom(base: string): string {
  const entry = (id: string, path: string, title: string, updated: string) =>
    `  <entry>\n    <id>${id}</id>\n    <title>${esc(title)}</title>\n    <link rel="alternate" href="${base}${path}"/>\n    <updated>${updated}</updated>\n  </entry>`;
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Harbour Post and partners</title>
  <id>urn:harbour:feed</id>
  <updated>2024-05-18T12:00:00Z</updated>
${entry('urn:harbour:1', '/harbour/news/ministers-meet-athens', 'Greek and Turkish foreign ministers meet', '2024-05-15T17:45:00Z')}
${entry('urn:harbour:2', '/steppe/border-accord', 'Border accord signed', '2024-05-16T09:00:00Z')}
${entry('urn:harbour:3', '/vostok/tbilisi-talks', 'Leaders hold talks in Tbilisi', '2024-05-17T10:00:00Z')}
${entry('urn:harbour:4', '/gazette/accord-maroc', 'Accord de coopération', '2024-05-18T08:00:00Z')}
</feed>
`;
}

const HUGE_BYTES = 3 * 1024 * 1024;

/**
 * Starts the site on 127.0.0.1 (a free port). Feeds answer conditional GETs with 304; /slow/* waits 5 s
 * before answering; /flaky/* answers 503 once, then the page; /loop/a and /loop/b redirect to each other;
 * /huge streams 3 MiB without a Content-Length and /huge-declared says so up front.
 */
export async function startLiveServer(): Promise<LiveServer> {
  const requests: SeenRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const flakyLeft = new Map<string, number>();
  let base = '';
  const state = { feedVersion: 1 };

  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': type, 'content-length': String(Buffer.byteLength(body)), ...headers });
    res.end(body);
  };
  const page = (res: ServerResponse, name: string) => send(res, 200, 'text/html; charset=utf-8', fixture(name, base));
  const feed = (req: IncomingMessage, res: ServerResponse, xml: string, type: string, lastModified: string) => {
    const etag = `"${createHash('sha1').update(xml).digest('hex').slice(0, 12)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag, 'last-modified': lastModified });
      res.end();
      return;
    }
    send(res, 200, type, xml, { etag, 'last-modified': lastModified });
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const h = (n: string) => (typeof req.headers[n] === 'string' ? (req.headers[n] as string) : null);
    requests.push({ path, ifNoneMatch: h('if-none-match'), ifModifiedSince: h('if-modified-since'), userAgent: h('user-agent') });
    if (path === '/ledger/world.rss') {
      const lm = state.feedVersion >= 2 ? 'Wed, 15 May 2024 08:05:00 GMT' : 'Tue, 14 May 2024 15:05:00 GMT';
      return feed(req, res, ledgerFeed(base, state.feedVersion), 'application/rss+xml; charset=utf-8', lm);
    }
    if (path === '/harbour/atom.xml') return feed(req, res, harbourAtom(base), 'application/atom+xml', 'Sat, 18 May 2024 12:00:00 GMT');
    if (path === '/broken.xml') return send(res, 200, 'application/rss+xml', '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Half a feed</title>\n<item><title>Cut off');
    if (path === '/not-a-feed.xml') return page(res, 'ledger-drills.html');
    if (path === '/ledger/2024/05/14/joint-drills') return page(res, 'ledger-drills.html');
    if (path === '/ledger/pipeline-talks') return page(res, 'undated.html');
    if (path === '/ledger/front') return page(res, 'section-front.html');
    if (path === '/harbour/news/ministers-meet-athens') return page(res, 'harbour-talks.html');
    if (path === '/gazette/accord-maroc') return page(res, 'gazette-fr.html');
    // no charset in the header: the page's <meta> says windows-1252
    if (path === '/steppe/border-accord') return send(res, 200, 'text/html', toWindows1252(fixture('steppe-border.html', base)));
    if (path === '/vostok/tbilisi-talks') return send(res, 200, 'text/html; charset=utf-16', toUtf16le(fixture('vostok-summit.html', base)));
    if (path.startsWith('/flaky/')) {
      const left = flakyLeft.get(path) ?? 1;
      flakyLeft.set(path, left - 1);
      if (left > 0) return send(res, 503, 'text/plain', 'busy, try again');
      return page(res, 'undated.html');
    }
    if (path.startsWith('/slow/')) {
      const t = setTimeout(() => {
        timers.delete(t);
        page(res, 'ledger-drills.html');
      }, 5000);
      timers.add(t);
      return;
    }
    if (path === '/loop/a') return send(res, 302, 'text/plain', '', { location: '/loop/b' });
    if (path === '/loop/b') return send(res, 302, 'text/plain', '', { location: `${base}/loop/a` });
    if (path === '/huge-declared') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(HUGE_BYTES) });
      res.end(Buffer.alloc(HUGE_BYTES, 0x20));
      return;
    }
    if (path === '/huge') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.from(`<p>${'padding '.repeat(8000)}</p>\n`);
      let sent = 0;
      const pump = () => {
        while (sent < HUGE_BYTES) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => undefined);
      pump();
      return;
    }
    send(res, 404, 'text/html', '<html><body><h1>Not found</h1></body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    requests,
    get feedVersion() {
      return state.feedVersion;
    },
    set feedVersion(v: number) {
      state.feedVersion = v;
    },
    hits: (p) => requests.filter((r) => r.path === p).length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
