// codes the events of one sentence: triggers from the pattern index, actors from the chunks, modality.
import type { AuxMode, Plover, Span } from '../core/index.js';
import type { Token } from '../annotate/tokens.js';
import type { ActorRef, Chunk } from '../resolve/actors.js';
import { modalityOf } from './modality.js';
import type { Pattern, PatternIndex } from './patterns.js';

/** An event found in a sentence, before dates, places and ids are attached. */
export interface RawEvent {
  readonly type: Plover;
  readonly cameo: string | null;
  readonly ploverMode: string;
  readonly aux: readonly AuxMode[];
  readonly context: readonly string[];
  readonly source: ActorRef | null;
  readonly target: ActorRef | null;
  readonly sourceSpan: Span | null;
  /** Countries of every member of the source and target phrases (a compound names several). */
  readonly members: readonly string[];
  readonly targetSpan: Span | null;
  readonly trigger: Span;
  readonly triggerIndex: number;
  readonly rule: string;
  readonly confidence: number;
  readonly explain: readonly string[];
  /** The pattern expects no target (resignations, missile tests). */
  readonly noTarget: boolean;
  /** The pattern holds its object inside its gap ("called the strikes an act of war"). */
  readonly inner?: boolean;
  /** A passive with no agent ("five men were arrested"). */
  readonly agentless?: boolean;
}

const BE = new Set(['is', 'are', 'was', 'were', 'been', 'being', 'be', "'s", 'got', 'get', 'gets', 'getting']);
// words that end the search for an argument: another clause starts there.
const HARD_STOP = new Set([';', 'said', 'says', 'told', 'while', 'but', 'whereas', 'although', 'though', 'because', 'after', 'before', 'when', 'which', 'who', 'whom', 'where', 'adding', 'saying', 'amid', '"', '“', '”', 'since', 'until', 'as']);
const DEFAULT_PREPS = new Set(['-', 'with', 'to', 'on', 'against', 'toward', 'towards', 'upon', 'into', 'for', 'from']);
const PREPS = new Set(['besides', 'except', 'beside', 'around', 'off', 'in', 'at', 'on', 'to', 'with', 'against', 'from', 'for', 'of', 'by', 'into', 'toward', 'towards', 'upon', 'between', 'among', 'near', 'outside', 'inside', 'across', 'over', 'under', 'through', 'about', 'during', 'via', 'within', 'beyond', 'including', 'like', 'than', 'amid', 'behind', 'per']);
const DISASTER = new Set(['tsunami', 'earthquake', 'quake', 'volcano', 'eruption', 'flood', 'floods', 'flooding', 'landslide', 'landslides', 'cyclone', 'hurricane', 'typhoon', 'storm', 'blaze', 'wildfire', 'leak', 'crash', 'accident', 'collision', 'derailment', 'avalanche', 'heatwave', 'drought', 'stampede', 'collapse', 'collapsed', 'mudslide', 'tornado', 'lightning', 'disaster', 'rain', 'rains', 'torrential', 'downpour', 'boiler', 'boilers', 'cylinder', 'cylinders', 'solvents']);
const VERB_MARKERS = new Set(['to', 'will', 'would', 'could', 'might', 'may', 'must', 'should', 'shall', 'can', "'ll", 'not', "n't"]);
const HARMFUL = new Set<Plover>(['ASSAULT', 'COERCE', 'SANCTION', 'RETREAT', 'MOBILIZE']);
const OFFICIAL = new Set(['GOV', 'MIL', 'JUD', 'LEG', 'COP', 'SPY', 'GOVMIL']);
const OPENING_SUBORD = new Set(['after', 'before', 'when', 'while', 'since', 'although', 'though', 'once', 'if', 'because', 'until', 'following', 'whereas']);
const SUBORD = new Set(['after', 'before', 'while', 'when', 'since', 'although', 'though', 'following', 'despite', 'as', 'once', 'having']);
const SPEECH = new Set(['said', 'says', 'confirmed', 'told', 'added', 'stated', 'reported', 'announced', 'noted', 'insisted', 'claimed', 'explained', 'wrote', 'tweeted', 'declared', 'quoted', 'say', 'warned', 'stressed', 'argued']);
// verbal types whose target may sit inside the object ("rejected the proposal of X")
const VERBAL = new Set<Plover>(['ACCUSE', 'REJECT', 'SUPPORT', 'REQUEST', 'THREATEN']);
const SPOKEN = new Set<Plover>(['THREATEN', 'ACCUSE', 'REQUEST', 'REJECT', 'AGREE']);
const SYMMETRIC = new Set<Plover>(['CONSULT', 'AGREE', 'COOPERATE']);
// future forms of these types are promises (AGREE); of these, threats (THREATEN). An announced
// concession (lifting sanctions, dropping a complaint) or withdrawal stays a concession (CONCEDE),
// as ONTOLOGY.md and our sample conventions have it.
const TO_AGREE = new Set<Plover>(['CONSULT', 'SUPPORT', 'COOPERATE', 'AID']);
const PLEDGE = new Set(['pledged', 'pledges', 'offered', 'offers', 'announced']);
const TO_THREATEN = new Set<Plover>(['ASSAULT', 'COERCE', 'SANCTION', 'PROTEST']);

interface Hit {
  p: Pattern;
  from: number;
  to: number;
  /** End of the trigger with its required word ("halted .. aid"): the extent that can contain other triggers. */
  reach: number;
  /** Index of the required word ("troops" in "sent .. troops"), or -1. */
  req: number;
}

/** Finds pattern matches in the tokens: longest first, non-overlapping per start. */
export function findTriggers(idx: PatternIndex, toks: readonly Token[], chunks: readonly Chunk[] = []): Hit[] {
  // an actor phrase inside a gap counts as one word: "a ceasefire between Israel and Hezbollah took effect"
  const chunkEnd = new Map<number, number>();
  for (const c of chunks) chunkEnd.set(c.from, c.to);
  // words of a phrase naming a person ("Turkish Defence Minister Yasar Guler"), but its head
  // (the head stays: "expelled the Swedish ambassador")
  let inPerson: Set<number> | undefined;
  for (const c of chunks) {
    if (c.to - c.from < 2 || !c.members.some((m) => m.isPerson)) continue;
    inPerson ??= new Set<number>();
    for (let k = c.from; k < c.to; k++) if (k !== c.head) inPerson.add(k);
  }
  const hits: Hit[] = [];
  for (let i = 0; i < toks.length; i++) {
    const cands = idx.byFirst.get(toks[i]!.norm);
    if (!cands) continue;
    for (const p of cands) {
      const end = matchSlots(p, toks, i, chunkEnd);
      if (end < 0) continue;
      if (p.not && vetoed(p, toks, i, end)) continue;
      const req = p.requires ? required(p, toks, end, i, inPerson) : end - 1;
      if (req < 0) continue;
      // two alternatives of one pattern matching the same words are one hit
      if (hits.some((x) => x.p.id === p.id && x.from === i && x.to === end)) continue;
      hits.push({ p, from: i, to: end, reach: Math.max(end, req + 1), req: p.requires ? req : -1 });
    }
  }
  // a hit inside a longer one is dropped: "lifted .. sanctions" is a concession, not a sanction;
  // "halted economic aid" a sanction, not aid
  hits.sort((a, b) => a.from - b.from || b.reach - b.from - (a.reach - a.from));
  // a required word after another trigger belongs to that trigger's clause: in "sent messages asking
  // the navy to stop", "navy" does not make "sent" a deployment
  const live = hits.filter(
    (o) =>
      !(
        o.req >= o.to &&
        hits.some(
          (h) =>
            h !== o &&
            h.from >= o.to &&
            h.from < o.req &&
            o.req >= h.to &&
            // "release the detained man": a trigger after a determiner is a modifier inside the object;
            // "the withdrawal of invasion forces": a noun inside the object is no clause either
            !DET.has(toks[h.from - 1]?.norm ?? '') &&
            !(h.p.noun && !/(ed|ing)$/.test(toks[h.from]!.norm) && !PAST.has(toks[h.from]!.norm)),
        )
      ),
  );
  return live.filter(
    (h) =>
      !live.some(
        (o) =>
          o !== h &&
          o.from <= h.from &&
          o.reach >= h.reach &&
          o.reach - o.from > h.reach - h.from &&
          // a pattern with a required word is more specific than a bare one at the same word:
          // "pledged $100 million to Syria" is aid, not a promise
          // ("handed over its military sites": a longer trigger spelled out from the same word wins too)
          (o.p.plover === h.p.plover || h.from > o.from || h.p.noun || (!!o.p.requires && !h.p.requires) || (o.from === h.from && o.to > h.to && !!h.p.requires && !o.p.requires)),
      ),
  );
}

function matchSlots(p: Pattern, toks: readonly Token[], i: number, chunkEnd: ReadonlyMap<number, number>): number {
  let j = i;
  for (let s = 0; s < p.slots.length; s++) {
    const slot = p.slots[s];
    if (slot === null) {
      const nextSlot = p.slots[s + 1]!;
      // an "object" pattern needs something in the gap: "wants Putin to", not "wants to"
      let k = p.object ? j + 1 : j;
      // ... and "want to express thanks to Japan" is no object: the infinitive comes first
      if (p.object && nextSlot.has(toks[j]?.norm ?? '')) return -1;
      let found = -1;
      // quotation marks do not count as words: 'vowed a "harsh" response'; an object pattern
      // ("ordered .. to") allows a longer object: "ordered the opposition newspaper La Prensa to"
      // ("called the North Korean missile launch a provocation": an inner pattern holds a whole object phrase)
      let limit = j + (p.object || p.inner ? 6 : 4);
      while (k < toks.length && k <= limit) {
        if (nextSlot.has(toks[k]!.norm)) {
          found = k;
          break;
        }
        if (toks[k]!.norm === '.' || toks[k]!.norm === ';') break;
        // "told Erdogan he would like to see": a new clause starts inside the gap
        if ((p.object || p.inner) && (CLAUSE_OPEN.has(toks[k]!.norm) || toks[k]!.norm === ',')) break;
        if (QUOTE.has(toks[k]!.norm)) limit++;
        const jump = chunkEnd.get(k);
        // (unless the next word of the trigger is inside the phrase: "summoned India's chargé d'affaires")
        if (jump && jump - k > 1 && !toks.slice(k, jump).some((t) => nextSlot.has(t.norm))) {
          limit += jump - k - 1;
          k = jump;
          continue;
        }
        k++;
      }
      if (found < 0) return -1;
      j = found;
      continue;
    }
    if (j >= toks.length || !slot!.has(toks[j]!.norm)) return -1;
    j++;
  }
  return j;
}

function vetoed(p: Pattern, toks: readonly Token[], from: number, to: number): boolean {
  // around the trigger and inside its gaps ("held joint drills"), but not on its own first and last word
  for (let k = Math.max(0, from - 3); k < Math.min(toks.length, to + 3); k++) {
    if (k === from || k === to - 1) continue;
    if (p.not!.has(toks[k]!.norm)) return true;
  }
  return false;
}

/**
 * Index of the required word within 10 tokens after the trigger, or, for a passive ("the document was
 * signed"), within 6 tokens before it; -1 when there is none.
 */
function required(p: Pattern, toks: readonly Token[], end: number, from: number, inPerson?: ReadonlySet<number>): number {
  // "ordered .. ambassador .. leave": the required word may be part of the trigger itself
  // (a one-word trigger does not satisfy itself: "grants India control" is no grant of aid)
  if (end - from > 1) for (let k = from; k < end; k++) if (p.requires!.has(toks[k]!.norm)) return end - 1;
  for (let k = end; k < Math.min(toks.length, end + 10); k++) {
    // "received Turkish Defence Minister Guler": a word of a person's title is not the required noun
    if (inPerson?.has(k)) continue;
    if (p.requires!.has(toks[k]!.norm)) return k;
    if (toks[k]!.norm === ';') break;
  }
  if (BE.has(toks[from - 1]?.norm ?? '') || BE.has(toks[from - 2]?.norm ?? '')) {
    for (let k = from - 1; k >= Math.max(0, from - 10); k--) if (p.requires!.has(toks[k]!.norm)) return end - 1;
  }
  return -1;
}

// participles of verbs that always take an object: right after a noun, with no object, they are passive
const TRANSITIVE_PARTICIPLES = new Set(['arrested', 'detained', 'nabbed', 'apprehended', 'jailed', 'imprisoned', 'killed', 'injured', 'wounded', 'murdered', 'abducted', 'kidnapped', 'lynched', 'executed', 'deported', 'expelled', 'booked']);

