// loads data/patterns/*.tsv (one PLOVER type per file) and compiles them into an index by first word form.
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DATA_DIR, PLOVER_TYPES, type Plover, dataError, readTsv } from '../core/index.js';

export type Roles = 'so' | 'os' | 'pair' | 's';

export interface Pattern {
  readonly id: string;
  readonly plover: Plover;
  readonly cameo: string | null;
  readonly mode: string;
  readonly context: readonly string[];
  /** Word slots; each slot is a set of accepted folded forms; null = a gap of up to 4 tokens. */
  readonly slots: readonly (ReadonlySet<string> | null)[];
  readonly roles: Roles;
  /** Prepositions that may introduce the target ('-' = a direct object); null = the default set. */
  readonly targetPreps: ReadonlySet<string> | null;
  /** Word forms of which one must appear within 10 tokens after the trigger. */
  readonly requires: ReadonlySet<string> | null;
  /** Word forms that veto the match when next to the trigger. */
  readonly not: ReadonlySet<string> | null;
  /** Only a statement about the future counts ("will respond"): without intent the trigger is no event. */
  readonly intent: boolean;
  /** A noun use inside a prepositional phrase still reports the event ("In a phone call, X told Y"). */
  readonly report: boolean;
  /** The gap of the trigger must hold at least one word (its object): "wants Putin to". */
  readonly object: boolean;
  /** The target, if the sentence states it, stands inside the trigger's gap: "called the strikes an act of war". */
  readonly inner: boolean;
  /** The event has no target by nature (a resignation, a missile test): kept with its source alone. */
  readonly noTarget: boolean;
  /** The trigger can take a place as its target (visit Baku). */
  readonly placeTarget: boolean;
  /** The trigger is an actor noun that names the event ("protesters"): that phrase is the source. */
  readonly self: boolean;
  /** True when the first slot is a noun (no voice, no tense). */
  readonly noun: boolean;
  readonly note: string;
  readonly file: string;
  readonly line: number;
}

export interface PatternIndex {
  readonly byFirst: ReadonlyMap<string, readonly Pattern[]>;
  readonly all: readonly Pattern[];
}

const IRREGULAR: Record<string, string[]> = {
  meet: ['met'],
  hold: ['held'],
  hit: ['hit'],
  shoot: ['shot'],
  seek: ['sought'],
  give: ['gave', 'given'],
  send: ['sent'],
  take: ['took', 'taken'],
  make: ['made'],
  break: ['broke', 'broken'],
  bring: ['brought'],
  fight: ['fought'],
  freeze: ['froze', 'frozen'],
  lead: ['led'],
  leave: ['left'],
  sell: ['sold'],
  buy: ['bought'],
  strike: ['struck', 'stricken'],
  steal: ['stole', 'stolen'],
  throw: ['threw', 'thrown'],
  beat: ['beat', 'beaten'],
  blow: ['blew', 'blown'],
  speak: ['spoke', 'spoken'],
  tell: ['told'],
  say: ['said'],
  forbid: ['forbade', 'forbidden'],
  withdraw: ['withdrew', 'withdrawn'],
  undertake: ['undertook', 'undertaken'],
  shut: ['shut'],
  cut: ['cut'],
  put: ['put'],
  set: ['set'],
  let: ['let'],
  win: ['won'],
  lose: ['lost'],
  pay: ['paid'],
  lay: ['laid'],
  seize: ['seized'],
  begin: ['began', 'begun'],
  run: ['ran'],
  come: ['came'],
  go: ['went', 'gone'],
  draw: ['drew', 'drawn'],
  drive: ['drove', 'driven'],
  rise: ['rose', 'risen'],
  swear: ['swore', 'sworn'],
  sink: ['sank', 'sunk'],
  overthrow: ['overthrew', 'overthrown'],
  forgive: ['forgave', 'forgiven'],
  bear: ['bore', 'borne'],
  flee: ['fled'],
  feel: ['felt'],
  keep: ['kept'],
  build: ['built'],
  spend: ['spent'],
  lend: ['lent'],
  deal: ['dealt'],
  find: ['found'],
  stand: ['stood'],
  hang: ['hung', 'hanged'],
  slay: ['slew', 'slain'],
  rebuild: ['rebuilt'],
  uphold: ['upheld'],
  overrun: ['overran'],
  bid: ['bid'],
  wage: ['waged'],
  be: ['is', 'are', 'was', 'were', 'been', 'being'],
  have: ['has', 'had', 'having'],
  do: ['does', 'did', 'done'],
};

