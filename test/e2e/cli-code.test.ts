// `entente code` through main(), in-process: JSONL and table output, --explain, bad records with file:line
// messages and exit code 1, --rejects, stdin, plain-text files with a `date` token, a 10 MB document.
import { runCli } from '../cli.js';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
let dir: string;

async function run(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  return runCli(['code', '--workers', '1', ...args], { stdin, cwd: dir });
}

interface Line {
  id: string;
  date: string | null;
  events: Record<string, unknown>[];
}
const lines = (out: string): Line[] =>
  out
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Line);

const doc = (id: string, date: string | null, text: string): string => JSON.stringify({ id, date, title: null, text });

/** Our own good and bad records (used when test/fixtures is absent, and for the cases it does not cover). */
let good: string;
let bad: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'entente-cli-code-'));
  good = join(dir, 'good.jsonl');
  writeFileSync(
    good,
    [
      doc('g1', '2024-03-15', 'Azerbaijan and Türkiye signed a defense cooperation agreement in Baku on Tuesday. Türkiye did not attack Syria.'),
      doc('g2', '2024-03-15', 'The weather was mild.'),
      doc('g3', '2024-03-15', 'Russia attacked Ukraine.'),
    ].join('\n') + '\n',
  );
  bad = join(dir, 'bad.jsonl');
  writeFileSync(
    bad,
    [
      '{"id": "b1", "date": "2024-03-15", "text": "unterminated',
      doc('b2', '2024-03-15', 'Russia attacked Ukraine.'),
      JSON.stringify({ id: 'b3', date: '2024-03-15' }),
      doc('b4', '2024-02-30', 'Russia attacked Ukraine.'),
      '',
      doc('b5', '2024-03-15', '   '),
      doc('b2', '2024-03-15', 'A second record with the id of line 2.'),
    ].join('\n') + '\n',
  );
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('e2e: entente code', () => {
  test('JSONL: one line per document, events with the documented fields', async () => {
    const r = await run([good]);
    assert.equal(r.code, 0, r.err);
    const docs = lines(r.out);
    assert.deepEqual(
      docs.map((d) => d.id),
      ['g1', 'g2', 'g3'],
    );
    assert.deepEqual(docs[1]!.events, []);
    const ev = docs[0]!.events.find((e) => e.type === 'SUPPORT');
    assert.ok(ev, JSON.stringify(docs[0]));
    for (const k of ['id', 'type', 'mode', 'aux', 'source', 'target', 'date', 'location', 'evidence', 'rule', 'confidence']) assert.ok(k in ev, `event lacks ${k}`);
    assert.ok(!('explain' in ev), 'explain only with --explain');
    const src = ev.source as { code: string; country: string };
    assert.ok(['AZE', 'TUR'].includes(src.country));
    assert.equal((ev.date as { value: string }).value, '2024-03-12');
    assert.equal((ev.location as { country: string }).country, 'AZE');
    const e = ev.evidence as { text: string; start: number; end: number };
    const text = (JSON.parse(readFileSync(good, 'utf8').split('\n')[0]!) as { text: string }).text;
    assert.equal(text.slice(e.start, e.end), e.text);
    assert.match(r.err, /entente code: 3 document\(s\), \d+ event\(s\), 0 rejected/);
  });

  test('--occurred-only leaves out the negated attack', async () => {
    const all = lines((await run([good])).out)[0]!.events;
    const occ = lines((await run([good, '--occurred-only'])).out)[0]!.events;
    assert.ok(all.some((e) => (e.aux as string[]).includes('negated')));
    assert.ok(!occ.some((e) => (e.aux as string[]).length && (e.aux as string[]).some((a) => a !== 'intend')));
  });

  test('--format table: a block per document, a row per event', async () => {
    const r = await run([good, '--format', 'table']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^# g1 {2}2024-03-15 {2}\d+ event\(s\)$/m);
    assert.match(r.out, /^# g2 {2}2024-03-15 {2}0 event\(s\)$/m);
    assert.match(r.out, /^ {2}SUPPORT\s+-?\s+(AZE|TUR)\S*.*->\s+(AZE|TUR)\S*.*2024-03-12 @Baku$/m);
    assert.match(r.out, /^ {6}"Azerbaijan and Türkiye signed/m);
    assert.ok(!r.out.includes('·'), 'no reasons without --explain');
  });

  test('--explain: reasons in JSONL and in the table', async () => {
    const j = lines((await run([good, '--explain'])).out);
    for (const e of j[0]!.events) {
      assert.ok(Array.isArray(e.explain) && (e.explain as string[]).length > 0);
      assert.ok((e.explain as string[]).some((x) => x.includes(String(e.rule))));
    }
    const t = await run([good, '--format', 'table', '--explain']);
    assert.match(t.out, /^ {6}· trigger 'signed' matched support\/\d{3}/m);
    assert.match(t.out, /^ {6}· date: '(on )?Tuesday'.*2024-03-12/m);
  });

  test('bad records: file:line messages on stderr, good ones coded, exit code 1', async () => {
    const r = await run([bad]);
    assert.equal(r.code, 1);
    assert.deepEqual(
      lines(r.out).map((d) => d.id),
      ['b2'],
    );
    const errs = r.err.trim().split('\n');
    assert.match(r.err, new RegExp(`^${reEscape(bad)}:1: `, 'm'));
    assert.match(r.err, new RegExp(`^${reEscape(bad)}:3: text: `, 'm'));
    assert.match(r.err, new RegExp(`^${reEscape(bad)}:4: date: `, 'm'));
    assert.match(r.err, new RegExp(`^${reEscape(bad)}:6: text: `, 'm'));
    assert.match(r.err, new RegExp(`^${reEscape(bad)}:7: .*b2`, 'm'));
    assert.ok(!errs.some((l) => l.startsWith(`${bad}:5:`)), 'a blank line is no record');
    assert.match(errs[errs.length - 1]!, /entente code: 1 document\(s\), \d+ event\(s\), 5 rejected \(.*json 1.*\)/);
  });

  test('--rejects writes each rejected record with its issues and raw text', async () => {
    const rej = join(dir, 'rejects.jsonl');
    const r = await run([bad, '--rejects', rej]);
    assert.equal(r.code, 1);
    const recs = readFileSync(rej, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string; line: number; issues: { code: string; message: string }[]; raw: string | null });
    assert.deepEqual(
      recs.map((x) => x.line),
      [1, 3, 4, 6, 7],
    );
    for (const x of recs) {
      assert.equal(x.file, bad);
      assert.ok(x.issues.length > 0 && x.issues.every((i) => i.code && i.message));
      assert.equal(x.raw, readFileSync(bad, 'utf8').split('\n')[x.line - 1]);
    }
    assert.equal(recs[0]!.issues[0]!.code, 'json');
    assert.equal(recs[4]!.issues[0]!.code, 'duplicate-id');
  });

  test('the shared fixtures (test/fixtures): good.jsonl codes, bad.jsonl rejects lines 1, 3, 4, 6, 7', { skip: existsSync(join(FIXTURES, 'bad.jsonl')) ? false : 'test/fixtures is absent' }, async () => {
    const g = await run([join(FIXTURES, 'good.jsonl')]);
    assert.equal(g.code, 0, g.err);
    assert.deepEqual(
      lines(g.out).map((d) => d.id),
      ['fx-good-1', 'fx-good-2', 'fx-good-3'],
    );
    const rej = join(dir, 'fx-rejects.jsonl');
    const b = await run([join(FIXTURES, 'bad.jsonl'), '--rejects', rej]);
    assert.equal(b.code, 1);
    assert.deepEqual(
      lines(b.out).map((d) => d.id),
      ['fx-ok-a', 'fx-ok-b'],
    );
    const recs = readFileSync(rej, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { line: number; issues: { code: string; field?: string }[] });
    assert.deepEqual(
      recs.map((x) => [x.line, x.issues[0]!.code, x.issues[0]!.field ?? null]),
      [
        [1, 'json', null],
        [3, 'field', 'text'],
        [4, 'field', 'text'],
        [6, 'date', 'date'],
        [7, 'field', 'id'],
      ],
    );
  });

  test('the shared fixtures: fx-good-1 holds the CONSULT TUR->AZE of its gold events', { skip: existsSync(join(FIXTURES, 'good.jsonl')) ? false : 'test/fixtures is absent' }, async () => {
    const g = lines((await run([join(FIXTURES, 'good.jsonl')])).out);
    const one = g.find((d) => d.id === 'fx-good-1');
    const c = one?.events.find((e) => e.type === 'CONSULT') as { source: { country: string }; target: { country: string } } | undefined;
    assert.ok(c, JSON.stringify(one?.events.map((e) => e.type)));
    assert.deepEqual([c.source.country, c.target.country], ['TUR', 'AZE']);
  });

  test('stdin with -: JSONL, issues named <stdin>:line', async () => {
    const input = `${doc('s1', '2024-03-15', 'Russia attacked Ukraine.')}\nnot json\n`;
    const r = await run(['-'], input);
    assert.equal(r.code, 1);
    assert.deepEqual(
      lines(r.out).map((d) => d.id),
      ['s1'],
    );
    assert.match(r.err, /^<stdin>:2: /m);
  });

  test('a plain-text file: the date token, the file name as id, relative dates from it', async () => {
    const p = join(dir, 'baku-visit.txt');
    writeFileSync(p, 'date 2024-03-15\n\nAzerbaijan and Türkiye signed a defense agreement on Tuesday.\n');
    const r = await run([p]);
    assert.equal(r.code, 0, r.err);
    const [d] = lines(r.out);
    assert.equal(d?.id, 'baku-visit');
    assert.equal(d?.date, '2024-03-15');
    const ev = d?.events.find((e) => e.type === 'SUPPORT');
    assert.equal((ev?.date as { value: string } | undefined)?.value, '2024-03-12');
  });

  test('a plain-text file without the date token is rejected, naming the file', async () => {
    const p = join(dir, 'undated.txt');
    writeFileSync(p, 'Russia attacked Ukraine.\n');
    const r = await run([p]);
    assert.equal(r.code, 1);
    assert.equal(lines(r.out).length, 0);
    assert.match(r.err, new RegExp(`^${reEscape(p)}: date: .*date YYYY-MM-DD`, 'm'));
  });

  test('a folder: its .jsonl and .txt files in sorted order', async () => {
    const f = mkdtempSync(join(dir, 'folder-'));
    writeFileSync(join(f, 'b.txt'), 'date 2024-03-15\nRussia attacked Ukraine.');
    writeFileSync(join(f, 'a.jsonl'), `${doc('fa', '2024-03-15', 'The weather was mild.')}\n`);
    writeFileSync(join(f, 'ignored.csv'), 'x,y\n');
    const r = await run([f]);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(
      lines(r.out).map((d) => d.id),
      ['fa', 'b'],
    );
  });

  test('--out writes to a file and leaves stdout empty', async () => {
    const o = join(dir, 'out.jsonl');
    const r = await run([good, '--out', o]);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, '');
    assert.equal(lines(readFileSync(o, 'utf8')).length, 3);
  });

  test('usage errors exit with 2', async () => {
    const f = await run([good, '--format', 'xml']);
    assert.equal(f.code, 2);
    assert.match(f.err, /--format must be jsonl or table/);
    assert.equal((await run([])).code, 2);
    assert.equal((await run([good, '--no-such-option'])).code, 2);
  });

  test('a missing input file is a rejected record (exit 1), not a crash', async () => {
    const p = join(dir, 'nope.jsonl');
    const r = await run([p, good]);
    assert.equal(r.code, 1);
    assert.match(r.err, /no such file or directory/);
    assert.equal(lines(r.out).length, 3, 'the other input is still coded');
  });

  test('a 10 MB document is coded in one piece', async () => {
    const filler = 'The weather in the region stayed mild for most of the week, and markets were calm. ';
    let text = '';
    while (text.length < 10 * 1024 * 1024) text += `${filler.repeat(99)}Russia attacked Ukraine on Tuesday. `;
    const p = join(dir, 'big.jsonl');
    const tail = 'Azerbaijan and Türkiye signed a defense cooperation agreement.';
    text += tail;
    writeFileSync(p, `${doc('big', '2024-03-15', text)}\n`);
    const r = await run([p]);
    assert.equal(r.code, 0, r.err);
    const [d] = lines(r.out);
    assert.equal(d?.id, 'big');
    const evs = d!.events;
    assert.ok(evs.length > 0);
    for (const e of evs.slice(0, 50)) {
      const ev = e.evidence as { text: string; start: number; end: number };
      assert.equal(text.slice(ev.start, ev.end), ev.text);
    }
    const end = evs.find((e) => e.type === 'SUPPORT');
    assert.ok(end, 'the last sentence is coded too');
    assert.equal((end.evidence as { start: number }).start, text.length - tail.length);
  });
});

function reEscape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