/** "31 people arrested near Lucknow", "the two militants killed in the raid": a reduced relative clause. */
function reducedRelative(toks: readonly Token[], from: number, to: number): boolean {
  if (to - from !== 1 || !TRANSITIVE_PARTICIPLES.has(toks[from]!.norm)) return false;
  const prev = toks[from - 1];
  const next = toks[to];
  if (!prev || prev.punct || !/^[a-z]+s$|^(people|men|women|children|police)$/.test(prev.norm) || FUNCTION_NOUNS.has(prev.norm)) return false;
  // "killed at least 18 people" is active
  if (next && next.norm === 'at' && /^(least|most)$/.test(toks[to + 1]?.norm ?? '')) return false;
  return !next || next.punct || PREPS.has(next.norm);
}
const FUNCTION_NOUNS = new Set(['was', 'has', 'is', 'its', 'his', 'this', 'us', 'as', 'yes', 'always', 'perhaps', 'afterwards', 'sources', 'reports', 'officials', 'authorities']);

const RELATIVE_PRONOUNS = new Set(['who', 'which', 'that', 'whom']);
/** Index of the word before the auxiliaries of the verb at i ("who had been [arrested]" gives "who"). */
function beforeAux(toks: readonly Token[], i: number): number {
  let k = i - 1;
  while (k >= 0 && (BE.has(toks[k]!.norm) || AUX.has(toks[k]!.norm) || toks[k]!.norm === 'not' || toks[k]!.norm.endsWith('ly'))) k--;
  return k;
}
/** "arrests have also been made": a nominal event made in the passive, with no agent. */
function madeAfter(toks: readonly Token[], i: number): boolean {
  let k = i;
  while (k < toks.length && (BE.has(toks[k]!.norm) || AUX.has(toks[k]!.norm) || toks[k]!.norm === 'also')) k++;
  return k > i && toks[k]?.norm === 'made' && toks[k + 1]?.norm !== 'by';
}

/** The subject of a passive with no agent is new news, not a relative clause or an unknown named person. */
function agentlessSubject(toks: readonly Token[], chunks: readonly Chunk[], i: number): boolean {
  const k = beforeAux(toks, i);
  return !RELATIVE_PRONOUNS.has(toks[k]?.norm ?? '') && !unknownName(toks, chunks, k);
}

/** A capitalised word inside the sentence that is no known actor or place. */
function unknownName(toks: readonly Token[], chunks: readonly Chunk[], k: number): boolean {
  const t = toks[k];
  return !!t && k > 0 && t.cap && !t.punct && !chunks.some((c) => c.from <= k && c.to > k);
}
const AUX = new Set(['had', 'has', 'have', 'will', 'would', 'could', 'may', 'might', 'must', 'should', 'shall', 'can']);

function isPassive(toks: readonly Token[], i: number, _p: Pattern): boolean {
  const w = toks[i]!.norm;
  if (w.endsWith('ing')) return false;
  if (!/(ed|en|wn|ld|nt|ght|ck|ut|et|ot|uck|ne)$/.test(w)) return false;
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const n = toks[k]!.norm;
    if (BE.has(n)) return true;
    if (!/ly$/.test(n) && n !== 'also' && n !== 'reportedly' && n !== 'allegedly' && n !== 'not' && n !== 'being') return false;
  }
  return false;
}

/** The preposition directly before a chunk (skipping determiners), or '-' for none. */
function prepBefore(toks: readonly Token[], c: Chunk): string {
  for (let k = c.from - 1; k >= Math.max(0, c.from - 3); k--) {
    const n = toks[k]!.norm;
    if (n === 'the' || n === 'a' || n === 'an' || MODS.has(n)) continue;
    return PREPS.has(n) ? n : '-';
  }
  return '-';
}
const PLACE_NOUNS = new Set(['city', 'town', 'village', 'region', 'province', 'port', 'district', 'island', 'capital', 'enclave']);
/** The preposition before "the city of": k is the index just before "city". */
function placeOfPrep(toks: readonly Token[], k: number): string {
  const n = toks[k]?.norm === 'the' ? toks[k - 1]?.norm : toks[k]?.norm;
  return n && PREPS.has(n) ? n : '-';
}
const MODS = new Set(['its', 'their', 'his', 'her', 'both', 'neighbouring', 'neighboring', 'fellow']);

function blocked(toks: readonly Token[], a: number, b: number, verbs: RegExp | null = NEXT_VERB): boolean {
  for (let k = a; k < b; k++) {
    if (HARD_STOP.has(toks[k]!.norm)) return true;
    // "expressed concern over the actions by Chinese vessels, and Australia called them ...": an object
    // does not cross into the next coordinated clause
    if (toks[k]!.norm === ',' && /^(and|but|while|whereas)$/.test(toks[k + 1]?.norm ?? '')) return true;
    // "welcomed the agreement and thanked China": nor into a second verb of the same subject
    // (only for hosts and praise: "was concerned by the allegations and urged India to ..." names the
    // target of the concern there)
    if (verbs && toks[k]!.norm === 'and' && k > a && verbs.test(toks[k + 1]?.norm ?? '')) return true;
    // "executed a protester convicted of attacking security forces": a reduced relative clause
    if (k > a && REDUCED_RELATIVE.has(toks[k]!.norm) && /^(of|for|with)$/.test(toks[k + 1]?.norm ?? '')) return true;
  }
  return false;
}
// past verbs (of judging, promising, meeting) that open a second predicate of the same subject after 'and'
const NEXT_VERB = /^(welcomed|condemned|praised|thanked|expressed|pledged|promised|vowed|signed|agreed|announced|accused|rejected|denied|reiterated|voiced|criticised|criticized|hailed|offered|invited|discussed|held|met|left|returned|travelled|traveled|flew|visited|described|dismissed|summoned|recalled)$/;
// (a host's guest is its direct object: no verb of saying or asking comes between them either)
const NEXT_VERB_OR_SAYING = new RegExp(`${NEXT_VERB.source}|^(urged|called|said|warned|added|asked|appealed|pressed|demanded|told|stressed|insisted|noted)$`);
const REDUCED_RELATIVE = new Set(['convicted', 'accused', 'charged', 'suspected', 'found', 'sentenced', 'jailed', 'arrested', 'detained', 'wanted']);

/** Start of the clause that holds token i: after the last clause boundary, skipping ", who/which ... ," asides. */
/** "PRISTINA, Sept. 30 (wire) — The United States ...": the dash that closes a dateline opening the sentence. */
function datelineDash(toks: readonly Token[], k: number): boolean {
  const first = toks[0]?.text ?? '';
  return k <= 14 && /^[A-Z][A-Z.'-]+$/.test(first) && first.length > 1 && (k === 1 || toks[k - 1]?.norm === ')' || /\d/.test(toks[k - 1]?.text ?? ''));
}

/** "MOSCOW (Sputnik - 25th July, 2023) On Tuesday ...": the parenthesis that closes a dateline. */
function datelineParen(toks: readonly Token[], k: number): boolean {
  if (k > 30 || !toks[0]?.cap) return false;
  const open = toks[1]?.norm === '(' ? 1 : toks[1]?.norm === ',' && toks[2]?.norm === '(' ? 2 : -1;
  return open > 0 && !toks.slice(open + 1, k).some((t) => t.norm === '(' || t.norm === ')');
}

function clauseStart(toks: readonly Token[], i: number): number {
  for (let k = i - 1; k >= 0; k--) {
    const n = toks[k]!.norm;
    if (DASH.has(n) && datelineDash(toks, k)) return k + 1;
    if (n === ')' && datelineParen(toks, k)) return k + 1;
    // "the UAE -- which had pledged money to Syria -- has sent": a dash or parenthesis aside is transparent
    if (n === ')' || DASH.has(n)) {
      const open = asideStart(toks, k);
      if (open >= 0) {
        k = open;
        continue;
      }
    }
    if (n === ',' && k > 0) {
      // an aside ", who ... ," or ", which ... ," that closes before i is transparent
      const open = asideOpening(toks, k);
      if (open >= 0) {
        k = open;
        continue;
      }
    }
    // "Athens has since sent tents": 'since' after an auxiliary is an adverb, not a clause
    if (n === 'since' && HAVE.has(toks[k - 1]?.norm ?? '')) continue;
    // "spoke in Kyiv after talks with his counterpart": 'after' right before the trigger noun is a preposition
    if ((n === 'after' || n === 'before') && k === i - 1) continue;
    if (HARD_STOP.has(n) || n === 'that' || n === ':') {
      // "Soon after Macron landed in Belgrade, Serbia signed": the main clause begins after the
      // subordinate clause's comma
      if (OPENING_SUBORD.has(n)) {
        for (let c = i - 1; c > k; c--) if (toks[c]!.norm === ',') return c + 1;
      }
      return k + 1;
    }
  }
  return 0;
}

/** When the dash or ')' at k closes an aside opened by a dash or '(', the index of the opening mark. */
function asideStart(toks: readonly Token[], k: number): number {
  const closer = toks[k]!.norm;
  let j = k - 1;
  while (j >= 0 && closer !== ')' && DASH.has(toks[j]!.norm)) j--; // "--" is two tokens
  for (; j >= Math.max(0, k - 25); j--) {
    const n = toks[j]!.norm;
    if (closer === ')' ? n === '(' : DASH.has(n)) {
      while (j > 0 && DASH.has(toks[j - 1]!.norm)) j--;
      return j;
    }
    if (n === ';' || n === ')' || n === '(') return -1;
  }
  return -1;
}

/** When the comma at k closes an aside opened by ", who|which|whose|where", the index of the opening comma. */
function asideOpening(toks: readonly Token[], k: number): number {
  for (let j = k - 1; j >= Math.max(0, k - 25); j--) {
    const n = toks[j]!.norm;
    if (n === ',' || n === '(') {
      const w = toks[j + 1]?.norm;
      // ", as a NATO ally,": an apposition too
      if (w === 'as' && ['a', 'an', 'the'].includes(toks[j + 2]?.norm ?? '')) return j;
      return w === 'who' || w === 'which' || w === 'whose' || w === 'where' || w === 'whom' ? j : -1;
    }
    if (n === ';' || n === '"' || n === '“' || n === '”') return -1;
  }
  return -1;
}

function inAside(toks: readonly Token[], at: number, from: number, to: number): boolean {
  // the chunk at `at` lies inside an aside between from and to
  for (let k = at; k < to; k++) {
    if (toks[k]!.norm === ',' && asideOpening(toks, k) >= from && asideOpening(toks, k) < at) return true;
  }
  // "the UAE -- which had pledged money to Syria -- has sent", "Baykar (a Turkish firm) said":
  // a stretch between dashes or in parentheses that closes before the trigger
  const dash = (k: number): boolean => DASH.has(toks[k]!.norm) && (k === 0 || !/^\w/.test(toks[k - 1]!.norm) || toks[k - 1]!.end < toks[k]!.start);
  let opened = false;
  for (let k = at - 1; k >= from; k--) {
    if (toks[k]!.norm === '(' || dash(k)) {
      opened = true;
      break;
    }
    if (toks[k]!.norm === ')') break;
  }
  if (!opened) return false;
  for (let k = at; k < to; k++) if (toks[k]!.norm === ')' || dash(k)) return true;
  return false;
}

const HAVE = new Set(['has', 'have', 'had', "'ve"]);
const HABITUAL = /^(routinely|regularly|habitually|traditionally|usually|customarily|frequently|often)$/;
const MISSION_NOUNS = new Set(['mission', 'delegation', 'embassy', 'office', 'representative', 'envoy']);
const DASH = new Set(['-', '—', '–', '--']);
const CONTROL = new Set(['urge', 'urged', 'urges', 'urging', 'ask', 'asked', 'asks', 'asking', 'press', 'pressed', 'presses', 'want', 'wants', 'wanted', 'tell', 'told', 'tells', 'allow', 'allowed', 'allows', 'force', 'forced', 'forces', 'order', 'ordered', 'orders', 'help', 'helped', 'helps', 'invite', 'invited', 'invites', 'encourage', 'encouraged', 'encourages', 'persuade', 'persuaded', 'call', 'called', 'calls', 'expect', 'expects', 'expected', 'let', 'lets', 'instruct', 'instructed', 'instructing', 'demand', 'demanded', 'demands', 'compel', 'compelled']);

