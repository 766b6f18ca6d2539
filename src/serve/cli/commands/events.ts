// entente events: list event clusters that match filters, as a table, JSONL (with documents and evidence) or CSV.
import { CSV_COLUMNS, csvRecord } from '../../../analyze/index.js';
import type { EventCluster, EventDetail } from '../../../store/index.js';
import type { Command } from '../command.js';
import { type Column, dbOptions, FILTER_HELP, filterFrom, filterOptions, parseCount, parseFormat, renderCsv, renderTable, withStore } from '../format.js';

const HELP = `usage: entente events [filters] [options]

Lists event clusters (one real-world event with all the documents that report it), newest first.

${FILTER_HELP}

options:
  --format table|jsonl|csv   table (default); jsonl: one cluster per line with its documents and
                             evidence; csv: the export's CSV columns (docs/store.md)
  --limit N                  at most N clusters (default 50; 0 = all)
  --offset N                 skip the first N
  --order date|sources|reported   newest event, most outlets, or latest report first (default date)
  --db PATH                  database file (default ./entente.db)

example:
  entente events --dyad AZE,TUR --type CONSULT,AGREE --since 2024-01 --min-sources 2
  entente events --actor AZE --context military --format jsonl > aze-military.jsonl`;

const COLUMNS: readonly Column<EventCluster>[] = [
  { header: 'id', get: (e) => e.id },
  { header: 'date', get: (e) => e.date },
  { header: 'type', get: (e) => e.type },
  { header: 'mode', get: (e) => e.mode + (e.flagged ? '!' : '') },
  { header: 'source', get: (e) => e.source?.code },
  { header: 'target', get: (e) => e.target?.code },
  { header: 'docs', get: (e) => e.numDocuments, right: true },
  { header: 'srcs', get: (e) => e.numSources, right: true },
  { header: 'evidence', get: (e) => e.text, max: 70 },
];

export const command: Command = {
  name: 'events',
  summary: 'list event clusters matching filters (table, jsonl, csv)',
  help: HELP,
  options: {
    ...dbOptions,
    ...filterOptions,
    format: { type: 'string', short: 'f' },
    limit: { type: 'string' },
    offset: { type: 'string' },
    order: { type: 'string' },
  },
  async run({ values }, io) {
    const format = parseFormat(values.format, ['table', 'jsonl', 'csv'] as const, 'table');
    const order = parseFormat(values.order, ['date', 'sources', 'reported'] as const, 'date');
    const filter = filterFrom(values);
    const limit = parseCount(values.limit, 'limit', 50) || Number.MAX_SAFE_INTEGER;
    const offset = parseCount(values.offset, 'offset', 0);
    return withStore(values, io, (store) => {
      const page = store.queryEvents(filter, { limit: Math.min(limit, 1_000_000), offset, order });
      if (format === 'table') {
        io.stdout.write(renderTable(COLUMNS, page.items));
        io.stderr.write(`${page.items.length} of ${page.total} event clusters${page.total > offset + page.items.length ? ' (more with --limit/--offset)' : ''}\n`);
        return 0;
      }
      const details = page.items.map((e) => store.getEvent(e.id)).filter((d): d is EventDetail => d !== null);
      if (format === 'jsonl') for (const d of details) io.stdout.write(`${JSON.stringify(d)}\n`);
      else io.stdout.write(renderCsv(CSV_COLUMNS.map((h, i) => ({ header: h, get: (r: unknown[]) => r[i] })), details.map(csvRecord)));
      return 0;
    });
  },
};
