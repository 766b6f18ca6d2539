// every view and filter lives in the URL (?view=dyad&a=AZE&b=TUR&since=2024-01-01...), so a view can be shared.

export const VIEWS = ['overview', 'dyad', 'network', 'map', 'transfers', 'search'] as const;
export type View = (typeof VIEWS)[number];

export interface State {
  view: View;
  a: string;
  b: string;
  since: string;
  until: string;
  type: string;
  context: string;
  q: string;
  by: string;
  event: string;
  page: number;
}

const KEYS: (keyof State)[] = ['view', 'a', 'b', 'since', 'until', 'type', 'context', 'q', 'by', 'event', 'page'];

export function readState(search = location.search): State {
  const p = new URLSearchParams(search);
  const view = p.get('view') ?? 'overview';
  const page = Number(p.get('page') ?? '0');
  return {
    view: (VIEWS as readonly string[]).includes(view) ? (view as View) : 'overview',
    a: (p.get('a') ?? '').toUpperCase(),
    b: (p.get('b') ?? '').toUpperCase(),
    since: p.get('since') ?? '',
    until: p.get('until') ?? '',
    type: p.get('type') ?? '',
    context: p.get('context') ?? '',
    q: p.get('q') ?? '',
    by: p.get('by') ?? '',
    event: p.get('event') ?? '',
    page: Number.isInteger(page) && page > 0 ? page : 0,
  };
}

export function stateUrl(s: State): string {
  const p = new URLSearchParams();
  for (const k of KEYS) {
    const v = s[k];
    if (v === '' || v === 0 || (k === 'view' && v === 'overview')) continue;
    p.set(k, String(v));
  }
  const qs = p.toString();
  return qs ? `?${qs}` : location.pathname;
}

/** The API filter parameters of the state (the global filter bar). */
export function filterParams(s: State): Record<string, string> {
  const out: Record<string, string> = {};
  if (s.since) out.since = s.since;
  if (s.until) out.until = s.until;
  if (s.type) out.type = s.type;
  if (s.context) out.context = s.context;
  return out;
}
