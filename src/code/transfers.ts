// arms-transfer records (issue 7): from one military sentence and its event actors, who supplies what to whom,
// how many, for how much, at which stage and by when. Rules, not a model; every decision is pushed to `explain`.
import { CARDINALS } from '../core/numbers.js';
import type { Actor, Plover, Span, Transfer } from '../core/index.js';
import {
  type DefenceOrg,
  matchPhrase,
  mayStartAt,
  tokenize,
  type WeaponCategory,
  type WeaponSystem,
  type WeaponsLexicon,
  type Word,
} from './load-weapons.js';

export interface TransferInput {
  /** The whole document text (offsets refer to it). */
  readonly text: string;
  readonly sentence: Span;
  readonly source: Actor | null;
  readonly target: Actor | null;
  readonly type: Plover;
  /** YYYY-MM-DD, the reference for "next year" and for keeping only future expected dates. */
  readonly docDate: string | null;
}

type Status = Transfer['status'];
type SystemRecord = Transfer['systems'][number];

// event types that can carry a transfer; fighting, force posture, protest and sanctions never do
const TRANSFER_TYPES: ReadonlySet<Plover> = new Set<Plover>([
  'AID',
  'COOPERATE',
  'AGREE',
  'SUPPORT',
  'CONSULT',
  'REQUEST',
  'CONCEDE',
]);

// ---- cues -------------------------------------------------------------------------------------------------

type CueKind = 'supply' | 'receive' | 'produce' | 'deal' | 'talk' | 'plan' | 'combat' | 'refuse';
interface Cue {
  readonly kind: CueKind;
  /** Status the cue gives when it is not future-marked; null gives none (direction only). */
  readonly status: Status | null;
}

