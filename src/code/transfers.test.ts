// arms-transfer records (issue 7): table-driven, our own sentences; each field, each status, currencies,
// unknown systems by pattern, and sentences that mention weapons without a transfer.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Actor, Plover, Transfer } from '../core/index.js';
import { loadWeapons, matchPhrase, tokenize, WEAPON_CATEGORIES } from './load-weapons.js';
import { extractTransfer, parseExpected, parseValue } from './transfers.js';

/** An actor named by `word` in `text` (the first occurrence), coded `code` (country = first three letters). */
function actor(text: string, word: string | null, code: string): Actor | null {
  if (word === null) return null;
  const i = text.indexOf(word);
  assert.ok(i >= 0, `'${word}' is not in the sentence`);
  return { code, country: code.slice(0, 3), sector: code.slice(3), name: null, text: word, span: { start: i, end: i + word.length } };
}

interface Case {
  readonly label: string;
  readonly text: string;
  readonly source: readonly [string, string] | null;
  readonly target: readonly [string, string] | null;
  readonly type: Plover;
  readonly docDate?: string;
  readonly expect: {
    readonly supplier?: string | null;
    readonly recipient?: string | null;
    readonly supplierOrg?: string | null;
    readonly recipientOrg?: string | null;
    readonly systems?: readonly { name: string; category: string; quantity: number | null; text?: string }[];
    readonly value?: { amount: number; currency: string } | null;
    readonly status?: Transfer['status'];
    readonly expected?: string | null;
  } | null;
}

function run(c: Case): { result: Transfer | null; explain: string[] } {
  const explain: string[] = [];
  const result = extractTransfer(
    {
      text: c.text,
      sentence: { start: 0, end: c.text.length },
      source: c.source ? actor(c.text, c.source[0], c.source[1]) : null,
      target: c.target ? actor(c.text, c.target[0], c.target[1]) : null,
      type: c.type,
      docDate: c.docDate ?? '2024-06-15',
    },
    loadWeapons(),
    explain,
  );
  return { result, explain };
}

function check(c: Case): void {
  const { result, explain } = run(c);
  const msg = `${c.label}\n  ${explain.join('\n  ')}`;
  if (c.expect === null) {
    assert.equal(result, null, msg);
    return;
  }
  assert.ok(result, msg);
  const e = c.expect;
  if (e.supplier !== undefined) assert.equal(result.supplier?.code ?? null, e.supplier, `supplier: ${msg}`);
  if (e.recipient !== undefined) assert.equal(result.recipient?.code ?? null, e.recipient, `recipient: ${msg}`);
  if (e.supplierOrg !== undefined) assert.equal(result.supplierOrg, e.supplierOrg, `supplierOrg: ${msg}`);
  if (e.recipientOrg !== undefined) assert.equal(result.recipientOrg, e.recipientOrg, `recipientOrg: ${msg}`);
  if (e.status !== undefined) assert.equal(result.status, e.status, `status: ${msg}`);
  if (e.expected !== undefined) assert.equal(result.expected, e.expected, `expected: ${msg}`);
  if (e.value !== undefined) {
    assert.deepEqual(result.value ? { amount: result.value.amount, currency: result.value.currency } : null, e.value, `value: ${msg}`);
  }
  if (e.systems !== undefined) {
    const got = result.systems.map((s, i) =>
      e.systems?.[i]?.text === undefined
        ? { name: s.name, category: s.category, quantity: s.quantity }
        : { name: s.name, category: s.category, quantity: s.quantity, text: s.text },
    );
    assert.deepEqual(got, e.systems, `systems: ${msg}`);
  }
  // the system text is always the exact words of the sentence
  for (const s of result.systems) assert.ok(c.text.includes(s.text), `system text '${s.text}' not in sentence`);
}

