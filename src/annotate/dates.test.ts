import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DateKind, Granularity } from '../core/types.js';
import { type DateMention, documentDate, isPastBeyond, resolveDates } from './dates.js';

// 2024-04-02 is a Tuesday
const REF = '2024-04-02';

function find(text: string, ref: string | null = REF): DateMention[] {
  return resolveDates(text, { start: 0, end: text.length }, ref);
}

type Row = [sentence: string, span: string, value: string | null, granularity: Granularity, kind: DateKind, end?: string | null];

const rows: Row[] = [
  // absolute
  ['Talks opened on 2024-03-18 in Geneva.', '2024-03-18', '2024-03-18', 'day', 'exact'],
  ['The accord was signed on 3 March 2023.', '3 March 2023', '2023-03-03', 'day', 'exact'],
  ['The accord was signed on April 28, 2023.', 'April 28, 2023', '2023-04-28', 'day', 'exact'],
  ['The ministers met on Tuesday, April 2, 2024, in Ankara.', 'Tuesday, April 2, 2024', '2024-04-02', 'day', 'exact'],
  ['The meeting was held on the 5th of March.', 'the 5th of March', '2024-03-05', 'day', 'approximate'],
  ['Delegations will meet April 28.', 'April 28', '2024-04-28', 'day', 'approximate'],
  ['The delegations met on 28 April.', '28 April', '2024-04-28', 'day', 'approximate'],
  ['A ceasefire was agreed on Dec. 15.', 'Dec. 15', '2023-12-15', 'day', 'approximate'],
  ['Exercises took place in March 2022.', 'March 2022', '2022-03-01', 'month', 'exact'],
  ['The base opened in 2021.', '2021', '2021-01-01', 'year', 'exact'],
  // months without a year
  ['Troops arrived in March.', 'March', '2024-03-01', 'month', 'approximate'],
  ['Troops arrived in April.', 'April', '2024-04-01', 'month', 'approximate'],
  ['Troops arrived in May.', 'May', '2023-05-01', 'month', 'approximate'],
  ['Troops arrived last March.', 'last March', '2024-03-01', 'month', 'approximate'],
  ['Troops arrived last April.', 'last April', '2023-04-01', 'month', 'approximate'],
  ['Troops will leave next March.', 'next March', '2025-03-01', 'month', 'approximate'],
  ['Troops will leave next May.', 'next May', '2024-05-01', 'month', 'approximate'],
  ['Fighting resumed in early March.', 'early March', '2024-03-01', 'month', 'approximate'],
  ['Fighting resumed mid-February.', 'mid-February', '2024-02-01', 'month', 'approximate'],
  // years
  ['The pact was renewed last year.', 'last year', '2023-01-01', 'year', 'exact'],
  ['The pact expires next year.', 'next year', '2025-01-01', 'year', 'exact'],
  ['Sales grew this year.', 'this year', '2024-01-01', 'year', 'exact'],
  ['Unrest grew in late 2022.', 'late 2022', '2022-01-01', 'year', 'approximate'],
  // weekdays
  ['The ministers met on Tuesday.', 'Tuesday', '2024-04-02', 'day', 'approximate'],
  ['The ministers met on Monday.', 'Monday', '2024-04-01', 'day', 'approximate'],
  ['Wednesday saw heavy shelling.', 'Wednesday', '2024-03-27', 'day', 'approximate'],
  ['The envoy left last Tuesday.', 'last Tuesday', '2024-03-26', 'day', 'approximate'],
  ['The envoy returns next Tuesday.', 'next Tuesday', '2024-04-09', 'day', 'approximate'],
  ['The envoy returns next Friday.', 'next Friday', '2024-04-05', 'day', 'approximate'],
  ['Shelling began on Sunday night.', 'Sunday night', '2024-03-31', 'day', 'approximate'],
  // days
  ['The minister spoke today.', 'today', '2024-04-02', 'day', 'exact'],
  ['The minister spoke yesterday.', 'yesterday', '2024-04-01', 'day', 'exact'],
  ['The minister speaks tomorrow.', 'tomorrow', '2024-04-03', 'day', 'exact'],
  ['The minister speaks tonight.', 'tonight', '2024-04-02', 'day', 'exact'],
  ['The minister spoke this morning.', 'this morning', '2024-04-02', 'day', 'exact'],
  ['Rockets hit the city last night.', 'last night', '2024-04-01', 'day', 'exact'],
  ['The envoy arrived the day before yesterday.', 'the day before yesterday', '2024-03-31', 'day', 'exact'],
  // weeks and months
  ['Talks were held earlier this week.', 'earlier this week', '2024-04-01', 'week', 'approximate'],
  ['Talks were held last week.', 'last week', '2024-03-25', 'week', 'exact'],
  ['Talks are held this week.', 'this week', '2024-04-01', 'week', 'exact'],
  ['Talks will be held next week.', 'next week', '2024-04-08', 'week', 'exact'],
  ['Talks were held last month.', 'last month', '2024-03-01', 'month', 'exact'],
  ['Talks are held this month.', 'this month', '2024-04-01', 'month', 'exact'],
  ['Talks will be held next month.', 'next month', '2024-05-01', 'month', 'exact'],
  ['Talks were held earlier this month.', 'earlier this month', '2024-04-01', 'month', 'approximate'],
  // counted units
  ['The raid happened 3 days ago.', '3 days ago', '2024-03-30', 'day', 'approximate'],
  ['The raid happened two weeks ago.', 'two weeks ago', '2024-03-19', 'week', 'approximate'],
  ['The raid happened five months ago.', 'five months ago', '2023-11-01', 'month', 'approximate'],
  ['The raid happened a year ago.', 'a year ago', '2023-01-01', 'year', 'approximate'],
  ['The deal was inked five years back.', 'five years back', '2019-01-01', 'year', 'approximate'],
  ['Elections will be held in 10 days.', 'in 10 days', '2024-04-12', 'day', 'approximate'],
  ['Troops will withdraw within two weeks.', 'within two weeks', '2024-04-16', 'week', 'approximate'],
  ['Trade doubled over the past two years.', 'the past two years', '2022-04-02', 'year', 'range', '2024-04-02'],
  ['Clashes intensified in the past week.', 'the past week', '2024-03-26', 'week', 'range', '2024-04-02'],
  // ranges
  ['The fleet will be replaced by 2030.', 'by 2030', '2024-04-02', 'year', 'range', '2030-12-31'],
  ['The deal closes by the end of the year.', 'by the end of the year', '2024-04-02', 'year', 'range', '2024-12-31'],
  ['The talks are suspended until June.', 'until June', '2024-04-02', 'month', 'range', '2024-06-30'],
  ['The units have been deployed since 2014.', 'since 2014', '2014-01-01', 'year', 'range', '2024-04-02'],
  ['No talks have been held since March 2022.', 'since March 2022', '2022-03-01', 'month', 'range', '2024-04-02'],
  ['The mission ran from 2014 to 2016.', 'from 2014 to 2016', '2014-01-01', 'year', 'range', '2016-12-31'],
  ['The mission ran between 2014 and 2016.', 'between 2014 and 2016', '2014-01-01', 'year', 'range', '2016-12-31'],
  ['Troops must leave by February.', 'by February', '2024-04-02', 'month', 'range', '2025-02-28'],
  ['Troops must leave by Friday.', 'by Friday', '2024-04-02', 'day', 'range', '2024-04-05'],
];

