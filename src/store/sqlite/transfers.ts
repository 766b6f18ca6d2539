// the transfers table on SQLite: rows written from evidence.transfer at ingest, the register and the flows.
import type Database from 'better-sqlite3';
import type { Plover } from '../../core/index.js';
import type { PageResult, TransferFilter, TransferFlow, TransferRecord, TransferStatus } from '../core/index.js';

type Row = Record<string, unknown>;

const MAX_LIMIT = 10_000;

/**
 * Writes the transfer rows of one evidence row (one per weapon system; one row without a system for
 * a deal that names none) from its `transfer` JSON. Same SQL as the backfill of schema migration 2.
 */
export const INSERT_TRANSFERS_SQL = `INSERT OR IGNORE INTO transfers (evidence, cluster, doc, line, date,
  supplier_code, supplier_country, supplier_org, recipient_code, recipient_country, recipient_org,
  system_text, system_name, category, quantity, value_amount, currency, value_text, status, expected, text, start, end)
SELECT e.rowid, e.cluster, e.doc, coalesce(s.key, 0), coalesce(e.date, d.date),
  json_extract(e.transfer, '$.supplier.code'), json_extract(e.transfer, '$.supplier.country'), json_extract(e.transfer, '$.supplierOrg'),
  json_extract(e.transfer, '$.recipient.code'), json_extract(e.transfer, '$.recipient.country'), json_extract(e.transfer, '$.recipientOrg'),
  json_extract(s.value, '$.text'), json_extract(s.value, '$.name'), json_extract(s.value, '$.category'), json_extract(s.value, '$.quantity'),
  json_extract(e.transfer, '$.value.amount'), json_extract(e.transfer, '$.value.currency'), json_extract(e.transfer, '$.value.text'),
  coalesce(json_extract(e.transfer, '$.status'), 'unknown'), json_extract(e.transfer, '$.expected'), e.text, e.start, e.end
FROM evidence e JOIN documents d ON d.rowid = e.doc LEFT JOIN json_each(e.transfer, '$.systems') s
WHERE e.rowid = ? AND e.transfer IS NOT NULL AND json_valid(e.transfer)
ORDER BY s.key`;

