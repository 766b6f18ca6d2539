// boundary types shared by every stage: plain, serializable, readonly data.

/** The 16 PLOVER event types (manual draft). */
export const PLOVER_TYPES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const;
export type Plover = (typeof PLOVER_TYPES)[number];

/** Auxiliary modes: the statement does not report an event that occurred. */
export const AUX_MODES = ['intend', 'negated', 'hypothetical', 'historical'] as const;
export type AuxMode = (typeof AUX_MODES)[number];

/** Character offsets into `Doc.text` (end exclusive). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A document as it enters the pipeline. `source` is the outlet. */
export interface Doc {
  readonly id: string;
  /** Publication date, YYYY-MM-DD: the reference for every relative date (null when unknown). */
  readonly date: string | null;
  readonly title: string | null;
  readonly text: string;
  readonly url?: string | null;
  readonly source?: string | null;
  readonly lang?: string | null;
  readonly meta?: Readonly<Record<string, unknown>>;
}

/** An actor as coded on an event. `code` = country-level part + sector codes, e.g. AZEMIL. */
export interface Actor {
  readonly code: string;
  /** Three-letter country-level part: ISO alpha-3, IGO, NGO, IMG, MNC or ---. */
  readonly country: string;
  /** Sector codes after the country part ('' for none), e.g. MIL, GOVMIL, UNO (for IGOUNO). */
  readonly sector: string;
  /** Canonical name: a person's or organisation's name, else the country name. */
  readonly name: string | null;
  /** The words of the document that named the actor. */
  readonly text: string;
  readonly span: Span | null;
}

export type Granularity = 'day' | 'week' | 'month' | 'year';
export type DateKind = 'exact' | 'approximate' | 'range' | 'unresolved';

/** A date resolved against the document date. */
export interface ResolvedDate {
  /** YYYY-MM-DD (first day of the period for month/year), or null when unresolved. */
  readonly value: string | null;
  readonly end?: string | null;
  readonly granularity: Granularity;
  readonly kind: DateKind;
  /** True when the date was stated in the text; false when it was filled from the document date. */
  readonly stated: boolean;
  readonly text: string | null;
  readonly span: Span | null;
  readonly reason: string;
}

export interface Place {
  readonly name: string;
  /** ISO alpha-3 of the country the place is in. */
  readonly country: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
}

export interface Evidence {
  /** Exact substring of the document text (the sentence). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The words that triggered the event. */
  readonly trigger: { readonly text: string; readonly start: number; readonly end: number } | null;
}

/** A defense-transfer record attached to a military event about arms (issue 7). */
export interface Transfer {
  readonly supplier: Actor | null;
  readonly recipient: Actor | null;
  readonly supplierOrg: string | null;
  readonly recipientOrg: string | null;
  readonly systems: readonly {
    readonly text: string;
    readonly name: string;
    readonly category: string;
    readonly quantity: number | null;
  }[];
  readonly value: { readonly amount: number; readonly currency: string; readonly text: string } | null;
  readonly status: 'discussed' | 'planned' | 'ordered' | 'signed' | 'delivered' | 'in-production' | 'unknown';
  readonly expected: string | null;
}

export interface CodedEvent {
  /** Stable id from content: doc id + evidence span + type + actors. */
  readonly id: string;
  readonly type: Plover;
  readonly cameo: string | null;
  /** Comma-joined PLOVER mode and auxiliary markers, '' for an event that occurred with no mode. */
  readonly mode: string;
  /** The PLOVER mode alone (visit, phone, troops, ...), '' if none. */
  readonly ploverMode: string;
  /** Auxiliary markers: intend, negated, hypothetical, historical. */
  readonly aux: readonly AuxMode[];
  readonly context: readonly string[];
  readonly source: Actor | null;
  readonly target: Actor | null;
  readonly date: ResolvedDate;
  readonly location: Place | null;
  readonly evidence: Evidence;
  readonly confidence: number;
  /** The rule (pattern id) that produced the event. */
  readonly rule: string;
  /** Why the event was coded, step by step (filled always; printed with --explain). */
  readonly explain: readonly string[];
  readonly transfer?: Transfer | null;
}

/** One line of `entente code` output. */
export interface CodedDoc {
  readonly id: string;
  readonly date: string | null;
  readonly title?: string | null;
  readonly url?: string | null;
  readonly source?: string | null;
  readonly events: readonly CodedEvent[];
}

/** A problem with one input record: data, not an exception. */
export interface Issue {
  readonly code: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly field?: string;
  readonly docId?: string;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly Issue[] };
