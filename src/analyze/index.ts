// analysis over the store (through the Store interface only): PLOVER scores, dyad series, actor networks, exports.
export { loadScores, eventScore, quadOf, isCooperation, type Quad, type ScoreTable } from './scores.js';
export { dyadSeries, type DyadSeries, type DyadPeriod } from './dyads.js';
export { network, type Network, type NetworkNode, type NetworkEdge, type NetworkOptions } from './network.js';
export {
  EVENT_EXPORT_FORMATS,
  type EventExportFormat,
  exportEvents,
  toPloverRecord,
  type PloverRecord,
  CSV_COLUMNS,
  csvCell,
  tsvCell,
  csvRecord,
  GDELT_COLUMNS,
  networkToGraphml,
  networkToGexf,
} from './exports.js';
