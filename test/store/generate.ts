// a deterministic synthetic corpus (documents + hand-coded events) for store tests and the ingest benchmark.
import type { Plover } from '../../src/core/index.js';
import type { IngestItem } from '../../src/store/index.js';
import { coded, makeDoc, makeEvent } from './helpers.js';

const COUNTRIES = ['AZE', 'TUR', 'ARM', 'GEO', 'RUS', 'IRN', 'USA', 'FRA', 'DEU', 'GBR', 'CHN', 'IND', 'PAK', 'ISR', 'UKR', 'POL', 'KAZ', 'UZB', 'TKM', 'ITA'];
const SECTORS = ['', 'GOV', 'MIL', 'GOVMIL'];
const TYPES: Plover[] = ['CONSULT', 'AGREE', 'SUPPORT', 'COOPERATE', 'AID', 'ACCUSE', 'REJECT', 'THREATEN', 'MOBILIZE', 'SANCTION'];
const OUTLETS = Array.from({ length: 40 }, (_, i) => `outlet-${i}.example`);
const WORDS = (
  'minister defence talks delegation agreement security cooperation border exercise navy army officials statement ' +
  'capital visit summit drones production joint training economy trade energy pipeline sanctions envoy ceasefire ' +
  'parliament president spokesman region conflict treaty memorandum industry supply contract weapons air force ' +
  'analysts week month plans meeting council committee budget exports imports program technology research'
).split(' ');

/** mulberry32: small seeded PRNG so every run generates the same corpus. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Story {
  type: Plover;
  a: string;
  b: string;
  date: string;
}

/**
 * `n` documents: about 4 stories per 10 documents, 2-3 reported per document, and one document in
 * ten a syndicated copy of an earlier one (other outlet, byline and footer added).
 */
export function* generateCorpus(n: number, seed = 1): Generator<IngestItem> {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const stories: Story[] = [];
  const nStories = Math.max(4, Math.floor(n * 0.4));
  for (let i = 0; i < nStories; i++) {
    // one dyad in five is AZE-TUR, so the benchmark's dyad query has a realistic share of the corpus
    const heavy = r() < 0.2;
    const a = heavy ? 'AZE' : pick(COUNTRIES);
    let b = heavy ? 'TUR' : pick(COUNTRIES);
    while (b === a) b = pick(COUNTRIES);
    const day = Math.floor(r() * 730);
    stories.push({ type: pick(TYPES), a, b, date: new Date(Date.UTC(2023, 0, 1 + day)).toISOString().slice(0, 10) });
  }
  const made: IngestItem[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 10 && r() < 0.1) {
      const orig = made[Math.floor(r() * made.length)] as IngestItem;
      const doc = { ...orig.doc, id: `gen-${seed}-${i}`, source: pick(OUTLETS), url: `https://copy.example/${i}`, text: `By a staff reporter. ${orig.doc.text} All rights reserved.` };
      yield { doc, coded: { ...coded(doc, []) } };
      continue;
    }
    const told = Array.from({ length: 2 + Math.floor(r() * 2) }, () => pick(stories));
    const sentences = told.map((s, k) => `Report ${i} item ${k} says ${s.a} and ${s.b} ${Array.from({ length: 12 }, () => pick(WORDS)).join(' ')}.`);
    for (let k = 0; k < 20; k++) {
      const ws = Array.from({ length: 14 }, () => pick(WORDS));
      sentences.push(`${ws.join(' ').replace(/^./, (c) => c.toUpperCase())} ${i}x${k}.`);
    }
    const latest = told.map((s) => s.date).sort()[told.length - 1] as string;
    const doc = makeDoc({ id: `gen-${seed}-${i}`, date: latest, source: pick(OUTLETS), sentences, filler: false });
    const events = told.map((s, k) => makeEvent(doc, { type: s.type, source: s.a + pick(SECTORS), target: s.b + pick(SECTORS), sentence: k, date: s.date, context: r() < 0.5 ? ['military'] : ['diplomatic'] }));
    const item = { doc, coded: coded(doc, events) };
    made.push(item);
    yield item;
  }
}
