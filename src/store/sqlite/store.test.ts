import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { coded, makeDoc, makeEvent } from '../../../test/store/helpers.js';
import { generateCorpus } from '../../../test/store/generate.js';
import { EntenteError } from '../../core/index.js';
import { APPLICATION_ID, openStore, SCHEMA_VERSION, type Store } from '../index.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'entente-store-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const dbFile = () => join(dir, `t${++n}.db`);

const MEET = 'The defence minister of Azerbaijan received the head of the Turkish defence industry agency in Baku.';
const MEET2 = 'A Turkish delegation led by the defence industry chief held talks with Azerbaijani officials.';

function meeting(id: string, date: string, outlet: string, eventDate: string, swap = false, extra: Parameters<typeof makeEvent>[1] extends infer S ? Partial<S> : never = {}) {
  const doc = makeDoc({ id, date, source: outlet, sentences: [swap ? MEET2 : MEET, `Story ${id} continues with details specific to this outlet.`] });
  const ev = makeEvent(doc, { type: 'CONSULT', source: swap ? 'TURGOV' : 'AZEMIL', target: swap ? 'AZEMIL' : 'TURGOV', date: eventDate, ploverMode: 'visit', context: ['military'], ...extra });
  return { doc, coded: coded(doc, [ev]) };
}

function expectSchemaError(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (e: unknown) => e instanceof EntenteError && (e.code === 'schema' || e.code === 'no-db') && pattern.test(e.message));
}

describe('sqlite store: schema and versions', () => {
  test('a new file gets the current schema, WAL mode and the entente application id', () => {
    const path = dbFile();
    openStore(path).close();
    const db = new Database(path, { readonly: true });
    assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    assert.equal(db.pragma('application_id', { simple: true }), APPLICATION_ID);
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    db.close();
    const again = openStore(path, { readonly: true });
    assert.equal(again.stats().schemaVersion, SCHEMA_VERSION);
    again.close();
  });
  test('a database from a newer schema version is refused, and left untouched', () => {
    const path = dbFile();
    openStore(path).close();
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    expectSchemaError(() => openStore(path), /schema version 99, newer/);
    expectSchemaError(() => openStore(path, { readonly: true }), /newer/);
    const check = new Database(path, { readonly: true });
    assert.equal(check.pragma('user_version', { simple: true }), 99);
    check.close();
  });
  test('a foreign SQLite database, a non-database file and a missing file give clear errors', () => {
    const foreign = dbFile();
    const db = new Database(foreign);
    db.exec('CREATE TABLE notes (x TEXT)');
    db.close();
    expectSchemaError(() => openStore(foreign), /not an entente database/);
    const text = dbFile();
    writeFileSync(text, 'this is not a database, just some words that fill more than a header of bytes. '.repeat(20));
    expectSchemaError(() => openStore(text), /not a SQLite database|cannot open/);
    expectSchemaError(() => openStore(join(dir, 'missing.db'), { readonly: true }), /no database/);
  });
});

