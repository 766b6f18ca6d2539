// a plain-text file -> Doc: a leading `date YYYY-MM-DD` token, then the text; the id is the file name.
import { basename, extname } from 'node:path';
import type { Doc, Issue, Parsed } from '../core/types.js';
import { normalizeDate } from './jsonl.js';

// `date 2024-04-02`, `date: 2024-04-02` or `Date=2024-04-02T10:00Z`, at the very start (after blank space)
const DATE_TOKEN = /^\s*date(?:\s*[:=]\s*|\s+)(\d\S*)/i;

/** The id a plain-text file gets: its name without the extension. */
export function textFileId(path: string): string {
  return basename(path, extname(path));
}

/**
 * Parses the decoded contents of a plain-text file (BOM already stripped).
 * Offsets of later stages are into `doc.text`: the text after the date token, leading blank space trimmed.
 * @example parseTextDocument('date 2024-04-02\nTroops moved...', 'news/a1.txt') // { ok: true, value: { id: 'a1', ... } }
 */
export function parseTextDocument(contents: string, path: string): Parsed<Doc> {
  const id = textFileId(path);
  const issue = (code: string, field: string | undefined, message: string): Parsed<Doc> => {
    const i: Issue = { code, message, file: path, docId: id, ...(field ? { field } : {}) };
    return { ok: false, issues: [i] };
  };
  const m = DATE_TOKEN.exec(contents);
  if (!m) {
    return issue(
      'missing-date',
      'date',
      'plain-text document has no leading `date YYYY-MM-DD` token (the date is the reference for relative dates)',
    );
  }
  const raw = m[1] as string;
  const date = normalizeDate(raw);
  if (date === null) return issue('date', 'date', `not a calendar date (YYYY-MM-DD): ${JSON.stringify(raw.slice(0, 40))}`);
  const text = contents.slice(m[0].length).replace(/^\s+/, '').trimEnd();
  if (text === '') return issue('field', 'text', 'empty text after the date token');
  if (id.trim() === '') return issue('field', 'id', 'cannot take an id from the file name');
  return { ok: true, value: { id, date, title: null, text } };
}