const FIELD_CASES: readonly Case[] = [
  {
    label: 'supplier company, quantity, USD value, ordered, expected year',
    text: 'Poland signed a contract worth about US$6.5 billion with Hyundai Rotem for 180 K2 tanks, to be delivered by 2026.',
    source: ['Poland', 'POL'],
    target: ['Hyundai Rotem', 'KORBUS'],
    type: 'COOPERATE',
    expect: {
      supplier: 'KORBUS',
      recipient: 'POL',
      supplierOrg: 'Hyundai Rotem',
      recipientOrg: null,
      systems: [{ name: 'K2 Black Panther', category: 'tank', quantity: 180, text: 'K2 tanks' }],
      value: { amount: 6.5e9, currency: 'USD' },
      status: 'ordered',
      expected: '2026',
    },
  },
  {
    label: 'recipient as subject of "received ... from", number word',
    text: 'Azerbaijan received six Bayraktar TB2 drones from Turkey last week.',
    source: ['Azerbaijan', 'AZE'],
    target: ['Turkey', 'TUR'],
    type: 'AID',
    expect: {
      supplier: 'TUR',
      recipient: 'AZE',
      systems: [{ name: 'Bayraktar TB2', category: 'uav', quantity: 6, text: 'Bayraktar TB2 drones' }],
      value: null,
      status: 'delivered',
      expected: null,
    },
  },
  {
    label: 'supplier as subject, "to X" recipient, plural alias, two systems',
    text: 'South Korea delivered 48 K9 howitzers and 12 FA-50 light combat aircraft to Poland.',
    source: ['South Korea', 'KOR'],
    target: ['Poland', 'POL'],
    type: 'COOPERATE',
    expect: {
      supplier: 'KOR',
      recipient: 'POL',
      systems: [
        { name: 'K9 Thunder', category: 'artillery', quantity: 48 },
        { name: 'FA-50', category: 'fighter-aircraft', quantity: 12 },
      ],
      status: 'delivered',
    },
  },
  {
    label: '"two batches of 12" multiplies',
    text: 'Greece ordered Rafale jets from France in a deal for two batches of 12 Rafale fighters.',
    source: ['Greece', 'GRC'],
    target: ['France', 'FRA'],
    type: 'COOPERATE',
    expect: {
      supplier: 'FRA',
      recipient: 'GRC',
      systems: [
        { name: 'Dassault Rafale', category: 'fighter-aircraft', quantity: null },
        { name: 'Dassault Rafale', category: 'fighter-aircraft', quantity: 24 },
      ],
      status: 'ordered',
    },
  },
  {
    label: '"a dozen more" and talks',
    text: 'Egypt is in talks with France to buy a dozen more Rafales.',
    source: ['Egypt', 'EGY'],
    target: ['France', 'FRA'],
    type: 'CONSULT',
    expect: {
      supplier: 'FRA',
      recipient: 'EGY',
      systems: [{ name: 'Dassault Rafale', category: 'fighter-aircraft', quantity: 12, text: 'Rafales' }],
      status: 'discussed',
    },
  },
  {
    label: 'supplier by producer of the system when wording does not decide',
    text: 'Turkey and Kuwait signed a deal on Bayraktar TB2 drones worth $370 million.',
    source: ['Kuwait', 'KWT'],
    target: ['Turkey', 'TUR'],
    type: 'AGREE',
    expect: { supplier: 'TUR', recipient: 'KWT', status: 'ordered', value: { amount: 3.7e8, currency: 'USD' } },
  },
  {
    label: 'missing supplier filled from the producer of the system',
    text: 'Indonesia ordered 42 Rafale jets in a deal valued at $8.1bn.',
    source: ['Indonesia', 'IDN'],
    target: null,
    type: 'COOPERATE',
    expect: { supplier: 'FRA', recipient: 'IDN', status: 'ordered', value: { amount: 8.1e9, currency: 'USD' } },
  },
  {
    label: 'recipient agency and supplier company named, no actors from the coder',
    text: "Hanwha Aerospace signed a contract with Poland's Armament Agency for 152 K239 Chunmoo launchers.",
    source: null,
    target: null,
    type: 'COOPERATE',
    expect: {
      supplier: 'KOR',
      recipient: 'POL',
      supplierOrg: 'Hanwha Aerospace',
      recipientOrg: 'Armament Agency',
      systems: [{ name: 'K239 Chunmoo', category: 'rocket-artillery', quantity: 152, text: 'K239 Chunmoo launchers' }],
      status: 'ordered',
    },
  },
  {
    label: "Türkiye's defence industry agency as supplier organisation",
    text: "Türkiye's defense industry agency said it will deliver Hisar air defence systems to Azerbaijan next year.",
    source: ['Türkiye', 'TUR'],
    target: ['Azerbaijan', 'AZE'],
    type: 'COOPERATE',
    expect: {
      supplier: 'TUR',
      recipient: 'AZE',
      supplierOrg: 'Presidency of Defence Industries',
      systems: [{ name: 'Hisar', category: 'air-defence', quantity: null }],
      status: 'planned',
      expected: '2025',
    },
  },
  {
    label: 'unknown designation and unknown name by pattern',
    text: 'Bangladesh ordered the X-7 drone and two Kemankes missiles from Turkey.',
    source: ['Bangladesh', 'BGD'],
    target: ['Turkey', 'TUR'],
    type: 'COOPERATE',
    expect: {
      supplier: 'TUR',
      recipient: 'BGD',
      systems: [
        { name: 'X-7', category: 'uav', quantity: null, text: 'X-7 drone' },
        { name: 'Kemankes', category: 'missile', quantity: 2, text: 'Kemankes missiles' },
      ],
      status: 'ordered',
    },
  },
  {
    label: 'unknown ship class by pattern, "for X\'s navy" recipient, future build',
    text: "Turkey will build four Meltem-class corvettes for Pakistan's navy by 2028.",
    source: ['Turkey', 'TUR'],
    target: ['Pakistan', 'PAKMIL'],
    type: 'COOPERATE',
    expect: {
      supplier: 'TUR',
      recipient: 'PAKMIL',
      systems: [{ name: 'Meltem-class', category: 'ship', quantity: 4, text: 'Meltem-class corvettes' }],
      status: 'planned',
      expected: '2028',
    },
  },
  {
    label: 'generic category when no system is named',
    text: 'Germany sent 18 howitzers and ammunition to Ukraine.',
    source: ['Germany', 'DEU'],
    target: ['Ukraine', 'UKR'],
    type: 'AID',
    expect: {
      supplier: 'DEU',
      recipient: 'UKR',
      systems: [
        { name: '', category: 'artillery', quantity: 18, text: 'howitzers' },
        { name: '', category: 'ammunition', quantity: null, text: 'ammunition' },
      ],
      status: 'delivered',
    },
  },
  {
    label: 'quantities in millions and after a calibre; "drone maker" is not an item',
    text: 'The drone maker said Spain is supplying Ukraine with 1 million artillery shells and 20,000 155mm rounds of ammunition.',
    source: ['Spain', 'ESP'],
    target: ['Ukraine', 'UKR'],
    type: 'AID',
    expect: {
      supplier: 'ESP',
      recipient: 'UKR',
      systems: [{ name: '', category: 'ammunition', quantity: 1e6, text: 'artillery shells' }],
      value: null,
      status: 'delivered',
    },
  },
  {
    label: 'supplierOrg is the company the actor names, not the first one in the sentence',
    text: 'The SSB said Baykar handed over 24 more TB2 drones to Poland under a 2021 contract.',
    source: ['Baykar', 'TURBUS'],
    target: ['Poland', 'POL'],
    type: 'COOPERATE',
    expect: { supplier: 'TURBUS', recipient: 'POL', supplierOrg: 'Baykar', status: 'delivered', systems: [{ name: 'Bayraktar TB2', category: 'uav', quantity: 24 }] },
  },
  {
    label: 'passive with "to X" and "by Y"',
    text: 'The first Caesar howitzers were delivered to Armenia by France in March.',
    source: ['France', 'FRA'],
    target: ['Armenia', 'ARM'],
    type: 'COOPERATE',
    expect: { supplier: 'FRA', recipient: 'ARM', status: 'delivered', systems: [{ name: 'Caesar', category: 'artillery', quantity: null }] },
  },
  {
    label: 'REQUEST: the source asks, the target supplies',
    text: 'Ukraine asked for more Patriot batteries from the United States.',
    source: ['Ukraine', 'UKR'],
    target: ['United States', 'USA'],
    type: 'REQUEST',
    expect: { supplier: 'USA', recipient: 'UKR', status: 'discussed', systems: [{ name: 'MIM-104 Patriot', category: 'air-defence', quantity: null, text: 'Patriot batteries' }] },
  },
  {
    label: 'made-in adjective marks the supplier actor',
    text: 'Serbia bought Chinese-made FK-3 air defence systems from China.',
    source: ['Serbia', 'SRB'],
    target: ['China', 'CHN'],
    type: 'COOPERATE',
    expect: { supplier: 'CHN', recipient: 'SRB', systems: [{ name: 'HQ-22', category: 'air-defence', quantity: null }] },
  },
];

