import { runCli } from '../../../../test/cli.js';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { coded, makeDoc, makeEvent } from '../../../../test/store/helpers.js';
import { openStore } from '../../../store/index.js';

let dir: string;
let db: string;

async function run(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  return runCli(args, { stdin, cwd: dir });
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'entente-cli-'));
  db = join(dir, 'q.db');
  const store = openStore(db);
  const add = (id: string, date: string, outlet: string, sentence: string, spec: Parameters<typeof makeEvent>[1]) => {
    const doc = makeDoc({ id, date, source: outlet, sentences: [sentence] });
    store.ingest(doc, coded(doc, [makeEvent(doc, spec)]));
  };
  add('k1', '2024-04-02', 'A', 'The Turkish delegation arrived in Baku for defence talks.', { type: 'CONSULT', source: 'TURGOV', target: 'AZEMIL', ploverMode: 'visit', context: ['military'] });
  add('k2', '2024-04-03', 'B', 'Azerbaijan welcomed the Turkish delegation, according to the ministry.', { type: 'CONSULT', source: 'AZE', target: 'TUR', date: '2024-04-02' });
  add('k3', '2024-05-10', 'C', 'Ankara and Baku plan to sign a memorandum on drones.', { type: 'AGREE', source: 'TUR', target: 'AZE', aux: ['intend'], context: ['military', 'technology'] });
  add('k4', '2024-06-01', 'C', 'Yerevan criticised the drone deliveries to Baku.', { type: 'ACCUSE', source: 'ARMGOV', target: 'AZE' });
  store.close();
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('cli: events, actors, dyad, network, search, export', () => {
  test('events as a table, with filters', async () => {
    const r = await run(['events', '--db', db, '--dyad', 'AZE,TUR', '--type', 'CONSULT']);
    assert.equal(r.code, 0, r.err);
    const lines = r.out.trim().split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[1] ?? '', /2024-04-02\s+CONSULT\s+visit\s+TURGOV\s+AZEMIL\s+2\s+2/);
    assert.match(r.err, /1 of 1 event clusters/);
  });
  test('events as JSONL carry documents and evidence; csv parses', async () => {
    const r = await run(['events', '--db', db, '--format', 'jsonl', '--min-sources', '2']);
    const items = r.out.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(items.length, 1);
    assert.deepEqual(items[0].documents.map((d: { id: string }) => d.id), ['k1', 'k2']);
    assert.equal(items[0].evidence.length, 2);
    const csv = await run(['events', '--db', db, '--format', 'csv', '--text', 'memorandum']);
    const rows = csv.out.trim().split('\n');
    assert.equal(rows.length, 2);
    assert.ok(rows[0]?.startsWith('id,date,'));
    assert.match(rows[1] ?? '', /AGREE/);
  });
  test('actors, dyad series and network', async () => {
    const a = await run(['actors', '--db', db, '--code', 'AZE', '--format', 'jsonl']);
    assert.deepEqual(a.out.trim().split('\n').map((l) => JSON.parse(l).code).sort(), ['AZE', 'AZEMIL']);
    const d = await run(['dyad', 'aze', 'TUR', '--db', db, '--by', 'month', '--format', 'jsonl']);
    assert.equal(d.code, 0, d.err);
    const periods = d.out.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(periods.map((p) => [p.period, p.events, p.score]), [
      ['2024-04', 1, 4],
      ['2024-05', 1, 2.5],
    ]);
    const t = await run(['dyad', 'AZE', 'TUR', '--db', db]);
    assert.match(t.out, /^period\s+events\s+coop\s+conflict\s+score\s+mean\s+AGREE\s+CONSULT/);
    const n = await run(['network', '--db', db, '--format', 'json']);
    const net = JSON.parse(n.out);
    assert.deepEqual(net.edges.map((e: { source: string; target: string; weight: number }) => [e.source, e.target, e.weight]), [
      ['AZE', 'TUR', 2],
      ['ARM', 'AZE', 1],
    ]);
  });
  test('search and exports to a file', async () => {
    const s = await run(['search', 'drones', '--db', db, '--format', 'jsonl']);
    const hits = s.out.trim().split('\n').map((l) => JSON.parse(l));
    assert.ok(hits.length >= 2);
    assert.ok(hits.every((h) => h.docId === 'k3' || h.docId === 'k4'));
    const out = join(dir, 'net.graphml');
    const g = await run(['export', '--db', db, '--format', 'graphml', '--out', out]);
    assert.equal(g.code, 0, g.err);
    assert.match(readFileSync(out, 'utf8'), /<edge id="e0" source="AZE" target="TUR">/);
    const p = await run(['export', '--db', db, '--format', 'plover', '--actor', 'ARM']);
    const recs = p.out.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(recs.map((r) => r.event[0]), ['ACCUSE']);
  });
  test('usage errors exit 2, database errors exit 1, every command has help with an example', async () => {
    assert.equal((await run(['events', '--db', db, '--type', 'PARLEY'])).code, 2);
    assert.equal((await run(['events', '--db', db, '--since', 'spring'])).code, 2);
    assert.equal((await run(['dyad', 'AZE', '--db', db])).code, 2);
    assert.equal((await run(['events', '--db', db, '--format', 'xml'])).code, 2);
    const missing = await run(['events', '--db', join(dir, 'none.db')]);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /no database/);
    const newer = join(dir, 'newer.db');
    openStore(newer).close();
    const raw = new Database(newer);
    raw.pragma('user_version = 7');
    raw.close();
    const r = await run(['events', '--db', newer]);
    assert.equal(r.code, 1);
    assert.match(r.err, /newer than this entente knows/);
    for (const c of ['ingest', 'events', 'actors', 'dyad', 'network', 'search', 'export']) {
      const h = await run([c, '--help']);
      assert.equal(h.code, 0);
      assert.match(h.out, /--db PATH/);
      assert.match(h.out, /example:\n\s+entente /);
    }
  });
});

