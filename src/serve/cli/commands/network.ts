// entente network: the weighted actor graph of the stored events (table, JSON, GraphML, GEXF).
import { type NetworkEdge, network, networkToGexf, networkToGraphml } from '../../../analyze/index.js';
import type { Command } from '../command.js';
import { type Column, dbOptions, FILTER_HELP, filterFrom, filterOptions, outputTo, parseCount, parseFormat, renderCsv, renderTable, withStore } from '../format.js';

const HELP = `usage: entente network [filters] [options]

Builds the actor graph: country-level actors are nodes, the event clusters between two actors an
edge weighted by their number, split into cooperation and conflict (PLOVER quads), with the sum of
PLOVER scores. Negated and hypothetical events are left out (--flagged include to count them).

${FILTER_HELP}

options:
  --format table|csv|json|graphml|gexf   table of edges (default), csv of edges, one JSON object
                             {directed, nodes, edges}, or GraphML / GEXF (open in Gephi)
  --directed                 keep direction (source -> target); default one edge per pair
  --min-weight N             drop edges with fewer events (default 1)
  --out FILE                 write there instead of stdout
  --db PATH                  database file (default ./entente.db)

example:
  entente network --since 2024-01-01 --context military --format gexf --out military.gexf`;

const COLUMNS: readonly Column<NetworkEdge>[] = [
  { header: 'source', get: (e) => e.source },
  { header: 'target', get: (e) => e.target },
  { header: 'weight', get: (e) => e.weight, right: true },
  { header: 'coop', get: (e) => e.cooperation, right: true },
  { header: 'conflict', get: (e) => e.conflict, right: true },
  { header: 'score', get: (e) => e.score, right: true },
  { header: 'types', get: (e) => Object.entries(e.types).map(([t, n]) => `${t}:${n}`).join(' '), max: 60 },
];

export const command: Command = {
  name: 'network',
  summary: 'weighted actor graph (table, json, GraphML, GEXF)',
  help: HELP,
  options: {
    ...dbOptions,
    ...filterOptions,
    format: { type: 'string', short: 'f' },
    'min-weight': { type: 'string' },
    out: { type: 'string', short: 'o' },
  },
  async run({ values }, io) {
    const format = parseFormat(values.format, ['table', 'csv', 'json', 'graphml', 'gexf'] as const, 'table');
    const minWeight = parseCount(values['min-weight'], 'min-weight', 1);
    // --directed belongs to the graph here, not to a --dyad filter
    const filter = filterFrom({ ...values, directed: values.dyad ? values.directed : undefined });
    return withStore(values, io, (store) => {
      const net = network(store, filter, { directed: values.directed === true, minWeight });
      const out = outputTo(values, io);
      try {
        if (format === 'graphml') out.write(networkToGraphml(net));
        else if (format === 'gexf') out.write(networkToGexf(net));
        else if (format === 'json') out.write(`${JSON.stringify(net)}\n`);
        else if (format === 'csv') out.write(renderCsv(COLUMNS, net.edges));
        else out.write(renderTable(COLUMNS, net.edges));
      } finally {
        out.close();
      }
      io.stderr.write(`${net.nodes.length} actors, ${net.edges.length} edges\n`);
      return 0;
    });
  },
};