const STATUS_CASES: readonly Case[] = [
  {
    label: 'discussed: considering',
    text: 'Vietnam is considering the purchase of Su-35 fighters from Russia.',
    source: ['Vietnam', 'VNM'],
    target: ['Russia', 'RUS'],
    type: 'CONSULT',
    expect: { status: 'discussed', supplier: 'RUS', recipient: 'VNM' },
  },
  {
    label: 'planned: plans to acquire',
    text: 'Pakistan plans to acquire 40 J-10C fighters from China.',
    source: ['Pakistan', 'PAK'],
    target: ['China', 'CHN'],
    type: 'AGREE',
    expect: { status: 'planned', supplier: 'CHN', recipient: 'PAK', systems: [{ name: 'J-10C', category: 'fighter-aircraft', quantity: 40 }] },
  },
  {
    label: 'planned: letter of intent',
    text: 'Spain and Turkey signed a letter of intent on 24 Hurjet trainer jets.',
    source: ['Spain', 'ESP'],
    target: ['Turkey', 'TUR'],
    type: 'AGREE',
    expect: { status: 'planned', supplier: 'TUR', recipient: 'ESP', systems: [{ name: 'TAI Hurjet', category: 'trainer-aircraft', quantity: 24 }] },
  },
  {
    label: 'planned: agreed to buy',
    text: 'Germany agreed to buy the Arrow 3 system from Israel for 3.6 billion euros.',
    source: ['Germany', 'DEU'],
    target: ['Israel', 'ISR'],
    type: 'AGREE',
    expect: { status: 'planned', supplier: 'ISR', recipient: 'DEU', value: { amount: 3.6e9, currency: 'EUR' } },
  },
  {
    label: 'planned: approved the sale',
    text: 'The United States approved the sale of 40 F-16V jets to Turkey for about $23 billion.',
    source: ['United States', 'USA'],
    target: ['Turkey', 'TUR'],
    type: 'AGREE',
    expect: { status: 'planned', supplier: 'USA', recipient: 'TUR', systems: [{ name: 'F-16 Fighting Falcon', category: 'fighter-aircraft', quantity: 40 }] },
  },
  {
    label: 'ordered: purchased',
    text: 'Romania purchased the Israeli Spike anti-tank missiles for €300 million.',
    source: ['Romania', 'ROU'],
    target: null,
    type: 'COOPERATE',
    expect: { status: 'ordered', supplier: 'ISR', recipient: 'ROU', value: { amount: 3e8, currency: 'EUR' } },
  },
  {
    label: 'delivered: handed over',
    text: 'Norway handed over NASAMS air defence systems to Ukraine.',
    source: ['Norway', 'NOR'],
    target: ['Ukraine', 'UKR'],
    type: 'AID',
    expect: { status: 'delivered', supplier: 'NOR', recipient: 'UKR', systems: [{ name: 'NASAMS', category: 'air-defence', quantity: null }] },
  },
  {
    label: 'delivered: took delivery',
    text: 'Pakistan took delivery of the first Hangor-class submarine from China.',
    source: ['Pakistan', 'PAK'],
    target: ['China', 'CHN'],
    type: 'COOPERATE',
    expect: { status: 'delivered', supplier: 'CHN', recipient: 'PAK', systems: [{ name: 'Hangor-class submarine', category: 'submarine', quantity: null }] },
  },
  {
    label: 'in-production: licensed production',
    text: 'Baykar began licensed production of the Akinci drone in Ukraine.',
    source: ['Baykar', 'TURBUS'],
    target: ['Ukraine', 'UKR'],
    type: 'COOPERATE',
    expect: { status: 'in-production', supplier: 'TURBUS', recipient: 'UKR', supplierOrg: 'Baykar' },
  },
  {
    label: 'in-production: jointly produce, supplier by producer',
    text: 'India and Russia jointly produce AK-203 rifles under licence at a plant in Amethi.',
    source: ['India', 'IND'],
    target: ['Russia', 'RUS'],
    type: 'COOPERATE',
    expect: { status: 'in-production', supplier: 'RUS', recipient: 'IND', systems: [{ name: 'AK-203', category: 'small-arms', quantity: null }] },
  },
  {
    label: 'future delivery inside a signed deal stays ordered, expected month',
    text: 'Qatar signed a deal for 12 Eurofighter Typhoon jets from Britain, with deliveries from March 2027.',
    source: ['Qatar', 'QAT'],
    target: ['Britain', 'GBR'],
    type: 'COOPERATE',
    expect: { status: 'ordered', supplier: 'GBR', recipient: 'QAT', expected: '2027-03' },
  },
  {
    label: 'will receive: planned with year',
    text: 'The Philippines will receive 12 FA-50 aircraft from South Korea in 2025.',
    source: ['Philippines', 'PHL'],
    target: ['South Korea', 'KOR'],
    type: 'COOPERATE',
    expect: { status: 'planned', supplier: 'KOR', recipient: 'PHL', expected: '2025', systems: [{ name: 'FA-50', category: 'fighter-aircraft', quantity: 12, text: 'FA-50 aircraft' }] },
  },
  {
    label: 'planned: a bare transfer verb after "will"',
    text: 'Greece will transfer its older Mirage 2000-5 jets to India.',
    source: ['Greece', 'GRC'],
    target: ['India', 'IND'],
    type: 'COOPERATE',
    expect: { status: 'planned', supplier: 'GRC', recipient: 'IND', systems: [{ name: 'Mirage 2000', category: 'fighter-aircraft', quantity: null, text: 'Mirage 2000-5 jets' }] },
  },
  {
    label: 'unknown: an arms deal between two sides, no stage word',
    text: 'The arms deal between Morocco and Israel covers Barak MX air defence systems.',
    source: ['Morocco', 'MAR'],
    target: ['Israel', 'ISR'],
    type: 'COOPERATE',
    expect: { status: 'unknown', supplier: 'ISR', recipient: 'MAR' },
  },
];

