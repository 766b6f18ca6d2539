// date expressions in a span of text, resolved against the document date (never the clock).
//
// one precompiled regex finds candidates: an optional context word (`pre`: in, since, by...), an optional
// edge (early, mid-, the end of), then one core form. every quantifier sits between fixed words, so the scan
// is linear. a candidate is then checked (month names need a day, a year or a context word) and resolved.
import { CARDINALS } from '../core/numbers.js';
import type { DateKind, Granularity, ResolvedDate, Span } from '../core/types.js';
import { addDays, isIsoDate } from '../core/util.js';

/** A date expression found in a document: where, the words, and what it resolves to. */
export interface DateMention {
  /** Absolute offsets into the document text. */
  readonly span: Span;
  readonly text: string;
  readonly date: ResolvedDate;
}

const MONTH_NUMBER: Readonly<Record<string, number>> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

// iso weekday numbers, monday = 1
const WEEKDAY_NUMBER: Readonly<Record<string, number>> = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
};

// quantities of relative dates ("two weeks ago", "a few days"): the cardinals and a few vague words
const NUMBER_WORD: Readonly<Record<string, number>> = { ...CARDINALS, a: 1, an: 1, 'a few': 3, several: 3, 'a couple of': 2 };

const MONTH_FULL = 'january|february|march|april|may|june|july|august|september|october|november|december';
const MONTH_ANY = `${MONTH_FULL}|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec`;
const WEEKDAY = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const YEAR = '(?:18|19|20|21)\\d\\d(?!\\d)';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\\d)';
const NUM = `\\d{1,3}|a\\s+couple\\s+of|a\\s+few|several|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty`;
// the dot after an abbreviated month: Dec. 5, 5 Dec. 2023
const ABBR_DOT = '(?:(?<=\\b(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec))\\.)?';
const PART_OF_DAY = '(?:\\s+(?:morning|afternoon|evening|night)(?!\\w))?';

const PRE = '(?:(?<pre>since|from|by|until|till|through|in|on|during|within|over|for|at)\\s+)?';
const EDGE =
  '(?:(?<edge>the\\s+(?:end|start|beginning|middle)\\s+of\\s+|(?:the\\s+)?(?:early|mid|late)(?:\\s*-\\s*|\\s+)))?';

const CORE = [
  // 2024-04-02
  '(?<isoY>\\d{4})-(?<isoM>\\d{2})-(?<isoD>\\d{2})(?!\\d)',
  // 2014-2016, 2014 to 2016, between 2014 and 2016
  `(?<ry1>${YEAR})(?:\\s*[-–—]\\s*|\\s+(?:to|until|through)\\s+)(?<ry2>${YEAR})`,
  `between\\s+(?<by1>${YEAR})\\s+and\\s+(?<by2>${YEAR})`,
  // (Tuesday,) April 28(, 2024)
  `(?:(?:${WEEKDAY}),?\\s+)?(?<mdyM>${MONTH_ANY})(?!\\w)${ABBR_DOT}\\s+(?<mdyD>${DAY})(?:,?\\s+(?<mdyY>${YEAR}))?`,
  // (Tuesday,) (the) 28(th) (of) April( 2024)
  `(?:(?:${WEEKDAY}),?\\s+)?(?:the\\s+)?(?<dmyD>${DAY})(?:\\s+of)?\\s+(?<dmyM>${MONTH_ANY})(?!\\w)${ABBR_DOT}(?:,?\\s+(?<dmyY>${YEAR}))?`,
  // (last) March( 2022)
  `(?:(?<mrel>last|next|this|past|coming)\\s+)?(?<myM>${MONTH_FULL})(?!\\w)(?:,?\\s+(?:of\\s+)?(?<myY>${YEAR}))?`,
  // 3 days ago, (the past) two years, in 2 weeks
  `(?:the\\s+(?<nrel>past|last|next|coming|previous|following)\\s+)?(?<n>${NUM})\\s+(?<nu>day|week|month|year|decade)s?(?!\\w)(?:\\s+(?<ago>ago|back|earlier|from\\s+now|hence)(?!\\w))?`,
  // yesterday, this morning, the day before yesterday
  `(?<dw>the\\s+day\\s+before\\s+yesterday|the\\s+day\\s+after\\s+tomorrow|(?:earlier|later)\\s+today|yesterday|today|tonight|tomorrow|this\\s+(?:morning|afternoon|evening)|last\\s+night)(?!\\w)${PART_OF_DAY}`,
  // last week, earlier this month, the past year
  '(?:(?<pthe>the)\\s+)?(?<prel>earlier\\s+this|later\\s+this|this|last|next|past|coming|previous)\\s+(?<pu>week|month|year)(?!\\w)',
  // (last) Tuesday (night)
  `(?:(?<wrel>last|next|this|coming|past)\\s+)?(?<wd>${WEEKDAY})(?!\\w)${PART_OF_DAY}`,
  // 2021, with a context word or an edge
  `(?<y>${YEAR})`,
  // the end of the year; year-end
  '(?:the\\s+(?<tu>week|month|year)|(?<ye>year\\s*-?\\s*end))(?!\\w)',
];

