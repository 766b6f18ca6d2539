// one parser for the event filter, shared by the CLI options and the HTTP query string.
import { type Issue, isIsoDate, type Parsed, PLOVER_TYPES, type Plover } from '../../core/index.js';
import type { EventFilter } from './types.js';

/** Raw filter parameters as the CLI or a query string gives them (lists comma-separated or repeated). */
export interface FilterParams {
  readonly actor?: string | readonly string[] | undefined;
  readonly dyad?: string | readonly string[] | undefined;
  readonly directed?: boolean | string | undefined;
  readonly type?: string | readonly string[] | undefined;
  readonly context?: string | readonly string[] | undefined;
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  readonly mode?: string | readonly string[] | undefined;
  readonly minSources?: string | number | undefined;
  readonly text?: string | undefined;
  readonly flagged?: string | undefined;
}

const ACTOR = /^[A-Z-]{3}[A-Z]*$/;

function list(v: string | readonly string[] | undefined): string[] {
  if (v === undefined) return [];
  const parts = typeof v === 'string' ? [v] : v;
  return parts
    .flatMap((p) => p.split(','))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A month or year bound is widened to its first (since) or last (until) day. */
function dateBound(v: string, end: boolean): string | null {
  if (isIsoDate(v)) return v;
  if (/^\d{4}-\d{2}$/.test(v) && isIsoDate(`${v}-01`)) {
    if (!end) return `${v}-01`;
    const [y, m] = v.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${v}-${String(last).padStart(2, '0')}`;
  }
  if (/^\d{4}$/.test(v)) return end ? `${v}-12-31` : `${v}-01-01`;
  return null;
}

/**
 * Validates raw filter parameters into an EventFilter; bad values come back as issues (field named).
 * @example parseEventFilter({ dyad: 'AZE,TUR', type: 'CONSULT,AGREE', since: '2024-01' })
 */
export function parseEventFilter(p: FilterParams): Parsed<EventFilter> {
  const issues: Issue[] = [];
  const bad = (field: string, message: string) => issues.push({ code: 'bad-filter', field, message });
  const f: { -readonly [K in keyof EventFilter]: EventFilter[K] } = {};

  const actors = list(p.actor).map((a) => a.toUpperCase());
  for (const a of actors) if (!ACTOR.test(a)) bad('actor', `'${a}' is not an actor code (AZE, AZEMIL, IGONAT)`);
  if (actors.length) f.actors = actors;

  const dyad = list(p.dyad).map((a) => a.toUpperCase());
  if (dyad.length) {
    if (dyad.length !== 2 || dyad.some((a) => !/^[A-Z-]{3}$/.test(a))) {
      bad('dyad', `a dyad is two country-level codes, e.g. AZE,TUR (got '${dyad.join(',')}')`);
    } else f.dyad = [dyad[0]!, dyad[1]!];
  }
  if (p.directed === true || p.directed === 'true' || p.directed === '1') f.directed = true;

  const types = list(p.type).map((t) => t.toUpperCase());
  for (const t of types) if (!(PLOVER_TYPES as readonly string[]).includes(t)) bad('type', `'${t}' is not a PLOVER type (${PLOVER_TYPES.join(' ')})`);
  if (types.length) f.types = types as Plover[];

  const contexts = list(p.context).map((c) => c.toLowerCase());
  if (contexts.length) f.contexts = contexts;
  const modes = list(p.mode).map((c) => c.toLowerCase());
  if (modes.length) f.modes = modes;

  if (p.since !== undefined && p.since !== '') {
    const d = dateBound(p.since, false);
    if (d) f.since = d;
    else bad('since', `'${p.since}' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)`);
  }
  if (p.until !== undefined && p.until !== '') {
    const d = dateBound(p.until, true);
    if (d) f.until = d;
    else bad('until', `'${p.until}' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)`);
  }
  if (p.minSources !== undefined && p.minSources !== '') {
    const n = Number(p.minSources);
    if (Number.isInteger(n) && n >= 1) f.minSources = n;
    else bad('minSources', `min-sources must be a whole number >= 1 (got '${p.minSources}')`);
  }
  if (p.text !== undefined && p.text.trim() !== '') f.text = p.text.trim();
  if (p.flagged !== undefined && p.flagged !== '') {
    if (p.flagged === 'include' || p.flagged === 'exclude' || p.flagged === 'only') f.flagged = p.flagged;
    else bad('flagged', `flagged must be include, exclude or only (got '${p.flagged}')`);
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: f };
}
