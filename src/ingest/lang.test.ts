import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detectLanguage, isCodable, MIN_LANG_CHARS, normalizeLangTag } from './lang.js';

const EN =
  'The defence ministers of Poland and Lithuania met in Vilnius on Monday and agreed to hold joint air defence exercises near the border later this summer, officials said.';
const FR =
  "Les ministres de la Défense de la Pologne et de la Lituanie se sont réunis lundi à Vilnius et ont convenu d'organiser des exercices conjoints de défense aérienne cet été.";
const DE =
  'Die Verteidigungsminister Polens und Litauens trafen sich am Montag in Vilnius und vereinbarten gemeinsame Übungen der Luftverteidigung in der Nähe der Grenze im Sommer.';
const ES =
  'Los ministros de Defensa de Polonia y Lituania se reunieron el lunes en Vilna y acordaron realizar ejercicios conjuntos de defensa aérea cerca de la frontera este verano.';

describe('ingest: language identification', () => {
  const cases: [string, string, string | null, string][] = [
    ['English', EN, 'en', 'eng'],
    ['French', FR, 'fr', 'fra'],
    ['German', DE, 'de', 'deu'],
    ['Spanish', ES, 'es', 'spa'],
  ];
  for (const [label, text, lang, iso3] of cases) {
    test(`${label} is detected`, () => {
      const g = detectLanguage(text);
      assert.deepEqual(g, { lang, detected: iso3, how: 'detected' });
    });
  }

  test(`texts shorter than ${MIN_LANG_CHARS} characters are not guessed: the declared tag or unknown`, () => {
    assert.deepEqual(detectLanguage('Troops moved north.'), { lang: null, detected: null, how: 'unknown' });
    assert.deepEqual(detectLanguage('Les troupes ont avancé.', 'fr-FR'), { lang: 'fr', detected: null, how: 'declared' });
  });

  test('detection wins over a wrong declaration', () => {
    assert.equal(detectLanguage(FR, 'en').lang, 'fr');
  });

  test('what franc cannot place is unknown, not English', () => {
    const g = detectLanguage('1234 5678 — 90 12 34 56 78 90 12 34 56 78 ++ 90 12 34 56 78 90 12 34 56 78 90 12 34 56 78 90 12 34 56 78 90 12');
    assert.equal(g.lang, null);
    assert.equal(g.detected, 'und');
  });

  test('language tags and codability', () => {
    assert.equal(normalizeLangTag('en-GB'), 'en');
    assert.equal(normalizeLangTag('fra'), 'fr');
    assert.equal(normalizeLangTag('x'), null);
    assert.equal(normalizeLangTag(undefined), null);
    assert.equal(isCodable({ lang: 'en' }), true);
    assert.equal(isCodable({ lang: 'en-US' }), true);
    assert.equal(isCodable({ lang: null }), true);
    assert.equal(isCodable({}), true);
    assert.equal(isCodable({ lang: 'fr' }), false);
    assert.equal(isCodable({ lang: 'rus' }), false);
  });
});
