import type { Span } from '../core/index.js';

// abbreviations after which a full stop does not end a sentence.
const ABBREV = new Set(
  'mr mrs ms dr prof gen lt col maj capt sgt adm cmdr gov sen rep rev st jr sr vs etc inc ltd co corp no nos jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u fig approx dept est mt ft pres sec atty brig'.split(
    ' ',
  ),
);

/**
 * Splits text into sentence spans: at . ! ? followed by space and a capital, quote or digit, and at
 * paragraph breaks (blank lines or single line breaks, which in news separate headings and paragraphs).
 */
export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const spans: Span[] = [];
  let start = from;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) spans.push({ start: s, end: e });
    start = end;
  };
  for (let i = from; i < to; i++) {
    // char codes, not one-character strings: this loop sees every character of the corpus
    const c = text.charCodeAt(i);
    if (c === 10) {
      push(i);
      continue;
    }
    if (c !== 46 && c !== 33 && c !== 63) continue; // . ! ?
    const ch = text[i]!;
    // include closing quotes and brackets after the stop
    let j = i + 1;
    while (j < to && /["'”’)\]]/.test(text[j]!)) j++;
    if (j < to && !/\s/.test(text[j]!)) continue;
    let k = j;
    while (k < to && (text[k] === ' ' || text[k] === '\t')) k++;
    if (k >= to) {
      push(j);
      continue;
    }
    const next = text[k]!;
    if (next === '\n') {
      push(j);
      continue;
    }
    if (!/[\p{Lu}\p{N}"“‘'(]/u.test(next)) continue;
    if (ch === '.') {
      // the word before the stop: an abbreviation or an initial does not end the sentence
      let w = i - 1;
      while (w >= from && /[\p{L}.]/u.test(text[w]!)) w--;
      const word = text.slice(w + 1, i).toLowerCase();
      if (ABBREV.has(word)) continue;
      if (/^\p{L}$/u.test(word) && /\p{Lu}/u.test(text[i - 1]!)) continue;
    }
    push(j);
  }
  push(to);
  return spans;
}
