// the store's public data shapes and the Store interface every driver implements (sqlite now, postgres later).
import type { AuxMode, CodedDoc, Doc, Granularity, Place, Plover } from '../../core/index.js';
import type { TransferFilter, TransferFlow, TransferRecord } from './transfers.js';

/**
 * Which event clusters a query selects. Every field is optional; the fields combine with AND, the
 * values inside one array field with OR. The CLI's filter options and the HTTP query map onto it
 * through `parseEventFilter`.
 */
export interface EventFilter {
  /** Actor codes: a 3-letter code matches the country-level part, a longer one is a code prefix (AZEMIL). Source or target. */
  readonly actors?: readonly string[];
  /** Two country-level codes; matches both directions unless `directed`. */
  readonly dyad?: readonly [string, string];
  /** With `dyad`: only source = dyad[0] and target = dyad[1]. */
  readonly directed?: boolean;
  readonly types?: readonly Plover[];
  /** PLOVER contexts (military, diplomatic, ...): any of them. */
  readonly contexts?: readonly string[];
  /** Event date bounds, inclusive, YYYY-MM-DD. */
  readonly since?: string;
  readonly until?: string;
  /** PLOVER modes (visit, phone, troops, ...) or auxiliary markers (intend, negated, ...): any of them. */
  readonly modes?: readonly string[];
  readonly minSources?: number;
  /** Full-text query over the evidence sentences (FTS5 syntax; plain words are ANDed). */
  readonly text?: string;
  /**
   * Events flagged negated/hypothetical: 'include' (default for listings), 'exclude' (default for
   * scores, series and networks), or 'only'.
   */
  readonly flagged?: 'include' | 'exclude' | 'only';
}

export interface Page {
  readonly limit?: number;
  readonly offset?: number;
  /** 'date' (newest first, the default), 'sources' (most sources first), 'reported' (last report first). */
  readonly order?: 'date' | 'sources' | 'reported';
}

export interface PageResult<T> {
  /** Number of items matching the filter, ignoring limit and offset. */
  readonly total: number;
  readonly items: readonly T[];
}

/** An actor as stored on a cluster (the first report's coding). */
export interface ClusterActor {
  readonly code: string;
  readonly country: string;
  readonly sector: string;
  readonly name: string | null;
}

/** One real-world event: every report of it, merged across documents and outlets. */
export interface EventCluster {
  readonly id: string;
  readonly type: Plover;
  readonly cameo: string | null;
  /** PLOVER mode and aux markers comma-joined, as on CodedEvent. */
  readonly mode: string;
  readonly ploverMode: string;
  readonly aux: readonly AuxMode[];
  /** True when the event is negated or hypothetical: stored and listed, left out of scores by default. */
  readonly flagged: boolean;
  readonly contexts: readonly string[];
  readonly source: ClusterActor | null;
  readonly target: ClusterActor | null;
  /** Best-known event date (the most precise one reported), YYYY-MM-DD, or null. */
  readonly date: string | null;
  readonly dateEnd: string | null;
  readonly granularity: Granularity;
  readonly location: Place | null;
  /** Highest coder confidence among the reports. */
  readonly confidence: number;
  /** Documents that report the event (near-copies included). */
  readonly numDocuments: number;
  /** Distinct outlets among those documents. */
  readonly numSources: number;
  /** Evidence rows (one per sentence that reports it). */
  readonly numMentions: number;
  /** Publication dates of the first and last report. */
  readonly firstReported: string | null;
  readonly lastReported: string | null;
  /** A representative evidence sentence (from the first report). */
  readonly text: string;
}

/** A stored document, without its text. */
export interface DocumentRef {
  readonly id: string;
  readonly url: string | null;
  readonly outlet: string | null;
  readonly title: string | null;
  readonly date: string | null;
  readonly language: string | null;
  /** The id of the earlier document this one is a near-copy of, or null. */
  readonly copyOf: string | null;
  readonly ingestedAt: string;
}

/** A stored document with its text (for showing evidence in context). */
export interface StoredDocument extends DocumentRef {
  readonly text: string;
  /** Event clusters with evidence in this document. */
  readonly eventIds: readonly string[];
}

/** One sentence of one document that reports the event. */
export interface EvidenceRef {
  readonly docId: string;
  /** The coded event id (stable id from the coder); for a near-copy, the original's event id. */
  readonly eventId: string;
  /** Set when this row was inherited from the original of a near-copy. */
  readonly viaCopyOf: string | null;
  readonly text: string;
  /** Character span in the document's text (null when a copy's sentence could not be located). */
  readonly start: number | null;
  readonly end: number | null;
  readonly trigger: string | null;
  readonly sourceCode: string | null;
  readonly targetCode: string | null;
  readonly sourceText: string | null;
  readonly targetText: string | null;
  /** The event date as this report resolved it. */
  readonly date: string | null;
  readonly dateText: string | null;
  readonly rule: string;
  readonly confidence: number;
}