/** All the inflected forms of a word: verb forms and noun plural. */
export function inflections(word: string): string[] {
  const w = word.toLowerCase();
  const out = new Set<string>([w]);
  for (const x of IRREGULAR[w] ?? []) out.add(x);
  if (/[^a-z]/.test(w) || w.length < 2) return [...out];
  // consonant-vowel-consonant endings double in some words (expel -> expelled) and not in others
  // (visit -> visited): both spellings are generated, the wrong one simply never occurs
  const cvc = /[^aeiou][aeiou][bdgklmnprt]$/.test(w);
  const stem = w.endsWith('e') && !/[eoy]e$/.test(w) ? w.slice(0, -1) : w;
  if (/[^aeiou]y$/.test(w)) {
    out.add(`${w.slice(0, -1)}ies`);
    out.add(`${w.slice(0, -1)}ied`);
  } else if (/(s|x|z|ch|sh|o)$/.test(w)) {
    out.add(`${w}es`);
  } else out.add(`${w}s`);
  if (w.endsWith('e')) out.add(`${w}d`);
  else if (!/[^aeiou]y$/.test(w)) out.add(`${stem}ed`);
  out.add(`${stem}ing`);
  if (cvc) {
    const last = w.at(-1);
    out.add(`${w}${last}ed`);
    out.add(`${w}${last}ing`);
  }
  return [...out];
}

function slotOf(spec: string): Set<string> {
  const forms = new Set<string>();
  for (const alt of spec.split('/')) {
    if (alt.endsWith('=')) forms.add(alt.slice(0, -1).toLowerCase());
    else for (const f of inflections(alt)) forms.add(f);
  }
  return forms;
}

function formSet(spec: string): Set<string> | null {
  if (!spec) return null;
  const s = new Set<string>();
  for (const w of spec.split(/[|,]/)) if (w.trim()) for (const f of slotOf(w.trim())) s.add(f);
  return s;
}

/** Loads and compiles every pattern file. Errors name file:line. */
export function loadPatterns(dir: string = join(DATA_DIR, 'patterns')): PatternIndex {
  const byFirst = new Map<string, Pattern[]>();
  const all: Pattern[] = [];
  const ids = new Set<string>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort()) {
    const file = join(dir, name);
    const plover = basename(name, '.tsv').toUpperCase();
    if (!(PLOVER_TYPES as readonly string[]).includes(plover)) dataError(file, 1, `file name is not a PLOVER type`);
    for (const { line, cells } of readTsv(file, ['id', 'cameo', 'mode', 'context', 'trigger', 'roles'])) {
      const c = cells;
      const id = c.id ?? '';
      if (!id.startsWith(`${plover.toLowerCase()}/`)) dataError(file, line, `id '${id}' must start with '${plover.toLowerCase()}/'`);
      if (ids.has(id)) dataError(file, line, `duplicate id '${id}'`);
      ids.add(id);
      const roles = (c.roles || 'so') as Roles;
      if (!['so', 'os', 'pair', 's'].includes(roles)) dataError(file, line, `unknown roles '${roles}'`);
      if (c.cameo && !/^\d{2,4}$/.test(c.cameo)) dataError(file, line, `bad CAMEO code '${c.cameo}'`);
      const flags = new Set((c.flags ?? '').split(',').filter(Boolean));
      for (const alt of (c.trigger ?? '').split('|')) {
        const words = alt.trim().split(/\s+/).filter(Boolean);
        if (words.length === 0) dataError(file, line, 'empty trigger');
        const slots = words.map((w) => (w === '..' ? null : slotOf(w)));
        if (slots[0] === null || slots[slots.length - 1] === null) dataError(file, line, "a trigger cannot start or end with '..'");
        const p: Pattern = {
          id,
          plover: plover as Plover,
          cameo: c.cameo || null,
          mode: c.mode ?? '',
          context: (c.context ?? '').split(',').filter(Boolean),
          slots,
          roles,
          targetPreps: c.tprep ? new Set(c.tprep.split(',')) : null,
          requires: formSet(c.requires ?? ''),
          not: formSet(c.not ?? ''),
          placeTarget: flags.has('place'),
          noTarget: flags.has('notarget'),
          inner: flags.has('inner'),
          object: flags.has('object'),
          report: flags.has('report'),
          intent: flags.has('intent'),
          noun: flags.has('noun'),
          self: flags.has('self'),
          note: c.note ?? '',
          file,
          line,
        };
        all.push(p);
        for (const f of slots[0]!) {
          const list = byFirst.get(f);
          if (list) list.push(p);
          else byFirst.set(f, [p]);
        }
      }
    }
  }
  return { byFirst, all };
}
