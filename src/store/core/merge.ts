// the cross-document merge rule: when two reports describe one real-world event (docs/store.md, "Merge rule").
import type { CodedEvent, Granularity, Plover } from '../../core/index.js';

/** Types whose pair of actors is unordered when merging (as the scorer treats them). */
export const SYMMETRIC_TYPES: ReadonlySet<Plover> = new Set<Plover>(['CONSULT', 'AGREE', 'COOPERATE']);

/** Aux markers that flag an event as not having occurred: stored, listed, left out of scores by default. */
export const FLAGGING_AUX: ReadonlySet<string> = new Set(['negated', 'hypothetical']);

/** Days two day-precise dates may differ and still be one event ("more than 2 days apart stay apart"). */
export const DAY_SLACK = 2;
/** Slack when either date is coarser than a day: the periods must overlap or touch. */
export const PERIOD_SLACK = 1;
/** A report whose event date is unresolved is placed in the days before its publication date. */
export const UNRESOLVED_LOOKBACK = 3;

const PRECISION: Record<Granularity, number> = { day: 4, week: 3, month: 2, year: 1 };

/** A date as an interval of days since 1970-01-01, with how it was known. */
export interface DateSpan {
  /** YYYY-MM-DD shown for the event (start of the period). */
  readonly date: string | null;
  readonly lo: number;
  readonly hi: number;
  readonly granularity: Granularity;
  /** 0 none (unresolved, from the document date), 1 implied day, 2..5 stated year..day. */
  readonly precision: number;
}

export function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

export function dayString(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

function periodEnd(start: string, g: Granularity): number {
  const lo = dayNumber(start);
  switch (g) {
    case 'day':
      return lo;
    case 'week':
      return lo + 6;
    case 'month': {
      const d = new Date(`${start}T00:00:00Z`);
      return dayNumber(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10));
    }
    case 'year':
      return dayNumber(`${start.slice(0, 4)}-12-31`);
  }
}

/**
 * The interval of days an event can have happened in, from its resolved date, or from the document
 * date when the event date is unresolved (then the few days before publication). Null when neither is known.
 */
export function eventSpan(ev: Pick<CodedEvent, 'date'>, docDate: string | null): DateSpan | null {
  const d = ev.date;
  if (d.value) {
    const lo = dayNumber(d.value);
    const hi = d.end ? Math.max(lo, dayNumber(d.end)) : periodEnd(d.value, d.granularity);
    if (Number.isNaN(lo) || Number.isNaN(hi)) return null;
    if (!d.stated && d.granularity === 'day') return { date: d.value, lo: lo - 1, hi, granularity: 'day', precision: 1 };
    return { date: d.value, lo, hi, granularity: d.granularity, precision: 1 + PRECISION[d.granularity] };
  }
  if (!docDate) return null;
  const hi = dayNumber(docDate);
  if (Number.isNaN(hi)) return null;
  return { date: docDate, lo: hi - UNRESOLVED_LOOKBACK, hi, granularity: 'day', precision: 0 };
}

/**
 * The merge key: type, actor pair at country level (unordered for symmetric types), and the aux
 * markers. Null when the event names neither actor: such events are never merged across documents.
 */
export function clusterKey(ev: Pick<CodedEvent, 'type' | 'source' | 'target' | 'aux'>): string | null {
  const a = ev.source?.country ?? null;
  const b = ev.target?.country ?? null;
  if (a === null && b === null) return null;
  let pair = [a ?? '-', b ?? '-'];
  if (SYMMETRIC_TYPES.has(ev.type)) pair = pair.sort();
  const aux = [...ev.aux].sort().join('+');
  return `${ev.type}|${pair[0]}|${pair[1]}|${aux}`;
}

/** What the merge rule needs to know about a stored cluster. */
export interface ClusterSummary {
  readonly id: string;
  readonly lo: number;
  readonly hi: number;
  readonly granularity: Granularity;
  readonly precision: number;
  readonly locationCountry: string | null;
  readonly ploverMode: string;
}

/** What the merge rule needs to know about an incoming event. */
export interface EventSummary {
  readonly span: DateSpan;
  readonly locationCountry: string | null;
  readonly ploverMode: string;
}

/** Days between two intervals (0 when they overlap). */
export function gapDays(a: { lo: number; hi: number }, b: { lo: number; hi: number }): number {
  if (a.hi < b.lo) return b.lo - a.hi;
  if (b.hi < a.lo) return a.lo - b.hi;
  return 0;
}

/** The largest gap two compatible dates may have. */
export function slackFor(a: Granularity, b: Granularity): number {
  return a === 'day' && b === 'day' ? DAY_SLACK : PERIOD_SLACK;
}

/**
 * Whether an event (same key) can be a report of the cluster: dates within the slack, places in the
 * same country or unknown, PLOVER modes equal or one of them empty.
 */
export function compatible(c: ClusterSummary, e: EventSummary): boolean {
  if (gapDays(c, e.span) > slackFor(c.granularity, e.span.granularity)) return false;
  if (c.locationCountry && e.locationCountry && c.locationCountry !== e.locationCountry) return false;
  if (c.ploverMode && e.ploverMode && c.ploverMode !== e.ploverMode) return false;
  return true;
}

/** The cluster an event joins among same-key candidates: the compatible one nearest in time (ties: more precise, then lower id). */
export function chooseCluster<C extends ClusterSummary>(candidates: readonly C[], e: EventSummary): C | null {
  let best: C | null = null;
  let bestGap = Number.POSITIVE_INFINITY;
  const mid = (e.span.lo + e.span.hi) / 2;
  for (const c of candidates) {
    if (!compatible(c, e)) continue;
    const gap = gapDays(c, e.span) * 1000 + Math.abs((c.lo + c.hi) / 2 - mid);
    if (gap < bestGap || (gap === bestGap && best && (c.precision > best.precision || (c.precision === best.precision && c.id < best.id)))) {
      best = c;
      bestGap = gap;
    }
  }
  return best;
}

/** The widest day range in which a compatible cluster's interval can lie (for the candidate query). */
export function candidateRange(span: DateSpan): { lo: number; hi: number } {
  return { lo: span.lo - DAY_SLACK, hi: span.hi + DAY_SLACK };
}

/** True when the event should be flagged (negated or hypothetical). */
export function isFlagged(aux: readonly string[]): boolean {
  return aux.some((a) => FLAGGING_AUX.has(a));
}
