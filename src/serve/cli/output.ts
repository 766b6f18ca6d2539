// how coded documents are written: JSONL for programs, a table for people, explanations on request.
import type { CodedDoc, CodedEvent } from '../../core/index.js';

/** One JSON line per document: {"id","date","events":[...]} (explain kept only with --explain). */
export function codedDocLine(d: CodedDoc, explain: boolean): string {
  const events = explain ? d.events : d.events.map(({ explain: _e, ...rest }) => rest);
  return `${JSON.stringify({ id: d.id, date: d.date, events })}\n`;
}

const actor = (a: CodedEvent['source']): string => (a ? `${a.code}${a.name ? ` (${a.name})` : ''}` : '-');

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

/** A readable block per document: one row per event, and the reasons with --explain. */
export function codedDocTable(d: CodedDoc, explain: boolean): string {
  const out: string[] = [`# ${d.id}  ${d.date ?? 'no date'}  ${d.events.length} event(s)`];
  for (const e of d.events) {
    const date = e.date.value ? `${e.date.value}${e.date.stated ? '' : '~'}` : '?';
    const place = e.location ? ` @${e.location.name}` : '';
    out.push(
      `  ${e.type.padEnd(9)} ${(e.mode || '-').padEnd(12)} ${actor(e.source).padEnd(28)} -> ${actor(e.target).padEnd(28)} ${date}${place}`,
    );
    out.push(`      "${clip(e.evidence.text, 150)}"`);
    if (explain) for (const x of e.explain) out.push(`      · ${x}`);
  }
  return `${out.join('\n')}\n`;
}
