// `entente eval` and the scorer: figures computed by hand on a small gold file, the matching rule
// (country level, unordered symmetric types, duplicates once), and agreement with the shared
// reference scorer (../shared/eval/score.mjs) on the dev set when it is there.
import { runCli } from '../cli.js';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eventKey, formatScore, restrict, score } from '../../src/eval/score.js';
import { SKIP_NO_SHARED, sharedFile } from '../shared.js';

let dir: string;
let gold: string;

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return runCli(['eval', ...args], { cwd: dir });
}

const ev = (plover: string, source: string | null, target: string | null) => ({ plover, source, target });

// six documents; the expected figures are worked out in the comments
const GOLD = [
  // tp ASSAULT RUS>UKR, tp SUPPORT AZE>TUR
  { id: 'e1', date: '2024-03-15', text: 'Russia attacked Ukraine. Azerbaijan signed a defense cooperation agreement with Türkiye.', events: [ev('ASSAULT', 'RUSMIL', 'UKR'), ev('SUPPORT', 'AZE', 'TURGOV')] },
  // the negated attack is left out; tp AID JPN>TUR; fn CONSULT FRA>DEU (nothing in the text)
  { id: 'e2', date: '2024-03-15', text: 'Türkiye did not attack Syria. Japan sent humanitarian aid to Türkiye.', events: [ev('AID', 'JPN', 'TUR'), ev('CONSULT', 'FRA', 'DEU')] },
  // no event on either side
  { id: 'e3', date: '2024-03-15', text: 'The weather was mild.', events: [] },
  // tp COOPERATE: the coder says USA>EGY (the seller is the source), gold EGY>USA: unordered for COOPERATE
  { id: 'e4', date: '2024-03-15', text: 'Egypt bought attack helicopters from the United States.', events: [ev('COOPERATE', 'EGY', 'USA')] },
  // no text: not coded, counts as a document with no prediction; fn ACCUSE CHN>USA
  { id: 'e5', date: '2024-03-15', events: [ev('ACCUSE', 'CHN', 'USA')] },
  // ACCUSE is ordered: gold JPN>CHN against the coder's CHN>JPN is one fp and one fn
  { id: 'e6', date: '2024-03-15', text: "China condemned Japan's decision.", events: [ev('ACCUSE', 'JPN', 'CHN')] },
];
// full: tp 4 (e1 2, e2 1, e4 1), fp 1 (e6), fn 3 (e2, e5, e6): P 4/5, R 4/7, F1 2PR/(P+R) = 8/12
// source: tp 3 (e1 2, e2 AID), fp 2 (e4 COOPERATE|USA, e6 ACCUSE|CHN), fn 4 (e2 CONSULT, e4 COOPERATE|EGY, e5, e6)
// type: tp 5 (e1 2, e2 1, e4 1, e6 1), fp 0, fn 2 (e2 CONSULT, e5 ACCUSE)

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'entente-eval-'));
  gold = join(dir, 'gold.jsonl');
  writeFileSync(gold, `${GOLD.map((d) => JSON.stringify(d)).join('\n')}\n`);
});
after(() => rmSync(dir, { recursive: true, force: true }));

const r4 = (x: number): number => +x.toFixed(4);

