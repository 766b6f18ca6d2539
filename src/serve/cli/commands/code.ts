import { createWriteStream } from 'node:fs';
import { UsageError } from '../../../core/index.js';
import { formatIssue, readInputs, rejectRecord } from '../../../ingest/index.js';
import type { Command } from '../command.js';
import { chooseWorkers, codeInOrder } from '../workers.js';

export const command: Command = {
  name: 'code',
  summary: 'code documents into PLOVER events (JSONL or a table)',
  help: `usage: entente code <file|folder|-> ... [options]

Reads dated documents and writes their events, one JSON line per document:
  {"id", "date", "events": [{type, cameo, mode, context, source, target, date, location,
                             evidence, confidence, rule}]}
Inputs: JSONL files (.jsonl/.ndjson: id, date, title, text, optional url, source), plain-text files
(first words "date YYYY-MM-DD", file name = id), folders of such files, and - for stdin (JSONL).

options:
  --out FILE        write the output to FILE instead of stdout
  --format F        jsonl (default) or table
  --explain         say why each event was coded (pattern, actors, modality, date)
  --occurred-only   leave out negated, hypothetical and historical statements
  --partial         also keep events whose source or target could not be found
  --rejects FILE    write rejected records (with their issues) to FILE as JSON lines
  --workers N       coder threads (default: the number of cores, 1 for inputs under 1 MB);
                    the output is the same for any N
  -h, --help        this help

Bad records are reported on stderr as file:line: field: message and skipped; the exit code is 1
when any record was rejected, 0 otherwise, 2 on a usage error.

example:
  entente code samples/articles.jsonl --format table`,
  options: {
    out: { type: 'string' },
    format: { type: 'string', default: 'jsonl' },
    explain: { type: 'boolean', default: false },
    'occurred-only': { type: 'boolean', default: false },
    partial: { type: 'boolean', default: false },
    rejects: { type: 'string' },
    workers: { type: 'string' },
  },
  async run({ values, positionals }, io) {
    const format = String(values.format);
    if (format !== 'jsonl' && format !== 'table') throw new UsageError(`--format must be jsonl or table, not '${format}'`);
    if (positionals.length === 0) throw new UsageError('give at least one input file, folder or -');
    const workers = await chooseWorkers(values.workers, positionals);
    const spec = { keepModal: values['occurred-only'] !== true, partial: values.partial === true, output: format, explain: values.explain === true } as const;
    // a large buffer: the coder does not wait for the disk after every few documents
    const out = typeof values.out === 'string' ? createWriteStream(values.out, { highWaterMark: 1 << 20 }) : io.stdout;
    const rejects = typeof values.rejects === 'string' ? createWriteStream(values.rejects) : null;
    let docs = 0;
    let events = 0;
    let rejected = 0; // a count, not the records: memory stays flat however many are bad
    const byCode = new Map<string, number>();
    const records = readInputs(positionals, { stdin: io.stdin });
    // a reader that goes away (entente code big.jsonl | head) ends the run quietly, like other Unix tools
    let gone = false;
    const onError = (e: NodeJS.ErrnoException): void => {
      if (e.code !== 'EPIPE') throw e;
      gone = true;
      (out as NodeJS.EventEmitter).emit('drain');
    };
    (out as NodeJS.EventEmitter).on('error', onError);
    for await (const { item: rec, result } of codeInOrder(records, (r) => (r.ok ? r.doc : null), spec, { workers })) {
      if (!rec.ok) {
        rejected++;
        for (const i of rec.issues) {
          io.stderr.write(`${formatIssue(i)}\n`);
          byCode.set(i.code, (byCode.get(i.code) ?? 0) + 1);
        }
        rejects?.write(`${rejectRecord(rec)}\n`);
        continue;
      }
      if (!result?.ok) throw new Error(`coding ${rec.doc.id} failed: ${result ? result.error : 'no result'}`);
      docs++;
      events += result.events;
      if (gone) break;
      if (!out.write(result.chunk ?? '')) await new Promise((r) => (out as NodeJS.EventEmitter).once('drain', r));
      if (gone) break;
    }
    await closeStream(rejects);
    if (out !== io.stdout) await closeStream(out as NodeJS.WritableStream & { end(cb: () => void): void });
    const summary = [...byCode].map(([c, n]) => `${c} ${n}`).join(', ');
    io.stderr.write(`entente code: ${docs} document(s), ${events} event(s), ${rejected} rejected${summary ? ` (${summary})` : ''}\n`);
    return rejected > 0 ? 1 : 0;
  },
};

function closeStream(s: (NodeJS.WritableStream & { end(cb: () => void): void }) | null): Promise<void> {
  return new Promise((resolve) => (s ? s.end(() => resolve()) : resolve()));
}