function subjectOf(toks: readonly Token[], chunks: readonly Chunk[], from: number, exclude: Chunk | null): Chunk | null {
  const start = clauseStart(toks, from);
  const cands: Chunk[] = [];
  let oblique: Chunk | null = null;
  let agent: Chunk | null = null;
  for (const ch of chunks) {
    if (ch.to > from || ch === exclude || ch.from < start) continue;
    if (ch.placeOnly) continue;
    if (inAside(toks, ch.from, start, from)) continue;
    // "a cargo of India's rocket launchers has arrived": a possessor is not the subject, its noun is
    // (but "Tehran's mission to the United Nations said": the possessor of a diplomatic body speaks)
    if (toks[ch.to]?.norm === "'s" && ch.to + 1 < from && !(MISSION_NOUNS.has(toks[ch.to + 1]?.norm ?? '') && !chunks.some((c) => c.from === ch.to + 1))) continue;
    // "a bombing killed one US soldier and wounded two others": the object of an earlier verb is not the subject
    if (toks[from - 1]?.norm === 'and' && objectOfVerb(toks, ch)) continue;
    const prep = prepBefore(toks, ch);
    if (prep === '-' || prep === 'between') cands.push(ch);
    else if ((prep === 'of' || prep === 'to' || prep === 'for') && !oblique) oblique = ch;
    else if (prep === 'by') agent = ch;
  }
  // "a camp was attacked by militiamen, killing 156 people": the participle's subject is the agent
  if (cands.length === 0 && agent && toks[from - 1]?.norm === ',' && toks[from]!.norm.endsWith('ing')) return agent;
  // "Zelenskiy, who had held talks with Erdogan": the subject of a relative clause is the phrase it follows
  if (cands.length === 0 && toks[start - 1]?.norm === 'who' && toks[start - 2]?.norm === ',') {
    const antecedent = chunks.find((c) => c.to === start - 2 && !c.placeOnly);
    if (antecedent && antecedent !== exclude) return antecedent;
  }
  if (cands.length === 0) {
    // "according to X, ..." names the source of a clause without a subject
    return oblique;
  }
  // "supplies that the EU claims Iran is sending": the subject of the reported clause follows the verb of saying
  for (let v = from - 1; v > start; v--) {
    if (!CLAIM_VERBS.has(toks[v]!.norm)) continue;
    const after = cands.filter((c) => c.from > v);
    if (after.length > 0 && after.length < cands.length) return after[0]!;
    break;
  }
  const nearest = cands[cands.length - 1]!;
  // "Japan told Beijing it was concerned, and the European Union urged all sides": a phrase right after
  // ", and" and right before the verb is the subject of the new clause
  if (cands.length > 1 && nearest.to <= from && toks.slice(nearest.to, from).every((t) => CLAUSE_GLUE.has(t.norm))) {
    let k = nearest.from - 1;
    while (k >= 0 && (toks[k]!.norm === 'the' || MODS.has(toks[k]!.norm))) k--;
    if (toks[k]?.norm === 'and' && toks[k - 1]?.norm === ',') return nearest;
  }
  // object control: "X urged Y to attack Z" -> Y attacks; "X said Y would ..." is another clause already
  if (cands.length > 1 && toks[from - 1]?.norm === 'to' && nearest.to >= from - 2) {
    const verb = toks[nearest.from - 1]?.norm ?? '';
    if (CONTROL.has(verb) || CONTROL.has(toks[nearest.from - 2]?.norm ?? '')) return nearest;
  }
  return cands[0]!;
}

const CLAUSE_GLUE = new Set(['also', 'has', 'have', 'had', 'later', 'then', 'separately', 'meanwhile', 'too', 'itself', 'on', 'swiftly', 'quickly', 'immediately', 'publicly', 'formally', 'officially', 'strongly', 'sharply', 'repeatedly']);
const NUMBER_WORDS = /^(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|several|many|some|at|least)$/;
/** A chunk right after a past-tense verb (and numbers or determiners): "killed one US soldier". */
// past forms that end in neither -ed nor -ing ("met the president and signed ...")
const PAST_VERBS = new Set(['met', 'held', 'hit', 'struck', 'sent', 'told', 'gave', 'took', 'made', 'shot', 'beat', 'fought', 'won', 'lost', 'led', 'brought', 'bought', 'sold', 'sought', 'caught', 'saw', 'left']);
const CLAIM_VERBS = new Set(['claims', 'claimed', 'believes', 'believed', 'alleges', 'insists', 'insisted', 'thinks', 'fears', 'feared', 'argues', 'argued', 'suspects', 'maintains', 'maintained']);

function objectOfVerb(toks: readonly Token[], ch: Chunk): boolean {
  let k = ch.from - 1;
  while (k >= 0 && (DET.has(toks[k]!.norm) || NUMBER_WORDS.test(toks[k]!.norm))) k--;
  const v = toks[k]?.norm ?? '';
  // "data showed the police had arrested ...": a phrase followed by its own verb is a clause's subject
  const next = toks[ch.to]?.norm ?? '';
  if (BE.has(next) || AUX.has(next) || /ed$/.test(next)) return false;
  return k >= 1 && (/ed$/.test(v) || PAST_VERBS.has(v)) && !DET.has(toks[k - 1]!.norm) && !BE.has(toks[k - 1]!.norm);
}

function objectOf(
  toks: readonly Token[],
  chunks: readonly Chunk[],
  to: number,
  p: Pattern,
  passive: boolean,
  triggerEnd = to,
): { chunk: Chunk; prep: string } | null {
  const preps = p.targetPreps ?? DEFAULT_PREPS;
  let fallback: { chunk: Chunk; prep: string } | null = null;
  let weak: { chunk: Chunk; prep: string } | null = null;
  for (const ch of chunks) {
    if (ch.from < to) continue;
    if (ch.from - to > 14) break;
    // the words of a gapped trigger ('vowed a "harsh" response') do not block what follows it
    if (blocked(toks, ch.from >= triggerEnd ? triggerEnd : to, ch.from, p.roles === 'os' ? NEXT_VERB_OR_SAYING : p.plover === 'SUPPORT' ? NEXT_VERB : null)) break;
    // the trigger's own noun is no party ("opened an embassy in Tehran": not "embassy")
    if (ch.to <= triggerEnd && ch.members.every((m) => m.country === '---') && p.slots.some((sl) => sl?.has(toks[ch.to - 1]!.norm))) continue;
    // ", a Jordanian official said": the speaker of a trailing report, not the target
    if (SPEECH.has(toks[ch.to]?.norm ?? '') || SPEECH.has(toks[ch.to + 1]?.norm ?? '')) break;
    // "a U.S.-brokered agreement": the broker of a deal is no party to it
    if (toks[ch.to]?.norm === '-' && /^(brokered|mediated)$/.test(toks[ch.to + 1]?.norm ?? '')) continue;
    const prep0 = prepBefore(toks, ch);
    // "withdrew from the city of Kherson": a place named after 'the city of' takes the preposition before it
    let prep = prep0 === 'of' && PLACE_NOUNS.has(toks[ch.from - 2]?.norm ?? '') ? placeOfPrep(toks, ch.from - 3) : prep0;
    // ("protested in front of the Russian embassy": 'in front of' is 'outside')
    if (prep === 'of' && /^(the|a|an)$/.test(toks[ch.from - 1]?.norm ?? '') && toks[ch.from - 3]?.norm === 'front' && toks[ch.from - 4]?.norm === 'in') prep = 'outside';
    if (passive && prep === 'by') continue;
    if (ch.placeOnly && !(p.placeTarget && (prep === '-' || prep === 'in' || prep === 'to' || prep === 'from' || prep === 'into'))) continue;
    if (preps.has(prep) || (p.placeTarget && prep === 'in')) {
      // "approved the sale of F-16 jets to Türkiye": a party of no country ("jets") gives way to a named one
      if (ch.members.every((m) => m.country === '---')) {
        weak ??= { chunk: ch, prep };
        continue;
      }
      return { chunk: ch, prep };
    }
    // "rejected calls by Belarus", "condemned the actions of Serbia": the actor behind the object
    if ((prep === 'of' || (prep === 'by' && !passive)) && !fallback && (VERBAL.has(p.plover) || (p.plover === 'PROTEST' && !p.self)) && ch.from - to <= 8) fallback = { chunk: ch, prep };
  }
  return weak ?? fallback;
}

function agentOf(toks: readonly Token[], chunks: readonly Chunk[], to: number): Chunk | null {
  for (const ch of chunks) {
    if (ch.from < to || ch.from - to > 8) continue;
    if (prepBefore(toks, ch) === 'by') return ch;
  }
  return null;
}

// nouns of an attack that name its means ("killed in Israeli strikes", "injured in police firing")
const ATTACK_NOUNS = new Set(['strike', 'strikes', 'airstrike', 'airstrikes', 'shelling', 'firing', 'fire', 'gunfire', 'attack', 'attacks', 'raid', 'raids', 'bombing', 'bombings', 'bombardment', 'assault', 'offensive', 'ambush', 'missile', 'missiles', 'drone', 'rocket', 'rockets', 'artillery', 'shells', 'bullets', 'action', 'crackdown']);

const CLASH_NOUNS = new Set(['clash', 'clashes', 'exchange', 'firefight', 'gunbattle', 'gunfight', 'encounter', 'fighting', 'skirmish', 'skirmishes', 'battle']);

/**
 * The attacker of a passive harm with no 'by': the actor of the attack it happened in ("were killed in
 * Israeli strikes", "died in police firing", "wounded during a Russian drone attack").
 */
function attackerOf(toks: readonly Token[], chunks: readonly Chunk[], to: number): Chunk | null {
  for (const ch of chunks) {
    if (ch.from < to || ch.from - to > 6 || ch.placeOnly) continue;
    const prep = prepBefore(toks, ch);
    // "killed in an exchange of fire with Pakistani troops", "in clashes with the army"
    if (prep === 'with' && toks.slice(Math.max(to, ch.from - 5), ch.from).some((t) => CLASH_NOUNS.has(t.norm))) return ch;
    if (prep !== 'in' && prep !== 'during' && prep !== 'from' && prep !== 'by') continue;
    if (ATTACK_NOUNS.has(toks[ch.to]?.norm ?? '') || (ATTACK_NOUNS.has(toks[ch.to + 1]?.norm ?? '') && /^[a-z-]+$/.test(toks[ch.to]?.norm ?? ''))) return ch;
  }
  return null;
}

/** "the attack on the embassy": a phrase after on/against that follows an attack noun. */
function victimOfReferencedAttack(toks: readonly Token[], c: Chunk): boolean {
  let k = c.from - 1;
  while (k >= 0 && DET.has(toks[k]!.norm)) k--;
  if (toks[k]?.norm !== 'on' && toks[k]?.norm !== 'against') return false;
  k--;
  while (k >= 0 && /^[a-z-]+$/.test(toks[k]!.norm) && !ATTACK_NOUNS.has(toks[k]!.norm) && k > c.from - 6) k--;
  const w = toks[k]?.norm ?? '';
  return ATTACK_NOUNS.has(w) || w === 'killing' || w === 'killings' || w === 'storming';
}

/** "talks between X and Y": the chunk after 'between'. */
function betweenOf(toks: readonly Token[], chunks: readonly Chunk[], to: number): Chunk | null {
  for (const ch of chunks) {
    if (ch.from < to || ch.from - to > 6) continue;
    if (prepBefore(toks, ch) === 'between') return ch;
  }
  return null;
}

/** The words of an actor phrase, and its members' codes, as explanations show them. */
const phrase = (toks: readonly Token[], c: { from: number; to: number }): string => toks.slice(c.from, c.to).map((t) => t.text).join(' ');
const memberCodes = (c: Chunk): string => c.members.map((m) => m.country + m.sector).join(', ');

const span = (toks: readonly Token[], c: Chunk | null): Span | null =>
  c ? { start: toks[c.from]!.start, end: toks[c.to - 1]!.end } : null;

const DET = new Set(['the', 'a', 'an', "'s", 'its', 'his', 'her', 'their', 'this', 'that', 'these', 'those', 'our', 'my', 'your', 'any', 'no', 'every', 'each', 'another', 'such']);
const ADJ = /(al|ive|ed|ic|ous|ful|ary|ent|ant|est|ern|ian|ese|ish|day|long|scale|time)$/;