describe('eval/score: the matching rule', () => {
  test('eventKey: country level, unordered for CONSULT, AGREE and COOPERATE only', () => {
    assert.equal(eventKey({ plover: 'CONSULT', source: 'TURGOV', target: 'AZEMIL' }, 'full'), 'CONSULT|AZE|TUR');
    assert.equal(eventKey({ type: 'AGREE', source: { code: 'TURGOV' }, target: { code: 'AZE' } }, 'full'), 'AGREE|AZE|TUR');
    assert.equal(eventKey({ plover: 'SUPPORT', source: 'TUR', target: 'AZE' }, 'full'), 'SUPPORT|TUR|AZE');
    assert.equal(eventKey({ plover: 'ASSAULT', source: null, target: 'UKR' }, 'full'), 'ASSAULT|-|UKR');
    assert.equal(eventKey({ plover: 'accuse', source: { country: 'chn' }, target: 'USA' }, 'source'), 'ACCUSE|CHN|-');
    assert.equal(eventKey({ plover: 'PROTEST', source: 'IND', target: 'INDGOV' }, 'type'), 'PROTEST|-|-');
  });

  test('duplicates count once; a missing prediction counts as empty', () => {
    const g = [
      { id: 'a', events: [ev('CONSULT', 'TUR', 'AZE'), ev('CONSULT', 'TURGOV', 'AZEMIL')] },
      { id: 'b', events: [ev('ASSAULT', 'RUS', 'UKR')] },
    ];
    const p = new Map([['a', { events: [ev('CONSULT', 'AZE', 'TUR'), ev('CONSULT', 'AZE', 'TUR'), ev('SANCTION', 'USA', 'RUS')] }]]);
    const r = score(g, p, 'full');
    assert.deepEqual([r.tp, r.fp, r.fn, r.missing, r.documents], [1, 1, 1, 1, 2]);
    assert.equal(r.precision, 0.5);
    assert.equal(r.recall, 0.5);
    assert.equal(r.f1, 0.5);
    assert.deepEqual(r.byType.CONSULT, { precision: 1, recall: 1, f1: 1, tp: 1, fp: 0, fn: 0 });
  });

  test('no events anywhere: zeros, not NaN', () => {
    const r = score([{ id: 'a', events: [] }], new Map(), 'full');
    assert.deepEqual([r.precision, r.recall, r.f1], [0, 0, 0]);
    assert.match(formatScore(r, true), /^key full; documents 1 \(no prediction for 1\); P 0\.000 R 0\.000 F1 0\.000 \(tp 0 fp 0 fn 0\)\n$/);
  });
});

