// the request handler: security headers, Host check, the API router, then the built dashboard.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Coder } from '../../pipeline.js';
import { createCoder } from '../../pipeline.js';
import type { Store } from '../../store/index.js';
import type { Services } from './context.js';
import { EntenteError } from '../../core/index.js';
import { badParam, HttpError } from './errors.js';
import { openapi } from './openapi.js';
import { type Request, Router } from './router.js';
import { analysisRoutes } from './routes/analysis.js';
import { documentRoutes } from './routes/documents.js';
import { eventRoutes } from './routes/events.js';
import { transferRoutes } from './routes/transfers.js';
import { hostAllowed, setSecurityHeaders } from './security.js';
import { NOT_BUILT_PAGE, resolveStatic, sendFile } from './static.js';

export interface AppOptions {
  readonly store: Store;
  /** The coder for POSTed documents (default: createCoder(), made on the first POST). */
  readonly coder?: Coder;
  /** Token required to POST documents (null: none required; only allowed on loopback). */
  readonly token?: string | null;
  /** Folder of the built dashboard; null serves the API only. */
  readonly webRoot?: string | null;
  /** True when the server listens on loopback only: then foreign Host headers are refused. */
  readonly loopbackOnly?: boolean;
  /** Where unexpected errors are reported (never to the client). */
  readonly onError?: (error: unknown) => void;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** Builds the node:http request handler for the API and the dashboard. */
export function createApp(options: AppOptions): RequestHandler {
  const router = new Router();
  router.get('/api/openapi.json', () => ({ json: openapi }));
  router.get('/api/health', () => ({ json: { ok: true } }));
  let coder = options.coder ?? null;
  const services: Services = { store: options.store, coder: () => (coder ??= createCoder()) };
  eventRoutes(router, services);
  analysisRoutes(router, services);
  transferRoutes(router, services);
  documentRoutes(router, services, { token: options.token ?? null });
  const report = options.onError ?? (() => {});

  return (req, res) => {
    handle(req, res).catch((e: unknown) => {
      report(e);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error', status: 500 });
      else res.destroy();
    });
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    const method = req.method ?? 'GET';
    if (options.loopbackOnly !== false && !hostAllowed(req.headers.host)) {
      sendJson(res, 421, { error: 'this server only answers requests addressed to localhost', status: 421 });
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      sendJson(res, 400, { error: 'invalid URL', status: 400 });
      return;
    }
    const path = url.pathname;
    if (path === '/api' || path.startsWith('/api/')) {
      await api(req, res, method, path, url.searchParams);
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      sendJson(res, 405, { error: `method ${method} not allowed here`, status: 405 });
      return;
    }
    serveWeb(res, path, method === 'HEAD');
  }

  async function api(req: IncomingMessage, res: ServerResponse, method: string, path: string, query: URLSearchParams) {
    res.setHeader('cache-control', 'no-store');
    const match = router.match(method, path);
    if (match.kind === 'none') {
      sendJson(res, 404, { error: `no route ${path}`, status: 404 });
      return;
    }
    if (match.kind === 'method') {
      res.setHeader('allow', match.allow.join(', '));
      sendJson(res, 405, { error: `method ${method} not allowed on ${path}`, status: 405 });
      return;
    }
    const request: Request = {
      method,
      path,
      query,
      params: match.params,
      headers: req.headers,
      body: (limit) => readBody(req, limit),
    };
    try {
      const reply = await match.handler(request);
      for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
      sendJson(res, reply.status ?? 200, reply.json ?? null, method === 'HEAD');
    } catch (caught) {
      // a full-text syntax error from the store is the client's: the text filter is its only source outside /api/search
      const e = caught instanceof EntenteError && caught.code === 'bad-query' ? badParam('text', caught.message) : caught;
      if (!(e instanceof HttpError)) throw e;
      for (const [k, v] of Object.entries(e.headers)) res.setHeader(k, v);
      if (e.status === 413) res.setHeader('connection', 'close');
      sendJson(res, e.status, { error: e.message, status: e.status });
    }
  }

  function serveWeb(res: ServerResponse, path: string, head: boolean): void {
    const root = options.webRoot ?? null;
    const file = root ? resolveStatic(root, path) : null;
    if (file) {
      sendFile(res, file, head);
      return;
    }
    if (path === '/' || path === '/index.html') {
      res.statusCode = 200;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(head ? undefined : NOT_BUILT_PAGE);
      return;
    }
    res.statusCode = 404;
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.end(head ? undefined : 'not found\n');
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, head = false): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(head ? undefined : text);
}

/** Reads a request body, refusing (413) as soon as it passes `limit` bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      reject(new HttpError(413, `the body is larger than ${limit} bytes`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(new HttpError(413, `the body is larger than ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (e) => {
      if (!failed) reject(e);
    });
  });
}