const CUE_TABLE: readonly (readonly [string, CueKind, Status | null])[] = [
  // supplier is the subject: "Turkey delivered", "Korea sold"
  ['delivered', 'supply', 'delivered'],
  ['delivers', 'supply', 'delivered'],
  ['delivering', 'supply', 'delivered'],
  ['deliver', 'supply', 'planned'],
  ['delivery', 'supply', null],
  ['deliveries', 'supply', null],
  ['handed over', 'supply', 'delivered'],
  ['hands over', 'supply', 'delivered'],
  ['hand over', 'supply', 'planned'],
  ['handover', 'supply', 'delivered'],
  ['transferred', 'supply', 'delivered'],
  ['transfer', 'supply', null],
  ['transfers', 'supply', null],
  ['supplied', 'supply', 'delivered'],
  ['supplies', 'supply', 'delivered'],
  ['supplying', 'supply', 'delivered'],
  ['supply', 'supply', 'planned'],
  ['sent', 'supply', 'delivered'],
  ['sends', 'supply', 'delivered'],
  ['sending', 'supply', 'delivered'],
  ['send', 'supply', 'planned'],
  ['shipped', 'supply', 'delivered'],
  ['provided', 'supply', 'delivered'],
  ['provides', 'supply', 'delivered'],
  ['providing', 'supply', 'delivered'],
  ['provide', 'supply', 'planned'],
  ['donated', 'supply', 'delivered'],
  ['donates', 'supply', 'delivered'],
  ['donate', 'supply', 'planned'],
  ['donation', 'supply', null],
  ['gifted', 'supply', 'delivered'],
  ['exported', 'supply', 'delivered'],
  ['exports', 'supply', null],
  ['export', 'supply', null],
  ['sold', 'supply', 'ordered'],
  ['sells', 'supply', 'ordered'],
  ['sell', 'supply', 'planned'],
  ['selling', 'supply', null],
  ['sale', 'supply', null],
  ['sales', 'supply', null],
  ['offered', 'supply', 'discussed'],
  ['offers', 'supply', 'discussed'],
  ['offer', 'supply', 'discussed'],
  // recipient is the subject: "Poland ordered", "Azerbaijan received"
  ['received', 'receive', 'delivered'],
  ['receives', 'receive', 'delivered'],
  ['receiving', 'receive', 'delivered'],
  ['receive', 'receive', 'planned'],
  ['took delivery', 'receive', 'delivered'],
  ['takes delivery', 'receive', 'delivered'],
  ['taken delivery', 'receive', 'delivered'],
  ['take delivery', 'receive', 'planned'],
  ['imported', 'receive', 'delivered'],
  ['imports', 'receive', null],
  ['import', 'receive', null],
  ['obtained', 'receive', 'delivered'],
  ['bought', 'receive', 'ordered'],
  ['buys', 'receive', 'ordered'],
  ['buy', 'receive', 'planned'],
  ['buying', 'receive', null],
  ['purchased', 'receive', 'ordered'],
  ['purchases', 'receive', null],
  ['purchase', 'receive', null],
  ['purchasing', 'receive', null],
  ['acquired', 'receive', 'ordered'],
  ['acquires', 'receive', 'ordered'],
  ['acquire', 'receive', 'planned'],
  ['acquiring', 'receive', null],
  ['acquisition', 'receive', null],
  ['procured', 'receive', 'ordered'],
  ['procures', 'receive', 'ordered'],
  ['procure', 'receive', 'planned'],
  ['procurement', 'receive', null],
  ['ordered', 'receive', 'ordered'],
  ['orders', 'receive', 'ordered'],
  ['order', 'receive', 'ordered'],
  ['placed an order', 'receive', 'ordered'],
  ['requested', 'receive', 'discussed'],
  ['requests', 'receive', 'discussed'],
  ['request', 'receive', 'discussed'],
  ['asked for', 'receive', 'discussed'],
  ['sought', 'receive', 'discussed'],
  ['seeks', 'receive', 'discussed'],
  ['seeking', 'receive', 'discussed'],
  // production under licence or together
  ['licensed production', 'produce', 'in-production'],
  ['license production', 'produce', 'in-production'],
  ['under license', 'produce', 'in-production'],
  ['joint production', 'produce', 'in-production'],
  ['jointly produce', 'produce', 'in-production'],
  ['jointly produced', 'produce', 'in-production'],
  ['jointly develop', 'produce', 'in-production'],
  ['jointly developed', 'produce', 'in-production'],
  ['joint development', 'produce', 'in-production'],
  ['co-production', 'produce', 'in-production'],
  ['coproduction', 'produce', 'in-production'],
  ['co-produce', 'produce', 'in-production'],
  ['co-produced', 'produce', 'in-production'],
  ['co-producing', 'produce', 'in-production'],
  ['co-develop', 'produce', 'in-production'],
  ['co-developing', 'produce', 'in-production'],
  ['co-development', 'produce', 'in-production'],
  ['local production', 'produce', 'in-production'],
  ['locally produce', 'produce', 'in-production'],
  ['produce locally', 'produce', 'in-production'],
  ['production', 'produce', 'in-production'],
  ['producing', 'produce', 'in-production'],
  ['produces', 'produce', 'in-production'],
  ['produce', 'produce', 'in-production'],
  ['assembling', 'produce', 'in-production'],
  ['assembles', 'produce', 'in-production'],
  ['assemble', 'produce', 'in-production'],
  ['assembly', 'produce', 'in-production'],
  ['manufacturing', 'produce', 'in-production'],
  ['manufactures', 'produce', 'in-production'],
  ['manufacture', 'produce', 'in-production'],
  ['building', 'produce', 'in-production'],
  ['builds', 'produce', 'in-production'],
  ['build', 'produce', 'in-production'],
  ['built', 'produce', null],
  // deals
  ['signed', 'deal', 'ordered'],
  ['signs', 'deal', 'ordered'],
  ['inked', 'deal', 'ordered'],
  ['sealed', 'deal', 'ordered'],
  ['finalized', 'deal', 'ordered'],
  ['awarded', 'deal', 'ordered'],
  ['contract', 'deal', 'ordered'],
  ['contracts', 'deal', 'ordered'],
  ['deal', 'deal', null],
  ['deals', 'deal', null],
  ['agreement', 'deal', null],
  ['letter of intent', 'plan', 'planned'],
  ['memorandum of understanding', 'plan', 'planned'],
  ['memorandum', 'plan', 'planned'],
  ['MoU', 'plan', 'planned'],
  // plans and talks
  ['plans', 'plan', 'planned'],
  ['planned', 'plan', 'planned'],
  ['planning', 'plan', 'planned'],
  ['intends', 'plan', 'planned'],
  ['intend', 'plan', 'planned'],
  ['intention', 'plan', 'planned'],
  ['aims', 'plan', 'planned'],
  ['agreed', 'plan', 'planned'],
  ['agrees', 'plan', 'planned'],
  ['approved', 'plan', 'planned'],
  ['approves', 'plan', 'planned'],
  ['approval', 'plan', 'planned'],
  ['cleared', 'plan', 'planned'],
  ['authorized', 'plan', 'planned'],
  ['selected', 'plan', 'planned'],
  ['chose', 'plan', 'planned'],
  ['chosen', 'plan', 'planned'],
  ['decided', 'plan', 'planned'],
  ['pledged', 'plan', 'planned'],
  ['pledges', 'plan', 'planned'],
  ['promised', 'plan', 'planned'],
  ['talks', 'talk', 'discussed'],
  ['discussed', 'talk', 'discussed'],
  ['discuss', 'talk', 'discussed'],
  ['discussing', 'talk', 'discussed'],
  ['discussions', 'talk', 'discussed'],
  ['negotiating', 'talk', 'discussed'],
  ['negotiations', 'talk', 'discussed'],
  ['negotiate', 'talk', 'discussed'],
  ['negotiated', 'talk', 'discussed'],
  ['considering', 'talk', 'discussed'],
  ['considers', 'talk', 'discussed'],
  ['consider', 'talk', 'discussed'],
  ['mulling', 'talk', 'discussed'],
  ['weighing', 'talk', 'discussed'],
  ['interest', 'talk', 'discussed'],
  ['interested', 'talk', 'discussed'],
  ['evaluating', 'talk', 'discussed'],
  ['proposed', 'talk', 'discussed'],
  ['proposal', 'talk', 'discussed'],
  // use, display and tests of weapons: no transfer unless a transfer cue is present too
  ['struck', 'combat', null],
  ['strike', 'combat', null],
  ['strikes', 'combat', null],
  ['attacked', 'combat', null],
  ['attack', 'combat', null],
  ['attacks', 'combat', null],
  ['shot down', 'combat', null],
  ['downed', 'combat', null],
  ['intercepted', 'combat', null],
  ['destroyed', 'combat', null],
  ['fired', 'combat', null],
  ['launched', 'combat', null],
  ['hit', 'combat', null],
  ['bombed', 'combat', null],
  ['shelled', 'combat', null],
  ['killed', 'combat', null],
  ['used', 'combat', null],
  ['using', 'combat', null],
  ['deployed', 'combat', null],
  ['stationed', 'combat', null],
  ['paraded', 'combat', null],
  ['parade', 'combat', null],
  ['showcased', 'combat', null],
  ['displayed', 'combat', null],
  ['on display', 'combat', null],
  ['exhibited', 'combat', null],
  ['exhibition', 'combat', null],
  ['unveiled', 'combat', null],
  ['test-fired', 'combat', null],
  ['tested', 'combat', null],
  ['test', 'combat', null],
  ['maiden flight', 'combat', null],
  ['first flight', 'combat', null],
  ['crashed', 'combat', null],
  ['exercise', 'combat', null],
  ['drills', 'combat', null],
  ['captured', 'combat', null],
  // refusals: the transfer does not happen
  ['refused', 'refuse', null],
  ['refuses', 'refuse', null],
  ['declined', 'refuse', null],
  ['rejected', 'refuse', null],
  ['blocked', 'refuse', null],
  ['vetoed', 'refuse', null],
  ['cancelled', 'refuse', null],
  ['canceled', 'refuse', null],
  ['scrapped', 'refuse', null],
  ['halted', 'refuse', null],
  ['suspended', 'refuse', null],
  ['denied', 'refuse', null],
];