const NULL_CASES: readonly Case[] = [
  { label: 'combat: drones struck', text: 'Russian forces struck Kharkiv with Shahed drones overnight.', source: ['Russian forces', 'RUSMIL'], target: ['Kharkiv', 'UKR'], type: 'AID', expect: null },
  { label: 'combat event type', text: 'Ukraine used HIMARS to hit a Russian ammunition depot.', source: ['Ukraine', 'UKR'], target: null, type: 'ASSAULT', expect: null },
  { label: 'combat: fired', text: 'Ukrainian soldiers fired Javelin missiles at Russian tanks near the river.', source: ['Ukrainian soldiers', 'UKRMIL'], target: null, type: 'AID', expect: null },
  { label: 'interception', text: "Israel's Arrow 3 intercepted a ballistic missile over the Red Sea.", source: ['Israel', 'ISR'], target: null, type: 'SUPPORT', expect: null },
  { label: 'parade', text: 'Iran paraded its new Mohajer-10 drones through Tehran.', source: ['Iran', 'IRN'], target: null, type: 'COOPERATE', expect: null },
  { label: 'exhibition', text: 'Turkey showcased the Kizilelma at a defence fair in Istanbul.', source: ['Turkey', 'TUR'], target: null, type: 'COOPERATE', expect: null },
  { label: 'test', text: 'North Korea test-fired a new cruise missile on Sunday.', source: ['North Korea', 'PRK'], target: null, type: 'COOPERATE', expect: null },
  { label: 'refusal', text: 'Germany refused to deliver Taurus missiles to Ukraine.', source: ['Germany', 'DEU'], target: ['Ukraine', 'UKR'], type: 'AID', expect: null },
  { label: 'negated delivery', text: 'Washington has not delivered the F-35 jets to Ankara.', source: ['Washington', 'USA'], target: ['Ankara', 'TUR'], type: 'COOPERATE', expect: null },
  { label: 'production for own forces', text: 'Baykar is producing TB3 drones for the Turkish navy.', source: ['Baykar', 'TURBUS'], target: ['Turkish navy', 'TURMIL'], type: 'COOPERATE', expect: null },
  { label: 'domestic order without counterparty', text: 'India signed a Rs 5,000 crore deal for Pinaka rockets.', source: ['India', 'IND'], target: null, type: 'COOPERATE', expect: null },
  { label: 'no weapon named', text: 'Turkey and Azerbaijan signed a defence cooperation agreement in Baku.', source: ['Turkey', 'TUR'], target: ['Azerbaijan', 'AZE'], type: 'AGREE', expect: null },
  { label: 'arms control is not a weapon', text: 'Russia and the United States discussed arms control in Geneva.', source: ['Russia', 'RUS'], target: ['United States', 'USA'], type: 'CONSULT', expect: null },
  { label: 'deployment', text: 'The United States deployed Patriot batteries to Poland.', source: ['United States', 'USA'], target: ['Poland', 'POL'], type: 'SUPPORT', expect: null },
  { label: 'exercise', text: 'Greek and French Rafale jets took part in a joint exercise over the Aegean.', source: ['Greek', 'GRC'], target: ['French', 'FRA'], type: 'COOPERATE', expect: null },
];

