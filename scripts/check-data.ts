// lints the dictionaries of data/ (see data/README.md): runs the same loaders as the engine, then the
// checks the loaders do not do (unknown kinds and codes, cross-file country codes, dates, duplicates,
// ambiguous country names, coordinates, PLOVER modes and contexts of patterns).
// usage: node --import tsx scripts/check-data.ts [data-dir]
// prints `file:line: message` per error and `file:line: warning: message` per question of judgement;
// exits 1 when there is an error, 0 otherwise.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScores } from '../src/analyze/scores.js';
import { tokenize } from '../src/annotate/tokens.js';
import { loadWeapons } from '../src/code/load-weapons.js';
import { loadPatterns } from '../src/code/patterns.js';
import { DATA_DIR, isIsoDate, PLOVER_TYPES, type Plover, readTsv, type TsvRow } from '../src/core/index.js';
import { loadLexicon } from '../src/resolve/lexicon.js';

/** PLOVER modes per event type (PLOVER manual draft; ../shared/ONTOLOGY.md section 4.2). */
export const PLOVER_MODES: Readonly<Record<Plover, readonly string[]>> = {
  AGREE: [],
  CONSULT: ['visit', 'third-party', 'multilateral', 'phone'],
  SUPPORT: [],
  CONCEDE: [],
  COOPERATE: [],
  AID: [],
  RETREAT: ['withdraw', 'release', 'disarm', 'ceasefire', 'access', 'resign'],
  REQUEST: ['assist', 'change', 'yield', 'meet'],
  ACCUSE: ['disapprove', 'investigate', 'allege'],
  REJECT: ['assist', 'change', 'yield', 'meet'],
  THREATEN: ['restrict', 'arrest', 'relations', 'expel', 'territory', 'violence'],
  PROTEST: ['demo', 'riot', 'strike', 'hunger', 'boycott', 'obstruct', 'vandalize'],
  SANCTION: ['convict', 'expel', 'withdraw', 'discontinue'],
  MOBILIZE: ['troops', 'weapons', 'police', 'militia'],
  COERCE: ['seize', 'restrict', 'censor', 'curfew', 'martial-law', 'arrest', 'deport', 'withhold', 'misinformation', 'cyber'],
  ASSAULT: [
    'abduct', 'beat', 'torture', 'sexual', 'targeted', 'destroy', 'primitive', 'firearms', 'explosives',
    'suicide-attack', 'aerial', 'drone', 'heavy-weapons', 'crowd-control', 'unconventional',
  ],
};

/** PLOVER contexts (ONTOLOGY.md section 4.3), plus the two that CAMEO2PLOVER also uses. */
export const PLOVER_CONTEXTS: ReadonlySet<string> = new Set([
  'military', 'intelligence', 'executive', 'legislative', 'election', 'political_institutions', 'pro_democracy',
  'pro_autocracy', 'economic', 'legal', 'reparations', 'human_rights', 'rights_freedoms', 'repression',
  'human_security', 'gender', 'lgbt', 'religion_ethnicity', 'inequality', 'diplomatic', 'territory',
  'peacekeeping', 'health', 'asylum', 'migration', 'disasters', 'natural_resource', 'environment', 'technology',
  'terrorism', 'cbrn', 'cyber', 'misinformation', 'crime', 'corruption', 'illegal_drugs', 'trafficking',
  'humanitarian', 'democracy',
]);

/** Sector codes: PLOVER's (ONTOLOGY.md 4.4) and the CAMEO/Phoenix role codes (4.7). */
export const SECTOR_CODES: ReadonlySet<string> = new Set([
  'COP', 'GOV', 'JUD', 'LEG', 'MIL', 'PRM', 'PTY', 'REB', 'SPY', 'UAF', 'UNK', 'AGR', 'BUS', 'CRM', 'CVL', 'EDU',
  'ELI', 'JRN', 'LAB', 'MED', 'REF', 'OPP', 'PRE', 'REL', 'SOC', 'HLH', 'ENV', 'NGO', 'HRI', 'IMG', 'PPL', 'RAD',
  'MUS', 'CHR', 'JEW', 'HIN', 'BUD',
]);

/** Actor-code prefixes that are not countries: IGOs, NGOs, transnational militants, multinationals, unknown. */
export const NON_COUNTRY_PREFIXES: ReadonlySet<string> = new Set(['IGO', 'NGO', 'IMG', 'MNC', '---']);

