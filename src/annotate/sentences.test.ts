import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { splitSentences } from './index.js';

const split = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

type Row = [label: string, text: string, sentences: string[], todo?: string];

const rows: Row[] = [
  ['two plain sentences', 'Ankara protested. Baku agreed.', ['Ankara protested.', 'Baku agreed.']],
  ['U.S. inside a sentence', 'The U.S. Army held drills in Alaska. It ended.', ['The U.S. Army held drills in Alaska.', 'It ended.']],
  ['U.K. and U.N. inside a sentence', 'The U.K. envoy met U.N. staff in Geneva. Talks went on.', ['The U.K. envoy met U.N. staff in Geneva.', 'Talks went on.']],
  ['Mr. and Gen. are not ends', 'Mr. Aliyev met Gen. Hasanov. Both spoke.', ['Mr. Aliyev met Gen. Hasanov.', 'Both spoke.']],
  ['Dr. and Lt. Col. are not ends', 'Dr. Novak briefed Lt. Col. Petrov on the plan. He left.', ['Dr. Novak briefed Lt. Col. Petrov on the plan.', 'He left.']],
  ['initials are not ends', 'The report by J. K. Morris came out. It was long.', ['The report by J. K. Morris came out.', 'It was long.']],
  ['month abbreviation', 'The accord of Jan. 5 held. Later it broke.', ['The accord of Jan. 5 held.', 'Later it broke.']],
  ['decimal numbers', 'The deal is worth 2.5 billion dollars. It was signed.', ['The deal is worth 2.5 billion dollars.', 'It was signed.']],
  ['question and exclamation marks', 'Will they meet? Nobody knows! The talks resume.', ['Will they meet?', 'Nobody knows!', 'The talks resume.']],
  ['closing quote stays with its sentence', 'He said: "We will respond." Then he left.', ['He said: "We will respond."', 'Then he left.']],
  ['curly quotes', '“We will respond,” the minister said. “Soon.” Then silence.', ['“We will respond,” the minister said.', '“Soon.”', 'Then silence.']],
  ['closing bracket stays with its sentence', 'Talks ended (for now.) A new round starts.', ['Talks ended (for now.)', 'A new round starts.']],
  ['lower-case word after a stop does not split', 'The convoy reached km. marker 40 and stopped. Then it turned.', ['The convoy reached km. marker 40 and stopped.', 'Then it turned.']],
  ['a digit after a stop splits', 'They met twice. 3 more rounds are planned.', ['They met twice.', '3 more rounds are planned.']],
  ['paragraph break (blank line)', 'Heading of the story\n\nFirst paragraph here. Second sentence.', ['Heading of the story', 'First paragraph here.', 'Second sentence.']],
  ['single line break ends a heading', 'Military Cooperation\nThe two sides met.', ['Military Cooperation', 'The two sides met.']],
  ['Windows line breaks', 'Line one.\r\nLine two.', ['Line one.', 'Line two.']],
  ['ellipsis', 'They waited... Then talks began.', ['They waited...', 'Then talks began.']],
  ['no final stop', 'Troops withdrew', ['Troops withdrew']],
  ['empty text', '', []],
  ['only white space', '  \n\n \t ', []],
  ['diacritics in capital after a stop', 'Talks ended. Ölçer spoke next.', ['Talks ended.', 'Ölçer spoke next.']],
];

describe('annotate/sentences: splitSentences', () => {
  for (const [label, text, expected, todo] of rows) {
    test(label, todo ? { todo } : {}, () => {
      assert.deepEqual(split(text), expected);
    });
  }

  test('spans are trimmed offsets into the text', () => {
    const text = '  First one.   Second one.  \n\n  Third  ';
    const spans = splitSentences(text);
    assert.equal(spans.length, 3);
    for (const s of spans) {
      const t = text.slice(s.start, s.end);
      assert.equal(t, t.trim(), 'no surrounding white space');
      assert.ok(s.start < s.end);
    }
    // spans are ordered and do not overlap
    for (let i = 1; i < spans.length; i++) assert.ok(spans[i]!.start >= spans[i - 1]!.end);
  });

  test('a sub-range (from, to) gives offsets into the whole text', () => {
    const text = 'Ignored prefix. Kept one. Kept two. Ignored suffix.';
    const from = text.indexOf('Kept one');
    const to = text.indexOf(' Ignored suffix');
    const spans = splitSentences(text, from, to);
    assert.deepEqual(
      spans.map((s) => text.slice(s.start, s.end)),
      ['Kept one.', 'Kept two.'],
    );
  });

  test('every character outside white space is in exactly one sentence (a long mixed text)', () => {
    const parts = ['The U.S. envoy met Mr. Kim.', '“No,” he said.', 'Prices rose 2.5%!', 'Heading', '', 'Next (maybe.) Fine?'];
    const text = parts.join(' \n').repeat(50);
    const spans = splitSentences(text);
    const covered = new Uint8Array(text.length);
    for (const s of spans) for (let i = s.start; i < s.end; i++) covered[i]! += 1;
    for (let i = 0; i < text.length; i++) {
      if (/\s/.test(text[i]!)) continue;
      assert.equal(covered[i], 1, `char ${i} '${text[i]}'`);
    }
  });
});
