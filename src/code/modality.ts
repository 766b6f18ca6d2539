// decides whether a trigger reports an event that occurred, one that is intended, negated or hypothetical.
import type { Token } from '../annotate/tokens.js';

export interface Modality {
  readonly intend: boolean;
  readonly negated: boolean;
  readonly hypothetical: boolean;
  /** The intent is a threat or warning ("threatened to", "warned it would"). */
  readonly threat: boolean;
  /** Asked of someone ("urged Pyongyang to return", "demanded China release"): the request is the event. */
  readonly requested: boolean;
  /** Alleged by someone ("accused Moscow of shelling"): the accusation is the event. */
  readonly alleged: boolean;
  readonly cues: readonly string[];
}

const NEG = new Set(['not', "n't", 'never', 'no', 'without', 'neither', 'nor', 'cannot']);
const HYP = new Set(['could', 'might', 'may', 'should', 'if', 'unless', 'whether', 'possible', 'possibly', 'potential', 'consider', 'considering', 'considered', 'mulling', 'weighing', 'perhaps', 'unlikely', 'likely']);
const FUT = new Set(['will', "'ll", 'shall', 'would', 'to', 'plans', 'plan', 'planned', 'planning', 'intends', 'intend', 'intended', 'expected', 'expects', 'set', 'aims', 'aim', 'aimed', 'seeks', 'seek', 'sought', 'seeking', 'aiming', 'hoping', 'wanting', 'readiness', 'willingness', 'intention', 'intent', 'desire', 'pledged', 'pledges', 'promised', 'promises', 'vowed', 'vows', 'offered', 'offers', 'ready', 'willing', 'prepared', 'agreed', 'agree', 'agrees', 'upcoming', 'future', 'proposed', 'scheduled', 'due', 'going', 'hopes', 'hope', 'wants', 'want', 'wanted', 'decided', 'decides', 'committed', 'soon', 'next', 'threatened', 'threatens', 'threaten', 'threatening']);
// verbs that put a failure or refusal before an infinitive: "failed to", "refused to", "has yet to"
const NEG_TO = new Set(['failed', 'fails', 'fail', 'refused', 'refuses', 'refuse', 'declined', 'declines', 'yet', 'unable', 'reluctant']);
const PRESS_NOUN = new Set(['conference', 'conferences', 'briefing', 'release', 'releases', 'statement', 'office', 'secretary', 'service', 'agency', 'freedom', 'officer', 'club', 'tv']);
const DETS = new Set(['a', 'an', 'the', 'his', 'her', 'its', 'their', 'this', 'that']);
// verbs of asking: what follows them is requested, not done
const ASK = new Set(['urge', 'urged', 'urges', 'urging', 'pressure', 'pressured', 'pressuring', 'demand', 'demanded', 'demands', 'demanding', 'ask', 'asked', 'asks', 'asking', 'press', 'pressed', 'pressing', 'appeal', 'appealed', 'request', 'requested', 'requests', 'expect', 'expects', 'want', 'wants', 'wanted', 'calling', 'called', 'call', 'calls', 'persuade', 'convince', 'encourage', 'encouraged', 'invited', 'invite', 'pushed', 'pushing']);
const DENY = new Set(['denied', 'denies', 'deny', 'denying', 'rejected', 'rejects', 'dismissed', 'refuted', 'disputed']);
const SELF = new Set(['it', 'its', 'they', 'their', 'we', 'our', 'he', 'his', 'she', 'her', 'i', 'my']);
const CLAIM = new Set(['claimed', 'claims', 'claim', 'alleged', 'alleges', 'allege', 'accused', 'accuses', 'charged', 'charges']);
const ALLEGE = new Set(['accused', 'accuses', 'accuse', 'accusing', 'suspected', 'suspect', 'blamed', 'blames', 'charged', 'convicted', 'guilty', 'alleged', 'accusation', 'accusations', 'allegations']);
const INSIST = new Set(['insisted', 'insists', 'insist', 'demanding', 'requested', 'requests', 'proposed', 'proposes', 'suggested', 'suggests', 'recommended', 'recommends']);
const BE_TO = new Set(['is', 'are', 'was', 'were', 'am', "'s", 'be']);
const THREAT = new Set(['threatened', 'threatens', 'threaten', 'warned', 'warns', 'warn', 'vowed', 'vows']);
// stop the look-back at these: they open another clause.
const STOP = new Set([';', ':', 'said', 'says', 'told', 'stated', 'that', 'which', 'who', 'while', 'but', 'after', 'before', 'as', 'when', 'since', 'because', '"', '“', '”']);

