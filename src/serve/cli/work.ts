// coding one document as a worker does: shared by the worker threads and by --workers 1 (in the main thread).
import type { CodedDoc, Doc } from '../../core/index.js';
import { createCoder } from '../../pipeline.js';
import { codedDocLine, codedDocTable } from './output.js';

/** What a worker sends back for one document. */
export type WorkResult =
  | { readonly ok: true; readonly events: number; readonly chunk?: string; readonly coded?: CodedDoc }
  | { readonly ok: false; readonly error: string };

/** How the workers code and what they return. */
export interface WorkSpec {
  readonly keepModal?: boolean;
  readonly partial?: boolean;
  /** `jsonl` / `table`: return the formatted output (cheap to pass between threads); `coded`: the CodedDoc. */
  readonly output: 'jsonl' | 'table' | 'coded';
  readonly explain?: boolean;
}

/** Codes one document in the current thread as a worker would (shared by the worker entry and --workers 1). */
export function makeWork(spec: WorkSpec): (doc: Doc) => WorkResult {
  const coder = createCoder({ keepModal: spec.keepModal ?? true, partial: spec.partial ?? false });
  const explain = spec.explain === true;
  return (doc) => {
    try {
      const coded = coder.codeDoc(doc);
      const events = coded.events.length;
      if (spec.output === 'coded') return { ok: true, events, coded };
      return { ok: true, events, chunk: spec.output === 'table' ? codedDocTable(coded, explain) : codedDocLine(coded, explain) };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  };
}

