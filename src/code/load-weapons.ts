// weapons lexicon for arms-transfer records (issue 7): systems.tsv and companies.tsv, loaded and checked once,
// indexed by the folded key of their first word so a sentence is matched word by word.
import { join } from 'node:path';
import { DATA_DIR, dataError, fold, readTsv } from '../core/index.js';

export const WEAPON_CATEGORIES = [
  'uav',
  'fighter-aircraft',
  'combat-aircraft',
  'transport-aircraft',
  'helicopter',
  'trainer-aircraft',
  'tank',
  'armoured-vehicle',
  'artillery',
  'rocket-artillery',
  'air-defence',
  'missile',
  'anti-tank-missile',
  'ship',
  'submarine',
  'radar',
  'small-arms',
  'ammunition',
  'engine',
  'other',
] as const;
export type WeaponCategory = (typeof WEAPON_CATEGORIES)[number];

export interface WeaponSystem {
  readonly name: string;
  readonly category: WeaponCategory;
  /** ISO alpha-3 of the usual producing country. */
  readonly supplier: string;
}

export interface DefenceOrg {
  readonly name: string;
  /** ISO alpha-3. */
  readonly country: string;
}

/** A generic arms noun ("drones", "howitzer", "air defence system") and the category it names. */
export interface CategoryNoun {
  readonly noun: string;
  readonly category: WeaponCategory;
}

