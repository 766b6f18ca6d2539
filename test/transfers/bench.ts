// benchmark (not a test): cost of the transfers table at ingest, and register/flow query times.
// node --import tsx test/transfers/bench.ts [documents=10000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodedEvent, Transfer } from '../../src/core/index.js';
import { openStore } from '../../src/store/index.js';
import { coded, makeDoc, makeEvent } from '../store/helpers.js';

const N = Number(process.argv[2] ?? 10_000);
const COUNTRIES = ['USA', 'FRA', 'DEU', 'TUR', 'KOR', 'RUS', 'CHN', 'ISR', 'GBR', 'ITA', 'POL', 'UKR', 'ROU', 'IND', 'EGY', 'SAU', 'ARE', 'AZE', 'ARM', 'PAK'];
const SYSTEMS = [
  ['Bayraktar TB2', 'uav'],
  ['K2 Black Panther', 'tank'],
  ['K9 Thunder', 'artillery'],
  ['Caesar', 'artillery'],
  ['Dassault Rafale', 'fighter-aircraft'],
  ['Patriot', 'air-defence'],
  ['Leopard 2', 'tank'],
  ['HIMARS', 'rocket-artillery'],
] as const;
const STATUSES: Transfer['status'][] = ['discussed', 'planned', 'ordered', 'delivered', 'in-production'];
// mulberry32: a small PRNG whose low bits are usable
let seed = 7;
const rnd = (n: number) => {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) % n;
};

function corpus(withTransfers: boolean) {
  seed = 7;
  const out = [];
  for (let i = 0; i < N; i++) {
    const sup = COUNTRIES[rnd(COUNTRIES.length)] as string;
    let rec = COUNTRIES[rnd(COUNTRIES.length)] as string;
    if (rec === sup) rec = 'UKR';
    const [name, category] = SYSTEMS[rnd(SYSTEMS.length)] as readonly [string, string];
    const qty = 1 + rnd(200);
    const day = `${2015 + rnd(10)}-${String(1 + rnd(12)).padStart(2, '0')}-${String(1 + rnd(28)).padStart(2, '0')}`;
    const doc = makeDoc({
      id: `b${i}`,
      date: day,
      source: `outlet-${rnd(40)}`,
      sentences: [`${sup} agreed to supply ${qty} ${name} systems to ${rec} in story ${i}.`, `Officials of ${rec} met ${sup} counterparts about item ${i} on the same day.`],
    });
    const ev = makeEvent(doc, { type: 'COOPERATE', source: sup, target: rec, date: day, context: ['military'] });
    const t: Transfer = {
      supplier: ev.source,
      recipient: ev.target,
      supplierOrg: null,
      recipientOrg: null,
      systems: [{ text: `${name} systems`, name, category, quantity: qty }],
      value: rnd(3) === 0 ? { amount: 1_000_000 * (1 + rnd(900)), currency: 'USD', text: 'a sum' } : null,
      status: STATUSES[rnd(STATUSES.length)] as Transfer['status'],
      expected: null,
    };
    const events: CodedEvent[] = [withTransfers ? { ...ev, transfer: t } : ev, makeEvent(doc, { type: 'CONSULT', source: rec, target: sup, sentence: 1, date: day })];
    out.push({ doc, coded: coded(doc, events) });
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

const dir = mkdtempSync(join(tmpdir(), 'entente-bench-transfers-'));
try {
  for (const withTransfers of [false, true]) {
    const items = corpus(withTransfers);
    const store = openStore(join(dir, `${withTransfers}.db`));
    const t0 = performance.now();
    for (let i = 0; i < items.length; i += 200) store.ingestBatch(items.slice(i, i + 200));
    const ms = performance.now() - t0;
    process.stdout.write(`ingest ${N} documents ${withTransfers ? 'with' : 'without'} transfer records: ${(ms / 1000).toFixed(2)} s (${Math.round((N / ms) * 1000)} documents/s)\n`);
    if (withTransfers) {
      const time = (label: string, fn: () => unknown) => {
        const xs: number[] = [];
        for (let i = 0; i < 25; i++) {
          const a = performance.now();
          fn();
          xs.push(performance.now() - a);
        }
        process.stdout.write(`${label}: ${median(xs).toFixed(1)} ms (median of 25)\n`);
      };
      process.stdout.write(`lines: ${store.listTransfers().total}\n`);
      time('listTransfers first page of 50, no filter', () => store.listTransfers({}, { limit: 50 }));
      process.stdout.write(`lines to POL of tanks: ${store.listTransfers({ recipients: ['POL'], categories: ['tank'] }).total}\n`);
      time('listTransfers recipient POL, category tank', () => store.listTransfers({ recipients: ['POL'], categories: ['tank'] }, { limit: 50 }));
      time('transferFlows, no filter', () => store.transferFlows());
      time('transferFlows, since 2024', () => store.transferFlows({ since: '2024-01-01' }));
    }
    store.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
