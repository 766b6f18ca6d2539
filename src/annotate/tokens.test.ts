import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { foldWord, tokenize } from './index.js';

const words = (text: string): string[] => tokenize(text).map((t) => t.text);
const norms = (text: string): string[] => tokenize(text).map((t) => t.norm);

describe('annotate/tokens: tokenize', () => {
  const rows: [label: string, text: string, tokens: string[]][] = [
    ['words and punctuation', 'Baku, Ankara and Tbilisi.', ['Baku', ',', 'Ankara', 'and', 'Tbilisi', '.']],
    ['possessive is split off', "Azerbaijan's minister", ['Azerbaijan', "'s", 'minister']],
    ['curly possessive is split off', 'Türkiye’s drones', ['Türkiye', '’s', 'drones']],
    ['contraction it\'s', "it's done", ['it', "'s", 'done']],
    ['a negative contraction is two words', "Iran didn't reply", ['Iran', 'did', "n't", 'reply']],
    ['the country of a flag or an owner is a word of its own', 'a Greek-flagged tanker', ['a', 'Greek', '-', 'flagged', 'tanker']],
    ['other hyphenated words stay whole', 'a Moscow-based reporter', ['a', 'Moscow-based', 'reporter']],
    ['a curly negative contraction too', 'they won’t go', ['they', 'wo', 'n’t', 'go']],
    ['abbreviation U.S. is one token', 'the U.S. envoy', ['the', 'U.S.', 'envoy']],
    ['U.S.A. is one token', 'the U.S.A. team', ['the', 'U.S.A.', 'team']],
    ['hyphenated word', 'a high-level meeting', ['a', 'high-level', 'meeting']],
    ['model names with hyphens and digits', 'F-16 jets and S-400 systems', ['F-16', 'jets', 'and', 'S-400', 'systems']],
    ['decimal number', '2.5 billion', ['2.5', 'billion']],
    ['quotes are tokens', '"We agree," he said', ['"', 'We', 'agree', ',', '"', 'he', 'said']],
    ['curly quotes are tokens', '“No” — he said', ['“', 'No', '”', '—', 'he', 'said']],
    ['apostrophe inside a name', "Côte d'Ivoire", ['Côte', "d'Ivoire"]],
    ['percent sign', '3%', ['3', '%']],
    ['empty', '', []],
  ];
  for (const [label, text, expected] of rows) {
    test(label, () => assert.deepEqual(words(text), expected));
  }

  test('norm folds case and diacritics, and straightens apostrophes', () => {
    assert.deepEqual(norms('Türkiye TÜRKİYE Turkiye'), ['turkiye', 'turkiye', 'turkiye']);
    assert.deepEqual(norms('Côte d’Ivoire'), ['cote', "d'ivoire"]);
    assert.deepEqual(norms('Bakı'), ['baki']);
    assert.equal(foldWord('Görgün'), 'gorgun');
    assert.equal(foldWord('Ankara’s'), "ankara's");
  });

  test('cap and punct flags', () => {
    const t = tokenize('Baku hosted “Ölçer” , 42');
    assert.deepEqual(
      t.map((x) => [x.text, x.cap, x.punct]),
      [
        ['Baku', true, false],
        ['hosted', false, false],
        ['“', false, true],
        ['Ölçer', true, false],
        ['”', false, true],
        [',', false, true],
        ['42', false, false],
      ],
    );
  });

  test('offsets point into the text, also inside a span', () => {
    const text = "Intro. Azerbaijan's Defense Minister, Zakir Hasanov, met the U.S. envoy in Bakı.";
    const span = { start: text.indexOf('Azerbaijan'), end: text.length };
    const toks = tokenize(text, span);
    assert.equal(toks[0]!.text, 'Azerbaijan');
    assert.equal(toks[0]!.start, span.start);
    for (const t of toks) {
      assert.equal(text.slice(t.start, t.end), t.text);
      assert.ok(t.start >= span.start && t.end <= span.end);
    }
    for (let i = 1; i < toks.length; i++) assert.ok(toks[i]!.start >= toks[i - 1]!.end, 'ordered, no overlap');
  });

  test('astral characters and emoji keep offsets right', () => {
    const text = 'Talks 🤝 in Baku 𝐀 ended.';
    for (const t of tokenize(text)) assert.equal(text.slice(t.start, t.end), t.text);
    assert.ok(words(text).includes('Baku'));
  });
});

describe('annotate/tokens: contractions', () => {
  test("won't and can't read as will and can followed by n't", () => {
    assert.deepEqual(
      tokenize("Russia won't and can’t deploy").map((t) => t.norm),
      ['russia', 'will', "n't", 'and', 'can', "n't", 'deploy'],
    );
  });
});
