// our own sentences about arms deals (and two that only mention weapons), with the transfer records the
// extractor should give written by hand, so store, CLI and HTTP tests do not move when the coder changes.
// (The round trip from the real coder is tested separately in src/store/sqlite/transfers.test.ts.)
import type { Actor, CodedEvent, Doc, Transfer } from '../../src/core/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { coded, makeEvent } from '../store/helpers.js';

const doc = (id: string, date: string, source: string, text: string): Doc => ({ id, date, title: null, text, source, url: `https://example.org/${id}`, lang: 'en' });

function party(code: string | null): Actor | null {
  return code ? { code, country: code.slice(0, 3), sector: code.slice(3), name: null, text: code, span: null } : null;
}

type Spec = Parameters<typeof makeEvent>[1];
interface Deal {
  readonly supplier: string | null;
  readonly recipient: string | null;
  readonly supplierOrg?: string;
  readonly systems: Transfer['systems'];
  readonly value?: Transfer['value'];
  readonly status: Transfer['status'];
  readonly expected?: string;
}

function event(d: Doc, spec: Spec, deal: Deal | null): CodedEvent {
  const ev = makeEvent(d, { context: ['military'], ...spec });
  if (!deal) return ev;
  const transfer: Transfer = {
    supplier: party(deal.supplier),
    recipient: party(deal.recipient),
    supplierOrg: deal.supplierOrg ?? null,
    recipientOrg: null,
    systems: deal.systems,
    value: deal.value ?? null,
    status: deal.status,
    expected: deal.expected ?? null,
  };
  return { ...ev, transfer };
}

const TB2 = { text: 'Bayraktar TB2 drones', name: 'Bayraktar TB2', category: 'uav', quantity: 24 };
const TB2_DEAL: Deal = { supplier: 'TURBUS', recipient: 'POL', supplierOrg: 'Baykar', systems: [TB2], value: { amount: 270_000_000, currency: 'USD', text: '$270 million' }, status: 'delivered' };
const SENT_TB2 = 'Turkish drone maker Baykar delivered 24 Bayraktar TB2 drones to Poland on Friday under a contract worth $270 million.';

/** The documents and their coding: [document, events]. */
export const TRANSFER_CASES: readonly { readonly doc: Doc; readonly events: (d: Doc) => CodedEvent[] }[] = [
  { doc: doc('tr-1', '2024-05-17', 'Outlet A', SENT_TB2), events: (d) => [event(d, { type: 'COOPERATE', source: 'TURBUS', target: 'POL', date: '2024-05-17' }, TB2_DEAL)] },
  {
    doc: doc('tr-2', '2024-05-18', 'Outlet B', 'Poland received 24 Bayraktar TB2 drones from Turkey on Friday, the defence ministry in Warsaw said.'),
    events: (d) => [event(d, { type: 'COOPERATE', source: 'TUR', target: 'POL', date: '2024-05-17' }, { supplier: 'TUR', recipient: 'POL', systems: [TB2], status: 'delivered' })],
  },
  // same text as tr-1 from another outlet: a near-copy, which adds a report (its own coding is not used)
  { doc: doc('tr-1c', '2024-05-17', 'Outlet C', SENT_TB2), events: () => [] },
  {
    doc: doc('tr-3', '2024-03-02', 'Outlet A', 'Poland ordered 96 K2 tanks and 48 K9 howitzers from South Korea on Thursday.'),
    events: (d) => [
      event(d, { type: 'COOPERATE', source: 'KOR', target: 'POL', date: '2024-02-29' }, {
        supplier: 'KOR',
        recipient: 'POL',
        systems: [
          { text: 'K2 tanks', name: 'K2 Black Panther', category: 'tank', quantity: 96 },
          { text: 'K9 howitzers', name: 'K9 Thunder', category: 'artillery', quantity: 48 },
        ],
        status: 'ordered',
      }),
    ],
  },
  {
    doc: doc('tr-4', '2023-11-20', 'Outlet B', 'Romania signed a deal with the United States to buy 54 Abrams tanks for about $1 billion, with deliveries expected by 2027.'),
    events: (d) => [
      event(d, { type: 'AGREE', source: 'ROU', target: 'USA', date: '2023-11-20' }, {
        supplier: 'USA',
        recipient: 'ROU',
        systems: [{ text: 'Abrams tanks', name: 'M1 Abrams', category: 'tank', quantity: 54 }],
        value: { amount: 1_000_000_000, currency: 'USD', text: '$1 billion' },
        status: 'ordered',
        expected: '2027',
      }),
    ],
  },
  {
    doc: doc('tr-5', '2024-04-15', 'Outlet A', 'France will deliver 12 Caesar howitzers to Armenia by 2026, the French defence ministry said on Monday.'),
    events: (d) => [
      event(d, { type: 'COOPERATE', source: 'FRA', target: 'ARM', aux: ['intend'] }, {
        supplier: 'FRA',
        recipient: 'ARM',
        systems: [{ text: 'Caesar howitzers', name: 'Caesar', category: 'artillery', quantity: 12 }],
        status: 'planned',
        expected: '2026',
      }),
    ],
  },
  {
    doc: doc('tr-6', '2024-01-15', 'Outlet C', 'Egypt and France discussed the purchase of Rafale fighter jets during talks in Cairo on Monday.'),
    events: (d) => [
      event(d, { type: 'CONSULT', source: 'EGY', target: 'FRA' }, {
        supplier: 'FRA',
        recipient: 'EGY',
        systems: [{ text: 'Rafale fighter jets', name: 'Dassault Rafale', category: 'fighter-aircraft', quantity: null }],
        status: 'discussed',
      }),
    ],
  },
  // hypothetical: stored, flagged, left out unless asked for
  {
    doc: doc('tr-7', '2024-02-10', 'Outlet B', 'Germany could sell 50 Taurus missiles to Ukraine if the coalition agrees, officials said.'),
    events: (d) => [
      event(d, { type: 'COOPERATE', source: 'DEU', target: 'UKR', aux: ['hypothetical'] }, {
        supplier: 'DEU',
        recipient: 'UKR',
        systems: [{ text: 'Taurus missiles', name: 'Taurus KEPD 350', category: 'missile', quantity: 50 }],
        status: 'planned',
      }),
    ],
  },
  // weapons without a transfer: combat use is an event with no transfer record, a parade no event at all
  {
    doc: doc('tr-8', '2024-06-01', 'Outlet A', 'Ukrainian forces used Bayraktar TB2 drones against Russian positions near Kherson on Monday.'),
    events: (d) => [event(d, { type: 'ASSAULT', source: 'UKRMIL', target: 'RUSMIL', date: '2024-05-27' }, null)],
  },
  { doc: doc('tr-9', '2024-05-09', 'Outlet C', 'Tanks and missile launchers rolled through Red Square during the Victory Day parade in Moscow.'), events: () => [] },
];

export const TRANSFER_DOCS: readonly Doc[] = TRANSFER_CASES.map((c) => c.doc);

/** Ingests TRANSFER_CASES into a new store at `path` (left open). */
export function buildTransferStore(path: string): Store {
  const store = openStore(path);
  for (const c of TRANSFER_CASES) store.ingest(c.doc, coded(c.doc, c.events(c.doc)));
  return store;
}
