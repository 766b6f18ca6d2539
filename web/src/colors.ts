// colours of the PLOVER types, grouped by quad: blues verbal cooperation, greens material cooperation,
// ambers verbal conflict, reds material conflict; and the diverging scale of the score.

// the PLOVER types in the order the project's core defines them (one list for coder and dashboard)
export { PLOVER_TYPES as TYPE_ORDER } from '../../src/core/types.js';

export const TYPE_COLORS: Readonly<Record<string, string>> = {
  AGREE: '#9ecae1',
  CONSULT: '#6baed6',
  SUPPORT: '#3182bd',
  CONCEDE: '#08519c',
  COOPERATE: '#31a354',
  AID: '#006d2c',
  RETREAT: '#74c476',
  REQUEST: '#fdd0a2',
  ACCUSE: '#fdae6b',
  REJECT: '#fd8d3c',
  THREATEN: '#e6550d',
  PROTEST: '#fc9272',
  SANCTION: '#ef3b2c',
  MOBILIZE: '#cb181d',
  COERCE: '#a50f15',
  ASSAULT: '#67000d',
};

export const CONFLICT_TYPES = new Set(['REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT']);

/** A colour for a score on the PLOVER scale (−10 conflict … +10 cooperation). */
export function scoreColor(score: number | null): string {
  if (score === null || Number.isNaN(score)) return '#9e9e9e';
  if (score >= 3) return '#1a9850';
  if (score > 0) return '#66bd63';
  if (score === 0) return '#9e9e9e';
  if (score > -3) return '#f46d43';
  return '#d73027';
}
