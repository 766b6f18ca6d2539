// the one place that orders the stages: ingest -> annotate -> resolve -> code.
import { type DateMention, type Sentence, type Token, annotate, isPastBeyond, resolveDates } from './annotate/index.js';
import type { Actor, AuxMode, CodedDoc, CodedEvent, Doc, Place, ResolvedDate, Span } from './core/index.js';
import { addDays, isCodable, stableId } from './core/index.js';
import { EXERCISE_RULES, type PatternIndex, type RawEvent, codeTokens, exerciseHost, loadPatterns } from './code/index.js';
import { type ActorRef, type Chunk, type Lexicon, findChunks, loadLexicon, matchAt, newMemory } from './resolve/index.js';
import { type WeaponsLexicon, loadWeapons } from './code/load-weapons.js';
import { extractTransfer } from './code/transfers.js';

export interface CoderOptions {
  /** Keep events with negated/hypothetical/historical markers (default true; eval drops them). */
  readonly keepModal?: boolean;
  /** Dictionaries folder (default: the package's data/). */
  readonly dataDir?: string;
  /**
   * Keep events with only one side known after every completion step (default false: most of them are
   * triggers whose other actor the coder could not find, and they are noise in dyad analysis).
   */
  readonly partial?: boolean;
  /**
   * Keep attacks and protests that name no actor and no known place ("hundreds of protesters marched",
   * "a bomb killed six"), for counting events by type (default false; partial implies it).
   */
  readonly actorless?: boolean;
}

export interface Coder {
  /** Codes one document: pure, no I/O. */
  codeDoc(doc: Doc): CodedDoc;
}

/** Loads the dictionaries once and returns a coder. */
export function createCoder(options: CoderOptions = {}): Coder {
  const lex = loadLexicon(options.dataDir);
  const patterns = loadPatterns(options.dataDir ? `${options.dataDir}/patterns` : undefined);
  const keepModal = options.keepModal ?? true;
  const partial = options.partial ?? false;
  const actorless = options.actorless ?? partial;
  const weapons = loadWeapons(options.dataDir);
  return {
    codeDoc: (doc) => {
      // a document in another language is not coded as English: no events rather than wrong ones
      if (!isCodable(doc)) return { id: doc.id, date: doc.date, title: doc.title, url: doc.url ?? null, source: doc.source ?? null, events: [] };
      const coded = codeDocument(doc, lex, patterns, keepModal, partial, actorless);
      return { ...coded, events: coded.events.map((e) => withTransfer(doc, e, weapons)) };
    },
  };
}

/** Attaches an arms-transfer record to a military event that concerns arms (issue 7). */
function withTransfer(doc: Doc, e: CodedEvent, weapons: WeaponsLexicon): CodedEvent {
  if (!e.context.includes('military') && e.type !== 'AID' && e.type !== 'AGREE' && e.type !== 'SUPPORT') return e;
  const explain: string[] = [];
  const transfer = extractTransfer(
    { text: doc.text, sentence: { start: e.evidence.start, end: e.evidence.end }, source: e.source, target: e.target, type: e.type, docDate: doc.date },
    weapons,
    explain,
  );
  if (!transfer) return e;
  const context = e.context.includes('military') ? e.context : [...e.context, 'military'];
  return { ...e, context, transfer, explain: [...e.explain, ...explain] };
}

function toActor(a: ActorRef | null, text: string, span: { start: number; end: number } | null, docText: string): Actor | null {
  if (!a) return null;
  return {
    code: a.country + a.sector,
    country: a.country,
    sector: a.sector,
    name: a.name,
    text: span ? docText.slice(span.start, span.end) : text,
    span,
  };
}

function documentDate(date: string | null): ResolvedDate {
  return date
    ? { value: date, granularity: 'day', kind: 'approximate', stated: false, text: null, span: null, reason: 'document date' }
    : { value: null, granularity: 'day', kind: 'unresolved', stated: false, text: null, span: null, reason: 'no document date' };
}

const SPEECH = new Set(['said', 'says', 'told', 'added', 'stated', 'declared', 'insisted', 'stressed', 'noted', 'wrote', 'tweeted', 'explained', 'announced', 'warned', 'urged', 'according']);

/** In a quotation with a named speaker ("We will respond," the minister said), we and I are the speaker. */
function attributeQuotes(s: Sentence, chunks: Chunk[]): Chunk[] {
  const toks = s.tokens;
  if (!toks.some((t) => t.text === '"' || t.text === '“' || t.text === '”')) return chunks;
  let speaker: Chunk | null = null;
  for (const c of chunks) {
    if (c.coref) continue;
    const after = toks[c.to]?.norm ?? '';
    const before = toks[c.from - 1]?.norm ?? '';
    if (SPEECH.has(after) || SPEECH.has(before) || (before === 'to' && toks[c.from - 2]?.norm === 'according')) speaker = c;
  }
  if (!speaker) return chunks;
  const who = speaker;
  return chunks.map((c) => {
    const n = toks[c.from]?.norm;
    if (!c.coref || (n !== 'we' && n !== 'i')) return c;
    return { ...c, members: who.members.map((m) => ({ ...m, via: `'${toks[c.from]!.text}' in a quotation -> the speaker` })) };
  });
}

const ATTRIBUTION = new Set(['said', 'says', 'told', 'reported', 'reports', 'added', 'stated', 'announced']);

const OUTPOSTS = new Set(['embassy', 'embassies', 'consulate', 'mission', 'base', 'bases', 'ambassador', 'troops', 'forces', 'soldiers', 'army', 'military', 'navy']);
const PLACE_PREPS = new Set(['in', 'at', 'across', 'throughout', 'near', 'outside']);
const VISIT_VERBS = new Set(['visit', 'visits', 'visited', 'visiting', 'toured', 'tours', 'touring']);
const PLACE_HEADS = new Set(['city', 'town', 'village', 'port', 'region', 'province', 'district', 'capital', 'island', 'state', 'enclave', 'area']);

