// one JSONL line -> Doc or issues (the document format of ../shared/data/FORMAT.md; extra fields ignored).
import { isIsoDate } from '../core/util.js';
import type { Doc, Issue, Parsed } from '../core/types.js';

/** Where a record came from, copied onto every issue. */
export interface Origin {
  readonly file: string;
  readonly line?: number;
}

const ISO_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Normalises a document date: YYYY-MM-DD or a full ISO timestamp (its date part is kept).
 * Returns null for a value that is not a real calendar date.
 * @example normalizeDate('2024-04-02T09:30:00Z') // '2024-04-02'
 */
export function normalizeDate(value: string): string | null {
  const m = ISO_TIMESTAMP.exec(value.trim());
  if (!m) return null;
  const day = m[1] as string;
  return isIsoDate(day) ? day : null;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return `a ${typeof v}`;
}

/**
 * Validates one parsed JSON value as a document.
 * @example validateDoc({ id: 1, date: null, text: 'x' }, { file: 'a.jsonl', line: 1 }) // { ok: true, value: { id: '1', ... } }
 */
export function validateDoc(value: unknown, origin: Origin): Parsed<Doc> {
  const issues: Issue[] = [];
  const at = (code: string, field: string | undefined, message: string, docId?: string): void => {
    issues.push({
      code,
      message,
      file: origin.file,
      ...(origin.line !== undefined ? { line: origin.line } : {}),
      ...(field !== undefined ? { field } : {}),
      ...(docId !== undefined ? { docId } : {}),
    });
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    at('json', undefined, `expected a JSON object, got ${describe(value)}`);
    return { ok: false, issues };
  }
  const o = value as Record<string, unknown>;

  let id: string | undefined;
  if (typeof o.id === 'string' && o.id.trim() !== '') id = o.id;
  else if (typeof o.id === 'number' && Number.isFinite(o.id)) id = String(o.id);
  else if (o.id === undefined) at('field', 'id', 'missing id');
  else if (typeof o.id === 'string') at('field', 'id', 'empty id');
  else at('field', 'id', `id must be a string or a number, got ${describe(o.id)}`);

  if (typeof o.text !== 'string') {
    at('field', 'text', o.text === undefined ? 'missing text' : `text must be a string, got ${describe(o.text)}`, id);
  } else if (o.text.trim() === '') {
    at('field', 'text', 'empty text', id);
  }

  let date: string | null = null;
  if (typeof o.date === 'string') {
    date = normalizeDate(o.date);
    if (date === null) at('date', 'date', `not a calendar date (YYYY-MM-DD): ${JSON.stringify(o.date.slice(0, 40))}`, id);
  } else if (o.date !== undefined && o.date !== null) {
    at('date', 'date', `date must be a YYYY-MM-DD string or null, got ${describe(o.date)}`, id);
  }

  const optionalString = (key: 'title' | 'url' | 'source' | 'lang'): string | null | undefined => {
    const v = o[key];
    if (v === undefined || v === null || typeof v === 'string') return v;
    at('field', key, `${key} must be a string or null, got ${describe(v)}`, id);
    return undefined;
  };
  const title = optionalString('title');
  const url = optionalString('url');
  const source = optionalString('source');
  const lang = optionalString('lang');
  let meta: Record<string, unknown> | undefined;
  if (o.meta !== undefined && o.meta !== null) {
    if (typeof o.meta === 'object' && !Array.isArray(o.meta)) meta = o.meta as Record<string, unknown>;
    else at('field', 'meta', `meta must be an object, got ${describe(o.meta)}`, id);
  }

  if (issues.length > 0 || id === undefined || typeof o.text !== 'string') return { ok: false, issues };
  const doc: Doc = {
    id,
    date,
    title: title ?? null,
    text: o.text,
    ...(url !== undefined ? { url } : {}),
    ...(source !== undefined ? { source } : {}),
    ...(lang !== undefined ? { lang } : {}),
    ...(meta !== undefined ? { meta } : {}),
  };
  return { ok: true, value: doc };
}

/**
 * Parses one JSONL line (already decoded, BOM stripped) into a document.
 * @example parseJsonLine('{"id":"a","date":"2024-04-02","text":"..."}', { file: 'a.jsonl', line: 1 })
 */
export function parseJsonLine(line: string, origin: Origin): Parsed<Doc> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      issues: [
        {
          code: 'json',
          message: `invalid JSON: ${message}`,
          file: origin.file,
          ...(origin.line !== undefined ? { line: origin.line } : {}),
        },
      ],
    };
  }
  return validateDoc(value, origin);
}