describe('extractTransfer: fields', () => {
  for (const c of FIELD_CASES) test(c.label, () => check(c));
});

describe('extractTransfer: statuses', () => {
  for (const c of STATUS_CASES) test(c.label, () => check(c));
});

describe('extractTransfer: weapons without a transfer give null', () => {
  for (const c of NULL_CASES) test(c.label, () => check(c));
});

describe('extractTransfer: sentence offsets', () => {
  test('reads only the given sentence of a longer document', () => {
    const text = 'Earlier, Chile bought Leopard 2 tanks from Germany. Later, Peru received 24 K9 howitzers from South Korea.';
    const start = text.indexOf('Later');
    const i = text.indexOf('Peru');
    const j = text.indexOf('South Korea');
    const r = extractTransfer(
      {
        text,
        sentence: { start, end: text.length },
        source: { code: 'PER', country: 'PER', sector: '', name: null, text: 'Peru', span: { start: i, end: i + 4 } },
        target: { code: 'KOR', country: 'KOR', sector: '', name: null, text: 'South Korea', span: { start: j, end: j + 11 } },
        type: 'COOPERATE',
        docDate: '2024-01-10',
      },
      loadWeapons(),
    );
    assert.ok(r);
    assert.deepEqual(
      r.systems.map((s) => s.name),
      ['K9 Thunder'],
    );
    assert.equal(r.supplier?.code, 'KOR');
    assert.equal(r.recipient?.code, 'PER');
  });
});