// words before a cue that put it in the future ("will be delivered", "plans to buy")
const FUTURE = new Set([
  'will',
  'would',
  'shall',
  'could',
  'may',
  'might',
  'to',
  'set',
  'expected',
  'scheduled',
  'due',
  'plans',
  'planned',
  'intends',
  'wants',
  'hopes',
  'going',
]);
const PREPOSITIONS = new Set(['with', 'to', 'from', 'for', 'by', 'of', 'in', 'at', 'on', 'and']);
const NEGATION = new Set(['not', 'never', 'no', 'didnt', 'doesnt', 'wont', 'cannot', 'hasnt', 'havent', 'isnt']);
const PARTICIPLES = new Set(['sent', 'sold', 'bought', 'built', 'given', 'made', 'taken', 'handed', 'supplied']);
const PASSIVE = new Set(['was', 'were', 'been', 'be', 'being', 'is', 'are']);
const PLAN_DOCUMENT = new Set(['memorandum', 'mou', 'letter', 'intent', 'framework', 'declaration', 'roadmap']);
const BUY_VERBS = new Set(['bought', 'buys', 'purchased', 'acquired', 'acquires', 'procured', 'procures', 'ordered', 'orders', 'sold', 'sells']);

// ---- helpers for phrase tables ----------------------------------------------------------------------------

interface MiniIndex<T> {
  readonly byFirst: Map<string, { keys: string[]; value: T }[]>;
}

