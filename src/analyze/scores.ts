// PLOVER conflict-cooperation scores per type and mode, from data/ontology/scores.tsv.
import { join } from 'node:path';
import { DATA_DIR, dataError, PLOVER_TYPES, type Plover, readTsv } from '../core/index.js';

export type Quad = 'verbal-cooperation' | 'material-cooperation' | 'verbal-conflict' | 'material-conflict';
const QUADS: readonly string[] = ['verbal-cooperation', 'material-cooperation', 'verbal-conflict', 'material-conflict'];

export interface ScoreTable {
  /** Score of a type with a PLOVER mode; the bare type's score when the mode has no row. */
  score(type: Plover, ploverMode?: string | null): number;
  quad(type: Plover): Quad;
}

let cached: ScoreTable | null = null;

/**
 * Loads the score table (default data/ontology/scores.tsv; cached). Throws EntenteError('data') naming
 * file:line for an unknown type or quad, a bad number, a duplicate row or a type without a bare row.
 * @example loadScores().score('CONSULT', 'visit') // 4
 */
export function loadScores(path?: string): ScoreTable {
  if (!path && cached) return cached;
  const file = path ?? join(DATA_DIR, 'ontology', 'scores.tsv');
  const scores = new Map<string, number>();
  const quads = new Map<string, Quad>();
  for (const { line, cells } of readTsv(file, ['type', 'mode', 'score', 'quad'])) {
    const type = cells.type ?? '';
    const mode = cells.mode ?? '';
    if (!(PLOVER_TYPES as readonly string[]).includes(type)) dataError(file, line, `unknown PLOVER type '${type}'`);
    const score = Number(cells.score);
    if (cells.score === '' || !Number.isFinite(score) || score < -10 || score > 10) dataError(file, line, `score '${cells.score}' is not a number in -10..10`);
    const quad = cells.quad ?? '';
    if (!QUADS.includes(quad)) dataError(file, line, `unknown quad '${quad}'`);
    const key = `${type}|${mode}`;
    if (scores.has(key)) dataError(file, line, `duplicate row for ${type} ${mode || '(bare)'}`);
    scores.set(key, score);
    if (mode === '') quads.set(type, quad as Quad);
  }
  for (const t of PLOVER_TYPES) if (!scores.has(`${t}|`)) dataError(file, 1, `no bare-type row for ${t}`);
  const table: ScoreTable = {
    score: (type, mode) => scores.get(`${type}|${mode ?? ''}`) ?? scores.get(`${type}|`) ?? 0,
    quad: (type) => quads.get(type) ?? 'verbal-conflict',
  };
  if (!path) cached = table;
  return table;
}

/** The PLOVER score of one event (type + mode) with the default table. */
export function eventScore(type: Plover, ploverMode?: string | null): number {
  return loadScores().score(type, ploverMode);
}

export function quadOf(type: Plover): Quad {
  return loadScores().quad(type);
}

/** True for the two cooperation quads. */
export function isCooperation(type: Plover): boolean {
  return quadOf(type).endsWith('cooperation');
}
