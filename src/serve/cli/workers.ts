// coding in worker threads: documents go out in batches, results come back in input order, with backpressure.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { stat } from 'node:fs/promises';
import { UsageError } from '../../core/index.js';
import type { Doc } from '../../core/index.js';
import type { WorkResult, WorkSpec } from './work.js';

export type { WorkResult, WorkSpec } from './work.js';

export interface PoolOptions {
  /** Worker threads; 1 codes in the calling thread (no worker is started). */
  readonly workers: number;
  /** Documents per message to a worker (default 32). */
  readonly batch?: number;
  /** Batches in flight per worker (default 2): bounds memory whatever the input size. */
  readonly depth?: number;
  /** A partial batch is sent when no new document arrived for this long (default 50 ms; streams from stdin). */
  readonly lingerMs?: number;
}

/** Below this much input (files only), the default is one worker: starting more costs more than it saves. */
export const SMALL_INPUT_BYTES = 1 << 20;

/** The default number of workers: the cores this process may use. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/** Parses --workers: a whole number from 1 to 256 (default: the number of cores). */
export function parseWorkers(value: unknown): number {
  if (value === undefined) return defaultWorkers();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--workers must be a whole number from 1 to 256 (got '${String(value)}')`);
  return n;
}

/**
 * --workers, or by default the number of cores, except one for small inputs: when every input is a file
 * and together they hold under SMALL_INPUT_BYTES (start-up then matters more than throughput).
 */
export async function chooseWorkers(value: unknown, inputs: readonly string[]): Promise<number> {
  const n = parseWorkers(value);
  if (value !== undefined || n === 1) return n;
  let total = 0;
  for (const p of inputs) {
    if (p === '-') return n;
    const st = await stat(p).catch(() => null);
    if (!st?.isFile()) return n;
    total += st.size;
  }
  return total < SMALL_INPUT_BYTES ? 1 : n;
}

interface Slot<T> {
  readonly item: T;
  readonly doc: Doc | null;
  result: WorkResult | null;
}

interface Lane {
  readonly worker: Worker;
  inFlight: number;
}

type Reply = { readonly id: number; readonly results: readonly WorkResult[] };

// from dist the worker is plain JS; from source (tests, dev.ts under tsx) it registers tsx first
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(`./code-worker${FROM_SOURCE ? '.ts' : '.js'}`, import.meta.url);

function startWorker(spec: WorkSpec): Worker {
  if (!FROM_SOURCE) return new Worker(WORKER_URL, { workerData: spec });
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
  return new Worker(boot, { eval: true, workerData: spec });
}

/**
 * Codes the documents of `source` and yields every item with its result, in input order, whatever the
 * number of workers: the output of N workers is the output of one. `pick` says which document an item
 * needs coded (null: the item passes through in its place, e.g. a rejected record). At most
 * workers × depth batches are in flight and nothing is read ahead of that, so memory stays flat on any
 * input size; a consumer that waits (a full output pipe) stops the reading too.
 */
export async function* codeInOrder<T>(
  source: AsyncIterable<T>,
  pick: (item: T) => Doc | null,
  spec: WorkSpec,
  opts: PoolOptions,
): AsyncGenerator<{ readonly item: T; readonly result: WorkResult | null }> {
  if (opts.workers <= 1) {
    // the coder modules load only here (and in the workers): the main thread of a pool never needs them
    const work = (await import('./work.js')).makeWork(spec);
    for await (const item of source) {
      const doc = pick(item);
      yield { item, result: doc ? work(doc) : null };
    }
    return;
  }
  const batchSize = Math.max(1, opts.batch ?? 32);
  const depth = Math.max(1, opts.depth ?? 2);
  const linger = opts.lingerMs ?? 50;
  const lanes: Lane[] = [];
  const waiting = new Map<number, Slot<T>[]>();
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  for (let i = 0; i < opts.workers; i++) {
    const worker = startWorker(spec);
    const lane: Lane = { worker, inFlight: 0 };
    worker.on('message', (m: Reply) => {
      const slots = waiting.get(m.id);
      waiting.delete(m.id);
      lane.inFlight--;
      if (slots) for (let k = 0; k < slots.length; k++) (slots[k] as Slot<T>).result = m.results[k] ?? { ok: false, error: 'no result from worker' };
      signal();
    });
    worker.on('error', (e) => {
      failure ??= e;
      signal();
    });
    worker.on('exit', (code) => {
      if (code !== 0) failure ??= new Error(`coder worker stopped with exit code ${code}`);
      signal();
    });
    lanes.push(lane);
  }
  const queue: Slot<T>[] = []; // every item not yet yielded, in input order
  let batch: Slot<T>[] = [];
  let nextId = 0;
  let lingering: Promise<'linger'> | null = null; // the timer of the batch being filled
  const inFlight = () => lanes.reduce((s, l) => s + l.inFlight, 0);
  const dispatch = () => {
    if (batch.length === 0) return;
    let lane = lanes[0] as Lane;
    for (const l of lanes) if (l.inFlight < lane.inFlight) lane = l;
    const id = nextId++;
    waiting.set(id, batch);
    lane.inFlight++;
    lane.worker.postMessage({ id, docs: batch.map((s) => s.doc) });
    batch = [];
    lingering = null;
  };
  // items read but not coded yet are bounded too (a long run of rejected records must not pile up)
  const maxQueued = opts.workers * depth * batchSize * 2;
  const it = source[Symbol.asyncIterator]();
  let next: Promise<IteratorResult<T>> | null = null;
  let done = false;
  let woken = new Promise<'wake'>((res) => {
    wake = () => res('wake');
  });
  const rearm = () => {
    woken = new Promise<'wake'>((res) => {
      wake = () => res('wake');
    });
  };
  try {
    for (;;) {
      if (failure) throw failure;
      // hand back everything finished at the head of the queue, in input order
      let n = 0;
      while (n < queue.length && ((queue[n] as Slot<T>).doc === null || (queue[n] as Slot<T>).result !== null)) n++;
      if (n > 0) {
        for (const s of queue.splice(0, n)) yield { item: s.item, result: s.result };
        continue;
      }
      if (done && queue.length === 0) return;
      const room = inFlight() < lanes.length * depth && queue.length < maxQueued;
      if (done || !room) {
        if (done || queue.length >= maxQueued) dispatch();
        await woken;
        rearm();
        continue;
      }
      // read one more item; meanwhile a worker may finish, or a slow input may leave a batch half full
      next ??= it.next();
      const waits: Promise<IteratorResult<T> | 'wake' | 'linger'>[] = [next, woken];
      if (batch.length > 0 && linger > 0) {
        lingering ??= delay(linger);
        waits.push(lingering);
      }
      const r = await Promise.race(waits);
      if (r === 'wake') {
        rearm();
        continue;
      }
      if (r === 'linger') {
        dispatch();
        continue;
      }
      next = null;
      if (r.done) {
        done = true;
        dispatch();
        continue;
      }
      const doc = pick(r.value);
      const slot: Slot<T> = { item: r.value, doc, result: null };
      queue.push(slot);
      if (doc) {
        batch.push(slot);
        if (batch.length >= batchSize) dispatch();
      }
    }
  } finally {
    wake = null;
    await Promise.all(lanes.map((l) => l.worker.terminate()));
    if (!done) await it.return?.();
  }
}

function delay(ms: number): Promise<'linger'> {
  return new Promise((res) => setTimeout(res, ms, 'linger').unref());
}
