import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EntenteError } from './errors.js';

/** Folder of the project's data files (same relative place from src/ and dist/). */
export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

export interface TsvRow {
  /** 1-based line number in the file, for error messages. */
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}

/**
 * Reads a data TSV: header row, `#` comments, blank lines skipped; every row must have the header's
 * columns (missing trailing cells count as empty). Throws EntenteError naming file:line otherwise.
 */
export function readTsv(path: string, required: readonly string[]): TsvRow[] {
  const text = readFileSync(path, 'utf8');
  const rows: TsvRow[] = [];
  let header: string[] | null = null;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    const cells = raw.split('\t');
    if (!header) {
      header = cells.map((c) => c.trim());
      for (const col of required) {
        if (!header.includes(col)) throw new EntenteError('data', `${path}:${i + 1}: header lacks column '${col}'`);
      }
      continue;
    }
    if (cells.length > header.length) {
      throw new EntenteError('data', `${path}:${i + 1}: ${cells.length} cells, header has ${header.length}`);
    }
    const rec: Record<string, string> = {};
    header.forEach((h, j) => {
      rec[h] = (cells[j] ?? '').trim();
    });
    rows.push({ line: i + 1, cells: rec });
  }
  if (!header) throw new EntenteError('data', `${path}: no header row`);
  return rows;
}

/** Throws a data error that names the file and line. */
export function dataError(path: string, line: number, message: string): never {
  throw new EntenteError('data', `${path}:${line}: ${message}`);
}
