// ingest benchmark: `node --import tsx test/store/bench.ts [N] [batch]` — N generated documents into a fresh
// SQLite file; prints documents/s, database size per 1,000 documents and dyad query times.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dyadSeries } from '../../src/analyze/index.js';
import { openStore } from '../../src/store/index.js';
import { generateCorpus } from './generate.js';

const N = Number(process.argv[2] ?? 10_000);
const BATCH = Number(process.argv[3] ?? 200);
const dir = mkdtempSync(join(tmpdir(), 'entente-bench-'));
const path = join(dir, 'bench.db');

let t = performance.now();
const items = [...generateCorpus(N, 42)];
const genMs = performance.now() - t;
const textBytes = items.reduce((s, i) => s + Buffer.byteLength(i.doc.text), 0);

const store = openStore(path);
t = performance.now();
for (let i = 0; i < items.length; i += BATCH) store.ingestBatch(items.slice(i, i + BATCH));
const ingestMs = performance.now() - t;
const stats = store.stats();
store.close();

const reader = openStore(path, { readonly: true });
const time = (fn: () => unknown, runs = 25) => {
  fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    fn();
    ms.push(performance.now() - s);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(runs / 2)] ?? 0, max: ms[runs - 1] ?? 0 };
};
const q1 = time(() => reader.queryEvents({ dyad: ['AZE', 'TUR'] }, { limit: 50 }));
const q2 = time(() => dyadSeries(reader, 'AZE', 'TUR', 'month'));
const q3 = time(() => reader.queryEvents({ dyad: ['AZE', 'TUR'] }, { limit: 100_000 }));
const dyadTotal = reader.queryEvents({ dyad: ['AZE', 'TUR'] }, { limit: 0 }).total;
reader.close();
const bytes = statSync(path).size;
const f = (n: number) => n.toFixed(1);
process.stdout.write(
  [
    `documents: ${N} (${(textBytes / 1048576).toFixed(1)} MiB of text, generated in ${f(genMs)} ms), batch ${BATCH}`,
    `ingest: ${f(ingestMs)} ms = ${Math.round(N / (ingestMs / 1000))} documents/s (store only: near-copy check, merge, FTS; no coding)`,
    `stored: ${stats.documents} documents (${stats.copies} near-copies), ${stats.clusters} event clusters, ${stats.evidence} evidence rows, ${stats.actors} actors`,
    `database: ${(bytes / 1048576).toFixed(1)} MiB after checkpoint = ${((bytes / 1048576) * (1000 / N)).toFixed(2)} MiB per 1,000 documents`,
    `dyad AZE-TUR (${dyadTotal} clusters): first page ${f(q1.median)} ms (max ${f(q1.max)}), monthly series ${f(q2.median)} ms (max ${f(q2.max)}), all clusters ${f(q3.median)} ms`,
    '',
  ].join('\n'),
);
rmSync(dir, { recursive: true, force: true });