// the one scanner; flags: g (scan), i (case checked by hand), d (group offsets for the span)
const SCANNER = new RegExp(`(?<![\\w])${PRE}${EDGE}(?<core>${CORE.join('|')})(?!\\w)`, 'gid');

// words before "in N years" that make it a past window ("the first time in 20 years")
const PAST_WINDOW_BEFORE = /\b(?:first|time|highest|lowest|worst|best|biggest|largest|most|least|record|longest)\s*$/i;

type Groups = Partial<Record<string, string>>;

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function iso(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

function parse(s: string): Ymd {
  return { y: Number(s.slice(0, 4)), m: Number(s.slice(5, 7)), d: Number(s.slice(8, 10)) };
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function addMonths(s: string, n: number): string {
  const { y, m, d } = parse(s);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return iso(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

function isoWeekday(s: string): number {
  const wd = new Date(`${s}T00:00:00Z`).getUTCDay();
  return wd === 0 ? 7 : wd;
}

function dayDiff(a: string, b: string): number {
  return Math.round((Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000);
}

/** First day of the period of `granularity` that holds the day. */
function periodStart(s: string, g: Granularity): string {
  if (g === 'day') return s;
  if (g === 'week') return addDays(s, 1 - isoWeekday(s));
  if (g === 'month') return `${s.slice(0, 7)}-01`;
  return `${s.slice(0, 4)}-01-01`;
}

/** Last day of the period of `granularity` that starts (or lies) at the day. */
function periodEnd(s: string, g: Granularity): string {
  if (g === 'day') return s;
  if (g === 'week') return addDays(periodStart(s, 'week'), 6);
  if (g === 'month') {
    const { y, m } = parse(s);
    return iso(y, m, daysInMonth(y, m));
  }
  return `${s.slice(0, 4)}-12-31`;
}

function shift(s: string, unit: string, n: number): string {
  if (unit === 'day') return addDays(s, n);
  if (unit === 'week') return addDays(s, 7 * n);
  if (unit === 'month') return addMonths(s, n);
  if (unit === 'year') return addMonths(s, 12 * n);
  return addMonths(s, 120 * n);
}

function unitGranularity(unit: string): Granularity {
  if (unit === 'day' || unit === 'week' || unit === 'month') return unit;
  return 'year';
}

const capitalized = (w: string | undefined): boolean => w !== undefined && w[0] !== undefined && w[0] === w[0].toUpperCase();

// a resolved core before context words apply; value null means "needs the reference, which is missing"
interface Base {
  value: string | null;
  granularity: Granularity;
  kind: DateKind;
  reason: string;
  end?: string | null;
}

function unresolved(granularity: Granularity, reason: string): Base {
  return { value: null, granularity, kind: 'unresolved', reason: `${reason}: no document date` };
}

function numberOf(word: string): number {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  return /^\d+$/.test(w) ? Number(w) : (NUMBER_WORD[w] ?? Number.NaN);
}

/** Resolves the core form of a match; null when the words are not a date after all. */
function resolveCore(g: Groups, ref: string | null, pre: string | undefined, edge: string | undefined, before: string): Base | null {
  if (g.isoY !== undefined) {
    const s = `${g.isoY}-${g.isoM}-${g.isoD}`;
    return isIsoDate(s) ? { value: s, granularity: 'day', kind: 'exact', reason: 'ISO date' } : null;
  }
  if (g.ry1 !== undefined || g.by1 !== undefined) {
    const a = Number(g.ry1 ?? g.by1);
    const b = Number(g.ry2 ?? g.by2);
    if (b < a) return null;
    return { value: iso(a, 1, 1), end: iso(b, 12, 31), granularity: 'year', kind: 'range', reason: 'range of years' };
  }
  const monthName = g.mdyM ?? g.dmyM;
  if (monthName !== undefined) {
    if (!capitalized(monthName)) return null;
    const m = MONTH_NUMBER[monthName.toLowerCase()] as number;
    const d = Number.parseInt((g.mdyD ?? g.dmyD) as string, 10);
    const yText = g.mdyY ?? g.dmyY;
    if (yText !== undefined) {
      const s = iso(Number(yText), m, d);
      return isIsoDate(s) ? { value: s, granularity: 'day', kind: 'exact', reason: 'day, month and year' } : null;
    }
    if (d > daysInMonth(2024, m)) return null;
    const reason = 'month and day without year, nearest to reference';
    if (ref === null) return unresolved('day', reason);
    const ry = parse(ref).y;
    let best: string | null = null;
    for (const y of [ry - 1, ry, ry + 1]) {
      const s = iso(y, m, d);
      if (!isIsoDate(s)) continue;
      if (best === null || Math.abs(dayDiff(s, ref)) < Math.abs(dayDiff(best, ref))) best = s;
    }
    return best === null ? null : { value: best, granularity: 'day', kind: 'approximate', reason };
  }
  if (g.myM !== undefined) {
    if (!capitalized(g.myM)) return null;
    const m = MONTH_NUMBER[g.myM.toLowerCase()] as number;
    if (g.myY !== undefined) return { value: iso(Number(g.myY), m, 1), granularity: 'month', kind: 'exact', reason: 'month and year' };
    const rel = g.mrel?.toLowerCase();
    // a bare month name is a date only with a context word: "in March", "last March", "early March"
    if (rel === undefined && edge === undefined && (pre === undefined || pre === 'at' || pre === 'over')) return null;
    const reason =
      rel === 'last' || rel === 'past'
        ? 'last + month, most recent before reference month'
        : rel === 'next' || rel === 'coming'
          ? 'next + month, first after reference month'
          : rel === 'this'
            ? 'this + month, reference year'
            : 'month without year';
    if (ref === null) return unresolved('month', reason);
    // "until June", "by May": a deadline looks forward
    const deadline = pre === 'by' || pre === 'until' || pre === 'till';
    const r = parse(ref);
    let y = r.y;
    if (rel === 'last' || rel === 'past') y = m < r.m ? r.y : r.y - 1;
    else if (rel === 'next' || rel === 'coming') y = m > r.m ? r.y : r.y + 1;
    else if (rel === undefined && deadline) y = m >= r.m ? r.y : r.y + 1;
    else if (rel === undefined && m > r.m) y = r.y - 1;
    const why =
      rel !== undefined ? reason : deadline ? `${reason}, on or after reference month` : `${reason}, ${m > r.m ? 'past' : 'reference year'}`;
    return { value: iso(y, m, 1), granularity: 'month', kind: 'approximate', reason: why };
  }
  if (g.nu !== undefined && g.n !== undefined) {
    const n = numberOf(g.n);
    if (!Number.isFinite(n) || n <= 0) return null;
    const unit = g.nu.toLowerCase();
    const gran = unitGranularity(unit);
    const ago = g.ago?.toLowerCase();
    const nrel = g.nrel?.toLowerCase();
    if (nrel !== undefined) {
      const back = nrel === 'past' || nrel === 'last' || nrel === 'previous';
      const reason = back ? `the past ${n} ${unit}(s): range to reference` : `the next ${n} ${unit}(s): range from reference`;
      if (ref === null) return unresolved(gran, reason);
      const other = shift(ref, unit, back ? -n : n);
      return back
        ? { value: other, end: ref, granularity: gran, kind: 'range', reason }
        : { value: ref, end: other, granularity: gran, kind: 'range', reason };
    }
    let sign: number;
    let reason: string;
    if (ago === 'ago' || ago === 'back' || ago === 'earlier') {
      sign = -1;
      reason = `${n} ${unit}(s) before reference`;
    } else if (ago !== undefined || pre === 'within' || pre === 'in') {
      if (ago === undefined && pre === 'in') {
        // "in a decade", "the first time in 20 years" are past windows, not future dates
        if (/^an?$/i.test(g.n) || PAST_WINDOW_BEFORE.test(before)) return null;
      }
      sign = 1;
      reason = pre === 'within' && ago === undefined ? `within ${n} ${unit}(s) after reference` : `${n} ${unit}(s) after reference`;
    } else return null;
    if (ref === null) return unresolved(gran, reason);
    const s = shift(ref, unit, sign * n);
    return { value: gran === 'month' || gran === 'year' ? periodStart(s, gran) : s, granularity: gran, kind: 'approximate', reason };
  }
  if (g.dw !== undefined) {
    const w = g.dw.toLowerCase().replace(/\s+/g, ' ');
    let offset = 0;
    if (w === 'yesterday' || w === 'last night') offset = -1;
    else if (w === 'tomorrow') offset = 1;
    else if (w === 'the day before yesterday') offset = -2;
    else if (w === 'the day after tomorrow') offset = 2;
    const reason = offset === 0 ? `${w}: reference day` : `${w}: ${offset > 0 ? '+' : ''}${offset} day(s) from reference`;
    if (ref === null) return unresolved('day', reason);
    return { value: addDays(ref, offset), granularity: 'day', kind: 'exact', reason };
  }
  if (g.pu !== undefined && g.prel !== undefined) {
    const unit = g.pu.toLowerCase() as 'week' | 'month' | 'year';
    const rel = g.prel.toLowerCase().replace(/\s+/g, ' ');
    const the = g.pthe !== undefined;
    if (rel === 'past' || rel === 'previous' || (the && rel === 'last')) {
      const reason = `the past ${unit}: range to reference`;
      if (ref === null) return unresolved(unit, reason);
      return { value: shift(ref, unit, -1), end: ref, granularity: unit, kind: 'range', reason };
    }
    if (the && (rel === 'next' || rel === 'coming')) {
      const reason = `the next ${unit}: range from reference`;
      if (ref === null) return unresolved(unit, reason);
      return { value: ref, end: shift(ref, unit, 1), granularity: unit, kind: 'range', reason };
    }
    const step = rel === 'last' ? -1 : rel === 'next' || rel === 'coming' ? 1 : 0;
    const reason = `${rel} ${unit}`;
    if (ref === null) return unresolved(unit, reason);
    const kind: DateKind = rel.includes(' ') ? 'approximate' : 'exact';
    return { value: periodStart(shift(ref, unit, step), unit), granularity: unit, kind, reason };
  }
  if (g.wd !== undefined) {
    if (!capitalized(g.wd)) return null;
    const t = WEEKDAY_NUMBER[g.wd.toLowerCase()] as number;
    const rel = g.wrel?.toLowerCase();
    const forward = rel === 'next' || rel === 'coming' || pre === 'by' || pre === 'until' || pre === 'till';
    const reason =
      rel === 'last'
        ? 'last + weekday, before reference'
        : rel === 'next'
          ? 'next + weekday, after reference'
          : forward
            ? 'weekday on or after reference'
            : 'weekday on or before reference';
    if (ref === null) return unresolved('day', reason);
    const r = isoWeekday(ref);
    let delta: number;
    if (rel === 'last') delta = -(((r - t + 7) % 7) || 7);
    else if (rel === 'next') delta = ((t - r + 7) % 7) || 7;
    else if (forward) delta = (t - r + 7) % 7;
    else delta = -((r - t + 7) % 7);
    return { value: addDays(ref, delta), granularity: 'day', kind: 'approximate', reason };
  }
  if (g.y !== undefined) {
    const ok = edge !== undefined || (pre !== undefined && pre !== 'at' && pre !== 'over' && pre !== 'on' && pre !== 'within');
    return ok ? { value: `${g.y}-01-01`, granularity: 'year', kind: 'exact', reason: 'year' } : null;
  }
  if (g.tu !== undefined) {
    if (edge === undefined) return null;
    const unit = g.tu.toLowerCase() as 'week' | 'month' | 'year';
    if (ref === null) return unresolved(unit, `the ${unit}: the reference ${unit}`);
    return { value: periodStart(ref, unit), granularity: unit, kind: 'exact', reason: `the ${unit}: the reference ${unit}` };
  }
  if (g.ye !== undefined) {
    if (ref === null) return unresolved('month', 'year-end: December of the reference year');
    return { value: `${ref.slice(0, 4)}-12-01`, granularity: 'month', kind: 'approximate', reason: 'year-end: December of the reference year' };
  }
  return null;
}

/** Applies the context word and the edge to a resolved core. */
function applyContext(base: Base, ref: string | null, pre: string | undefined, edge: string | undefined): Base {
  const edgeWord = edge?.toLowerCase().replace(/[\s-]+/g, ' ').trim();
  let out: Base = base;
  if (edgeWord !== undefined && base.kind !== 'unresolved' && base.kind !== 'range') {
    out = { ...out, kind: 'approximate', reason: `${edgeWord} (${out.reason})` };
  }
  if (out.kind === 'unresolved' || out.kind === 'range' || pre === undefined) return out;
  // "from" alone is not a range ("the story is from March 4, 2002"); "from 2014 to 2016" is matched whole
  if (pre === 'since') {
    return { ...out, kind: 'range', end: ref, reason: `${pre}: range from start of period to reference (${out.reason})` };
  }
  if (pre === 'by' || pre === 'until' || pre === 'till' || pre === 'through') {
    const atStart = edgeWord !== undefined && /^the (start|beginning) of$/.test(edgeWord);
    const end = out.value === null ? null : atStart ? out.value : periodEnd(out.value, out.granularity);
    return { ...out, value: ref, end, kind: 'range', reason: `${pre}: range from reference to ${atStart ? 'start' : 'end'} of period (${out.reason})` };
  }
  return out;
}

// context words kept in the span because they change the meaning
const SPAN_PRE = new Set(['since', 'by', 'until', 'till', 'through', 'within']);

/**
 * Finds the date expressions in `text.slice(span.start, span.end)` and resolves each against `reference`
 * (the document date, YYYY-MM-DD, or null: relative expressions then come back `unresolved`).
 * @example
 * resolveDates('Ministers met on Tuesday.', { start: 0, end: 25 }, '2024-04-04')
 * // [{ span: { start: 15, end: 24 }, text: 'Tuesday', date: { value: '2024-04-02', kind: 'approximate', ... } }]
 */
export function resolveDates(text: string, span: Span, reference: string | null): DateMention[] {
  const start = Math.max(0, span.start);
  const slice = text.slice(start, Math.max(start, span.end));
  const ref = reference !== null && isIsoDate(reference) ? reference : null;
  const out: DateMention[] = [];
  const re = SCANNER;
  re.lastIndex = 0;
  for (let m = re.exec(slice); m !== null; m = re.exec(slice)) {
    const g = (m.groups ?? {}) as Groups;
    const idx = m.indices?.groups ?? {};
    const pre = g.pre?.toLowerCase();
    const coreAt = idx.core?.[0] ?? m.index;
    const base = resolveCore(g, ref, pre, g.edge, slice.slice(Math.max(0, m.index - 40), m.index));
    if (base === null) {
      re.lastIndex = m.index + 1;
      continue;
    }
    const date = applyContext(base, ref, pre, g.edge);
    let from = coreAt;
    if (g.edge !== undefined) from = idx.edge?.[0] ?? from;
    const futureIn = pre === 'in' && g.n !== undefined && g.ago === undefined && g.nrel === undefined;
    const fromTo = pre === 'from' && g.ry1 !== undefined;
    if (pre !== undefined && (SPAN_PRE.has(pre) || futureIn || fromTo)) from = m.index;
    const to = m.index + m[0].length;
    const words = slice.slice(from, to);
    const abs: Span = { start: start + from, end: start + to };
    out.push({
      span: abs,
      text: words,
      date: {
        value: date.value,
        ...(date.end !== undefined ? { end: date.end } : {}),
        granularity: date.granularity,
        kind: date.kind,
        stated: true,
        text: words,
        span: abs,
        reason: date.reason,
      },
    });
  }
  return out;
}

/**
 * The fallback date of an event: the document date, not stated in the text.
 * @example documentDate('2024-04-02') // { value: '2024-04-02', kind: 'approximate', stated: false, reason: 'document date', ... }
 */
export function documentDate(reference: string | null): ResolvedDate {
  const ok = reference !== null && isIsoDate(reference);
  return {
    value: ok ? reference : null,
    granularity: 'day',
    kind: ok ? 'approximate' : 'unresolved',
    stated: false,
    text: null,
    span: null,
    reason: ok ? 'document date' : 'no document date',
  };
}

/**
 * True when the whole period of `date` lies more than `days` days before `reference` ("old background").
 * @example isPastBeyond(resolveDates('in 2019', { start: 0, end: 7 }, '2024-04-02')[0].date, '2024-04-02', 365) // true
 */
export function isPastBeyond(date: ResolvedDate, reference: string | null, days: number): boolean {
  if (reference === null || !isIsoDate(reference) || date.value === null) return false;
  const last = date.kind === 'range' ? (date.end ?? reference) : periodEnd(date.value, date.granularity);
  return dayDiff(reference, last) > days;
}
