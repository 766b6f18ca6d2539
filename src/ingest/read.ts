// readInputs: files, folders and stdin -> a stream of documents and rejected records, never all in memory.
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Issue } from '../core/types.js';
import { decodeUtf8, looksBinary, sniff, splitLines } from './bytes.js';
import type { Fetcher } from './fetch.js';
import type { InputRecord } from './issues.js';
import { parseJsonLine } from './jsonl.js';
import { parseTextDocument } from './text.js';

export interface ReadOptions {
  /** The stream read for the input `-` (JSONL). */
  readonly stdin: NodeJS.ReadableStream;
  /** Largest record accepted, in bytes: one JSONL line or one plain-text file (default 64 MiB). */
  readonly maxBytes?: number;
  /** Fetches the page of each item of a feed file (.xml, .rss, .atom); without it items keep their own text. */
  readonly fetcher?: Fetcher | null;
}

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
/** The name issues give to standard input. */
export const STDIN_NAME = '<stdin>';
/** Extensions read as JSONL (one document per line); any other file is read as plain text. */
export const JSONL_EXTENSIONS: readonly string[] = ['.jsonl', '.ndjson'];
/** Extensions read as plain text when walking a folder. */
export const TEXT_EXTENSIONS: readonly string[] = ['.txt', '.text'];
/** Extensions read as saved web pages (also when walking a folder). */
export const HTML_EXTENSIONS: readonly string[] = ['.html', '.htm'];
/** Extensions read as RSS/Atom feeds when named directly (not picked up from folders). */
export const FEED_EXTENSIONS: readonly string[] = ['.xml', '.rss', '.atom'];

const BOM = [0xef, 0xbb, 0xbf] as const;

// a record before the duplicate-id check: the raw text travels along so a duplicate can be rejected with it
type Pending = { rec: InputRecord; raw: string | null };

function rejected(file: string, line: number | null, issues: readonly Issue[], raw: string | null): Pending {
  return { rec: { ok: false, issues, file, line, raw }, raw };
}

function issue(code: string, message: string, file: string, line: number | null, field?: string): Issue {
  return { code, message, file, ...(line !== null ? { line } : {}), ...(field !== undefined ? { field } : {}) };
}

function ioMessage(path: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `cannot read ${path}: no such file or directory`;
  if (code === 'EACCES' || code === 'EPERM') return `cannot read ${path}: permission denied`;
  if (code === 'EISDIR') return `cannot read ${path}: is a directory`;
  return `cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`;
}

function ioRecord(path: string, err: unknown, line: number | null = null): Pending {
  return rejected(path, line, [issue('io', ioMessage(path, err), path, line)], null);
}

function hasBom(b: Uint8Array): boolean {
  return b[0] === BOM[0] && b[1] === BOM[1] && b[2] === BOM[2];
}

/** Reads JSONL from a byte stream, one record per non-blank line. */
async function* readJsonl(source: AsyncIterable<Buffer | string>, file: string, maxBytes: number): AsyncGenerator<Pending> {
  let lastLine: number | null = null;
  try {
    const { binary, chunks } = await sniff(source);
    if (binary) {
      yield rejected(file, null, [issue('binary', 'binary file (a NUL byte in the first 8 KB), not read', file, null)], null);
      return;
    }
    for await (const l of splitLines(chunks, maxBytes)) {
      lastLine = l.line;
      if (l.tooLong) {
        const msg = `line is ${l.length} bytes, more than the limit of ${maxBytes} bytes`;
        yield rejected(file, l.line, [issue('too-large', msg, file, l.line)], null);
        continue;
      }
      let bytes = l.bytes;
      let skip = 0;
      if (l.line === 1 && hasBom(bytes)) {
        bytes = bytes.subarray(3);
        skip = 3;
      }
      const dec = decodeUtf8(bytes);
      if (!dec.ok) {
        const msg = `invalid UTF-8 at byte ${dec.offset + skip} of line ${l.line} (byte ${l.offset + skip + dec.offset} of the file)`;
        yield rejected(file, l.line, [issue('encoding', msg, file, l.line)], dec.text);
        continue;
      }
      const text = dec.text;
      if (text.trim() === '') continue;
      const parsed = parseJsonLine(text, { file, line: l.line });
      if (parsed.ok) yield { rec: { ok: true, doc: parsed.value, file, line: l.line }, raw: text };
      else yield rejected(file, l.line, parsed.issues, text);
    }
  } catch (err) {
    yield ioRecord(file, err, lastLine);
  }
}

/** Reads one plain-text file as one document. */
async function readText(path: string, maxBytes: number): Promise<Pending> {
  let bytes: Buffer;
  try {
    const st = await stat(path);
    if (st.size > maxBytes) {
      const msg = `file is ${st.size} bytes, more than the limit of ${maxBytes} bytes`;
      return rejected(path, null, [issue('too-large', msg, path, null)], null);
    }
    bytes = await readFile(path);
  } catch (err) {
    return ioRecord(path, err);
  }
  if (looksBinary(bytes)) {
    return rejected(path, null, [issue('binary', 'binary file (a NUL byte in the first 8 KB), not read', path, null)], null);
  }
  const skip = hasBom(bytes) ? 3 : 0;
  const dec = decodeUtf8(bytes.subarray(skip));
  if (!dec.ok) {
    const at = dec.offset + skip;
    let line = 1;
    for (let i = bytes.indexOf(0x0a); i >= 0 && i < at; i = bytes.indexOf(0x0a, i + 1)) line++;
    const msg = `invalid UTF-8 at byte ${at} of the file (line ${line})`;
    return rejected(path, line, [issue('encoding', msg, path, line)], dec.text);
  }
  const parsed = parseTextDocument(dec.text, path);
  if (parsed.ok) return { rec: { ok: true, doc: parsed.value, file: path, line: null }, raw: dec.text };
  return rejected(path, null, parsed.issues, dec.text);
}