/** Every place named in the sentence with in/at/across/throughout/near/outside or after a visit verb, with its character offset. */
function placesOf(lex: Lexicon, s: Sentence, lowercase: boolean): { place: Place; at: number }[] {
  const toks = s.tokens;
  const out: { place: Place; at: number }[] = [];
  for (let i = 0; i < toks.length - 1; i++) {
    const n = toks[i]!.norm;
    // ("visited Baku", "toured Kyiv": the visited place is where the visit happened)
    if (!PLACE_PREPS.has(n) && !VISIT_VERBS.has(n)) continue;
    let j = i + 1;
    // "outside of the Iraqi city of Basra"
    if (n === 'outside' && toks[j]?.norm === 'of') j++;
    if (toks[j]?.norm === 'the') j++;
    // "in the Iraqi city of Basra", "near the northern town of Kidal": the name after 'of'
    for (let k = j; k < Math.min(toks.length - 2, j + 3); k++) {
      if (PLACE_HEADS.has(toks[k]!.norm) && toks[k + 1]?.norm === 'of') {
        j = k + 2;
        break;
      }
    }
    const m = matchAt(lex, toks, j, lowercase);
    if (!m) continue;
    // "at the US embassy in Baghdad": a country's embassy or base is no place of that country
    if (OUTPOSTS.has(toks[m.to]?.norm ?? '')) continue;
    // ", relief officials in Nairobi said": the place of the source of the report, not of the event
    if (toks.slice(m.to, m.to + 3).some((t) => ATTRIBUTION.has(t.norm))) continue;
    const at = toks[i]!.start;
    const city = m.entries.find((e) => e.kind === 'city');
    if (city) {
      out.push({ place: { name: city.name, country: city.code, lat: city.lat ?? null, lon: city.lon ?? null }, at });
      continue;
    }
    const ctry = m.entries.find((e) => e.kind === 'country' && (e.sub === 'name' || e.sub === 'alt'));
    if (ctry) {
      const cap = lex.capitals.get(ctry.code);
      out.push({ place: { name: lex.countryNames.get(ctry.code) ?? ctry.name, country: ctry.code, lat: cap?.lat ?? null, lon: cap?.lon ?? null }, at });
    }
  }
  return out;
}

/** The place named nearest to a trigger: "Since the Quran was burned in Stockholm, protests took place across Turkey". */
function nearestPlace(places: readonly { place: Place; at: number }[], at: number): Place | null {
  let best: Place | null = null;
  let dist = Number.POSITIVE_INFINITY;
  for (const p of places) {
    const d = Math.abs(p.at - at);
    if (d < dist) {
      dist = d;
      best = p.place;
    }
  }
  return best;
}