function str(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

function num(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

/** WHERE clause over `transfers t JOIN clusters c`. */
export function transferWhere(f: TransferFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const party = (side: 'supplier' | 'recipient', vals: readonly string[] | undefined) => {
    if (!vals?.length) return;
    const ors: string[] = [];
    for (const v of vals) {
      if (/^[A-Z-]{3}$/.test(v)) {
        ors.push(`t.${side}_country = ?`);
        params.push(v);
      } else {
        ors.push(`t.${side}_code LIKE ? || '%' OR t.${side}_org LIKE '%' || ? || '%'`);
        params.push(v, v);
      }
    }
    parts.push(`(${ors.join(' OR ')})`);
  };
  party('supplier', f.suppliers);
  party('recipient', f.recipients);
  if (f.categories?.length) {
    parts.push(`t.category IN (${f.categories.map(() => '?').join(',')})`);
    params.push(...f.categories);
  }
  if (f.statuses?.length) {
    parts.push(`t.status IN (${f.statuses.map(() => '?').join(',')})`);
    params.push(...f.statuses);
  }
  if (f.systems?.length) {
    parts.push(`(${f.systems.map(() => "t.system_name LIKE '%' || ? || '%' OR t.system_text LIKE '%' || ? || '%'").join(' OR ')})`);
    for (const s of f.systems) params.push(s, s);
  }
  if (f.since) {
    parts.push('t.date >= ?');
    params.push(f.since);
  }
  if (f.until) {
    parts.push('t.date <= ?');
    params.push(f.until);
  }
  const flagged = f.flagged ?? 'exclude';
  if (flagged === 'exclude') parts.push('c.flagged = 0');
  else if (flagged === 'only') parts.push('c.flagged = 1');
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const GROUP = "t.cluster, coalesce(t.system_name, '')";

/**
 * The register lines: matching rows grouped by (cluster, system name); each line shows its first
 * report (lowest rowid), with the number of reports behind it and the largest quantity given.
 */
function linesSql(where: string): string {
  return `WITH g AS (
    SELECT min(t.rowid) AS first, count(*) AS reports, max(t.quantity) AS max_quantity
    FROM transfers t JOIN clusters c ON c.rowid = t.cluster ${where} GROUP BY ${GROUP}
  )
  SELECT t.*, c.id AS event_id, c.type AS event_type, c.flagged AS flagged, d.id AS doc_id, g.reports, g.max_quantity
  FROM g JOIN transfers t ON t.rowid = g.first JOIN clusters c ON c.rowid = t.cluster JOIN documents d ON d.rowid = t.doc`;
}

function toRecord(r: Row, docIds: readonly string[]): TransferRecord {
  const amount = num(r.value_amount);
  return {
    eventId: String(r.event_id),
    eventType: r.event_type as Plover,
    flagged: r.flagged === 1,
    date: str(r.date),
    supplier: { country: str(r.supplier_country), code: str(r.supplier_code), org: str(r.supplier_org) },
    recipient: { country: str(r.recipient_country), code: str(r.recipient_code), org: str(r.recipient_org) },
    system: { text: str(r.system_text), name: str(r.system_name), category: str(r.category) },
    quantity: num(r.quantity) ?? num(r.max_quantity),
    value: amount === null ? null : { amount, currency: str(r.currency), text: str(r.value_text) },
    status: String(r.status) as TransferStatus,
    expected: str(r.expected),
    evidence: { docId: String(r.doc_id), text: String(r.text), start: num(r.start), end: num(r.end) },
    docIds,
    reports: Number(r.reports),
  };
}

export function listTransfers(db: Database.Database, filter: TransferFilter = {}, page: { limit?: number; offset?: number } = {}): PageResult<TransferRecord> {
  const { sql, params } = transferWhere(filter);
  const limit = Math.min(Math.max(page.limit ?? 50, 0), MAX_LIMIT);
  const offset = Math.max(page.offset ?? 0, 0);
  const total = Number(db.prepare(`SELECT count(*) FROM (SELECT 1 FROM transfers t JOIN clusters c ON c.rowid = t.cluster ${sql} GROUP BY ${GROUP})`).pluck().get(...params));
  const rows = db.prepare(`${linesSql(sql)} ORDER BY t.date DESC NULLS LAST, t.rowid DESC LIMIT ? OFFSET ?`).all(...params, limit, offset) as Row[];
  // the documents behind each line of the page (the matching reports only), oldest first
  const docs = db.prepare(
    `SELECT DISTINCT d.id FROM transfers t JOIN clusters c ON c.rowid = t.cluster JOIN documents d ON d.rowid = t.doc
     ${sql ? `${sql} AND` : 'WHERE'} t.cluster = ? AND coalesce(t.system_name, '') = ? ORDER BY d.date, t.rowid`,
  );
  const items = rows.map((r) => toRecord(r, docs.pluck().all(...params, r.cluster, r.system_name ?? '') as string[]));
  return { total, items };
}

export function transferFlows(db: Database.Database, filter: TransferFilter = {}): TransferFlow[] {
  const { sql, params } = transferWhere(filter);
  const rows = db.prepare(`${linesSql(sql)} ORDER BY t.rowid`).all(...params) as Row[];
  interface Acc {
    supplier: string | null;
    recipient: string | null;
    deals: Set<string>;
    lines: number;
    quantity: number;
    categories: Record<string, number>;
    statuses: Record<string, number>;
    dealValues: Map<string, { currency: string; amount: number }>;
    firstDate: string | null;
    lastDate: string | null;
  }
  const flows = new Map<string, Acc>();
  for (const row of rows) {
    const r = toRecord(row, []);
    const key = `${r.supplier.country ?? ''}>${r.recipient.country ?? ''}`;
    let a = flows.get(key);
    if (!a) {
      a = { supplier: r.supplier.country, recipient: r.recipient.country, deals: new Set(), lines: 0, quantity: 0, categories: {}, statuses: {}, dealValues: new Map(), firstDate: null, lastDate: null };
      flows.set(key, a);
    }
    a.deals.add(r.eventId);
    a.lines++;
    a.quantity += r.quantity ?? 0;
    const cat = r.system.category ?? '';
    a.categories[cat] = (a.categories[cat] ?? 0) + 1;
    a.statuses[r.status] = (a.statuses[r.status] ?? 0) + 1;
    if (r.value && !a.dealValues.has(r.eventId)) a.dealValues.set(r.eventId, { currency: r.value.currency ?? '', amount: r.value.amount });
    if (r.date) {
      if (a.firstDate === null || r.date < a.firstDate) a.firstDate = r.date;
      if (a.lastDate === null || r.date > a.lastDate) a.lastDate = r.date;
    }
  }
  return [...flows.values()]
    .map((a): TransferFlow => {
      const values: Record<string, number> = {};
      for (const v of a.dealValues.values()) values[v.currency] = (values[v.currency] ?? 0) + v.amount;
      return {
        supplier: a.supplier,
        recipient: a.recipient,
        deals: a.deals.size,
        lines: a.lines,
        quantity: a.quantity,
        categories: a.categories,
        statuses: a.statuses,
        values,
        firstDate: a.firstDate,
        lastDate: a.lastDate,
      };
    })
    .sort((x, y) => y.deals - x.deals || y.quantity - x.quantity || `${x.supplier}>${x.recipient}`.localeCompare(`${y.supplier}>${y.recipient}`));
}
