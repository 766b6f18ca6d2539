// the weighted actor graph: country-level actors as nodes, event clusters between them as edges.
import type { Plover } from '../core/index.js';
import type { EventFilter, Store } from '../store/core/index.js';
import { loadScores } from './scores.js';

export interface NetworkNode {
  /** Country-level code (AZE, IGO, ---). */
  readonly id: string;
  readonly label: string;
  /** Event clusters in which the actor is source or target. */
  readonly events: number;
  readonly cooperation: number;
  readonly conflict: number;
  readonly score: number;
  /** Number of distinct neighbours. */
  readonly degree: number;
}

export interface NetworkEdge {
  readonly source: string;
  readonly target: string;
  /** Event clusters between the two. */
  readonly weight: number;
  readonly cooperation: number;
  readonly conflict: number;
  /** Sum of the PLOVER scores of those events. */
  readonly score: number;
  readonly types: Partial<Record<Plover, number>>;
}

export interface Network {
  readonly directed: boolean;
  readonly nodes: readonly NetworkNode[];
  readonly edges: readonly NetworkEdge[];
}

export interface NetworkOptions {
  /** Keep direction (source -> target); default false: one edge per unordered pair. */
  readonly directed?: boolean;
  /** Drop edges lighter than this (default 1). */
  readonly minWeight?: number;
  /** Keep events of an actor with itself as self-loops (default false). */
  readonly selfLoops?: boolean;
}

/**
 * The actor graph of the clusters matching `filter` (negated/hypothetical left out by default).
 * Events with one actor only count on that node and make no edge.
 * @example network(store, { since: '2024-01-01' }).edges[0] // { source: 'AZE', target: 'TUR', weight: 12, ... }
 */
export function network(store: Store, filter: EventFilter = {}, options: NetworkOptions = {}): Network {
  const scores = loadScores();
  const directed = options.directed ?? false;
  const rows = store.aggregate({ ...filter, flagged: filter.flagged ?? 'exclude' }, { type: true, ploverMode: true, countries: true });
  type Acc = { events: number; cooperation: number; conflict: number; score: number };
  const nodes = new Map<string, Acc & { neighbours: Set<string> }>();
  const edges = new Map<string, Acc & { source: string; target: string; types: Partial<Record<Plover, number>> }>();
  const node = (id: string) => {
    let n = nodes.get(id);
    if (!n) {
      n = { events: 0, cooperation: 0, conflict: 0, score: 0, neighbours: new Set() };
      nodes.set(id, n);
    }
    return n;
  };
  const add = (x: Acc, coop: boolean, events: number, score: number) => {
    x.events += events;
    if (coop) x.cooperation += events;
    else x.conflict += events;
    x.score += score;
  };
  for (const r of rows) {
    if (r.type === null) continue;
    const coop = scores.quad(r.type).endsWith('cooperation');
    const score = scores.score(r.type, r.ploverMode) * r.events;
    const ends = [r.sourceCountry, r.targetCountry].filter((c): c is string => c !== null);
    for (const c of new Set(ends)) add(node(c), coop, r.events, score);
    if (r.sourceCountry === null || r.targetCountry === null) continue;
    if (r.sourceCountry === r.targetCountry && !options.selfLoops) continue;
    let [s, t] = [r.sourceCountry, r.targetCountry];
    if (!directed && s > t) [s, t] = [t, s];
    const key = `${s}\u0000${t}`;
    let e = edges.get(key);
    if (!e) {
      e = { source: s, target: t, events: 0, cooperation: 0, conflict: 0, score: 0, types: {} };
      edges.set(key, e);
    }
    add(e, coop, r.events, score);
    e.types[r.type] = (e.types[r.type] ?? 0) + r.events;
  }
  const minWeight = options.minWeight ?? 1;
  const round = (n: number) => Math.round(n * 100) / 100;
  const kept = [...edges.values()].filter((e) => e.events >= minWeight);
  for (const e of kept) {
    node(e.source).neighbours.add(e.target);
    node(e.target).neighbours.add(e.source);
  }
  return {
    directed,
    nodes: [...nodes.entries()]
      .sort((x, y) => y[1].events - x[1].events || (x[0] < y[0] ? -1 : 1))
      .map(([id, n]) => ({ id, label: id, events: n.events, cooperation: n.cooperation, conflict: n.conflict, score: round(n.score), degree: n.neighbours.size })),
    edges: kept
      .sort((x, y) => y.events - x.events || (x.source + x.target < y.source + y.target ? -1 : 1))
      .map((e) => ({ source: e.source, target: e.target, weight: e.events, cooperation: e.cooperation, conflict: e.conflict, score: round(e.score), types: e.types })),
  };
}