/** The country of a dateline such as "ISLAMABAD –" or "KHARTOUM:" at the start of the text. */
function datelineCountry(lex: Lexicon, s: Sentence | undefined): string | null {
  if (!s) return null;
  const toks = s.tokens;
  for (let i = 0; i < Math.min(3, toks.length); i++) {
    const t = toks[i]!;
    if (t.text !== t.text.toUpperCase() || t.punct) continue;
    const m = matchAt(lex, toks.map((x) => ({ norm: x.norm, cap: true })), i, true);
    const e = m?.entries.find((x) => x.kind === 'city' || (x.kind === 'country' && x.sub === 'capital'));
    if (m && e) {
      const nx = toks[m.to]?.text ?? '';
      if (/^[-–—:,(]$/.test(nx) || nx === '') return e.code;
    }
  }
  return null;
}

// "MOSCOW (Sputnik) - ", "NIAMEY, Dec. 22 (Xinhua) -- ", "KHARTOUM: ", "Yerevan, (APP - ...) ": a dateline, not an actor
const DATELINE = /^\s*(?:[A-Z][A-Z .'-]{2,40}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:,? ?[A-Z][a-z]{2}\.? \d{1,2})?,? ?(?:\([^)\n]{1,120}\))? ?(?:-{1,2}|–|—|:)\s+/;

/** Offset where the story starts after a dateline, 0 when there is none. */
export function datelineEnd(text: string): number {
  const m = DATELINE.exec(text.slice(0, 200));
  if (!m) return 0;
  // a dateline is all capitals, or carries an agency in brackets
  // capitals, an agency in brackets, or a short place name before a colon ("New Delhi: ")
  return /^\s*[A-Z][A-Z .'-]{2,}/.test(m[0]) || m[0].includes('(') || /^\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?:\s/.test(m[0]) ? m[0].length : 0;
}

export function codeDocument(doc: Doc, lex: Lexicon, patterns: PatternIndex, keepModal: boolean, partial = false, actorless = partial): CodedDoc {
  const ann = annotate(doc, datelineEnd(doc.text));
  const mem = newMemory(doc.date, ann.lowercase);
  const ranked = countryRanking(lex, ann.sentences, ann.lowercase);
  mem.home = datelineCountry(lex, ann.sentences[0]) ?? dominant(ranked);
  const dyad = mainDyad(ranked);
  mem.dyad = dyad !== null;
  const events: CodedEvent[] = [];
  // the host of the exercise the article is about, once a sentence names it
  let host: { actor: ActorRef; span: Span } | null = null;
  // the author of the last attack reported, for "condemned the attack" in a later sentence
  let lastAttacker: ActorRef | null = null;
  // the author of the last seizure or arrest reported, for "the White House condemned the seizure"
  let lastCoercer: ActorRef | null = null;
  // who released people last, for "ten Thai workers were also released"
  let lastReleaser: ActorRef | null = null;
  // the parties of the last agreement or concession reported, and the author of the last act, for
  // "the EU welcomed the deal" and "Paris condemned the decision" in a later sentence
  let lastDeal: ActorRef[] = [];
  let lastActor: ActorRef | null = null;
  // who made the last accusation, for "Moscow dismissed the reports as fabrications"
  let lastAccuser: ActorRef | null = null;
  for (const s of ann.sentences) {
    const chunks: Chunk[] = attributeQuotes(s, findChunks(lex, s.tokens, mem));
    const found = exerciseHost(s.tokens, chunks);
    const named = found?.host ?? null;
    if (named) host = { actor: named.members[0]!, span: { start: s.tokens[named.from]!.start, end: s.tokens[named.to - 1]!.end } };
    const coded = codeTokens(patterns, s.tokens, chunks);
    // an exercise between two named partners, neither of them the host, is another exercise
    if (!named && host && coded.some((r) => EXERCISE_RULES.has(r.rule) && r.source && r.targetSpan && !r.members.includes(host!.actor.country))) host = null;
    const raws = withHost(found ? [...coded, ...participants(s.tokens, chunks, found)] : coded, host, named !== null);
    if (raws.length === 0) continue;
    const places = placesOf(lex, s, ann.lowercase);
    const dates = resolveDates(doc.text, s.span, doc.date);
    const seen = new Set<string>();
    const sentence: CodedEvent[] = [];
    let targetlessAttacker: ActorRef | null = null;
    const done = raws.filter((r) => r.source && r.target);
    // members of one compound share what the context gives one of them ("The US, Japan and South Korea condemned")
    const sharedFill = new Map<number, RawEvent>();
    for (const r of raws) {
      if (r.source && !r.target) {
        const f = completeFromDyad(r, dyad, mem.home, doc.text);
        if (f.target) sharedFill.set(r.trigger.start, f);
      }
    }
    for (const raw0 of raws.flatMap((r) => referredParties(r, s.tokens, chunks, lastDeal, lastActor, lastAccuser, lastCoercer))) {
      const place = nearestPlace(places, raw0.trigger.start);
      let raw = raw0.source || raw0.target ? raw0 : fromDyad(raw0, dyad);
      raw = byPolice(raw, place?.country ?? mem.home);
      // an event with no actor at all is kept only for attacks and protests with a known place (or
      // when such events are asked for)
      if (!raw.source && !raw.target && !(ACTORLESS.has(raw.type) && (place || actorless))) continue;
      // a protest with no named protesters is by people of the place, against their government
      if (!raw.source && !raw.target && raw.type === 'PROTEST' && place?.country) {
        const people: ActorRef = { country: place.country, sector: 'CVL', name: null, via: `place of the protest (${place.name})`, isPerson: false };
        raw = { ...raw, source: people, target: { ...people, sector: 'GOV' }, explain: [...raw.explain, `protesters of ${place.country}, from the place of the protest`] };
      }
      // a one-sided reading of a trigger that another reading of the sentence completes is dropped
      if (!(raw.source && raw.target) && done.some((d) => d.type === raw.type && (raw.source ? d.source?.country === raw.source.country : d.target?.country === raw.target?.country))) continue;
      // (so is one whose other side is of no known country: "attacked a camp for Congolese refugees, killing 156 people")
      const unknownSide = raw.source?.country === '---' ? 'target' : raw.target?.country === '---' ? 'source' : null;
      if (unknownSide && done.some((d) => d !== raw0 && d.type === raw.type && d.source?.country !== '---' && d.target?.country !== '---' && (unknownSide === 'source' ? d.source?.country === raw.source?.country : d.target?.country === raw.target?.country))) continue;
      raw = referredAttacker(raw, s.tokens, lastAttacker, lastCoercer);
      // "asking the coast guard to let the boat go, but the Chinese forces did not comply": a refusal
      // answers the request made in the same sentence
      if (raw.type === 'REJECT' && raw.source && !raw.target) {
        const asked = raws.find((q) => q.type === 'REQUEST' && q.source && q.target?.country === raw.source!.country && q.source.country !== raw.source!.country);
        if (asked?.source) raw = { ...raw, target: asked.source, explain: [...raw.explain, `refuses the request made in the sentence by ${asked.source.country}`] };
      }
      // "Seoul's adviser warned that Seoul would reconsider": a state warning, accusing or asking itself
      // (a bare country on both sides) has its real target in the story's other country
      if (raw.source && raw.target && VERBAL_CONFLICT.has(raw.type) && (raw.target.sector === '' || raw.target.sector === 'CVL') && raw.source.sector !== 'CVL' && raw.source.country === raw.target.country && dyad?.includes(raw.source.country)) {
        raw = { ...raw, target: null, explain: [...raw.explain, `a target of the source's own country (${raw.target.country}) is no target`] };
      }
      let r = completeFromDyad(atHome(completeFromPlace(raw, place), mem.home), dyad, mem.home, doc.text);
      const shared = sharedFill.get(r.trigger.start);
      if (r.source && !r.target && shared?.target && shared.target.country !== r.source.country && shared.type === r.type) {
        r = { ...r, target: shared.target, confidence: shared.confidence, explain: [...r.explain, `target shared with the other members of the compound: ${shared.target.country}`] };
      }
      // "Hamas freed 13 hostages. Ten Thai workers were also released": a release with no agent is by the
      // releaser reported before
      if (r.type === 'RETREAT' && r.ploverMode === 'release' && !r.source && r.target && lastReleaser && lastReleaser.country !== r.target.country) {
        r = { ...r, source: { ...lastReleaser, via: 'the releaser reported before' }, confidence: lowered(r.confidence), explain: [...r.explain, `release with no agent: by ${lastReleaser.country}, the releaser reported before`] };
      }
      // ("Ecuadorian police stormed the embassy": an attack on no actor still has an author to condemn later)
      if (r.type === 'ASSAULT' && r.source && !r.target && r.source.country !== '---' && r.aux.length === 0) targetlessAttacker ??= r.source;
      if (!partial && !(r.noTarget && r.source) && (r.source === null) !== (r.target === null)) continue;
      // a country signing with, meeting, aiding or sanctioning itself (USA -> USA) is a misread pair
      if (r.source && r.target && INTERNATIONAL.has(r.type) && r.source.country === r.target.country && r.source.sector === r.target.sector) continue;
      // "Chinese President Xi received ... in China", "Iran's ambassador ... Iran": a country paired with
      // itself, one side a bare country name, is one actor read twice (a domestic event names two sectors)
      if (r.source && r.target && r.sourceSpan && r.targetSpan && !PHYSICAL.has(r.type) && r.source.country === r.target.country && (!r.source.sector || !r.target.sector)) continue;
      const ev = finish(doc, s, r, place, dates);
      if (!keepModal && ev.aux.some((a) => a !== 'intend')) continue;
      const key = `${ev.type}|${ev.source?.code}|${ev.target?.code}|${ev.mode}`;
      if (seen.has(key)) continue;
      seen.add(key);
      sentence.push(ev);
    }
    // "Russia freed Griner in exchange for Viktor Bout": a swap is a release by each side
    for (const ev of swapped(s.tokens, sentence)) sentence.push(ev);
    // "under a deal brokered by Qatar and Egypt": the mediators consult each party
    for (const m of mediations(s.tokens, chunks, sentence, lastDeal)) {
      const ev = finish(doc, s, m, nearestPlace(places, m.trigger.start), dates);
      if (!sentence.some((o) => o.type === ev.type && o.source?.code === ev.source?.code && o.target?.code === ev.target?.code)) sentence.push(ev);
    }
    // "a bombing killed one soldier and wounded two others": a reading with no actor, where the
    // sentence has an event of the same type that names them, is part of that event
    const withActor = (e: CodedEvent): boolean => e.source !== null || e.target !== null;
    for (const ev of sentence) if (withActor(ev) || !sentence.some((o) => o.type === ev.type && withActor(o))) events.push(ev);
    // what the next sentences may refer to ("the G7 condemned the attack"): the author of the first event
    // of each kind in the sentence (occurred, or only intended where allowed)
    const authorIn = (kind: (e: CodedEvent) => boolean, intended = false): ActorRef | null => {
      const e = sentence.find((x) => kind(x) && x.source && x.source.country !== '---' && (intended ? !x.aux.some((y) => y !== 'intend') : !x.aux.length));
      return e?.source ? remembered(e.source) : null;
    };
    lastCoercer = authorIn((e) => e.type === 'COERCE') ?? lastCoercer;
    lastReleaser = authorIn((e) => e.type === 'RETREAT' && e.ploverMode === 'release') ?? lastReleaser;
    // (an attack on no named actor is weaker: only while no attack on a named actor was reported; "helped
    // shoot down drones" is no such author)
    lastAttacker = authorIn((e) => e.type === 'ASSAULT') ?? (targetlessAttacker && !lastAttacker ? remembered(targetlessAttacker) : lastAttacker);
    // (a truce between a country's army and a rebel force too: two sectors of one country)
    const deal = sentence.find((e) => DEAL_TYPES.has(e.type) && !PRAISE_RULES.has(e.rule) && e.source && e.target && e.source.code !== e.target.code && !e.aux.some((y) => y !== 'intend'));
    if (deal?.source && deal.target) lastDeal = [remembered(deal.source), remembered(deal.target)];
    lastActor = authorIn(() => true, true) ?? lastActor;
    lastAccuser = authorIn((e) => e.type === 'ACCUSE', true) ?? lastAccuser;
  }
  return { id: doc.id, date: doc.date, title: doc.title, url: doc.url ?? null, source: doc.source ?? null, events: mergeMentions(events) };
}

const SYMMETRIC_TYPES = new Set(['CONSULT', 'AGREE', 'COOPERATE']);

/**
 * One event per real-world event in a document: later mentions of the same event (same type, same pair of
 * countries, unordered for the symmetric types, same date, same modality) are folded into the best one,
 * which is the one with a PLOVER mode ("visit"), then one with an arms-transfer record, then the most confident, then the first.
 */
export function mergeMentions(events: readonly CodedEvent[]): CodedEvent[] {
  const key = (e: CodedEvent): string => {
    let a = e.source?.country ?? '-';
    let b = e.target?.country ?? '-';
    if (SYMMETRIC_TYPES.has(e.type) && a > b) [a, b] = [b, a];
    // an AGREE is an intent already: "pledged" and "pledged to deliver" (intend) are one promise
    const aux = e.type === 'AGREE' ? e.aux.filter((x) => x !== 'intend') : e.aux;
    return [e.type, a, b, e.date.value ?? '', aux.join('+')].join('|');
  };
  // the kept mention is the one with a PLOVER mode, then an arms-transfer record, then the most confident
  const rank = (e: CodedEvent): number => (e.ploverMode ? 2 : 0) + (e.transfer ? 1 : 0) + e.confidence;
  // "police opened fire" and "a mob burnt six people" in one town are two events: mentions whose
  // sources name two different sectors are kept apart (a bare country and a sector may be one event;
  // the symmetric types are about the pair, whoever is named first)
  type Cluster = { sector: string; event: CodedEvent; mentions: number };
  const clusters = new Map<string, Cluster[]>();
  const of = new Map<CodedEvent, Cluster>();
  for (const e of events) {
    const k = key(e);
    const sec = SYMMETRIC_TYPES.has(e.type) ? '' : (e.source?.sector ?? '');
    const list = clusters.get(k) ?? [];
    clusters.set(k, list);
    const c = list.find((x) => x.sector === sec || x.sector === '' || sec === '');
    if (!c) {
      const fresh = { sector: sec, event: e, mentions: 1 };
      list.push(fresh);
      of.set(e, fresh);
      continue;
    }
    if (c.sector === '') c.sector = sec;
    c.mentions++;
    if (rank(e) > rank(c.event)) c.event = e;
    of.set(e, c);
  }
  const kept = new Set([...of.values()].map((c) => c.event));
  return events
    .filter((e) => kept.has(e))
    .map((e) => {
      const n = of.get(e)!.mentions;
      return n > 1 ? { ...e, explain: [...e.explain, `the document mentions this event ${n} times; one event is kept`] } : e;
    });
}

/** Countries of the document by number of mentions (names, adjectives, capitals, cities, organisations, persons). */
function countryRanking(lex: Lexicon, sentences: readonly Sentence[], lowercase: boolean): [string, number][] {
  const counts = new Map<string, number>();
  for (const s of sentences) {
    const toks = s.tokens;
    for (let i = 0; i < toks.length; ) {
      const m = matchAt(lex, toks, i, lowercase);
      if (!m) {
        i++;
        continue;
      }
      const e = m.entries.find((x) => x.kind !== 'sector');
      const c = e?.code.slice(0, 3);
      if (c && c !== 'IGO' && c !== 'NGO' && c !== 'MNC' && c !== 'IMG' && c !== '---') counts.set(c, (counts.get(c) ?? 0) + 1);
      i = m.to;
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** The home country when one country clearly dominates the document. */
function dominant(ranked: [string, number][]): string | null {
  const [top, second] = ranked;
  if (!top) return null;
  if (second && second[1] * 2 > top[1]) return null;
  return top[0];
}

/** The document's main pair of countries: the two most mentioned, when the second is mentioned at least twice. */
function mainDyad(ranked: [string, number][]): [string, string] | null {
  const [top, second] = ranked;
  if (!top || !second || second[1] < 2) return null;
  return [top[0], second[0]];
}

/** A confidence lowered for a side taken from context (never under 0.1), on a scale of hundredths. */
const lowered = (c: number, by = 0.2): number => Math.max(0.1, Math.round((c - by) * 100) / 100);

/** An actor of no known country ('---') placed in the given one. */
const localized = (a: ActorRef | null, country: string, via: string): ActorRef | null => (a && a.country === '---' ? { ...a, country, via } : a);

// refusals, threats and sanctions: no side is taken from the article's main pair
const UNSAID = new Set(['REJECT', 'THREATEN', 'SANCTION']);
// events done to people and places, where a bare country side may stand for its people
const PHYSICAL = new Set(['PROTEST', 'COERCE', 'ASSAULT', 'MOBILIZE']);
const INTERNATIONAL = new Set(['SUPPORT', 'CONSULT', 'AGREE', 'COOPERATE', 'AID', 'SANCTION']);
const DYADIC = new Set(['SUPPORT', 'AGREE', 'CONSULT']);

/**
 * A cooperative event with no actor in its sentence, in an article about a pair of countries, is
 * theirs: "A memorandum was signed at the close of the meeting", "plans to sign several MoUs".
 */
function fromDyad(r: RawEvent, dyad: [string, string] | null): RawEvent {
  if (!dyad || !DYADIC.has(r.type)) return r;
  const mk = (c: string): ActorRef => ({ country: c, sector: '', name: null, via: "the document's main dyad", isPerson: false });
  return {
    ...r,
    source: mk(dyad[0]),
    target: mk(dyad[1]),
    confidence: lowered(r.confidence, 0.3),
    explain: [...r.explain, `no actor in the sentence: the document's main dyad ${dyad[0]}-${dyad[1]}`],
  };
}

/**
 * An attack or arrest without a stated agent takes the country where it happened as its source
 * ("ten Russian soldiers were killed in Ukraine", "a Japanese man was detained in Beijing").
 */
function completeFromPlace(r: RawEvent, place: Place | null): RawEvent {
  if (!place?.country) return r;
  // protesters or gunmen of no named country act where they are
  const via = `place of the event (${place.name})`;
  if ((r.source?.country === '---' || r.target?.country === '---') && (r.type === 'PROTEST' || r.type === 'ASSAULT' || r.type === 'COERCE' || ((r.type === 'AID' || r.type === 'AGREE') && r.target?.country === '---'))) {
    r = { ...r, source: localized(r.source, place.country, via), target: localized(r.target, place.country, via), explain: [...r.explain, `unknown country: ${place.country} from the place of the event, ${place.name}`] };
  }
  // "Israeli jets struck targets in Lebanon": an attack abroad is on the country where it happened;
  // "food aid to refugees in Liberia", "deployed troops in Lebanon": so are aid and deployments
  if ((r.type === 'ASSAULT' || r.type === 'AID' || r.rule === 'mobilize/001' || (r.type === 'AGREE' && r.rule.startsWith('aid/'))) && r.source && !r.target && place.country !== r.source.country) {
    const tgt: ActorRef = { country: place.country, sector: '', name: null, via: `place of the event (${place.name})`, isPerson: false };
    return { ...r, target: tgt, confidence: lowered(r.confidence), explain: [...r.explain, `target not stated: ${place.country} from the place of the event, ${place.name}`] };
  }
  // "protesters rallied outside the Russian embassy in Tbilisi": unnamed protesters are people of the place
  if (!r.source && r.target && r.type === 'PROTEST') {
    const people: ActorRef = { country: place.country, sector: 'CVL', name: null, via: `place of the protest (${place.name})`, isPerson: false };
    return { ...r, source: people, confidence: lowered(r.confidence), explain: [...r.explain, `protesters of ${place.country}, from the place of the protest, ${place.name}`] };
  }
  if (r.source || !r.target || place.country === r.target.country) return r;
  if (r.type !== 'ASSAULT' && r.type !== 'COERCE') return r;
  const src: ActorRef = { country: place.country, sector: r.type === 'COERCE' ? 'GOV' : '', name: null, via: `place of the event (${place.name})`, isPerson: false };
  return { ...r, source: src, confidence: lowered(r.confidence), explain: [...r.explain, `source not stated: ${place.country} from the place of the event, ${place.name}`] };
}

// (not REQUEST: a government urging its own citizens is common and domestic)
const VERBAL_CONFLICT = new Set(['ACCUSE', 'THREATEN', 'REJECT']);
const DEAL_TYPES = new Set(['SUPPORT', 'AGREE', 'RETREAT', 'CONCEDE', 'COOPERATE']);
// praise, welcome, endorsement, recognition, approval: a reaction to a deal, not a deal of its own
const PRAISE_RULES = new Set(['support/004', 'support/005', 'support/006', 'support/007', 'support/009', 'support/011', 'support/015']);
// what both parties made: welcoming it supports each of them
const DEAL_NOUNS = new Set(['signing', 'agreement', 'agreements', 'deal', 'accord', 'accords', 'pact', 'treaty', 'ceasefire', 'truce', 'armistice', 'declaration', 'swap', 'exchange', 'breakthrough', 'rapprochement', 'normalisation', 'normalization', 'reconciliation', 'settlement']);
// what one actor did: welcoming or condemning it is aimed at its author
const ACT_NOUNS = new Set(['decision', 'move', 'step', 'announcement', 'expulsion', 'expulsions', 'ban', 'arrest', 'arrests', 'detention', 'sentence', 'verdict', 'execution', 'executions', 'crackdown', 'release', 'withdrawal', 'offer', 'proposal', 'initiative', 'measures', 'restrictions', 'sanctions', 'seizure', 'closure', 'suspension', 'recognition', 'reforms']);
// what an accuser said: dismissing it rejects the accuser
const CLAIM_NOUNS = new Set(['idea', 'proposal', 'proposals', 'suggestion', 'offer', 'plan', 'initiative', 'report', 'reports', 'claim', 'claims', 'accusation', 'accusations', 'allegation', 'allegations', 'charge', 'charges', 'criticism', 'letter', 'statement', 'remarks', 'comments', 'assertion', 'assertions']);
const PROPOSALS = new Set(['idea', 'proposal', 'proposals', 'suggestion', 'offer', 'plan', 'initiative']);
const REFERRING = /^(the|this|these|that|such|latest|recent|new|historic|landmark|long-awaited|peace|ceasefire|prisoner|prisoners|bilateral|trilateral|joint|two|countries|countries'|sides'|two-day|weekend|unilateral|sudden|surprise|government's|junta's|court's|last|week's|day's|monday's|tuesday's|wednesday's|thursday's|friday's|saturday's|sunday's)$/;

/**
 * "Armenia and Azerbaijan signed a peace deal. The EU welcomed the deal": a welcome of a deal reported
 * before (or of "the agreement between X and Y") supports each of its parties; a welcome or a
 * condemnation of "the decision" or "the move" is aimed at the author of the last act reported.
 */
/** An actor of a coded event kept for later sentences to refer back to. */
const remembered = (a: Pick<Actor, 'country' | 'sector' | 'name'>): ActorRef => ({ country: a.country, sector: a.sector, name: a.name, via: '', isPerson: false });

/** Index of the first token after the trigger of r (a trigger may span several words). */
function afterTrigger(r: RawEvent, toks: readonly Token[]): number {
  let k = r.triggerIndex + 1;
  while (k < toks.length && toks[k]!.start < r.trigger.end) k++;
  return k;
}

function referredParties(r: RawEvent, toks: readonly Token[], chunks: readonly Chunk[], deal: readonly ActorRef[], actor: ActorRef | null, accuser: ActorRef | null, coercer: ActorRef | null = null): RawEvent[] {
  if ((r.type !== 'SUPPORT' && r.type !== 'ACCUSE' && r.type !== 'REJECT') || !r.source || r.target) return [r];
  const src = r.source;
  // the object starts after the trigger ("expressed grave concern over the treaty": after 'over')
  const end = afterTrigger(r, toks);
  // (inside the trigger first: "called the move a violation")
  const headAt = (from: number): number => {
    let j = from;
    while (j < toks.length && j <= from + 3 && REFERRING.test(toks[j]!.norm)) j++;
    return j > from && (DEAL_NOUNS.has(toks[j]?.norm ?? '') || ACT_NOUNS.has(toks[j]?.norm ?? '') || CLAIM_NOUNS.has(toks[j]?.norm ?? '')) ? j : -1;
  };
  // ("balked at this idea": after a preposition right after a one-word trigger too)
  const later = /^(over|about|at|on|of|for|to)$/.test(toks[end]?.norm ?? '') ? end + 1 : -1;
  const start = headAt(r.triggerIndex + 1) < 0 && later > 0 && headAt(later) >= 0 ? later : r.triggerIndex + 1;
  let k = start;
  while (k < toks.length && k <= start + 3 && REFERRING.test(toks[k]!.norm)) k++;
  const head = toks[k]?.norm ?? '';
  // "China deplores this strongly": a bare demonstrative stands for the act reported before
  const after = toks[r.triggerIndex + 2]?.norm ?? '.';
  const bare = /^(this|that|it|them)$/.test(toks[r.triggerIndex + 1]?.norm ?? '') && (/ly$/.test(after) || /^[.,;:!?"”’]$/.test(after) || /^(and|as|but|in|a|an)$/.test(after));
  if (bare && r.type === 'ACCUSE' && actor && actor.country !== r.source.country && actor.country !== '---') {
    return [{ ...r, target: { ...actor, via: 'the author of the act reported before' }, confidence: lowered(r.confidence), explain: [...r.explain, `'${toks[r.triggerIndex + 1]!.text}' refers back: target ${actor.country}, the author of the act reported before`] }];
  }
  // "... and the United States also praised it": the deal reported before, each of its parties
  if (bare && r.type === 'SUPPORT' && deal.length > 0) {
    const parties = deal.filter((a, i) => a.country !== src.country && a.country !== '---' && deal.findIndex((b) => b.country === a.country) === i);
    if (parties.length > 0) return parties.map((a) => ({ ...r, target: { ...a, via: 'a party of the deal reported before' }, confidence: lowered(r.confidence), explain: [...r.explain, `'${toks[r.triggerIndex + 1]!.text}' refers back: target ${a.country}, a party of the deal reported before`] }));
  }
  if (k === start) return [r];
  let parties: ActorRef[] = [];
  let why = '';
  if (DEAL_NOUNS.has(head) && r.type !== 'REJECT') {
    // "the agreement between Armenia and Azerbaijan": the parties follow 'between'
    const between = toks[k + 1]?.norm === 'between' ? chunks.filter((c) => c.from > k + 1 && c.from <= k + 8 && !c.placeOnly).flatMap((c) => c.members) : [];
    parties = between.length >= 2 ? [...between] : [...deal];
    why = between.length >= 2 ? `the parties of the ${head} named after 'between'` : `the parties of the ${head} reported before`;
  } else if (CLAIM_NOUNS.has(head) && r.type === 'REJECT' && toks[k + 1]?.norm !== 'by' && toks[k + 1]?.norm !== 'of') {
    // what was alleged rejects the accuser; what was proposed ("balked at this idea") its author
    // ("France and the UK have suggested ..., but Moscow has balked at this idea": the proposers named
    // before in the same sentence)
    const proposers = PROPOSALS.has(head) ? chunks.filter((c) => toks[c.to - 1]!.end <= r.trigger.start && !c.placeOnly && c.from <= 1 && c.members.every((m) => m.country !== src.country)).slice(0, 1).flatMap((c) => c.members) : [];
    const who = PROPOSALS.has(head) ? actor : accuser;
    if (proposers.length > 0) parties = [...proposers];
    else if (who) parties = [who];
    why = `the author of the ${head} reported before`;
  } else if (ACT_NOUNS.has(head) && r.type !== 'REJECT' && actor && !(toks[k + 1]?.norm === 'by' || toks[k + 1]?.norm === 'of')) {
    // ("condemned the seizure": the author of the last seizure or arrest, when one was reported)
    const seizure = COERCION_REFERENCES.has(head) && coercer;
    parties = [seizure ? coercer : actor];
    why = `the author of the ${head} reported before`;
  }
  parties = parties.filter((a, i) => a.country !== src.country && a.country !== '---' && parties.findIndex((b) => b.country === a.country) === i);
  if (parties.length === 0) return [r];
  return parties.map((a) => ({ ...r, target: { ...a, via: why }, confidence: lowered(r.confidence), explain: [...r.explain, `'${toks[k]!.text}' refers back: target ${a.country}, ${why}`] }));
}

const COERCION_REFERENCES = new Set(['seizure', 'seizures', 'detention', 'detentions', 'arrest', 'arrests', 'hijacking', 'capture', 'kidnapping', 'abduction', 'expulsion', 'expulsions', 'blockade']);
/**
 * "Hamas freed 13 hostages and Israel released 39 prisoners, under a deal brokered by Qatar and Egypt":
 * a mediator named after "brokered by" or "mediated by" consults each party of the deal, the actors of
 * the sentence's other events or else of the deal reported before (PLOVER CONSULT, mode third-party).
 */
function mediations(toks: readonly Token[], chunks: readonly Chunk[], sentence: readonly CodedEvent[], deal: readonly ActorRef[]): RawEvent[] {
  // "brokered by Qatar", "talks hosted by China", "with the mediation of the UAE" (but "a Turkish-brokered
  // deal" names the broker only as a modifier: annotators leave it out, and so do we)
  const after = toks.findIndex((t, k) => toks[k + 1]?.norm === 'by' && (/^(brokered|mediated)$/.test(t.norm) || (t.norm === 'hosted' && toks.slice(Math.max(0, k - 6), k).some((w) => TALKS.test(w.norm)))));
  const of = toks.findIndex((t, k) => t.norm === 'mediation' && toks[k + 1]?.norm === 'of');
  const at = after >= 0 ? after : of;
  if (at < 0) return [];
  const mediator = chunks.find((c) => c.from >= at + 2 && c.from <= at + 4 && !c.placeOnly);
  if (!mediator) return [];
  const by = new Set(mediator.members.map((m) => m.country));
  const named: ActorRef[] = [];
  for (const e of sentence) {
    for (const a of [e.source, e.target]) {
      if (a && a.country !== '---' && !by.has(a.country) && !named.some((n) => n.country === a.country)) named.push({ country: a.country, sector: a.sector === 'CVL' ? '' : a.sector, name: a.sector === 'CVL' ? null : a.name, via: 'a party of the deal', isPerson: false });
    }
  }
  const parties = named.length > 0 ? named : deal.filter((a) => !by.has(a.country));
  const trigger = { start: toks[at]!.start, end: toks[at + 1]!.end };
  const span = { start: toks[mediator.from]!.start, end: toks[mediator.to - 1]!.end };
  return mediator.members.flatMap((m) =>
    parties.map((p) => ({
      type: 'CONSULT' as const,
      cameo: '045',
      ploverMode: 'third-party',
      aux: [],
      context: ['diplomatic'],
      source: m,
      target: { ...p, via: 'a party of the deal mediated' },
      sourceSpan: span,
      members: [m.country, p.country],
      targetSpan: null,
      trigger,
      triggerIndex: at,
      rule: 'consult/mediator',
      confidence: 0.6,
      explain: [`'${toks[at]!.text}' by '${phraseOf(toks, mediator)}': the mediator consults each party of the deal (${p.country})`],
      noTarget: false,
    })),
  );
}

/** A release "in exchange for" or "in return for" someone: the other side releases too. */
function swapped(toks: readonly Token[], sentence: readonly CodedEvent[]): CodedEvent[] {
  const at = toks.findIndex((t, k) => t.norm === 'in' && /^(exchange|return)$/.test(toks[k + 1]?.norm ?? '') && toks[k + 2]?.norm === 'for');
  if (at < 0) return [];
  const out: CodedEvent[] = [];
  for (const e of sentence) {
    if (e.type !== 'RETREAT' || e.ploverMode !== 'release' || !e.source || !e.target || e.source.country === e.target.country) continue;
    if (sentence.some((o) => o.type === 'RETREAT' && o.source?.country === e.target!.country && o.target?.country === e.source!.country)) continue;
    out.push({ ...e, id: stableId(`${e.id}|swap`), source: e.target.sector === 'CVL' ? { ...e.target, sector: '', code: e.target.country } : e.target, target: e.source, explain: [...e.explain, "'in exchange for': the other side releases too"] });
  }
  return out;
}

const TALKS = /^(talks|negotiations|meeting|meetings|summit|consultations|round|rounds)$/;
const phraseOf = (toks: readonly Token[], c: Chunk): string => toks.slice(c.from, c.to).map((t) => t.text).join(' ');

const ATTACK_REFERENCES = new Set(['attack', 'attacks', 'firing', 'shooting', 'shootings', 'massacre', 'ambush', 'bombardment', 'strike', 'strikes', 'airstrike', 'airstrikes', 'assault', 'invasion', 'bombing', 'bombings', 'shelling', 'raid', 'raids', 'offensive', 'killing', 'killings', 'incursion']);

/**
 * "Iran fired drones at Israel. The G7 condemned the attack": a condemnation of "the attack" with no
 * target of its own is aimed at the author of the attack the article last reported.
 */
function referredAttacker(r: RawEvent, toks: readonly Token[], lastAttacker: ActorRef | null, coercer: ActorRef | null): RawEvent {
  if ((r.type !== 'ACCUSE' && r.type !== 'THREATEN') || !r.source || r.target) return r;
  // "condemned the attack"; "reserves the right to respond to this unlawful act", "will respond to the strike"
  let from = r.triggerIndex + 1;
  if (r.type === 'THREATEN') {
    from = afterTrigger(r, toks);
    if (!/^(to|for|against)$/.test(toks[from]?.norm ?? '')) return r;
    from++;
  }
  let k = from;
  while (k < toks.length && k <= from + 3 && /^(the|this|these|that|such|latest|recent|weekend's|sunday's|unlawful|illegal|brazen|deadly|cowardly|heinous|hideous|drone|missile|rocket|air|["'‘’“”])$/.test(toks[k]!.norm)) k++;
  if (k === from) return r;
  // ("condemned the seizure", "the detention": the author of the last seizure or arrest)
  const seizure = COERCION_REFERENCES.has(toks[k]?.norm ?? '');
  if (!seizure && !(ATTACK_REFERENCES.has(toks[k]?.norm ?? '') || (toks[k]?.norm === 'act' && r.type === 'THREATEN'))) return r;
  const attacker = seizure ? coercer : lastAttacker;
  if (!attacker || attacker.country === r.source.country) return r;
  const what = seizure ? 'seizure or arrest' : 'attack';
  const target: ActorRef = { ...attacker, via: `the author of the ${what} reported before (${attacker.country})` };
  return { ...r, target, confidence: lowered(r.confidence), explain: [...r.explain, `'${toks[k]!.text}' refers to the ${what} reported before: its author ${attacker.country} is the target`] };
}

/**
 * An arrest with no stated agent ("five activists were arrested", "arrests were made") is made by the
 * police of the country where it happened, or of the article's home country; the people arrested are
 * of that country unless the sentence names them.
 */
function byPolice(r: RawEvent, country: string | null): RawEvent {
  if (r.source || !r.agentless || r.type !== 'COERCE' || r.cameo !== '173' || !country) return r;
  const police: ActorRef = { country, sector: 'COP', name: null, via: 'an arrest with no stated agent is made by the police', isPerson: false };
  const target = r.target ?? { country, sector: '', name: null, via: 'the people arrested, of the country where it happened', isPerson: false };
  return { ...r, source: police, target, confidence: lowered(r.confidence), explain: [...r.explain, `arrest with no stated agent: the police of ${country}`] };
}

/**
 * Police, protesters or gunmen of no named country in an attack, arrest or protest with no known
 * place act in the article's home country ("police opened fire" in a story about India).
 */
function atHome(r: RawEvent, home: string | null): RawEvent {
  if (!home || !PHYSICAL.has(r.type) || (r.source?.country !== '---' && r.target?.country !== '---')) return r;
  const via = "the document's home country";
  return { ...r, source: localized(r.source, home, via), target: localized(r.target, home, via), explain: [...r.explain, `unknown country: ${home}, the document's home country`] };
}

/**
 * Fills an event's missing side from the document's main dyad: news often names one side and leaves the
 * other to the context ("Germany pledged another package of military aid" in a story about Ukraine).
 */
function completeFromDyad(r: RawEvent, dyad: [string, string] | null, home: string | null, text: string): RawEvent {
  // who attacked whom is never guessed from the article's topic
  if ((r.source && r.target) || (r.type === 'ASSAULT' && dyad)) return r;
  // a resignation or a missile test has no target by nature
  if (r.noTarget && r.source) return r;
  const known = r.source ?? r.target;
  if (!known) return r;
  let other: string | null = null;
  // "the SBU said it had detained two people suspected of spying for Hungary": people of no named country
  // arrested by a state are, by default, its own people (not the story's other country)
  if (r.type === 'COERCE' && r.cameo === '173' && r.source && !r.target && r.source.country !== '---' && UNNAMED_PEOPLE.test(text.slice(r.trigger.end, r.trigger.end + 60))) {
    const own: ActorRef = { country: r.source.country, sector: 'CVL', name: null, via: 'people of no named country arrested by their own state', isPerson: false };
    return { ...r, target: own, confidence: lowered(r.confidence), explain: [...r.explain, `people of no named country arrested: ${r.source.country}'s own`] };
  }
  // who is refused, warned or sanctioned is said in the sentence when it matters; the article's
  // pair is a poor guess for these (measured on news_dev and our samples: mostly wrong)
  // (but a country that recalls its own ambassador, or downgrades or cuts relations, does so with the
  // other country of the story)
  const guess = !UNSAID.has(r.type) || (r.type === 'SANCTION' && !!r.source && /^(recall|downgrad|sever|cut|break|broke|suspend)/i.test(text.slice(r.trigger.start, r.trigger.end)) && /relations|ties|ambassador|envoy|diplomats/i.test(text.slice(r.trigger.start, r.trigger.end)));
  if (guess && dyad && known.country === dyad[0]) other = dyad[1];
  else if (guess && dyad && known.country === dyad[1]) other = dyad[0];
  else if (!dyad && home && known.country === home && known.sector && DOMESTIC.has(r.type)) other = home;
  // a protest with no target is aimed at its own country's authorities
  if (!other && r.type === 'PROTEST' && r.source && !r.target && r.source.country !== '---') other = r.source.country;
  if (!other || (other !== known.country && r.members.includes(other))) return r;
  const filled: ActorRef = { country: other, sector: '', name: null, via: 'the document\'s main dyad', isPerson: false };
  const why = `${r.source ? 'target' : 'source'} not stated in the sentence: ${other} from the document's main ${dyad ? 'dyad' : 'country'}`;
  return {
    ...r,
    source: r.source ?? filled,
    target: r.target ?? filled,
    confidence: lowered(r.confidence),
    explain: [...r.explain, why],
  };
}

const UNNAMED_PEOPLE = /^\s+(?:(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|several|dozens of|hundreds of|thousands of|more than \d[\d,]*)\s+)?(?:people|men|women|persons|individuals|suspects|activists)\b/i;

// material events worth recording even when no actor is named ("a bomb exploded in the market")
const ACTORLESS = new Set(['ASSAULT', 'PROTEST']);
const DOMESTIC = new Set(['COERCE', 'ASSAULT', 'PROTEST', 'REQUEST', 'REJECT', 'THREATEN', 'CONCEDE', 'RETREAT', 'MOBILIZE']);

/**
 * Participants of a multinational exercise pair with its host, not with each other: "the US and
 * Chinese forces joined maneuvers that Brazil leads" is BRA–USA and BRA–CHN; "troops from eight
 * countries take part in the maneuvers" pairs each with the host named earlier in the article.
 */
function withHost(raws: RawEvent[], host: { actor: ActorRef; span: Span } | null, here: boolean): RawEvent[] {
  if (!host) return raws;
  const out: RawEvent[] = [];
  const h = host.actor;
  // "the US and China joined maneuvers that Brazil leads": with the host in the sentence, the
  // participants' pair among themselves is no event
  const withH = (r: RawEvent): boolean => r.source?.country === h.country || r.target?.country === h.country;
  const hosted = new Set(raws.filter((r) => EXERCISE_RULES.has(r.rule) && withH(r)).map((r) => r.trigger.start));
  for (const r of raws) {
    if (here && hosted.has(r.trigger.start) && !withH(r)) continue;
    if ((!EXERCISE_RULES.has(r.rule) && r.rule !== 'cooperate/participants') || !r.source || withH(r)) {
      out.push(r);
      continue;
    }
    const why = `participant of an exercise hosted by ${h.country}${here ? '' : ' (named earlier in the document)'}`;
    // a pair read from a compound subject ("US and Chinese troops took part") has no target phrase of its own
    const parties = r.target && (here || !r.targetSpan) ? [r.source, r.target] : r.target ? [] : [r.source];
    if (parties.length === 0) {
      out.push(r);
      continue;
    }
    for (const a of parties) {
      out.push({ ...r, source: a, target: h, targetSpan: here ? host.span : null, members: [a.country, h.country], explain: [...r.explain, why] });
    }
  }
  return out;
}

/**
 * "NATO is holding an exercise that brings together soldiers from Sweden, Finland and Norway": the
 * troops of other countries named after the exercise take part in it (COOPERATE, paired with the
 * host by withHost).
 */
function participants(toks: readonly Token[], chunks: readonly Chunk[], found: { host: Chunk; at: number }): RawEvent[] {
  const out: RawEvent[] = [];
  const h = found.host.members[0]!;
  for (const c of chunks) {
    if (c === found.host || c.from < found.at || c.coref) continue;
    // troops, forces or navies of the participants; a country named alone may be where, not who
    if (!c.members.some((m) => m.sector === 'MIL')) continue;
    for (const m of c.members) {
      if (m.country === h.country || m.country === '---') continue;
      out.push({
        type: 'COOPERATE',
        cameo: '062',
        ploverMode: '',
        aux: [],
        context: ['military'],
        source: { ...m, sector: m.sector || 'MIL' },
        target: null,
        sourceSpan: { start: toks[c.from]!.start, end: toks[c.to - 1]!.end },
        members: c.members.map((x) => x.country),
        targetSpan: null,
        trigger: { start: toks[found.at]!.start, end: toks[found.at]!.end },
        triggerIndex: found.at,
        rule: 'cooperate/participants',
        noTarget: false,
        confidence: 0.6,
        explain: [`'${toks[c.from]!.text} ...' named after the exercise '${toks[found.at]!.text}': a participant`],
      });
    }
  }
  return out;
}

/** The date mention closest to the trigger (a following one wins ties: "met on Tuesday"). */
function nearestDate(dates: readonly DateMention[], at: number, reference: string | null, text = ''): DateMention | null {
  let best: DateMention | null = null;
  let dist = Number.POSITIVE_INFINITY;
  // news reports what happened or is planned soon: a date years ahead is not the event's ("in 25 years")
  const horizon = reference ? addDays(reference, 400) : null;
  for (const d of dates) {
    if (d.date.kind === 'unresolved') continue;
    if (horizon && d.date.value && d.date.value > horizon) continue;
    // "would lift restrictions that Congress imposed in 1992": a later date inside a relative clause
    // dates that clause, not the event
    if (d.span.start >= at && RELATIVE.test(text.slice(at, d.span.start))) continue;
    // ("Iraq and Oman, which hosted talks in 2021, also welcomed the deal": so does an earlier date inside
    // a relative clause that closes before the trigger)
    if (d.span.end <= at && /, (which|who|whom|whose|where) [^,;.]*$/.test(text.slice(Math.max(0, d.span.start - 200), d.span.start)) && /^[^,;.]*,/.test(text.slice(d.span.end, at))) continue;
    const gap = d.span.start >= at ? d.span.start - at : (at - d.span.end) * 1.5;
    if (gap < dist) {
      dist = gap;
      best = d;
    }
  }
  return best;
}

// (also a relative clause with no pronoun: "the duties it imposed three years ago")
const RELATIVE = /\b(that|which|who|whom|whose)\b|\b(it|they)\s+(had\s+)?[a-z]+ed\b/i;

// background older than this many days before the document date is historical
const HISTORICAL_DAYS = 120;

function finish(doc: Doc, s: Sentence, r: RawEvent, place: Place | null, dates: readonly DateMention[]): CodedEvent {
  const text = doc.text;
  const source = toActor(r.source, '', r.sourceSpan, text);
  const target = toActor(r.target, '', r.targetSpan, text);
  const aux: AuxMode[] = [...r.aux];
  const mention = nearestDate(dates, r.trigger.start, doc.date, doc.text);
  const date = mention ? mention.date : documentDate(doc.date);
  const explain = [...r.explain, `date: ${mention ? `'${mention.text}' ` : ''}${date.reason}${date.value ? ` -> ${date.value}` : ''}`];
  if (mention && isPastBeyond(mention.date, doc.date, HISTORICAL_DAYS) && !aux.includes('historical')) {
    aux.push('historical');
    explain.push(`historical: the date is more than ${HISTORICAL_DAYS} days before the document date`);
  }
  const mode = [r.ploverMode, ...aux].filter(Boolean).join(',');
  return {
    id: stableId(doc.id, s.span.start, r.trigger.start, r.type, source?.code ?? '', target?.code ?? ''),
    type: r.type,
    cameo: r.cameo,
    mode,
    ploverMode: r.ploverMode,
    aux,
    context: r.context,
    source,
    target,
    date,
    location: place,
    evidence: {
      text: text.slice(s.span.start, s.span.end),
      start: s.span.start,
      end: s.span.end,
      trigger: { text: text.slice(r.trigger.start, r.trigger.end), start: r.trigger.start, end: r.trigger.end },
    },
    confidence: r.confidence,
    rule: r.rule,
    explain,
  };
}