/** Looks back from the trigger (at most 7 tokens, not past a clause boundary) for modal cues. */
export function modalityOf(toks: readonly Token[], trigger: number, noun: boolean): Modality {
  const cues: string[] = [];
  let intend = false;
  let negated = false;
  let hypothetical = false;
  let threat = false;
  let requested = false;
  let alleged = false;
  const lo = Math.max(0, trigger - 7);
  for (let i = trigger - 1; i >= lo; i--) {
    const n = toks[i]!.norm;
    // "denied that it attacked": the denial negates what follows
    if (n === 'that' && DENY.has(toks[i - 1]?.norm ?? '')) {
      negated = true;
      cues.push(`${toks[i - 1]!.norm} that`);
    }
    // "claimed that ISIL had attacked Iraq": a claim of one side is its accusation, not a report
    // ("ISIS claimed that its fighters took the villages" claims its own deed: reported as done)
    if (n === 'that' && CLAIM.has(toks[i - 1]?.norm ?? '') && !SELF.has(toks[i + 1]?.norm ?? '')) {
      alleged = true;
      cues.push(`${toks[i - 1]!.norm} that`);
    }
    // ("drones that the EU claims Iran is sending": a claim without 'that' before a named subject too)
    if ((n === 'claims' || n === 'claimed' || n === 'alleges' || n === 'alleged') && i < trigger - 1 && toks[i + 1]?.cap && !SELF.has(toks[i + 1]!.norm) && !/^(responsibility|credit)$/.test(toks[i + 1]!.norm)) {
      alleged = true;
      cues.push(n);
    }
    // "denied supplying drones to Moscow": a denied act is not reported as done
    if (i === trigger - 1 && DENY.has(n) && n !== 'rejected' && n !== 'rejects' && toks[trigger]!.norm.endsWith('ing')) {
      negated = true;
      cues.push(n);
    }
    // "demanded that Sweden end its ban": what is demanded is not reported as done
    if (n === 'that' && (ASK.has(toks[i - 1]?.norm ?? '') || INSIST.has(toks[i - 1]?.norm ?? ''))) {
      requested = true;
      cues.push(`${toks[i - 1]!.norm} that`);
    }
    // "accused Moscow of shelling", "suspected of spying": an allegation, not a report
    if (n === 'of' && !noun) {
      for (let j = i - 1; j >= Math.max(0, i - 4); j--) if (ALLEGE.has(toks[j]!.norm)) alleged = true;
      if (alleged) cues.push('accused of');
    }
    if (STOP.has(n)) {
      // "if" beyond a comma still conditions the clause: look for it at the sentence start
      break;
    }
    if (n === ',' && i < trigger - 3) break;
    // "ordered forces to fire without warning, and he rejected calls": ', and' opens a new clause
    if (n === ',' && /^(and|but)$/.test(toks[i + 1]?.norm ?? '') && i + 1 < trigger - 1) break;
    // "called the releases a start and thanked Qatar": a past verb after 'and' is the subject's own act;
    // the verbs before it do not govern it
    if (n === 'and' && i === trigger - 1 && !noun && /ed$/.test(toks[trigger]!.norm)) break;
    // "urged Kyiv to", "demanded China release": an object between the verb and the action ("wants to" is intent)
    // ("a press conference", "a call for talks" are nouns, not verbs of asking)
    // ("would like us to slap sanctions": a wish of someone else's, not a plan)
    const wish = (n === 'like' || n === 'love' || n === 'prefer') && (toks[i - 1]?.norm === 'would' || toks[i - 1]?.norm === "'d");
    if ((ASK.has(n) || wish) && !noun && i < trigger - 1 && toks[i + 1]?.norm !== 'to' && toks[i + 1]?.norm !== 'that' && !PRESS_NOUN.has(toks[i + 1]?.norm ?? '') && !DETS.has(toks[i - 1]?.norm ?? '')) {
      requested = true;
      cues.push(n);
    }
    if (NEG_TO.has(n) && toks[i + 1]?.norm === 'to') {
      negated = true;
      cues.push(`${n} to`);
    } else if (NEG.has(n) && !(noun && n === 'no' && i < trigger - 1)) {
      negated = true;
      cues.push(n);
    } else if (HYP.has(n)) {
      hypothetical = true;
      cues.push(n);
    } else if (FUT.has(n)) {
      // "to" counts only as an infinitive marker directly before a verb trigger
      // "is to visit": future; a bare purpose infinitive ("fired to disperse") says nothing about modality
      if (n === 'to' && (noun || i !== trigger - 1 || !BE_TO.has(toks[i - 1]?.norm ?? ''))) continue;
      if (n === 'set' && toks[i + 1]?.norm !== 'to') continue;
      if (n === 'due' && toks[i + 1]?.norm !== 'to') continue;
      if (n === 'going' && toks[i + 1]?.norm !== 'to') continue;
      if ((n === 'next' || n === 'upcoming' || n === 'future' || n === 'proposed' || n === 'scheduled') && !noun) continue;
      intend = true;
      cues.push(n);
    }
    if (THREAT.has(n)) {
      threat = true;
    }
  }
  // a condition at the start of the sentence: "If X attacks, Y would ..."
  const first = toks[0]?.norm;
  if (first === 'if' || first === 'unless' || first === 'should') {
    hypothetical = true;
    cues.push(first);
  }
  // "would" after a speech verb is reported future, not a hypothetical
  if (hypothetical && cues.includes('would')) {
    /* would is in FUT, never in HYP */
  }
  return { intend, negated, hypothetical, threat, requested, alleged, cues };
}