/** How a trigger is used: after a determiner (a noun), and whether its noun phrase sits in a prepositional phrase. */
function nominalUse(toks: readonly Token[], i: number, chunks: readonly Chunk[]): { determiner: boolean; inPP: boolean; harmedBy?: boolean } {
  // a gerund right after a preposition names an activity, not an event: "a ban on exporting arms"
  // ("Cambodia responded by downgrading relations": 'by' after a verb says how the subject acted)
  const means = toks[i - 1]?.norm === 'by' && /(ed|ds|ts)$/.test(toks[i - 2]?.norm ?? '') && !BE.has(toks[i - 3]?.norm ?? '');
  if (toks[i]!.norm.endsWith('ing') && NP_PREPS.has(toks[i - 1]?.norm ?? '') && !means) return { determiner: true, inPP: true };
  // a past form is a verb ("protesters marched"), or an adjective right after a determiner ("the detained man")
  if (/ed$/.test(toks[i]!.norm) || PAST.has(toks[i]!.norm)) return { determiner: DET.has(toks[i - 1]?.norm ?? ''), inPP: false };
  // walk left over the noun phrase: modifiers, numbers, an actor phrase, up to a determiner
  let k = i - 1;
  let determiner = false;
  for (let steps = 0; k >= 0 && steps < 5; steps++, k--) {
    const t = toks[k]!;
    // "on Monday gave": a day or time word ends a phrase of its own
    if (TIME_WORD.test(t.norm)) return { determiner: false, inPP: false };
    // 'nothing to do with" the attack': quotation marks inside the phrase are transparent
    if (QUOTE.has(t.norm)) continue;
    if (DET.has(t.norm)) {
      determiner = true;
      // "Russia's invasion": the possessor phrase belongs to the noun phrase too
      if (t.norm === "'s") {
        const owner = chunks.find((c) => c.to === k);
        if (owner) k = owner.from;
      }
      k--;
      break;
    }
    const chunk = chunks.find((c) => c.from <= k && c.to > k);
    if (chunk) {
      // an actor phrase right before the trigger is its subject unless a determiner opens the phrase
      const d = toks[chunk.from - 1]?.norm ?? '';
      // "suppression of ethnic Albanian unrest": a preposition opens the phrase
      if (NP_PREPS.has(d) || (/^[a-z]+$/.test(d) && NP_PREPS.has(toks[chunk.from - 2]?.norm ?? '') && !DET.has(d))) return { determiner: false, inPP: chunk.to === i };
      if (!DET.has(d)) return { determiner: false, inPP: false };
      k = chunk.from;
      continue;
    }
    if (t.punct && t.norm !== '-') break;
    if (NP_PREPS.has(t.norm) || HARD_STOP.has(t.norm) || /ed$/.test(t.norm) || t.norm === 'and' || t.norm === 'or') break;
    // an auxiliary before the trigger makes it a verb: "a businessman is suing"
    if (BE.has(t.norm) || VERB_MARKERS.has(t.norm) || t.norm === 'has' || t.norm === 'have' || t.norm === 'had') return { determiner: false, inPP: false };
    if (!/^\d/.test(t.norm) && !ADJ.test(t.norm) && !/^[a-z-]+$/.test(t.norm)) break;
  }
  while (k > 0 && QUOTE.has(toks[k]!.norm)) k--;
  const before = k >= 0 ? toks[k]!.norm : '';
  let inPP = NP_PREPS.has(before) && (determiner || k < i - 1);
  // "announced the start of joint exercises with Italy": the phrase reports the event beginning
  if (inPP && before === 'of' && STARTS.has(toks[k - 1]?.norm ?? '')) inPP = false;
  // "three were killed in a bomb attack": the phrase reports the event that harmed them
  // (its attacker is not the clause's subject: the subject is the one harmed)
  if (inPP && (before === 'in' || before === 'during' || before === 'by')) {
    let suffered = false;
    for (let j = k - 1; j >= Math.max(0, k - 4); j--) {
      if (!VICTIM.has(toks[j]!.norm)) continue;
      inPP = false;
      suffered ||= sufferedAt(toks, j);
    }
    if (!inPP) return { determiner: determiner && toks[i - 1] !== undefined, inPP, harmedBy: suffered };
  }
  return { determiner: determiner && toks[i - 1] !== undefined, inPP };
}
/** "were killed by an improvised explosive device": a nominal attack in the phrase that says what harmed the subject. */
function sufferedIn(toks: readonly Token[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && k >= i - 4 && (DET.has(toks[k]!.norm) || /^[a-z-]+$/.test(toks[k]!.norm)) && !HARM_PREPS.has(toks[k]!.norm)) k--;
  if (!HARM_PREPS.has(toks[k]?.norm ?? '')) return false;
  for (let j = k - 1; j >= Math.max(0, k - 4); j--) if (VICTIM.has(toks[j]!.norm) && sufferedAt(toks, j)) return true;
  return false;
}
const HARM_PREPS = new Set(['in', 'by', 'during']);

/** "were killed in", "died in": the subject suffered what follows ("Serb forces killed three in a gunbattle" did not). */
const sufferedAt = (toks: readonly Token[], j: number): boolean =>
  toks[j]!.norm === 'died' || toks[j]!.norm === 'dead' || BE.has(toks[j - 1]?.norm ?? '') || BE.has(toks[j - 2]?.norm ?? '');
const REFERENCE = new Set(['paused', 'pause', 'suspended', 'suspend', 'froze', 'freeze', 'frozen', 'blocked', 'blocks', 'block', 'blocking', 'vetoed', 'veto', 'vetoes', 'requested', 'request', 'requests', 'sought', 'seek', 'seeks', 'proposed', 'propose', 'proposes', 'demanded', 'postpone', 'postponed', 'postponing', 'delay', 'delayed', 'cancel', 'cancelled', 'canceled', 'cancelling', 'condemning', 'denouncing', 'denying', 'blaming', 'criticising', 'criticizing', 'praising', 'welcoming', 'discussing', 'mourning', 'rejecting', 'condemned', 'condemns', 'condemn', 'denounced', 'denounces', 'denied', 'denies', 'deny', 'blamed', 'blames', 'criticised', 'criticized', 'praised', 'welcomed', 'welcomes', 'discussed', 'mourned', 'investigating', 'investigated', 'described', 'describing', 'called', 'calling', 'termed', 'rejected', 'ruled', 'recalled', 'remembered', 'marked', 'commemorated', 'followed', 'preceded', 'prevent', 'prevented', 'avoid', 'avoided', 'end', 'ended', 'ending', 'stop', 'stopped', 'halt', 'halted']);
const ARTICLE = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'these', 'those']);
const CANCEL = /^(cancel|cancels|cancelled|canceled|scrap|scraps|scrapped|shelve|shelves|shelved|abandon|abandons|abandoned|drop|drops|dropped|postpone|postpones|postponed|halt|halts|halted|suspend|suspends|suspended|freeze|froze|frozen|oppose|opposes|opposed|reject|rejects|rejected)$/;
const REFUSABLE = /^(accept|accepts|accepted|accepting|recogni[sz]e|recogni[sz]es|recogni[sz]ed|endorse|endorses|endorsed|approve|approves|approved)$/;
const EXPLICIT_NO = /^(not|never|n't|no|refused to|refuses to|refuse to|declined to|declines to)$/;
const FORECAST = new Set(['expected', 'planned', 'scheduled', 'likely', 'possible', 'feared', 'due']);
const CIVIL = new Set(['CVL', 'OPP', 'REL', 'EDU', 'LAB', 'AGR', 'JRN']);
const TOPIC = new Set(['on', 'about', 'regarding', 'concerning']);
// nouns of documents and talks whose topic follows: "a memorandum on ...", "talks about ..."
const TOPIC_HEAD = /^(agreement|agreements|deal|deals|memorandum|memorandums|memoranda|mou|mous|understanding|accord|pact|treaty|talks|discussions|negotiations|consultations|dialogue|conference|summit|statement|declaration|document|documents|report|study|plan|proposal|proposals|framework|roadmap|contract|contracts|letter)$/;
const CONTENT = new Set(['consensus', 'understanding', 'agreement', 'agreements', 'deal', 'deals', 'contract', 'contracts', 'accord', 'pact', 'memorandum', 'treaty', 'effort', 'efforts', 'bid', 'drive', 'campaign', 'right', 'authority', 'permission', 'mandate', 'proposal', 'proposals']);
// irregular past forms: always verbs ("the EU on Monday gave Chad aid")
const PAST = new Set(['gave', 'sent', 'met', 'held', 'took', 'struck', 'shot', 'fought', 'sought', 'brought', 'bought', 'sold', 'led', 'won', 'made', 'told', 'threw', 'drew', 'froze', 'broke', 'withdrew', 'began', 'flew', 'swore', 'spoke', 'stole', 'overran', 'undertook', 'forbade', 'laid', 'paid', 'fled', 'sank', 'shut', 'split', 'spent', 'stood', 'tore', 'wrote', 'rode', 'beat', 'hid', 'slew']);
const CLAUSE_OPEN = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'that', 'who', 'which', 'would', 'will', 'could', 'should']);
const QUOTE = new Set(['"', '“', '”', "'", '‘', '’']);
const TIME_WORD = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|tonight|morning|evening|afternoon|night|week|month|year|weekend)$/;
const STARTS = new Set(['start', 'beginning', 'launch', 'opening', 'kickoff', 'kick-off', 'commencement']);
const VICTIM = new Set(['killed', 'injured', 'wounded', 'hurt', 'died', 'dead', 'damaged', 'destroyed', 'hit', 'struck', 'targeted', 'arrested', 'detained', 'held']);
const STANDING = new Set(['existing', 'current', 'ongoing', 'longstanding', 'long-standing', 'standing', 'decades-old', 'years-long']);
const BACKGROUND_PREPS = new Set(['over', 'amid', 'despite', 'about']);
const NP_PREPS = new Set(['in', 'of', 'after', 'following', 'amid', 'over', 'since', 'for', 'during', 'before', 'about', 'from', 'despite', 'against', 'to', 'on', 'by', 'at', 'with', 'without', 'like', 'than', 'into', 'under', 'behind', 'regarding', 'concerning']);

/** The actor phrase that owns the noun phrase ending at the trigger: "Russia's (latest) missile strikes". */
function possessorOf(toks: readonly Token[], chunks: readonly Chunk[], i: number): Chunk | null {
  for (let k = i - 1; k >= Math.max(1, i - 3); k--) {
    const n = toks[k]!.norm;
    if (n === "'s") return chunks.find((c) => c.to === k && !c.placeOnly) ?? null;
    if (toks[k]!.punct || toks[k]!.cap || !/^[a-z-]+$/.test(n) || DET.has(n) || BE.has(n)) return null;
  }
  return null;
}

/** A capitalised name that no dictionary knows right after 'to' or 'in' ("to South Carolina"). */
function unknownPlaceAfter(toks: readonly Token[], chunks: readonly Chunk[], i: number): boolean {
  const p = toks[i]?.norm;
  if (p !== 'to' && p !== 'in') return false;
  const t = toks[i + 1];
  return !!t && t.cap && !t.punct && !chunks.some((c) => c.from <= i + 1 && c.to > i + 1);
}

/** "condemned the attack", "rejected a fresh offer": a determiner (and modifiers) after a reporting verb. */
function referenced(toks: readonly Token[], i: number): boolean {
  // (quotation marks are transparent: "condemned the 'hideous attack'")
  let limit = Math.max(1, i - 3);
  for (let k = i - 1; k >= limit; k--) {
    const n = toks[k]!.norm;
    if (QUOTE.has(n)) {
      limit = Math.max(1, limit - 1);
      continue;
    }
    if (DET.has(n)) return REFERENCE.has(toks[k - 1]!.norm);
    if (toks[k]!.punct || !/^[a-z-]+$/.test(n) || BE.has(n) || n === 'and' || n === 'or' || n === 'but' || n === 'to' || VERB_MARKERS.has(n)) return false;
    // "discussed new sanctions": a bare noun phrase right after the reporting verb is referenced too
    if (REFERENCE.has(n)) return true;
  }
  return false;
}

/** "an agreement (with France) to": a deal or effort noun a few words before the infinitive's 'to'. */
function contentOf(toks: readonly Token[], k: number): boolean {
  for (let j = k; j >= Math.max(0, k - 4); j--) {
    const t = toks[j]!;
    if (CONTENT.has(t.norm)) return true;
    // "cancel plans to sell", "shelved its plans to buy" (but "the plans to sign MoUs" are an intent)
    if ((t.norm === 'plans' || t.norm === 'plan') && [toks[j - 1], toks[j - 2]].some((x) => x && CANCEL.test(x.norm))) return true;
    if (t.punct || BE.has(t.norm) || SPEECH.has(t.norm) || HARD_STOP.has(t.norm)) return false;
  }
  return false;
}

/** Exercise patterns: joint exercises and taking part in them. */
export const EXERCISE_RULES = new Set(['cooperate/001', 'cooperate/011']);
const EXERCISE = new Set(['exercise', 'exercises', 'drill', 'drills', 'maneuvers', 'manoeuvres', 'maneuver', 'manoeuvre', 'wargames', 'war-games', 'games']);
const HOSTING = new Set(['lead', 'leads', 'leading', 'led', 'host', 'hosts', 'hosting', 'hosted', 'organize', 'organizes', 'organizing', 'organized', 'organise', 'organises', 'organising', 'organised', 'hold', 'holds', 'holding', 'held', 'stage', 'stages', 'staging', 'staged']);

