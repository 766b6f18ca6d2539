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

/** Splits a document into sentences and tokens, from `from` on (after a dateline). */
export function annotate(doc: Doc, from = 0): AnnotatedDoc {
  const sentences = splitSentences(doc.text, from).map((span, index) => ({ index, span, tokens: tokenize(doc.text, span) }));
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
