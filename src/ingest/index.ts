// ingest: documents from JSONL, plain text, folders and stdin, with bad input returned as issues.
export { decodeUtf8, firstInvalidUtf8, looksBinary, SNIFF_BYTES, splitLines } from './bytes.js';
export type { Decoded, RawLine } from './bytes.js';
export { formatIssue, rejectRecord } from './issues.js';
export type { InputRecord, RejectedRecord } from './issues.js';
export { normalizeDate, parseJsonLine, validateDoc } from './jsonl.js';
export type { Origin } from './jsonl.js';
export { DEFAULT_MAX_BYTES, FEED_EXTENSIONS, HTML_EXTENSIONS, JSONL_EXTENSIONS, readInputs, STDIN_NAME, TEXT_EXTENSIONS } from './read.js';
export type { ReadOptions } from './read.js';
export { parseTextDocument, textFileId } from './text.js';
// saved pages, feeds, HTTP and language identification load heavier libraries: import them from './live.js'
