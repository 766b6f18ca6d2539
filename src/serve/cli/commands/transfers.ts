// entente transfers: the arms-transfer register (who supplies which weapons to whom) from the stored events.
import { join } from 'node:path';
import { WEAPON_CATEGORIES } from '../../../code/load-weapons.js';
import { DATA_DIR, readTsv, UsageError } from '../../../core/index.js';
import { formatIssue } from '../../../ingest/index.js';
import { parseTransferFilter, type TransferFilter, type TransferFlow, type TransferRecord } from '../../../store/index.js';
import type { Command } from '../command.js';
import { type Column, dbOptions, outputTo, parseCount, parseFormat, renderCsv, renderJsonl, renderTable, withStore } from '../format.js';

const HELP = `usage: entente transfers [filters] [options]

Lists the arms transfers found in the stored events (sales, purchases, contracts, deliveries, licensed
production, joint development, donations): one line per deal and weapon system, newest first, with
supplier, recipient, system (canonical name and category), quantity, value, status and expected date.
A deal reported by several documents is one line (the first report's fields; all documents listed).

filters (combine with AND; comma-separated or repeated values combine with OR):
  --supplier X         supplier: country code (TUR), actor code prefix (TURBUS) or company name part (Baykar)
  --recipient X        recipient, same forms
  --category C         weapon category: ${WEAPON_CATEGORIES.join(', ')}
  --status S           discussed, planned, ordered, signed, delivered, in-production, unknown
  --system NAME        part of the system's name (TB2, Patriot)
  --since DATE         transfer date on or after (YYYY-MM-DD, YYYY-MM or YYYY)
  --until DATE         transfer date on or before
  --flagged include|exclude|only   transfers of negated/hypothetical events (default exclude)

options:
  --format table|jsonl|csv   table (default); jsonl: one record per line; csv: a layout close to
                             SIPRI's trade register (columns in docs/transfers.md)
  --flows                    supplier -> recipient totals (deals, lines, quantity, values) instead of lines
  --limit N                  at most N lines (default 50 for a table, all for jsonl and csv; 0 = all)
  --offset N                 skip the first N
  --out FILE                 write to FILE instead of stdout
  --db PATH                  database file (default ./entente.db)

example:
  entente transfers --supplier TUR --recipient POL --category uav --status delivered --since 2024
  entente transfers --format csv --out register.csv
  entente transfers --flows --since 2023`;

let names: Map<string, string> | null = null;

/** Canonical country name of a country-level code (the first name row of data/actors/countries.tsv). */
export function countryName(code: string | null): string {
  if (code === null) return '';
  if (!names) {
    names = new Map();
    for (const r of readTsv(join(DATA_DIR, 'actors', 'countries.tsv'), ['code', 'kind', 'text'])) {
      const c = r.cells.code ?? '';
      if (r.cells.kind === 'name' && !names.has(c)) names.set(c, r.cells.text ?? c);
    }
  }
  return names.get(code) ?? code;
}

const ORDERED = new Set(['ordered', 'signed', 'in-production', 'delivered']);

const party = (p: TransferRecord['supplier']) => [p.country, p.org].filter((x) => x !== null).join(' ') || p.code;

const TABLE: readonly Column<TransferRecord>[] = [
  { header: 'date', get: (r) => r.date },
  { header: 'supplier', get: (r) => party(r.supplier), max: 22 },
  { header: 'recipient', get: (r) => party(r.recipient), max: 22 },
  { header: 'system', get: (r) => r.system.name ?? r.system.text, max: 26 },
  { header: 'category', get: (r) => r.system.category },
  { header: 'qty', get: (r) => r.quantity, right: true },
  { header: 'status', get: (r) => r.status + (r.flagged ? '!' : '') },
  { header: 'value', get: (r) => r.value?.text ?? (r.value ? `${r.value.amount} ${r.value.currency ?? ''}` : null), max: 18 },
  { header: 'expected', get: (r) => r.expected },
  { header: 'reports', get: (r) => r.reports, right: true },
];

/** The SIPRI-like CSV columns (documented in docs/transfers.md). */
export const SIPRI_COLUMNS: readonly Column<TransferRecord>[] = [
  { header: 'Recipient', get: (r) => countryName(r.recipient.country) },
  { header: 'Supplier', get: (r) => countryName(r.supplier.country) },
  { header: 'Year of order/first report', get: (r) => r.date?.slice(0, 4) },
  { header: 'Number ordered', get: (r) => (r.quantity === null ? null : ORDERED.has(r.status) ? r.quantity : `(${r.quantity})`) },
  { header: 'Weapon designation', get: (r) => r.system.name ?? r.system.text },
  { header: 'Weapon description', get: (r) => r.system.category },
  { header: 'Number delivered', get: (r) => (r.status === 'delivered' ? r.quantity : null) },
  { header: 'Year(s) of delivery', get: (r) => (r.status === 'delivered' ? r.date?.slice(0, 4) : r.expected) },
  { header: 'Status', get: (r) => r.status },
  { header: 'Value', get: (r) => r.value?.amount },
  { header: 'Currency', get: (r) => r.value?.currency },
  {
    header: 'Comments',
    get: (r) =>
      [
        r.supplier.org ? `supplier: ${r.supplier.org}` : '',
        r.recipient.org ? `recipient: ${r.recipient.org}` : '',
        r.flagged ? 'negated or hypothetical' : '',
        `evidence: ${r.evidence.text}`,
      ]
        .filter((s) => s !== '')
        .join('; '),
  },
  { header: 'Source documents', get: (r) => r.docIds.join(';') },
  { header: 'Supplier code', get: (r) => r.supplier.code },
  { header: 'Recipient code', get: (r) => r.recipient.code },
  { header: 'Date', get: (r) => r.date },
  { header: 'Event id', get: (r) => r.eventId },
];

