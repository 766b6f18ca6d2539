// hand-built documents and coded events for store, analysis and CLI tests (the real coder is not needed).
import type { Actor, AuxMode, CodedDoc, CodedEvent, Doc, Granularity, Plover } from '../../src/core/index.js';
import { stableId } from '../../src/core/index.js';

const FILLER = [
  'Officials from several ministries attended the ceremony in the capital.',
  'The statement was published on the ministry website later in the evening.',
  'Analysts said the talks reflected a broader regional trend in recent years.',
  'Neither side gave details of the financial terms discussed by the delegations.',
  'Local television showed the delegations walking through the main hall together.',
];

export interface DocSpec {
  readonly id: string;
  readonly date: string | null;
  readonly source?: string | null;
  readonly title?: string;
  /** Sentences of the text; events point at them by index. */
  readonly sentences: readonly string[];
  /** Add generic filler sentences (shared by every document that asks: they make near-copies; default false). */
  readonly filler?: boolean;
}

export function makeDoc(spec: DocSpec): Doc {
  const sentences = spec.filler === true ? [...spec.sentences, ...FILLER] : spec.sentences;
  return {
    id: spec.id,
    date: spec.date,
    title: spec.title ?? `Report ${spec.id}`,
    text: sentences.join(' '),
    url: `https://example.org/${spec.id}`,
    source: spec.source === undefined ? 'example.org' : spec.source,
    lang: 'en',
  };
}

function actor(code: string | null, text: string): Actor | null {
  if (!code) return null;
  return { code, country: code.slice(0, 3), sector: code.slice(3), name: null, text, span: null };
}

export interface EventSpec {
  readonly type: Plover;
  readonly source: string | null;
  readonly target: string | null;
  /** Index of the sentence in the doc's text that is the evidence. */
  readonly sentence?: number;
  readonly date?: string | null;
  readonly granularity?: Granularity;
  readonly stated?: boolean;
  readonly ploverMode?: string;
  readonly aux?: readonly AuxMode[];
  readonly context?: readonly string[];
  readonly place?: { name: string; country: string | null } | null;
  readonly cameo?: string | null;
}

export function makeEvent(doc: Doc, spec: EventSpec): CodedEvent {
  const sentences = doc.text.split(/(?<=\.) /);
  const i = spec.sentence ?? 0;
  const text = sentences[i] ?? '';
  const start = doc.text.indexOf(text);
  const aux = spec.aux ?? [];
  const ploverMode = spec.ploverMode ?? '';
  const date = spec.date === undefined ? doc.date : spec.date;
  return {
    id: stableId(doc.id, i, spec.type, spec.source ?? '', spec.target ?? ''),
    type: spec.type,
    cameo: spec.cameo ?? null,
    mode: [ploverMode, ...aux].filter((x) => x).join(','),
    ploverMode,
    aux,
    context: spec.context ?? [],
    source: actor(spec.source, spec.source ? `${spec.source} side` : ''),
    target: actor(spec.target, spec.target ? `${spec.target} side` : ''),
    date: {
      value: date,
      granularity: spec.granularity ?? 'day',
      kind: date ? 'exact' : 'unresolved',
      stated: spec.stated ?? true,
      text: date,
      span: null,
      reason: 'test fixture',
    },
    location: spec.place ? { name: spec.place.name, country: spec.place.country, lat: null, lon: null } : null,
    evidence: { text, start, end: start + text.length, trigger: null },
    confidence: 0.8,
    rule: 'test/001',
    explain: ['hand-built fixture'],
  };
}

export function coded(doc: Doc, events: readonly CodedEvent[]): CodedDoc {
  return { id: doc.id, date: doc.date, title: doc.title, url: doc.url ?? null, source: doc.source ?? null, events };
}
