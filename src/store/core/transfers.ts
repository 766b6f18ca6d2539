// arms-transfer records as the store lists them (issue 7): filter, record, flow, and the filter parser.
import type { Issue, Parsed, Plover, Transfer } from '../../core/index.js';
import { parseEventFilter } from './filter.js';

export type TransferStatus = Transfer['status'];

export const TRANSFER_STATUSES: readonly TransferStatus[] = ['discussed', 'planned', 'ordered', 'signed', 'delivered', 'in-production', 'unknown'];

/**
 * Which transfer lines a query selects. Fields combine with AND, values inside one field with OR.
 * `suppliers`/`recipients`: a 3-letter value is a country-level code (TUR); a longer one matches an
 * actor code prefix (TURBUS) or part of the named company or agency (Baykar), case-insensitively.
 */
export interface TransferFilter {
  readonly suppliers?: readonly string[];
  readonly recipients?: readonly string[];
  /** Weapon categories of data/weapons/systems.tsv (uav, tank, artillery, ...). */
  readonly categories?: readonly string[];
  readonly statuses?: readonly TransferStatus[];
  /** Part of the canonical system name or of the words used (TB2, Patriot). */
  readonly systems?: readonly string[];
  /** Bounds on the transfer's date (the event date as reported, else the publication date), inclusive, YYYY-MM-DD. */
  readonly since?: string;
  readonly until?: string;
  /** Negated/hypothetical events ("did not deliver", "could buy"): 'exclude' (default), 'include' or 'only'. */
  readonly flagged?: 'include' | 'exclude' | 'only';
}

/** A supplier or recipient: country-level code, full actor code, and the company or agency when named. */
export interface TransferParty {
  readonly country: string | null;
  readonly code: string | null;
  readonly org: string | null;
}

/**
 * One line of the transfer register: one weapon system of one event cluster (a real-world deal,
 * however many documents report it). Fields come from the first report; `quantity` falls back to the
 * largest one any report gave.
 */
export interface TransferRecord {
  /** Event cluster id (GET /api/events/:id). */
  readonly eventId: string;
  readonly eventType: Plover;
  readonly flagged: boolean;
  /** The event date as the first report resolved it, else its publication date. */
  readonly date: string | null;
  readonly supplier: TransferParty;
  readonly recipient: TransferParty;
  /** The system: words used, canonical name and category; all null for a deal that names no system. */
  readonly system: { readonly text: string | null; readonly name: string | null; readonly category: string | null };
  readonly quantity: number | null;
  /** Value of the whole deal (repeated on each of its lines). */
  readonly value: { readonly amount: number; readonly currency: string | null; readonly text: string | null } | null;
  readonly status: TransferStatus;
  /** Expected completion as stated ("by 2030"): YYYY, YYYY-MM or YYYY-MM-DD. */
  readonly expected: string | null;
  /** The first report's sentence and its span in that document. */
  readonly evidence: { readonly docId: string; readonly text: string; readonly start: number | null; readonly end: number | null };
  /** Every document reporting this line, oldest report first. */
  readonly docIds: readonly string[];
  /** Evidence rows (reports) behind this line. */
  readonly reports: number;
}

/** Supplier → recipient totals (country level; null = not identified) for a flow chart. */
export interface TransferFlow {
  readonly supplier: string | null;
  readonly recipient: string | null;
  /** Distinct event clusters (deals). */
  readonly deals: number;
  /** Register lines (deal × system). */
  readonly lines: number;
  /** Sum of the stated quantities; lines without a quantity add nothing. */
  readonly quantity: number;
  /** Lines per weapon category ('' for lines without a system). */
  readonly categories: Readonly<Record<string, number>>;
  /** Lines per status. */
  readonly statuses: Readonly<Record<string, number>>;
  /** Sum of deal values per currency (each deal counted once). */
  readonly values: Readonly<Record<string, number>>;
  readonly firstDate: string | null;
  readonly lastDate: string | null;
}

/** Raw transfer filter parameters from the CLI or a query string (lists comma-separated or repeated). */
export interface TransferFilterParams {
  readonly supplier?: string | readonly string[] | undefined;
  readonly recipient?: string | readonly string[] | undefined;
  readonly category?: string | readonly string[] | undefined;
  readonly status?: string | readonly string[] | undefined;
  readonly system?: string | readonly string[] | undefined;
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  readonly flagged?: string | undefined;
}

function list(v: string | readonly string[] | undefined): string[] {
  if (v === undefined) return [];
  return (typeof v === 'string' ? [v] : v)
    .flatMap((p) => p.split(','))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Validates raw parameters into a TransferFilter; bad values come back as issues naming the field.
 * `categories` (optional) is the list of known weapon categories to check against.
 * @example parseTransferFilter({ supplier: 'TUR', recipient: 'POL,UKR', status: 'delivered', since: '2024' })
 */
export function parseTransferFilter(p: TransferFilterParams, categories?: readonly string[]): Parsed<TransferFilter> {
  const issues: Issue[] = [];
  const bad = (field: string, message: string) => issues.push({ code: 'bad-filter', field, message });
  const f: { -readonly [K in keyof TransferFilter]: TransferFilter[K] } = {};
  const parties = (field: 'supplier' | 'recipient') => {
    const vals = list(p[field]).map((v) => (/^[A-Za-z-]{3}$/.test(v) ? v.toUpperCase() : v));
    for (const v of vals) if (v.length < 2 || v.length > 100) bad(field, `'${v}' is not a country code (TUR) or a company name (Baykar)`);
    return vals;
  };
  const suppliers = parties('supplier');
  if (suppliers.length) f.suppliers = suppliers;
  const recipients = parties('recipient');
  if (recipients.length) f.recipients = recipients;
  const cats = list(p.category).map((c) => c.toLowerCase());
  for (const c of cats) {
    if (categories ? !categories.includes(c) : !/^[a-z][a-z-]*$/.test(c)) bad('category', `'${c}' is not a weapon category${categories ? ` (${categories.join(' ')})` : ''}`);
  }
  if (cats.length) f.categories = cats;
  const statuses = list(p.status).map((s) => s.toLowerCase());
  for (const s of statuses) if (!(TRANSFER_STATUSES as readonly string[]).includes(s)) bad('status', `'${s}' is not a transfer status (${TRANSFER_STATUSES.join(' ')})`);
  if (statuses.length) f.statuses = statuses as TransferStatus[];
  const systems = list(p.system);
  if (systems.length) f.systems = systems;
  const dates = parseEventFilter({ since: p.since, until: p.until });
  if (dates.ok) {
    if (dates.value.since) f.since = dates.value.since;
    if (dates.value.until) f.until = dates.value.until;
  } else issues.push(...dates.issues);
  if (p.flagged !== undefined && p.flagged !== '') {
    if (p.flagged === 'include' || p.flagged === 'exclude' || p.flagged === 'only') f.flagged = p.flagged;
    else bad('flagged', `flagged must be include, exclude or only (got '${p.flagged}')`);
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: f };
}
