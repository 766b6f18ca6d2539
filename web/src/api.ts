// typed fetches of the JSON API (the shapes the server documents at /api/openapi.json).

export interface ActorRef {
  code: string;
  country: string;
  sector: string;
  name: string | null;
}

export interface Place {
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

export interface EventItem {
  id: string;
  type: string;
  cameo: string | null;
  mode: string;
  ploverMode: string;
  aux: string[];
  flagged: boolean;
  contexts: string[];
  source: ActorRef | null;
  target: ActorRef | null;
  date: string | null;
  dateEnd: string | null;
  location: Place | null;
  confidence: number;
  numDocuments: number;
  numSources: number;
  numMentions: number;
  firstReported: string | null;
  lastReported: string | null;
  text: string;
}

export interface DocumentRef {
  id: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  date: string | null;
}

export interface EvidenceRef {
  docId: string;
  text: string;
  trigger: string | null;
  sourceCode: string | null;
  targetCode: string | null;
  sourceText: string | null;
  targetText: string | null;
  date: string | null;
  dateText: string | null;
  rule: string;
  confidence: number;
}

export interface EventDetail extends EventItem {
  documents: DocumentRef[];
  evidence: EvidenceRef[];
}

export interface EventPage {
  total: number;
  limit: number;
  offset: number;
  items: EventItem[];
}

export interface Stats {
  documents: number;
  events: number;
  actors: number;
  first: string | null;
  last: string | null;
}

export interface TimelineRow {
  period: string;
  type: string;
  events: number;
}

export interface DyadRow {
  a: string;
  b: string;
  events: number;
  cooperation: number;
  conflict: number;
  score: number | null;
}

export interface DyadSeries {
  a: string;
  b: string;
  by: string;
  total: number;
  score: number | null;
  periods: { period: string; total: number; counts: Record<string, number>; score: number | null }[];
}

export interface NetworkData {
  nodes: { id: string; name: string | null; events: number }[];
  edges: { source: string; target: string; events: number; cooperation: number; conflict: number; score: number | null }[];
}

export interface GeoData {
  /** lat/lon are null for a place known only by its country: the map puts it at the country's centre. */
  points: { name: string; country: string | null; lat: number | null; lon: number | null; events: number }[];
  sampled: number;
  countries: { code: string; events: number }[];
}

export interface SearchHit {
  kind: 'document' | 'evidence';
  docId: string;
  eventId: string | null;
  title: string | null;
  date: string | null;
  outlet: string | null;
  snippet: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

let controllers: AbortController[] = [];

/** Aborts the requests of the previous view so a slow answer never paints over a newer view. */
export function abortAll(): void {
  for (const c of controllers) c.abort();
  controllers = [];
}

export async function get<T>(path: string, params: URLSearchParams | Record<string, string | number | undefined> = {}): Promise<T> {
  const qs = params instanceof URLSearchParams ? params : new URLSearchParams();
  if (!(params instanceof URLSearchParams)) {
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') qs.set(k, String(v));
  }
  const controller = new AbortController();
  controllers.push(controller);
  const url = qs.size ? `${path}?${qs}` : path;
  const res = await fetch(url, { signal: controller.signal, headers: { accept: 'application/json' } });
  const body = (await res.json().catch(() => null)) as { error?: string } | null;
  if (!res.ok) throw new ApiError(res.status, body?.error ?? `${res.status} ${res.statusText}`);
  return body as T;
}