describe('sqlite store: ingest', () => {
  let store: Store;
  before(() => {
    store = openStore(dbFile());
  });
  after(() => store.close());

  test('re-ingesting the same document, or the same text from the same outlet, changes nothing', () => {
    const a = meeting('a1', '2024-04-02', 'Outlet A', '2024-04-02');
    assert.equal(store.ingest(a.doc, a.coded).status, 'new');
    const before = store.stats();
    assert.equal(store.ingest(a.doc, a.coded).status, 'duplicate');
    const sameText = { ...a.doc, id: 'a1-again' };
    const r = store.ingest(sameText, coded(sameText, a.coded.events));
    assert.equal(r.status, 'duplicate');
    assert.equal(r.copyOf, 'a1');
    assert.deepEqual(store.stats(), before);
    assert.equal(store.hasDocument('a1-again'), false);
  });

  test('reports of one meeting from other outlets merge into one cluster with more sources', () => {
    const b = meeting('b1', '2024-04-03', 'Outlet B', '2024-04-02', true);
    const r = store.ingest(b.doc, b.coded);
    assert.deepEqual([r.status, r.newClusters, r.merged], ['new', 0, 1]);
    const c = meeting('c1', '2024-04-05', 'Outlet C', '2024-04-03');
    store.ingest(c.doc, c.coded);
    const page = store.queryEvents({ dyad: ['AZE', 'TUR'] });
    assert.equal(page.total, 1);
    const ev = page.items[0];
    assert.ok(ev);
    assert.equal(ev.numDocuments, 3);
    assert.equal(ev.numSources, 3);
    assert.equal(ev.firstReported, '2024-04-02');
    assert.equal(ev.lastReported, '2024-04-05');
    const detail = store.getEvent(ev.id);
    assert.equal(detail?.evidence.length, 3);
    assert.deepEqual(detail?.documents.map((d) => d.id), ['a1', 'b1', 'c1']);
    for (const e of detail?.evidence ?? []) assert.ok(e.text === MEET || e.text === MEET2);
  });

  test('the same dyad meeting again three weeks later is a second event', () => {
    const d = meeting('d1', '2024-04-24', 'Outlet A', '2024-04-23');
    assert.equal(store.ingest(d.doc, d.coded).newClusters, 1);
    const meetings = store.queryEvents({ dyad: ['AZE', 'TUR'], types: ['CONSULT'] });
    assert.equal(meetings.total, 2);
    assert.deepEqual(meetings.items.map((e) => e.numDocuments), [1, 3]);
  });

  test('a negated report, a meeting placed in another country, and a phone call stay apart', () => {
    const neg = meeting('n1', '2024-04-03', 'Outlet D', '2024-04-02', false, { aux: ['negated'] });
    assert.equal(store.ingest(neg.doc, neg.coded).newClusters, 1);
    const elsewhere = meeting('p1', '2024-04-03', 'Outlet E', '2024-04-02', false, { place: { name: 'Ankara', country: 'TUR' } });
    store.ingest(elsewhere.doc, elsewhere.coded);
    const baku = meeting('p2', '2024-04-03', 'Outlet F', '2024-04-02', false, { place: { name: 'Istanbul', country: 'TUR' } });
    assert.equal(store.ingest(baku.doc, baku.coded).merged, 1, 'joins the cluster placed in TUR');
    const phone = meeting('ph1', '2024-04-03', 'Outlet G', '2024-04-02', false, { ploverMode: 'phone' });
    assert.equal(store.ingest(phone.doc, phone.coded).newClusters, 1);
    const flagged = store.queryEvents({ flagged: 'only' });
    assert.equal(flagged.total, 1);
    assert.deepEqual(flagged.items[0]?.aux, ['negated']);
    assert.equal(flagged.items[0]?.flagged, true);
  });

  test('a syndicated near-copy from another outlet adds a source to the original events', () => {
    const long = makeDoc({ id: 's1', date: '2024-05-10', source: 'Wire', sentences: [MEET, 'The wire story goes on with more paragraphs.'], filler: true });
    const orig = { doc: long, coded: coded(long, [makeEvent(long, { type: 'CONSULT', source: 'AZEMIL', target: 'TURGOV', date: '2024-05-09' })]) };
    store.ingest(orig.doc, orig.coded);
    const copyText = `By our correspondent. ${orig.doc.text} Distributed by Partner News.`;
    const copy = { ...orig.doc, id: 's1-partner', source: 'Partner News', text: copyText };
    const r = store.ingest(copy, coded(copy, []));
    assert.deepEqual([r.status, r.copyOf, r.events], ['copy', 's1', 1]);
    const ev = store.queryEvents({ since: '2024-05-01', until: '2024-05-31' }).items[0];
    assert.equal(ev?.numSources, 2);
    const detail = store.getEvent(ev?.id ?? '');
    const inherited = detail?.evidence.find((e) => e.docId === 's1-partner');
    assert.ok(inherited);
    assert.equal(inherited.viaCopyOf, 's1');
    assert.equal(copyText.slice(inherited.start ?? -1, inherited.end ?? -1), MEET);
    const stored = store.getDocument('s1-partner');
    assert.equal(stored?.copyOf, 's1');
    assert.equal(stored?.text, copyText);
    assert.deepEqual(stored?.eventIds, [ev?.id]);
    assert.equal(store.getDocument('nope'), null);
    const again = store.ingest(copy, coded(copy, []));
    assert.equal(again.status, 'duplicate');
    assert.equal(store.getEvent(ev?.id ?? '')?.numSources, 2);
  });

  test('a month-precise report refined by a day-precise one takes the day', () => {
    const m = meeting('r1', '2024-07-30', 'Outlet A', '2024-07-01', false, { type: 'COOPERATE', granularity: 'month', ploverMode: '' });
    store.ingest(m.doc, m.coded);
    const d = meeting('r2', '2024-07-30', 'Outlet B', '2024-07-17', false, { type: 'COOPERATE', ploverMode: '' });
    assert.equal(store.ingest(d.doc, d.coded).merged, 1);
    const ev = store.queryEvents({ types: ['COOPERATE'] }).items[0];
    assert.equal(ev?.date, '2024-07-17');
    assert.equal(ev?.granularity, 'day');
  });
});

