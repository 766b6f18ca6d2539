// loads the actor, sector and place dictionaries of data/ into one token trie.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR, dataError, isIsoDate, readTsv } from '../core/index.js';
import { foldWord, tokenize } from '../annotate/tokens.js';

export type EntryKind = 'country' | 'org' | 'person' | 'sector' | 'city';

export interface Entry {
  readonly kind: EntryKind;
  /** country: ISO3; org: full code (IGONAT); person: office code; sector: sector code; city: country ISO3. */
  readonly code: string;
  /** name | alt | adj | capital (countries, orgs); title | group (sectors); full | surname (persons). */
  readonly sub: string;
  /** Canonical name (country name, org name, person name, city name). */
  readonly name: string;
  /** Person terms: office and ISO dates. */
  readonly office?: string;
  readonly from?: string;
  readonly to?: string;
  readonly lat?: number;
  readonly lon?: number;
  /** The entry needs a capitalised first token to match (names that are also common words). */
  readonly needsCap: boolean;
  readonly source: string;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entries: Entry[];
}

export interface Lexicon {
  readonly root: TrieNode;
  /** ISO3 -> canonical country name. */
  readonly countryNames: ReadonlyMap<string, string>;
  /** ISO3 -> capital coordinates. */
  readonly capitals: ReadonlyMap<string, { name: string; lat: number; lon: number }>;
  /** Entries loaded, by kind, for reports. */
  readonly counts: Readonly<Record<EntryKind, number>>;
}

// short or common words that are also names: matched only when written with a capital.
const COMMON = new Set([
  'chad', 'china', 'turkey', 'jordan', 'georgia', 'guinea', 'niger', 'mali', 'peru', 'cuba', 'iran', 'us', 'oman',
  'togo', 'nice', 'victoria', 'reading', 'split', 'may', 'hope', 'wing', 'union', 'mission', 'general', 'march',
]);

function node(): TrieNode {
  return { next: new Map(), entries: [] };
}

function addPhrase(root: TrieNode, phrase: string, entry: Entry): void {
  const toks = tokenize(phrase).map((t) => t.norm);
  if (toks.length === 0) return;
  let n = root;
  for (const t of toks) {
    let c = n.next.get(t);
    if (!c) {
      c = node();
      n.next.set(t, c);
    }
    n = c;
  }
  const same = (e: Entry): boolean =>
    e.kind === entry.kind && e.code === entry.code && e.sub === entry.sub && e.name === entry.name && e.from === entry.from;
  if (!n.entries.some(same)) n.entries.push(entry);
}

// two-letter family names that are also English words ("He" Weidong vs the pronoun)
const SHORT_WORDS = new Set(['he', 'me', 'we', 'so', 'no', 'on', 'in', 'it', 'is', 'at', 'as', 'an', 'am', 'do', 'go', 'up', 'us', 'or', 'to', 'by', 'of', 'if', 'my', 'be', 'oh']);
const FAMILY_FIRST = new Set(['CHN', 'TWN', 'KOR', 'PRK', 'HKG', 'MAC']);

/** Regular English plural of the last word of a phrase. */
export function pluralize(phrase: string): string {
  const m = /^(.*?)(\S+)$/.exec(phrase);
  if (!m) return phrase;
  const [, head = '', w = ''] = m;
  let p: string;
  if (/[^aeiou]y$/i.test(w)) p = `${w.slice(0, -1)}ies`;
  else if (/(s|x|z|ch|sh)$/i.test(w)) p = `${w}es`;
  else if (/man$/i.test(w)) p = `${w.slice(0, -3)}men`;
  else p = `${w}s`;
  return head + p;
}

// short names (US, UK, UAE) and common words need their capital letter; longer names match in any case.
const needsCap = (text: string): boolean => {
  const f = foldWord(text);
  return COMMON.has(f) || f.replace(/[^a-z]/g, '').length <= 3;
};

