import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { formatIssue, type InputRecord, readInputs, rejectRecord, STDIN_NAME } from './index.js';

const noStdin = Readable.from([]);

async function collect(inputs: string[], stdin: NodeJS.ReadableStream = noStdin, maxBytes?: number) {
  const out: InputRecord[] = [];
  for await (const r of readInputs(inputs, { stdin, ...(maxBytes !== undefined ? { maxBytes } : {}) })) out.push(r);
  return out;
}

function bad(r: InputRecord | undefined) {
  assert.ok(r && !r.ok, `expected a rejected record, got ${JSON.stringify(r)}`);
  return r;
}

function good(r: InputRecord | undefined) {
  assert.ok(r?.ok, `expected a document, got ${JSON.stringify(r)}`);
  return r;
}

const line = (o: unknown): string => JSON.stringify(o);

describe('ingest: readInputs', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'entente-ingest-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('JSONL: good records around bad ones keep order and line numbers', async () => {
    const path = join(dir, 'mixed.jsonl');
    const lines = [
      line({ id: 'a', date: '2024-04-02', title: 'T', text: 'Alpha text.', events: [{ plover: 'CONSULT' }], meta: { k: 1 } }),
      '{"id": "b", "text": ',
      '',
      line({ id: 'c', date: null, text: 'Gamma.' }),
      line({ date: '2024-04-02', text: 'no id' }),
      line({ id: 'e', date: '2024-13-45', text: 'bad month' }),
      line({ id: 'f', date: 'yesterday', text: 'relative word' }),
      line({ id: 'g', text: '   \n ' }),
      line({ id: 'h' }),
      line({ id: 7, date: '2024-04-01T22:15:00Z', text: 'numeric id, timestamp date', source: 'wire', url: null }),
      line({ id: 'a', date: '2024-04-02', text: 'same id as line 1' }),
      line({ id: { x: 1 }, text: 'object id' }),
      '[1,2]',
      '   ',
      line({ id: 'n', text: 'no date at all' }),
    ];
    await writeFile(path, `${lines.join('\n')}\n`);
    const recs = await collect([path]);
    assert.deepEqual(
      recs.map((r) => [r.ok, r.line]),
      [
        [true, 1],
        [false, 2],
        [true, 4],
        [false, 5],
        [false, 6],
        [false, 7],
        [false, 8],
        [false, 9],
        [true, 10],
        [false, 11],
        [false, 12],
        [false, 13],
        [true, 15],
      ],
    );
    const a = good(recs[0]).doc;
    assert.deepEqual(a, { id: 'a', date: '2024-04-02', title: 'T', text: 'Alpha text.', meta: { k: 1 } });
    assert.equal(good(recs[2]).doc.date, null);

    const json = bad(recs[1]);
    assert.equal(json.issues[0]?.code, 'json');
    assert.match(json.issues[0]?.message ?? '', /invalid JSON: .+/);
    assert.equal(json.raw, lines[1]);
    assert.equal(json.issues[0]?.line, 2);
    assert.equal(json.issues[0]?.file, path);

    assert.deepEqual(
      bad(recs[3]).issues.map((i) => [i.code, i.field]),
      [['field', 'id']],
    );
    assert.deepEqual(
      bad(recs[4]).issues.map((i) => [i.code, i.field, i.docId]),
      [['date', 'date', 'e']],
    );
    assert.equal(bad(recs[5]).issues[0]?.code, 'date');
    assert.match(bad(recs[5]).issues[0]?.message ?? '', /yesterday/);
    assert.deepEqual(
      bad(recs[6]).issues.map((i) => [i.code, i.field, i.message]),
      [['field', 'text', 'empty text']],
    );
    assert.deepEqual(
      bad(recs[7]).issues.map((i) => [i.code, i.field, i.message]),
      [['field', 'text', 'missing text']],
    );
    const seven = good(recs[8]).doc;
    assert.equal(seven.id, '7');
    assert.equal(seven.date, '2024-04-01');
    assert.equal(seven.source, 'wire');
    assert.equal(seven.url, null);
    const dup = bad(recs[9]);
    assert.equal(dup.issues[0]?.code, 'duplicate-id');
    assert.match(dup.issues[0]?.message ?? '', /first seen at .*mixed\.jsonl:1/);
    assert.equal(dup.raw, lines[10]);
    assert.deepEqual(
      bad(recs[10]).issues.map((i) => [i.code, i.field]),
      [['field', 'id']],
    );
    assert.equal(bad(recs[11]).issues[0]?.code, 'json');
    assert.match(bad(recs[11]).issues[0]?.message ?? '', /array/);
  });

  test('JSONL: several issues on one record are all reported', async () => {
    const path = join(dir, 'multi.jsonl');
    await writeFile(path, line({ id: '', date: '2023-02-30', text: '' }));
    const r = bad((await collect([path]))[0]);
    assert.deepEqual(r.issues.map((i) => i.field).sort(), ['date', 'id', 'text']);
  });

  test('JSONL: BOM stripped, CRLF endings, no final newline', async () => {
    const path = join(dir, 'bom.ndjson');
    await writeFile(path, `\uFEFF${line({ id: 'x', date: '2024-01-05', text: 'One.' })}\r\n${line({ id: 'y', date: null, text: 'Two.' })}`);
    const recs = await collect([path]);
    assert.deepEqual(
      recs.map((r) => (r.ok ? [r.doc.id, r.line] : r.issues)),
      [
        ['x', 1],
        ['y', 2],
      ],
    );
  });

  test('encoding: invalid UTF-8 in one line rejects that line only, with its byte offset', async () => {
    const path = join(dir, 'latin1.jsonl');
    const l1 = Buffer.from(`${line({ id: 'ok1', date: null, text: 'fine' })}\n`);
    const l2 = Buffer.concat([Buffer.from('{"id":"bad","text":"caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]);
    const l3 = Buffer.from(`${line({ id: 'ok2', date: null, text: 'fine too' })}\n`);
    await writeFile(path, Buffer.concat([l1, l2, l3]));
    const recs = await collect([path]);
    assert.deepEqual(
      recs.map((r) => [r.ok, r.line]),
      [
        [true, 1],
        [false, 2],
        [true, 3],
      ],
    );
    const r = bad(recs[1]);
    assert.equal(r.issues[0]?.code, 'encoding');
    assert.match(r.issues[0]?.message ?? '', new RegExp(`byte 23 of line 2 \\(byte ${l1.length + 23} of the file\\)`));
    assert.ok(r.raw?.includes('\uFFFD'));
  });

  test('binary: a file with NUL bytes gives one issue for the file', async () => {
    const path = join(dir, 'blob.jsonl');
    await writeFile(path, Buffer.concat([Buffer.from('{"id":"a","text":"x"}\n'), Buffer.alloc(100, 0), Buffer.from('\n{"id":"b","text":"y"}\n')]));
    const recs = await collect([path]);
    assert.equal(recs.length, 1);
    const r = bad(recs[0]);
    assert.deepEqual([r.issues[0]?.code, r.line, r.raw], ['binary', null, null]);
    const txt = join(dir, 'blob.txt');
    await writeFile(txt, Buffer.concat([Buffer.from('date 2024-04-02\n'), Buffer.from([0, 1, 2])]));
    assert.equal(bad((await collect([txt]))[0]).issues[0]?.code, 'binary');
  });

  test('io: a missing file is an issue naming the path, and the run goes on', async () => {
    const missing = join(dir, 'nope.jsonl');
    const ok = join(dir, 'after.jsonl');
    await writeFile(ok, line({ id: 'after', date: null, text: 'still read' }));
    const recs = await collect([missing, ok]);
    const r = bad(recs[0]);
    assert.equal(r.issues[0]?.code, 'io');
    assert.ok(r.issues[0]?.message.includes(missing));
    assert.match(r.issues[0]?.message ?? '', /no such file/);
    assert.equal(good(recs[1]).doc.id, 'after');
  });

  test('plain text: leading date token, id from file name, text after the token', async () => {
    const path = join(dir, 'story-01.txt');
    await writeFile(path, 'date 2024-04-02\n\n  Ministers met in Baku on Tuesday.\n');
    const r = good((await collect([path]))[0]);
    assert.deepEqual(r.doc, { id: 'story-01', date: '2024-04-02', title: null, text: 'Ministers met in Baku on Tuesday.' });
    assert.equal(r.line, null);
    assert.equal(r.doc.text.indexOf('Baku'), 17);

    const colon = join(dir, 'colon.text');
    await writeFile(colon, '\uFEFFDate: 2023-11-30T08:00:00Z The talks ended.');
    assert.deepEqual(good((await collect([colon]))[0]).doc, { id: 'colon', date: '2023-11-30', title: null, text: 'The talks ended.' });
  });

  test('plain text: missing or bad date token, empty text, invalid UTF-8', async () => {
    const nodate = join(dir, 'nodate.txt');
    await writeFile(nodate, 'Date of the summit is not known.');
    const r1 = bad((await collect([nodate]))[0]);
    assert.deepEqual([r1.issues[0]?.code, r1.issues[0]?.file], ['missing-date', nodate]);
    assert.equal(r1.raw, 'Date of the summit is not known.');

    const baddate = join(dir, 'baddate.txt');
    await writeFile(baddate, 'date 2024-02-30\nText.');
    assert.equal(bad((await collect([baddate]))[0]).issues[0]?.code, 'date');

    const empty = join(dir, 'empty.txt');
    await writeFile(empty, 'date 2024-02-03\n   \n');
    assert.deepEqual(
      bad((await collect([empty]))[0]).issues.map((i) => [i.code, i.field]),
      [['field', 'text']],
    );

    const enc = join(dir, 'enc.txt');
    await writeFile(enc, Buffer.concat([Buffer.from('date 2024-02-03\nline two\nbad '), Buffer.from([0xff]), Buffer.from(' byte')]));
    const r4 = bad((await collect([enc]))[0]);
    assert.equal(r4.issues[0]?.code, 'encoding');
    assert.equal(r4.line, 3);
    assert.match(r4.issues[0]?.message ?? '', /byte 29 .*line 3/);
  });

  test('folders: recursive, sorted, known extensions only, hidden files skipped', async () => {
    const root = join(dir, 'tree');
    await mkdir(join(root, 'b-sub'), { recursive: true });
    await mkdir(join(root, '.hidden-dir'), { recursive: true });
    await writeFile(join(root, 'c.jsonl'), `${line({ id: 'c1', date: null, text: 'c one' })}\n${line({ id: 'c2', date: null, text: 'c two' })}\n`);
    await writeFile(join(root, 'a.txt'), 'date 2022-06-01 Alpha.');
    await writeFile(join(root, 'b-sub', 'z.ndjson'), line({ id: 'z', date: null, text: 'zed' }));
    await writeFile(join(root, '.secret.jsonl'), line({ id: 'hidden', date: null, text: 'h' }));
    await writeFile(join(root, '.hidden-dir', 'x.txt'), 'date 2022-06-01 hidden');
    await writeFile(join(root, 'notes.md'), '# not a document');
    const recs = await collect([root]);
    assert.deepEqual(
      recs.map((r) => (r.ok ? r.doc.id : r.issues[0]?.code)),
      ['a', 'z', 'c1', 'c2'],
    );
  });

  test('stdin: `-` reads JSONL from the given stream, in chunks split mid-line', async () => {
    const text = `${line({ id: 's1', date: '2024-04-02', text: 'héllo wörld' })}\nnot json\n${line({ id: 's2', date: null, text: 'two' })}\n`;
    const bytes = Buffer.from(text);
    // split inside a multi-byte character and inside lines
    const stdin = Readable.from([bytes.subarray(0, 35), bytes.subarray(35, 36), bytes.subarray(36)]);
    const recs = await collect(['-'], stdin);
    assert.deepEqual(
      recs.map((r) => [r.ok ? r.doc.id : r.issues[0]?.code, r.file, r.line]),
      [
        ['s1', STDIN_NAME, 1],
        ['json', STDIN_NAME, 2],
        ['s2', STDIN_NAME, 3],
      ],
    );
    assert.equal(good(recs[0]).doc.text, 'héllo wörld');
  });

  test('a 10 MB document is read whole', async () => {
    const path = join(dir, 'big.jsonl');
    const body = 'Troops crossed the border. '.repeat(400_000);
    assert.ok(body.length > 10_000_000);
    await writeFile(path, `${line({ id: 'small', date: null, text: 'x' })}\n${line({ id: 'big', date: '2024-04-02', text: body })}\n`);
    const recs = await collect([path]);
    assert.equal(recs.length, 2);
    assert.equal(good(recs[1]).doc.text.length, body.length);

    const txt = join(dir, 'big.txt');
    await writeFile(txt, `date 2024-04-02\n${body}`);
    assert.equal(good((await collect([txt]))[0]).doc.text, body.trimEnd());
  });

  test('maxBytes: a longer line is rejected without being kept, the next line is read', async () => {
    const path = join(dir, 'limit.jsonl');
    await writeFile(path, `${line({ id: 'long', text: 'y'.repeat(5000) })}\n${line({ id: 'short', text: 'ok' })}\n`);
    const recs = await collect([path], noStdin, 1000);
    assert.deepEqual(
      recs.map((r) => (r.ok ? r.doc.id : `${r.issues[0]?.code}:${r.line}`)),
      ['too-large:1', 'short'],
    );
  });

  test('a 20k-line file is streamed to the end', async () => {
    const path = join(dir, 'many.jsonl');
    const rows: string[] = [];
    for (let i = 0; i < 20_000; i++) rows.push(line({ id: `d${i}`, date: '2024-04-02', text: `Document number ${i}.` }));
    await writeFile(path, `${rows.join('\n')}\n`);
    let n = 0;
    let last: InputRecord | undefined;
    for await (const r of readInputs([path], { stdin: noStdin })) {
      assert.ok(r.ok);
      n++;
      last = r;
    }
    assert.equal(n, 20_000);
    assert.equal(last?.line, 20_000);
    assert.equal(good(last).doc.id, 'd19999');
  });
});

describe('ingest: formatIssue and rejectRecord', () => {
  test('formatIssue: file:line: field: message', () => {
    assert.equal(formatIssue({ code: 'field', message: 'missing text', file: 'a.jsonl', line: 3, field: 'text' }), 'a.jsonl:3: text: missing text');
    assert.equal(formatIssue({ code: 'io', message: 'cannot read b.txt', file: 'b.txt' }), 'b.txt: cannot read b.txt');
  });

  test('rejectRecord: one JSON line with file, line, issues, raw', () => {
    const issue = { code: 'json', message: 'invalid JSON: x', file: 'a.jsonl', line: 2 };
    const s = rejectRecord({ ok: false, issues: [issue], file: 'a.jsonl', line: 2, raw: '{"id":\n' });
    assert.ok(!s.includes('\n'));
    assert.deepEqual(JSON.parse(s), { file: 'a.jsonl', line: 2, issues: [issue], raw: '{"id":\n' });
  });
});
