// finds actor mentions in a sentence and groups them into actor chunks (noun phrases naming actors).
import type { Token } from '../annotate/tokens.js';
import { type Entry, type Lexicon, matchAt } from './lexicon.js';

/** One actor as resolved: country-level code, sector, canonical name. */
export interface ActorRef {
  readonly country: string;
  readonly sector: string;
  readonly name: string | null;
  /** How it was resolved (dictionary entry, learned person, coreference). */
  readonly via: string;
  /** Person or organisation (for pronoun resolution). */
  readonly isPerson: boolean;
}

/** A noun phrase that names one or more actors (compound: "Azerbaijan and Türkiye"). */
export interface Chunk {
  /** Token index range [from, to) in the sentence. */
  readonly from: number;
  readonly to: number;
  readonly members: readonly ActorRef[];
  /** Token index of the head word (sector noun, name), for role decisions. */
  readonly head: number;
  /** Resolved by coreference (pronoun, "the two countries"): weaker evidence. */
  readonly coref: boolean;
  /** The chunk is only a place (a city not used as a metonym). */
  readonly placeOnly: boolean;
}

/** A person learned from the text: "Azerbaijan's Defense Minister, Zakir Hasanov". */
export interface LearnedPerson {
  readonly name: string;
  readonly country: string;
  readonly sector: string;
}

export interface DocMemory {
  /** Surname (folded) and full name -> person. */
  readonly persons: Map<string, LearnedPerson>;
  /** Country mention counts (for "the two countries"). */
  readonly countryCounts: Map<string, number>;
  /** Most recent actor phrases (their members), newest last. */
  readonly recent: ActorRef[][];
  /** The first actor phrase of each earlier sentence (most often its subject), newest last. */
  readonly leads: (readonly ActorRef[])[];
  readonly date: string | null;
  /** Home country of the document (dateline or most mentioned). */
  home: string | null;
  /** The document is about a pair of countries: phrases with no country are left to the pair. */
  dyad: boolean;
  readonly lowercase: boolean;
  /** The previous sentence's subject is a thing, not an actor ("The treaty was signed in 1960. It grants ..."). */
  thingSubject?: boolean;
  /** The first actor phrase of the current sentence (most often its subject). */
  sentenceLead?: readonly ActorRef[] | null;
  /** The first phrase of the current sentence that names several countries (for a later 'they'). */
  sentencePlural?: readonly ActorRef[] | null;
}

export function newMemory(date: string | null, lowercase: boolean): DocMemory {
  return { persons: new Map(), countryCounts: new Map(), recent: [], leads: [], date, home: null, dyad: false, lowercase };
}

const THING_DET = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those']);
/**
 * True when a sentence opens with a noun phrase that names no actor ("The treaty was signed", "A
 * memorandum sets out ..."): a following "It ..." most likely continues with that thing.
 */
function opensWithThing(toks: readonly Token[], chunks: readonly Chunk[]): boolean {
  let s = 0;
  while (s < toks.length && toks[s]!.punct) s++;
  if (!THING_DET.has(toks[s]?.norm ?? '')) return false;
  // the noun phrase runs to the first verb-like word (a past form, a form of be/have) or punctuation
  let e = s + 1;
  while (e < toks.length && e < s + 8 && !toks[e]!.punct && !/^(is|are|was|were|has|have|had|will|would|can|could|may|might|must|should)$/.test(toks[e]!.norm) && !/ed$/.test(toks[e]!.norm)) e++;
  return !chunks.some((c) => c.from < e && c.to > s && !c.placeOnly);
}