function miniIndex<T>(rows: readonly (readonly [string, T])[]): MiniIndex<T> {
  const byFirst = new Map<string, { keys: string[]; value: T }[]>();
  for (const [phrase, value] of rows) {
    const keys = tokenize(phrase).map((w) => w.key);
    const list = byFirst.get(keys[0] as string) ?? [];
    list.push({ keys, value });
    byFirst.set(keys[0] as string, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  return { byFirst };
}

function miniMatch<T>(index: MiniIndex<T>, words: readonly Word[], i: number): { value: T; length: number } | null {
  const list = index.byFirst.get((words[i] as Word).key);
  if (!list) return null;
  for (const e of list) {
    let ok = true;
    for (let j = 0; j < e.keys.length && ok; j++) ok = words[i + j]?.key === e.keys[j];
    if (ok) return { value: e.value, length: e.keys.length };
  }
  return null;
}

const CUES = miniIndex<Cue>(CUE_TABLE.map(([p, kind, status]) => [p, { kind, status }] as const));

// nouns that may follow a system name and belong to its mention ("Patriot batteries", "K9 units")
const SYSTEM_TAIL = new Set(['aircraft', 'plane', 'planes', 'system', 'systems', 'battery', 'batteries', 'launcher', 'launchers', 'unit', 'units', 'variant', 'variants', 'model', 'models']);

// heads after an arms noun that make it a modifier: "drone maker", "missile strikes", "tank repair"
const ATTRIBUTIVE =
  /^(?:maker|makers|producer|producers|manufacturer|manufacturers|manufacturing|plant|plants|factory|factories|industry|industries|program|project|projects|technology|technologies|company|companies|firm|firms|sector|strike|strikes|attack|attacks|fire|production|repair|maintenance|pilot|pilots|crew|crews|operator|operators|unit|base|bases|threat|threats|warfare|export|exports|sale|sales|deal|deals|contract|contracts|market|capabilities|capability|power)$/;

// words that may stand between a quantity and the system ("24 new F-16", "48 of the K9")
const FILLER = new Set([
  'the',
  'of',
  'new',
  'more',
  'additional',
  'further',
  'extra',
  'units',
  'unit',
  'its',
  'their',
  'used',
  'secondhand',
  'refurbished',
  'upgraded',
  'modernized',
  'advanced',
  'latest',
  'brandnew',
  'armed',
  'unmanned',
  'combat',
  'attack',
  'heavy',
  'light',
  'multirole',
  'stealth',
  'surplus',
  'modern',
  'selfpropelled',
  'towed',
  'mobile',
]);

// capitalised words that are not names of systems (for "<Name> <category noun>")
const NOT_NAMES = new Set([
  'the',
  'a',
  'an',
  'its',
  'their',
  'new',
  'and',
  'us',
  'u.s',
  'uk',
  'eu',
  'nato',
  'un',
  'western',
  'soviet',
  'european',
  'american',
  'russian',
  'chinese',
  'turkish',
  'german',
  'french',
  'british',
  'italian',
  'spanish',
  'swedish',
  'norwegian',
  'finnish',
  'danish',
  'dutch',
  'belgian',
  'polish',
  'czech',
  'slovak',
  'hungarian',
  'romanian',
  'bulgarian',
  'greek',
  'serbian',
  'croatian',
  'ukrainian',
  'belarusian',
  'georgian',
  'armenian',
  'azerbaijani',
  'azeri',
  'kazakh',
  'uzbek',
  'iranian',
  'iraqi',
  'syrian',
  'israeli',
  'palestinian',
  'lebanese',
  'jordanian',
  'egyptian',
  'libyan',
  'saudi',
  'emirati',
  'qatari',
  'kuwaiti',
  'omani',
  'yemeni',
  'pakistani',
  'indian',
  'afghan',
  'bangladeshi',
  'japanese',
  'korean',
  'taiwanese',
  'vietnamese',
  'thai',
  'indonesian',
  'malaysian',
  'filipino',
  'philippine',
  'australian',
  'canadian',
  'mexican',
  'brazilian',
  'argentine',
  'chilean',
  'colombian',
  'nigerian',
  'ethiopian',
  'kenyan',
  'moroccan',
  'algerian',
  'tunisian',
  'south',
  'north',
  'army',
  'navy',
  'air',
  'force',
  'military',
  'defense',
  'ministry',
  'government',
  'coast',
  'guard',
  'marine',
  'marines',
  'kamikaze',
  'unmanned',
  'armed',
  'attack',
  'combat',
  'stealth',
  'advanced',
  'modern',
  'light',
  'heavy',
  'main',
  'battle',
  'naval',
  'national',
  'several',
  'these',
  'those',
  'more',
  'additional',
  'foreign',
  'domestic',
]);

const NUMBER_WORDS: Readonly<Record<string, number>> = { ...CARDINALS, pair: 2, dozen: 12 };
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** A whole number written as digits ("1,000") or words ("six", "twenty-four"), else null. */
function parseCount(raw: string): number | null {
  if (/^\d{1,3}(?:,\d{3})+$/.test(raw)) return Number(raw.replace(/,/g, ''));
  if (/^\d+$/.test(raw)) return Number(raw);
  const w = raw.toLowerCase();
  const direct = NUMBER_WORDS[w];
  if (direct !== undefined && w !== 'pair' && w !== 'dozen') return direct;
  const m = /^([a-z]+)-([a-z]+)$/.exec(w);
  if (m && TENS.includes(m[1] as string)) {
    const u = NUMBER_WORDS[m[2] as string];
    if (u !== undefined && u < 10) return (NUMBER_WORDS[m[1] as string] as number) + u;
  }
  return null;
}

const YEARISH = new Set(['in', 'by', 'from', 'since', 'until', 'of', 'before', 'after']);

/** The quantity stated before word `s` ("24 F-16", "two batches of 12", "a dozen", "48 of the K9"), else null. */
function quantityBefore(text: string, words: readonly Word[], s: number, floor: number): number | null {
  let j = s - 1;
  let skipped = 0;
  while (j >= floor && skipped < 4) {
    const w = words[j] as Word;
    if (w.key === 'dozen') {
      const before = words[j - 1];
      if (!before || j - 1 < floor) return 12;
      const n = parseCount(before.raw);
      return before.key === 'a' || n === null ? 12 : n * 12;
    }
    if (/^(?:million|thousand)$/.test(w.key) && j - 1 >= floor) {
      // "1 million artillery shells" is a quantity; "$2 million" and "2 million euros" are values
      const numWord = words[j - 1] as Word;
      const base = parseCount(numWord.raw) ?? (/^\d+\.\d+$/.test(numWord.raw) ? Number(numWord.raw) : null);
      const moneyBefore = /[$€£₩₹¥₺₽]\s?$/.test(text.slice(Math.max(0, numWord.start - 3), numWord.start));
      if (base === null || moneyBefore || /^(?:usd|eur|gbp|krw|inr|pln|us)$/.test(words[j - 2]?.key ?? '')) return null;
      return base * (w.key === 'million' ? 1e6 : 1e3);
    }
    const n = parseCount(w.raw);
    if (n !== null) {
      if (n >= 1900 && n <= 2100 && !w.raw.includes(',') && YEARISH.has(words[j - 1]?.key ?? '')) return null;
      const next = words[j + 1];
      if (next && /^(?:percent|mn|bn)$/.test(next.key)) return null;
      // "two batches of 12"
      const of = words[j - 1];
      const batch = words[j - 2];
      const k = j - 3 >= floor ? words[j - 3] : undefined;
      if (of?.key === 'of' && batch && /^(?:batch|batches|tranche|tranches|lot|lots|squadron|squadrons)$/.test(batch.key) && k) {
        const times = parseCount(k.raw) ?? (k.key === 'a' ? 1 : null);
        if (times !== null) return times * n;
      }
      return n;
    }
    if (FILLER.has(w.key) || /^\d+mm$/.test(w.key) || /(?:made|built|produced|designed|manufactured)$/.test(w.key) || NOT_NAMES.has(w.key)) {
      j--;
      skipped++;
      continue;
    }
    return null;
  }
  return null;
}

// ---- values ------------------------------------------------------------------------------------------------

const SCALE: Readonly<Record<string, number>> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  mln: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  bln: 1e9,
  trillion: 1e12,
  tn: 1e12,
  crore: 1e7,
  lakh: 1e5,
};
const PREFIX_CURRENCY: Readonly<Record<string, string>> = {
  us$: 'USD',
  usd: 'USD',
  $: 'USD',
  '€': 'EUR',
  eur: 'EUR',
  '£': 'GBP',
  gbp: 'GBP',
  '₩': 'KRW',
  krw: 'KRW',
  '₹': 'INR',
  inr: 'INR',
  rs: 'INR',
  'rs.': 'INR',
  pln: 'PLN',
  try: 'TRY',
  '₺': 'TRY',
  '¥': 'JPY',
  jpy: 'JPY',
  cny: 'CNY',
  rmb: 'CNY',
  rub: 'RUB',
  '₽': 'RUB',
  a$: 'AUD',
  aud: 'AUD',
  c$: 'CAD',
  cad: 'CAD',
  sek: 'SEK',
  nok: 'NOK',
  chf: 'CHF',
};
const SUFFIX_CURRENCY: Readonly<Record<string, string>> = {
  dollars: 'USD',
  'us dollars': 'USD',
  euros: 'EUR',
  euro: 'EUR',
  pounds: 'GBP',
  won: 'KRW',
  rupees: 'INR',
  lira: 'TRY',
  liras: 'TRY',
  roubles: 'RUB',
  rubles: 'RUB',
  yuan: 'CNY',
  renminbi: 'CNY',
  yen: 'JPY',
  zloty: 'PLN',
  zlotys: 'PLN',
  zlotych: 'PLN',
  kronor: 'SEK',
  riyals: 'SAR',
  dirhams: 'AED',
  tl: 'TRY',
};
const AMOUNT = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?`;
const SCALE_RE = String.raw`(?:\s?(trillion|billion|million|thousand|crore|lakh|bln|mln|bn|mn|tn|[mbk])\b)?`;
const PREFIX_RE = new RegExp(
  String.raw`(US\s?\$|A\$|C\$|USD|EUR|GBP|KRW|INR|PLN|TRY|JPY|CNY|RMB|RUB|AUD|CAD|SEK|NOK|CHF|Rs\.?|[$€£₩₹¥₺₽])\s?${AMOUNT}${SCALE_RE}`,
  'g',
);
const SUFFIX_RE = new RegExp(
  String.raw`${AMOUNT}${SCALE_RE}\s(US dollars|dollars|euros?|pounds|won|rupees|liras?|TL|roubles|rubles|yuan|renminbi|yen|zlotys?|zlotych|kronor|riyals|dirhams)\b`,
  'gi',
);

function amountOf(intPart: string, frac: string | undefined, scale: string | undefined): number {
  const base = Number(`${intPart.replace(/,/g, '')}${frac ? `.${frac}` : ''}`);
  const mult = scale ? (SCALE[scale.toLowerCase()] ?? 1) : 1;
  return Math.round(base * mult * 100) / 100;
}

/** The first money amount of the sentence ("worth about US$6.5 billion", "€300 million", "3.2 trillion won"). */
export function parseValue(sentence: string): Transfer['value'] {
  const found: { index: number; amount: number; currency: string; text: string }[] = [];
  for (const m of sentence.matchAll(PREFIX_RE)) {
    const cur = PREFIX_CURRENCY[(m[1] as string).replace(/\s/g, '').toLowerCase()];
    if (!cur) continue;
    found.push({ index: m.index ?? 0, amount: amountOf(m[2] as string, m[3], m[4]), currency: cur, text: m[0].trim() });
    break;
  }
  for (const m of sentence.matchAll(SUFFIX_RE)) {
    const cur = SUFFIX_CURRENCY[(m[4] as string).toLowerCase()];
    if (!cur) continue;
    found.push({ index: m.index ?? 0, amount: amountOf(m[1] as string, m[2], m[3]), currency: cur, text: m[0].trim() });
    break;
  }
  found.sort((x, y) => x.index - y.index);
  const best = found[0];
  return best ? { amount: best.amount, currency: best.currency, text: best.text } : null;
}

// ---- expected dates ---------------------------------------------------------------------------------------

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const EXPECTED_RE =
  /\b(by|from|in|until|through|starting|beginning|before|between|within|after)\s+(?:(?:the\s+)?(?:end|start|beginning|middle|first half|second half)\s+of\s+|early\s+|late\s+|mid-?\s*)?(?:(january|february|march|april|may|june|july|august|september|october|november|december)\s+)?((?:19|20)\d{2})\b/gi;
const RELATIVE_RE = /\b(next year|this year|end of the year|within (one|two|three|four|five|\d) years?)\b/i;

/** The expected date of the transfer: "by 2030" -> "2030", "from March 2026" -> "2026-03", "next year" -> doc year + 1. */
export function parseExpected(sentence: string, docDate: string | null, status: Status): string | null {
  const docYear = docDate ? Number(docDate.slice(0, 4)) : null;
  for (const m of sentence.matchAll(EXPECTED_RE)) {
    const year = Number(m[3]);
    const prep = (m[1] as string).toLowerCase();
    if (docYear !== null && year < docYear) continue;
    if (docYear === null && (prep === 'in' || prep === 'after') && status === 'delivered') continue;
    const month = m[2] ? MONTHS.indexOf(m[2].toLowerCase()) + 1 : 0;
    return month > 0 ? `${year}-${String(month).padStart(2, '0')}` : String(year);
  }
  if (docYear !== null) {
    const r = RELATIVE_RE.exec(sentence);
    if (r) {
      const phrase = (r[1] as string).toLowerCase();
      if (phrase === 'next year') return String(docYear + 1);
      if (phrase === 'this year' || phrase === 'end of the year') return String(docYear);
      const n = parseCount(r[2] as string) ?? NUMBER_WORDS[(r[2] as string).toLowerCase()] ?? null;
      if (n !== null) return String(docYear + n);
    }
  }
  return null;
}

// ---- systems ----------------------------------------------------------------------------------------------

interface Mention {
  readonly first: number;
  /** Index after the last word. */
  readonly last: number;
  readonly name: string;
  readonly category: WeaponCategory;
  readonly producer: string | null;
  readonly generic: boolean;
}

const DESIGNATION = /^[A-Z][A-Za-z]{0,9}(?:-[A-Za-z0-9]{1,6}){0,2}$/;
const HAS_DIGIT = /\d/;
const CAPITAL = /^\p{Lu}/u;

function findMentions(words: readonly Word[], lex: WeaponsLexicon, taken: boolean[], actorWords: ReadonlySet<number>): Mention[] {
  const out: Mention[] = [];
  // known systems, longest alias first
  for (let i = 0; i < words.length; i++) {
    if (taken[i]) continue;
    const m = matchPhrase(lex.systemIndex, words, i);
    if (!m) continue;
    let last = i + m.length;
    const tail = matchPhrase(lex.categoryIndex, words, last);
    if (tail) last += tail.length;
    if (words[last] && SYSTEM_TAIL.has((words[last] as Word).key)) last++;
    for (let k = i; k < last; k++) taken[k] = true;
    out.push({ first: i, last, name: m.value.name, category: m.value.category, producer: m.value.supplier, generic: false });
    i = last - 1;
  }
  // unknown systems by pattern, else the generic noun
  for (let i = 0; i < words.length; i++) {
    if (taken[i]) continue;
    const c = matchPhrase(lex.categoryIndex, words, i);
    if (!c) continue;
    const w = words[i] as Word;
    if (w.key === 'arms' && /^(?:control|race|embargo|treaty|reduction)$/.test(words[i + 1]?.key ?? '')) continue;
    let last = i + c.length;
    if (words[last] && SYSTEM_TAIL.has((words[last] as Word).key)) last++;
    // "drone maker", "missile strikes": the noun qualifies something else
    if (ATTRIBUTIVE.test(words[last]?.key ?? '')) {
      i = last - 1;
      continue;
    }
    const prev = i > 0 && !taken[i - 1] && !actorWords.has(i - 1) ? (words[i - 1] as Word) : null;
    const prev2 = i > 1 && !taken[i - 2] && !actorWords.has(i - 2) ? (words[i - 2] as Word) : null;
    let named: { first: number; name: string } | null = null;
    if (prev && /-class$/i.test(prev.raw) && CAPITAL.test(prev.raw)) named = { first: i - 1, name: prev.raw };
    else if (prev && prev.key === 'class' && prev2 && CAPITAL.test(prev2.raw)) named = { first: i - 2, name: `${prev2.raw}-class` };
    else if (prev && DESIGNATION.test(prev.raw) && HAS_DIGIT.test(prev.raw) && !NOT_NAMES.has(prev.key)) named = { first: i - 1, name: prev.raw };
    else if (prev && CAPITAL.test(prev.raw) && i - 1 > 0 && !NOT_NAMES.has(prev.key) && !/'s$|’s$|-/.test(prev.raw)) {
      const det = words[i - 2];
      if (det && (/^(?:the|a|an|its|their|new|more|additional)$/.test(det.key) || parseCount(det.raw) !== null)) {
        named = { first: i - 1, name: prev.raw };
      }
    }
    for (let k = named ? named.first : i; k < last; k++) taken[k] = true;
    if (named) out.push({ first: named.first, last, name: named.name, category: c.value.category, producer: null, generic: false });
    else out.push({ first: i, last, name: '', category: c.value.category, producer: null, generic: true });
    i = last - 1;
  }
  return out.sort((a, b) => a.first - b.first);
}

// ---- parties ----------------------------------------------------------------------------------------------

interface OrgMention {
  readonly org: DefenceOrg;
  readonly first: number;
  readonly last: number;
}

function wordIndexAt(words: readonly Word[], span: Span | null): number | null {
  if (!span) return null;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    if (w.start >= span.start && w.start < span.end) return i;
  }
  return null;
}

/** The company of `side`'s country named in the sentence: the one the actor names, else the first. */
function pickOrg(orgs: readonly OrgMention[], side: Actor | null, words: readonly Word[]): string | null {
  if (!side) return null;
  const mine = orgs.filter((o) => o.org.country === side.country);
  const named = mine.find((o) => {
    if (side.name && side.name === o.org.name) return true;
    const w = words[o.first] as Word;
    return side.span !== null && w.start >= side.span.start && w.start < side.span.end;
  });
  return (named ?? mine[0])?.org.name ?? null;
}

function inferredActor(country: string, text: string, span: Span | null, name: string | null): Actor {
  return { code: country, country, sector: '', name, text, span };
}

interface CueHit {
  readonly index: number;
  readonly length: number;
  readonly cue: Cue;
  readonly future: boolean;
  readonly negated: boolean;
  readonly passive: boolean;
  readonly key: string;
}

function findCues(words: readonly Word[]): CueHit[] {
  const out: CueHit[] = [];
  for (let i = 0; i < words.length; i++) {
    const m = miniMatch(CUES, words, i);
    if (!m) continue;
    let future = false;
    let negated = false;
    for (let k = Math.max(0, i - 3); k < i; k++) {
      const key = (words[k] as Word).key;
      if (FUTURE.has(key)) future = true;
      if (NEGATION.has(key) || key.endsWith('nt')) negated = negated || NEGATION.has(key);
    }
    const key = (words[i] as Word).key;
    const participle = key.endsWith('ed') || PARTICIPLES.has(key);
    const passive = participle && (PASSIVE.has(words[i - 1]?.key ?? '') || (PASSIVE.has(words[i - 2]?.key ?? '') && words[i - 1]?.key === 'being'));
    out.push({ index: i, length: m.length, cue: m.value, future, negated, passive, key });
    i += m.length - 1;
  }
  return out;
}

const RANK: Readonly<Record<Status, number>> = {
  delivered: 6,
  ordered: 5,
  signed: 5,
  'in-production': 4,
  planned: 2,
  discussed: 1,
  unknown: 0,
};

function decideStatus(words: readonly Word[], cues: readonly CueHit[]): Status {
  let best: Status = 'unknown';
  let bestRank = 0;
  const firstTalk = cues.find((c) => c.cue.kind === 'talk' && !c.negated)?.index ?? Number.POSITIVE_INFINITY;
  for (const c of cues) {
    if (c.negated) continue;
    // a bare transfer word in the future ("will transfer", "expected deliveries") is a plan
    const base: Status | null = c.cue.status ?? (c.future && (c.cue.kind === 'supply' || c.cue.kind === 'receive') ? 'planned' : null);
    if (base === null) continue;
    let s: Status = base;
    let rank = RANK[s];
    if (c.future && (s === 'delivered' || s === 'ordered' || s === 'in-production')) s = 'planned';
    if (s === 'ordered' && c.cue.kind === 'deal') {
      // "signed a memorandum" is a plan; "signed a contract" ranks below the production it may concern
      const next = words.slice(c.index + 1, c.index + 5).map((w) => w.key);
      if (next.some((k) => PLAN_DOCUMENT.has(k))) s = 'planned';
    }
    if (s === 'planned' && c.index > firstTalk) s = 'discussed';
    rank = RANK[s];
    if (s === 'ordered' && !BUY_VERBS.has(c.key)) rank = 3.5;
    if (rank > bestRank) {
      best = s;
      bestRank = rank;
    }
  }
  return best;
}

// the words of the last sentence read: a sentence with several military events is tokenized once
let lastWords: { text: string; start: number; end: number; words: readonly Word[] } | null = null;

function sentenceWords(text: string, start: number, end: number): readonly Word[] {
  if (lastWords && lastWords.text === text && lastWords.start === start && lastWords.end === end) return lastWords.words;
  const words = tokenize(text, start, end);
  lastWords = { text, start, end, words };
  return words;
}

/**
 * The arms-transfer record of one military sentence, or null when it names no weapon or is not about a
 * transfer (combat use, parades, tests, refusals, domestic production). `explain`, when given, receives
 * one line per decision.
 * @example
 * extractTransfer({ text, sentence: { start: 0, end: text.length }, source: pol, target: kor, type: 'COOPERATE', docDate: '2024-05-01' }, loadWeapons())
 * // { supplier: KOR, recipient: POL, systems: [{ name: 'K2 Black Panther', quantity: 180, ... }], status: 'ordered', ... }
 */
export function extractTransfer(input: TransferInput, lexicon: WeaponsLexicon, explain?: string[]): Transfer | null {
  const why = (s: string): void => {
    explain?.push(`transfer: ${s}`);
  };
  if (!TRANSFER_TYPES.has(input.type)) {
    why(`${input.type} events carry no transfer`);
    return null;
  }
  const { text, sentence } = input;
  const words = sentenceWords(text, sentence.start, sentence.end);
  if (words.length === 0) return null;
  // most military sentences name no arms at all: one look-up per word settles it before any matching
  if (!words.some((w) => mayStartAt(lexicon.systemIndex, w) || mayStartAt(lexicon.categoryIndex, w))) {
    why('no weapon system or arms category named');
    return null;
  }
  const taken: boolean[] = new Array(words.length).fill(false);

  // companies and agencies first, so their names are not read as systems
  const orgs: OrgMention[] = [];
  for (let i = 0; i < words.length; i++) {
    const m = matchPhrase(lexicon.companyIndex, words, i);
    if (!m) continue;
    orgs.push({ org: m.value, first: i, last: i + m.length });
    for (let k = i; k < i + m.length; k++) taken[k] = true;
    i += m.length - 1;
  }

  const parties = [input.source, input.target].filter((a): a is Actor => a !== null);
  const actorWords = new Set<number>();
  for (const a of parties) {
    if (!a.span) continue;
    words.forEach((w, i) => {
      if (a.span && w.start >= a.span.start && w.end <= a.span.end) actorWords.add(i);
    });
  }

  const mentions = findMentions(words, lexicon, taken, actorWords);
  const specific = mentions.filter((m) => !m.generic);
  // one generic mention per category: "drones ... the drones" is one item
  const generic: Mention[] = [];
  for (const m of mentions) if (m.generic && !generic.some((g) => g.category === m.category)) generic.push(m);
  const used = specific.length > 0 ? specific : generic;
  if (used.length === 0) {
    why('no weapon system or arms category named');
    return null;
  }

  const cues = findCues(words);
  const live = cues.filter((c) => !c.negated);
  const strong = live.filter((c) => c.cue.kind === 'supply' || c.cue.kind === 'receive' || c.cue.kind === 'produce' || c.cue.kind === 'deal');
  const weak = live.filter((c) => c.cue.kind === 'talk' || c.cue.kind === 'plan');
  if (live.some((c) => c.cue.kind === 'refuse')) {
    why(`refusal or cancellation (${live.find((c) => c.cue.kind === 'refuse')?.key})`);
    return null;
  }
  if (strong.length === 0 && cues.some((c) => c.negated && c.cue.kind !== 'combat')) {
    why('the transfer is negated');
    return null;
  }
  const combat = live.find((c) => c.cue.kind === 'combat');
  if (strong.length === 0 && combat) {
    why(`use, display or test of weapons ('${combat.key}'), no transfer cue`);
    return null;
  }

  // ---- supplier and recipient
  const producers = new Set<string>([...specific.flatMap((m) => (m.producer ? [m.producer] : [])), ...orgs.map((o) => o.org.country)]);
  const score = new Map<Actor, number>();
  const reasons: string[] = [];
  const direction = strong.find((c) => c.cue.kind === 'supply' || c.cue.kind === 'receive');
  for (const a of parties) {
    let sc = 0;
    const i = wordIndexAt(words, a.span);
    if (i !== null) {
      let p = i - 1;
      while (p >= 0 && /^(?:the|its|their)$/.test((words[p] as Word).key)) p--;
      const prep = words[p]?.key;
      if (prep === 'from' || prep === 'by') sc += 3;
      else if (prep === 'to' || prep === 'for') sc -= 3;
      const after = text.slice(a.span?.end ?? 0, (a.span?.end ?? 0) + 12).toLowerCase();
      if (/^-(?:made|built|produced|designed|manufactured|supplied)/.test(after)) sc += 3;
      if (direction && i < direction.index && sc === 0 && !PREPOSITIONS.has(prep ?? '')) {
        // the subject of the transfer verb: the nearest party before it that is not governed by a preposition
        const between = parties.some((b) => {
          const j = b === a ? null : wordIndexAt(words, b.span);
          if (j === null || j <= i || j >= direction.index) return false;
          return !PREPOSITIONS.has(words[j - 1]?.key ?? '');
        });
        if (!between) {
          const supplies = direction.cue.kind === 'supply' ? !direction.passive : direction.passive;
          sc += supplies ? 2 : -2;
        }
      }
    }
    score.set(a, sc);
    if (sc !== 0) reasons.push(`${a.code} ${sc > 0 ? 'supplies' : 'receives'} by wording (${sc})`);
  }

  let supplier: Actor | null = null;
  let recipient: Actor | null = null;
  const [a, b] = parties;
  if (a && b && a.country === b.country) {
    why(`both actors are ${a.country}: domestic, not a transfer`);
    return null;
  }
  if (a && b) {
    const sa = score.get(a) ?? 0;
    const sb = score.get(b) ?? 0;
    if (sa !== sb && (sa !== 0 || sb !== 0)) {
      [supplier, recipient] = sa > sb ? [a, b] : [b, a];
      why(reasons.join('; '));
    } else if (producers.has(a.country) !== producers.has(b.country)) {
      [supplier, recipient] = producers.has(a.country) ? [a, b] : [b, a];
      why(`${supplier.country} produces the system or names the company`);
    } else {
      [supplier, recipient] = input.type === 'REQUEST' ? [b, a] : [a, b];
      why(`direction by event roles (${input.type}: ${supplier.code} -> ${recipient.code})`);
    }
  } else if (a) {
    const sa = score.get(a) ?? 0;
    if (sa > 0) supplier = a;
    else if (sa < 0) recipient = a;
    else if (producers.has(a.country)) supplier = a;
    else if (producers.size > 0) recipient = a;
    else if (input.type === 'REQUEST' || a === input.target) recipient = a;
    else supplier = a;
    why(`${a.code} is the ${supplier === a ? 'supplier' : 'recipient'}${reasons.length ? ` (${reasons.join('; ')})` : ''}`);
  }

  // fill a missing side from a named company, else from the single producing country of the systems
  if (!supplier) {
    const org = orgs.find((o) => o.org.country !== recipient?.country);
    const sysProducers = [...new Set(specific.flatMap((m) => (m.producer ? [m.producer] : [])))].filter((c) => c !== recipient?.country);
    if (org) {
      const w0 = words[org.first] as Word;
      const w1 = words[org.last - 1] as Word;
      supplier = inferredActor(org.org.country, text.slice(w0.start, w1.end), { start: w0.start, end: w1.end }, org.org.name);
      why(`supplier ${org.org.country} from company ${org.org.name}`);
    } else if (sysProducers.length === 1) {
      const m = specific.find((x) => x.producer === sysProducers[0]) as Mention;
      const w0 = words[m.first] as Word;
      const w1 = words[m.last - 1] as Word;
      supplier = inferredActor(sysProducers[0] as string, text.slice(w0.start, w1.end), { start: w0.start, end: w1.end }, null);
      why(`supplier ${sysProducers[0]} as producer of ${m.name}`);
    }
  }
  if (!recipient) {
    const org = orgs.find((o) => o.org.country !== supplier?.country);
    if (org) {
      const w0 = words[org.first] as Word;
      const w1 = words[org.last - 1] as Word;
      recipient = inferredActor(org.org.country, text.slice(w0.start, w1.end), { start: w0.start, end: w1.end }, org.org.name);
      why(`recipient ${org.org.country} from ${org.org.name}`);
    }
  }

  if (supplier && recipient && supplier.country === recipient.country) {
    why(`supplier and recipient are both ${supplier.country}: domestic, not a transfer`);
    return null;
  }
  if (!supplier || !recipient) {
    why(`no counterparty: ${supplier ? `recipient of ${supplier.code}` : 'supplier'} unknown`);
    return null;
  }
  if (strong.length === 0 && weak.length === 0) {
    why('no transfer wording between the two sides');
    return null;
  }

  const status = decideStatus(words, cues);
  const sentenceText = text.slice(sentence.start, sentence.end);
  const systems: SystemRecord[] = used.map((m, k) => {
    const w0 = words[m.first] as Word;
    const w1 = words[m.last - 1] as Word;
    const floor = k > 0 ? (used[k - 1] as Mention).last : 0;
    return { text: text.slice(w0.start, w1.end), name: m.name, category: m.category, quantity: quantityBefore(text, words, m.first, floor) };
  });
  const supplierOrg = pickOrg(orgs, supplier, words);
  const recipientOrg = pickOrg(orgs, recipient, words);
  why(`status ${status}; systems ${systems.map((s) => s.name || s.category).join(', ')}`);
  return {
    supplier,
    recipient,
    supplierOrg,
    recipientOrg,
    systems,
    value: parseValue(sentenceText),
    status,
    expected: parseExpected(sentenceText, input.docDate, status),
  };
}

/** Systems of the lexicon by canonical name (for tests and the CLI). */
export function systemByName(lexicon: WeaponsLexicon, name: string): WeaponSystem | undefined {
  return lexicon.systems.find((s) => s.name === name);
}