/**
 * The host of an exercise named in the sentence: "maneuvers that the Brazilian army is leading",
 * "drills hosted by Thailand", "NATO is holding a military exercise". Null when none is named.
 */
export function exerciseHost(toks: readonly Token[], chunks: readonly Chunk[]): { host: Chunk; at: number } | null {
  for (let i = 0; i < toks.length; i++) {
    if (!EXERCISE.has(toks[i]!.norm)) continue;
    // "... maneuvers that/which the Brazilian Armed Forces are leading"
    if (toks[i + 1]?.norm === 'that' || toks[i + 1]?.norm === 'which') {
      const c = chunks.find((ch) => ch.from > i + 1 && ch.from <= i + 4 && !ch.placeOnly && !ch.coref);
      if (c) {
        for (let k = c.to; k < Math.min(toks.length, c.to + 3); k++) if (HOSTING.has(toks[k]!.norm)) return { host: c, at: i };
      }
    }
    // "... drills hosted by Thailand", "exercises led by NATO"
    if (HOSTING.has(toks[i + 1]?.norm ?? '') && toks[i + 2]?.norm === 'by') {
      const c = chunks.find((ch) => ch.from >= i + 3 && ch.from <= i + 5 && !ch.placeOnly);
      if (c) return { host: c, at: i };
    }
    // "NATO is holding a military exercise", "Brazil hosted the drills": the host verb a few words before
    for (let k = i - 1; k >= Math.max(0, i - 5); k--) {
      if (!HOSTING.has(toks[k]!.norm)) continue;
      const c = subjectOf(toks, chunks, k, null);
      if (c && !c.coref && c.members.length === 1) return { host: c, at: i };
      break;
    }
  }
  return null;
}

