import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { tokenize } from '../annotate/index.js';
import { DATA_DIR, PLOVER_TYPES } from '../core/index.js';
import { type PatternIndex, findTriggers, inflections, loadPatterns, modalityOf } from './index.js';

let idx: PatternIndex;
const tmp: string[] = [];
before(() => {
  idx = loadPatterns();
});
after(() => {
  for (const d of tmp) rmSync(d, { recursive: true, force: true });
});

const HEADER = 'id\tcameo\tmode\tcontext\ttrigger\troles\ttprep\trequires\tnot\tflags\tnote';

/** A folder with one pattern file; returns the folder. */
function patternDir(name: string, lines: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'entente-patterns-'));
  tmp.push(dir);
  writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
  return dir;
}

describe('code/patterns: the data files', () => {
  test('one file per PLOVER type, and every file loads', () => {
    const files = readdirSync(join(DATA_DIR, 'patterns')).filter((f) => f.endsWith('.tsv'));
    assert.deepEqual(files.map((f) => f.replace(/\.tsv$/, '').toUpperCase()).sort(), [...PLOVER_TYPES].sort());
    for (const t of PLOVER_TYPES) {
      assert.ok(
        idx.all.some((p) => p.plover === t),
        `no pattern for ${t}`,
      );
    }
  });

  test('every pattern has an id of its type, a file and line, and a non-empty trigger', () => {
    for (const p of idx.all) {
      assert.ok(p.id.startsWith(`${p.plover.toLowerCase()}/`), p.id);
      assert.ok(p.file.endsWith(`${p.plover.toLowerCase()}.tsv`), p.file);
      assert.ok(p.line > 1);
      assert.ok(p.slots.length > 0);
      assert.ok(p.slots[0] !== null && p.slots[p.slots.length - 1] !== null);
      if (p.cameo !== null) assert.match(p.cameo, /^\d{2,4}$/);
    }
  });

  test('the index by first word holds every pattern under each form of its first slot', () => {
    for (const p of idx.all) {
      for (const f of p.slots[0]!) assert.ok(idx.byFirst.get(f)?.includes(p), `${p.id} under '${f}'`);
    }
  });

  test(
    'the note of a pattern (its example) triggers a pattern of its own type',
    () => {
    // the note column is an example sentence: it must at least contain a trigger of that type
    const misses: string[] = [];
    for (const p of idx.all) {
      if (!p.note) continue;
      const hits = findTriggers(idx, tokenize(p.note));
      if (!hits.some((h) => h.p.plover === p.plover)) misses.push(`${p.id}: ${p.note}`);
    }
    assert.deepEqual([...new Set(misses)], []);
    },
  );
});

describe('code/patterns: inflections', () => {
  const rows: [word: string, forms: string[], todo?: string][] = [
    ['meet', ['meet', 'meets', 'met', 'meeting']],
    ['sign', ['sign', 'signs', 'signed', 'signing']],
    ['carry', ['carries', 'carried', 'carrying']],
    ['agree', ['agrees', 'agreed', 'agreeing']],
    ['visit', ['visits', 'visited', 'visiting']],
    ['host', ['hosts', 'hosted', 'hosting']],
    ['release', ['releases', 'released', 'releasing']],
    ['stop', ['stops', 'stopped', 'stopping']],
    ['ban', ['bans', 'banned', 'banning']],
    ['deploy', ['deploys', 'deployed', 'deploying']],
    ['withdraw', ['withdraws', 'withdrew', 'withdrawn', 'withdrawing']],
    ['seize', ['seizes', 'seized', 'seizing']],
    ['hold', ['holds', 'held', 'holding']],
    ['attack', ['attacks', 'attacked', 'attacking']],
    ['approach', ['approaches']],
    ['expel', ['expels', 'expelled', 'expelling']],
    ['patrol', ['patrols', 'patrolled', 'patrolling']],
    ['control', ['controls', 'controlled', 'controlling']],
  ];
  for (const [word, forms, todo] of rows) {
    test(`${word} -> ${forms.join(', ')}`, todo ? { todo } : {}, () => {
      const got = inflections(word);
      for (const f of forms) assert.ok(got.includes(f), `${f} not in ${got.join(',')}`);
    });
  }

  test('a word= slot matches exactly that word', () => {
    const dir = patternDir('consult.tsv', [HEADER, 'consult/001\t040\t\t\tvisited=\tso\t\t\t\t\tX visited Y']);
    const p = loadPatterns(dir);
    assert.deepEqual([...p.all[0]!.slots[0]!], ['visited']);
  });

  test('a/b slot takes both words and their forms', () => {
    const dir = patternDir('consult.tsv', [HEADER, 'consult/001\t040\t\t\tphone/call\tso\t\t\t\t\tX called Y']);
    const slot = loadPatterns(dir).all[0]!.slots[0]!;
    for (const f of ['phone', 'phoned', 'call', 'called', 'calling']) assert.ok(slot.has(f), f);
  });
});

