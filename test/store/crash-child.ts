// child process for the crash test: ingests a generated corpus in small batches, reporting each commit on stdout.
import { openStore } from '../../src/store/index.js';
import { generateCorpus } from './generate.js';

const [path, count, batch, pauseMs] = [process.argv[2] ?? 'crash.db', Number(process.argv[3] ?? 300), Number(process.argv[4] ?? 10), Number(process.argv[5] ?? 0)];
const sleeper = new Int32Array(new SharedArrayBuffer(4));
const store = openStore(path);
let items = [];
let done = 0;
for (const item of generateCorpus(count, 7)) {
  items.push(item);
  if (items.length >= batch) {
    store.ingestBatch(items);
    done += items.length;
    items = [];
    process.stdout.write(`committed ${done}\n`);
    // slow down so the parent can kill it mid-ingest
    if (pauseMs > 0) Atomics.wait(sleeper, 0, 0, pauseMs);
  }
}
if (items.length) store.ingestBatch(items);
store.close();
process.stdout.write('finished\n');