/** Codes every event of one sentence. */
export function codeTokens(idx: PatternIndex, toks: readonly Token[], chunks: readonly Chunk[]): RawEvent[] {
  const out: RawEvent[] = [];
  for (const h of findTriggers(idx, toks, chunks)) {
    const p = h.p;
    // a trigger inside an actor phrase ("the Ministry of Defence", "Defence Cooperation Agency") is no event,
    // unless the actor noun is itself the event ("protesters", "strikers")
    const host = chunks.find((c) => c.from <= h.from && c.to >= h.to && !c.coref);
    if (host && !p.self && host.to - host.from > 1 && h.from > host.from) continue;
    // "the summit's host": a noun that owns another is a modifier, not an event
    if (p.noun && toks[h.to]?.norm === "'s") continue;
    const use = nominalUse(toks, h.from, chunks);
    // a verb-only trigger after a determiner is a noun ("the host", "a meeting of minds")
    // ("a Brazilian ship": the determiner may open an actor adjective before the trigger)
    const before = chunks.find((c) => c.to === h.from);
    const detBefore = DET.has(toks[h.from - 1]?.norm ?? '') || (!!before && before.to - before.from === 1 && !/s$/.test(toks[before.from]!.norm) && DET.has(toks[before.from - 1]?.norm ?? ''));
    if (use.determiner && !p.noun && !p.report && p.slots.length === 1 && detBefore) continue;
    // "a fire at the market": after an article, 'fire' is the noun, not the verb of a shooting
    if (!p.noun && toks[h.from]!.norm === 'fire' && /^(a|an|the)$/.test(toks[h.from - 1]?.norm ?? '')) continue;
    // "evacuated the wounded", "freed the detained": a past form right after a determiner names people
    if (p.slots.length === 1 && /ed$/.test(toks[h.from]!.norm) && ARTICLE.has(toks[h.from - 1]?.norm ?? '') && !p.self) continue;
    // "the prime accused in the case": a determiner, a modifier and a past form followed by no object
    if (p.slots.length === 1 && /ed$/.test(toks[h.from]!.norm) && !before && ARTICLE.has(toks[h.from - 2]?.norm ?? '') && /^[a-z]+$/.test(toks[h.from - 1]!.norm) && (h.to >= toks.length || PREPS.has(toks[h.to]!.norm) || /^[.,;:]$/.test(toks[h.to]!.norm)) && !p.self) continue;
    // a nominal event inside a prepositional phrase is a reference to an event reported elsewhere
    // ("in response to the attack", "during the talks"), not a report of it
    if (use.inPP && !p.self && !p.report && (p.noun || use.determiner)) continue;
    // a bare plural noun right after a preposition is a reference too: "after weeks of talks", "for consultations"
    if (p.noun && p.plover === 'CONSULT' && p.slots.length === 1 && NP_PREPS.has(toks[h.from - 1]?.norm ?? '')) continue;
    // "the sanctions on Iran remained in place", "existing sanctions": a standing state, not a new event
    if (p.noun && (STANDING.has(toks[h.from - 1]?.norm ?? '') || toks.slice(h.to, h.to + 6).some((t) => /^(remain|remained|remains|remaining|stay|stayed|stays)$/.test(t.norm)))) continue;
    // "arrested over allegations of spying", "amid protests": the reason or the background of another event
    if (p.noun && p.slots.length === 1 && /s$/.test(toks[h.from]!.norm) && BACKGROUND_PREPS.has(toks[h.from - 1]?.norm ?? '')) continue;
    // the topic of a document or talks: "a memorandum on technology transfer", "talks about joint production"
    if (!p.self && TOPIC.has(toks[h.from - 1]?.norm ?? '') && TOPIC_HEAD.test(toks[h.from - 2]?.norm ?? '')) continue;
    // "demonstrations are expected outside the embassy": a forecast, not an event
    if (p.noun && BE.has(toks[h.to]?.norm ?? '') && FORECAST.has(toks[h.to + 1]?.norm ?? '')) continue;
    // "said that bombing Qatar did not advance its goals": a gerund opening a reported clause is its
    // subject, an act talked about, not one reported
    if (/ing$/.test(toks[h.from]!.norm) && toks[h.from - 1]?.norm === 'that' && HARMFUL.has(p.plover)) continue;
    // "recalled its ambassador in protest": a purpose phrase, not a protest of its own
    if (p.plover === 'PROTEST' && /^protests?$/.test(toks[h.from]!.norm) && (toks[h.from - 1]?.norm === 'in' || (toks[h.from - 1]?.norm === 'a' && toks[h.from - 2]?.norm === 'as'))) continue;
    // "vowed not to return the Golan": a promise not to act is no promise to cooperate
    if (p.plover === 'AGREE' && toks[h.to]?.norm === 'not') continue;
    // "urged its citizens to stay away from rallies", "avoid protests": protests to keep away from are no event
    if (p.plover === 'PROTEST' && toks.slice(Math.max(0, h.from - 6), h.from).some((t, k, a) => /^(avoid|avoiding|avoided)$/.test(t.norm) || (t.norm === 'from' && a[k - 1]?.norm === 'away'))) continue;
    // "Stockholm sanctioned protests", "police dispersed the rally": protests permitted, banned or broken
    // up by the subject are not the subject's protest
    if (p.plover === 'PROTEST' && p.noun && (PERMITTED.has(toks[h.from - 1]?.norm ?? '') || (DET.has(toks[h.from - 1]?.norm ?? '') && PERMITTED.has(toks[h.from - 2]?.norm ?? '')))) continue;
    // ("many people criticizing Serbia": a gerund after a generic noun has that noun as its subject)
    if (/ing$/.test(toks[h.from]!.norm) && GENERIC_PEOPLE.has(toks[h.from - 1]?.norm ?? '')) continue;
    // "cooperation between Moscow and Pyongyang was a grave threat to Seoul", "poses a threat": a
    // judgement about something, not a threat made by it
    if (p.plover === 'THREATEN' && /^threat/.test(toks[h.from]!.norm) && toks.slice(Math.max(0, h.from - 4), h.from).some((t) => BE.has(t.norm) || /^pos(e|es|ed|ing)$/.test(t.norm))) continue;
    // "any attack on French nationals", "any military intervention": no particular event
    if (p.noun && (toks[h.from - 1]?.norm === 'any' || (toks[h.from - 2]?.norm === 'any' && /^[a-z-]+$/.test(toks[h.from - 1]!.norm)))) continue;
    // "The declaration recognises Somalia's sovereignty": what a document says is its content, not an act
    if (!p.noun && DOCUMENT_SUBJECT.has(toks[h.from - 1]?.norm ?? '') && DET.has(toks[h.from - 2]?.norm ?? '')) continue;
    // "as they pushed to oust the rebels": pushing with no one pushed is an effort, not a request
    if (p.plover === 'REQUEST' && /^(push|press)/.test(toks[h.from]!.norm) && toks[h.from + 1]?.norm === 'to') continue;
    // "an agreement to buy jets", "in an effort to persuade Russia": the content of a deal or an attempt is
    // not an event of its own (the signing or the attempt is)
    if (toks[h.from - 1]?.norm === 'to' && contentOf(toks, h.from - 2)) continue;
    // "condemned the attack", "denied the accusation": the verb's own event is the report, the noun a reference
    if (referenced(toks, h.from)) continue;
    // "were shot dead", "was taken into custody": the participle may open a longer trigger
    const reduced = reducedRelative(toks, h.from, h.to);
    const passive = isPassive(toks, h.to - 1, p) || (h.to - 1 > h.from && (p.roles !== 'os' || p.plover === 'CONSULT') && toks[h.to - 1]!.norm !== 'by' && isPassive(toks, h.from, p)) || reduced;
    const explain: string[] = [`trigger '${phrase(toks, h)}' matched ${p.id} (${p.file.split('/').pop()}:${p.line})${p.note ? `: ${p.note}` : ''}`];
    let src: Chunk | null;
    let tgt: Chunk | null;
    // "Russia's missile strikes", "Israel's raid": the possessor of a nominal event is its source
    // ("China's military drills": an actor phrase that takes in the trigger's first word owns it)
    const overlapping = chunks.find((c) => c.from < h.from && c.to > h.from && c.to < h.to && !c.placeOnly) ?? null;
    const owner0 = (p.noun || toks[h.from - 1]?.norm === "'s") && !p.self ? (possessorOf(toks, chunks, h.from) ?? overlapping) : overlapping;
    // an actor noun that is the event ("rioters") is its own subject; "arrested 39 rioters" is no protest by the police
    // "victims killed by ...": the subject of a reduced relative is the noun right before it, actor or not
    const subj = p.self ? (host ?? null) : reduced ? (chunks.find((c) => c.to === h.from) ?? null) : p.noun && (use.harmedBy || sufferedIn(toks, h.from)) ? owner0 : (owner0 ?? subjectOf(toks, chunks, h.from, null));
    if (passive && p.roles === 'os') {
      // "the president was received by the king": the subject is the visitor, the agent the host
      src = subj;
      // "was received with honours at the Kremlin": with no agent, the place of the reception hosts it
      tgt = agentOf(toks, chunks, h.to) ?? chunks.find((c) => c.from >= h.to && c.from - h.to <= 8 && (prepBefore(toks, c) === 'at' || prepBefore(toks, c) === 'in')) ?? null;
      explain.push('passive voice of a host pattern: the subject is the visitor (source)');
    } else if (passive) {
      const agent = agentOf(toks, chunks, h.to);
      const attacker = !agent && p.plover === 'ASSAULT' ? attackerOf(toks, chunks, h.to) : null;
      // "a meeting between Armenia and Azerbaijan is being discussed": the subject is the meeting (its
      // own event), not a party to the discussion
      if (!agent && p.plover === 'CONSULT' && subj && prepBefore(toks, subj) === 'between') continue;
      src = agent ?? attacker;
      // "a missionary from Calgary was arrested": the people's origin stands for them
      const start = clauseStart(toks, h.from);
      tgt = subj ?? chunks.find((c) => c.from >= start && c.to <= h.from && prepBefore(toks, c) === 'from') ?? null;
      // "rockets were fired at the US embassy": with no subject of its own, the passive's target follows 'at'
      if (!tgt && p.plover === 'ASSAULT') {
        const aimed = objectOf(toks, chunks, h.to, p, true);
        if (aimed && (aimed.prep === 'at' || aimed.prep === 'on' || aimed.prep === 'against')) tgt = aimed.chunk;
      }
      // "an agreement was reached between Egypt and France": the parties follow 'between'
      const near = toks.slice(h.to, h.to + 5).findIndex((t) => t.norm === 'between');
      const parties = !src && p.roles === 'pair' && near >= 0 && !toks.slice(h.to, h.to + near).some((t) => t.norm === 'to' || t.norm === 'that') ? betweenOf(toks, chunks, h.to) : null;
      if (parties) {
        src = parties;
        tgt = null;
      }
      explain.push(`passive voice: source ${agent ? "after 'by'" : attacker ? 'the actor of the attack it happened in' : 'not stated'}, target is the subject`);
      // "the French troops had been withdrawn": troops withdrawn with no agent named withdrew (their own side's act)
      if (!src && p.plover === 'RETREAT' && p.mode === 'withdraw' && tgt && tgt.members.every((m) => m.sector === 'MIL')) {
        src = tgt;
        tgt = null;
        explain.push('troops withdrawn with no agent: their country withdrew them');
      }
    } else if (p.roles === 'os') {
      const obj = objectOf(toks, chunks, h.to, p, false);
      // a host with no guest named ("welcomed the decision", "received shipments") is no visit
      src = obj?.chunk ?? null;
      tgt = subj;
      explain.push('roles: the subject hosts, the object is the visitor (source)');
    } else if (p.self) {
      src = subj;
      tgt = objectOf(toks, chunks, subj ? subj.to : h.to, p, false)?.chunk ?? null;
    } else {
      src = subj;
      // "an air strike by Syrian forces killed ...": the agent of a nominal event follows 'by'
      // ("a visit to Yerevan by the French minister": after the phrase of its target too)
      const byAt = p.noun && !subj ? laterBy(toks, chunks, h.to) : -1;
      const byAgent = byAt >= 0 ? (chunks.find((c) => c.from > byAt && c.from <= byAt + 2 && (c.from === byAt + 1 || DET.has(toks[byAt + 1]!.norm)) && !c.placeOnly) ?? null) : null;
      if (byAgent) {
        src = byAgent;
        explain.push("nominal event: its agent follows 'by'");
      }
      const between = p.noun ? betweenOf(toks, chunks, h.to) : null;
      if (between && !subj) {
        src = between;
        tgt = null;
      } else {
        // a gapped trigger ("summoned .. ambassador") may hold its object inside the gap
        tgt = objectOf(toks, chunks, byAgent && byAt === h.to ? byAgent.to : p.slots.includes(null) ? h.from + 1 : h.to, p, false, h.to)?.chunk ?? null;
        if (byAgent && tgt === byAgent) tgt = null;
        // "exported drones to a country belonging to NATO": the organisation a target belongs to is not the target
        if (tgt && ((toks[tgt.from - 1]?.norm === 'to' && /^belong/.test(toks[tgt.from - 2]?.norm ?? '')) || (toks[tgt.from - 1]?.norm === 'both' && toks[tgt.from - 2]?.norm === 'to' && /^belong/.test(toks[tgt.from - 3]?.norm ?? '')))) tgt = null;
        // "condemned the launch as a violation of UN resolutions": what is judged stands inside the gap
        if (p.inner && tgt && tgt.from >= h.to) tgt = null;
        // "Biden, who praised the deal, met Netanyahu": a relative clause's object ends with the clause
        if (tgt && subj && toks[subj.to]?.norm === ',' && toks[subj.to + 1]?.norm === 'who') {
          const close = toks.findIndex((t, k) => k >= h.to && t.norm === ',');
          if (close >= 0 && tgt.from > close) tgt = null;
        }
        // "Russia, its historic ally, which Armenia accuses of failing it": the relative pronoun before
        // the subject is the object, and stands for the phrase before it
        const rel = src ? toks[src.from - 1]?.norm : undefined;
        if ((!tgt || /^(of|for|over)$/.test(toks[h.to]?.norm ?? '')) && src && (rel === 'which' || rel === 'whom') && p.roles === 'so') {
          const subject = src;
          const ante = chunks.filter((c) => c.to <= subject.from - 1 && c.to >= subject.from - 9 && !c.placeOnly).pop();
          if (ante) {
            tgt = ante;
            explain.push(`'${rel}' before the subject is the object: '${phrase(toks, ante)}'`);
          }
        }
        // "a ceasefire between Israel and Hezbollah took effect": the pair inside the trigger is its parties
        if (!src && tgt && tgt.members.length > 1 && p.roles === 'pair' && tgt.to <= h.to) {
          src = tgt;
          tgt = null;
        }
      }
    }
    // "Holding Pakistan responsible for the attack, India suspended ...": an opening participle or
    // subordinate clause takes the subject of the main clause after its comma
    const opening = toks[clauseStart(toks, h.from)]?.norm ?? '';
    // "In a phone call on Saturday, Biden told Netanyahu ...": the meeting's parties are the main clause's
    if (p.plover === 'CONSULT' && (opening === 'in' || opening === 'during' || opening === 'at') && !passive) {
      const comma = toks.findIndex((t, k) => k >= h.to && t.norm === ',');
      const main = comma > 0 ? chunks.filter((c) => c.from > comma && !c.placeOnly) : [];
      if (main.length >= 2 && (!src || src.from > comma) && prepBefore(toks, main[0]!) === '-') {
        src = main[0]!;
        tgt = main[1]!;
        explain.push('opening phrase: the parties are the subject and object of the main clause');
      }
    }
    if (!src && !passive && p.roles !== 'os' && (opening.endsWith('ing') || SUBORD.has(opening))) {
      const comma = toks.findIndex((t, k) => k > h.to - 1 && t.norm === ',');
      if (comma > 0) src = chunks.find((c) => c.from > comma && prepBefore(toks, c) === '-' && c !== tgt) ?? null;
      if (src) explain.push('opening clause: the source is the subject of the main clause');
    }
    // "Tehran's mission said the matter was concluded, but warned that ...": a verb right after 'but'
    // with no subject of its own shares the subject of the clause before
    if (!src && !passive && toks[h.from - 1]?.norm === 'but') {
      const at = toks[h.from - 2]?.norm === ',' ? h.from - 2 : h.from - 1;
      // (past a reported clause: "Tehran's mission said the matter was concluded, but warned": the speaker)
      const start = clauseStart(toks, at);
      const verb = toks[start - 1]?.norm === 'that' ? start - 2 : start - 1;
      const before = subjectOf(toks, chunks, at, null) ?? (verb >= 0 && SPEECH.has(toks[verb]!.norm) ? subjectOf(toks, chunks, verb, null) : null);
      if (before && before !== tgt) {
        src = before;
        explain.push(`coordinated verb after 'but': the subject of the clause before ('${phrase(toks, before)}')`);
      }
    }
    // "Biden said there would be consequences for Riyadh": a verbal event with no subject of its own
    // is the speaker's
    if (!src && (!passive || !agentOf(toks, chunks, h.to)) && SPOKEN.has(p.plover)) {
      const start = clauseStart(toks, h.from);
      const verb = toks[start - 1]?.norm === 'that' ? start - 2 : start - 1;
      if (verb >= 0 && SPEECH.has(toks[verb]!.norm)) {
        const speaker = subjectOf(toks, chunks, verb, null);
        if (speaker && speaker !== tgt) {
          src = speaker;
          explain.push(`no subject: the speaker of '${toks[verb]!.text}' is the source`);
        }
      }
    }
    // "met President Aliyev and signed a defence agreement": the partner of the first verb is the second's
    if (src && !tgt && !passive && (p.plover === 'SUPPORT' || p.plover === 'AGREE' || p.plover === 'COOPERATE') && toks[h.from - 1]?.norm === 'and') {
      const after = src.to;
      const partner = chunks.filter((c) => c.from >= after && c.to < h.from && !c.placeOnly && objectOfVerb(toks, c)).pop();
      if (partner) {
        tgt = partner;
        explain.push(`coordinated verbs: the partner of the first verb ('${phrase(toks, partner)}') is the target`);
      }
    }
    // "offered to host talks between Russia and Ukraine": a promise to mediate is made to both parties
    if (p.plover === 'AGREE' && src && !tgt) {
      const b = betweenOf(toks, chunks, h.to);
      if (b && b.from - h.to <= 8 && b !== src) {
        tgt = b;
        explain.push(`an offer about talks between '${phrase(toks, b)}': made to each party`);
      }
    }
    // "condemned the attack on the embassy": the embassy is the attack's victim, not the one condemned
    if (p.plover === 'ACCUSE' && tgt && victimOfReferencedAttack(toks, tgt)) {
      explain.push(`'${phrase(toks, tgt)}' is the victim of the attack condemned, not its target`);
      tgt = null;
    }
    // "the junta faced protests", "the government faces mass strikes": the subject is the protests' target
    if (p.plover === 'PROTEST' && p.noun && src && !tgt && [toks[h.from - 1], toks[h.from - 2]].some((t) => !!t && /^fac(e|es|ed|ing)$/.test(t.norm))) {
      tgt = src;
      src = null;
      explain.push('protests faced by the subject: the subject is their target');
    }
    // "warned that Iran's response would be severe if Israel made another mistake": the one whose act the
    // threat is conditioned on is its target
    if (p.plover === 'THREATEN' && src && (!tgt || tgt === src || tgt.members.every((m) => src.members.some((s) => s.country === m.country)))) {
      const cond = toks.findIndex((t, k) => k >= h.to && (t.norm === 'if' || t.norm === 'unless'));
      const who = cond >= 0 ? chunks.find((c) => c.from > cond && c.from <= cond + 3 && !c.placeOnly && c.members.every((m) => !src.members.some((s) => s.country === m.country))) : undefined;
      if (who) {
        tgt = who;
        explain.push(`the threat is conditioned on '${phrase(toks, who)}': the target`);
      }
    }
    if (src && tgt && src === tgt) tgt = null;
    // "travelling to South Carolina": a visit to a place the gazetteer does not know is not a visit to
    // the article's other country (often a trip at home)
    if (p.placeTarget && p.plover === 'CONSULT' && !tgt && unknownPlaceAfter(toks, chunks, h.to)) continue;
    // deaths in a disaster or an accident are no attack: "a tsunami killed 43 people"
    // ("killed in a fire" too, but not "killed in police fire")
    if (p.plover === 'ASSAULT' && !src && toks.some((t, k) => DISASTER.has(t.norm) || (/^fires?$/.test(t.norm) && ARTICLE.has(toks[k - 1]?.norm ?? '')))) continue;
    // "killed by the flight MH17 crash": an agent phrase that ends in a disaster is no attacker
    if (p.plover === 'ASSAULT' && passive && src && toks.slice(src.to, src.to + 4).some((t) => DISASTER.has(t.norm))) continue;
    // "withdrew its troops from Kherson": the forces are the source's own; the target is the next party or place
    const owner = src;
    if (owner && tgt?.coref && tgt.members.every((m) => owner.members.some((s) => s.country === m.country))) {
      const after = objectOf(toks, chunks, tgt.to, p, passive);
      tgt = after?.chunk ?? null;
    }
    // "to attack", "will strike": a trigger after an infinitive marker or a modal is a verb, whatever its pattern allows
    const verbal = VERB_MARKERS.has(toks[h.from - 1]?.norm ?? '');
    const mod = { ...modalityOf(toks, h.from, p.noun && p.slots.length === 1 && !verbal) };
    let type = p.plover;
    const aux: AuxMode[] = [];
    let ploverMode = p.mode;
    // the content of a request is not an event: the REQUEST is ("urged Pyongyang to return to talks")
    // "will respond", "vowed to retaliate": a threat only when it is about the future
    if (p.intent && !mod.intend && !/^(reserve|response|pay|brought)/.test(toks[h.from]!.norm)) continue;
    if (mod.alleged && type !== 'ACCUSE') {
      explain.push('alleged by someone (accused of): not coded as done');
      continue;
    }
    if (mod.requested && type !== 'REQUEST' && type !== 'AGREE') {
      explain.push(`requested of someone (${mod.cues.join(', ')}): not coded as done`);
      continue;
    }
    // "X will withdraw its force unless Y ...": a conditional promise of a harmful act is a threat
    const condition = mod.cues.includes('unless') || toks.some((t, k) => k > h.from && (t.norm === 'unless' || t.norm === 'if'));
    if (mod.intend && condition && HARMFUL.has(type) && !mod.negated) {
      explain.push(`conditional future (${mod.cues.join(', ')}): a threat`);
      ploverMode = type === 'ASSAULT' ? 'violence' : type === 'SANCTION' || type === 'RETREAT' ? 'relations' : 'restrict';
      type = 'THREATEN';
      mod.hypothetical = false;
    }
    // "would not accept Azerbaijan's terms", "does not recognise the ruling": a refusal (REJECT)
    // "failed to reach an agreement": the parties rejected each other's terms (REJECT both ways)
    const failedDeal = mod.negated && type === 'AGREE' && mod.cues.some((c) => /^fail(ed|s)? to$/.test(c));
    if (failedDeal || (mod.negated && !mod.hypothetical && (type === 'AGREE' || type === 'SUPPORT') && REFUSABLE.test(toks[h.from]!.norm) && mod.cues.some((c) => EXPLICIT_NO.test(c)))) {
      explain.push(`negated ${toks[h.from]!.text} (${mod.cues.join(', ')}): a refusal (REJECT)`);
      type = 'REJECT';
      ploverMode = '';
      mod.negated = false;
    }
    // ("with this delivery, Germany will have supplied 288 drones in all": a future perfect is a running
    // total of what was done, not a plan)
    const runningTotal = toks[h.from - 1]?.norm === 'have' && toks[h.from - 2]?.norm === 'will';
    if (runningTotal) mod.intend = false;
    if (mod.negated) aux.push('negated');
    if (mod.hypothetical) aux.push('hypothetical');
    // "Beijing routinely condemns arms sales", "Pakistan has long provided training": a habit or a
    // standing state is background, not a new event
    // ("has repeatedly demanded", "have repeatedly voiced concern": a repeated stance, in the perfect)
    const habit = toks.slice(Math.max(0, h.from - 3), h.from).findIndex((t, k, a) => HABITUAL.test(t.norm) || ((t.norm === 'long' || t.norm === 'repeatedly') && HAVE.has(a[k - 1]?.norm ?? '')));
    // ("the first joint flight since Russia invaded Ukraine": a clause of 'since' names a time reference)
    const sinceClause = toks[clauseStart(toks, h.from) - 1]?.norm === 'since' && !HAVE.has(toks[clauseStart(toks, h.from) - 2]?.norm ?? '') && (/ed$/.test(toks[h.from]!.norm) || PAST.has(toks[h.from]!.norm));
    if (runningTotal) {
      aux.push('historical');
      explain.push("'will have' + past participle: a running total, background");
    } else if (sinceClause) {
      aux.push('historical');
      explain.push("in a clause of 'since': a time reference, background");
    } else if (habit >= 0 && !toks.slice(Math.max(0, h.from - 3) + habit, h.from).some((t) => t.punct)) {
      aux.push('historical');
      explain.push('habitual or long-standing: background');
    }
    // "pledged a package of military aid": a pledge of money or aid is reported as aid given
    const pledgedAid = type === 'AID' && mod.cues.length > 0 && mod.cues.every((c) => PLEDGE.has(c));
    if (mod.intend && !mod.negated && !mod.hypothetical && !pledgedAid) {
      if (type === 'RETREAT' && p.roles === 'pair') {
        // "agreed to exchange prisoners": a mutual step to come is an agreement
        explain.push(`future or intent (${mod.cues.join(', ')}): a mutual RETREAT to come is AGREE`);
        type = 'AGREE';
        ploverMode = '';
        aux.push('intend');
      } else if (type === 'RETREAT') {
        // an announced release or withdrawal is a verbal concession (PLOVER CONCEDE)
        explain.push(`future or intent (${mod.cues.join(', ')}): RETREAT announced is CONCEDE`);
        type = 'CONCEDE';
        ploverMode = '';
        aux.push('intend');
      } else if (TO_AGREE.has(type)) {
        explain.push(`future or intent (${mod.cues.join(', ')}): ${type} becomes AGREE`);
        type = 'AGREE';
        ploverMode = '';
        aux.push('intend');
      } else if (TO_THREATEN.has(type) && mod.cues.includes('expected')) {
        // "Israel is expected to strike Iran": a forecast by others, not a threat of the actor's
        explain.push(`forecast (${mod.cues.join(', ')}): not a threat, not done`);
        aux.push('hypothetical');
      } else if (TO_THREATEN.has(type) && !passive) {
        explain.push(`threat (${mod.cues.join(', ')}): ${type} becomes THREATEN`);
        ploverMode = type === 'ASSAULT' ? 'violence' : type === 'SANCTION' ? 'relations' : type === 'PROTEST' ? '' : 'restrict';
        type = 'THREATEN';
      } else if (type !== 'AGREE') aux.push('intend');
    }
    if (mod.negated) explain.push(`negated (${mod.cues.join(', ')})`);
    if (mod.hypothetical) explain.push(`hypothetical (${mod.cues.join(', ')})`);
    // PROTEST is civilian collective action: a government, organisation or official "protesting" accuses
    // ("India protested to China over the map": a protest lodged with another state is diplomatic too)
    const lodged = toks[h.to]?.norm === 'to' && !!tgt && tgt.from <= h.to + 2;
    // ("supporters of Niger's military rulers rallied": the crowd protests, not the rulers)
    const followers = !!src && prepBefore(toks, src) === 'of' && FOLLOWERS.has(toks[src.from - 2]?.norm ?? '');
    // ("Vietnam protested China's deployment": a country named bare, not its people, protests diplomatically)
    const bareState = !!src && src.to - src.from === 1 && src.to === h.from && src.members.length === 1 && src.members[0]!.sector === '' && !/(s|ese)$/.test(toks[src.from]!.norm);
    // ("Venezuela recalled its envoy, protesting at ...": a state that protests in a participle accuses)
    // ("Algeria summoned the ambassador to protest the comments": so does a state's infinitive of purpose)
    const stateParticiple = !!src && ((toks[h.from - 1]?.norm === ',' && /ing$/.test(toks[h.from]!.norm)) || toks[h.from - 1]?.norm === 'to') && src.members.every((m) => (m.sector === '' && !m.isPerson && !/(s|ese)$/.test(toks[src.to - 1]!.norm)) || OFFICIAL.has(m.sector));
    if (type === 'PROTEST' && src && !followers && (stateParticiple || (/ed$/.test(toks[h.from]!.norm) && (bareState || src.members.every((m) => OFFICIAL.has(m.sector) || m.country === 'IGO' || m.country === 'NGO'))) || lodged)) {
      explain.push('a protest by officials or an organisation is an accusation (ACCUSE)');
      type = 'ACCUSE';
      ploverMode = 'disapprove';
    }
    // "Philippine and American troops launched their annual exercises": drills held together are
    // joint drills (COOPERATE), not a show of force
    if (type === 'MOBILIZE' && (p.id === 'mobilize/006' || p.id === 'mobilize/003') && src && !tgt && new Set(src.members.map((m) => m.country)).size > 1) {
      // ("plan to hold the exercise again": joint exercises planned are an agreement)
      type = aux.includes('intend') ? 'AGREE' : 'COOPERATE';
      ploverMode = '';
      explain.push('exercises held by several countries together: joint exercises (COOPERATE)');
    }
    const srcMembers: (ActorRef | null)[] = src ? [...src.members] : [null];
    let tgtMembers: (ActorRef | null)[] = tgt ? [...tgt.members] : [null];
    const pairs: [ActorRef | null, ActorRef | null][] = [];
    if (!tgt && src && src.members.length > 3 && (SYMMETRIC.has(type) || p.roles === 'pair')) {
      // "troops from eight countries take part": who pairs with whom is not in the sentence; an exercise
      // may pair each with its host (known from the document), so each member stays, one-sided
      if (!EXERCISE_RULES.has(p.id)) {
        explain.push(`compound of ${src.members.length} actors and no target: no pair is coded`);
        continue;
      }
      explain.push(`compound of ${src.members.length} actors and no target: each member waits for the exercise's host`);
      for (const m of src.members) pairs.push([m, null]);
    } else if (!tgt && src && src.members.length > 1 && (SYMMETRIC.has(type) || SYMMETRIC.has(p.plover) || p.roles === 'pair')) {
      // "Azerbaijan and Türkiye agreed": every pair of the compound
      const m = src.members;
      for (let a = 0; a < m.length; a++) for (let b = a + 1; b < m.length; b++) pairs.push([m[a]!, m[b]!]);
      // "Czechia and China signed": each signs toward the other (SUPPORT has a direction)
      if (!SYMMETRIC.has(type)) for (let a = 0; a < m.length; a++) for (let b = a + 1; b < m.length; b++) pairs.push([m[b]!, m[a]!]);
      explain.push('compound actor: one event per pair');
    } else {
      if (!tgt) tgtMembers = [null];
      // "Armenia and Azerbaijan signed a declaration with the US": the signatories with each other too
      if (tgt && src && src.members.length > 1 && p.roles === 'pair') {
        const m = src.members;
        for (let a = 0; a < m.length; a++) for (let b = a + 1; b < m.length; b++) pairs.push([m[a]!, m[b]!]);
      }
      for (const s of srcMembers) for (const t of tgtMembers) if (s !== t || s === null) pairs.push([s, t]);
      // a joint signing with a named partner: every signatory toward every other (SUPPORT has a direction)
      if (tgt && src && src.members.length > 1 && p.roles === 'pair' && type === 'SUPPORT') {
        for (const [a, b] of [...pairs]) if (a && b) pairs.push([b, a]);
      }
    }
    let conf = 0.8;
    if (src?.coref) conf -= 0.15;
    if (tgt?.coref) conf -= 0.15;
    if (!src) conf -= 0.2;
    if (src) explain.push(`source '${phrase(toks, src)}' -> ${memberCodes(src)} (${src.members[0]?.via ?? ''})`);
    if (tgt) explain.push(`target '${phrase(toks, tgt)}' -> ${memberCodes(tgt)}`);
    for (const [s, t] of pairs) {
      if (s && t && s.country === t.country && s.sector === t.sector && s.name === t.name) continue;
      // "the rebels received rifles from Iran": arms for an armed group or a crowd are no trade between
      // governments but one-sided help (AID, as the ontology has it)
      const armed = type === 'COOPERATE' && DELIVERY.has(p.id) && !!t && ARMED_NONSTATE.has(t.sector);
      if (armed) explain.push(`weapons for ${t.country}${t.sector}, no government: AID`);
      out.push({
        type: armed ? 'AID' : type,
        cameo: armed ? '072' : type === p.plover ? p.cameo : null,
        ploverMode,
        aux,
        context: p.context,
        source: s,
        target: t,
        sourceSpan: span(toks, src),
        members: [...(src?.members ?? []), ...(tgt?.members ?? [])].map((m) => m.country),
        targetSpan: span(toks, tgt),
        trigger: { start: toks[h.from]!.start, end: toks[h.to - 1]!.end },
        triggerIndex: h.from,
        rule: p.id,
        noTarget: p.noTarget,
        inner: p.inner,
        // "who had been arrested in Norway": background in a relative clause is not a new arrest
        // "Gershkovich would be held": a named person no dictionary knows is left to the reader
        agentless: (passive || (p.noun && madeAfter(toks, h.to))) && !src && agentlessSubject(toks, chunks, h.from),
        confidence: Math.max(0.1, Math.round(conf * 100) / 100),
        explain,
      });
    }
  }
  // "will provide 25,000 tons of food aid": aid named as the object of a verb of giving is that verb's
  // event (with its tense and mode), not a second one; a promise of a hostile act is no agreement
  const kept = out.length === 0 ? out : out.filter((n) => !out.some((v) => aidInObject(n, v) || aidSuspended(n, v) || innerReading(n, v) || hostileVow(n, v, toks) || deliveryOfAid(n, v) || verbalAttack(n, v, toks)) && !hostileVow(n, n, toks) && !objectCrowd(n, out, toks));
  return protestDamage(foldProtestDemands(toks, withDemands(toks, chunks, kept)), toks);
}

