// the Store interface on better-sqlite3: prepared statements, one transaction per document or batch, WAL.
import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { type AuxMode, type CodedDoc, type CodedEvent, type Doc, EntenteError, type Granularity, type Plover, stableId } from '../../core/index.js';
import {
  type ActorQuery,
  type ActorSummary,
  type AggregateBy,
  type AggregateRow,
  bandKeys,
  COPY_THRESHOLD,
  candidateRange,
  type ClusterActor,
  type ClusterSummary,
  chooseCluster,
  clusterKey,
  type DocumentRef,
  type EventCluster,
  type EventDetail,
  type EventFilter,
  type EvidenceRef,
  eventSpan,
  fingerprint,
  type IngestItem,
  type IngestResult,
  isFlagged,
  jaccardEstimate,
  type OpenOptions,
  type Page,
  type PageResult,
  type SearchHit,
  type Store,
  type StoreStats,
  type StoredDocument,
  type TransferFilter,
  type TransferFlow,
  type TransferRecord,
  signatureFromBuffer,
  signatureToBuffer,
} from '../core/index.js';
import { migrate } from './migrate.js';
import { INSERT_TRANSFERS_SQL, listTransfers, transferFlows } from './transfers.js';

type Row = Record<string, unknown>;

const MAX_LIMIT = 10_000;

