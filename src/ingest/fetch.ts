// HTTP for live sources: timeouts, a byte cap, redirects counted by hand (loops detected), conditional GETs,
// a per-host rate limit and retries with exponential backoff. Failures are values, never throws.
import { setTimeout as sleep } from 'node:timers/promises';
import { type DecodedBody, decodeBody } from './charset.js';

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_PAGE_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;
export const USER_AGENT = 'entente/0.1 (news event coder)';

export interface FetchOptions {
  /** Whole request, headers and body, in milliseconds (default 15 s). */
  readonly timeoutMs?: number;
  /** Largest body read, in bytes (default 5 MiB); a longer body is abandoned. */
  readonly maxBytes?: number;
  readonly maxRedirects?: number;
  /** Conditional GET: the ETag and Last-Modified of the last answer. */
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  readonly accept?: string;
  readonly userAgent?: string;
  /** Aborts the request (Ctrl-C). */
  readonly signal?: AbortSignal;
}

export type FetchErrorCode = 'timeout' | 'too-large' | 'redirect-loop' | 'too-many-redirects' | 'http' | 'network' | 'bad-url' | 'aborted';

export type FetchResult =
  | {
      readonly ok: true;
      /** The final URL, after redirects. */
      readonly url: string;
      readonly status: number;
      /** True for a 304 answer to a conditional GET (no body). */
      readonly notModified: boolean;
      readonly contentType: string | null;
      readonly etag: string | null;
      readonly lastModified: string | null;
      readonly body: DecodedBody;
      readonly bytes: number;
      readonly redirects: number;
    }
  | {
      readonly ok: false;
      readonly url: string;
      readonly code: FetchErrorCode;
      readonly message: string;
      readonly status?: number;
      /** True for failures worth another try: timeouts, network errors, 5xx and 429. */
      readonly retryable: boolean;
      /** A Retry-After header, in milliseconds. */
      readonly retryAfterMs?: number;
    };

type Failure = Extract<FetchResult, { ok: false }>;

function fail(url: string, code: FetchErrorCode, message: string, retryable: boolean, extra: Partial<Failure> = {}): Failure {
  return { ok: false, url, code, message, retryable, ...extra };
}

function retryAfter(v: string | null): number | undefined {
  if (!v) return undefined;
  const s = Number(v);
  if (Number.isFinite(s)) return Math.max(0, s * 1000);
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - Date.now());
}

function causeOf(e: unknown): string {
  const c = (e as { cause?: { code?: string; message?: string } }).cause;
  return c?.code ?? c?.message ?? (e as Error).message;
}

// reads the body stream, giving up as soon as it passes maxBytes
async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    parts.push(value);
  }
  return Buffer.concat(parts, size);
}

/**
 * One GET, following up to maxRedirects redirects itself so that a loop is named as such. Each hop calls
 * `beforeHop(url)` first (the per-host rate limit). Never throws: network trouble comes back as `ok: false`.
 * @example const r = await fetchOnce('https://news.example/feed.xml', { timeoutMs: 5000 }); if (r.ok) r.body.text;
 */