const family = (e: RawEvent): string => e.rule.slice(0, e.rule.indexOf('/'));

/** "will provide 25,000 tons of food aid": aid named as the object of a verb of giving is that verb's event. */
function aidInObject(n: RawEvent, v: RawEvent): boolean {
  return (
    v !== n &&
    v.rule !== n.rule &&
    family(n) === 'aid' &&
    family(v) === 'aid' &&
    v.triggerIndex < n.triggerIndex &&
    n.triggerIndex - v.triggerIndex <= 7 &&
    !!v.source &&
    v.source.country === n.source?.country &&
    (!v.targetSpan || n.trigger.start < v.targetSpan.start)
  );
}

const PERMITTED = new Set(['sanctioned', 'allowed', 'permitted', 'authorised', 'authorized', 'banned', 'prohibited', 'outlawed', 'forbade', 'forbid', 'ban', 'allow', 'permit']);
const DOCUMENT_SUBJECT = new Set(['declaration', 'treaty', 'agreement', 'accord', 'deal', 'pact', 'memorandum', 'resolution', 'communique', 'text', 'document', 'charter', 'statement', 'law', 'bill']);
const GENERIC_PEOPLE = new Set(['people', 'others', 'many', 'some', 'those', 'observers', 'analysts', 'experts', 'commentators', 'voices', 'users', 'someone', 'anyone', 'everyone']);
/** "suspended budget support and development aid": aid named as the object of a sanction is no aid. */
function aidSuspended(n: RawEvent, v: RawEvent): boolean {
  return n.type === 'AID' && v.type === 'SANCTION' && v.triggerIndex < n.triggerIndex && n.triggerIndex - v.triggerIndex <= 7 && (!v.source || v.source.country === n.source?.country);
}