const ACTOR_CODE = /^([A-Z]{3}|---)[A-Z0-9]*$/;
const ISO3 = /^[A-Z]{3}$/;
const PATTERN_FLAGS: ReadonlySet<string> = new Set(['place', 'noun', 'self', 'notarget', 'object', 'report', 'intent', 'inner']);
const PATTERN_ROLES: ReadonlySet<string> = new Set(['so', 'os', 'pair', 's']);

/**
 * Names, adjectives or capitals that two countries share on purpose (text as matched, i.e. folded and
 * tokenized -> the codes that share it, and why). Any other shared text is an error.
 */
export const SHARED_COUNTRY_TEXTS: Readonly<Record<string, { readonly codes: readonly string[]; readonly reason: string }>> = {};

/**
 * City names (as matched) that belong to several countries on purpose: distinct real cities, which the
 * resolver tells apart by the context country. Any other shared city name is a warning.
 */
export const SHARED_CITY_NAMES: Readonly<Record<string, { readonly codes: readonly string[]; readonly reason: string }>> = {
  brest: { codes: ['BLR', 'FRA'], reason: 'Brest on the Belarus-Poland border and the French naval port in Brittany' },
  cartagena: { codes: ['COL', 'ESP'], reason: 'the Colombian Caribbean port and the Spanish naval base in Murcia' },
  'san jose': { codes: ['CRI', 'USA'], reason: 'the capital of Costa Rica and the city in California' },
  palma: { codes: ['ESP', 'MOZ'], reason: 'Palma de Mallorca (often just Palma) and the town in Cabo Delgado, Mozambique' },
  valencia: { codes: ['ESP', 'VEN'], reason: 'the Spanish port and the Venezuelan city (Carabobo)' },
  hyderabad: { codes: ['IND', 'PAK'], reason: 'the capital of Telangana and the city in Sindh' },
  tripoli: { codes: ['LBN', 'LBY'], reason: 'the capital of Libya and the northern Lebanese port' },
};

export interface DataReport {
  /** Format errors: `file:line: message`. */
  readonly errors: string[];
  /** Questions of judgement (ambiguity): `file:line: warning: message`. */
  readonly warnings: string[];
  /** Things not checked and why. */
  readonly notes: string[];
}

/** The key the lexicon's trie matches a text under (folded tokens joined by one space). */
function matchKey(text: string): string {
  return tokenize(text)
    .map((t) => t.norm)
    .join(' ');
}

/** `a|b|c` -> trimmed parts; an empty string gives no parts. */
function splitAliases(s: string): string[] {
  return s === '' ? [] : s.split('|').map((a) => a.trim());
}

/** Reports a row whose key was seen before in the same file, naming the first line; remembers new keys. */
function duplicateRow(l: Linter, seen: Map<string, number>, key: string, path: string, line: number, what: string): void {
  const prev = seen.get(key);
  if (prev !== undefined) l.error(path, line, `duplicate of line ${prev}: ${what}`);
  else seen.set(key, line);
}

class Linter {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  readonly notes: string[] = [];
  /** `file:line` of every error, so a loader's first error is not repeated. */
  private readonly errorAt = new Set<string>();

  constructor(readonly dir: string) {}

  show(path: string): string {
    const r = relative(process.cwd(), path);
    return r === '' || r.startsWith('..') || isAbsolute(r) ? path : r;
  }

  error(path: string, line: number, message: string): void {
    const at = `${this.show(path)}:${line}`;
    this.errorAt.add(at);
    this.errors.push(`${at}: ${message}`);
  }

  warn(path: string, line: number, message: string): void {
    this.warnings.push(`${this.show(path)}:${line}: warning: ${message}`);
  }

  /** Rows of a file through the shared reader; null (with the error recorded) when it cannot be read. */
  rows(path: string, required: readonly string[], optional = false): TsvRow[] | null {
    if (!existsSync(path)) {
      if (optional) this.notes.push(`${this.show(path)}: absent, not checked`);
      else this.error(path, 0, 'file is missing');
      return null;
    }
    this.rawChecks(path);
    try {
      return readTsv(path, required);
    } catch (e) {
      this.loaderError(e);
      return null;
    }
  }

