// a small real database for the HTTP and dashboard tests: hand-built documents and events (no coder needed).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodedEvent, Doc } from '../../src/core/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { coded, makeDoc, makeEvent } from '../store/helpers.js';

/** Article text that tries script and HTML injection: the page must show it as text. */
export const HOSTILE = `<img src=x onerror="document.title='pwned'"><script>document.title='pwned'</script>`;

export function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'entente-http-')), 'test.db');
}

/** Gives the Baku visit a trigger and actor words, so the dashboard has something to highlight. */
function withMarks(e: CodedEvent): CodedEvent {
  if (e.type !== 'CONSULT' || !e.source || !e.target) return e;
  const t = e.evidence.text;
  const at = (w: string) => ({ text: w, start: e.evidence.start + t.indexOf(w), end: e.evidence.start + t.indexOf(w) + w.length });
  return {
    ...e,
    source: { ...e.source, text: 'Turkish defence delegation' },
    target: { ...e.target, text: 'Azerbaijan' },
    evidence: { ...e.evidence, trigger: at('hosted') },
  };
}

/** Fills a store with a few dyads over several months, one hostile article included. */
export function seed(store: Store): { hostileEventId: string } {
  const docs: { doc: Doc; events: Parameters<typeof makeEvent>[1][] }[] = [
    {
      doc: makeDoc({
        id: 'aze-tur-1',
        date: '2024-04-03',
        source: 'wire-a.example',
        title: 'Defence chiefs meet in Baku',
        sentences: ['Azerbaijan hosted a Turkish defence delegation in Baku on Tuesday.', 'The two sides pledged to sign defence accords soon.'],
      }),
      events: [
        { type: 'CONSULT', source: 'TURGOV', target: 'AZEMIL', sentence: 0, date: '2024-04-02', ploverMode: 'visit', context: ['military'], place: { name: 'Baku', country: 'AZE' } },
        { type: 'AGREE', source: 'AZE', target: 'TUR', sentence: 1, date: '2024-04-02', context: ['military'] },
      ],
    },
    {
      doc: makeDoc({
        id: 'aze-tur-2',
        date: '2024-06-11',
        source: 'wire-b.example',
        title: 'Joint drills begin',
        sentences: ['Turkish and Azerbaijani troops began joint exercises near Nakhchivan.'],
      }),
      events: [{ type: 'COOPERATE', source: 'TURMIL', target: 'AZEMIL', sentence: 0, date: '2024-06-10', context: ['military'] }],
    },
    {
      doc: makeDoc({
        id: 'arm-aze-1',
        date: '2024-05-20',
        source: 'wire-a.example',
        title: 'Border accusations',
        sentences: ['Armenia accused Azerbaijan of firing across the border overnight.'],
      }),
      events: [{ type: 'ACCUSE', source: 'ARM', target: 'AZE', sentence: 0, date: '2024-05-19' }],
    },
    {
      doc: makeDoc({
        id: 'hostile-1',
        date: '2024-07-01',
        source: `<b>outlet</b>${HOSTILE}`,
        title: `Title ${HOSTILE}`,
        sentences: [`Georgia condemned Russia ${HOSTILE} over the border incident.`],
      }),
      events: [{ type: 'ACCUSE', source: 'GEO', target: 'RUS', sentence: 0, date: '2024-07-01' }],
    },
  ];
  let hostileEventId = '';
  for (const { doc, events } of docs) {
    const evs = events.map((e) => withMarks(makeEvent(doc, e)));
    const hostile = doc.id === 'hostile-1' ? { ...doc, url: 'javascript:alert(1)' } : doc;
    store.ingest(hostile, coded(hostile, evs));
  }
  const found = store.queryEvents({ dyad: ['GEO', 'RUS'] }, { limit: 1 }).items[0];
  if (found) hostileEventId = found.id;
  return { hostileEventId };
}

export function seededStore(path = tempDb()): { store: Store; path: string; hostileEventId: string } {
  const store = openStore(path);
  const { hostileEventId } = seed(store);
  return { store, path, hostileEventId };
}
