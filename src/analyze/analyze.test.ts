import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DOMParser } from 'linkedom';
import { coded, type EventSpec, makeDoc, makeEvent } from '../../test/store/helpers.js';
import { EntenteError } from '../core/index.js';
import { openStore, type Store } from '../store/index.js';
import { nextPeriod } from './dyads.js';
import { CSV_COLUMNS, dyadSeries, exportEvents, GDELT_COLUMNS, loadScores, network, networkToGexf, networkToGraphml } from './index.js';

let dir: string;
let store: Store;

function add(id: string, date: string, outlet: string, sentence: string, spec: EventSpec): void {
  const doc = makeDoc({ id, date, source: outlet, sentences: [sentence] });
  store.ingest(doc, coded(doc, [makeEvent(doc, spec)]));
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'entente-analyze-'));
  store = openStore(join(dir, 'a.db'));
  add('x1', '2024-01-15', 'A', 'Baku hosted the Turkish minister, who said "we are brothers, and allies".', { type: 'CONSULT', source: 'TURGOV', target: 'AZEGOV', ploverMode: 'visit', context: ['diplomatic'] });
  add('x2', '2024-01-16', 'B', 'The visit of the Turkish minister to Baku was covered widely.', { type: 'CONSULT', source: 'AZE', target: 'TUR', date: '2024-01-15' });
  add('x3', '2024-03-02', 'A', 'Armenia accused Azerbaijan of shelling border villages.', { type: 'ACCUSE', source: 'ARMGOV', target: 'AZEMIL', ploverMode: 'allege' });
  add('x4', '2024-03-05', 'C', 'Azerbaijan and Turkey signed a defence memorandum.', { type: 'SUPPORT', source: 'AZE', target: 'TUR', context: ['military'], place: { name: 'Ankara', country: 'TUR' } });
  add('x5', '2024-03-06', 'C', 'Turkey did not send troops to the border, officials said.', { type: 'MOBILIZE', source: 'TURMIL', target: 'AZE', aux: ['negated'] });
});
after(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('analyze: PLOVER scores', () => {
  test('type + mode scores, with the bare type for modes without a row', () => {
    const s = loadScores();
    assert.equal(s.score('CONSULT', 'visit'), 4);
    assert.equal(s.score('CONSULT', 'phone'), 1.5);
    assert.equal(s.score('CONSULT', ''), 2.5);
    assert.equal(s.score('CONSULT', 'no-such-mode'), 2.5);
    assert.equal(s.score('ACCUSE', null), -3);
    assert.equal(s.score('ASSAULT', 'aerial'), -9.5);
    assert.equal(s.quad('SANCTION'), 'material-conflict');
    assert.equal(s.quad('AID'), 'material-cooperation');
  });
  test('a broken score file is refused with its file and line', () => {
    const bad = join(dir, 'bad.tsv');
    writeFileSync(bad, '# test\ntype\tmode\tscore\tquad\tnote\nAGREE\t\t2.5\tverbal-cooperation\t\nNEGOTIATE\t\t3\tverbal-cooperation\t\n');
    assert.throws(() => loadScores(bad), (e: unknown) => e instanceof EntenteError && /bad\.tsv:4: unknown PLOVER type 'NEGOTIATE'/.test(e.message));
    writeFileSync(bad, 'type\tmode\tscore\tquad\nAGREE\t\tlots\tverbal-cooperation\n');
    assert.throws(() => loadScores(bad), /bad\.tsv:2: score 'lots'/);
  });
});

describe('analyze: dyad series', () => {
  test('counts per type per month with gaps filled and flagged events left out', () => {
    const s = dyadSeries(store, 'TUR', 'AZE', 'month');
    assert.deepEqual(
      s.periods.map((p) => [p.period, p.events, p.counts]),
      [
        ['2024-01', 1, { CONSULT: 1 }],
        ['2024-02', 0, {}],
        ['2024-03', 1, { SUPPORT: 1 }],
      ],
    );
    assert.equal(s.periods[0]?.score, 4, 'the merged visit scores once, as CONSULT visit');
    assert.equal(s.periods[1]?.meanScore, null);
    assert.equal(s.total.score, 9);
    assert.equal(s.total.cooperation, 2);
    assert.equal(s.total.conflict, 0);
  });
  test('flagged events count when asked, as conflict', () => {
    const s = dyadSeries(store, 'AZE', 'TUR', 'quarter', { flagged: 'include' });
    assert.deepEqual(s.periods.map((p) => p.period), ['2024-Q1']);
    assert.equal(s.total.events, 3);
    assert.equal(s.total.conflict, 1);
    assert.equal(s.total.score, 4 + 5 - 5.5);
  });
  test('period labels step correctly', () => {
    assert.equal(nextPeriod('2024-12', 'month'), '2025-01');
    assert.equal(nextPeriod('2024-Q4', 'quarter'), '2025-Q1');
    assert.equal(nextPeriod('2024-12-30', 'week'), '2025-01-06');
    assert.equal(nextPeriod('2024', 'year'), '2025');
  });
});

describe('analyze: network', () => {
  test('undirected edges weighted by clusters, split into cooperation and conflict', () => {
    const net = network(store);
    assert.deepEqual(
      net.edges.map((e) => [e.source, e.target, e.weight, e.cooperation, e.conflict]),
      [
        ['AZE', 'TUR', 2, 2, 0],
        ['ARM', 'AZE', 1, 0, 1],
      ],
    );
    assert.equal(net.nodes.find((n) => n.id === 'AZE')?.degree, 2);
    assert.equal(net.edges[1]?.score, -3.5);
  });
  test('directed graphs keep source -> target', () => {
    const net = network(store, { flagged: 'include' }, { directed: true });
    assert.ok(net.edges.some((e) => e.source === 'TUR' && e.target === 'AZE'));
    assert.ok(net.edges.some((e) => e.source === 'ARM' && e.target === 'AZE'));
  });
});

/** RFC 4180 reader, enough to check that the CSV export parses back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  return rows;
}

describe('analyze: exports parse back', () => {
  const run = (format: 'plover' | 'csv' | 'gdelt') => {
    let out = '';
    const n = exportEvents(store, {}, format, (s) => {
      out += s;
    });
    return { n, out };
  };
  test('PLOVER JSONL: one record per cluster with actors, sources and citations', () => {
    const { n, out } = run('plover');
    const recs = out.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(recs.length, n);
    assert.equal(n, 4);
    const visit = recs.find((r) => r.event[0] === 'CONSULT');
    assert.equal(visit.date, '2024-01-15');
    assert.equal(visit.actor[0].code, 'TUR');
    assert.equal(visit.recipient[0].code, 'AZE');
    assert.deepEqual(visit.mode, ['visit']);
    assert.equal(visit.num_sources, 2);
    assert.deepEqual(visit.cite_info.map((c: { doc_id: string }) => c.doc_id), ['x1', 'x2']);
    assert.equal(visit.quad_code, 1);
    const support = recs.find((r) => r.event[0] === 'SUPPORT');
    assert.equal(support.event_loc.iso3, 'TUR');
  });
  test('CSV: header and one row per cluster, quotes and commas intact', () => {
    const rows = parseCsv(run('csv').out);
    assert.deepEqual(rows[0], [...CSV_COLUMNS]);
    assert.equal(rows.length, 5);
    for (const r of rows) assert.equal(r.length, CSV_COLUMNS.length);
    const text = rows[1]?.[CSV_COLUMNS.indexOf('text')];
    assert.equal(text, 'Baku hosted the Turkish minister, who said "we are brothers, and allies".');
  });
  test('GDELT-like TSV: fixed columns, dates as YYYYMMDD, quad classes', () => {
    const lines = run('gdelt').out.trimEnd().split('\n').map((l) => l.split('\t'));
    assert.deepEqual(lines[0], [...GDELT_COLUMNS]);
    for (const l of lines) assert.equal(l.length, GDELT_COLUMNS.length);
    const col = (name: (typeof GDELT_COLUMNS)[number]) => GDELT_COLUMNS.indexOf(name);
    const accuse = lines.find((l) => l[col('PloverType')] === 'ACCUSE');
    assert.ok(accuse);
    assert.equal(accuse[col('SQLDATE')], '20240302');
    assert.equal(accuse[col('QuadClass')], '3');
    assert.equal(accuse[col('Actor1CountryCode')], 'ARM');
  });
  test('GraphML and GEXF are well-formed XML with every node and edge', () => {
    const net = network(store);
    const gml = new DOMParser().parseFromString(networkToGraphml(net), 'text/xml');
    assert.equal(gml.querySelectorAll('node').length, net.nodes.length);
    assert.equal(gml.querySelectorAll('edge').length, net.edges.length);
    const gexf = new DOMParser().parseFromString(networkToGexf(net), 'text/xml');
    assert.equal(gexf.querySelectorAll('node').length, net.nodes.length);
    assert.equal(gexf.querySelectorAll('edge')[0]?.getAttribute('weight'), '2');
  });
});
