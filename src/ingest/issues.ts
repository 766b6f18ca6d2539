// the record type readInputs yields, and how issues are printed and written to a rejects file.
import type { Doc, Issue } from '../core/types.js';

/** One record read from an input: a valid document, or the issues that rejected it. */
export type InputRecord =
  | { readonly ok: true; readonly doc: Doc; readonly file: string; readonly line: number | null }
  | {
      readonly ok: false;
      readonly issues: readonly Issue[];
      readonly file: string;
      readonly line: number | null;
      /** The raw line (or file text) that was rejected, null when it could not be read. */
      readonly raw: string | null;
    };

/** The record that was rejected (the `ok: false` arm of InputRecord). */
export type RejectedRecord = Extract<InputRecord, { ok: false }>;

/**
 * One line for stderr: `file:line: field: message` (line and field omitted when unknown).
 * @example formatIssue({ code: 'field', message: 'missing text', file: 'a.jsonl', line: 3, field: 'text' })
 * // 'a.jsonl:3: text: missing text'
 */
export function formatIssue(issue: Issue): string {
  let where = issue.file ?? '<input>';
  if (issue.line !== undefined) where += `:${issue.line}`;
  const field = issue.field ? `${issue.field}: ` : '';
  return `${where}: ${field}${issue.message}`;
}

/**
 * One JSON line for the rejects file: `{"file","line","issues":[...],"raw"}`.
 * @example rejectRecord(rec) // '{"file":"a.jsonl","line":3,"issues":[...],"raw":"{...}"}'
 */
export function rejectRecord(rec: RejectedRecord): string {
  return JSON.stringify({ file: rec.file, line: rec.line, issues: rec.issues, raw: rec.raw });
}