/** Loads every dictionary (once per process; the coder keeps the result). */
export function loadLexicon(dir: string = DATA_DIR): Lexicon {
  const root = node();
  const countryNames = new Map<string, string>();
  const capitals = new Map<string, { name: string; lat: number; lon: number }>();
  const counts: Record<EntryKind, number> = { country: 0, org: 0, person: 0, sector: 0, city: 0 };

  const countries = join(dir, 'actors/countries.tsv');
  for (const { line, cells } of readTsv(countries, ['code', 'kind', 'text'])) {
    const { code = '', kind = '', text = '' } = cells;
    if (!/^[A-Z]{3}$/.test(code)) dataError(countries, line, `code '${code}' is not ISO alpha-3`);
    if (!['name', 'alt', 'adj', 'capital'].includes(kind)) dataError(countries, line, `unknown kind '${kind}'`);
    if (!text) dataError(countries, line, 'empty text');
    if (kind === 'name' && !countryNames.has(code)) countryNames.set(code, text);
    const cap = kind === 'capital' || needsCap(text);
    addPhrase(root, text, { kind: 'country', code, sub: kind, name: text, needsCap: cap, source: `${countries}:${line}` });
    counts.country++;
  }

  const orgs = join(dir, 'actors/organizations.tsv');
  if (existsSync(orgs)) {
    // canonical org name = the last name row of the code above the row (companies: the row's own text)
    const canon = new Map<string, string>();
    for (const { line, cells } of readTsv(orgs, ['code', 'kind', 'text'])) {
      const { code = '', kind = '', text = '' } = cells;
      if (!/^([A-Z]{3}|---)[A-Z0-9]*$/.test(code)) dataError(orgs, line, `bad actor code '${code}'`);
      if (!text) dataError(orgs, line, 'empty text');
      // a code may list several bodies, each opening with a name row (CHNMIL: the PLA, then the coast guard)
      if (!canon.has(code) || kind === 'name') canon.set(code, text);
      addPhrase(root, text, {
        kind: 'org',
        code,
        sub: kind || 'name',
        // companies of one country share a code (USABUS: Lockheed Martin, Boeing, ...): each keeps its own name
        name: code.endsWith('BUS') ? text : (canon.get(code) ?? text),
        needsCap: /^[A-Z]/.test(text),
        source: `${orgs}:${line}`,
      });
      counts.org++;
    }
  }

  const persons = join(dir, 'actors/persons.tsv');
  if (existsSync(persons)) {
    for (const { line, cells } of readTsv(persons, ['name', 'code', 'office', 'from', 'to'])) {
      const { name = '', code = '', office = '', from = '', to = '', aliases = '' } = cells;
      if (!name) dataError(persons, line, 'empty name');
      if (!/^([A-Z]{3}|---)[A-Z0-9]*$/.test(code)) dataError(persons, line, `bad actor code '${code}'`);
      if (from && !isIsoDate(from)) dataError(persons, line, `bad date '${from}'`);
      if (to && !isIsoDate(to)) dataError(persons, line, `bad date '${to}'`);
      const base = { kind: 'person' as const, code, name, office, from, to, needsCap: true, source: `${persons}:${line}` };
      for (const n of [name, ...aliases.split('|').filter(Boolean)]) {
        addPhrase(root, n, { ...base, sub: 'full' });
        const parts = n.split(/\s+/);
        // Chinese and Korean names put the family name first: "Xi Jinping" -> Xi, "Yoon Suk Yeol" -> Yoon
        // (Mainland names always; elsewhere only names of three words or with a hyphenated given name, since
        // "Eric Chu" or "Joseph Wu" put the family name last)
        const familyFirst =
          FAMILY_FIRST.has(code.slice(0, 3)) && (code.startsWith('CHN') || parts.length >= 3 || (parts[parts.length - 1] ?? '').includes('-'));
        const last = familyFirst ? parts[0] : parts[parts.length - 1];
        // the surname alone names the person, unless it is a title form ("Mohammed VI of Morocco") or
        // already a country's or organisation's name ("Montenegro", "Wagner")
        const taken = root.next.get(foldWord(last ?? ''))?.entries.some((e) => e.kind === 'country' || e.kind === 'org');
        if (parts.length > 1 && last && (last.length > 2 || (familyFirst && !SHORT_WORDS.has(foldWord(last)))) && !taken && !/\bof\b/i.test(n) && !/^(jr|sr|ii|iii|iv|vi)\.?$/i.test(last)) {
          addPhrase(root, last, { ...base, sub: 'surname' });
        }
      }
      counts.person++;
    }
  }

  const sectors = join(dir, 'agents/sectors.tsv');
  if (existsSync(sectors)) {
    for (const { line, cells } of readTsv(sectors, ['sector', 'kind', 'text'])) {
      const { sector = '', kind = '', text = '' } = cells;
      if (!/^([A-Z]{3})+$/.test(sector)) dataError(sectors, line, `bad sector '${sector}'`);
      if (!text) dataError(sectors, line, 'empty text');
      const e = { kind: 'sector' as const, code: sector, sub: kind || 'group', name: text, needsCap: false, source: `${sectors}:${line}` };
      addPhrase(root, text, e);
      const pl = pluralize(text);
      if (pl !== text) addPhrase(root, pl, e);
      counts.sector++;
    }
  }

  const cities = join(dir, 'places/cities.tsv');
  if (existsSync(cities)) {
    for (const { line, cells } of readTsv(cities, ['name', 'country', 'lat', 'lon'])) {
      const { name = '', country = '', lat = '', lon = '', kind = '', aliases = '' } = cells;
      const la = Number(lat);
      const lo = Number(lon);
      if (!name || !/^[A-Z]{3}$/.test(country) || !Number.isFinite(la) || !Number.isFinite(lo)) {
        dataError(cities, line, 'needs name, ISO3 country and numeric lat/lon');
      }
      if (kind === 'capital' && !capitals.has(country)) capitals.set(country, { name, lat: la, lon: lo });
      for (const n of [name, ...aliases.split('|').filter(Boolean)]) {
        addPhrase(root, n, { kind: 'city', code: country, sub: kind || 'city', name, lat: la, lon: lo, needsCap: true, source: `${cities}:${line}` });
      }
      counts.city++;
    }
  }
  return { root, countryNames, capitals, counts };
}

export interface LexMatch {
  /** Token index range [from, to). */
  readonly from: number;
  readonly to: number;
  readonly entries: readonly Entry[];
}

/** Longest match in the trie starting at token i, honouring case needs; null if none. */
export function matchAt(
  lex: Lexicon,
  toks: readonly { norm: string; cap: boolean }[],
  i: number,
  lowercaseDoc: boolean,
): LexMatch | null {
  let n: TrieNode | undefined = lex.root;
  let best: LexMatch | null = null;
  for (let j = i; j < toks.length; j++) {
    n = n.next.get(toks[j]!.norm);
    if (!n) break;
    if (n.entries.length) {
      const ok = n.entries.filter((e) => !e.needsCap || toks[i]!.cap || (lowercaseDoc && e.sub !== 'surname'));
      if (ok.length) best = { from: i, to: j + 1, entries: ok };
    }
  }
  return best;
}
