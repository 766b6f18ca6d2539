// language identification of extracted texts (franc trigrams), so documents not in English are stored but not coded.
import { franc } from 'franc';

/** Shortest text franc is asked about: below it trigram guesses are unreliable. */
export const MIN_LANG_CHARS = 100;
// franc is linear in its input; the first few thousand characters decide as well as the whole text
const SAMPLE_CHARS = 4000;

// ISO 639-3 -> 639-1 for the languages news is commonly written in (others keep their 639-3 code)
const TO_639_1: Readonly<Record<string, string>> = {
  eng: 'en', fra: 'fr', deu: 'de', spa: 'es', por: 'pt', ita: 'it', nld: 'nl', rus: 'ru', ukr: 'uk', pol: 'pl',
  ces: 'cs', slk: 'sk', slv: 'sl', hrv: 'hr', srp: 'sr', bos: 'bs', bul: 'bg', ron: 'ro', hun: 'hu', ell: 'el',
  tur: 'tr', azj: 'az', azb: 'az', aze: 'az', kat: 'ka', hye: 'hy', arb: 'ar', ara: 'ar', pes: 'fa', fas: 'fa',
  heb: 'he', urd: 'ur', hin: 'hi', ben: 'bn', cmn: 'zh', zho: 'zh', jpn: 'ja', kor: 'ko', vie: 'vi', ind: 'id',
  zlm: 'ms', tha: 'th', swe: 'sv', nob: 'nb', nno: 'nn', dan: 'da', fin: 'fi', est: 'et', lvs: 'lv', lit: 'lt',
  kaz: 'kk', uzn: 'uz', tgk: 'tg', kir: 'ky', tuk: 'tk', bel: 'be', swh: 'sw', amh: 'am', som: 'so', hau: 'ha',
  cat: 'ca', glg: 'gl', eus: 'eu',
};

// franc mistakes short or name-heavy English for its close relatives; these count as English
const ENGLISH_LOOKALIKES = new Set(['sco']);

/** The outcome of language identification. */
export interface LangGuess {
  /** ISO 639-1 code where one exists (en, fr, ...), else ISO 639-3; null when unknown. */
  readonly lang: string | null;
  /** franc's ISO 639-3 answer ('und' when it could not tell, or null when the text was too short to ask). */
  readonly detected: string | null;
  /** How the language was decided: detected, declared (the page's own lang attribute), or unknown. */
  readonly how: 'detected' | 'declared' | 'unknown';
}

/**
 * Normalises a declared language tag (`<html lang>`, a feed's language) to its primary subtag.
 * @example normalizeLangTag('en-GB') // 'en'
 */
export function normalizeLangTag(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (!/^[a-z]{2,3}$/.test(primary)) return null;
  return TO_639_1[primary] ?? primary;
}

/**
 * Identifies the language of a text of at least MIN_LANG_CHARS characters; shorter texts, and texts franc
 * cannot place ('und'), fall back to the declared tag when one is given.
 * @example detectLanguage('Le ministre des Affaires étrangères a rencontré ...').lang // 'fr'
 */
export function detectLanguage(text: string, declared?: string | null): LangGuess {
  const sample = text.slice(0, SAMPLE_CHARS);
  const fallback = normalizeLangTag(declared);
  if (sample.trim().length < MIN_LANG_CHARS) {
    return fallback ? { lang: fallback, detected: null, how: 'declared' } : { lang: null, detected: null, how: 'unknown' };
  }
  const iso3 = franc(sample, { minLength: MIN_LANG_CHARS });
  if (iso3 === 'und') return fallback ? { lang: fallback, detected: iso3, how: 'declared' } : { lang: null, detected: iso3, how: 'unknown' };
  const lang = ENGLISH_LOOKALIKES.has(iso3) ? 'en' : (TO_639_1[iso3] ?? iso3);
  return { lang, detected: iso3, how: 'detected' };
}

export { isCodable } from '../core/util.js';