export async function fetchOnce(url: string, options: FetchOptions = {}, beforeHop?: (url: string) => Promise<void>): Promise<FetchResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_PAGE_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const visited = new Set<string>();
  let current: string;
  try {
    current = new URL(url).href;
  } catch {
    return fail(url, 'bad-url', `not a URL: ${JSON.stringify(url)}`, false);
  }
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout.signal, options.signal]) : timeout.signal;
  try {
    for (let hop = 0; ; hop++) {
      const u = new URL(current);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') return fail(current, 'bad-url', `not an http(s) URL: ${current}`, false);
      visited.add(current);
      if (beforeHop) await beforeHop(current);
      const headers: Record<string, string> = {
        'user-agent': options.userAgent ?? USER_AGENT,
        accept: options.accept ?? 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      };
      if (options.etag) headers['if-none-match'] = options.etag;
      if (options.lastModified) headers['if-modified-since'] = options.lastModified;
      const res = await fetch(current, { headers, redirect: 'manual', signal });
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        await res.body?.cancel().catch(() => undefined);
        const loc = res.headers.get('location');
        if (!loc) return fail(current, 'http', `HTTP ${res.status} without a Location header`, false, { status: res.status });
        const next = new URL(loc, current).href;
        if (visited.has(next)) return fail(url, 'redirect-loop', `redirect loop: ${[...visited, next].join(' -> ')}`, false, { status: res.status });
        if (hop + 1 > maxRedirects) return fail(url, 'too-many-redirects', `more than ${maxRedirects} redirects (last to ${next})`, false, { status: res.status });
        current = next;
        continue;
      }
      const meta = {
        url: current,
        status: res.status,
        contentType: res.headers.get('content-type'),
        etag: res.headers.get('etag'),
        lastModified: res.headers.get('last-modified'),
        redirects: hop,
      };
      if (res.status === 304) {
        await res.body?.cancel().catch(() => undefined);
        return { ok: true, ...meta, notModified: true, body: { text: '', charset: 'utf-8', from: 'default' }, bytes: 0 };
      }
      if (res.status < 200 || res.status >= 300) {
        await res.body?.cancel().catch(() => undefined);
        const retryable = res.status >= 500 || res.status === 429;
        const after = retryAfter(res.headers.get('retry-after'));
        return fail(current, 'http', `HTTP ${res.status} ${res.statusText}`.trim(), retryable, {
          status: res.status,
          ...(after !== undefined ? { retryAfterMs: after } : {}),
        });
      }
      const declared = Number(res.headers.get('content-length') ?? Number.NaN);
      if (Number.isFinite(declared) && declared > maxBytes) {
        await res.body?.cancel().catch(() => undefined);
        return fail(current, 'too-large', `body is ${declared} bytes, more than the limit of ${maxBytes}`, false, { status: res.status });
      }
      const bytes = await readCapped(res, maxBytes);
      if (bytes === null) return fail(current, 'too-large', `body is longer than the limit of ${maxBytes} bytes`, false, { status: res.status });
      return { ok: true, ...meta, notModified: false, body: decodeBody(bytes, meta.contentType), bytes: bytes.byteLength };
    }
  } catch (e) {
    if (options.signal?.aborted) return fail(current, 'aborted', 'stopped', false);
    if (timeout.signal.aborted) return fail(current, 'timeout', `no complete answer within ${timeoutMs} ms`, true);
    return fail(current, 'network', `cannot fetch: ${causeOf(e)}`, true);
  } finally {
    clearTimeout(timer);
  }
}

/** Spaces requests to one host at least `intervalMs` apart (politeness towards each outlet). */
export class HostLimiter {
  private readonly next = new Map<string, number>();
  constructor(private readonly intervalMs: number) {}

  /** Waits for the host's turn; resolves early (and lets the caller see the abort) when signal fires. */
  async wait(url: string, signal?: AbortSignal): Promise<void> {
    if (this.intervalMs <= 0) return;
    let host: string;
    try {
      host = new URL(url).host;
    } catch {
      return;
    }
    const now = Date.now();
    const at = Math.max(now, this.next.get(host) ?? 0);
    this.next.set(host, at + this.intervalMs);
    if (at > now) await sleep(at - now, undefined, signal ? { signal } : {}).catch(() => undefined);
  }
}

export interface FetcherOptions extends Omit<FetchOptions, 'etag' | 'lastModified'> {
  /** Minimum time between two requests to one host (default 1000 ms). */
  readonly hostIntervalMs?: number;
  /** Tries after the first for retryable failures (default 3). */
  readonly retries?: number;
  /** First backoff delay; doubles on each retry (default 1000 ms). */
  readonly backoffMs?: number;
  /** Longest wait between tries, Retry-After included (default 60 s). */
  readonly maxBackoffMs?: number;
  /** Called before each retry, for logging. */
  readonly onRetry?: (url: string, attempt: number, failure: Failure, waitMs: number) => void;
}

/** A GET with the per-host limit and retries; what watch and `ingest --feed` use. */
export interface Fetcher {
  get(url: string, options?: Pick<FetchOptions, 'etag' | 'lastModified' | 'accept' | 'maxBytes'>): Promise<FetchResult & { attempts: number }>;
}

/**
 * A fetcher that waits its turn per host and retries timeouts, network errors, 5xx and 429 with
 * exponential backoff (honouring Retry-After up to maxBackoffMs).
 * @example const f = createFetcher({ hostIntervalMs: 1000, retries: 3 }); const r = await f.get(url);
 */
export function createFetcher(options: FetcherOptions = {}): Fetcher {
  const limiter = new HostLimiter(options.hostIntervalMs ?? 1000);
  const retries = options.retries ?? 3;
  const backoff = options.backoffMs ?? 1000;
  const maxBackoff = options.maxBackoffMs ?? 60_000;
  const signal = options.signal;
  return {
    async get(url, extra = {}) {
      for (let attempt = 1; ; attempt++) {
        const r = await fetchOnce(url, { ...options, ...extra }, (u) => limiter.wait(u, signal));
        if (r.ok || !r.retryable || attempt > retries || signal?.aborted) return { ...r, attempts: attempt };
        const wait = Math.min(maxBackoff, Math.max(backoff * 2 ** (attempt - 1), r.retryAfterMs ?? 0));
        options.onRetry?.(url, attempt, r, wait);
        await sleep(wait, undefined, signal ? { signal } : {}).catch(() => undefined);
      }
    },
  };
}