describe('parseValue: currencies', () => {
  const table: readonly [string, number, string][] = [
    ['worth about US$6.5 billion', 6.5e9, 'USD'],
    ['a $1.2bn package', 1.2e9, 'USD'],
    ['for €300 million', 3e8, 'EUR'],
    ['valued at £1bn', 1e9, 'GBP'],
    ['3.2 trillion won', 3.2e12, 'KRW'],
    ['KRW 1.7 trillion', 1.7e12, 'KRW'],
    ['Rs 5,000 crore', 5e10, 'INR'],
    ['₹2,900 crore', 2.9e10, 'INR'],
    ['2 billion lira', 2e9, 'TRY'],
    ['10 billion roubles', 1e10, 'RUB'],
    ['5 billion yuan', 5e9, 'CNY'],
    ['¥50 billion', 5e10, 'JPY'],
    ['PLN 10 billion', 1e10, 'PLN'],
    ['700 million zlotys', 7e8, 'PLN'],
    ['1.5 billion euros', 1.5e9, 'EUR'],
    ['6.5 billion US dollars', 6.5e9, 'USD'],
    ['USD 250 million', 2.5e8, 'USD'],
  ];
  for (const [text, amount, currency] of table) {
    test(text, () => {
      const v = parseValue(`The deal is ${text} in total.`);
      assert.ok(v, text);
      assert.equal(v.amount, amount);
      assert.equal(v.currency, currency);
      assert.equal(v.text, text.replace(/^(worth about|a|for|valued at) /, '').replace(/ package$/, ''));
    });
  }
  test('numbers without a currency are not values', () => {
    assert.equal(parseValue('Poland ordered 180 K2 tanks and 212 K9 howitzers in 2022.'), null);
  });
});