describe('sqlite store: queries', () => {
  let store: Store;
  before(() => {
    store = openStore(dbFile());
    const docs = [
      ['q1', '2024-01-10', 'A', { type: 'CONSULT', source: 'AZEGOV', target: 'TURGOV', ploverMode: 'visit', context: ['diplomatic'] }],
      ['q2', '2024-02-11', 'B', { type: 'AGREE', source: 'AZE', target: 'TUR', aux: ['intend'], context: ['military'] }],
      ['q3', '2024-03-12', 'C', { type: 'ACCUSE', source: 'ARMGOV', target: 'AZEMIL', context: ['military'] }],
      ['q4', '2024-03-20', 'D', { type: 'ASSAULT', source: 'AZEMIL', target: 'ARM', aux: ['hypothetical'], context: ['military'] }],
    ] as const;
    for (const [id, date, outlet, spec] of docs) {
      const doc = makeDoc({ id, date, source: outlet, sentences: [`Sentence about drones and a memorandum number ${id}.`] });
      store.ingest(doc, coded(doc, [makeEvent(doc, { ...spec })]));
    }
    const extra = makeDoc({ id: 'q5', date: '2024-01-11', source: 'E', sentences: ['Another outlet reported the visit to Ankara.'] });
    store.ingest(extra, coded(extra, [makeEvent(extra, { type: 'CONSULT', source: 'TUR', target: 'AZE', date: '2024-01-10' })]));
  });
  after(() => store.close());

  const ids = (f: Parameters<Store['queryEvents']>[0]) => store.queryEvents(f).items.map((e) => e.type).sort();
  test('filters select the right clusters', () => {
    assert.deepEqual(ids({}), ['ACCUSE', 'AGREE', 'ASSAULT', 'CONSULT']);
    assert.deepEqual(ids({ actors: ['ARM'] }), ['ACCUSE', 'ASSAULT']);
    assert.deepEqual(ids({ actors: ['AZEMIL'] }), ['ACCUSE', 'ASSAULT']);
    assert.deepEqual(ids({ dyad: ['TUR', 'AZE'] }), ['AGREE', 'CONSULT']);
    assert.deepEqual(ids({ dyad: ['ARM', 'AZE'], directed: true }), ['ACCUSE']);
    assert.deepEqual(ids({ types: ['CONSULT', 'ACCUSE'] }), ['ACCUSE', 'CONSULT']);
    assert.deepEqual(ids({ contexts: ['diplomatic'] }), ['CONSULT']);
    assert.deepEqual(ids({ since: '2024-02-01', until: '2024-03-15' }), ['ACCUSE', 'AGREE']);
    assert.deepEqual(ids({ modes: ['visit'] }), ['CONSULT']);
    assert.deepEqual(ids({ modes: ['intend'] }), ['AGREE']);
    assert.deepEqual(ids({ minSources: 2 }), ['CONSULT']);
    assert.deepEqual(ids({ text: 'Ankara' }), ['CONSULT']);
    assert.deepEqual(ids({ flagged: 'exclude' }), ['ACCUSE', 'AGREE', 'CONSULT']);
  });
  test('pages report the total and respect limit, offset and order', () => {
    const p = store.queryEvents({}, { limit: 2, offset: 1 });
    assert.equal(p.total, 4);
    assert.deepEqual(p.items.map((e) => e.type), ['ACCUSE', 'AGREE']);
    assert.equal(store.queryEvents({}, { order: 'sources', limit: 1 }).items[0]?.type, 'CONSULT');
  });
  test('actors list codes, names seen and counts', () => {
    const az = store.listActors({ code: 'AZE' });
    assert.deepEqual(az.items.map((a) => a.code).sort(), ['AZE', 'AZEGOV', 'AZEMIL']);
    const mil = az.items.find((a) => a.code === 'AZEMIL');
    assert.equal(mil?.mentions, 2);
    assert.equal(mil?.events, 2);
    assert.deepEqual(mil?.names, [{ text: 'AZEMIL side', count: 2 }]);
  });
  test('full-text search finds documents and evidence, with stemming', () => {
    const hits = store.search('memoranda OR memorandum', 50);
    assert.ok(hits.some((h) => h.kind === 'evidence' && h.eventId));
    assert.ok(hits.some((h) => h.kind === 'document' && h.docId === 'q1'));
    assert.ok(store.search('drone').length >= 4, 'porter stemming: drone matches drones');
    assert.throws(() => store.search('"unbalanced'), EntenteError);
  });
  test('aggregates group by period, type and countries', () => {
    const rows = store.aggregate({ flagged: 'exclude' }, { period: 'month', type: true });
    assert.deepEqual(
      rows.map((r) => [r.period, r.type, r.events]),
      [
        ['2024-01', 'CONSULT', 1],
        ['2024-02', 'AGREE', 1],
        ['2024-03', 'ACCUSE', 1],
      ],
    );
    const q = store.aggregate({}, { period: 'quarter' });
    assert.deepEqual(q.map((r) => [r.period, r.events]), [['2024-Q1', 4]]);
    const w = store.aggregate({ types: ['CONSULT'] }, { period: 'week' });
    assert.deepEqual(w.map((r) => r.period), ['2024-01-08'], 'weeks start on Monday');
  });
});