describe('annotate: resolveDates (reference 2024-04-02, a Tuesday)', () => {
  for (const [sentence, spanText, value, granularity, kind, end] of rows) {
    test(`${sentence} -> ${spanText}`, () => {
      const found = find(sentence);
      assert.equal(found.length, 1, `expected one date, got ${JSON.stringify(found.map((f) => f.text))}`);
      const m = found[0] as DateMention;
      assert.equal(m.text, spanText);
      assert.equal(sentence.slice(m.span.start, m.span.end), spanText);
      assert.deepEqual(m.date.span, m.span);
      assert.equal(m.date.text, spanText);
      assert.equal(m.date.value, value);
      assert.equal(m.date.granularity, granularity);
      assert.equal(m.date.kind, kind);
      assert.equal(m.date.stated, true);
      assert.ok(m.date.reason.length > 0);
      if (end !== undefined) assert.equal(m.date.end, end);
    });
  }
});

describe('annotate: resolveDates refusals', () => {
  const none = [
    'May I ask a question?',
    'The March of the protesters reached the square.',
    'Protesters march in the capital.',
    'They may meet soon.',
    'The rally drew 2021 people.',
    'The count of 2024-13-45 is a typo.',
    'It was the worst drought in a decade.',
    'It was the first time in 20 years that the leaders met.',
    'A day of mourning was declared.',
    'The team spent 3 days in talks.',
    'He said on April 31 that the border was shut.',
    'The talks lasted for weeks.',
    'Tuesdays are market days.',
    'The mayor of the city spoke in Mar del Plata.',
  ];
  for (const sentence of none) {
    test(`no date: ${sentence}`, () => {
      assert.deepEqual(
        find(sentence).map((m) => m.text),
        [],
      );
    });
  }
});