describe('parseExpected', () => {
  const table: readonly [string, string | null, string | null][] = [
    ['to be delivered by 2030', '2024-06-15', '2030'],
    ['deliveries from 2026', '2024-06-15', '2026'],
    ['entering service in 2027', '2024-06-15', '2027'],
    ['by the end of 2025', '2024-06-15', '2025'],
    ['starting in September 2026', '2024-06-15', '2026-09'],
    ['next year', '2024-06-15', '2025'],
    ['within two years', '2024-06-15', '2026'],
    ['bought in 2020', '2024-06-15', null],
    ['no date here', '2024-06-15', null],
  ];
  for (const [text, doc, want] of table) test(text, () => assert.equal(parseExpected(text, doc, 'ordered'), want));
});

describe('load-weapons', () => {
  test('the lexicon loads with 200+ systems in known categories and ISO3 suppliers', () => {
    const lex = loadWeapons();
    assert.ok(lex.systems.length >= 200, `${lex.systems.length} systems`);
    for (const s of lex.systems) {
      assert.ok((WEAPON_CATEGORIES as readonly string[]).includes(s.category), s.name);
      assert.match(s.supplier, /^[A-Z]{3}$/);
    }
    assert.ok(lex.companies.some((c) => c.name === 'Baykar' && c.country === 'TUR'));
  });

  const lookups: readonly [string, string | null][] = [
    ['F-16s', 'F-16 Fighting Falcon'],
    ['F16', 'F-16 Fighting Falcon'],
    ['Bayraktar TB-2', 'Bayraktar TB2'],
    ['Akıncı', 'Bayraktar Akinci'],
    ['Type 054A', 'Type 054A frigate'],
    ["David's Sling", "David's Sling"],
    ['S-400', 'S-400 Triumf'],
    ['HIMARS', 'M142 HIMARS'],
    ['TOW', 'BGM-71 TOW'],
    ['tow', null],
    ['patriot', null],
    ['Patriot', 'MIM-104 Patriot'],
    ['Leopard 1A5', 'Leopard 1'],
    ['Leopard 2A7', 'Leopard 2'],
  ];
  for (const [text, want] of lookups) {
    test(`lookup ${text}`, () => {
      const m = matchPhrase(loadWeapons().systemIndex, tokenize(text), 0);
      assert.equal(m?.value.name ?? null, want);
    });
  }

  test('a broken file names file:line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-weapons-'));
    mkdirSync(join(dir, 'weapons'));
    writeFileSync(join(dir, 'weapons', 'systems.tsv'), '# test\nname\tcategory\tsupplier\taliases\nX-1\tlaser\tTUR\tX-1\n');
    writeFileSync(join(dir, 'weapons', 'companies.tsv'), '# test\nname\tcountry\taliases\n');
    assert.throws(() => loadWeapons(dir), /systems\.tsv:3: unknown category 'laser'/);
    writeFileSync(join(dir, 'weapons', 'systems.tsv'), 'name\tcategory\tsupplier\taliases\nX-1\tuav\tTUR\tX-1\nX-2\tuav\tTUR\tX1\n');
    assert.throws(() => loadWeapons(dir), /systems\.tsv:3: alias 'X1' already belongs to 'X-1'/);
  });
});