function isJsonl(path: string): boolean {
  return JSONL_EXTENSIONS.includes(extname(path).toLowerCase());
}

function inFolder(name: string): boolean {
  const ext = extname(name).toLowerCase();
  return JSONL_EXTENSIONS.includes(ext) || TEXT_EXTENSIONS.includes(ext) || HTML_EXTENSIONS.includes(ext);
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Walks a folder depth-first in sorted order; yields file paths, or a rejected record for an unreadable folder. */
async function* walk(dir: string): AsyncGenerator<string | Pending> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    yield ioRecord(dir, err);
    return;
  }
  entries.sort((a, b) => byCodePoint(a.name, b.name));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* walk(path);
    else if (e.isFile() && inFolder(e.name)) yield path;
    else if (e.isSymbolicLink() && inFolder(e.name)) {
      // a link to a file is read; a link to a folder is not followed (no loops)
      const st = await stat(path).catch(() => null);
      if (st?.isFile()) yield path;
    }
  }
}

async function* readFileInput(path: string, maxBytes: number, fetcher: Fetcher | null): AsyncGenerator<Pending> {
  const ext = extname(path).toLowerCase();
  if (isJsonl(path)) yield* readJsonl(createReadStream(path, { highWaterMark: 1 << 16 }), path, maxBytes);
  // pages and feeds load linkedom, readability, rss-parser and franc: only when such a file is read
  else if (HTML_EXTENSIONS.includes(ext)) yield { rec: await (await import('./html.js')).readHtmlFile(path, maxBytes), raw: null };
  else if (FEED_EXTENSIONS.includes(ext)) {
    for await (const rec of (await import('./feed.js')).readFeedFile(path, fetcher, maxBytes)) yield { rec, raw: rec.ok ? null : rec.raw };
  }
  else yield await readText(path, maxBytes);
}

async function* readAll(inputs: readonly string[], opts: ReadOptions): AsyncGenerator<Pending> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  for (const input of inputs) {
    if (input === '-') {
      yield* readJsonl(opts.stdin as AsyncIterable<Buffer | string>, STDIN_NAME, maxBytes);
      continue;
    }
    let isDir: boolean;
    try {
      isDir = (await stat(input)).isDirectory();
    } catch (err) {
      yield ioRecord(input, err);
      continue;
    }
    if (!isDir) {
      yield* readFileInput(input, maxBytes, opts.fetcher ?? null);
      continue;
    }
    for await (const item of walk(input)) {
      if (typeof item === 'string') yield* readFileInput(item, maxBytes, opts.fetcher ?? null);
      else yield item;
    }
  }
}

// lines per file in the packed position of a seen id (2^32; 2^21 files keep it a safe integer)
const LINE_SPACE = 2 ** 32;

function where(file: string, line: number | null): string {
  return line === null ? file : `${file}:${line}`;
}

/**
 * Reads documents from JSONL files, plain-text files, saved web pages (.html, .htm), RSS/Atom feed files
 * (.xml, .rss, .atom: one document per item), folders (recursively: JSONL, text and pages) and `-` (stdin, JSONL).
 * Yields every record in input order: `ok: true` with the document, or `ok: false` with its issues and raw
 * text; a bad record never stops the run. A document id seen before in the run is rejected (`duplicate-id`).
 * @example
 * for await (const rec of readInputs(['docs.jsonl', '-'], { stdin: process.stdin })) {
 *   if (rec.ok) code(rec.doc); else for (const i of rec.issues) stderr.write(`${formatIssue(i)}\n`);
 * }
 */
export async function* readInputs(inputs: readonly string[], opts: ReadOptions): AsyncGenerator<InputRecord> {
  // id -> where it was first seen, as one number (file index * 2^32 + line) rather than a "file:line"
  // string: a run over millions of documents keeps one small entry per id
  const seen = new Map<string, number>();
  const files: string[] = [];
  const fileIndex = new Map<string, number>();
  for await (const { rec, raw } of readAll(inputs, opts)) {
    if (rec.ok) {
      const at = seen.get(rec.doc.id);
      if (at !== undefined) {
        const line = at % LINE_SPACE;
        const first = where(files[Math.floor(at / LINE_SPACE)] ?? '', line === 0 ? null : line);
        const msg = `duplicate id ${JSON.stringify(rec.doc.id)} (first seen at ${first})`;
        const dup: Issue = { ...issue('duplicate-id', msg, rec.file, rec.line, 'id'), docId: rec.doc.id };
        yield { ok: false, issues: [dup], file: rec.file, line: rec.line, raw };
        continue;
      }
      let f = fileIndex.get(rec.file);
      if (f === undefined) {
        f = files.length;
        files.push(rec.file);
        fileIndex.set(rec.file, f);
      }
      seen.set(rec.doc.id, f * LINE_SPACE + (rec.line ?? 0));
    }
    yield rec;
  }
}
