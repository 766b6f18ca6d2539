// POST of new documents: JSON, at most 1 MB, validated field by field, then coded and stored.
import { timingSafeEqual } from 'node:crypto';
import { type Doc, isIsoDate } from '../../../core/index.js';
import type { Services } from '../context.js';
import { HttpError } from '../errors.js';
import { Query } from '../params.js';
import type { Request, Router } from '../router.js';

export const MAX_BODY = 1024 * 1024;
const MAX_DOCS = 1000;

export interface DocumentRouteOptions {
  /** Bearer token required on POST; null when the server is loopback-only and no token was set. */
  readonly token: string | null;
}

export function documentRoutes(router: Router, services: Services, options: DocumentRouteOptions): void {
  router.post('/api/documents', async (req) => {
    checkToken(req, options.token);
    new Query(req.query).done();
    const type = String(req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') throw new HttpError(415, 'the body must be application/json');
    const raw = await req.body(MAX_BODY);
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new HttpError(400, 'invalid body: not JSON');
    }
    const docs = validateDocuments(body);
    const coder = services.coder();
    const results = services.store.ingestBatch(docs.map((doc) => ({ doc, coded: coder.codeDoc(doc) })));
    const count = (status: string) => results.filter((r) => r.status === status).length;
    return {
      status: 201,
      json: {
        received: docs.length,
        new: count('new'),
        duplicate: count('duplicate'),
        copy: count('copy'),
        events: results.reduce((n, r) => n + r.events, 0),
        documents: results,
      },
    };
  });
}

function checkToken(req: Request, token: string | null): void {
  if (token === null) return;
  const header = String(req.headers.authorization ?? '');
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  const given = Buffer.from(m?.[1] ?? '');
  const want = Buffer.from(token);
  if (!m || given.length !== want.length || !timingSafeEqual(given, want)) {
    throw new HttpError(401, 'a valid Authorization: Bearer <token> header is required', { 'www-authenticate': 'Bearer' });
  }
}

/** Checks a body that is one document or an array of them; the 400 names the field. */
export function validateDocuments(body: unknown): Doc[] {
  const list = Array.isArray(body) ? body : [body];
  if (list.length === 0) throw new HttpError(400, 'invalid body: empty array');
  if (list.length > MAX_DOCS) throw new HttpError(400, `invalid body: more than ${MAX_DOCS} documents`);
  const ids = new Set<string>();
  return list.map((item, i) => {
    const at = Array.isArray(body) ? `[${i}].` : '';
    const doc = validateDocument(item, at);
    if (ids.has(doc.id)) throw fieldError(`${at}id`, `duplicate id '${doc.id}'`);
    ids.add(doc.id);
    return doc;
  });
}

const FIELDS = new Set(['id', 'date', 'title', 'text', 'url', 'source', 'lang']);

function validateDocument(item: unknown, at: string): Doc {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) throw fieldError(at.slice(0, -1) || 'body', 'must be an object');
  const o = item as Record<string, unknown>;
  for (const key of Object.keys(o)) if (!FIELDS.has(key)) throw fieldError(`${at}${key}`, 'unknown field');
  const id = o.id;
  if (typeof id !== 'string' || !/^[\w.:-]{1,200}$/.test(id)) throw fieldError(`${at}id`, 'required: 1-200 letters, digits, _ . : -');
  const date = o.date ?? null;
  if (date !== null && (typeof date !== 'string' || !isIsoDate(date))) throw fieldError(`${at}date`, 'must be YYYY-MM-DD or null');
  const title = optionalString(o.title, `${at}title`, 1000);
  const text = o.text;
  if (typeof text !== 'string' || text.trim() === '') throw fieldError(`${at}text`, 'required: a non-empty string');
  const url = optionalString(o.url, `${at}url`, 2000);
  if (url !== null && !isHttpUrl(url)) throw fieldError(`${at}url`, 'must be an http(s) URL');
  const source = optionalString(o.source, `${at}source`, 200);
  const lang = optionalString(o.lang, `${at}lang`, 10);
  return { id, date, title, text, url, source, lang };
}

function optionalString(v: unknown, field: string, max: number): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw fieldError(field, 'must be a string');
  if (v.length > max) throw fieldError(field, `longer than ${max} characters`);
  return v;
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function fieldError(field: string, problem: string): HttpError {
  return new HttpError(400, `invalid field '${field}': ${problem}`);
}
