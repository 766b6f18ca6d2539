import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { coded } from '../../../test/store/helpers.js';
import { buildTransferStore, TRANSFER_CASES, TRANSFER_DOCS } from '../../../test/transfers/fixture.js';
import { createCoder } from '../../pipeline.js';
import { MIGRATIONS } from './migrate.js';
import { openStore, parseTransferFilter, SCHEMA_VERSION, type Store, type TransferFilter, type TransferRecord } from '../index.js';

let dir: string;
let path: string;
let store: Store;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'entente-transfers-'));
  path = join(dir, 't.db');
  store = buildTransferStore(path);
});
after(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const key = (r: TransferRecord) => `${r.supplier.country}>${r.recipient.country} ${r.system.name}`;
const keys = (f: TransferFilter = {}) => store.listTransfers(f, { limit: 100 }).items.map(key).sort();

describe('store: transfers', () => {
  test('one register line per deal and system, every field from the coded sentence', () => {
    const page = store.listTransfers({}, { limit: 100 });
    assert.equal(page.total, 6);
    assert.deepEqual(page.items.map(key).sort(), [
      'FRA>ARM Caesar',
      'FRA>EGY Dassault Rafale',
      'KOR>POL K2 Black Panther',
      'KOR>POL K9 Thunder',
      'TUR>POL Bayraktar TB2',
      'USA>ROU M1 Abrams',
    ]);
    const tb2 = page.items.find((r) => r.system.name === 'Bayraktar TB2');
    assert.ok(tb2);
    assert.deepEqual(tb2.supplier, { country: 'TUR', code: 'TURBUS', org: 'Baykar' });
    assert.equal(tb2.recipient.country, 'POL');
    assert.deepEqual(tb2.system, { text: 'Bayraktar TB2 drones', name: 'Bayraktar TB2', category: 'uav' });
    assert.equal(tb2.quantity, 24);
    assert.deepEqual(tb2.value, { amount: 270_000_000, currency: 'USD', text: '$270 million' });
    assert.equal(tb2.status, 'delivered');
    assert.equal(tb2.date, '2024-05-17');
    assert.equal(tb2.evidence.docId, 'tr-1');
    const sentence = TRANSFER_DOCS[0]?.text ?? '';
    assert.equal(sentence.slice(tb2.evidence.start ?? -1, tb2.evidence.end ?? -1), tb2.evidence.text);
    // tr-2 reports the same delivery in other words, tr-1c is a near-copy of tr-1: three reports, one line
    assert.deepEqual([...tb2.docIds].sort(), ['tr-1', 'tr-1c', 'tr-2']);
    assert.equal(tb2.reports, 3);
    assert.ok(store.getEvent(tb2.eventId));
    const abrams = page.items.find((r) => r.system.name === 'M1 Abrams');
    assert.equal(abrams?.expected, '2027');
    assert.equal(abrams?.value?.amount, 1_000_000_000);
    const rafale = page.items.find((r) => r.system.category === 'fighter-aircraft');
    assert.equal(rafale?.status, 'discussed');
    assert.equal(rafale?.quantity, null);
  });

  test('combat use and parades leave no transfer', () => {
    const all = store.listTransfers({ flagged: 'include' }, { limit: 100 }).items;
    for (const r of all) for (const d of r.docIds) assert.ok(!['tr-8', 'tr-9'].includes(d), `${d} gave ${key(r)}`);
  });

  test('filters: supplier (country, org), recipient, category, status, system, period, flagged', () => {
    assert.deepEqual(keys({ suppliers: ['TUR'] }), ['TUR>POL Bayraktar TB2']);
    assert.deepEqual(keys({ suppliers: ['baykar'] }), ['TUR>POL Bayraktar TB2']);
    assert.deepEqual(keys({ recipients: ['POL'] }), ['KOR>POL K2 Black Panther', 'KOR>POL K9 Thunder', 'TUR>POL Bayraktar TB2']);
    assert.deepEqual(keys({ categories: ['tank'] }), ['KOR>POL K2 Black Panther', 'USA>ROU M1 Abrams']);
    assert.deepEqual(keys({ statuses: ['delivered'] }), ['TUR>POL Bayraktar TB2']);
    assert.deepEqual(keys({ statuses: ['planned', 'discussed'] }), ['FRA>ARM Caesar', 'FRA>EGY Dassault Rafale']);
    assert.deepEqual(keys({ systems: ['TB2'] }), ['TUR>POL Bayraktar TB2']);
    assert.deepEqual(keys({ since: '2024-02-01', until: '2024-04-30' }), ['FRA>ARM Caesar', 'KOR>POL K2 Black Panther', 'KOR>POL K9 Thunder']);
    assert.deepEqual(keys({ recipients: ['POL'], categories: ['artillery'] }), ['KOR>POL K9 Thunder']);
    assert.deepEqual(keys({ flagged: 'only' }), ['DEU>UKR Taurus KEPD 350']);
    assert.equal(keys({ flagged: 'include' }).length, 7);
  });

  test('pages: limit and offset, newest first', () => {
    const first = store.listTransfers({}, { limit: 2 });
    assert.equal(first.total, 6);
    assert.equal(first.items.length, 2);
    assert.equal(first.items[0]?.system.name, 'Bayraktar TB2');
    const rest = store.listTransfers({}, { limit: 10, offset: 2 });
    assert.equal(rest.items.length, 4);
    const dates = [...first.items, ...rest.items].map((r) => r.date ?? '');
    assert.deepEqual(dates, [...dates].sort().reverse());
  });

  test('flows: supplier -> recipient with deals, lines, quantities and values', () => {
    const flows = store.transferFlows();
    const pol = flows.filter((f) => f.recipient === 'POL');
    assert.equal(pol.length, 2);
    const kor = flows.find((f) => f.supplier === 'KOR');
    assert.deepEqual({ deals: kor?.deals, lines: kor?.lines, quantity: kor?.quantity }, { deals: 1, lines: 2, quantity: 144 });
    assert.deepEqual(kor?.categories, { tank: 1, artillery: 1 });
    const tur = flows.find((f) => f.supplier === 'TUR');
    assert.equal(tur?.quantity, 24, 'three reports of one delivery count once');
    assert.deepEqual(tur?.values, { USD: 270_000_000 });
    assert.equal(flows[0]?.supplier, 'KOR', 'most deals, then largest quantity, first');
    assert.deepEqual(store.transferFlows({ recipients: ['POL'], statuses: ['ordered'] }).map((f) => f.supplier), ['KOR']);
  });

  test('ingest is idempotent for transfers, and a read-only store lists them', () => {
    for (const c of TRANSFER_CASES) assert.equal(store.ingest(c.doc, coded(c.doc, c.events(c.doc))).status, 'duplicate');
    assert.equal(store.listTransfers().total, 6);
    const ro = openStore(path, { readonly: true });
    try {
      assert.equal(ro.listTransfers().total, 6);
      assert.equal(ro.transferFlows().length, 5);
    } finally {
      ro.close();
    }
  });

  test('migration 2 fills the table from the evidence of a version-1 database', () => {
    const p = join(dir, 'v1.db');
    buildTransferStore(p).close();
    const before = openStore(p, { readonly: true });
    const expected = before.listTransfers({ flagged: 'include' }, { limit: 100 });
    before.close();
    // back to version 1: drop what every later migration created
    const raw = new Database(p);
    for (const m of MIGRATIONS.filter((x) => x.version > 1)) {
      for (const t of m.sql.matchAll(/CREATE (?:VIRTUAL )?TABLE (\w+)/g)) raw.exec(`DROP TABLE IF EXISTS ${t[1]}`);
    }
    raw.exec("DELETE FROM meta WHERE key <> 'migration.1' AND key LIKE 'migration.%'");
    raw.pragma('user_version = 1');
    raw.close();
    const migrated = openStore(p);
    try {
      assert.equal(migrated.stats().schemaVersion, SCHEMA_VERSION);
      assert.deepEqual(migrated.listTransfers({ flagged: 'include' }, { limit: 100 }), expected);
    } finally {
      migrated.close();
    }
  });

  test('round trip from the real coder: every system of every coded transfer comes back as a line', () => {
    const coder = createCoder();
    const p = join(dir, 'coded.db');
    const s = openStore(p);
    try {
      const docs = [TRANSFER_DOCS[0], TRANSFER_DOCS[3], TRANSFER_DOCS[4]].filter((d) => d !== undefined);
      const expected: string[] = [];
      for (const d of docs) {
        const c = coder.codeDoc(d);
        for (const ev of c.events) {
          const t = ev.transfer;
          if (!t) continue;
          for (const sys of t.systems) {
            expected.push([t.supplier?.country, t.recipient?.country, t.supplierOrg, sys.name, sys.category, sys.quantity, t.value?.amount, t.value?.currency, t.status, t.expected, ev.evidence.text].join('|'));
          }
        }
        s.ingest(d, c);
      }
      // the issue's own example sentence must give a record
      assert.ok(expected.some((e) => e.startsWith('TUR|POL|Baykar|Bayraktar TB2|uav|24|270000000|USD|delivered')), expected.join('\n'));
      const got = s
        .listTransfers({ flagged: 'include' }, { limit: 100 })
        .items.map((r) => [r.supplier.country, r.recipient.country, r.supplier.org, r.system.name, r.system.category, r.quantity, r.value?.amount, r.value?.currency, r.status, r.expected, r.evidence.text].join('|'));
      assert.deepEqual(got.sort(), expected.sort());
    } finally {
      s.close();
    }
  });

  test('parseTransferFilter: lists, codes upper-cased, periods widened, bad values named', () => {
    const ok = parseTransferFilter({ supplier: 'tur,Baykar', recipient: ['POL', 'UKR'], status: 'Delivered', since: '2024-02', until: '2024' });
    assert.deepEqual(ok, {
      ok: true,
      value: { suppliers: ['TUR', 'Baykar'], recipients: ['POL', 'UKR'], statuses: ['delivered'], since: '2024-02-01', until: '2024-12-31' },
    });
    const bad = parseTransferFilter({ status: 'sold', since: 'May', category: 'ships', flagged: 'maybe' }, ['uav', 'tank']);
    assert.equal(bad.ok, false);
    if (!bad.ok) assert.deepEqual(bad.issues.map((i) => i.field).sort(), ['category', 'flagged', 'since', 'status']);
  });
});
