// the one place that orders the stages: ingest -> annotate -> resolve -> code.
import type { CodedDoc, Doc } from './core/index.js';

export interface CoderOptions {
  /** Keep events with negated/hypothetical/historical markers (default true; eval drops them). */
  readonly keepModal?: boolean;
}

export interface Coder {
  /** Codes one document: pure, no I/O. */
  codeDoc(doc: Doc): CodedDoc;
}

/** Loads the dictionaries once and returns a coder. */
export function createCoder(_options: CoderOptions = {}): Coder {
  return {
    codeDoc(doc: Doc): CodedDoc {
      return { id: doc.id, date: doc.date, title: doc.title, url: doc.url ?? null, source: doc.source ?? null, events: [] };
    },
  };
}