function str(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

function num(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

function list(v: unknown): string[] {
  return typeof v === 'string' && v !== '' ? v.split(',').filter((s) => s !== '') : [];
}

function actorOf(r: Row, side: 'source' | 'target'): ClusterActor | null {
  const code = str(r[`${side}_code`]);
  if (code === null) return null;
  return { code, country: str(r[`${side}_country`]) ?? code.slice(0, 3), sector: str(r[`${side}_sector`]) ?? '', name: str(r[`${side}_name`]) };
}

function toCluster(r: Row): EventCluster {
  return {
    id: String(r.id),
    type: r.type as Plover,
    cameo: str(r.cameo),
    mode: String(r.mode),
    ploverMode: String(r.plover_mode),
    aux: list(r.aux) as AuxMode[],
    flagged: r.flagged === 1,
    contexts: list(r.contexts),
    source: actorOf(r, 'source'),
    target: actorOf(r, 'target'),
    date: str(r.date),
    dateEnd: str(r.date_end),
    granularity: r.granularity as Granularity,
    location:
      r.location_name === null && r.location_country === null
        ? null
        : { name: str(r.location_name) ?? '', country: str(r.location_country), lat: num(r.lat), lon: num(r.lon) },
    confidence: Number(r.confidence),
    numDocuments: Number(r.num_documents),
    numSources: Number(r.num_sources),
    numMentions: Number(r.num_mentions),
    firstReported: str(r.first_reported),
    lastReported: str(r.last_reported),
    text: String(r.text),
  };
}

function toDocument(r: Row): DocumentRef {
  return {
    id: String(r.id),
    url: str(r.url),
    outlet: str(r.outlet),
    title: str(r.title),
    date: str(r.date),
    language: str(r.language),
    copyOf: str(r.copy_of),
    ingestedAt: String(r.ingested_at),
  };
}

function toEvidence(r: Row): EvidenceRef {
  return {
    docId: String(r.doc_id),
    eventId: String(r.event_id),
    viaCopyOf: str(r.via_copy_of),
    text: String(r.text),
    start: num(r.start),
    end: num(r.end),
    trigger: str(r.trigger),
    sourceCode: str(r.source_code),
    targetCode: str(r.target_code),
    sourceText: str(r.source_text),
    targetText: str(r.target_text),
    date: str(r.date),
    dateText: str(r.date_text),
    rule: String(r.rule),
    confidence: Number(r.confidence),
  };
}

/** Comma-bracketed list for LIKE matching of one member: ',military,technology,'. */
function bracket(items: readonly string[]): string {
  return items.length ? `,${[...new Set(items)].sort().join(',')},` : '';
}

/** A WHERE clause and its parameters for an event filter (columns of `clusters`, aliased c). */
export function whereOf(f: EventFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.actors?.length) {
    const ors: string[] = [];
    for (const a of f.actors) {
      if (a.length === 3) {
        ors.push('c.source_country = ? OR c.target_country = ?');
        params.push(a, a);
      } else {
        ors.push("c.source_code LIKE ? || '%' OR c.target_code LIKE ? || '%'");
        params.push(a, a);
      }
    }
    parts.push(`(${ors.join(' OR ')})`);
  }
  if (f.dyad) {
    const [a, b] = f.dyad;
    if (f.directed) {
      parts.push('(c.source_country = ? AND c.target_country = ?)');
      params.push(a, b);
    } else {
      parts.push('((c.source_country = ? AND c.target_country = ?) OR (c.source_country = ? AND c.target_country = ?))');
      params.push(a, b, b, a);
    }
  }
  if (f.types?.length) {
    parts.push(`c.type IN (${f.types.map(() => '?').join(',')})`);
    params.push(...f.types);
  }
  if (f.contexts?.length) {
    parts.push(`(${f.contexts.map(() => "c.contexts LIKE '%,' || ? || ',%'").join(' OR ')})`);
    params.push(...f.contexts);
  }
  if (f.modes?.length) {
    parts.push(`(${f.modes.map(() => "(c.plover_mode = ? OR (',' || c.aux || ',') LIKE '%,' || ? || ',%')").join(' OR ')})`);
    for (const m of f.modes) params.push(m, m);
  }
  if (f.since) {
    parts.push('c.date >= ?');
    params.push(f.since);
  }
  if (f.until) {
    parts.push('c.date <= ?');
    params.push(f.until);
  }
  if (f.minSources !== undefined) {
    parts.push('c.num_sources >= ?');
    params.push(f.minSources);
  }
  if (f.flagged === 'exclude') parts.push('c.flagged = 0');
  else if (f.flagged === 'only') parts.push('c.flagged = 1');
  if (f.text) {
    parts.push('c.rowid IN (SELECT e.cluster FROM evidence e WHERE e.rowid IN (SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ?))');
    params.push(ftsQuery(f.text));
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** Plain words become an AND of quoted terms; a query that already uses FTS5 syntax passes through. */
export function ftsQuery(q: string): string {
  if (/["*()]|\b(AND|OR|NOT|NEAR)\b/.test(q)) return q;
  const terms = q.match(/[\p{L}\p{N}_'-]+/gu) ?? [];
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ') || '""';
}

/** Runs a query whose full-text part comes from the user: an FTS5 syntax error becomes EntenteError('bad-query'). */
function badQuery<T>(text: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof Database.SqliteError)) throw e;
    throw new EntenteError('bad-query', `cannot search for '${text}': ${e.message}`, { cause: e });
  }
}

function periodExpr(by: AggregateBy['period']): string {
  switch (by) {
    case 'day':
      return 'c.date';
    case 'week':
      return "date(c.date, '-' || ((CAST(strftime('%w', c.date) AS INTEGER) + 6) % 7) || ' days')";
    case 'month':
      return 'substr(c.date, 1, 7)';
    case 'quarter':
      return "substr(c.date, 1, 4) || '-Q' || ((CAST(substr(c.date, 6, 2) AS INTEGER) + 2) / 3)";
    case 'year':
      return 'substr(c.date, 1, 4)';
    default:
      return 'NULL';
  }
}

const ORDER: Record<NonNullable<Page['order']>, string> = {
  date: 'c.date DESC NULLS LAST, c.rowid DESC',
  sources: 'c.num_sources DESC, c.date DESC NULLS LAST, c.rowid DESC',
  reported: 'c.last_reported DESC NULLS LAST, c.rowid DESC',
};

interface ClusterCandidate extends ClusterSummary {
  readonly rowid: number;
}

/** SQLite implementation of Store. Use `openSqliteStore`. */
export class SqliteStore implements Store {
  readonly location: string;
  readonly schemaVersion: number;
  private readonly db: Database.Database;
  private readonly s: Record<string, Database.Statement>;
  private readonly ingestOneTx: Database.Transaction<(doc: Doc, coded: CodedDoc) => IngestResult>;
  private readonly ingestManyTx: Database.Transaction<(items: readonly IngestItem[]) => IngestResult[]>;

  constructor(path: string, options: OpenOptions = {}) {
    this.location = path;
    const readonly = options.readonly ?? false;
    const memory = path === ':memory:' || path === '';
    if (readonly && !memory && !existsSync(path)) {
      throw new EntenteError('no-db', `no database at ${path}; run \`entente ingest\` first, or give --db PATH`);
    }
    try {
      this.db = new Database(path, { readonly, fileMustExist: readonly });
    } catch (e) {
      throw new EntenteError('schema', `cannot open ${path}: ${(e as Error).message}`, { cause: e });
    }
    try {
      this.db.pragma('busy_timeout = 10000');
      this.schemaVersion = migrate(this.db, path, readonly);
      if (!readonly && !memory) this.db.pragma('journal_mode = WAL');
      if (!readonly) this.db.pragma('synchronous = NORMAL');
      this.db.pragma('cache_size = -32000');
      this.db.pragma('temp_store = MEMORY');
      this.s = readonly ? {} : this.prepareWrites();
    } catch (e) {
      this.db.close();
      throw e;
    }
    this.ingestOneTx = this.db.transaction((doc: Doc, coded: CodedDoc) => this.ingestInTx(doc, coded));
    this.ingestManyTx = this.db.transaction((items: readonly IngestItem[]) => items.map((it) => this.ingestInTx(it.doc, it.coded)));
  }

  private prepareWrites(): Record<string, Database.Statement> {
    const p = (sql: string) => this.db.prepare(sql);
    return {
      docById: p('SELECT rowid FROM documents WHERE id = ?'),
      docsByHash: p('SELECT rowid, id, outlet, copy_of FROM documents WHERE text_hash = ? ORDER BY rowid'),
      docByRowid: p('SELECT rowid, id, copy_of, minhash, text FROM documents WHERE rowid = ?'),
      bandHits: p('SELECT DISTINCT doc FROM doc_bands WHERE band_key IN (SELECT value FROM json_each(?))'),
      insertDoc: p(
        'INSERT INTO documents (id, url, outlet, title, date, language, text_hash, text, minhash, copy_of, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      insertDocFts: p('INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)'),
      insertBand: p('INSERT OR IGNORE INTO doc_bands (band_key, doc) VALUES (?, ?)'),
      setDocEvents: p('UPDATE documents SET num_events = ? WHERE rowid = ?'),
      upsertActor: p(
        'INSERT INTO actors (code, country, sector, name, mentions) VALUES (?, ?, ?, ?, 1) ON CONFLICT (code) DO UPDATE SET mentions = mentions + 1, name = coalesce(actors.name, excluded.name)',
      ),
      upsertName: p('INSERT INTO actor_names (code, text, count) VALUES (?, ?, 1) ON CONFLICT (code, text) DO UPDATE SET count = count + 1'),
      actorCluster: p('INSERT OR IGNORE INTO actor_clusters (code, cluster) VALUES (?, ?)'),
      candidates: p(
        'SELECT rowid, id, day_lo AS lo, day_hi AS hi, granularity, precision, location_country AS locationCountry, plover_mode AS ploverMode FROM clusters WHERE merge_key = ? AND day_lo <= ? AND day_hi >= ?',
      ),
      insertCluster: p(`INSERT INTO clusters (id, merge_key, type, cameo, mode, plover_mode, aux, flagged, contexts,
        source_code, source_country, source_sector, source_name, target_code, target_country, target_sector, target_name,
        date, date_end, granularity, precision, day_lo, day_hi, location_name, location_country, lat, lon, confidence, text)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      clusterForUpdate: p('SELECT contexts, cameo, plover_mode, mode, precision, location_name, location_country, confidence FROM clusters WHERE rowid = ?'),
      updateCluster: p(
        'UPDATE clusters SET contexts = ?, cameo = ?, plover_mode = ?, mode = ?, location_name = ?, location_country = ?, lat = coalesce(lat, ?), lon = coalesce(lon, ?), confidence = ? WHERE rowid = ?',
      ),
      refineDate: p('UPDATE clusters SET date = ?, date_end = ?, granularity = ?, precision = ?, day_lo = ?, day_hi = ? WHERE rowid = ?'),
      insertEvidence: p(`INSERT OR IGNORE INTO evidence (cluster, doc, event_id, via_copy_of, text, start, end, trigger, trigger_start, trigger_end,
        source_code, target_code, source_text, target_text, date, date_text, date_granularity, date_stated, rule, confidence, explain, transfer)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertEvidenceFts: p('INSERT INTO evidence_fts (rowid, text) VALUES (?, ?)'),
      insertTransfers: p(INSERT_TRANSFERS_SQL),
      evidenceOfDoc: p('SELECT * FROM evidence WHERE doc = ? AND via_copy_of IS NULL ORDER BY rowid'),
      recount: p(`UPDATE clusters SET
        num_mentions = (SELECT count(*) FROM evidence e WHERE e.cluster = clusters.rowid),
        num_documents = (SELECT count(DISTINCT e.doc) FROM evidence e WHERE e.cluster = clusters.rowid),
        num_sources = (SELECT count(DISTINCT coalesce(lower(trim(d.outlet)), '#' || d.id)) FROM evidence e JOIN documents d ON d.rowid = e.doc WHERE e.cluster = clusters.rowid),
        first_reported = (SELECT min(d.date) FROM evidence e JOIN documents d ON d.rowid = e.doc WHERE e.cluster = clusters.rowid),
        last_reported = (SELECT max(d.date) FROM evidence e JOIN documents d ON d.rowid = e.doc WHERE e.cluster = clusters.rowid)
        WHERE rowid = ?`),
    };
  }

  private st(name: string): Database.Statement {
    const s = this.s[name];
    if (!s) throw new EntenteError('readonly', `${this.location} is open read-only`);
    return s;
  }

  // BEGIN IMMEDIATE: two ingests into one file queue on the write lock (busy_timeout) instead of
  // failing when a read transaction cannot be upgraded.
  ingest(doc: Doc, coded: CodedDoc): IngestResult {
    return this.db.inTransaction ? this.ingestOneTx(doc, coded) : this.ingestOneTx.immediate(doc, coded);
  }

  ingestBatch(items: readonly IngestItem[]): IngestResult[] {
    return this.db.inTransaction ? this.ingestManyTx(items) : this.ingestManyTx.immediate(items);
  }

  hasDocument(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(id) !== undefined;
  }

  /** Finds the document this one copies: same text (another outlet) or MinHash estimate >= COPY_THRESHOLD. */
  private findOriginal(doc: Doc, hash: string, sig: Uint32Array | null): { kind: 'duplicate' | 'copy'; rowid: number; id: string } | null {
    const outlet = (doc.source ?? '').trim().toLowerCase();
    const same = this.st('docsByHash').all(hash) as Row[];
    for (const r of same) {
      if (String(r.outlet ?? '').trim().toLowerCase() === outlet) return { kind: 'duplicate', rowid: Number(r.rowid), id: String(r.id) };
    }
    const root = (r: Row) => {
      const orig = str(r.copy_of);
      if (orig === null) return { kind: 'copy' as const, rowid: Number(r.rowid), id: String(r.id) };
      const o = this.st('docById').get(orig) as Row | undefined;
      return { kind: 'copy' as const, rowid: Number(o?.rowid ?? r.rowid), id: o ? orig : String(r.id) };
    };
    if (same[0]) return root(same[0]);
    if (!sig) return null;
    const hits = this.st('bandHits').pluck().all(JSON.stringify(bandKeys(sig))) as number[];
    let best: Row | null = null;
    let bestSim = COPY_THRESHOLD;
    for (const rowid of hits.sort((a, b) => a - b)) {
      const r = this.st('docByRowid').get(rowid) as Row | undefined;
      if (!r || !(r.minhash instanceof Uint8Array)) continue;
      const sim = jaccardEstimate(sig, signatureFromBuffer(r.minhash));
      if (sim >= bestSim && (!best || sim > bestSim)) {
        best = r;
        bestSim = sim;
      }
    }
    return best ? root(best) : null;
  }

  private ingestInTx(doc: Doc, coded: CodedDoc): IngestResult {
    const none = { events: 0, newClusters: 0, merged: 0 };
    if (this.st('docById').get(doc.id)) return { docId: doc.id, status: 'duplicate', copyOf: null, ...none };
    const { hash, signature: sig } = fingerprint(doc.text);
    const original = this.findOriginal(doc, hash, sig);
    if (original?.kind === 'duplicate') return { docId: doc.id, status: 'duplicate', copyOf: original.id, ...none };

    const info = this.st('insertDoc').run(
      doc.id,
      doc.url ?? coded.url ?? null,
      doc.source ?? coded.source ?? null,
      doc.title ?? null,
      doc.date ?? null,
      doc.lang ?? null,
      hash,
      doc.text,
      sig ? signatureToBuffer(sig) : null,
      original?.id ?? null,
      new Date().toISOString(),
    );
    const rowid = Number(info.lastInsertRowid);
    this.st('insertDocFts').run(rowid, doc.title ?? '', doc.text);

    if (original) {
      const events = this.inheritEvidence(rowid, doc.text, original.rowid, original.id);
      this.st('setDocEvents').run(events, rowid);
      return { docId: doc.id, status: 'copy', copyOf: original.id, events, newClusters: 0, merged: events };
    }
    if (sig) for (const k of bandKeys(sig)) this.st('insertBand').run(k, rowid);

    const touched = new Set<number>();
    let newClusters = 0;
    let merged = 0;
    let events = 0;
    const seen = new Set<string>();
    for (const ev of coded.events) {
      if (seen.has(ev.id)) continue;
      seen.add(ev.id);
      const r = this.placeEvent(ev, doc, rowid);
      if (r === null) continue;
      events++;
      touched.add(r.cluster);
      if (r.created) newClusters++;
      else merged++;
    }
    for (const c of touched) this.st('recount').run(c);
    this.st('setDocEvents').run(events, rowid);
    return { docId: doc.id, status: 'new', copyOf: null, events, newClusters, merged };
  }

  /** A near-copy reports what its original reports: copy the original's evidence, re-locating each sentence. */
  private inheritEvidence(rowid: number, text: string, originalRowid: number, originalId: string): number {
    const rows = this.st('evidenceOfDoc').all(originalRowid) as Row[];
    const touched = new Set<number>();
    let n = 0;
    for (const r of rows) {
      const sentence = String(r.text);
      const at = text.indexOf(sentence);
      const trigger = str(r.trigger);
      const tAt = at >= 0 && trigger ? text.indexOf(trigger, at) : -1;
      const info = this.st('insertEvidence').run(
        r.cluster, rowid, r.event_id, originalId, sentence,
        at >= 0 ? at : null, at >= 0 ? at + sentence.length : null,
        trigger, tAt >= 0 ? tAt : null, tAt >= 0 && trigger ? tAt + trigger.length : null,
        r.source_code, r.target_code, r.source_text, r.target_text, r.date, r.date_text, r.date_granularity, r.date_stated,
        r.rule, r.confidence, r.explain, r.transfer,
      );
      if (info.changes === 0) continue;
      this.st('insertEvidenceFts').run(info.lastInsertRowid, sentence);
      if (r.transfer !== null) this.st('insertTransfers').run(info.lastInsertRowid);
      touched.add(Number(r.cluster));
      n++;
    }
    for (const c of touched) this.st('recount').run(c);
    return n;
  }

  private noteActor(a: CodedEvent['source'], cluster: number): void {
    if (!a) return;
    this.st('upsertActor').run(a.code, a.country, a.sector, a.name);
    if (a.text) this.st('upsertName').run(a.code, a.text);
    this.st('actorCluster').run(a.code, cluster);
  }

  /** Merges one event into its cluster (or starts one) and writes its evidence; null if already stored. */
  private placeEvent(ev: CodedEvent, doc: Doc, docRowid: number): { cluster: number; created: boolean } | null {
    const key = clusterKey(ev);
    const span = eventSpan(ev, doc.date);
    const locationCountry = ev.location?.country ?? null;
    let cluster: number | null = null;
    let created = false;
    if (key && span) {
      const range = candidateRange(span);
      const cands = this.st('candidates').all(key, range.hi, range.lo) as unknown as ClusterCandidate[];
      const chosen = chooseCluster(cands, { span, locationCountry, ploverMode: ev.ploverMode });
      if (chosen) {
        cluster = chosen.rowid;
        this.mergeInto(chosen.rowid, ev, span);
      }
    }
    if (cluster === null) {
      const src = ev.source;
      const tgt = ev.target;
      const info = this.st('insertCluster').run(
        stableId('cluster', doc.id, ev.id),
        key && span ? key : null,
        ev.type, ev.cameo, ev.mode, ev.ploverMode, ev.aux.join(','), isFlagged(ev.aux) ? 1 : 0, bracket(ev.context),
        src?.code ?? null, src?.country ?? null, src?.sector ?? null, src?.name ?? null,
        tgt?.code ?? null, tgt?.country ?? null, tgt?.sector ?? null, tgt?.name ?? null,
        span?.date ?? null, ev.date.end ?? null, span?.granularity ?? ev.date.granularity, span?.precision ?? 0, span?.lo ?? null, span?.hi ?? null,
        ev.location?.name ?? null, locationCountry, ev.location?.lat ?? null, ev.location?.lon ?? null,
        ev.confidence, ev.evidence.text,
      );
      cluster = Number(info.lastInsertRowid);
      created = true;
    }
    const e = ev.evidence;
    const info = this.st('insertEvidence').run(
      cluster, docRowid, ev.id, null, e.text, e.start, e.end,
      e.trigger?.text ?? null, e.trigger?.start ?? null, e.trigger?.end ?? null,
      ev.source?.code ?? null, ev.target?.code ?? null, ev.source?.text ?? null, ev.target?.text ?? null,
      ev.date.value, ev.date.text, ev.date.granularity, ev.date.stated ? 1 : 0,
      ev.rule, ev.confidence, ev.explain.length ? JSON.stringify(ev.explain) : null, ev.transfer ? JSON.stringify(ev.transfer) : null,
    );
    if (info.changes === 0) return null;
    this.st('insertEvidenceFts').run(info.lastInsertRowid, e.text);
    if (ev.transfer) this.st('insertTransfers').run(info.lastInsertRowid);
    this.noteActor(ev.source, cluster);
    this.noteActor(ev.target, cluster);
    return { cluster, created };
  }

  private mergeInto(rowid: number, ev: CodedEvent, span: NonNullable<ReturnType<typeof eventSpan>>): void {
    const c = this.st('clusterForUpdate').get(rowid) as Row;
    const contexts = bracket([...list(c.contexts), ...ev.context]);
    const ploverMode = String(c.plover_mode) || ev.ploverMode;
    const mode = String(c.mode) || ev.mode;
    const hasPlace = c.location_name !== null || c.location_country !== null;
    this.st('updateCluster').run(
      contexts,
      c.cameo ?? ev.cameo,
      ploverMode,
      mode,
      hasPlace ? c.location_name : (ev.location?.name ?? null),
      c.location_country ?? ev.location?.country ?? null,
      ev.location?.lat ?? null,
      ev.location?.lon ?? null,
      Math.max(Number(c.confidence), ev.confidence),
      rowid,
    );
    if (span.precision > Number(c.precision)) {
      this.st('refineDate').run(span.date, ev.date.end ?? null, span.granularity, span.precision, span.lo, span.hi, rowid);
    }
  }

  queryEvents(filter: EventFilter = {}, page: Page = {}): PageResult<EventCluster> {
    const { sql, params } = whereOf(filter);
    const limit = Math.min(Math.max(page.limit ?? 50, 0), MAX_LIMIT);
    const offset = Math.max(page.offset ?? 0, 0);
    return badQuery(filter.text ?? '', () => {
      const total = Number(this.db.prepare(`SELECT count(*) FROM clusters c ${sql}`).pluck().get(...params));
      const rows = this.db.prepare(`SELECT c.* FROM clusters c ${sql} ORDER BY ${ORDER[page.order ?? 'date']} LIMIT ? OFFSET ?`).all(...params, limit, offset) as Row[];
      return { total, items: rows.map(toCluster) };
    });
  }

  private detail(r: Row): EventDetail {
    const evidence = this.db
      .prepare('SELECT e.*, d.id AS doc_id FROM evidence e JOIN documents d ON d.rowid = e.doc WHERE e.cluster = ? ORDER BY d.date, e.rowid')
      .all(r.rowid) as Row[];
    const documents = this.db
      .prepare('SELECT * FROM documents WHERE rowid IN (SELECT doc FROM evidence WHERE cluster = ?) ORDER BY date, rowid')
      .all(r.rowid) as Row[];
    return { ...toCluster(r), documents: documents.map(toDocument), evidence: evidence.map(toEvidence) };
  }

  *iterateEvents(filter: EventFilter = {}): IterableIterator<EventDetail> {
    const { sql, params } = whereOf(filter);
    const ids = this.db.prepare(`SELECT c.rowid FROM clusters c ${sql} ORDER BY c.date NULLS LAST, c.rowid`).pluck().all(...params) as number[];
    const one = this.db.prepare('SELECT * FROM clusters WHERE rowid = ?');
    for (const id of ids) {
      const r = one.get(id) as Row | undefined;
      if (r) yield this.detail(r);
    }
  }

  getEvent(id: string): EventDetail | null {
    const r = this.db.prepare('SELECT * FROM clusters WHERE id = ?').get(id) as Row | undefined;
    return r ? this.detail(r) : null;
  }

  getDocument(id: string): StoredDocument | null {
    const r = this.db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as Row | undefined;
    if (!r) return null;
    const eventIds = this.db
      .prepare('SELECT DISTINCT c.id FROM evidence e JOIN clusters c ON c.rowid = e.cluster WHERE e.doc = ? ORDER BY c.date, c.rowid')
      .pluck()
      .all(r.rowid) as string[];
    return { ...toDocument(r), text: String(r.text), eventIds };
  }

  listActors(q: ActorQuery = {}): PageResult<ActorSummary> {
    const parts: string[] = [];
    const params: unknown[] = [];
    if (q.code) {
      const code = q.code.toUpperCase();
      parts.push(code.length === 3 ? 'a.country = ?' : "a.code LIKE ? || '%'");
      params.push(code);
    }
    if (q.name) {
      parts.push("(a.name LIKE '%' || ? || '%' OR a.code IN (SELECT code FROM actor_names WHERE text LIKE '%' || ? || '%'))");
      params.push(q.name, q.name);
    }
    const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
    const total = Number(this.db.prepare(`SELECT count(*) FROM actors a ${where}`).pluck().get(...params));
    const rows = this.db
      .prepare(
        `SELECT a.*, (SELECT count(*) FROM actor_clusters ac WHERE ac.code = a.code) AS events FROM actors a ${where} ORDER BY a.mentions DESC, a.code LIMIT ? OFFSET ?`,
      )
      .all(...params, Math.min(q.limit ?? 100, MAX_LIMIT), q.offset ?? 0) as Row[];
    const names = this.db.prepare('SELECT text, count FROM actor_names WHERE code = ? ORDER BY count DESC, text LIMIT 10');
    return {
      total,
      items: rows.map((r) => ({
        code: String(r.code),
        country: String(r.country),
        sector: String(r.sector),
        name: str(r.name),
        names: (names.all(r.code) as Row[]).map((n) => ({ text: String(n.text), count: Number(n.count) })),
        mentions: Number(r.mentions),
        events: Number(r.events),
      })),
    };
  }

  aggregate(filter: EventFilter, by: AggregateBy): AggregateRow[] {
    const { sql, params } = whereOf(filter);
    const period = by.period ? periodExpr(by.period) : null;
    // aliases differ from column names: GROUP BY would otherwise bind to the table's columns
    const cols = [
      `${period ?? 'NULL'} AS g_period`,
      `${by.type ? 'c.type' : 'NULL'} AS g_type`,
      `${by.ploverMode ? 'c.plover_mode' : 'NULL'} AS g_mode`,
      `${by.countries ? 'c.source_country' : 'NULL'} AS g_source`,
      `${by.countries ? 'c.target_country' : 'NULL'} AS g_target`,
    ];
    const group = 'g_period, g_type, g_mode, g_source, g_target';
    let where = sql;
    if (period) where = where ? `${where} AND c.date IS NOT NULL` : 'WHERE c.date IS NOT NULL';
    const rows = badQuery(filter.text ?? '', () =>
      this.db.prepare(`SELECT ${cols.join(', ')}, count(*) AS events, sum(c.num_sources) AS sources FROM clusters c ${where} GROUP BY ${group} ORDER BY ${group}`).all(...params),
    ) as Row[];
    return rows.map((r) => ({
      period: str(r.g_period),
      type: (r.g_type ?? null) as Plover | null,
      ploverMode: str(r.g_mode),
      sourceCountry: str(r.g_source),
      targetCountry: str(r.g_target),
      events: Number(r.events),
      sources: Number(r.sources ?? 0),
    }));
  }

  search(query: string, limit = 20): SearchHit[] {
    const q = ftsQuery(query);
    const run = (fts: string) => {
      const docs = this.db
        .prepare(
          `SELECT d.id, d.title, d.date, d.outlet, snippet(documents_fts, -1, '[', ']', '…', 16) AS snip, bm25(documents_fts) AS rank
           FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?`,
        )
        .all(fts, limit) as Row[];
      const ev = this.db
        .prepare(
          `SELECT d.id, d.title, d.date, d.outlet, c.id AS cluster_id, snippet(evidence_fts, 0, '[', ']', '…', 24) AS snip, bm25(evidence_fts) AS rank
           FROM evidence_fts JOIN evidence e ON e.rowid = evidence_fts.rowid JOIN documents d ON d.rowid = e.doc JOIN clusters c ON c.rowid = e.cluster
           WHERE evidence_fts MATCH ? ORDER BY rank LIMIT ?`,
        )
        .all(fts, limit) as Row[];
      return [
        ...docs.map((r) => ({ kind: 'document' as const, docId: String(r.id), eventId: null, title: str(r.title), date: str(r.date), outlet: str(r.outlet), snippet: String(r.snip), rank: Number(r.rank) })),
        ...ev.map((r) => ({ kind: 'evidence' as const, docId: String(r.id), eventId: str(r.cluster_id), title: str(r.title), date: str(r.date), outlet: str(r.outlet), snippet: String(r.snip), rank: Number(r.rank) })),
      ]
        .sort((a, b) => a.rank - b.rank)
        .slice(0, limit);
    };
    return badQuery(query, () => run(q));
  }

  listTransfers(filter: TransferFilter = {}, page: Pick<Page, 'limit' | 'offset'> = {}): PageResult<TransferRecord> {
    return listTransfers(this.db, filter, page);
  }

  transferFlows(filter: TransferFilter = {}): TransferFlow[] {
    return transferFlows(this.db, filter);
  }

  stats(): StoreStats {
    const count = (sql: string) => Number(this.db.prepare(sql).pluck().get());
    let bytes = 0;
    for (const f of [this.location, `${this.location}-wal`]) if (existsSync(f)) bytes += statSync(f).size;
    return {
      documents: count('SELECT count(*) FROM documents'),
      copies: count('SELECT count(*) FROM documents WHERE copy_of IS NOT NULL'),
      clusters: count('SELECT count(*) FROM clusters'),
      evidence: count('SELECT count(*) FROM evidence'),
      actors: count('SELECT count(*) FROM actors'),
      schemaVersion: this.schemaVersion,
      bytes,
    };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

