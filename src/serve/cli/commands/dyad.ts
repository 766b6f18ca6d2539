// entente dyad A B: event counts per type per period between two actors, with a cooperation-conflict score.
import { type DyadPeriod, dyadSeries } from '../../../analyze/index.js';
import { PLOVER_TYPES, UsageError } from '../../../core/index.js';
import type { Period } from '../../../store/index.js';
import type { Command } from '../command.js';
import { type Column, dbOptions, filterFrom, filterOptions, parseFormat, withStore, writeRows } from '../format.js';

const HELP = `usage: entente dyad <A> <B> [--by day|week|month|quarter|year] [filters] [options]

Counts the event clusters between two country-level actors (both directions) per period and PLOVER
type, with per period: cooperation and conflict counts (PLOVER quads), the sum of the PLOVER scores
of the events (type + mode, data/ontology/scores.tsv; -10 conflict .. +10 cooperation) and their
mean. Negated and hypothetical events are left out (--flagged include to count them). Periods with
no events between the first and the last are listed with zeros.

options:
  --by PERIOD                day, week (Monday), month (default), quarter, year
  --type, --context, --since, --until, --mode, --min-sources, --text, --flagged   as in \`entente events\`
  --format table|jsonl|csv   output format (default table; jsonl: one period per line)
  --db PATH                  database file (default ./entente.db)

example:
  entente dyad AZE TUR --by month --since 2024-01 --until 2024-12`;

const PERIODS = ['day', 'week', 'month', 'quarter', 'year'] as const;

export const command: Command = {
  name: 'dyad',
  summary: 'counts per type per period between two actors, with PLOVER scores',
  help: HELP,
  options: {
    ...dbOptions,
    ...filterOptions,
    by: { type: 'string' },
    format: { type: 'string', short: 'f' },
  },
  async run({ values, positionals }, io) {
    if (positionals.length !== 2) throw new UsageError('give two country-level actor codes, e.g. entente dyad AZE TUR');
    const [a, b] = positionals.map((p) => p.toUpperCase()) as [string, string];
    for (const x of [a, b]) if (!/^[A-Z-]{3}$/.test(x)) throw new UsageError(`'${x}' is not a three-letter country-level code`);
    const by: Period = parseFormat(values.by, PERIODS, 'month');
    const format = parseFormat(values.format, ['table', 'jsonl', 'csv'] as const, 'table');
    const filter = filterFrom(values);
    return withStore(values, io, (store) => {
      const series = dyadSeries(store, a, b, by, filter);
      const types = PLOVER_TYPES.filter((t) => series.total.counts[t]);
      const columns: Column<DyadPeriod>[] = [
        { header: 'period', get: (p) => p.period },
        { header: 'events', get: (p) => p.events, right: true },
        { header: 'coop', get: (p) => p.cooperation, right: true },
        { header: 'conflict', get: (p) => p.conflict, right: true },
        { header: 'score', get: (p) => p.score, right: true },
        { header: 'mean', get: (p) => p.meanScore, right: true },
        ...types.map((t) => ({ header: t, get: (p: DyadPeriod) => p.counts[t] ?? 0, right: true })),
      ];
      writeRows(io.stdout, format, columns, series.periods, (p) => ({ a, b, by, ...p }));
      if (format === 'table') {
        const t = series.total;
        io.stderr.write(`${a}-${b}: ${t.events} events (${t.cooperation} cooperation, ${t.conflict} conflict), score ${t.score}, mean ${t.meanScore ?? '-'}\n`);
      }
      return 0;
    });
  },
};
