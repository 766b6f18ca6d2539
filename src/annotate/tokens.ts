import type { Span } from '../core/index.js';

/** A token: offsets into the document text, the folded form used for all matching. */
export interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Lower case, diacritics removed, curly apostrophes straightened. */
  readonly norm: string;
  /** Starts with an upper-case letter. */
  readonly cap: boolean;
  /** Punctuation rather than a word or number. */
  readonly punct: boolean;
}

// words (letters, digits, inner hyphens, dots of abbreviations like U.S., apostrophes inside words), or one symbol.
const TOKEN = /(?:[A-Za-z]\.){2,}|[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*|'s|’s|\S/gu;
const FOLD_CACHE = new Map<string, string>();

// plain ASCII: lower-casing is all foldWord does
const NON_ASCII = /[^\t\n\r -~]/;

export function foldWord(w: string): string {
  if (!NON_ASCII.test(w)) return w.toLowerCase();
  let f = FOLD_CACHE.get(w);
  if (f === undefined) {
    f = w
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ı/g, 'i')
      .replace(/’/g, "'")
      .toLowerCase();
    if (FOLD_CACHE.size > 200_000) FOLD_CACHE.clear();
    FOLD_CACHE.set(w, f);
  }
  return f;
}

/** Splits text[span] into tokens; possessive 's is a token of its own. */
export function tokenize(text: string, span: Span = { start: 0, end: text.length }): Token[] {
  const out: Token[] = [];
  const slice = text.slice(span.start, span.end);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m !== null; m = TOKEN.exec(slice)) {
    let word = m[0];
    let start = span.start + m.index;
    // split a trailing possessive off a word: Azerbaijan's -> Azerbaijan + 's
    if (word.length > 2 && word.charCodeAt(word.length - 1) === 115 && isApostrophe(word.charCodeAt(word.length - 2))) {
      const base = word.slice(0, -2);
      out.push(mk(base, start));
      start += base.length;
      word = word.slice(-2);
    }
    // "a Greek-flagged tanker", "a British-owned ship": the country of a vessel is a word of its own
    const flag = word.length > 8 && word.includes('-') ? OWNED.exec(word) : null;
    if (flag) {
      out.push(mk(flag[1]!, start));
      out.push(mk('-', start + flag[1]!.length));
      out.push(mk(flag[2]!, start + flag[1]!.length + 1));
      continue;
    }
    // a negative contraction is two words: didn't -> did + n't, won't -> wo (will) + n't
    if (word.length > 3 && (word.endsWith("n't") || word.endsWith('n’t')) && /[a-z]/i.test(word[word.length - 4]!)) {
      const base = word.slice(0, -3);
      const b = mk(base, start);
      out.push({ ...b, norm: CONTRACTED[b.norm] ?? b.norm });
      start += base.length;
      word = word.slice(-3);
    }
    out.push(mk(word, start));
  }
  return out;
}

const OWNED = /^(\p{Lu}[\p{L}]+)-(flagged|owned|registered|operated)$/u;
// the first half of won't, can't, shan't is an old form of the auxiliary
const CONTRACTED: Record<string, string> = { wo: 'will', ca: 'can', sha: 'shall' };

const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function mk(word: string, start: number): Token {
  const c = word.charCodeAt(0);
  // ASCII letters and digits without a regex; a longer token is always a word
  const isWord = word.length > 1 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && LETTER_OR_DIGIT.test(word));
  return {
    start,
    end: start + word.length,
    text: word,
    norm: word === 'n’t' ? "n't" : foldWord(word),
    cap: c >= 65 && c <= 90 ? true : word[0] !== word[0]!.toLowerCase(),
    punct: !isWord,
  };
}
