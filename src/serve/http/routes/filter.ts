// the event filters shared by every read route: the same names and parser as the CLI's options.
import { type EventFilter, type FilterParams, parseEventFilter } from '../../../store/index.js';
import { badParam } from '../errors.js';
import type { Query } from '../params.js';

/** Query parameter -> FilterParams field (the CLI spells them the same way). */
const NAMES = {
  actor: 'actor',
  dyad: 'dyad',
  directed: 'directed',
  type: 'type',
  context: 'context',
  since: 'since',
  until: 'until',
  mode: 'mode',
  'min-sources': 'minSources',
  text: 'text',
  flagged: 'flagged',
} as const satisfies Record<string, keyof FilterParams>;

const LISTS = new Set(['actor', 'dyad', 'type', 'context', 'mode']);

export const FILTER_PARAMS = Object.keys(NAMES);

export function readFilter(query: Query): EventFilter {
  const raw: Record<string, string | string[]> = {};
  for (const [param, field] of Object.entries(NAMES)) {
    if (LISTS.has(param)) {
      const values = query.all(param, 400);
      if (values.length) raw[field] = values;
    } else {
      const v = query.string(param, { max: 200 });
      if (v !== undefined) raw[field] = v;
    }
  }
  const parsed = parseEventFilter(raw as FilterParams);
  if (!parsed.ok) {
    const issue = parsed.issues[0];
    const field = issue?.field ?? 'filter';
    const param = Object.entries(NAMES).find(([, f]) => f === field)?.[0] ?? field;
    throw badParam(param, issue?.message ?? 'invalid');
  }
  const f = parsed.value;
  if (f.since && f.until && f.since > f.until) throw badParam('until', `'${f.until}' is before 'since' (${f.since})`);
  return f;
}