  /** Cells with spaces around them or text not in Unicode NFC: the loaders trim, but the file is not clean. */
  private rawChecks(path: string): void {
    const lines = readFileSync(path, 'utf8').split('\n');
    let header: string[] | null = null;
    lines.forEach((raw0, i) => {
      const raw = raw0.replace(/\r$/, '');
      if (raw.trim() === '' || raw.startsWith('#')) return;
      const cells = raw.split('\t');
      if (!header) {
        header = cells.map((c) => c.trim());
        return;
      }
      if (raw !== raw.normalize('NFC')) this.warn(path, i + 1, 'text is not in Unicode NFC');
      cells.forEach((cell, j) => {
        const col = header?.[j] ?? `cell ${j + 1}`;
        if (cell !== cell.trim()) this.warn(path, i + 1, cell.trim() ? `${col} '${cell}' has spaces around it` : `${col} holds only spaces`);
        else if (/\s{2,}/.test(cell)) this.warn(path, i + 1, `${col} '${cell}' has repeated spaces`);
      });
    });
  }

  /** Records an error thrown by a loader (EntenteError `path:line: message`) unless that line has one. */
  loaderError(e: unknown): void {
    const msg = e instanceof Error ? e.message : String(e);
    const m = /^(.*?\.tsv)(?::(\d+))?: ([\s\S]*)$/.exec(msg);
    if (!m) {
      this.errors.push(`${this.show(this.dir)}: loader failed: ${msg}`);
      return;
    }
    const at = `${this.show(m[1]!)}:${m[2] ?? 0}`;
    if (this.errorAt.has(at)) return;
    this.errorAt.add(at);
    this.errors.push(`${at}: ${m[3]}`);
  }

  /** Runs a loader; its first error is recorded. */
  load(fn: () => unknown): void {
    try {
      fn();
    } catch (e) {
      this.loaderError(e);
    }
  }
}

/** Checks the code of an actor (ISO3 or IGO/NGO/IMG/MNC/--- + optional sector letters/digits). */
function checkActorCode(l: Linter, path: string, line: number, code: string, countries: ReadonlySet<string>): boolean {
  if (!ACTOR_CODE.test(code)) {
    l.error(path, line, `bad actor code '${code}' (3-letter country, IGO, NGO, IMG, MNC or --- + sector letters)`);
    return false;
  }
  const head = code.slice(0, 3);
  if (!NON_COUNTRY_PREFIXES.has(head) && !countries.has(head)) {
    l.error(path, line, `actor code '${code}': country '${head}' is not in actors/countries.tsv`);
    return false;
  }
  return true;
}

function checkCountries(l: Linter): Set<string> {
  const path = join(l.dir, 'actors/countries.tsv');
  const codes = new Set<string>();
  const rows = l.rows(path, ['code', 'kind', 'text']);
  if (!rows) return codes;
  const seen = new Map<string, number>();
  const owners = new Map<string, { codes: Set<string>; lines: number[] }>();
  const named = new Set<string>();
  const firstLine = new Map<string, number>();
  for (const { line, cells } of rows) {
    const { code = '', kind = '', text = '' } = cells;
    if (!ISO3.test(code)) l.error(path, line, `code '${code}' is not ISO alpha-3`);
    else {
      codes.add(code);
      if (!firstLine.has(code)) firstLine.set(code, line);
    }
    if (!['name', 'alt', 'adj', 'capital'].includes(kind)) l.error(path, line, `unknown kind '${kind}' (name, alt, adj or capital)`);
    if (kind === 'name') named.add(code);
    if (!text) {
      l.error(path, line, 'empty text');
      continue;
    }
    const key = matchKey(text);
    duplicateRow(l, seen, `${code}|${kind}|${key}`, path, line, `${code} ${kind} '${text}'`);
    const o = owners.get(key) ?? { codes: new Set<string>(), lines: [] };
    if (!o.codes.has(code)) o.lines.push(line);
    o.codes.add(code);
    owners.set(key, o);
  }
  for (const code of codes) if (!named.has(code)) l.error(path, firstLine.get(code) ?? 0, `code ${code} has no 'name' row`);
  for (const [key, o] of owners) {
    if (o.codes.size < 2) continue;
    const list = [...o.codes].sort();
    const allowed = SHARED_COUNTRY_TEXTS[key];
    if (allowed && [...allowed.codes].sort().join() === list.join()) continue;
    l.error(path, o.lines[1] ?? 0, `'${key}' is used by ${list.join(' and ')} (lines ${o.lines.join(', ')}): ambiguous; keep one or allow-list it in scripts/check-data.ts with a reason`);
  }
  return codes;
}