// words that may stand inside an actor phrase without naming anything themselves.
const GLUE = new Set(["'s", 'of', 'the', 'for', '-', 'and']);
const MODIFIERS = new Set(
  (
    'deputy vice acting former then top senior chief first second head new national state state-owned state-run ' +
    'federal central local regional provincial foreign defence defense military naval interior home security ' +
    'special presidential royal supreme joint general armed main leading own two three several some many ' +
    'hundreds thousands dozens other rival warring visiting hardline radical islamist islamic ethnic ' +
    'civilian unarmed masked unidentified unknown suspected alleged prominent elite private public largest ' +
    'opposition ruling government official high-ranking high-level ranking retired current outgoing incoming ' +
    'newly elected minister ministerial cabinet prime president executive managing director mr mrs ms dr gen ' +
    'lt col adm his her their its counterpart counterparts'
  ).split(' '),
);
const NOT_NAME = new Set(
  'the a an on in at as by for from to of and but or if when while after before since during with this that these those it its he she they we i you monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december according however meanwhile also earlier later last next new one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundreds thousands dozens several some many'.split(
    ' ',
  ),
);
const POSSESSIVE = new Set(['its', 'their', 'his', 'her', 'our']);
const NAME_FORM = /^\p{Lu}[\p{Ll}'’-]+$/u;
// tokens after which a capitalised word may just start a clause
const OPENERS = new Set([':', '"', '“', '(', '—', '–', ';']);
const PRONOUNS: Record<string, 'person' | 'group' | 'any'> = {
  he: 'person',
  she: 'person',
  it: 'group',
  they: 'any',
  we: 'any',
  i: 'person',
};
const RELATIVE_WORDS = new Set(['which', 'that', 'whom', 'where']);
const PAIR_NOUNS = new Set([
  'countries', 'nations', 'sides', 'states', 'governments', 'leaders', 'ministers', 'neighbours', 'neighbors',
  'allies', 'presidents', 'militaries', 'armies', 'parties', 'capitals', 'partners', 'rivals', 'adversaries', 'generals', 'men', 'premiers',
]);

interface Piece {
  from: number;
  to: number;
  entries: readonly Entry[] | null;
  kind: 'lex' | 'name' | 'learned' | 'pronoun' | 'pair' | 'definite';
  /** For a definite description ("the kingdom", "the alliance"): what it refers back to. */
  refers?: Refers;
  learned?: LearnedPerson;
}

function personActive(e: Entry, date: string | null): boolean {
  if (!date) return true;
  if (e.from && date < e.from) return false;
  if (e.to && date > e.to) return false;
  return true;
}

function splitCode(code: string): { country: string; sector: string } {
  return { country: code.slice(0, 3), sector: code.slice(3) };
}

/** Finds the actor chunks of one sentence's tokens and updates the document memory. */
export function findChunks(lex: Lexicon, toks: readonly Token[], mem: DocMemory): Chunk[] {
  const pieces: Piece[] = [];
  for (let i = 0; i < toks.length; ) {
    const t = toks[i]!;
    const m = matchAt(lex, toks, i, mem.lowercase);
    const learned = t.cap ? mem.persons.get(t.norm) : undefined;
    if (m && !(learned && m.to === i + 1 && m.entries.every((e) => e.kind === 'city'))) {
      // a surname alone is a person only when no other entry claims the word or a name follows it;
      // inside a longer unknown name ("Ahmed Ben Bella", "Mohamed Ahmed") it is someone else
      if (m.entries.every((e) => e.kind === 'person' && e.sub === 'surname')) {
        const nx = toks[m.to];
        const unknownNext = !!nx && nx.cap && !nx.punct && NAME_FORM.test(nx.text) && !NOT_NAME.has(nx.norm) && !matchAt(lex, toks, m.to, mem.lowercase);
        const prev = pieces[pieces.length - 1];
        const unknownPrev = !!prev && prev.kind === 'name' && prev.to === m.from && prev.from > 0 && !OPENERS.has(toks[prev.from - 1]!.norm);
        if (unknownNext || unknownPrev) {
          pieces.push({ from: i, to: m.to, entries: null, kind: 'name' });
          i = m.to;
          continue;
        }
      }
      pieces.push({ from: m.from, to: m.to, entries: m.entries, kind: 'lex' });
      i = m.to;
      continue;
    }
    if (learned) {
      pieces.push({ from: i, to: i + 1, entries: null, kind: 'learned', learned });
      i++;
      continue;
    }
    const pr = PRONOUNS[t.norm];
    if (pr) {
      pieces.push({ from: i, to: i + 1, entries: null, kind: 'pronoun' });
      i++;
      continue;
    }
    if (t.norm === 'the') {
      const d = definiteAt(lex, toks, i, mem.lowercase);
      // "the company" with no company named before is the plain sector noun
      if (d && (d.refers === 'person' ? personFor(toks[d.to - 1]!.norm, mem) !== null : d.refers !== 'bus' || mem.leads.some((g) => g.length === 1 && g[0]!.sector === 'BUS'))) {
        pieces.push({ from: i, to: d.to, entries: null, kind: 'definite', refers: d.refers });
        i = d.to;
        continue;
      }
    }
    if (t.norm === 'the' || t.norm === 'both' || t.norm === 'all') {
      const a = toks[i + 1]?.norm;
      const b = toks[i + 2]?.norm;
      if (t.norm === 'both' && a && PAIR_NOUNS.has(a)) {
        pieces.push({ from: i, to: i + 2, entries: null, kind: 'pair' });
        i += 2;
        continue;
      }
      // "all sides", "all parties", "the warring parties": the parties of the conflict reported
      if ((t.norm === 'all' || (t.norm === 'the' && /^(warring|rival|opposing)$/.test(a ?? ''))) && (t.norm === 'all' ? a : b) && SIDE_NOUNS.has((t.norm === 'all' ? a : b)!)) {
        const to = t.norm === 'all' ? i + 2 : i + 3;
        pieces.push({ from: i, to, entries: null, kind: 'pair' });
        i = to;
        continue;
      }
      if (t.norm === 'the' && (a === 'two' || a === 'three') && b && PAIR_NOUNS.has(b)) {
        pieces.push({ from: i, to: i + 3, entries: null, kind: 'pair' });
        i += 3;
        continue;
      }
    }
    // a capitalised first word of the sentence is a name only when another capitalised word follows ("Holding talks")
    const opener = i === 0 || OPENERS.has(toks[i - 1]!.norm);
    const firstWord = opener && (t.norm.endsWith('ing') || !(toks[i + 1]?.cap && !toks[i + 1]!.punct));
    if (t.cap && !t.punct && !firstWord && !NOT_NAME.has(t.norm) && /^\p{Lu}[\p{Ll}'’-]+$/u.test(t.text)) {
      pieces.push({ from: i, to: i + 1, entries: null, kind: 'name' });
    }
    i++;
  }
  mem.sentenceLead = null;
  mem.sentencePlural = null;
  const chunks = assemble(lex, toks, pieces, mem);
  mem.thingSubject = opensWithThing(toks, chunks);
  const lead = chunks.find((c) => !c.placeOnly && !c.coref);
  if (lead) {
    mem.leads.push(lead.members);
    if (mem.leads.length > 8) mem.leads.splice(0, mem.leads.length - 8);
  }
  return chunks;
}

function assemble(lex: Lexicon, toks: readonly Token[], pieces: Piece[], mem: DocMemory): Chunk[] {
  const chunks: Chunk[] = [];
  let k = 0;
  while (k < pieces.length) {
    // grow a group of pieces separated only by glue, modifiers, or an apposition comma
    const group: Piece[] = [pieces[k]!];
    let end = pieces[k]!.to;
    let j = k + 1;
    while (j < pieces.length) {
      const p = pieces[j]!;
      if (!bridgeable(toks, end, p.from, group, p)) break;
      group.push(p);
      end = p.to;
      j++;
    }
    k = j;
    const chunk = resolveGroup(lex, toks, group, mem);
    if (chunk) chunks.push(chunk);
    if (chunk && !mem.sentenceLead && !chunk.placeOnly && !chunk.coref) mem.sentenceLead = chunk.members;
    if (chunk && !mem.sentencePlural && !chunk.placeOnly && new Set(chunk.members.map((m) => m.country)).size > 1) mem.sentencePlural = chunk.members;
  }
  return chunks;
}

const PEOPLE_SECTORS = new Set(['CVL', 'COP', 'AGR', 'LAB', 'EDU', 'REB', 'OPP', 'REF', 'JRN', 'MED', 'REL', 'BUS', 'MIL']);

function bridgeable(toks: readonly Token[], from: number, to: number, group: Piece[], next: Piece): boolean {
  if (next.kind === 'pronoun' || group[group.length - 1]!.kind === 'pronoun') return false;
  if (next.kind === 'definite' || group[group.length - 1]!.kind === 'definite') return false;
  let sawComma = false;
  let sawAnd = false;
  const gap: string[] = [];
  for (let i = from; i < to; i++) {
    const n = toks[i]!.norm;
    gap.push(n);
    if (n === ',') {
      if (sawComma) return false;
      sawComma = true;
      continue;
    }
    if (n === '(' || n === ')') continue;
    if (n === 'and' || n === '&') {
      sawAnd = true;
      continue;
    }
    if (GLUE.has(n) || MODIFIERS.has(n)) continue;
    // "a delegation from France", "farmers in France", "police in Delhi": a group noun and where it is from
    // (but "its forces in Lebanon" are the owner's forces, stationed there)
    const owned = POSSESSIVE.has(toks[group[0]!.from - 1]?.norm ?? '');
    if ((n === 'from' || n === 'in') && gap.length === 1 && !owned && !groupHasCountry(group) && isPlacePiece(next)) {
      const sector = sectorOf(group);
      if (sector && (n === 'from' || PEOPLE_SECTORS.has(sector))) return true;
    }
    return false;
  }
  // "Azerbaijan, Georgia, and Türkiye": a list; but ", and" after a single item opens a new clause
  // ("solidarity with Chisinau, and the EU's envoy said")
  if (sawComma && sawAnd) return toks.slice(group[0]!.from, group[group.length - 1]!.to).some((t) => t.norm === ',');
  if (sawComma) {
    // a list of countries: "Azerbaijan, Georgia and Türkiye"
    if (isCountryPiece(group[group.length - 1]!) && isCountryPiece(next)) return true;
    // apposition: "Defense Minister, Zakir Hasanov," / "Hasanov, Azerbaijan's defence minister"
    const prevPerson = group.some((p) => p.kind === 'name' || p.kind === 'learned' || isPersonPiece(p));
    const nextPerson = next.kind === 'name' || next.kind === 'learned' || isPersonPiece(next);
    const prevTitle = group.some(isTitlePiece);
    const nextTitle = isTitlePiece(next) || (next.entries?.some((e) => e.kind === 'country' && e.sub === 'adj') ?? false);
    return (prevTitle && nextPerson) || (prevPerson && nextTitle);
  }
  return true;
}

function isCountryPiece(p: Piece): boolean {
  return p.entries?.some((e) => e.kind === 'country' && e.sub !== 'adj' && e.sub !== 'capital') ?? false;
}

function isPlacePiece(p: Piece): boolean {
  return p.entries?.some((e) => (e.kind === 'country' && e.sub !== 'adj') || e.kind === 'city') ?? false;
}


function isPersonPiece(p: Piece): boolean {
  return p.entries?.some((e) => e.kind === 'person') ?? false;
}
function isTitlePiece(p: Piece): boolean {
  return p.entries?.some((e) => e.kind === 'sector' && e.sub === 'title') ?? false;
}

/** Turns a group of pieces into a chunk with one or more actors (compound on 'and'). */
function resolveGroup(lex: Lexicon, toks: readonly Token[], group: Piece[], mem: DocMemory): Chunk | null {
  const from = group[0]!.from;
  const to = group[group.length - 1]!.to;
  // "waving Palestinian flags", "Hezbollah banners": a flag is a symbol, not its country
  if (/^(flags?|banners?)$/.test(toks[to]?.norm ?? '') && toks[from - 1]?.norm !== "'s") return null;
  // split at 'and' into conjuncts; a conjunct without a country borrows the sector of the last one
  const conjuncts: Piece[][] = [[]];
  for (let g = 0; g < group.length; g++) {
    const p = group[g]!;
    if (g > 0) {
      const prev = group[g - 1]!;
      let and = false;
      for (let i = prev.to; i < p.from; i++) if (toks[i]!.norm === 'and' || toks[i]!.norm === '&') and = true;
      if (!and) {
        // a comma between two countries of a list ("Azerbaijan, Georgia and Türkiye")
        for (let i = prev.to; i < p.from; i++) if (toks[i]!.norm === ',' && countriesIn(group) >= 2) and = true;
      }
      if (and) conjuncts.push([]);
    }
    conjuncts[conjuncts.length - 1]!.push(p);
  }
  if (group.length === 1 && group[0]!.kind === 'pronoun') {
    return pronounChunk(toks, group[0]!, mem);
  }
  if (group.length === 1 && group[0]!.kind === 'definite') {
    return definiteChunk(toks, group[0]!, mem);
  }
  // "the defence chiefs of the three countries": the pair, with the sector of the phrase before it
  const pairAt = group.findIndex((p) => p.kind === 'pair');
  if (pairAt > 0 && group.every((p, i) => i === pairAt || (p.entries?.length && p.entries.every((e) => e.kind === 'sector')))) {
    const inner = resolveGroup(lex, toks, [group[pairAt]!], mem);
    const sector = sectorOf(group.filter((_, i) => i !== pairAt));
    if (!inner) return null;
    return { ...inner, from, to, members: inner.members.map((m) => ({ ...m, sector: sector || m.sector })) };
  }
  if (group.length === 1 && group[0]!.kind === 'pair') {
    // "the three countries": the last three named together ("the United States, Japan and South Korea")
    // ("both leaders", "the two presidents": the last two persons named, when of two countries)
    const noun = toks[group[0]!.to - 1]?.norm ?? '';
    // ("both sides", "the warring parties" of a civil war: one country's two sides when it is the only one named)
    // ("Egypt urged the warring parties": the one who asks the sides is not one of them)
    const asker = SIDE_NOUNS.has(noun) && ASKING.test(toks[group[0]!.from - 1]?.norm ?? '') ? (mem.sentenceLead ?? []) : [];
    // ("the three men", "the three ministers": the last three persons named, of three countries)
    const three = toks[group[0]!.from + 1]?.norm === 'three';
    const pair = three ? ((PERSON_PAIRS.has(noun) ? lastPersons(mem, 3, "'the 3 men' -> the last 3 persons named") : null) ?? lastTrio(mem)) : ((PERSON_PAIRS.has(noun) ? lastPersons(mem, 2, "'both leaders' -> the last two persons named", noun === 'generals') : null) ?? topPair(mem, SIDE_NOUNS.has(noun), asker));
    if (!pair) return null;
    return { from, to, members: pair, head: from, coref: true, placeOnly: false };
  }
  const members: ActorRef[] = [];
  let own = false;
  let placeOnly = true;
  let sharedSector = '';
  // the sector of the last conjunct's head applies to bare-country conjuncts ("US and Saudi mediators")
  const last = conjuncts[conjuncts.length - 1]!;
  sharedSector = sectorOf(last);
  const modifier = isModifier(toks, to);
  for (const c of conjuncts) {
    const r = resolveConjunct(lex, toks, c, mem, sharedSector, modifier);
    if (!r) continue;
    if (r.own) own = true;
    if (!r.place) placeOnly = false;
    for (const a of r.actors) {
      if (!members.some((m) => m.country === a.country && m.sector === a.sector && m.name === a.name)) members.push(a);
    }
  }
  if (members.length === 0) return null;
  let head = to - 1;
  for (let i = to - 1; i >= from; i--) {
    if (!GLUE.has(toks[i]!.norm) && !toks[i]!.punct) {
      head = i;
      break;
    }
  }
  // (a place where something happened is no party: "a truce signed in Jeddah" does not make Saudi Arabia one of "the two sides")
  if (!placeOnly) for (const m of members) mem.countryCounts.set(m.country, (mem.countryCounts.get(m.country) ?? 0) + 1);
  // a place ("its consulate in Damascus, which it blames on Israel") is no antecedent for a pronoun
  if (!placeOnly) {
    mem.recent.push(members);
    if (mem.recent.length > 12) mem.recent.splice(0, mem.recent.length - 12);
  }
  return { from, to, members, head, coref: own, placeOnly };
}

function groupHasCountry(group: Piece[]): boolean {
  return group.some((p) => p.entries?.some((e) => e.kind === 'country' || e.kind === 'org') ?? false);
}

function countriesIn(group: Piece[]): number {
  return group.filter((p) => p.entries?.some((e) => e.kind === 'country' || e.kind === 'org')).length;
}

function sectorOf(pieces: Piece[]): string {
  for (let i = pieces.length - 1; i >= 0; i--) {
    const e = pieces[i]!.entries?.find((x) => x.kind === 'sector');
    if (e) return e.code;
  }
  return '';
}

/** True when an 'of' stands between the conjunct's first piece and piece p. */
function afterOf(toks: readonly Token[], c: Piece[], p: Piece): boolean {
  for (let i = c[0]!.to; i < p.from; i++) if (toks[i]!.norm === 'of') return true;
  return false;
}

interface Resolved {
  actors: ActorRef[];
  place: boolean;
  /** "its troops": the forces of an actor already named, never a new party. */
  own?: boolean;
}

function resolveConjunct(
  lex: Lexicon,
  toks: readonly Token[],
  c: Piece[],
  mem: DocMemory,
  shared: string,
  modifier: boolean,
): Resolved | null {
  let country: string | null = null;
  let orgCode: string | null = null;
  let orgName: string | null = null;
  let person: { name: string; country: string; sector: string } | null = null;
  let sector = '';
  let title = false;
  let cityOnly = true;
  let via = '';
  const names: number[] = [];
  for (const p of c) {
    if (p.kind === 'name') {
      names.push(p.from);
      continue;
    }
    if (p.kind === 'learned' && p.learned) {
      person = { name: p.learned.name, country: p.learned.country, sector: p.learned.sector };
      via = 'learned person';
      cityOnly = false;
      continue;
    }
    const es = p.entries ?? [];
    // ("Kim" after "Kim Jong Un" was named: the person the story already named, not another Kim in office)
    // (the same office holder named before: name and country, since a person may hold several offices)
    const named = es.length > 1 ? es.find((e) => e.kind === 'person' && mem.recent.some((g) => g.some((a) => a.name === e.name && a.country === e.code.slice(0, 3)))) : undefined;
    const per = named ?? es.find((e) => e.kind === 'person' && e.sub === 'full' && personActive(e, mem.date)) ??
      es.find((e) => e.kind === 'person' && e.sub === 'full') ??
      (es.every((e) => e.kind === 'person') ? es.find((e) => e.kind === 'person' && personActive(e, mem.date)) : undefined);
    if (per) {
      const { country: pc, sector: ps } = splitCode(per.code);
      const active = personActive(per, mem.date);
      person = { name: per.name, country: pc, sector: active ? ps : '' };
      via = `${per.source}`;
      cityOnly = false;
      continue;
    }
    const org = es.find((e) => e.kind === 'org');
    if (org) {
      orgCode = org.code;
      orgName = org.name;
      via = org.source;
      cityOnly = false;
      continue;
    }
    const ctry = es.find((e) => e.kind === 'country');
    if (ctry) {
      if (!country) country = ctry.code;
      if (ctry.sub === 'capital' && !sector) sector = 'GOV';
      via ||= ctry.source;
      cityOnly = false;
      continue;
    }
    const sec = es.find((e) => e.kind === 'sector');
    if (sec) {
      // "opponents of Rwanda's Senate", "supporters of the military rulers": the head noun comes before 'of'
      if (sector && afterOf(toks, c, p)) continue;
      sector = sec.code;
      if (sec.sub === 'title') title = true;
      continue;
    }
    const city = es.find((e) => e.kind === 'city');
    if (city && !country) {
      country = city.code;
      via ||= city.source;
    }
  }
  // a title followed or preceded by a capitalised name: learn the person
  if (!person && title && names.length > 0 && country) {
    const first = names[0]!;
    let lastIdx = first;
    while (lastIdx + 1 < toks.length && names.includes(lastIdx + 1)) lastIdx++;
    const full = toks
      .slice(first, lastIdx + 1)
      .map((t) => t.text)
      .join(' ');
    const lp: LearnedPerson = { name: full, country, sector: sector || 'GOV' };
    mem.persons.set(toks[lastIdx]!.norm, lp);
    mem.persons.set(full.toLowerCase(), lp);
    person = lp;
    via = 'learned from title';
  }
  if (person) {
    // a person known by the table keeps the office's sector; a title in the phrase can refine it
    // (but a rebel or opposition leader stays one: "RSF commander Mohamed Hamdan Dagalo" is no army officer)
    const sec = sector && title && /^(|GOV|MIL)$/.test(person.sector) ? sector : person.sector || sector;
    if (title && country && country !== person.country) {
      // "Turkish Defense Minister X" where X is unknown for that country: trust the text
    }
    return { actors: [{ country: person.country, sector: sec, name: person.name, via, isPerson: true }], place: false };
  }
  if (orgCode) {
    const { country: oc, sector: os } = splitCode(orgCode);
    // "Turkish drone maker Baykar" keeps the org's own code; IGOs keep theirs
    return { actors: [{ country: oc, sector: os, name: orgName, via, isPerson: false }], place: false };
  }
  if (country) {
    if (cityOnly) {
      // a city alone is a place, unless it is the subject-like metonym of a capital (handled by the caller)
      return { actors: [{ country, sector: sector || 'CVL', name: null, via, isPerson: false }], place: !sector };
    }
    return {
      actors: [{ country, sector: sector || shared, name: lex.countryNames.get(country) ?? null, via, isPerson: title }],
      place: false,
    };
  }
  // the phrase and the two words before it: "the Saudi-led coalition", "Iranian-backed militias"
  const window = toks.slice(Math.max(0, c[0]!.from - 2), c[c.length - 1]!.to);
  // "Vietnamese-led forces", "the Saudi-led coalition": the leader's country
  if (sector && !title && !person) {
    for (const t of window) {
      const led = /^(.+)-led$/.exec(t.norm);
      const m = led ? matchAt(lex, [{ norm: led[1]!, cap: true }], 0, false) : null;
      const ctry = m?.entries.find((e) => e.kind === 'country');
      if (ctry) return { actors: [{ country: ctry.code, sector, name: null, via: `'${t.text}'`, isPerson: false }], place: false };
    }
  }
  // "Rafale fighters", "Leopard tanks": an unknown name before a group noun is a product or a place, not an actor
  if ((sector === 'REB' || sector === 'MIL') && !title && names.length > 0) return null;
  // "its troops", "their warships": the forces of the actor named last
  const possessor = toks[c[0]!.from - 1]?.norm;
  if (sector && (possessor === 'its' || possessor === 'their' || possessor === 'his' || possessor === 'her') && mem.recent.length) {
    const owner = mem.recent[mem.recent.length - 1]!;
    return { actors: owner.map((o) => ({ ...o, sector, name: null, via: `'${possessor}' -> ${o.country}`, isPerson: false })), place: false, own: true };
  }
  // "an aircraft carrier", "air defence": equipment with no country named is nobody's in particular
  // (an exercise brings together the ships of several navies); a country must be named for it
  if (sector === 'MIL' && !title && EQUIPMENT.test(toks[c[c.length - 1]!.to - 1]?.norm ?? '')) return null;
  if (sector && !title && !modifier && !(mem.dyad && !mem.home)) {
    // "police", "protesters" with no country: the document's home country in a one-country story, else unknown
    // (in a story about a pair of countries such a phrase is left to the pair)
    // "Iranian-backed militias", "pro-Russian separatists": a sponsor is named, the group's own country is not
    const sponsored = window.some((t) => SPONSORED.test(t.norm));
    const home = (!sponsored && mem.home) || '---';
    const via = home !== '---' ? 'home country of the document' : 'no country named';
    return { actors: [{ country: home, sector, name: null, via, isPerson: false }], place: false };
  }
  return null;
}

const EQUIPMENT = /^(carriers?|jets?|warships?|frigates?|destroyers?|submarines?|ships?|aircraft|defen[cs]es?|bombers?|drones?|missiles?|tanks?|helicopters?|vessels?|boats?|corvettes?|planes?|fighters?|batter(y|ies)|systems?|artillery|howitzers?)$/;
const SPONSORED = /^(pro-.+|.+-(backed|aligned|allied|supported|funded|sponsored|linked|affiliated|controlled|led))$/;

// words after which a sector noun is still the head of its phrase ("the military said", "police in Delhi")
const FUNCTION_WORDS = new Set(
  'and or but of in on at to for from with by as that which who said says has have had was were is are will would could can may might must should did do does also then than into over under after before during against near about while since until because if when where there here been being be not never only just still yet again'.split(' '),
);

// past forms that end in neither -ed nor -ing: "police shot two men", "troops fought", "the army struck"
const IRREGULAR_PAST = new Set(
  'shot beat hit burst fought struck threw caught held took kept sent let led met told began ran put cut set found gave made became came went saw brought bought sold won lost left fled drove broke stood sought spent built withdrew rode blew shut swept tore wrote spoke chose froze bound overran overtook undertook upheld'.split(' '),
);

/** True when the word at i makes the phrase before it a modifier: "military exercises", "police station". */
function isModifier(toks: readonly Token[], i: number): boolean {
  const t = toks[i];
  if (!t || t.punct || t.cap) return false;
  if (FUNCTION_WORDS.has(t.norm) || IRREGULAR_PAST.has(t.norm) || /(ed|ing)$/.test(t.norm)) return false;
  return /^[a-z]/.test(t.norm);
}

/** A pronoun's chunk standing for the given actors, each with the reason it was resolved so. */
const corefChunk = (p: Piece, members: readonly ActorRef[], via: string): Chunk => ({ from: p.from, to: p.to, members: members.map((m) => ({ ...m, via })), head: p.from, coref: true, placeOnly: false });

function pronounChunk(toks: readonly Token[], p: Piece, mem: DocMemory): Chunk | null {
  const kind = PRONOUNS[toks[p.from]!.norm];
  // expletive "it": it is/was/has been ...
  if (toks[p.from]!.norm === 'it') {
    const nx = toks[p.from + 1]?.norm;
    if (nx === 'is' || nx === 'was' || nx === "'s" || nx === 'has' || nx === 'would' || nx === 'will') {
      const nx2 = toks[p.from + 2]?.norm;
      // "it is", "it has been", "it would be": no referent ("it would not accept": Armenia); "it was
      // suspending cooperation", "it was expelled" have one
      const verbal = (nx === 'is' || nx === 'was' || nx === "'s") && /(ing|ed)$/.test(nx2 ?? '') && nx2 !== 'expected' && nx2 !== 'believed' && nx2 !== 'reported' && nx2 !== 'feared';
      if (!verbal && (nx === 'has' ? nx2 === 'been' : nx === 'would' || nx === 'will' ? nx2 === 'be' : true)) return null;
    }
  }
  // "The treaty was signed in 1960. It grants India ...": a sentence-initial "it" after a sentence about a thing
  if (toks[p.from]!.norm === 'it' && mem.thingSubject && toks.slice(0, p.from).every((t) => t.punct)) return null;
  // "Tehran said the strike on its consulate in Damascus, which it blames on Israel, ...": inside a
  // relative clause, "it" is the sentence's subject rather than the last country named
  const lead = mem.sentenceLead;
  if (toks[p.from]!.norm === 'it' && lead && lead.length === 1 && !lead[0]!.isPerson && RELATIVE_WORDS.has(toks[p.from - 1]?.norm ?? '')) {
    const via = `pronoun 'it' in a relative clause -> the sentence's subject ${lead[0]!.name ?? lead[0]!.country}`;
    return corefChunk(p, lead, via);
  }
  // "Trump said the strike was Netanyahu's decision, and he spoke with the emir": 'he' or 'she' opening a
  // clause after ', and' goes on with the sentence's subject
  if (kind === 'person' && toks[p.from - 1]?.norm === 'and' && toks[p.from - 2]?.norm === ',' && lead && lead.length === 1 && lead[0]!.isPerson) {
    const via = `pronoun '${toks[p.from]!.text}' after ', and' -> the sentence's subject ${lead[0]!.name ?? lead[0]!.country}`;
    return corefChunk(p, lead, via);
  }
  // "Japan told Beijing it was concerned", "Biden told Netanyahu he would not take part": after
  // "told <someone>", the pronoun is the one who tells
  const told = toks.slice(Math.max(0, p.from - 6), p.from).findIndex((t) => t.norm === 'told');
  if (told >= 0 && lead && lead.length > 0) {
    const between = toks.slice(Math.max(0, p.from - 6) + told + 1, p.from);
    const fits = kind === 'person' ? lead.length === 1 && lead[0]!.isPerson : kind === 'group' ? lead.length === 1 && !lead[0]!.isPerson : true;
    if (between.length > 0 && fits && between.every((t) => t.cap || t.norm === 'the' || t.norm === "'s" || t.norm === '.' || t.norm === 'that')) {
      const via = `pronoun '${toks[p.from]!.text}' after 'told' -> the one who told, ${lead.map((m) => m.name ?? m.country).join(' and ')}`;
      return corefChunk(p, lead, via);
    }
  }
  // "Mali, Burkina Faso and Niger, which form the Alliance of Sahel States, said they were recalling":
  // a plural subject of the sentence is what 'they' stands for, before anything named in between
  // ("the defence chiefs of the three countries agreed ... when they met": also a plural phrase that refers back)
  const plural = lead && new Set(lead.map((m) => m.country)).size > 1 ? lead : (mem.sentencePlural ?? null);
  if (toks[p.from]!.norm === 'they' && plural) {
    const via = `pronoun 'they' -> the sentence's subject ${plural.map((m) => m.name ?? m.country).join(' and ')}`;
    return corefChunk(p, plural, via);
  }
  for (let i = mem.recent.length - 1; i >= 0; i--) {
    const group = mem.recent[i]!;
    const a = group[0]!;
    if (kind === 'person' && !(group.length === 1 && a.isPerson)) continue;
    if (kind === 'group' && a.isPerson) continue;
    // "it" cannot stand for a compound ("Azerbaijan and Türkiye ... it"): no guess
    if (kind === 'group' && group.length > 1) return null;
    const via = `pronoun '${toks[p.from]!.text}' -> ${group.map((m) => m.name ?? m.country).join(' and ')}`;
    return corefChunk(p, group, via);
  }
  return null;
}

// "the kingdom", "the Nordic country", "the alliance", "the company": a definite description that
// refers back to the last actor of its kind
type Refers = 'country' | 'igo' | 'bus' | 'person' | 'korea' | 'office';
// "the minister", "the president": the last person named with an office of that kind
const TITLE_SECTORS: Record<string, readonly string[]> = {
  minister: ['GOV', 'MIL'],
  president: ['GOV'],
  premier: ['GOV'],
  chancellor: ['GOV'],
  ambassador: ['GOV'],
  envoy: ['GOV'],
  diplomat: ['GOV'],
  general: ['MIL'],
  commander: ['MIL'],
  king: ['GOV'],
  emir: ['GOV'],
};

/** The latest single person of the document whose sector fits a title ("the minister" -> Hakan Fidan). */
function personFor(noun: string, mem: DocMemory): ActorRef | null {
  const sectors = TITLE_SECTORS[noun];
  if (!sectors) return null;
  for (let i = mem.recent.length - 1; i >= Math.max(0, mem.recent.length - 6); i--) {
    const g = mem.recent[i]!;
    if (g.length === 1 && g[0]!.isPerson && sectors.includes(g[0]!.sector)) return g[0]!;
  }
  return null;
}

const DEFINITE: Record<string, Refers> = {
  minister: 'person',
  president: 'person',
  premier: 'person',
  chancellor: 'person',
  ambassador: 'person',
  envoy: 'person',
  diplomat: 'person',
  general: 'person',
  commander: 'person',
  king: 'person',
  emir: 'person',
  country: 'country',
  nation: 'country',
  kingdom: 'country',
  republic: 'country',
  emirate: 'country',
  sultanate: 'country',
  alliance: 'igo',
  bloc: 'igo',
  ministry: 'office',
  company: 'bus',
  firm: 'bus',
  manufacturer: 'bus',
  contractor: 'bus',
};
const NON_STATE = new Set(['IGO', 'NGO', 'IMG', 'MNC', '---']);
// kingdoms and emirates (facts): "the kingdom" can only be one of these
const KINGDOMS = new Set(['SAU', 'JOR', 'MAR', 'BHR', 'GBR', 'ESP', 'NLD', 'BEL', 'DNK', 'NOR', 'SWE', 'THA', 'KHM', 'BTN', 'LSO', 'SWZ', 'TON', 'MYS']);
const EMIRATES = new Set(['ARE', 'QAT', 'KWT']);

function definiteAt(lex: Lexicon, toks: readonly Token[], i: number, lowercase: boolean): { to: number; refers: Refers } | null {
  // "urged the North to stop": in news of the two Koreas, "the North" and "the South" are the states
  const half = toks[i + 1];
  if (half && (half.text === 'North' || half.text === 'South') && !toks[i + 2]?.cap && toks[i + 2]?.norm !== 'of' && toks[i + 2]?.norm !== '-') return { to: i + 2, refers: 'korea' };
  for (let j = i + 1; j <= Math.min(toks.length - 1, i + 3); j++) {
    const n = toks[j]!.norm;
    const refers = DEFINITE[n] ?? (n === 'state' && j > i + 1 ? 'country' : undefined);
    if (refers) {
      // "the country of Georgia", "the Republic of Korea": a name, not a reference
      const nx = toks[j + 1]?.norm;
      // (and "the country's president" is left to the home country of the document)
      if (nx === 'of' || nx === '-' || nx === "'s" || toks[j + 1]?.cap) return null;
      return { to: j + 1, refers };
    }
    // only plain modifiers in between ("the Nordic country", "the Gulf state", "the defence company")
    const t = toks[j]!;
    if (t.punct || !/^[\p{L}-]+$/u.test(t.text) || matchAt(lex, toks, j, lowercase)?.entries.some((e) => e.kind !== 'sector')) return null;
  }
  return null;
}

function definiteChunk(toks: readonly Token[], p: Piece, mem: DocMemory): Chunk | null {
  const noun = toks[p.to - 1]!.norm;
  if (p.refers === 'person') {
    const a = personFor(noun, mem);
    if (!a) return null;
    const text = toks.slice(p.from, p.to).map((t) => t.text).join(' ');
    return { from: p.from, to: p.to, members: [{ ...a, via: `'${text}' -> ${a.name ?? a.country}` }], head: p.to - 1, coref: true, placeOnly: false };
  }
  if (p.refers === 'korea') {
    const south = toks[p.from + 1]!.text === 'South';
    if (!mem.countryCounts.has('KOR') && !mem.countryCounts.has('PRK')) return null;
    if (mem.countryCounts.has('SDN') || mem.countryCounts.has('SSD')) return null;
    const text = toks.slice(p.from, p.to).map((t) => t.text).join(' ');
    const country = south ? 'KOR' : 'PRK';
    return { from: p.from, to: p.to, members: [{ country, sector: '', name: null, via: `'${text}' -> ${country} (the two Koreas)`, isPerson: false }], head: p.to - 1, coref: true, placeOnly: false };
  }
  // the referent is named in an earlier sentence, most often as its subject: "Saudi Arabia hosted
  // talks on Sudan. The kingdom urged ..." (not Sudan, the last country named)
  for (const group of [...mem.leads].reverse()) {
    if (group.length !== 1) continue;
    const a = group[0]!;
    const fits =
      p.refers === 'igo'
        ? a.country === 'IGO'
        : p.refers === 'office'
          ? (a.sector === 'GOV' || a.sector === 'MIL') && !a.isPerson && !NON_STATE.has(a.country)
        : p.refers === 'bus'
          ? a.sector === 'BUS'
          : !NON_STATE.has(a.country) && (noun !== 'kingdom' || KINGDOMS.has(a.country)) && (noun !== 'emirate' || EMIRATES.has(a.country));
    if (!fits) continue;
    const text = toks.slice(p.from, p.to).map((t) => t.text).join(' ');
    const member: ActorRef =
      p.refers === 'country'
        ? { country: a.country, sector: '', name: null, via: `'${text}' -> ${a.country}`, isPerson: false }
        : { ...a, isPerson: false, via: `'${text}' -> ${a.name ?? a.country}` };
    return { from: p.from, to: p.to, members: [member], head: p.to - 1, coref: true, placeOnly: false };
  }
  return null;
}

function topPair(mem: DocMemory, sides = false, not: readonly ActorRef[] = []): ActorRef[] | null {
  const top = [...mem.countryCounts.entries()].filter(([c]) => /^[A-Z]{3}$/.test(c) && c !== 'IGO' && !not.some((a) => a.country === c)).sort((a, b) => b[1] - a[1]);
  if (sides && top.length === 1) return [{ country: top[0]![0], sector: '', name: null, via: "'both sides' -> the only country named", isPerson: false }];
  if (top.length < 2) return null;
  return top.slice(0, 2).map(([c]) => ({ country: c, sector: '', name: null, via: "'the two countries' -> most mentioned countries", isPerson: false }));
}

const PERSON_PAIRS = new Set(['leaders', 'presidents', 'ministers', 'men', 'premiers', 'generals']);
const SIDE_NOUNS = new Set(['sides', 'parties', 'factions', 'rivals', 'adversaries']);
const ASKING = /^(urged|urges|urging|called|calls|asked|asks|pressed|presses|told|tells|encouraged|encourages|invited|invites|to|on|warned|warns)$/;
/** The last n persons named, of n countries ("the two generals" of a civil war: of one country, told apart by their sectors). */
function lastPersons(mem: DocMemory, n: number, via: string, sides = false): ActorRef[] | null {
  const found: ActorRef[] = [];
  const same = (f: ActorRef, a: ActorRef): boolean => f.country === a.country && (!sides || f.sector === a.sector);
  for (let i = mem.recent.length - 1; i >= 0 && i >= mem.recent.length - (2 * n + 2) && found.length < n; i--) {
    for (const a of mem.recent[i]!) {
      if (a.isPerson && /^[A-Z]{3}$/.test(a.country) && a.country !== 'IGO' && !found.some((f) => same(f, a))) found.push(a);
    }
  }
  return found.length === n ? found.map((a) => ({ ...a, via })) : null;
}

function lastTrio(mem: DocMemory): ActorRef[] | null {
  for (let i = mem.recent.length - 1; i >= 0; i--) {
    const countries = [...new Set(mem.recent[i]!.map((a) => a.country))].filter((c) => /^[A-Z]{3}$/.test(c) && c !== 'IGO');
    if (countries.length === 3) return countries.map((c) => ({ country: c, sector: '', name: null, via: "'the three countries' -> the last three named together", isPerson: false }));
  }
  return null;
}
