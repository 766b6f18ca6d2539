// export layouts: PLOVER JSONL, flat CSV, a GDELT-like TSV for events; GraphML and GEXF for the network.
import type { EventDetail, EventFilter, Store } from '../store/core/index.js';
import type { Network } from './network.js';
import { loadScores } from './scores.js';

export const EVENT_EXPORT_FORMATS = ['plover', 'csv', 'gdelt'] as const;
export type EventExportFormat = (typeof EVENT_EXPORT_FORMATS)[number];

const CODEBOOK = 'plover-base-1.3.1';

interface PloverEntity {
  readonly code: string;
  readonly sector: string;
  readonly entity_text: string | null;
  readonly identifier_text: string | null;
  readonly full_code: string;
}

/** One event cluster in the PLOVER record layout (ONTOLOGY.md 4.4), with entente's cluster fields added. */
export interface PloverRecord {
  readonly id: string;
  readonly date: string | null;
  readonly enddate: string | null;
  readonly actor: PloverEntity[];
  readonly recipient: PloverEntity[];
  readonly event: string[];
  readonly mode: string[];
  readonly context: string[];
  readonly event_loc: { extracted: string; resolved: string; iso3: string | null; lat: number | null; lon: number | null } | null;
  readonly event_text: string;
  readonly quad_code: number;
  readonly cameo: string | null;
  readonly text_info: { doc_id: string; start: number | null; end: number | null; text: string }[];
  readonly cite_info: { doc_id: string; url: string | null; title: string | null; language: string | null; publisher: string | null; date: string | null; coder: string; codebook_version: string }[];
  readonly coder: string;
  readonly num_documents: number;
  readonly num_sources: number;
  readonly num_mentions: number;
  readonly first_reported: string | null;
  readonly last_reported: string | null;
  readonly aux: string[];
  readonly flagged: boolean;
  readonly score: number;
  readonly confidence: number;
}

const QUAD_CODE = { 'verbal-cooperation': 1, 'material-cooperation': 2, 'verbal-conflict': 3, 'material-conflict': 4 } as const;

function entity(a: EventDetail['source'], ev: EventDetail, side: 'source' | 'target'): PloverEntity[] {
  if (!a) return [];
  const seen = ev.evidence.find((e) => (side === 'source' ? e.sourceText : e.targetText));
  return [{ code: a.country, sector: a.sector, entity_text: (side === 'source' ? seen?.sourceText : seen?.targetText) ?? null, identifier_text: a.name, full_code: a.code }];
}

/** The PLOVER record of a cluster. */
export function toPloverRecord(ev: EventDetail): PloverRecord {
  const scores = loadScores();
  return {
    id: ev.id,
    date: ev.date,
    enddate: ev.dateEnd,
    actor: entity(ev.source, ev, 'source'),
    recipient: entity(ev.target, ev, 'target'),
    event: [ev.type],
    mode: ev.ploverMode ? [ev.ploverMode] : [],
    context: [...ev.contexts],
    event_loc: ev.location ? { extracted: ev.location.name, resolved: ev.location.name, iso3: ev.location.country, lat: ev.location.lat, lon: ev.location.lon } : null,
    event_text: ev.text,
    quad_code: QUAD_CODE[scores.quad(ev.type)],
    cameo: ev.cameo,
    text_info: ev.evidence.map((e) => ({ doc_id: e.docId, start: e.start, end: e.end, text: e.text })),
    cite_info: ev.documents.map((d) => ({ doc_id: d.id, url: d.url, title: d.title, language: d.language, publisher: d.outlet, date: d.date, coder: 'entente', codebook_version: CODEBOOK })),
    coder: 'entente',
    num_documents: ev.numDocuments,
    num_sources: ev.numSources,
    num_mentions: ev.numMentions,
    first_reported: ev.firstReported,
    last_reported: ev.lastReported,
    aux: [...ev.aux],
    flagged: ev.flagged,
    score: scores.score(ev.type, ev.ploverMode),
    confidence: ev.confidence,
  };
}

/** One CSV cell (RFC 4180 quoting). */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? v : Array.isArray(v) ? v.join(';') : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One TSV cell: tabs and line breaks become spaces (the GDELT files have no quoting). */
export function tsvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = Array.isArray(v) ? v.join(';') : String(v);
  return s.replace(/[\t\r\n]+/g, ' ');
}

/** Columns of the CSV export, in order (docs/store.md describes each). */
export const CSV_COLUMNS = [
  'id', 'date', 'date_end', 'granularity', 'type', 'cameo', 'mode', 'plover_mode', 'aux', 'flagged', 'contexts',
  'source_code', 'source_country', 'source_sector', 'source_name',
  'target_code', 'target_country', 'target_sector', 'target_name',
  'location', 'location_country', 'lat', 'lon',
  'num_documents', 'num_sources', 'num_mentions', 'first_reported', 'last_reported',
  'confidence', 'score', 'quad', 'text', 'doc_ids', 'urls',
] as const;

/** The CSV_COLUMNS values of one cluster. */
export function csvRecord(ev: EventDetail): unknown[] {
  const scores = loadScores();
  return [
    ev.id, ev.date, ev.dateEnd, ev.granularity, ev.type, ev.cameo, ev.mode, ev.ploverMode, ev.aux, ev.flagged ? 1 : 0, ev.contexts,
    ev.source?.code, ev.source?.country, ev.source?.sector, ev.source?.name,
    ev.target?.code, ev.target?.country, ev.target?.sector, ev.target?.name,
    ev.location?.name, ev.location?.country, ev.location?.lat, ev.location?.lon,
    ev.numDocuments, ev.numSources, ev.numMentions, ev.firstReported, ev.lastReported,
    ev.confidence, scores.score(ev.type, ev.ploverMode), scores.quad(ev.type), ev.text,
    ev.documents.map((d) => d.id), ev.documents.map((d) => d.url).filter((u) => u),
  ];
}