function checkOrganizations(l: Linter, countries: ReadonlySet<string>, countryKeys: ReadonlyMap<string, string>): void {
  const path = join(l.dir, 'actors/organizations.tsv');
  const rows = l.rows(path, ['code', 'kind', 'text']);
  if (!rows) return;
  const seen = new Map<string, number>();
  const firstRow = new Map<string, { line: number; kind: string }>();
  const owners = new Map<string, Map<string, number>>();
  for (const { line, cells } of rows) {
    const { code = '', kind = '', text = '' } = cells;
    checkActorCode(l, path, line, code, countries);
    if (!['name', 'alt', 'adj'].includes(kind)) l.error(path, line, `unknown kind '${kind}' (name, alt or adj)`);
    if (!firstRow.has(code)) firstRow.set(code, { line, kind });
    if (!text) {
      l.error(path, line, 'empty text');
      continue;
    }
    const key = matchKey(text);
    duplicateRow(l, seen, `${code}|${kind}|${key}`, path, line, `${code} ${kind} '${text}'`);
    const o = owners.get(key) ?? new Map<string, number>();
    if (!o.has(code)) o.set(code, line);
    owners.set(key, o);
    const country = countryKeys.get(key);
    if (country) l.warn(path, line, `'${text}' is also a country text of ${country} (actors/countries.tsv)`);
  }
  for (const [code, first] of firstRow) {
    // the loader takes the first row of a code as its canonical name
    if (first.kind !== 'name') l.error(path, first.line, `first row of ${code} is '${first.kind}', not 'name' (the loader takes it as the canonical name)`);
  }
  for (const [key, o] of owners) {
    if (o.size < 2) continue;
    const lines = [...o.values()];
    l.warn(path, lines[1] ?? 0, `'${key}' names ${[...o.keys()].join(' and ')} (lines ${lines.join(', ')}): ambiguous`);
  }
}

/** The surname the lexicon derives from a person's name or alias (its rule), or null. */
function derivedSurname(name: string): string | null {
  const parts = name.split(/\s+/);
  const last = parts[parts.length - 1];
  return parts.length > 1 && last && last.length > 2 && !/^(jr|sr|ii|iii)\.?$/i.test(last) ? last : null;
}

function checkPersons(l: Linter, countries: ReadonlySet<string>, actorKeys: ReadonlyMap<string, string>): void {
  const path = join(l.dir, 'actors/persons.tsv');
  const rows = l.rows(path, ['name', 'code', 'office', 'from', 'to'], true);
  if (!rows) return;
  const seen = new Map<string, number>();
  for (const { line, cells } of rows) {
    const { name = '', code = '', office = '', from = '', to = '', aliases = '' } = cells;
    if (!name) l.error(path, line, 'empty name');
    if (checkActorCode(l, path, line, code, countries) && !NON_COUNTRY_PREFIXES.has(code.slice(0, 3))) {
      for (let i = 3; i + 3 <= code.length; i += 3) {
        const s = code.slice(i, i + 3);
        if (!SECTOR_CODES.has(s)) l.warn(path, line, `code '${code}': '${s}' is not a known sector code`);
      }
    }
    if (!office) l.error(path, line, 'empty office');
    if (!from) l.error(path, line, "empty 'from' date");
    else if (!isIsoDate(from)) l.error(path, line, `bad 'from' date '${from}' (YYYY-MM-DD)`);
    if (to && !isIsoDate(to)) l.error(path, line, `bad 'to' date '${to}' (YYYY-MM-DD)`);
    if (isIsoDate(from) && isIsoDate(to) && to < from) l.error(path, line, `inverted dates: 'to' ${to} is before 'from' ${from}`);
    const forms = splitAliases(aliases);
    if (forms.some((a) => a === '')) l.error(path, line, 'empty alias');
    const surnames = new Set<string>();
    for (const form of [name, ...forms]) {
      const last = form ? derivedSurname(form) : null;
      if (!last || surnames.has(matchKey(last))) continue;
      surnames.add(matchKey(last));
      const other = actorKeys.get(matchKey(last));
      if (other) l.warn(path, line, `the surname '${last}' derived from '${form}' is also ${other}`);
    }
    duplicateRow(l, seen, `${matchKey(name)}|${code}|${from}`, path, line, `${name} ${code} from ${from || '(empty)'}`);
  }
}

