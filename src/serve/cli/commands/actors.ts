// entente actors: who appears in the store, how often, under which names.
import type { ActorSummary } from '../../../store/index.js';
import type { Command } from '../command.js';
import { type Column, dbOptions, parseCount, parseFormat, withStore, writeRows } from '../format.js';

const HELP = `usage: entente actors [options]

Lists the actors of the stored events (full codes such as AZEMIL), most mentioned first, with the
number of evidence sentences naming them, the number of event clusters they are part of, and the
words documents used for them.

options:
  --code CODE                country-level code (AZE) or code prefix (AZEGOV)
  --name TEXT                part of a canonical name or of a name seen
  --limit N                  at most N actors (default 100)
  --offset N                 skip the first N
  --format table|jsonl|csv   output format (default table)
  --db PATH                  database file (default ./entente.db)

example:
  entente actors --code TUR --limit 20`;

const COLUMNS: readonly Column<ActorSummary>[] = [
  { header: 'code', get: (a) => a.code },
  { header: 'name', get: (a) => a.name, max: 30 },
  { header: 'mentions', get: (a) => a.mentions, right: true },
  { header: 'events', get: (a) => a.events, right: true },
  { header: 'names seen', get: (a) => a.names.map((n) => `${n.text} (${n.count})`).join('; '), max: 60 },
];

export const command: Command = {
  name: 'actors',
  summary: 'list actors: codes, how often they appear, names seen',
  help: HELP,
  options: {
    ...dbOptions,
    code: { type: 'string' },
    name: { type: 'string' },
    limit: { type: 'string' },
    offset: { type: 'string' },
    format: { type: 'string', short: 'f' },
  },
  async run({ values }, io) {
    const format = parseFormat(values.format, ['table', 'jsonl', 'csv'] as const, 'table');
    const limit = parseCount(values.limit, 'limit', 100);
    const offset = parseCount(values.offset, 'offset', 0);
    return withStore(values, io, (store) => {
      const page = store.listActors({
        ...(typeof values.code === 'string' ? { code: values.code } : {}),
        ...(typeof values.name === 'string' ? { name: values.name } : {}),
        limit,
        offset,
      });
      writeRows(io.stdout, format, COLUMNS, page.items);
      if (format === 'table') io.stderr.write(`${page.items.length} of ${page.total} actors\n`);
      return 0;
    });
  },
};
