// entente ingest: read documents, code them, and write them into the event store (merging duplicate reports).
import { closeSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CodedDoc, Doc } from '../../../index.js';
import { formatIssue, type InputRecord, readInputs, rejectRecord } from '../../../ingest/index.js';
import { createFetcher, isCodable, readFeedUrl } from '../../../ingest/live.js';
import { type IngestItem, openStore } from '../../../store/index.js';
import { UsageError } from '../../../core/index.js';
import type { Command, Io } from '../command.js';
import { chooseWorkers, codeInOrder } from '../workers.js';
import { dbOptions, dbPath, parseCount } from '../format.js';

const HELP = `usage: entente ingest <file|folder|-> ... [options]

Codes documents and writes them, with their events, into the event store. Re-ingesting a document
(same id, or same text from the same outlet) changes nothing; a near-copy from another outlet adds a
source to the events of the original; reports of one event from many documents become one event.
Each batch of documents is one transaction: a killed ingest loses at most its last batch, and
running the same command again completes the work.

inputs: JSONL files (.jsonl, .ndjson; one document per line), plain-text files, saved web pages
  (.html, .htm), RSS/Atom feed files (.xml, .rss, .atom; each item's page is fetched), folders
  (walked), or - for JSONL on stdin. Documents not in English are stored but not coded.

options:
  --db PATH        database file (default ./entente.db; created and migrated if needed)
  --rejects FILE   write rejected records as JSON lines (file, line, issues, raw)
  --batch N        documents per transaction (default 200; 1 = one transaction per document)
  --strict         exit 1 when any record was rejected
  --quiet          no progress lines (the summary is still printed)
  --workers N      coder threads (default: the number of cores, 1 for inputs under 1 MB); the
                   database writes stay in one thread and the result is the same for any N
  --feed URL       fetch an RSS/Atom feed and ingest its items' pages (repeatable; see entente watch)
  --no-fetch       for feeds, use each item's own text instead of fetching its page

Progress (documents/s, events, rejects) and the summary go to stderr.

example:
  entente ingest articles/ news.jsonl --db events.db --rejects rejects.jsonl
  cat feed.jsonl | entente ingest - --db events.db`;

interface Counters {
  read: number;
  fresh: number;
  copies: number;
  duplicates: number;
  events: number;
  newClusters: number;
  merged: number;
  rejects: number;
  otherLang: number;
  byCode: Map<string, number>;
}

function summary(c: Counters, seconds: number, db: string, bytes: number): string {
  const rate = seconds > 0 ? Math.round(c.read / seconds) : c.read;
  const codes = [...c.byCode.entries()].sort().map(([k, n]) => `${k} ${n}`).join(', ');
  return [
    `ingest: ${c.read} documents read in ${seconds.toFixed(1)} s (${rate}/s)`,
    `  stored ${c.fresh} new, ${c.copies} near-copies (adding sources), skipped ${c.duplicates} already stored${c.otherLang ? `; ${c.otherLang} not in English (stored, not coded)` : ''}`,
    `  ${c.events} events: ${c.newClusters} new event clusters, ${c.merged} merged into existing ones`,
    `  rejected ${c.rejects}${codes ? ` (${codes})` : ''}`,
    `  database ${db} (${(bytes / 1048576).toFixed(1)} MiB)`,
    '',
  ].join('\n');
}

