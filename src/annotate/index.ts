// annotate stage: sentences and tokens (dates: see dates.ts).
import type { Doc, Span } from '../core/index.js';
import { splitSentences } from './sentences.js';
import { type Token, tokenize } from './tokens.js';

export { splitSentences } from './sentences.js';
export { tokenize, foldWord } from './tokens.js';
export type { Token } from './tokens.js';
export { resolveDates, documentDate, isPastBeyond } from './dates.js';
export type { DateMention } from './dates.js';

export interface Sentence {
  readonly index: number;
  readonly span: Span;
  readonly tokens: readonly Token[];
}

export interface AnnotatedDoc {
  readonly doc: Doc;
  readonly sentences: readonly Sentence[];
  /** Almost no capital letters: matching ignores case. */
  readonly lowercase: boolean;
}

// longer "sentences" are lists, tables or text without full stops: cut so that coding stays linear
const MAX_TOKENS = 120;

/** Cuts a token run longer than MAX_TOKENS at the last ; : or , (else anywhere) before the limit. */
function capLength(tokens: Token[]): Token[][] {
  if (tokens.length === 0) return [];
  const out: Token[][] = [];
  let rest = tokens;
  while (rest.length > MAX_TOKENS) {
    let cut = MAX_TOKENS;
    for (let i = MAX_TOKENS - 1; i > MAX_TOKENS / 2; i--) {
      const n = rest[i]!.norm;
      if (n === ';' || n === ':' || n === ',') {
        cut = i + 1;
        break;
      }
    }
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  out.push(rest);
  return out;
}

/** Splits a document into sentences and tokens, from `from` on (after a dateline). */
export function annotate(doc: Doc, from = 0): AnnotatedDoc {
  const sentences: Sentence[] = [];
  for (const span of splitSentences(doc.text, from)) {
    for (const tokens of capLength(tokenize(doc.text, span))) {
      const s = { start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end };
      sentences.push({ index: sentences.length, span: s, tokens });
    }
  }
  let caps = 0;
  let words = 0;
  for (const s of sentences) {
    for (const t of s.tokens) {
      if (t.punct) continue;
      words++;
      if (t.cap) caps++;
    }
    if (words > 400) break;
  }
  return { doc, sentences, lowercase: words > 20 && caps / words < 0.03 };
}
