// versioned SQLite schema: migration N brings a database from version N-1 to N (PRAGMA user_version).
import type Database from 'better-sqlite3';
import { EntenteError } from '../../core/index.js';
import { APPLICATION_ID, plannedMigrations, SCHEMA_VERSION } from '../core/index.js';

/** The SQL of each schema version, in order. Never edit a released entry: add a new one. */
export const MIGRATIONS: readonly { readonly version: number; readonly name: string; readonly sql: string }[] = [
  {
    version: 1,
    name: 'documents, actors, event clusters, evidence, near-copy bands, full-text indexes',
    sql: `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE documents (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  url TEXT,
  outlet TEXT,
  title TEXT,
  date TEXT,
  language TEXT,
  text_hash TEXT NOT NULL,
  text TEXT NOT NULL,
  minhash BLOB,
  copy_of TEXT,
  num_events INTEGER NOT NULL DEFAULT 0,
  ingested_at TEXT NOT NULL
);
CREATE INDEX documents_text_hash ON documents(text_hash);
CREATE INDEX documents_date ON documents(date);

CREATE TABLE doc_bands (
  band_key INTEGER NOT NULL,
  doc INTEGER NOT NULL,
  PRIMARY KEY (band_key, doc)
) WITHOUT ROWID;

CREATE TABLE actors (
  code TEXT PRIMARY KEY,
  country TEXT NOT NULL,
  sector TEXT NOT NULL,
  name TEXT,
  mentions INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE actor_names (
  code TEXT NOT NULL,
  text TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (code, text)
) WITHOUT ROWID;
CREATE TABLE actor_clusters (
  code TEXT NOT NULL,
  cluster INTEGER NOT NULL,
  PRIMARY KEY (code, cluster)
) WITHOUT ROWID;

CREATE TABLE clusters (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  merge_key TEXT,
  type TEXT NOT NULL,
  cameo TEXT,
  mode TEXT NOT NULL,
  plover_mode TEXT NOT NULL,
  aux TEXT NOT NULL,
  flagged INTEGER NOT NULL,
  contexts TEXT NOT NULL,
  source_code TEXT, source_country TEXT, source_sector TEXT, source_name TEXT,
  target_code TEXT, target_country TEXT, target_sector TEXT, target_name TEXT,
  date TEXT,
  date_end TEXT,
  granularity TEXT NOT NULL,
  precision INTEGER NOT NULL,
  day_lo INTEGER,
  day_hi INTEGER,
  location_name TEXT, location_country TEXT, lat REAL, lon REAL,
  confidence REAL NOT NULL,
  num_documents INTEGER NOT NULL DEFAULT 0,
  num_sources INTEGER NOT NULL DEFAULT 0,
  num_mentions INTEGER NOT NULL DEFAULT 0,
  first_reported TEXT,
  last_reported TEXT,
  text TEXT NOT NULL
);
CREATE INDEX clusters_merge ON clusters(merge_key, day_lo);
CREATE INDEX clusters_source ON clusters(source_country, target_country, date);
CREATE INDEX clusters_target ON clusters(target_country, source_country, date);
CREATE INDEX clusters_date ON clusters(date);
CREATE INDEX clusters_type ON clusters(type, date);

CREATE TABLE evidence (
  rowid INTEGER PRIMARY KEY,
  cluster INTEGER NOT NULL,
  doc INTEGER NOT NULL,
  event_id TEXT NOT NULL,
  via_copy_of TEXT,
  text TEXT NOT NULL,
  start INTEGER,
  end INTEGER,
  trigger TEXT,
  trigger_start INTEGER,
  trigger_end INTEGER,
  source_code TEXT, target_code TEXT, source_text TEXT, target_text TEXT,
  date TEXT,
  date_text TEXT,
  date_granularity TEXT,
  date_stated INTEGER,
  rule TEXT NOT NULL,
  confidence REAL NOT NULL,
  explain TEXT,
  transfer TEXT,
  UNIQUE (doc, event_id)
);
CREATE INDEX evidence_cluster ON evidence(cluster);

CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE evidence_fts USING fts5(text, content='evidence', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2');
`,
  },
  {
    version: 2,
    name: 'arms transfers: one row per (evidence row, weapon system), filled from evidence.transfer',
    sql: `
CREATE TABLE transfers (
  rowid INTEGER PRIMARY KEY,
  evidence INTEGER NOT NULL,
  cluster INTEGER NOT NULL,
  doc INTEGER NOT NULL,
  line INTEGER NOT NULL,
  date TEXT,
  supplier_code TEXT, supplier_country TEXT, supplier_org TEXT,
  recipient_code TEXT, recipient_country TEXT, recipient_org TEXT,
  system_text TEXT, system_name TEXT, category TEXT, quantity INTEGER,
  value_amount REAL, currency TEXT, value_text TEXT,
  status TEXT NOT NULL,
  expected TEXT,
  text TEXT NOT NULL,
  start INTEGER,
  end INTEGER,
  UNIQUE (evidence, line)
);
CREATE INDEX transfers_pair ON transfers(supplier_country, recipient_country, date);
CREATE INDEX transfers_recipient ON transfers(recipient_country, date);
CREATE INDEX transfers_cluster ON transfers(cluster, system_name);
CREATE INDEX transfers_date ON transfers(date);

INSERT INTO transfers (evidence, cluster, doc, line, date,
  supplier_code, supplier_country, supplier_org, recipient_code, recipient_country, recipient_org,
  system_text, system_name, category, quantity, value_amount, currency, value_text, status, expected, text, start, end)
SELECT e.rowid, e.cluster, e.doc, coalesce(s.key, 0), coalesce(e.date, d.date),
  json_extract(e.transfer, '$.supplier.code'), json_extract(e.transfer, '$.supplier.country'), json_extract(e.transfer, '$.supplierOrg'),
  json_extract(e.transfer, '$.recipient.code'), json_extract(e.transfer, '$.recipient.country'), json_extract(e.transfer, '$.recipientOrg'),
  json_extract(s.value, '$.text'), json_extract(s.value, '$.name'), json_extract(s.value, '$.category'), json_extract(s.value, '$.quantity'),
  json_extract(e.transfer, '$.value.amount'), json_extract(e.transfer, '$.value.currency'), json_extract(e.transfer, '$.value.text'),
  coalesce(json_extract(e.transfer, '$.status'), 'unknown'), json_extract(e.transfer, '$.expected'), e.text, e.start, e.end
FROM evidence e JOIN documents d ON d.rowid = e.doc LEFT JOIN json_each(e.transfer, '$.systems') s
WHERE e.transfer IS NOT NULL AND json_valid(e.transfer)
ORDER BY e.rowid, s.key;
`,
  },
  {
    version: 3,
    name: 'feeds and feed items polled by entente watch',
    sql: `
CREATE TABLE IF NOT EXISTS feeds (
  url TEXT PRIMARY KEY,
  title TEXT,
  etag TEXT,
  last_modified TEXT,
  last_polled TEXT,
  last_status TEXT,
  last_error TEXT,
  polls INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS feed_items (
  feed TEXT NOT NULL,
  key TEXT NOT NULL,
  link TEXT,
  doc_id TEXT,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 1,
  error TEXT,
  first_seen TEXT NOT NULL,
  fetched_at TEXT NOT NULL,
  PRIMARY KEY (feed, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS feed_items_link ON feed_items(link);
`,
  },
];