function checkSectors(l: Linter): void {
  const path = join(l.dir, 'agents/sectors.tsv');
  const rows = l.rows(path, ['sector', 'kind', 'text']);
  if (!rows) return;
  const seen = new Map<string, number>();
  const owners = new Map<string, Map<string, number>>();
  for (const { line, cells } of rows) {
    const { sector = '', kind = '', text = '' } = cells;
    if (!/^([A-Z]{3})+$/.test(sector)) l.error(path, line, `bad sector '${sector}'`);
    else {
      for (let i = 0; i < sector.length; i += 3) {
        const s = sector.slice(i, i + 3);
        if (!SECTOR_CODES.has(s)) l.error(path, line, `unknown sector code '${s}'`);
      }
    }
    if (!['title', 'group'].includes(kind)) l.error(path, line, `unknown kind '${kind}' (title or group)`);
    if (!text) {
      l.error(path, line, 'empty text');
      continue;
    }
    const key = matchKey(text);
    duplicateRow(l, seen, `${sector}|${kind}|${key}`, path, line, `${sector} ${kind} '${text}'`);
    const o = owners.get(key) ?? new Map<string, number>();
    if (!o.has(sector)) o.set(sector, line);
    owners.set(key, o);
  }
  for (const [key, o] of owners) {
    if (o.size < 2) continue;
    const lines = [...o.values()];
    l.warn(path, lines[1] ?? 0, `'${key}' gives sectors ${[...o.keys()].join(' and ')} (lines ${lines.join(', ')}): ambiguous`);
  }
}

function checkCities(l: Linter, countries: ReadonlySet<string>, countryKeys: ReadonlyMap<string, string>): void {
  const path = join(l.dir, 'places/cities.tsv');
  const rows = l.rows(path, ['name', 'country', 'lat', 'lon']);
  if (!rows) return;
  const seen = new Map<string, number>();
  // name or alias (as matched) -> country -> first line; a country text of another country counts too
  const owners = new Map<string, Map<string, number>>();
  for (const { line, cells } of rows) {
    const { name = '', country = '', lat = '', lon = '', kind = '', aliases = '' } = cells;
    if (!name) l.error(path, line, 'empty name');
    if (!ISO3.test(country)) l.error(path, line, `country '${country}' is not ISO alpha-3`);
    else if (!countries.has(country)) l.error(path, line, `country '${country}' is not in actors/countries.tsv`);
    const la = Number(lat);
    const lo = Number(lon);
    if (lat === '' || !Number.isFinite(la) || la < -90 || la > 90) l.error(path, line, `lat '${lat}' is not a number in -90..90`);
    if (lon === '' || !Number.isFinite(lo) || lo < -180 || lo > 180) l.error(path, line, `lon '${lon}' is not a number in -180..180`);
    if (!['capital', 'city', 'region'].includes(kind)) l.error(path, line, `unknown kind '${kind}' (capital, city or region)`);
    const forms = splitAliases(aliases);
    if (forms.some((a) => a === '')) l.error(path, line, 'empty alias');
    duplicateRow(l, seen, `${matchKey(name)}|${country}`, path, line, `${name} ${country}`);
    for (const form of [name, ...forms]) {
      if (!form) continue;
      const key = matchKey(form);
      const o = owners.get(key) ?? new Map<string, number>();
      const other = countryKeys.get(key);
      if (other && !o.has(other)) o.set(other, 0);
      if (!o.has(country)) o.set(country, line);
      owners.set(key, o);
    }
  }
  for (const [key, o] of owners) {
    if (o.size < 2) continue;
    const list = [...o.keys()].sort();
    const allowed = SHARED_CITY_NAMES[key];
    if (allowed && [...allowed.codes].sort().join() === list.join()) continue;
    const lines = [...o.values()].filter((x) => x > 0);
    const also = [...o].filter(([, x]) => x === 0).map(([c]) => ` (a country text of ${c} in actors/countries.tsv)`);
    const msg = `'${key}' is a place of ${list.join(' and ')}${also.join('')} (lines ${lines.join(', ')})`;
    l.warn(path, lines[lines.length - 1] ?? 0, `${msg}: ambiguous; if both are right, allow-list it in scripts/check-data.ts with a reason`);
  }
}

