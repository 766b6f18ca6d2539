// the entry of a coder worker thread: builds its coder once, then codes the batches it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import type { Doc } from '../../core/index.js';
import { makeWork, type WorkSpec } from './work.js';

const work = makeWork(workerData as WorkSpec);
parentPort?.on('message', (m: { id: number; docs: Doc[] }) => {
  parentPort?.postMessage({ id: m.id, results: m.docs.map(work) });
});
