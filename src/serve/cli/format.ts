// output writers (table, csv, jsonl) and the options shared by the commands that read the event store.
import { closeSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { csvCell } from '../../analyze/index.js';
import { formatIssue } from '../../ingest/index.js';
import { type EventFilter, openStore, parseEventFilter, type Store } from '../../store/index.js';
import { UsageError } from '../../core/index.js';
import type { Io, OptionSpec } from './command.js';

export type OutputFormat = 'table' | 'jsonl' | 'csv';

export interface Column<T> {
  readonly header: string;
  readonly get: (row: T) => unknown;
  /** Longest cell shown in a table (longer ones end in …); csv and jsonl are never cut. */
  readonly max?: number;
  readonly right?: boolean;
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(',');
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
  return String(v).replace(/\s+/g, ' ');
}

/** An aligned plain-text table with a header row. */
export function renderTable<T>(columns: readonly Column<T>[], rows: readonly T[]): string {
  const cells = rows.map((r) =>
    columns.map((c) => {
      const s = cell(c.get(r));
      return c.max && s.length > c.max ? `${s.slice(0, c.max - 1)}…` : s;
    }),
  );
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => r[i]?.length ?? 0)));
  const line = (vals: readonly string[]) =>
    vals
      .map((v, i) => (columns[i]?.right ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${[line(columns.map((c) => c.header)), ...cells.map(line)].join('\n')}\n`;
}

export function renderCsv<T>(columns: readonly Column<T>[], rows: readonly T[]): string {
  return `${[columns.map((c) => csvCell(c.header)).join(','), ...rows.map((r) => columns.map((c) => csvCell(c.get(r))).join(','))].join('\n')}\n`;
}

export function renderJsonl(items: readonly unknown[]): string {
  return items.map((i) => `${JSON.stringify(i)}\n`).join('');
}

/** Writes rows in the chosen format: table and csv through the columns, jsonl as the objects given by `json`. */
export function writeRows<T>(out: NodeJS.WritableStream, format: OutputFormat, columns: readonly Column<T>[], rows: readonly T[], json: (row: T) => unknown = (r) => r): void {
  if (format === 'jsonl') out.write(renderJsonl(rows.map(json)));
  else if (format === 'csv') out.write(renderCsv(columns, rows));
  else out.write(renderTable(columns, rows));
}

/** Validates a --format value against the formats a command supports. */
export function parseFormat<F extends string>(value: unknown, allowed: readonly F[], fallback: F): F {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as F;
  throw new UsageError(`--format must be one of ${allowed.join(', ')} (got '${String(value)}')`);
}

/** A positive whole-number option, or the fallback. */
export function parseCount(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number >= 0 (got '${String(value)}')`);
  return n;
}

export const dbOptions: OptionSpec = {
  db: { type: 'string', default: 'entente.db' },
};

/** The event filter options, shared by events, dyad, network and export. */
export const filterOptions: OptionSpec = {
  actor: { type: 'string', multiple: true },
  dyad: { type: 'string' },
  directed: { type: 'boolean' },
  type: { type: 'string', multiple: true },
  context: { type: 'string', multiple: true },
  since: { type: 'string' },
  until: { type: 'string' },
  mode: { type: 'string', multiple: true },
  'min-sources': { type: 'string' },
  text: { type: 'string' },
  flagged: { type: 'string' },
};

/** Help lines for the filter options. */
export const FILTER_HELP = `filters (combine with AND; comma-separated values combine with OR):
  --actor CODE         actor as source or target: AZE (country level) or a code prefix (AZEMIL); repeatable
  --dyad A,B           events between two country-level actors, both directions (--directed: A -> B only)
  --type T[,T]         PLOVER types: CONSULT,AGREE,...
  --context C[,C]      PLOVER contexts: military, diplomatic, ...
  --since DATE         event date on or after (YYYY-MM-DD, YYYY-MM or YYYY)
  --until DATE         event date on or before
  --mode M[,M]         PLOVER mode (visit, phone, troops, ...) or marker (intend, negated, hypothetical)
  --min-sources N      reported by at least N outlets
  --text WORDS         full-text match in the evidence sentences
  --flagged include|exclude|only   negated/hypothetical events`;

/** The EventFilter of the filter options; bad values are a usage error naming each. */
export function filterFrom(values: Record<string, unknown>, defaults: Partial<EventFilter> = {}): EventFilter {
  const parsed = parseEventFilter({
    actor: values.actor as string[] | undefined,
    dyad: values.dyad as string | undefined,
    directed: values.directed as boolean | undefined,
    type: values.type as string[] | undefined,
    context: values.context as string[] | undefined,
    since: values.since as string | undefined,
    until: values.until as string | undefined,
    mode: values.mode as string[] | undefined,
    minSources: values['min-sources'] as string | undefined,
    text: values.text as string | undefined,
    flagged: values.flagged as string | undefined,
  });
  if (!parsed.ok) throw new UsageError(parsed.issues.map((i) => formatIssue({ ...i, file: `--${i.field ?? 'filter'}` })).join('; '));
  return { ...defaults, ...parsed.value };
}

/** The --db path, relative to the command's working directory. */
export function dbPath(values: Record<string, unknown>, io: Io): string {
  const p = typeof values.db === 'string' && values.db !== '' ? values.db : 'entente.db';
  return p === ':memory:' ? p : resolve(io.cwd, p);
}

/** Opens the store for a reading command, runs `fn`, closes it. */
export async function withStore<R>(values: Record<string, unknown>, io: Io, fn: (store: Store) => R | Promise<R>, readonly = true): Promise<R> {
  const store = openStore(dbPath(values, io), { readonly });
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

/** Where a command writes its main output: stdout, or the --out file (written synchronously). */
export function outputTo(values: Record<string, unknown>, io: Io): { write: (s: string) => void; close: () => void } {
  const out = values.out;
  if (typeof out !== 'string' || out === '' || out === '-') return { write: (s) => io.stdout.write(s), close: () => {} };
  const fd = openSync(resolve(io.cwd, out), 'w');
  return { write: (s) => writeSync(fd, s), close: () => closeSync(fd) };
}