function checkPatterns(l: Linter): void {
  const dir = join(l.dir, 'patterns');
  if (!existsSync(dir)) {
    l.error(dir, 0, 'folder is missing');
    return;
  }
  const ids = new Map<string, string>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort()) {
    const path = join(dir, name);
    const type = basename(name, '.tsv').toUpperCase();
    if (!(PLOVER_TYPES as readonly string[]).includes(type)) {
      l.error(path, 1, `file name '${name}' is not a PLOVER type`);
      continue;
    }
    const modes = PLOVER_MODES[type as Plover];
    const rows = l.rows(path, ['id', 'cameo', 'mode', 'context', 'trigger', 'roles']);
    if (!rows) continue;
    for (const { line, cells } of rows) {
      const id = cells.id ?? '';
      if (!id.startsWith(`${type.toLowerCase()}/`)) l.error(path, line, `id '${id}' must start with '${type.toLowerCase()}/'`);
      const prev = ids.get(id);
      if (prev !== undefined) l.error(path, line, `duplicate id '${id}' (first at ${prev})`);
      else ids.set(id, `${l.show(path)}:${line}`);
      const cameo = cells.cameo ?? '';
      if (cameo && !/^\d{2,4}$/.test(cameo)) l.error(path, line, `bad CAMEO code '${cameo}'`);
      const mode = cells.mode ?? '';
      if (mode && !modes.includes(mode)) {
        l.error(path, line, `mode '${mode}' is not a PLOVER mode of ${type} (${modes.length ? modes.join(', ') : 'it has none'})`);
      }
      for (const c of (cells.context ?? '').split(',')) {
        if (c.trim() !== c || (c === '' && cells.context)) l.error(path, line, `bad context list '${cells.context}'`);
        else if (c && !PLOVER_CONTEXTS.has(c)) l.error(path, line, `context '${c}' is not a PLOVER context`);
      }
      const trigger = cells.trigger ?? '';
      if (!trigger) l.error(path, line, 'empty trigger');
      else {
        for (const alt of trigger.split('|')) {
          const words = alt.trim().split(/\s+/).filter(Boolean);
          if (words.length === 0) l.error(path, line, `empty trigger alternative in '${trigger}'`);
          else if (words[0] === '..' || words[words.length - 1] === '..') l.error(path, line, `trigger '${alt.trim()}' starts or ends with '..'`);
          else if (words.some((w) => w !== '..' && w.split('/').some((x) => x === '' || x === '='))) {
            l.error(path, line, `trigger '${alt.trim()}' has an empty word`);
          }
        }
      }
      const roles = cells.roles ?? '';
      if (roles && !PATTERN_ROLES.has(roles)) l.error(path, line, `unknown roles '${roles}' (so, os, pair or s)`);
      for (const f of (cells.flags ?? '').split(',').filter(Boolean)) {
        if (!PATTERN_FLAGS.has(f)) l.error(path, line, `unknown flag '${f}' (place, noun, self, notarget, object, report, intent or inner)`);
      }
    }
  }
}

function checkWeapons(l: Linter, countries: ReadonlySet<string>): void {
  const files = [
    { rel: 'weapons/systems.tsv', cols: ['name', 'category', 'supplier', 'aliases'], country: 'supplier' },
    { rel: 'weapons/companies.tsv', cols: ['name', 'country', 'aliases'], country: 'country' },
  ];
  for (const f of files) {
    const path = join(l.dir, f.rel);
    const rows = l.rows(path, f.cols);
    if (!rows) continue;
    const seen = new Map<string, number>();
    for (const { line, cells } of rows) {
      const name = cells.name ?? '';
      const c = cells[f.country] ?? '';
      if (ISO3.test(c) && !countries.has(c)) l.error(path, line, `${f.country} '${c}' is not in actors/countries.tsv`);
      if (!name) continue;
      const key = matchKey(name);
      const prev = seen.get(key);
      if (prev !== undefined) l.error(path, line, `duplicate of line ${prev}: '${name}'`);
      else seen.set(key, line);
    }
  }
}