const FLOW_COLUMNS: readonly Column<TransferFlow>[] = [
  { header: 'supplier', get: (f) => f.supplier ?? '?' },
  { header: 'recipient', get: (f) => f.recipient ?? '?' },
  { header: 'deals', get: (f) => f.deals, right: true },
  { header: 'lines', get: (f) => f.lines, right: true },
  { header: 'quantity', get: (f) => f.quantity, right: true },
  { header: 'categories', get: (f) => Object.entries(f.categories).map(([k, n]) => `${k || '-'} ${n}`).join('; '), max: 40 },
  { header: 'values', get: (f) => Object.entries(f.values).map(([c, v]) => `${v} ${c}`).join('; '), max: 30 },
  { header: 'first', get: (f) => f.firstDate },
  { header: 'last', get: (f) => f.lastDate },
];

function filterFrom(values: Record<string, unknown>): TransferFilter {
  const parsed = parseTransferFilter(
    {
      supplier: values.supplier as string[] | undefined,
      recipient: values.recipient as string[] | undefined,
      category: values.category as string[] | undefined,
      status: values.status as string[] | undefined,
      system: values.system as string[] | undefined,
      since: values.since as string | undefined,
      until: values.until as string | undefined,
      flagged: values.flagged as string | undefined,
    },
    WEAPON_CATEGORIES,
  );
  if (!parsed.ok) throw new UsageError(parsed.issues.map((i) => formatIssue({ ...i, file: `--${i.field ?? 'filter'}` })).join('; '));
  return parsed.value;
}

export const command: Command = {
  name: 'transfers',
  summary: 'list arms transfers: supplier, recipient, systems, quantities, status (table, jsonl, csv)',
  help: HELP,
  options: {
    ...dbOptions,
    supplier: { type: 'string', multiple: true },
    recipient: { type: 'string', multiple: true },
    category: { type: 'string', multiple: true },
    status: { type: 'string', multiple: true },
    system: { type: 'string', multiple: true },
    since: { type: 'string' },
    until: { type: 'string' },
    flagged: { type: 'string' },
    format: { type: 'string', short: 'f' },
    flows: { type: 'boolean' },
    limit: { type: 'string' },
    offset: { type: 'string' },
    out: { type: 'string', short: 'o' },
  },
  async run({ values, positionals }, io) {
    if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const format = parseFormat(values.format, ['table', 'jsonl', 'csv'] as const, 'table');
    const filter = filterFrom(values);
    const limit = parseCount(values.limit, 'limit', format === 'table' ? 50 : 0) || Number.MAX_SAFE_INTEGER;
    const offset = parseCount(values.offset, 'offset', 0);
    return withStore(values, io, (store) => {
      const out = outputTo(values, io);
      try {
        if (values.flows === true) {
          const flows = store.transferFlows(filter).slice(offset, offset + limit);
          out.write(format === 'jsonl' ? renderJsonl(flows) : format === 'csv' ? renderCsv(FLOW_COLUMNS, flows) : renderTable(FLOW_COLUMNS, flows));
          if (format === 'table') io.stderr.write(`${flows.length} supplier -> recipient flows\n`);
          return 0;
        }
        const page = store.listTransfers(filter, { limit: Math.min(limit, 10_000), offset });
        let items = page.items;
        // past the store's page size, read on page by page
        while (items.length < Math.min(limit, page.total - offset) && page.items.length > 0) {
          const more = store.listTransfers(filter, { limit: Math.min(limit - items.length, 10_000), offset: offset + items.length }).items;
          if (more.length === 0) break;
          items = [...items, ...more];
        }
        if (format === 'jsonl') out.write(renderJsonl(items));
        else if (format === 'csv') out.write(renderCsv(SIPRI_COLUMNS, items));
        else {
          out.write(renderTable(TABLE, items));
          io.stderr.write(`${items.length} of ${page.total} transfer lines${page.total > offset + items.length ? ' (more with --limit/--offset)' : ''}\n`);
        }
        return 0;
      } finally {
        out.close();
      }
    });
  },
};
