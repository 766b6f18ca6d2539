// entente export: events as PLOVER JSONL, CSV or a GDELT-like TSV; the network as GraphML or GEXF.
import { exportEvents, network, networkToGexf, networkToGraphml } from '../../../analyze/index.js';
import type { Command } from '../command.js';
import { dbOptions, FILTER_HELP, filterFrom, filterOptions, outputTo, parseFormat, withStore } from '../format.js';

const HELP = `usage: entente export --format plover|csv|gdelt|graphml|gexf [filters] [--out FILE]

Writes the event clusters matching the filters (oldest first), or their actor network:
  plover    JSONL, one PLOVER record per cluster (actor, recipient, event, mode, context,
            event_loc, text_info, cite_info with every reporting document, plus num_sources, ...)
  csv       one row per cluster, header row; columns in docs/store.md
  gdelt     tab-separated, header row, GDELT-style column names (SQLDATE, Actor1Code, EventCode,
            QuadClass, NumSources, ...; PloverScore in place of GoldsteinScale); docs/store.md
  graphml   the actor network (as \`entente network\`) in GraphML
  gexf      the actor network in GEXF 1.3 (Gephi)

${FILTER_HELP}

options:
  --format F      one of the formats above (default plover)
  --out FILE      write there instead of stdout
  --db PATH       database file (default ./entente.db)

example:
  entente export --format gdelt --since 2024-01-01 --out events.tsv
  entente export --format plover --dyad AZE,TUR > aze-tur.jsonl`;

export const command: Command = {
  name: 'export',
  summary: 'export events (PLOVER JSONL, CSV, GDELT-like TSV) or the network (GraphML, GEXF)',
  help: HELP,
  options: {
    ...dbOptions,
    ...filterOptions,
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
  },
  async run({ values }, io) {
    const format = parseFormat(values.format, ['plover', 'csv', 'gdelt', 'graphml', 'gexf'] as const, 'plover');
    const filter = filterFrom(values);
    return withStore(values, io, (store) => {
      const out = outputTo(values, io);
      let n = 0;
      try {
        if (format === 'graphml' || format === 'gexf') {
          const net = network(store, filter);
          out.write(format === 'graphml' ? networkToGraphml(net) : networkToGexf(net));
          n = net.edges.length;
        } else n = exportEvents(store, filter, format, out.write);
      } finally {
        out.close();
      }
      io.stderr.write(`exported ${n} ${format === 'graphml' || format === 'gexf' ? 'edges' : 'event clusters'}\n`);
      return 0;
    });
  },
};
