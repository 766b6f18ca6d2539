import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { coded, makeDoc, makeEvent } from '../../../test/store/helpers.js';
import { chooseCluster, type ClusterSummary, clusterKey, compatible, type EventSummary, eventSpan, isFlagged } from './merge.js';

const doc = makeDoc({ id: 'm1', date: '2024-04-10', sentences: ['Azerbaijan and Turkey held talks in Baku.'] });

function summary(id: string, date: string, g: 'day' | 'week' | 'month' | 'year' = 'day', extra: Partial<ClusterSummary> = {}): ClusterSummary {
  const span = eventSpan(makeEvent(doc, { type: 'CONSULT', source: 'AZE', target: 'TUR', date, granularity: g }), null);
  assert.ok(span);
  return { id, lo: span.lo, hi: span.hi, granularity: span.granularity, precision: span.precision, locationCountry: null, ploverMode: '', ...extra };
}

function incoming(date: string | null, g: 'day' | 'week' | 'month' | 'year' = 'day', extra: Partial<EventSummary> = {}, stated = true): EventSummary {
  const span = eventSpan(makeEvent(doc, { type: 'CONSULT', source: 'AZE', target: 'TUR', date, granularity: g, stated }), doc.date);
  assert.ok(span);
  return { span, locationCountry: null, ploverMode: '', ...extra };
}

describe('merge rule: cluster key', () => {
  test('symmetric types ignore direction, others keep it', () => {
    const a = makeEvent(doc, { type: 'CONSULT', source: 'TURGOV', target: 'AZEMIL' });
    const b = makeEvent(doc, { type: 'CONSULT', source: 'AZE', target: 'TUR' });
    assert.equal(clusterKey(a), clusterKey(b));
    const c = makeEvent(doc, { type: 'ACCUSE', source: 'AZE', target: 'ARM' });
    const d = makeEvent(doc, { type: 'ACCUSE', source: 'ARM', target: 'AZE' });
    assert.notEqual(clusterKey(c), clusterKey(d));
  });
  test('aux markers and types separate keys; no actor at all means no key', () => {
    const base = makeEvent(doc, { type: 'AGREE', source: 'AZE', target: 'TUR' });
    const neg = makeEvent(doc, { type: 'AGREE', source: 'AZE', target: 'TUR', aux: ['negated'] });
    assert.notEqual(clusterKey(base), clusterKey(neg));
    assert.notEqual(clusterKey(base), clusterKey(makeEvent(doc, { type: 'SUPPORT', source: 'AZE', target: 'TUR' })));
    assert.equal(clusterKey(makeEvent(doc, { type: 'PROTEST', source: null, target: null })), null);
    assert.equal(isFlagged(['negated']), true);
    assert.equal(isFlagged(['intend']), false);
  });
});

describe('merge rule: dates, places, modes', () => {
  const cases: [string, ClusterSummary, EventSummary, boolean][] = [
    ['same day', summary('c', '2024-04-02'), incoming('2024-04-02'), true],
    ['two days apart (time zones, late reports)', summary('c', '2024-04-02'), incoming('2024-04-04'), true],
    ['three days apart: two meetings', summary('c', '2024-04-02'), incoming('2024-04-05'), false],
    ['same dyad meeting twice in a month', summary('c', '2024-04-02'), incoming('2024-04-23'), false],
    ['a day inside a month-precise cluster', summary('c', '2024-04-01', 'month'), incoming('2024-04-17'), true],
    ['a day in the next month', summary('c', '2024-04-01', 'month'), incoming('2024-05-20'), false],
    ['a week containing the day', summary('c', '2024-04-08', 'week'), incoming('2024-04-10'), true],
    ['places in two countries', summary('c', '2024-04-02', 'day', { locationCountry: 'AZE' }), incoming('2024-04-02', 'day', { locationCountry: 'TUR' }), false],
    ['place known on one side only', summary('c', '2024-04-02', 'day', { locationCountry: 'AZE' }), incoming('2024-04-02'), true],
    ['visit and phone call are two events', summary('c', '2024-04-02', 'day', { ploverMode: 'visit' }), incoming('2024-04-02', 'day', { ploverMode: 'phone' }), false],
    ['mode known on one side only', summary('c', '2024-04-02', 'day', { ploverMode: 'visit' }), incoming('2024-04-02'), true],
  ];
  for (const [label, c, e, expected] of cases) {
    test(label, () => assert.equal(compatible(c, e), expected));
  }
  test('an unresolved date falls in the days before publication', () => {
    const e = incoming(null);
    assert.equal(compatible(summary('c', '2024-04-08'), e), true);
    assert.equal(compatible(summary('c', '2024-04-01'), e), false);
  });
  test('the nearest compatible cluster wins', () => {
    const near = summary('b', '2024-04-03');
    const far = summary('a', '2024-04-01');
    assert.equal(chooseCluster([far, near], incoming('2024-04-03'))?.id, 'b');
    assert.equal(chooseCluster([far, near], incoming('2024-04-20')), null);
  });
  test('fixtures build coded docs', () => {
    assert.equal(coded(doc, []).id, 'm1');
  });
});
