import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { benchDocs } from '../../../scripts/bench-corpus.js';
import type { Doc } from '../../core/index.js';
import type { Io } from './command.js';
import { main } from './main.js';
import { chooseWorkers, codeInOrder, defaultWorkers, parseWorkers } from './workers.js';

const SAMPLES = fileURLToPath(new URL('../../../samples/articles.jsonl', import.meta.url));

function sink(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(Buffer.from(chunk));
      cb();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = sink();
  const err = sink();
  const io: Io = { stdin: new PassThrough(), stdout: out.stream, stderr: err.stream, cwd: process.cwd() };
  const code = await main(args, io);
  return { code, out: out.text(), err: err.text() };
}

describe('code --workers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-workers-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  // 300 generated documents with two bad records among them (they must keep their place in the report)
  const lines = [...benchDocs(300, 3)].map((d) => JSON.stringify(d));
  lines.splice(40, 0, '{"id": "broken"');
  lines.splice(200, 0, JSON.stringify({ id: 'no-text', date: '2024-01-01' }));
  const generated = join(dir, 'generated.jsonl');
  writeFileSync(generated, `${lines.join('\n')}\n`);

  test('two workers write byte for byte what one writes (samples + 300 generated documents)', async () => {
    const one = await run(['code', SAMPLES, generated, '--workers', '1']);
    const two = await run(['code', SAMPLES, generated, '--workers', '2']);
    assert.equal(one.code, 1); // the two bad records
    assert.equal(two.code, one.code);
    assert.equal(one.out.split('\n').length - 1, 48 + 300);
    assert.ok(one.out.includes('"events":[{'), 'some events were coded');
    assert.equal(two.out, one.out);
    assert.equal(two.err, one.err);
  });

  test('--format table --explain is the same with two workers', async () => {
    const one = await run(['code', SAMPLES, '--format', 'table', '--explain', '--workers', '1']);
    const two = await run(['code', SAMPLES, '--format', 'table', '--explain', '--workers', '2']);
    assert.ok(one.out.startsWith('# s-001'));
    assert.equal(two.out, one.out);
  });

  test('ingest --workers 2 stores what --workers 1 stores', async () => {
    const dump: string[] = [];
    for (const w of ['1', '2']) {
      const db = join(dir, `w${w}.db`);
      assert.equal((await run(['ingest', SAMPLES, '--db', db, '--quiet', '--workers', w])).code, 0);
      const events = await run(['events', '--db', db, '--format', 'jsonl', '--limit', '0']);
      dump.push(events.out.replace(/"ingestedAt":"[^"]*"/g, ''));
    }
    assert.ok((dump[0] ?? '').split('\n').length > 50);
    assert.equal(dump[1], dump[0]);
  });

  test('--workers must be a whole number from 1', async () => {
    assert.equal((await run(['code', SAMPLES, '--workers', '0'])).code, 2);
    assert.equal((await run(['code', SAMPLES, '--workers', 'two'])).code, 2);
    assert.equal(parseWorkers('4'), 4);
    assert.ok(parseWorkers(undefined) >= 1);
  });

  test('by default a small input is coded in one thread; --workers is obeyed; stdin gets the default', async () => {
    assert.equal(await chooseWorkers(undefined, [SAMPLES]), 1);
    assert.equal(await chooseWorkers('3', [SAMPLES]), 3);
    assert.equal(await chooseWorkers(undefined, ['-']), defaultWorkers());
    assert.equal(await chooseWorkers(undefined, [dir]), defaultWorkers());
  });
});

describe('codeInOrder', () => {
  test('keeps input order with tiny batches, pass-through items and uneven documents', async () => {
    const docs = [...benchDocs(40, 9)].map((d, i): Doc => ({ ...d, text: i % 7 === 0 ? d.text.repeat(6) : d.text.slice(0, 200 + i) }));
    async function* items(): AsyncGenerator<{ n: number; doc: Doc | null }> {
      for (let i = 0; i < docs.length; i++) {
        if (i % 5 === 0) yield { n: -i, doc: null };
        yield { n: i, doc: docs[i] as Doc };
      }
    }
    const seen: number[] = [];
    const ids: string[] = [];
    for await (const { item, result } of codeInOrder(items(), (x) => x.doc, { output: 'coded' }, { workers: 2, batch: 3, depth: 1 })) {
      seen.push(item.n);
      if (item.doc) {
        assert.ok(result?.ok);
        ids.push(result.ok ? (result.coded?.id ?? '') : '');
      } else assert.equal(result, null);
    }
    const expected: number[] = [];
    for (let i = 0; i < docs.length; i++) {
      if (i % 5 === 0) expected.push(-i);
      expected.push(i);
    }
    assert.deepEqual(seen, expected);
    assert.deepEqual(ids, docs.map((d) => d.id));
  });
});