describe('sqlite store: concurrency and crashes', () => {
  test('a reader can query while a writer has the database open (WAL)', () => {
    const path = dbFile();
    const writer = openStore(path);
    const items = [...generateCorpus(30, 3)];
    writer.ingestBatch(items.slice(0, 15));
    const reader = openStore(path, { readonly: true });
    const seen = reader.stats().documents;
    writer.ingestBatch(items.slice(15));
    assert.equal(seen, 15);
    assert.equal(reader.stats().documents, 30);
    reader.close();
    writer.close();
  });

  test('killing an ingest mid-way leaves whole batches, and a re-run completes without duplicates', async () => {
    const COUNT = 1500;
    const BATCH = 50;
    const path = dbFile();
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/store/crash-child.ts'), path, String(COUNT), String(BATCH)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (b: Buffer) => {
      err += b;
    });
    const killed = await new Promise<boolean>((resolve) => {
      child.stdout.on('data', (b: Buffer) => {
        out += b;
        if (/committed (1|2)\d\d\n/.test(out) && child.exitCode === null) {
          child.kill('SIGKILL');
        }
      });
      child.on('exit', (_code, signal) => resolve(signal === 'SIGKILL'));
    });
    assert.ok(killed, `the child was killed mid-ingest (stdout: ${out.slice(-60)}, stderr: ${err.slice(-300)})`);

    const partial = openStore(path, { readonly: true });
    const docs = partial.stats().documents;
    assert.ok(docs > 0 && docs < COUNT, `partial ingest (${docs} documents)`);
    assert.equal(docs % BATCH, 0, 'only whole batches were committed');
    partial.close();
    const raw = new Database(path, { readonly: true });
    const mismatched = raw
      .prepare('SELECT count(*) FROM documents d WHERE d.num_events != (SELECT count(*) FROM evidence e WHERE e.doc = d.rowid)')
      .pluck()
      .get();
    raw.close();
    assert.equal(mismatched, 0, 'no document lost part of its evidence');

    const rerun = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/store/crash-child.ts'), path, String(COUNT), String(BATCH)], { cwd: ROOT, stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve) => rerun.on('exit', resolve));
    assert.equal(code, 0);

    const clean = openStore(dbFile());
    const items = [...generateCorpus(COUNT, 7)];
    for (let i = 0; i < items.length; i += BATCH) clean.ingestBatch(items.slice(i, i + BATCH));
    const resumed = openStore(path, { readonly: true });
    const strip = (s: Store) => ({ ...s.stats(), bytes: 0 });
    assert.deepEqual(strip(resumed), strip(clean));
    const all = (s: Store) => s.queryEvents({}, { limit: 100_000 }).items.map((e) => `${e.id}:${e.numDocuments}:${e.numSources}:${e.date}`).sort();
    assert.deepEqual(all(resumed), all(clean));
    resumed.close();
    clean.close();
  });
});