describe('cli: ingest', () => {
  test('ingests JSONL, reports rejects, and a second run changes nothing', async () => {
    const input = join(dir, 'in.jsonl');
    const docs = [
      { id: 'i1', date: '2024-04-02', title: 'Talks', source: 'Outlet A', text: 'Turkish and Azerbaijani defence officials met in Baku on Tuesday to discuss joint production.' },
      { id: 'i2', date: '2024-04-03', title: 'Talks', source: 'Outlet B', text: 'Officials from Azerbaijan and Turkey held talks in Baku about a joint drone factory.' },
    ];
    writeFileSync(input, `${docs.map((d) => JSON.stringify(d)).join('\n')}\n{"id":"broken"\n`);
    const target = join(dir, 'ing.db');
    const r1 = await run(['ingest', 'in.jsonl', '--db', 'ing.db', '--rejects', 'rej.jsonl', '--quiet']);
    assert.equal(r1.code, 0, r1.err);
    assert.match(r1.err, /stored 2 new/);
    assert.match(r1.err, /rejected 1 \(json 1\)/);
    assert.equal(readFileSync(join(dir, 'rej.jsonl'), 'utf8').trim().split('\n').length, 1);
    const s1 = openStore(target, { readonly: true });
    const before1 = { ...s1.stats(), bytes: 0 };
    s1.close();
    assert.equal(before1.documents, 2);
    const r2 = await run(['ingest', 'in.jsonl', '--db', 'ing.db', '--quiet', '--strict']);
    assert.equal(r2.code, 1, 'strict: the broken line is still a reject');
    assert.match(r2.err, /stored 0 new, 0 near-copies \(adding sources\), skipped 2 already stored/);
    const s2 = openStore(target, { readonly: true });
    assert.deepEqual({ ...s2.stats(), bytes: 0 }, before1);
    s2.close();
  });
  test('reads JSONL on stdin', async () => {
    const line = JSON.stringify({ id: 'stdin-1', date: '2024-01-05', title: 't', source: 'S', text: 'Georgia and Armenia signed a transit agreement in Tbilisi on Friday.' });
    const r = await run(['ingest', '-', '--db', 'stdin.db', '--quiet'], `${line}\n`);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /stored 1 new/);
  });
  test('without inputs it is a usage error', async () => {
    assert.equal((await run(['ingest', '--db', 'x.db'])).code, 2);
  });
});