/** A cluster with every document and evidence sentence that reports it. */
export interface EventDetail extends EventCluster {
  readonly documents: readonly DocumentRef[];
  readonly evidence: readonly EvidenceRef[];
}

export interface ActorSummary {
  readonly code: string;
  readonly country: string;
  readonly sector: string;
  readonly name: string | null;
  /** The words documents used for it, most frequent first. */
  readonly names: readonly { readonly text: string; readonly count: number }[];
  /** Evidence rows naming the actor. */
  readonly mentions: number;
  /** Event clusters in which it is source or target. */
  readonly events: number;
}

export interface ActorQuery {
  /** Country-level code or code prefix. */
  readonly code?: string;
  /** Substring of a canonical name or a name seen. */
  readonly name?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface SearchHit {
  readonly kind: 'document' | 'evidence';
  readonly docId: string;
  /** The event cluster of an evidence hit. */
  readonly eventId: string | null;
  readonly title: string | null;
  readonly date: string | null;
  readonly outlet: string | null;
  /** Matched text with the match in [brackets]. */
  readonly snippet: string;
  /** Lower is better (bm25). */
  readonly rank: number;
}

export type Period = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** Grouping keys for `aggregate`. */
export interface AggregateBy {
  readonly period?: Period;
  readonly type?: boolean;
  readonly ploverMode?: boolean;
  /** Country-level codes of source and target. */
  readonly countries?: boolean;
}

/** One group of event clusters. Keys not asked for are null. */
export interface AggregateRow {
  /** Period start: YYYY-MM-DD (day, week = Monday), YYYY-MM (month), YYYY-Qn (quarter), YYYY (year). */
  readonly period: string | null;
  readonly type: Plover | null;
  readonly ploverMode: string | null;
  readonly sourceCountry: string | null;
  readonly targetCountry: string | null;
  /** Event clusters in the group. */
  readonly events: number;
  /** Sum of their num_sources. */
  readonly sources: number;
}

export type IngestStatus = 'new' | 'duplicate' | 'copy';

/** What one document did to the store. */
export interface IngestResult {
  readonly docId: string;
  /** new: stored and its events merged; duplicate: already stored (same id, or same text from the same outlet), nothing changed; copy: a near-copy of `copyOf`, which adds a source to its events. */
  readonly status: IngestStatus;
  readonly copyOf: string | null;
  /** Events of the document stored (evidence rows written). */
  readonly events: number;
  /** Of those, events that created a new cluster. */
  readonly newClusters: number;
  /** Of those, events merged into an existing cluster. */
  readonly merged: number;
}

export interface StoreStats {
  readonly documents: number;
  readonly copies: number;
  readonly clusters: number;
  readonly evidence: number;
  readonly actors: number;
  readonly schemaVersion: number;
  /** File size in bytes (database + WAL), 0 in memory. */
  readonly bytes: number;
}

export interface OpenOptions {
  /** Open for reading only: no migration, the file must exist and be current. */
  readonly readonly?: boolean;
}

/** A document with its coding, as handed to the store. */
export interface IngestItem {
  readonly doc: Doc;
  readonly coded: CodedDoc;
}

/**
 * The event store. Drivers (store/sqlite, a later store/postgres) implement it; analysis and the
 * HTTP API reach the data only through it.
 */
export interface Store {
  /** The database location (a path, ':memory:' or a URL). */
  readonly location: string;
  /** Adds one document and its coded events: atomic, idempotent. */
  ingest(doc: Doc, coded: CodedDoc): IngestResult;
  /** Adds several documents in one transaction (faster; each document stays atomic because the batch is). */
  ingestBatch(items: readonly IngestItem[]): IngestResult[];
  /** True when a document with this id is stored. */
  hasDocument(id: string): boolean;
  queryEvents(filter?: EventFilter, page?: Page): PageResult<EventCluster>;
  /** Iterates every matching cluster with its documents and evidence (for exports), in date order. */
  iterateEvents(filter?: EventFilter): IterableIterator<EventDetail>;
  /** A cluster with all its documents and evidence, or null. */
  getEvent(id: string): EventDetail | null;
  /** A stored document with its text and the ids of the event clusters it reports, or null. */
  getDocument(id: string): StoredDocument | null;
  listActors(query?: ActorQuery): PageResult<ActorSummary>;
  /** Counts clusters grouped by period/type/mode/countries (the basis of series, scores and networks). */
  aggregate(filter: EventFilter, by: AggregateBy): AggregateRow[];
  /** Full-text search over document titles and texts and over evidence sentences. */
  search(query: string, limit?: number): SearchHit[];
  /** Arms-transfer register lines (one per deal and weapon system), newest first. */
  listTransfers(filter?: TransferFilter, page?: Pick<Page, 'limit' | 'offset'>): PageResult<TransferRecord>;
  /** Supplier → recipient totals of the matching transfer lines, most deals first. */
  transferFlows(filter?: TransferFilter): TransferFlow[];
  stats(): StoreStats;
  close(): void;
}
