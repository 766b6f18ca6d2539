// entente search: full-text search (FTS5) over document titles and texts and over evidence sentences.
import { UsageError } from '../../../core/index.js';
import type { SearchHit } from '../../../store/index.js';
import type { Command } from '../command.js';
import { type Column, dbOptions, parseCount, parseFormat, withStore, writeRows } from '../format.js';

const HELP = `usage: entente search <query> [options]

Searches document titles and texts and the evidence sentences of events (SQLite FTS5, ranked by
bm25). Plain words must all occur; FTS5 syntax works too: "exact phrase", OR, NOT, prefix*.
Evidence hits name their event cluster (see it with \`entente events --format jsonl\`).

options:
  --limit N                  at most N hits (default 20)
  --format table|jsonl|csv   output format (default table)
  --db PATH                  database file (default ./entente.db)

example:
  entente search "memorandum" --limit 10
  entente search '"defense industry" AND drone*'`;

const COLUMNS: readonly Column<SearchHit>[] = [
  { header: 'kind', get: (h) => h.kind },
  { header: 'doc', get: (h) => h.docId, max: 24 },
  { header: 'event', get: (h) => h.eventId },
  { header: 'date', get: (h) => h.date },
  { header: 'outlet', get: (h) => h.outlet, max: 20 },
  { header: 'snippet', get: (h) => h.snippet, max: 90 },
];

export const command: Command = {
  name: 'search',
  summary: 'full-text search over documents and evidence',
  help: HELP,
  options: {
    ...dbOptions,
    limit: { type: 'string' },
    format: { type: 'string', short: 'f' },
  },
  async run({ values, positionals }, io) {
    const query = positionals.join(' ').trim();
    if (!query) throw new UsageError('give a search query, e.g. entente search memorandum');
    const format = parseFormat(values.format, ['table', 'jsonl', 'csv'] as const, 'table');
    const limit = parseCount(values.limit, 'limit', 20);
    return withStore(values, io, (store) => {
      const hits = store.search(query, limit);
      writeRows(io.stdout, format, COLUMNS, hits);
      if (format === 'table') io.stderr.write(`${hits.length} hits\n`);
      return 0;
    });
  },
};
