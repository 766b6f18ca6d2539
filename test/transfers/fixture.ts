// our own sentences about arms deals (and two that only mention weapons), coded by the real coder and
// ingested into a store: shared by the store, CLI and HTTP tests of the transfer register.
import type { Doc } from '../../src/core/index.js';
import { createCoder } from '../../src/pipeline.js';
import { openStore, type Store } from '../../src/store/index.js';

const doc = (id: string, date: string, source: string, text: string): Doc => ({ id, date, title: null, text, source, url: `https://example.org/${id}`, lang: 'en' });

export const TRANSFER_DOCS: readonly Doc[] = [
  doc('tr-1', '2024-05-17', 'Outlet A', 'Turkish drone maker Baykar delivered 24 Bayraktar TB2 drones to Poland on Friday under a contract worth $270 million.'),
  doc('tr-2', '2024-05-18', 'Outlet B', 'Poland received 24 Bayraktar TB2 drones from Turkey on Friday, the defence ministry in Warsaw said.'),
  // same text as tr-1 from another outlet: a near-copy that adds a report
  doc('tr-1c', '2024-05-17', 'Outlet C', 'Turkish drone maker Baykar delivered 24 Bayraktar TB2 drones to Poland on Friday under a contract worth $270 million.'),
  doc('tr-3', '2024-03-02', 'Outlet A', 'Poland ordered 96 K2 tanks and 48 K9 howitzers from South Korea on Thursday.'),
  doc('tr-4', '2023-11-20', 'Outlet B', 'Romania signed a deal with the United States to buy 54 Abrams tanks for about $1 billion, with deliveries expected by 2027.'),
  doc('tr-5', '2024-04-15', 'Outlet A', 'France will deliver 12 Caesar howitzers to Armenia by 2026, the French defence ministry said on Monday.'),
  doc('tr-6', '2024-01-15', 'Outlet C', 'Egypt and France discussed the purchase of Rafale fighter jets during talks in Cairo on Monday.'),
  // hypothetical: stored, flagged, left out unless asked for
  doc('tr-7', '2024-02-10', 'Outlet B', 'Germany could sell 50 Taurus missiles to Ukraine if the coalition agrees, officials said.'),
  // weapons without a transfer
  doc('tr-8', '2024-06-01', 'Outlet A', 'Ukrainian forces used Bayraktar TB2 drones against Russian positions near Kherson on Monday.'),
  doc('tr-9', '2024-05-09', 'Outlet C', 'Tanks and missile launchers rolled through Red Square during the Victory Day parade in Moscow.'),
];

/** Codes TRANSFER_DOCS with the real coder and ingests them into a new store at `path` (left open). */
export function buildTransferStore(path: string): Store {
  const store = openStore(path);
  const coder = createCoder();
  for (const d of TRANSFER_DOCS) store.ingest(d, coder.codeDoc(d));
  return store;
}
