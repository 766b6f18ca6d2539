// scores coded events against gold events with the matching rule of the shared reference scorer.

export type KeyKind = 'full' | 'source' | 'type';

const SYMMETRIC = new Set(['CONSULT', 'AGREE', 'COOPERATE']);

interface ScoredEvent {
  readonly plover?: unknown;
  readonly type?: unknown;
  readonly source?: unknown;
  readonly target?: unknown;
}

/** An actor's code, upper case: a gold string or a coded object's `code` (or `country`); '' for none. */
function fullCode(actor: unknown): string {
  if (actor == null) return '';
  if (typeof actor === 'string') return actor.toUpperCase();
  const a = actor as { code?: unknown; country?: unknown };
  const c = a.code ?? a.country;
  return typeof c === 'string' ? c.toUpperCase() : '';
}

/** The country-level part of an actor's code, '-' for none. */
const country = (actor: unknown): string => fullCode(actor).slice(0, 3) || '-';

/** The match key of one event: type + country-level source and target (unordered for symmetric types). */
export function eventKey(ev: ScoredEvent, kind: KeyKind): string {
  const type = String(ev.plover ?? ev.type ?? '').toUpperCase();
  if (kind === 'type') return `${type}|-|-`;
  let a = country(ev.source);
  let b = kind === 'source' ? '-' : country(ev.target);
  if (kind === 'full' && SYMMETRIC.has(type) && a > b) [a, b] = [b, a];
  return `${type}|${a}|${b}`;
}

/** Which events a restricted evaluation scores: PLOVER types and source code prefixes (empty = all). */
export interface Restriction {
  readonly types: readonly string[];
  readonly sources: readonly string[];
}

/**
 * The events a restriction keeps, applied alike to gold and predictions: "only police attacks and
 * arrests" is `{types: ['ASSAULT', 'COERCE'], sources: ['INDCOP']}`; a source matches as a code prefix.
 * @example restrict([{plover:'ASSAULT', source:'INDCOP'}, {plover:'PROTEST', source:'IND'}], {types:['ASSAULT'], sources:[]}).length // 1
 */
export function restrict<E extends ScoredEvent>(events: readonly E[], r: Restriction): E[] {
  return events.filter((e) => {
    const type = String(e.plover ?? e.type ?? '').toUpperCase();
    if (r.types.length > 0 && !r.types.includes(type)) return false;
    const code = fullCode(e.source);
    return r.sources.length === 0 || r.sources.some((p) => code.startsWith(p.toUpperCase()));
  });
}

export interface Prf {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

export interface ScoreResult extends Prf {
  readonly key: KeyKind;
  readonly documents: number;
  readonly missing: number;
  readonly byType: Readonly<Record<string, Prf>>;
}

// rounded as the reference scorer rounds (toFixed: 0.63125 -> 0.6312, where Math.round gives 0.6313)
const r4 = (x: number): number => +x.toFixed(4);

export function prf(tp: number, fp: number, fn: number): Prf {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { precision: r4(p), recall: r4(r), f1: r4(p + r ? (2 * p * r) / (p + r) : 0), tp, fp, fn };
}

/**
 * Scores per document: duplicate keys count once on each side; documents without a prediction count as empty.
 * @example score([{id:'a', events:[{plover:'CONSULT', source:'TUR', target:'AZE'}]}], new Map(), 'full').recall // 0
 */
export function score(
  gold: readonly { id: unknown; events?: readonly ScoredEvent[] }[],
  pred: ReadonlyMap<string, { events?: readonly ScoredEvent[] }>,
  kind: KeyKind,
): ScoreResult {
  const stats = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (t: string, f: 'tp' | 'fp' | 'fn'): void => {
    const s = stats.get(t) ?? { tp: 0, fp: 0, fn: 0 };
    s[f]++;
    stats.set(t, s);
  };
  let missing = 0;
  for (const g of gold) {
    const p = pred.get(String(g.id));
    if (!p) missing++;
    const gk = new Set((g.events ?? []).map((e) => eventKey(e, kind)));
    const pk = new Set((p?.events ?? []).map((e) => eventKey(e, kind)));
    for (const k of pk) bump(k.split('|')[0]!, gk.has(k) ? 'tp' : 'fp');
    for (const k of gk) if (!pk.has(k)) bump(k.split('|')[0]!, 'fn');
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const byType: Record<string, Prf> = {};
  for (const [t, s] of [...stats].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    tp += s.tp;
    fp += s.fp;
    fn += s.fn;
    byType[t] = prf(s.tp, s.fp, s.fn);
  }
  return { key: kind, documents: gold.length, missing, byType, ...prf(tp, fp, fn) };
}

/** The text report, line for line as the reference scorer prints it. */
export function formatScore(r: ScoreResult, byType: boolean): string {
  const lines: string[] = [];
  if (byType) {
    for (const [t, s] of Object.entries(r.byType)) {
      lines.push(`${t.padEnd(10)} P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} (tp ${s.tp} fp ${s.fp} fn ${s.fn})`);
    }
  }
  lines.push(
    `key ${r.key}; documents ${r.documents} (no prediction for ${r.missing}); P ${r.precision.toFixed(3)} R ${r.recall.toFixed(3)} F1 ${r.f1.toFixed(3)} (tp ${r.tp} fp ${r.fp} fn ${r.fn})`,
  );
  return `${lines.join('\n')}\n`;
}