/**
 * "denounced the strike as a violation of Qatar's sovereignty": where a pattern that holds its object
 * in its gap matched, the plain reading of the same verb (its target read after the gap) gives way.
 */
function innerReading(n: RawEvent, v: RawEvent): boolean {
  return v !== n && v.type === n.type && v.triggerIndex === n.triggerIndex && !!v.inner && !n.inner;
}

/** "announced a package of military aid for Ukraine, supplying weapons": the supplies are that aid. */
function deliveryOfAid(n: RawEvent, v: RawEvent): boolean {
  return n.type === 'COOPERATE' && DELIVERY.has(n.rule) && v.type === 'AID' && !!v.source && v.source.country === n.source?.country && (!n.target || n.target.country === v.target?.country);
}

const SMEAR = /^(smear|smeared|smearing|slander|slandered|vilify|vilified|denigrate|denigrated|criticise|criticised|criticize|criticized|insult|insulted|defame|defamed|discredit|discredited)$/;
/** "used the summit to smear and attack China": an attack coordinated with words of abuse is verbal, the accusation's. */
function verbalAttack(n: RawEvent, v: RawEvent, toks: readonly Token[]): boolean {
  if (n.type !== 'ASSAULT' || v.type !== 'ACCUSE' || v.source?.country !== n.source?.country) return false;
  const i = n.triggerIndex;
  return toks[i - 1]?.norm === 'and' && SMEAR.test(toks[i - 2]?.norm ?? '');
}

/**
 * The 'by' that introduces the agent of a nominal event: right after the trigger ("an air strike by
 * Syrian forces") or after the phrase of its target ("a visit to Yerevan by the French minister"),
 * with no verb between. -1 when there is none.
 */
function laterBy(toks: readonly Token[], chunks: readonly Chunk[], to: number): number {
  for (let k = to; k < Math.min(toks.length, to + 8); k++) {
    const t = toks[k]!;
    if (t.norm === 'by') return k;
    const inChunk = chunks.some((c) => c.from <= k && c.to > k);
    if (inChunk || DET.has(t.norm) || t.norm === 'to' || t.norm === 'in' || t.norm === 'of' || t.norm === 'on' || t.cap) continue;
    if (k > to && /^[a-z-]+$/.test(t.norm) && !/(ed|ing)$/.test(t.norm) && !BE.has(t.norm) && !AUX.has(t.norm) && t.norm !== 'and' && t.norm !== 'that' && t.norm !== 'which') continue;
    return -1;
  }
  return -1;
}

const HOSTILE = new Set(['THREATEN', 'ASSAULT', 'COERCE', 'SANCTION', 'MOBILIZE', 'ACCUSE', 'REJECT']);
/**
 * "vowed to expel the diplomats", "pledged to punish": a promise whose content is a hostile act is that
 * act threatened or intended, not an agreement with its victim.
 */
function hostileVow(n: RawEvent, v: RawEvent, toks: readonly Token[]): boolean {
  if (n.type !== 'AGREE' || !/^(promis|pledg|vow|commit)/.test(toks[n.triggerIndex]!.norm)) return false;
  // ("vowed on Wednesday to respond": a time phrase may come between)
  const to = toks.slice(n.triggerIndex + 1, n.triggerIndex + 5).findIndex((t) => t.norm === 'to');
  if (to < 0) return false;
  const at = n.triggerIndex + 1 + to;
  // the promised act named by a hostile verb, whether or not it makes an event of its own
  if (v === n) return HOSTILE_VERB.test(toks[at + 1]?.norm ?? '');
  return HOSTILE.has(v.type) && v.triggerIndex > at && v.triggerIndex <= at + 2;
}
const HOSTILE_VERB = /^(expel|punish|attack|strike|retaliat|respond|hit|destroy|crush|arrest|deport|eliminat|wipe|bomb|avenge|fight|defeat|annihilat|invade|kill|hunt|prosecute|jail|imprison)/;

const DELIVERY = new Set(['cooperate/003', 'cooperate/005', 'cooperate/010']);
const ARMED_NONSTATE = new Set(['REB', 'UAF', 'OPP', 'CVL', 'CRM']);

const FILLER = /^(\d[\d,]*|dozens|hundreds|thousands|several|many|some|a|an|the|of|at|least)$/;
/**
 * "executed a protester": one protester who is the object of another event is no protest (a crowd that
 * is arrested or fired at had protested, and stays).
 */
function objectCrowd(n: RawEvent, out: readonly RawEvent[], toks: readonly Token[]): boolean {
  if (n.rule !== 'protest/007' || toks[n.triggerIndex]!.norm.endsWith('s')) return false;
  return out.some(
    (v) =>
      v !== n &&
      v.rule !== n.rule &&
      v.triggerIndex < n.triggerIndex &&
      n.triggerIndex - v.triggerIndex <= 3 &&
      toks.slice(v.triggerIndex + 1, n.triggerIndex).every((t) => DET.has(t.norm) || FILLER.test(t.norm)),
  );
}

/**
 * "The embassy was torched by protesters", "demonstrators vandalised the consulate": damage done by
 * protesters is their protest turned violent (PROTEST, mode vandalize), not a military attack.
 */
const FOLLOWERS = new Set(['supporters', 'followers', 'members', 'relatives', 'families', 'loyalists', 'backers', 'sympathisers', 'sympathizers', 'thousands', 'hundreds', 'dozens']);
const CALM = new Set(['AGREE', 'CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'RETREAT', 'CONCEDE']);
function protestDamage(out: RawEvent[], toks: readonly Token[]): RawEvent[] {
  // "hundreds of young men stormed Sweden's embassy": civilians storming an embassy or office riot
  out = out.map((e) =>
    e.type === 'ASSAULT' && /^storm/.test(toks[e.triggerIndex]!.norm) && (!e.source || CIVIL.has(e.source.sector) || e.source.sector === '') && e.target?.sector === 'GOV' && /^(embassy|embassies|consulate|parliament|office|offices|compound|building|headquarters|residence|palace)$/.test(toks.slice(e.triggerIndex + 1, e.triggerIndex + 5).map((t) => t.norm).find((n) => /^(embassy|embassies|consulate|parliament|office|offices|compound|building|headquarters|residence|palace)$/.test(n)) ?? '')
      ? { ...e, type: 'PROTEST' as const, cameo: '145', ploverMode: 'riot', explain: [...e.explain, 'civilians storming a government building: a riot (PROTEST)'] }
      : e,
  );
  const crowds = out.filter((e) => e.rule === 'protest/007' && e.sourceSpan);
  if (crowds.length === 0) return out;
  const same = (a: Span | null, b: Span | null): boolean => !!a && !!b && a.start === b.start && a.end === b.end;
  const damaged = new Set<RawEvent>();
  const result: RawEvent[] = [];
  for (const e of out) {
    const crowd = e.type === 'ASSAULT' && e.ploverMode === 'destroy' ? crowds.find((c) => same(c.sourceSpan, e.sourceSpan)) : undefined;
    if (!crowd) {
      result.push(e);
      continue;
    }
    damaged.add(crowd);
    result.push({ ...e, type: 'PROTEST', cameo: '145', ploverMode: 'vandalize', explain: [...e.explain, 'damage done by protesters: a violent protest (PROTEST, vandalize)'] });
  }
  // "demonstrators received weapons", "protesters met the minister": a crowd that is the subject of a
  // cooperative event is named, not protesting (clashes and vows are part of protests)
  const busy = (c: RawEvent): boolean => result.some((e) => e !== c && CALM.has(e.type) && (same(e.sourceSpan, c.sourceSpan) || same(e.targetSpan, c.sourceSpan)));
  return result.filter((e) => !damaged.has(e) && !(e.rule === 'protest/007' && busy(e)));
}

/**
 * "Protesters marched in Minsk demanding new elections": what a protest demands is part of the
 * protest (PROTEST), not a separate REQUEST by the same people.
 */
function foldProtestDemands(toks: readonly Token[], out: RawEvent[]): RawEvent[] {
  const protests = out.filter((e) => e.type === 'PROTEST');
  if (protests.length === 0) return out;
  // the demand hangs on the protest: "demanding", "calling for", "to demand", "their demand for"
  const dependent = (e: RawEvent): boolean => {
    const w = toks[e.triggerIndex]!.norm;
    return w.endsWith('ing') || toks[e.triggerIndex - 1]?.norm === 'to' || w === 'demand' || w === 'demands';
  };
  return out.filter(
    (e) =>
      e.type !== 'REQUEST' ||
      e.rule === 'request/must' ||
      !dependent(e) ||
      !(e.source === null || protests.some((p) => p.source?.country === e.source?.country)),
  );
}

const OBLIGE = new Set(['must', 'should']);
const SAYING = new Set(['said', 'says', 'say', 'announced', 'warned', 'added', 'noted', 'reiterated', 'insisted', 'insists', 'stressed', 'stresses', 'stated', 'declared', 'argued', 'demanded', 'told']);

/**
 * "Russia said Sudan must return the helicopter": a speaker saying that another party must or
 * should act makes a demand (REQUEST, speaker -> party). What the party must do is the content of
 * the demand, not an event of its own.
 */
function withDemands(toks: readonly Token[], chunks: readonly Chunk[], out: RawEvent[]): RawEvent[] {
  let result = out;
  for (let i = 1; i < toks.length; i++) {
    if (!OBLIGE.has(toks[i]!.norm)) continue;
    const party = chunks.find((c) => c.to === i && !c.placeOnly);
    if (!party) continue;
    // back from the party over 'that' and a short time phrase to the speech verb
    let speech = -1;
    for (let k = party.from - 1; k >= Math.max(0, party.from - 6); k--) {
      const n = toks[k]!.norm;
      if (SAYING.has(n)) {
        speech = k;
        break;
      }
      // ("said the ties between Moscow and Pyongyang should concern anyone": a party inside a phrase is no subject)
      if (toks[k]!.punct || chunks.some((c) => c.from <= k && c.to > k) || /^(between|of|among|with|about)$/.test(n)) break;
    }
    if (speech < 0) continue;
    const speaker = subjectOf(toks, chunks, speech, null);
    if (!speaker || speaker === party) continue;
    const end = toks.findIndex((t, k) => k > i && (t.norm === ';' || (t.norm === ',' && SAYING.has(toks[k + 1]?.norm ?? ''))));
    const stop = end < 0 ? toks.length : end;
    // the demanded act is no event: "must return", "should withdraw"
    result = result.filter((e) => e.triggerIndex <= i || e.triggerIndex >= stop);
    // "Sweden should not expect Turkey's support": a refusal, not a demand
    const refusal = toks.slice(i + 1, i + 5).some((t) => t.norm === 'not' || t.norm === 'longer') && toks.slice(i + 1, i + 6).some((t) => t.norm === 'expect');
    for (const a of speaker.members) {
      for (const b of party.members) {
        if (a.country === b.country && a.sector === b.sector) continue;
        result.push({
          type: refusal ? 'REJECT' : 'REQUEST',
          cameo: refusal ? '120' : '100',
          ploverMode: '',
          aux: [],
          context: [],
          source: a,
          target: b,
          sourceSpan: span(toks, speaker),
          members: [...speaker.members, ...party.members].map((m) => m.country),
          targetSpan: span(toks, party),
          trigger: { start: toks[speech]!.start, end: toks[i]!.end },
          triggerIndex: speech,
          rule: refusal ? 'reject/must-not-expect' : 'request/must',
          noTarget: false,
          confidence: 0.6,
          explain: [
            refusal
              ? `'${toks[speech]!.text} ... ${toks[i]!.text} not expect': the speaker refuses the other party (REJECT)`
              : `'${toks[speech]!.text} ... ${toks[i]!.text}': the speaker says another party ${toks[i]!.norm} act, a demand (REQUEST)`,
            `source '${phrase(toks, speaker)}' -> ${memberCodes(speaker)}`,
            `target '${phrase(toks, party)}' -> ${memberCodes(party)}`,
          ],
        });
      }
    }
  }
  return result;
}
