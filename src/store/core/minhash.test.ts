import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bandKeys, COPY_THRESHOLD, jaccardEstimate, minhash, textHash } from './minhash.js';

const ARTICLE = [
  'The defence ministers of two neighbouring states met in the capital on Monday to discuss joint training.',
  'They agreed to hold a combined naval drill in the autumn and to exchange officers between their academies.',
  'A spokesman said the sides also reviewed a proposal for the joint production of armoured vehicles.',
  'Talks will continue at the level of deputy ministers next month, according to the statement released afterwards.',
  'Observers noted that the meeting followed a year of closer ties between the two armed forces.',
].join(' ');

describe('near-duplicate detection', () => {
  test('a syndicated copy with a different byline and footer is above the threshold', () => {
    const copy = `By Staff Writer. ${ARTICLE} Copyright 2024 Another Wire Service. All rights reserved.`;
    const a = minhash(ARTICLE);
    const b = minhash(copy);
    assert.ok(a && b);
    assert.ok(jaccardEstimate(a, b) >= COPY_THRESHOLD, `estimate ${jaccardEstimate(a, b)}`);
    const ka = new Set(bandKeys(a));
    assert.ok(bandKeys(b).some((k) => ka.has(k)), 'shares an LSH band');
  });
  test('a different article on the same subject is far below', () => {
    const other = [
      'Two neighbouring states signed a memorandum on border trade in the capital on Monday.',
      'The agreement covers customs posts, rail freight and a new bridge over the river.',
      'Officials expect trade to double within three years, the ministry of economy said in a statement.',
    ].join(' ');
    const a = minhash(ARTICLE);
    const b = minhash(other);
    assert.ok(a && b);
    assert.ok(jaccardEstimate(a, b) < 0.2, `estimate ${jaccardEstimate(a, b)}`);
  });
  test('an edited paragraph lowers the estimate', () => {
    const edited = ARTICLE.replace('They agreed to hold a combined naval drill in the autumn', 'They postponed a planned naval drill until next year');
    const a = minhash(ARTICLE);
    const b = minhash(edited);
    assert.ok(a && b);
    const j = jaccardEstimate(a, b);
    assert.ok(j < 1 && j > 0.5, `estimate ${j}`);
  });
  test('text hash ignores case, spacing and punctuation; too short texts get no signature', () => {
    assert.equal(textHash('Hello,   World!'), textHash('hello world'));
    assert.notEqual(textHash('hello world'), textHash('hello there world'));
    assert.equal(minhash('Too short to compare.'), null);
  });
});