function checkScores(l: Linter): void {
  const path = join(l.dir, 'ontology/scores.tsv');
  const rows = l.rows(path, ['type', 'mode', 'score', 'quad']);
  if (!rows) return;
  const have = new Set<string>();
  for (const { line, cells } of rows) {
    const type = cells.type ?? '';
    const mode = cells.mode ?? '';
    have.add(`${type}|${mode}`);
    const modes = PLOVER_MODES[type as Plover];
    if (modes && mode && !modes.includes(mode)) l.error(path, line, `mode '${mode}' is not a PLOVER mode of ${type}`);
  }
  for (const t of PLOVER_TYPES) {
    for (const m of PLOVER_MODES[t]) if (!have.has(`${t}|${m}`)) l.warn(path, 0, `no score row for ${t} ${m} (the bare type's score is used)`);
  }
}

/** Keys (as matched) of every country text -> its code, for cross-file checks. */
function countryKeys(l: Linter): Map<string, string> {
  const out = new Map<string, string>();
  const path = join(l.dir, 'actors/countries.tsv');
  if (!existsSync(path)) return out;
  try {
    for (const { cells } of readTsv(path, ['code', 'kind', 'text'])) {
      if (cells.text) out.set(matchKey(cells.text), cells.code ?? '');
    }
  } catch {
    // reported by checkCountries
  }
  return out;
}

/** Sorts `file:line: message` strings by file, then line number (stable). */
function sortByPlace(list: string[]): string[] {
  const place = (s: string): [string, number] => {
    const m = /^(.*?):(\d+): /.exec(s);
    return m ? [m[1]!, Number(m[2])] : [s, 0];
  };
  return list
    .map((s, i) => ({ s, i, p: place(s) }))
    .sort((a, b) => (a.p[0] < b.p[0] ? -1 : a.p[0] > b.p[0] ? 1 : a.p[1] - b.p[1] || a.i - b.i))
    .map((x) => x.s);
}

/** Keys of every country and organization text -> what it names, for the persons' surnames. */
function actorKeys(l: Linter, countries: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  const path = join(l.dir, 'actors/organizations.tsv');
  if (existsSync(path)) {
    try {
      for (const { cells } of readTsv(path, ['code', 'kind', 'text'])) {
        if (cells.text) out.set(matchKey(cells.text), `a text of ${cells.code} in actors/organizations.tsv`);
      }
    } catch {
      // reported by checkOrganizations
    }
  }
  for (const [key, code] of countries) out.set(key, `a text of ${code} in actors/countries.tsv`);
  return out;
}

/** Every problem of the data folder `dir`, split into errors, warnings and notes. */
export function lintData(dir: string): DataReport {
  const l = new Linter(resolve(dir));
  const countries = checkCountries(l);
  const keys = countryKeys(l);
  checkOrganizations(l, countries, keys);
  checkPersons(l, countries, actorKeys(l, keys));
  checkSectors(l);
  checkCities(l, countries, keys);
  checkPatterns(l);
  checkWeapons(l, countries);
  checkScores(l);
  // the engine's own loaders: whatever they refuse is an error too (first one per loader)
  l.load(() => loadLexicon(l.dir));
  if (existsSync(join(l.dir, 'patterns'))) l.load(() => loadPatterns(join(l.dir, 'patterns')));
  l.load(() => loadWeapons(l.dir));
  l.load(() => loadScores(join(l.dir, 'ontology/scores.tsv')));
  return { errors: sortByPlace(l.errors), warnings: sortByPlace(l.warnings), notes: l.notes };
}

/** The errors of the data folder `dir` as `file:line: message` (empty when the data is clean). */
export function checkData(dir: string): string[] {
  return lintData(dir).errors;
}

function main(): void {
  const dir = process.argv[2] ? resolve(process.argv[2]) : DATA_DIR;
  const r = lintData(dir);
  const out = [...r.notes.map((n) => `note: ${n}`), ...r.warnings, ...r.errors];
  for (const line of out) process.stdout.write(`${line}\n`);
  process.stdout.write(`check-data: ${r.errors.length} error(s), ${r.warnings.length} warning(s) in ${dir}\n`);
  process.exitCode = r.errors.length ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
