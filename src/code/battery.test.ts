// the lexicon battery (test/fixtures/lexicon-battery.tsv): one short sentence per common way news
// states an event; each must give an event of its type between the named countries. Rows marked
// `todo` are known gaps: reported by the runner, not failed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type CodedEvent, PLOVER_TYPES } from '../core/index.js';
import { type Coder, createCoder } from '../pipeline.js';

const FILE = join(fileURLToPath(new URL('../..', import.meta.url)), 'test/fixtures/lexicon-battery.tsv');

interface Row {
  readonly line: number;
  readonly type: string;
  readonly source: string;
  readonly target: string;
  readonly todo: boolean;
  readonly text: string;
}

const rows: Row[] = readFileSync(FILE, 'utf8')
  .split('\n')
  .map((l, i) => ({ l, line: i + 1 }))
  .filter(({ l }) => l.trim() && !l.startsWith('#') && !l.startsWith('type\t'))
  .map(({ l, line }) => {
    const [type = '', source = '', target = '', todo = '', text = ''] = l.split('\t');
    return { line, type, source, target, todo: todo === 'todo', text };
  });

/** `*` accepts anything, `-` no actor, `A|B` either country. */
const fits = (want: string, got: CodedEvent['source']): boolean =>
  want === '*' || want.split('|').some((w) => (w === '-' ? got === null : got?.country === w));

let coder: Coder;
before(() => {
  coder = createCoder();
});

describe('lexicon battery', () => {
  test('the fixture is well formed', () => {
    assert.ok(rows.length >= 100, `only ${rows.length} rows`);
    for (const r of rows) {
      assert.ok((PLOVER_TYPES as readonly string[]).includes(r.type), `line ${r.line}: unknown type '${r.type}'`);
      assert.ok(r.text.length > 10, `line ${r.line}: no sentence`);
    }
  });
  for (const r of rows) {
    test(`${r.type}: ${r.text}`, { todo: r.todo ? `known gap (line ${r.line})` : undefined }, () => {
      const events = coder.codeDoc({ id: `b${r.line}`, date: '2024-05-01', title: null, text: r.text }).events;
      const hit = events.find((e) => e.type === r.type && fits(r.source, e.source) && fits(r.target, e.target));
      const got = events.map((e) => `${e.type} ${e.source?.country ?? '-'}>${e.target?.country ?? '-'}`).join(', ') || 'nothing';
      assert.ok(hit, `line ${r.line}: want ${r.type} ${r.source}>${r.target}; got ${got}`);
    });
  }
});