/** One word of a sentence: the text as written, its matching key and offsets into the document. */
export interface Word {
  readonly raw: string;
  /** Folded, separators removed, possessive dropped, British spellings mapped: "F-16s" -> "f16s". */
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

interface Entry<T> {
  readonly keys: readonly string[];
  /** Exact-case keys for '=' aliases, else null. */
  readonly exact: readonly string[] | null;
  /** The alias starts with a capital: the text must not start it in lower case. */
  readonly capital: boolean;
  readonly value: T;
}

/** Phrases indexed by the key of their first word; longest entries first. */
export interface PhraseIndex<T> {
  readonly byFirst: ReadonlyMap<string, readonly Entry<T>[]>;
}

export interface PhraseMatch<T> {
  readonly value: T;
  /** Number of words covered. */
  readonly length: number;
}

export interface WeaponsLexicon {
  readonly systems: readonly WeaponSystem[];
  readonly companies: readonly DefenceOrg[];
  readonly systemIndex: PhraseIndex<WeaponSystem>;
  readonly companyIndex: PhraseIndex<DefenceOrg>;
  readonly categoryIndex: PhraseIndex<CategoryNoun>;
}

// generic arms nouns (singular; plurals are matched) -> category; "other" marks arms in general.
const CATEGORY_NOUNS: readonly (readonly [string, WeaponCategory])[] = [
  ['drone', 'uav'],
  ['UAV', 'uav'],
  ['UCAV', 'uav'],
  ['unmanned aerial vehicle', 'uav'],
  ['unmanned combat aerial vehicle', 'uav'],
  ['unmanned aircraft', 'uav'],
  ['loitering munition', 'uav'],
  ['fighter', 'fighter-aircraft'],
  ['fighter jet', 'fighter-aircraft'],
  ['fighter aircraft', 'fighter-aircraft'],
  ['fighter plane', 'fighter-aircraft'],
  ['jet fighter', 'fighter-aircraft'],
  ['jet', 'fighter-aircraft'],
  ['multirole fighter', 'fighter-aircraft'],
  ['stealth fighter', 'fighter-aircraft'],
  ['warplane', 'combat-aircraft'],
  ['combat aircraft', 'combat-aircraft'],
  ['military aircraft', 'combat-aircraft'],
  ['attack aircraft', 'combat-aircraft'],
  ['light attack aircraft', 'combat-aircraft'],
  ['maritime patrol aircraft', 'combat-aircraft'],
  ['bomber', 'combat-aircraft'],
  ['transport aircraft', 'transport-aircraft'],
  ['transport plane', 'transport-aircraft'],
  ['cargo aircraft', 'transport-aircraft'],
  ['cargo plane', 'transport-aircraft'],
  ['airlifter', 'transport-aircraft'],
  ['tanker aircraft', 'transport-aircraft'],
  ['aerial tanker', 'transport-aircraft'],
  ['helicopter', 'helicopter'],
  ['attack helicopter', 'helicopter'],
  ['utility helicopter', 'helicopter'],
  ['chopper', 'helicopter'],
  ['gunship', 'helicopter'],
  ['trainer', 'trainer-aircraft'],
  ['trainer jet', 'trainer-aircraft'],
  ['jet trainer', 'trainer-aircraft'],
  ['trainer aircraft', 'trainer-aircraft'],
  ['tank', 'tank'],
  ['main battle tank', 'tank'],
  ['battle tank', 'tank'],
  ['light tank', 'tank'],
  ['MBT', 'tank'],
  ['armoured vehicle', 'armoured-vehicle'],
  ['armoured personnel carrier', 'armoured-vehicle'],
  ['armoured car', 'armoured-vehicle'],
  ['APC', 'armoured-vehicle'],
  ['infantry fighting vehicle', 'armoured-vehicle'],
  ['IFV', 'armoured-vehicle'],
  ['MRAP', 'armoured-vehicle'],
  ['combat vehicle', 'armoured-vehicle'],
  ['fighting vehicle', 'armoured-vehicle'],
  ['tactical vehicle', 'armoured-vehicle'],
  ['howitzer', 'artillery'],
  ['self-propelled howitzer', 'artillery'],
  ['artillery', 'artillery'],
  ['artillery system', 'artillery'],
  ['artillery gun', 'artillery'],
  ['artillery piece', 'artillery'],
  ['field gun', 'artillery'],
  ['mortar', 'artillery'],
  ['rocket launcher', 'rocket-artillery'],
  ['multiple rocket launcher', 'rocket-artillery'],
  ['multiple launch rocket system', 'rocket-artillery'],
  ['rocket system', 'rocket-artillery'],
  ['rocket artillery', 'rocket-artillery'],
  ['MLRS', 'rocket-artillery'],
  ['MBRL', 'rocket-artillery'],
  ['air defence', 'air-defence'],
  ['air defence system', 'air-defence'],
  ['air-defence system', 'air-defence'],
  ['air defence missile system', 'air-defence'],
  ['missile defence system', 'air-defence'],
  ['surface-to-air missile', 'air-defence'],
  ['surface-to-air missile system', 'air-defence'],
  ['anti-aircraft system', 'air-defence'],
  ['anti-aircraft missile', 'air-defence'],
  ['anti-aircraft gun', 'air-defence'],
  ['MANPADS', 'air-defence'],
  ['interceptor', 'air-defence'],
  ['missile', 'missile'],
  ['cruise missile', 'missile'],
  ['ballistic missile', 'missile'],
  ['anti-ship missile', 'missile'],
  ['air-to-air missile', 'missile'],
  ['hypersonic missile', 'missile'],
  ['missile system', 'missile'],
  ['anti-tank missile', 'anti-tank-missile'],
  ['anti-tank guided missile', 'anti-tank-missile'],
  ['anti-tank weapon', 'anti-tank-missile'],
  ['ATGM', 'anti-tank-missile'],
  ['warship', 'ship'],
  ['frigate', 'ship'],
  ['corvette', 'ship'],
  ['destroyer', 'ship'],
  ['patrol vessel', 'ship'],
  ['offshore patrol vessel', 'ship'],
  ['patrol boat', 'ship'],
  ['naval vessel', 'ship'],
  ['naval ship', 'ship'],
  ['landing ship', 'ship'],
  ['amphibious assault ship', 'ship'],
  ['aircraft carrier', 'ship'],
  ['minehunter', 'ship'],
  ['fast attack craft', 'ship'],
  ['submarine', 'submarine'],
  ['radar', 'radar'],
  ['radar system', 'radar'],
  ['rifle', 'small-arms'],
  ['assault rifle', 'small-arms'],
  ['sniper rifle', 'small-arms'],
  ['machine gun', 'small-arms'],
  ['pistol', 'small-arms'],
  ['carbine', 'small-arms'],
  ['firearm', 'small-arms'],
  ['small arms', 'small-arms'],
  ['grenade launcher', 'small-arms'],
  ['ammunition', 'ammunition'],
  ['munition', 'ammunition'],
  ['artillery shell', 'ammunition'],
  ['artillery round', 'ammunition'],
  ['shell', 'ammunition'],
  ['guided bomb', 'ammunition'],
  ['bomb', 'ammunition'],
  ['grenade', 'ammunition'],
  ['landmine', 'ammunition'],
  ['engine', 'engine'],
  ['jet engine', 'engine'],
  ['turbofan', 'engine'],
  ['weapon', 'other'],
  ['weapon system', 'other'],
  ['weaponry', 'other'],
  ['arms', 'other'],
  ['armament', 'other'],
  ['military equipment', 'other'],
  ['defence equipment', 'other'],
  ['military hardware', 'other'],
  ['defence system', 'other'],
];

// a word: letters/digits joined by hyphens, slashes, apostrophes, dots, or a thousands comma.
const WORD = /[\p{L}\p{N}]+(?:(?:[-/'’.]|,(?=\d{3}))[\p{L}\p{N}]+)*/gu;
const SEPARATORS = /[-/'’.,]/g;
const SPELLING: Readonly<Record<string, string>> = {
  defence: 'defense',
  armour: 'armor',
  armoured: 'armored',
  licence: 'license',
  licenced: 'licensed',
  modernised: 'modernized',
  programme: 'program',
};

const KEY_CACHE = new Map<string, string>();

/** The matching key of one word: "F-16s" -> "f16s", "Türkiye's" -> "turkiye", "defence" -> "defense". */
export function wordKey(raw: string): string {
  let key = KEY_CACHE.get(raw);
  if (key === undefined) {
    const k = fold(raw)
      .replace(/'s$/, '')
      .replace(SEPARATORS, '');
    key = SPELLING[k] ?? k;
    // news vocabulary is a few tens of thousands of words; the bound only guards against odd input
    if (KEY_CACHE.size >= 100_000) KEY_CACHE.clear();
    KEY_CACHE.set(raw, key);
  }
  return key;
}

/** The words of `text` between `start` and `end`, with document offsets. */
export function tokenize(text: string, start = 0, end = text.length): Word[] {
  const out: Word[] = [];
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(WORD)) {
    const s = start + (m.index ?? 0);
    out.push({ raw: m[0], key: wordKey(m[0]), start: s, end: s + m[0].length });
  }
  return out;
}

function exactKey(raw: string): string {
  return raw.replace(/'s$/, '').replace(SEPARATORS, '');
}

const LOWER_START = /^\p{Ll}/u;
const UPPER_START = /^\p{Lu}/u;

function plural(textKey: string, key: string): boolean {
  if (textKey === `${key}s` || textKey === `${key}es`) return true;
  return key.endsWith('y') && textKey === `${key.slice(0, -1)}ies`;
}

function singulars(key: string): string[] {
  const out: string[] = [];
  if (key.endsWith('s') && key.length > 2) out.push(key.slice(0, -1));
  if (key.endsWith('es') && key.length > 3) out.push(key.slice(0, -2));
  if (key.endsWith('ies') && key.length > 4) out.push(`${key.slice(0, -3)}y`);
  return out;
}

/** True when some entry of `index` could start at `w` (its key or a singular of it begins an entry). */
export function mayStartAt<T>(index: PhraseIndex<T>, w: Word): boolean {
  if (index.byFirst.has(w.key)) return true;
  if (!w.key.endsWith('s')) return false;
  for (const k of singulars(w.key)) if (index.byFirst.has(k)) return true;
  return false;
}

/**
 * The longest entry of `index` that starts at word `i` (a plural 's' is allowed on the last word).
 * @example matchPhrase(lex.systemIndex, tokenize('24 F-16s'), 1)?.value.name // 'F-16 Fighting Falcon'
 */
export function matchPhrase<T>(index: PhraseIndex<T>, words: readonly Word[], i: number): PhraseMatch<T> | null {
  const w = words[i];
  if (!w) return null;
  // a word not ending in s has no singular to try: no array for the common case
  const firstKeys = w.key.endsWith('s') ? [w.key, ...singulars(w.key)] : [w.key];
  let best: PhraseMatch<T> | null = null;
  for (let f = 0; f < firstKeys.length; f++) {
    const cands = index.byFirst.get(firstKeys[f] as string);
    if (!cands) continue;
    for (const e of cands) {
      const n = e.keys.length;
      if (best && n <= best.length) continue;
      if (f > 0 && n !== 1) continue;
      if (e.capital && LOWER_START.test(w.raw)) continue;
      let ok = true;
      for (let j = 0; j < n && ok; j++) {
        const t = words[i + j];
        const k = e.keys[j] as string;
        if (!t) ok = false;
        else if (j > 0 && t.start - (words[i + j - 1] as Word).end > 1) ok = false;
        else if (e.exact) {
          const x = exactKey(t.raw);
          const ek = e.exact[j] as string;
          ok = x === ek || (j === n - 1 && (x === `${ek}s` || x === `${ek}es`));
        } else ok = t.key === k || (j === n - 1 && plural(t.key, k));
      }
      if (ok) best = { value: e.value, length: n };
    }
  }
  return best;
}

class IndexBuilder<T> {
  private readonly map = new Map<string, Entry<T>[]>();
  private readonly owner = new Map<string, string>();

  /** Adds an alias; returns an error message when another value already holds it. */
  add(alias: string, value: T, ownerName: string): string | null {
    const exact = alias.startsWith('=');
    const text = exact ? alias.slice(1) : alias;
    const words = tokenize(text);
    if (words.length === 0) return `alias '${alias}' has no words`;
    const variants: string[][] = [words.map((w) => w.key)];
    if (words.length > 1 && !exact) variants.push([words.map((w) => w.key).join('')]);
    for (let v = 0; v < variants.length; v++) {
      const keys = variants[v] as string[];
      const id = `${exact ? '=' : ''}${v > 0 ? '~' : ''}${keys.join(' ')}`;
      const prev = this.owner.get(id);
      if (prev === ownerName) continue;
      // the joined form of a multi-word alias ("type054a") is a convenience: it may coincide, not clash
      if (prev !== undefined && v === 0) return `alias '${alias}' already belongs to '${prev}'`;
      this.owner.set(id, ownerName);
      const entry: Entry<T> = {
        keys,
        exact: exact ? words.map((w) => exactKey(w.raw)) : null,
        capital: !exact && UPPER_START.test(text),
        value,
      };
      const first = keys[0] as string;
      const list = this.map.get(first) ?? [];
      list.push(entry);
      this.map.set(first, list);
    }
    return null;
  }

  build(): PhraseIndex<T> {
    for (const list of this.map.values()) list.sort((a, b) => b.keys.length - a.keys.length);
    return { byFirst: this.map };
  }
}

const ISO3 = /^[A-Z]{3}$/;

function loadSystems(path: string): { systems: WeaponSystem[]; index: PhraseIndex<WeaponSystem> } {
  const rows = readTsv(path, ['name', 'category', 'supplier', 'aliases']);
  const systems: WeaponSystem[] = [];
  const names = new Set<string>();
  const b = new IndexBuilder<WeaponSystem>();
  for (const { line, cells } of rows) {
    const name = cells.name ?? '';
    const category = cells.category ?? '';
    const supplier = cells.supplier ?? '';
    if (!name) dataError(path, line, 'empty name');
    if (names.has(fold(name))) dataError(path, line, `duplicate system '${name}'`);
    names.add(fold(name));
    if (!(WEAPON_CATEGORIES as readonly string[]).includes(category)) dataError(path, line, `unknown category '${category}'`);
    if (!ISO3.test(supplier)) dataError(path, line, `supplier '${supplier}' is not ISO alpha-3`);
    const sys: WeaponSystem = { name, category: category as WeaponCategory, supplier };
    const aliases = (cells.aliases ?? '').split('|').map((a) => a.trim());
    if (aliases.some((a) => a === '')) dataError(path, line, 'empty alias');
    for (const a of aliases) {
      const err = b.add(a, sys, name);
      if (err) dataError(path, line, err);
    }
    systems.push(sys);
  }
  return { systems, index: b.build() };
}

function loadCompanies(path: string): { companies: DefenceOrg[]; index: PhraseIndex<DefenceOrg> } {
  const rows = readTsv(path, ['name', 'country', 'aliases']);
  const companies: DefenceOrg[] = [];
  const b = new IndexBuilder<DefenceOrg>();
  for (const { line, cells } of rows) {
    const name = cells.name ?? '';
    const country = cells.country ?? '';
    if (!name) dataError(path, line, 'empty name');
    if (!ISO3.test(country)) dataError(path, line, `country '${country}' is not ISO alpha-3`);
    const org: DefenceOrg = { name, country };
    const aliases = (cells.aliases ?? '').split('|').map((a) => a.trim());
    if (aliases.some((a) => a === '')) dataError(path, line, 'empty alias');
    for (const a of aliases) {
      const err = b.add(a, org, name);
      if (err) dataError(path, line, err);
    }
    companies.push(org);
  }
  return { companies, index: b.build() };
}

function buildCategoryIndex(): PhraseIndex<CategoryNoun> {
  const b = new IndexBuilder<CategoryNoun>();
  for (const [noun, category] of CATEGORY_NOUNS) {
    const err = b.add(noun, { noun, category }, noun);
    if (err) throw new Error(`category nouns: ${err}`);
  }
  return b.build();
}

const cache = new Map<string, WeaponsLexicon>();

/**
 * Loads data/weapons/systems.tsv and companies.tsv once per folder (throws EntenteError naming file:line).
 * @example const lex = loadWeapons(); lex.systems.length > 200
 */
export function loadWeapons(dataDir: string = DATA_DIR): WeaponsLexicon {
  const hit = cache.get(dataDir);
  if (hit) return hit;
  const s = loadSystems(join(dataDir, 'weapons', 'systems.tsv'));
  const c = loadCompanies(join(dataDir, 'weapons', 'companies.tsv'));
  const lex: WeaponsLexicon = {
    systems: s.systems,
    companies: c.companies,
    systemIndex: s.index,
    companyIndex: c.index,
    categoryIndex: buildCategoryIndex(),
  };
  cache.set(dataDir, lex);
  return lex;
}