export const command: Command = {
  name: 'ingest',
  summary: 'code documents and store their events (idempotent; merges duplicate reports)',
  help: HELP,
  options: {
    ...dbOptions,
    rejects: { type: 'string' },
    batch: { type: 'string' },
    strict: { type: 'boolean' },
    quiet: { type: 'boolean' },
    feed: { type: 'string', multiple: true },
    'no-fetch': { type: 'boolean' },
    workers: { type: 'string' },
  },
  async run({ values, positionals }, io: Io): Promise<number> {
    const feeds = (values.feed as string[] | undefined) ?? [];
    if (positionals.length === 0 && feeds.length === 0) throw new UsageError('give at least one file, folder, - for stdin, or --feed URL');
    const batchSize = Math.max(1, parseCount(values.batch, 'batch', 200));
    const quiet = values.quiet === true;
    const path = dbPath(values, io);
    const store = openStore(path);
    const rejectsFd = typeof values.rejects === 'string' ? openSync(resolve(io.cwd, values.rejects), 'w') : null;
    const c: Counters = { read: 0, fresh: 0, copies: 0, duplicates: 0, events: 0, newClusters: 0, merged: 0, rejects: 0, otherLang: 0, byCode: new Map() };
    const started = Date.now();
    let lastProgress = started;
    const tty = (io.stderr as { isTTY?: boolean }).isTTY === true;
    const reject = (rec: Extract<InputRecord, { ok: false }>) => {
      c.rejects++;
      for (const i of rec.issues) c.byCode.set(i.code, (c.byCode.get(i.code) ?? 0) + 1);
      if (!quiet) for (const i of rec.issues.slice(0, 3)) io.stderr.write(`${tty ? '\r\x1b[K' : ''}entente ingest: ${formatIssue(i)}\n`);
      if (rejectsFd !== null) writeSync(rejectsFd, `${rejectRecord(rec)}\n`);
    };
    const progress = (force = false) => {
      const now = Date.now();
      if (quiet || (!force && now - lastProgress < 1000)) return;
      lastProgress = now;
      const s = (now - started) / 1000;
      io.stderr.write(
        `${tty ? '\r\x1b[K' : ''}ingest: ${c.read} docs (${Math.round(c.read / Math.max(s, 0.001))}/s), ${c.events} events, ${c.copies} copies, ${c.duplicates} already stored, ${c.rejects} rejects${tty ? '' : '\n'}`,
      );
    };
    let batch: IngestItem[] = [];
    const flush = () => {
      if (batch.length === 0) return;
      for (const r of store.ingestBatch(batch)) {
        if (r.status === 'duplicate') c.duplicates++;
        else if (r.status === 'copy') c.copies++;
        else c.fresh++;
        c.events += r.events;
        c.newClusters += r.newClusters;
        c.merged += r.merged;
      }
      batch = [];
      progress();
    };
    try {
      // inputs are relative to the command's working directory (tests run commands with another cwd)
      const inputs = positionals.map((p) => (p === '-' || io.cwd === process.cwd() ? p : resolve(io.cwd, p)));
      const fetcher = values['no-fetch'] === true ? null : createFetcher();
      async function* records(): AsyncGenerator<InputRecord> {
        if (inputs.length > 0) yield* readInputs(inputs, { stdin: io.stdin, fetcher });
        for (const url of feeds) yield* readFeedUrl(url, fetcher ?? createFetcher(), fetcher !== null);
      }
      const workers = await chooseWorkers(values.workers, feeds.length > 0 ? ['-'] : inputs);
      // a document not in English is stored (language set) but not coded: the dictionaries are English
      const toCode = (r: InputRecord): Doc | null => (r.ok && isCodable(r.doc) && !store.hasDocument(r.doc.id) ? r.doc : null);
      for await (const { item: rec, result } of codeInOrder(records(), toCode, { output: 'coded' }, { workers })) {
        if (!rec.ok) {
          reject(rec);
          continue;
        }
        c.read++;
        const doc: Doc = rec.doc;
        if (!isCodable(doc)) c.otherLang++;
        if (result && !result.ok) {
          reject({ ok: false, issues: [{ code: 'coder', message: `coding failed: ${result.error}`, file: rec.file, ...(rec.line !== null ? { line: rec.line } : {}), docId: doc.id }], file: rec.file, line: rec.line, raw: null });
          continue;
        }
        const coded: CodedDoc = result?.coded ?? { id: doc.id, date: doc.date, events: [] };
        batch.push({ doc, coded });
        if (batch.length >= batchSize) flush();
      }
      flush();
      if (tty && !quiet) io.stderr.write('\r\x1b[K');
      io.stderr.write(summary(c, (Date.now() - started) / 1000, path, store.stats().bytes));
    } finally {
      store.close();
      if (rejectsFd !== null) closeSync(rejectsFd);
    }
    return values.strict === true && c.rejects > 0 ? 1 : 0;
  },
};