describe('annotate: resolveDates details', () => {
  test('offsets are absolute and only the span is searched', () => {
    const text = 'Yesterday talks failed. Leaders met on Monday. Clashes resumed today.';
    const start = text.indexOf('Leaders');
    const end = text.indexOf('Clashes');
    const found = resolveDates(text, { start, end }, REF);
    assert.deepEqual(
      found.map((m) => [m.text, m.span.start, m.date.value]),
      [['Monday', text.indexOf('Monday'), '2024-04-01']],
    );
  });

  test('several dates in one sentence, in order', () => {
    const s = 'Signed on 3 March 2023, the deal was ratified last week and takes effect next month.';
    assert.deepEqual(
      find(s).map((m) => [m.text, m.date.value]),
      [
        ['3 March 2023', '2023-03-03'],
        ['last week', '2024-03-25'],
        ['next month', '2024-05-01'],
      ],
    );
  });

  test('without a reference: relative dates are unresolved, absolute ones still resolve', () => {
    const s = 'On Tuesday, two weeks ago, the pact of 12 May 2019 was cited; talks were held in March and in 2021.';
    const found = find(s, null);
    assert.deepEqual(
      found.map((m) => [m.text, m.date.value, m.date.kind]),
      [
        ['Tuesday', null, 'unresolved'],
        ['two weeks ago', null, 'unresolved'],
        ['12 May 2019', '2019-05-12', 'exact'],
        ['March', null, 'unresolved'],
        ['2021', '2021-01-01', 'exact'],
      ],
    );
    assert.equal(find('Aid has flowed since 2014.', null)[0]?.date.end, null);
  });

  test('"from" alone does not make a range', () => {
    const m = find('This report is from March 4, 2002.', '2002-03-04')[0];
    assert.deepEqual([m?.text, m?.date.value, m?.date.kind], ['March 4, 2002', '2002-03-04', 'exact']);
  });

  test('reasons say how a date was resolved', () => {
    assert.equal(find('They met on Monday.')[0]?.date.reason, 'weekday on or before reference');
    assert.equal(find('They met in May.')[0]?.date.reason, 'month without year, past');
    assert.match(find('Aid has flowed since 2014.')[0]?.date.reason ?? '', /^since: /);
  });

  test('the month-day year is the one nearest the reference', () => {
    assert.equal(find('They met on January 3.', '2024-12-30')[0]?.date.value, '2025-01-03');
    assert.equal(find('They met on December 28.', '2024-01-04')[0]?.date.value, '2023-12-28');
    assert.equal(find('They met on February 29.', '2025-03-01')[0]?.date.value, '2024-02-29');
  });

  test('a 1 MB text is scanned to the end (no catastrophic backtracking)', () => {
    const unit = 'On Monday the envoy said that   in   in the the 2024- 2 days May I March of  12345678 Tuesdays, tomorrow. ';
    const text = `${unit.repeat(Math.ceil(1_000_000 / unit.length))}${'x'.repeat(1000)} ${' '.repeat(50_000)}March`;
    const found = resolveDates(text, { start: 0, end: text.length }, REF);
    const perUnit = find(unit).length;
    assert.equal(perUnit, 2);
    assert.equal(found.length, perUnit * Math.ceil(1_000_000 / unit.length));
  });
});

describe('annotate: documentDate and isPastBeyond', () => {
  test('documentDate is the fallback, not stated', () => {
    assert.deepEqual(documentDate(REF), {
      value: REF,
      granularity: 'day',
      kind: 'approximate',
      stated: false,
      text: null,
      span: null,
      reason: 'document date',
    });
    assert.equal(documentDate(null).kind, 'unresolved');
    assert.equal(documentDate(null).value, null);
  });

  test('isPastBeyond looks at the end of the period', () => {
    const date = (s: string) => (find(s)[0] as DateMention).date;
    assert.equal(isPastBeyond(date('It happened in 2019.'), REF, 365), true);
    assert.equal(isPastBeyond(date('It happened in 2023.'), REF, 365), false);
    assert.equal(isPastBeyond(date('It happened in March 2023.'), REF, 365), true);
    assert.equal(isPastBeyond(date('It happened last week.'), REF, 365), false);
    assert.equal(isPastBeyond(date('It has gone on since 2014.'), REF, 365), false);
    assert.equal(isPastBeyond(date('It happened from 2014 to 2016.'), REF, 365), true);
    assert.equal(isPastBeyond(documentDate(null), REF, 365), false);
    assert.equal(isPastBeyond(date('It happened in 2019.'), null, 365), false);
  });
});