describe('e2e: entente eval on a hand-made gold file', () => {
  test('--json gives the figures worked out by hand (key full)', async () => {
    const r = await run([gold, '--json']);
    assert.equal(r.code, 0, r.err);
    const s = JSON.parse(r.out) as { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number; documents: number; missing: number };
    assert.deepEqual([s.tp, s.fp, s.fn], [4, 1, 3], r.out);
    assert.equal(s.documents, 6);
    assert.equal(s.missing, 1);
    assert.equal(s.precision, 0.8);
    assert.equal(s.recall, r4(4 / 7));
    assert.equal(s.f1, r4(2 / 3));
  });

  test('--key source and --key type', async () => {
    const src = JSON.parse((await run([gold, '--json', '--key', 'source'])).out) as { tp: number; fp: number; fn: number };
    assert.deepEqual([src.tp, src.fp, src.fn], [3, 2, 4]);
    const typ = JSON.parse((await run([gold, '--json', '--key', 'type'])).out) as { tp: number; fp: number; fn: number; precision: number; recall: number };
    assert.deepEqual([typ.tp, typ.fp, typ.fn], [5, 0, 2]);
    assert.equal(typ.precision, 1);
    assert.equal(typ.recall, r4(5 / 7));
  });

  test('--type and --source score a part of the events, on both sides alike', async () => {
    // types: e1 ASSAULT and e2 AID are found; nothing else of either side is scored
    const typ = JSON.parse((await run([gold, '--json', '--type', 'aid,ASSAULT'])).out) as { tp: number; fp: number; fn: number };
    assert.deepEqual([typ.tp, typ.fp, typ.fn], [2, 0, 0]);
    // source JPN: gold AID JPN>TUR (found) and ACCUSE JPN>CHN (the coder's CHN>JPN has another source): tp 1, fn 1
    const src = JSON.parse((await run([gold, '--json', '--source', 'JPN'])).out) as { tp: number; fp: number; fn: number };
    assert.deepEqual([src.tp, src.fp, src.fn], [1, 0, 1]);
    const bad = await run([gold, '--type', 'ATTACK']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /unknown PLOVER type ATTACK/);
  });

  test('restrict: a source matches as a code prefix, gold strings and coded objects alike', () => {
    const evs = [ev('ASSAULT', 'INDCOP', null), ev('ASSAULT', 'IND', null), { type: 'COERCE', source: { code: 'INDCOPMIL' }, target: null }, ev('PROTEST', 'INDCOP', null)];
    assert.equal(restrict(evs, { types: ['ASSAULT', 'COERCE'], sources: ['indcop'] }).length, 2);
    assert.equal(restrict(evs, { types: [], sources: [] }).length, 4);
    assert.equal(restrict(evs, { types: ['PROTEST'], sources: [] }).length, 1);
  });

  test('text report with --by-type, line for line', async () => {
    const r = await run([gold, '--by-type']);
    assert.equal(r.code, 0, r.err);
    assert.equal(
      r.out,
      [
        'ACCUSE     P 0.000 R 0.000 F1 0.000 (tp 0 fp 1 fn 2)',
        'AID        P 1.000 R 1.000 F1 1.000 (tp 1 fp 0 fn 0)',
        'ASSAULT    P 1.000 R 1.000 F1 1.000 (tp 1 fp 0 fn 0)',
        'CONSULT    P 0.000 R 0.000 F1 0.000 (tp 0 fp 0 fn 1)',
        'COOPERATE  P 1.000 R 1.000 F1 1.000 (tp 1 fp 0 fn 0)',
        'SUPPORT    P 1.000 R 1.000 F1 1.000 (tp 1 fp 0 fn 0)',
        'key full; documents 6 (no prediction for 1); P 0.800 R 0.571 F1 0.667 (tp 4 fp 1 fn 3)',
        '',
      ].join('\n'),
    );
  });

  test('--pred writes one line per coded document, without negated events or explanations', async () => {
    const p = join(dir, 'pred-small.jsonl');
    await run([gold, '--json', '--pred', p]);
    const docs = readFileSync(p, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; events: { aux: string[]; explain?: unknown }[] });
    assert.deepEqual(
      docs.map((d) => d.id),
      ['e1', 'e2', 'e3', 'e4', 'e6'],
    );
    for (const d of docs) for (const e of d.events) {
      assert.ok(!e.aux.some((a) => a !== 'intend'), JSON.stringify(e));
      assert.ok(!('explain' in e));
    }
  });

  test('usage errors and unreadable input', async () => {
    assert.equal((await run([gold, '--key', 'nope'])).code, 2);
    assert.equal((await run([])).code, 2);
    const missing = await run([join(dir, 'nope.jsonl')]);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /cannot read/);
    const broken = join(dir, 'broken.jsonl');
    writeFileSync(broken, `${JSON.stringify(GOLD[2])}\n{not json\n`);
    const b = await run([broken]);
    assert.equal(b.code, 1);
    assert.match(b.err, /broken\.jsonl:2: not JSON/);
  });
});

const SCORER = sharedFile('eval/score.mjs');
const DEV = sharedFile('data/news_dev/dev.jsonl');

describe('e2e: entente eval agrees with the reference scorer', { skip: SCORER && DEV ? false : SKIP_NO_SHARED }, () => {
  const reference = (g: string, p: string, key: string): { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number } =>
    JSON.parse(execFileSync(process.execPath, [SCORER!, g, p, '--json', '--key', key], { encoding: 'utf8' })) as never;

  for (const key of ['full', 'source', 'type']) {
    test(`dev set, key ${key}`, async () => {
      const p = join(dir, `pred-dev-${key}.jsonl`);
      const r = await run([DEV!, '--json', '--key', key, '--pred', p]);
      assert.equal(r.code, 0, r.err);
      const ours = JSON.parse(r.out) as { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number };
      const ref = reference(DEV!, p, key);
      assert.deepEqual([ours.precision, ours.recall, ours.f1, ours.tp, ours.fp, ours.fn], [ref.precision, ref.recall, ref.f1, ref.tp, ref.fp, ref.fn]);
    });
  }

  test('the hand-made gold file, key full', async () => {
    const p = join(dir, 'pred-small-ref.jsonl');
    const ours = JSON.parse((await run([gold, '--json', '--pred', p])).out) as { precision: number; recall: number; f1: number };
    const ref = reference(gold, p, 'full');
    assert.deepEqual([ours.precision, ours.recall, ours.f1], [ref.precision, ref.recall, ref.f1]);
  });
});