function pragmaNumber(db: Database.Database, name: string): number {
  return Number(db.pragma(name, { simple: true }));
}

/**
 * Checks the database's identity and version, then applies the missing migrations, each in its own
 * transaction (a crash leaves the previous version). Read-only handles only check.
 */
export function migrate(db: Database.Database, location: string, readonly: boolean): number {
  let found: { version: number; applicationId: number; hasTables: boolean };
  try {
    found = {
      version: pragmaNumber(db, 'user_version'),
      applicationId: pragmaNumber(db, 'application_id'),
      hasTables: Number(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get()) > 0,
    };
  } catch (e) {
    throw new EntenteError('schema', `${location} is not a SQLite database (${(e as Error).message}); give another --db path`, { cause: e });
  }
  const todo = plannedMigrations({ location, ...found });
  if (todo.length === 0) return found.version;
  if (readonly) {
    if (found.version === 0) throw new EntenteError('no-db', `${location} holds no entente database yet; run \`entente ingest\` first`);
    throw new EntenteError('schema', `${location} has schema version ${found.version}, older than ${SCHEMA_VERSION}; run a writing command (entente ingest) once to migrate it`);
  }
  for (const v of todo) {
    const m = MIGRATIONS.find((x) => x.version === v);
    if (!m) throw new EntenteError('schema', `no migration to schema version ${v}`);
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(`migration.${v}`, `${m.name} @ ${new Date().toISOString()}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${v}`);
    })();
  }
  return SCHEMA_VERSION;
}
