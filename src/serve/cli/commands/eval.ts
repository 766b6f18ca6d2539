import { readFileSync, writeFileSync } from 'node:fs';
import { EntenteError, UsageError } from '../../../core/index.js';
import { type KeyKind, type Restriction, formatScore, restrict, score } from '../../../eval/score.js';
import { PLOVER_TYPES } from '../../../core/index.js';
import { validateDoc } from '../../../ingest/index.js';
import { createCoder } from '../../../pipeline.js';
import type { Command } from '../command.js';

export const command: Command = {
  name: 'eval',
  summary: 'code a gold file and print precision, recall and F1',
  help: `usage: entente eval GOLD.jsonl [--key full|source|type] [--type T[,T]] [--source CODE[,CODE]]
                   [--by-type] [--json] [--pred FILE]

Codes every document of a gold file (the shared gold format: id, date, text, events) and compares
the events with the gold events, per document, with the rule of the reference scorer: an event
matches when its PLOVER type and the country-level codes (first three letters) of source and target
are equal; for CONSULT, AGREE and COOPERATE the pair is unordered. Negated, hypothetical and
historical statements are left out before scoring. With --key type, attacks and protests that name
no actor and no known place ("hundreds of protesters marched") are kept, as \`entente code --partial\`
keeps them; with the other keys they are left out.

--type and --source score a part of the events only, on both sides alike: a gold set that annotates
only police actions is measured with --type ASSAULT,COERCE --source INDCOP, which leaves out the
gold's and the coder's other events. The figures then say how well that part is found, not the whole.

options:
  --key K       full (type + source + target, default), source (type + source) or type (type only)
  --type T[,T]  score only these PLOVER types (gold and predictions)
  --source C[,C]  score only events whose source code starts with one of these (INDCOP, IND, IGO)
  --by-type     also print the figures per PLOVER type
  --json        print the result as one JSON object
  --pred FILE   also write the predictions (JSONL, one document per line) to FILE
  -h, --help    this help

example:
  entente eval ../shared/data/news_dev/dev.jsonl --by-type`,
  options: {
    key: { type: 'string', default: 'full' },
    type: { type: 'string' },
    source: { type: 'string' },
    'by-type': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    pred: { type: 'string' },
  },
  async run({ values, positionals }, io) {
    const key = String(values.key) as KeyKind;
    if (!['full', 'source', 'type'].includes(key)) throw new UsageError(`--key must be full, source or type, not '${key}'`);
    if (positionals.length !== 1) throw new UsageError('give exactly one gold file');
    const list = (v: unknown): string[] => (typeof v === 'string' ? v.split(',').map((x) => x.trim().toUpperCase()).filter(Boolean) : []);
    const only: Restriction = { types: list(values.type), sources: list(values.source) };
    const unknown = only.types.filter((t) => !(PLOVER_TYPES as readonly string[]).includes(t));
    if (unknown.length > 0) throw new UsageError(`--type: unknown PLOVER type ${unknown.join(', ')} (one of ${PLOVER_TYPES.join(', ')})`);
    const path = positionals[0]!;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      throw new EntenteError('io', `cannot read ${path}: ${(e as Error).message}`);
    }
    // a key that scores no side (type) keeps the attacks and protests that name no actor
    const coder = createCoder({ keepModal: false, actorless: key === 'type' });
    const gold: { id: string; events: unknown[] }[] = [];
    const pred = new Map<string, { events: unknown[] }>();
    const predLines: string[] = [];
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      let raw: { id?: unknown; events?: unknown };
      try {
        raw = JSON.parse(line) as typeof raw;
      } catch (e) {
        throw new EntenteError('json', `${path}:${i + 1}: not JSON (${(e as Error).message})`);
      }
      gold.push({ id: String(raw.id), events: restrict(Array.isArray(raw.events) ? raw.events : [], only) });
      const v = validateDoc(raw, { file: path, line: i + 1 });
      if (!v.ok) return; // counted as a document with no prediction
      const coded = coder.codeDoc(v.value);
      pred.set(coded.id, { events: restrict(coded.events, only) });
      predLines.push(JSON.stringify({ id: coded.id, events: coded.events.map(({ explain: _x, ...e }) => e) }));
    });
    if (typeof values.pred === 'string') writeFileSync(values.pred, `${predLines.join('\n')}\n`);
    const result = score(gold as never, pred as never, key);
    io.stdout.write(values.json ? `${JSON.stringify(result)}\n` : formatScore(result, values['by-type'] === true));
    return 0;
  },
};