/** Columns of the GDELT-like TSV (GDELT 1.0/2.0 event names where one fits; docs/store.md maps them). */
export const GDELT_COLUMNS = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate',
  'Actor1Code', 'Actor1Name', 'Actor1CountryCode', 'Actor1Type1Code',
  'Actor2Code', 'Actor2Name', 'Actor2CountryCode', 'Actor2Type1Code',
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'PloverScore',
  'NumMentions', 'NumSources', 'NumArticles',
  'ActionGeo_FullName', 'ActionGeo_CountryCode', 'ActionGeo_Lat', 'ActionGeo_Long',
  'DATEADDED', 'SOURCEURL', 'PloverType', 'PloverMode', 'Context', 'Flagged',
] as const;

function gdeltRow(ev: EventDetail): unknown[] {
  const scores = loadScores();
  const d = ev.date;
  const compact = d ? d.replace(/-/g, '') : null;
  const frac = d ? (Number(d.slice(0, 4)) + (Number(d.slice(5, 7)) - 1) / 12 + (Number(d.slice(8, 10)) - 1) / 365).toFixed(4) : null;
  const cameo = ev.cameo ?? '';
  return [
    ev.id, compact, compact?.slice(0, 6), compact?.slice(0, 4), frac,
    ev.source?.code, ev.source?.name, ev.source?.country, ev.source?.sector.slice(0, 3),
    ev.target?.code, ev.target?.name, ev.target?.country, ev.target?.sector.slice(0, 3),
    1, cameo, cameo.slice(0, 3), cameo.slice(0, 2), QUAD_CODE[scores.quad(ev.type)], scores.score(ev.type, ev.ploverMode),
    ev.numMentions, ev.numSources, ev.numDocuments,
    ev.location?.name, ev.location?.country, ev.location?.lat, ev.location?.lon,
    ev.firstReported?.replace(/-/g, ''), ev.documents.find((x) => x.url)?.url, ev.type, ev.ploverMode, ev.contexts, ev.flagged ? 1 : 0,
  ];
}

/**
 * Writes every cluster matching `filter` in one of the event layouts through `write`; returns the count.
 * plover: JSONL, one PloverRecord per line. csv and gdelt: a header row, then one row per cluster.
 * @example exportEvents(store, { dyad: ['AZE', 'TUR'] }, 'gdelt', (s) => out.write(s))
 */
export function exportEvents(store: Store, filter: EventFilter, format: EventExportFormat, write: (chunk: string) => void): number {
  let n = 0;
  if (format === 'csv') write(`${CSV_COLUMNS.join(',')}\n`);
  if (format === 'gdelt') write(`${GDELT_COLUMNS.join('\t')}\n`);
  for (const ev of store.iterateEvents(filter)) {
    if (format === 'plover') write(`${JSON.stringify(toPloverRecord(ev))}\n`);
    else if (format === 'csv') write(`${csvRecord(ev).map(csvCell).join(',')}\n`);
    else write(`${gdeltRow(ev).map(tsvCell).join('\t')}\n`);
    n++;
  }
  return n;
}

function xml(s: string | number): string {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The network as GraphML (opens in Gephi, yEd, networkx). */
export function networkToGraphml(net: Network): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="events" for="node" attr.name="events" attr.type="int"/>',
    '  <key id="nscore" for="node" attr.name="score" attr.type="double"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <key id="cooperation" for="edge" attr.name="cooperation" attr.type="int"/>',
    '  <key id="conflict" for="edge" attr.name="conflict" attr.type="int"/>',
    '  <key id="score" for="edge" attr.name="score" attr.type="double"/>',
    `  <graph id="entente" edgedefault="${net.directed ? 'directed' : 'undirected'}">`,
  ];
  for (const n of net.nodes) {
    out.push(`    <node id="${xml(n.id)}"><data key="label">${xml(n.label)}</data><data key="events">${n.events}</data><data key="nscore">${n.score}</data></node>`);
  }
  net.edges.forEach((e, i) => {
    out.push(
      `    <edge id="e${i}" source="${xml(e.source)}" target="${xml(e.target)}"><data key="weight">${e.weight}</data><data key="cooperation">${e.cooperation}</data><data key="conflict">${e.conflict}</data><data key="score">${e.score}</data></edge>`,
    );
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

/** The network as GEXF 1.3 (Gephi's own format). */
export function networkToGexf(net: Network): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    '  <meta><creator>entente</creator><description>actor network of event clusters</description></meta>',
    `  <graph mode="static" defaultedgetype="${net.directed ? 'directed' : 'undirected'}">`,
    '    <attributes class="node"><attribute id="0" title="events" type="integer"/><attribute id="1" title="score" type="double"/></attributes>',
    '    <attributes class="edge"><attribute id="0" title="cooperation" type="integer"/><attribute id="1" title="conflict" type="integer"/><attribute id="2" title="score" type="double"/></attributes>',
    '    <nodes>',
  ];
  for (const n of net.nodes) {
    out.push(`      <node id="${xml(n.id)}" label="${xml(n.label)}"><attvalues><attvalue for="0" value="${n.events}"/><attvalue for="1" value="${n.score}"/></attvalues></node>`);
  }
  out.push('    </nodes>', '    <edges>');
  net.edges.forEach((e, i) => {
    out.push(
      `      <edge id="${i}" source="${xml(e.source)}" target="${xml(e.target)}" weight="${e.weight}"><attvalues><attvalue for="0" value="${e.cooperation}"/><attvalue for="1" value="${e.conflict}"/><attvalue for="2" value="${e.score}"/></attvalues></edge>`,
    );
  });
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}