describe('code/patterns: bad pattern files name file:line', () => {
  const cases: [label: string, name: string, rows: string[], message: RegExp][] = [
    ['id of another type', 'consult.tsv', [HEADER, 'assault/001\t040\t\t\tmeet\tso\t\t\t\t\t'], /consult\.tsv:2: id 'assault\/001' must start with 'consult\/'/],
    [
      'duplicate id',
      'consult.tsv',
      [HEADER, 'consult/001\t040\t\t\tmeet\tso\t\t\t\t\t', '# a comment', 'consult/001\t040\t\t\ttalk\tso\t\t\t\t\t'],
      /consult\.tsv:4: duplicate id 'consult\/001'/,
    ],
    ['unknown roles', 'consult.tsv', ['# header next', HEADER, 'consult/001\t040\t\t\tmeet\txy\t\t\t\t\t'], /consult\.tsv:3: unknown roles 'xy'/],
    ['bad CAMEO code', 'consult.tsv', [HEADER, 'consult/001\t4x\t\t\tmeet\tso\t\t\t\t\t'], /consult\.tsv:2: bad CAMEO code '4x'/],
    ['trigger starting with a gap', 'consult.tsv', [HEADER, 'consult/001\t040\t\t\t.. talks\tso\t\t\t\t\t'], /consult\.tsv:2: a trigger cannot start or end with '\.\.'/],
    ['empty trigger alternative', 'consult.tsv', [HEADER, 'consult/001\t040\t\t\tmeet| \tso\t\t\t\t\t'], /consult\.tsv:2: empty trigger/],
    ['too many cells', 'consult.tsv', [HEADER, 'consult/001\t040\t\t\tmeet\tso\t\t\t\t\tnote\textra'], /consult\.tsv:2: 12 cells, header has 11/],
    ['header without a required column', 'consult.tsv', ['id\tcameo\tmode\tcontext\troles', 'consult/001\t040\t\t\tso'], /consult\.tsv:1: header lacks column 'trigger'/],
    ['file name that is no PLOVER type', 'meetings.tsv', [HEADER, 'meetings/001\t040\t\t\tmeet\tso\t\t\t\t\t'], /meetings\.tsv:1: file name is not a PLOVER type/],
  ];
  for (const [label, name, rows, message] of cases) {
    test(label, () => {
      const dir = patternDir(name, rows);
      assert.throws(
        () => loadPatterns(dir),
        (e: unknown) => {
          assert.ok(e instanceof Error);
          assert.match(e.message, message);
          assert.ok(e.message.includes(join(dir, name)), `the message names the file: ${e.message}`);
          return true;
        },
      );
    });
  }

  test('a missing folder is an error, not an empty index', () => {
    assert.throws(() => loadPatterns(join(tmpdir(), 'entente-no-such-folder-xyz')));
  });
});

describe('code/modality: modalityOf', () => {
  const at = (sentence: string, word: string): { toks: ReturnType<typeof tokenize>; i: number } => {
    const toks = tokenize(sentence);
    const i = toks.findIndex((t) => t.norm === word);
    assert.ok(i >= 0, `${word} in ${sentence}`);
    return { toks, i };
  };
  const rows: [sentence: string, trigger: string, want: 'occurred' | 'negated' | 'hypothetical' | 'intend', todo?: string][] = [
    ['Türkiye attacked Syria.', 'attacked', 'occurred'],
    ['Türkiye did not attack Syria.', 'attack', 'negated'],
    ["Türkiye didn't attack Syria.", 'attack', 'negated'],
    ['Türkiye never attacked Syria.', 'attacked', 'negated'],
    ['Türkiye could attack Syria.', 'attack', 'hypothetical'],
    ['Türkiye might attack Syria.', 'attack', 'hypothetical'],
    ['If talks fail, Türkiye will attack Syria.', 'attack', 'hypothetical'],
    ['Türkiye will attack Syria.', 'attack', 'intend'],
    ['Türkiye plans to attack Syria.', 'attack', 'intend'],
    ['Türkiye is expected to sign the deal.', 'sign', 'intend'],
    ['Türkiye is considering sanctions.', 'sanctions', 'hypothetical'],
    ['Officials said that Türkiye signed the deal.', 'signed', 'occurred'],
  ];
  for (const [sentence, trigger, want, todo] of rows) {
    test(`${sentence} -> ${want}`, todo ? { todo } : {}, () => {
      const { toks, i } = at(sentence, trigger);
      const m = modalityOf(toks, i, false);
      const got = m.negated ? 'negated' : m.hypothetical ? 'hypothetical' : m.intend ? 'intend' : 'occurred';
      assert.equal(got, want, m.cues.join(','));
    });
  }
});
