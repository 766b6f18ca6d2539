// the event dialog: every sentence that states the event, with actors and trigger highlighted,
// the outlets, dates and links to the sources. Article text only ever enters the DOM as text.
import { type EventDetail, get } from './api.js';
import { fmt, h, highlight, replace } from './dom.js';
import { actorName } from './names.js';
import { errorNote, eventDate, loading, typeBadge } from './parts.js';

/** Only http(s) links are made clickable: a javascript: or data: URL from an article stays text. */
export function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function plural(n: number, word: string): string {
  return `${fmt(n)} ${word}${n === 1 ? '' : 's'}`;
}

export async function showEvent(dialog: HTMLDialogElement, id: string, onClose: () => void): Promise<void> {
  const close = h('button', { type: 'button', class: 'close', 'aria-label': 'Close', onclick: () => dialog.close() }, '×');
  const body = h('div', { class: 'dialog-body' }, loading());
  replace(dialog, h('div', { class: 'dialog-head' }, h('h2', { id: 'event-title' }, 'Event'), close), body);
  dialog.onclose = onClose;
  if (!dialog.open) dialog.showModal();
  close.focus();
  let e: EventDetail;
  try {
    e = await get<EventDetail>(`/api/events/${encodeURIComponent(id)}`);
  } catch (err) {
    replace(body, errorNote(err));
    return;
  }
  const title = dialog.querySelector('#event-title');
  if (title) replace(title, typeBadge(e.type), ' ', actorName(e.source), ' → ', actorName(e.target));
  const docs = new Map(e.documents.map((d) => [d.id, d]));
  const facts: [string, string][] = [
    ['Date', eventDate(e)],
    ['Type', [e.type, e.ploverMode, e.cameo ? `CAMEO ${e.cameo}` : ''].filter(Boolean).join(' · ')],
    ['Context', e.contexts.join(', ') || '—'],
    ['Place', e.location ? e.location.name : '—'],
    ['Reports', `${plural(e.numDocuments, 'article')} from ${plural(e.numSources, 'outlet')}`],
    ['Confidence', e.confidence.toFixed(2)],
  ];
  if (e.flagged) facts.push(['Note', `not an event that occurred: ${e.aux.join(', ')}`]);
  replace(
    body,
    h('dl', { class: 'facts' }, facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h('h3', {}, 'Evidence'),
    h(
      'p',
      { class: 'legend' },
      h('mark', { class: 'm-source' }, 'source'),
      ' ',
      h('mark', { class: 'm-target' }, 'target'),
      ' ',
      h('mark', { class: 'm-trigger' }, 'trigger'),
    ),
    h(
      'ol',
      { class: 'evidence' },
      e.evidence.map((ev) => {
        const d = docs.get(ev.docId);
        const url = safeUrl(d?.url ?? null);
        return h(
          'li',
          {},
          h(
            'blockquote',
            { class: 'sentence' },
            highlight(ev.text, [
              { text: ev.trigger, cls: 'm-trigger', label: 'trigger' },
              { text: ev.sourceText, cls: 'm-source', label: `source: ${ev.sourceCode ?? ''}` },
              { text: ev.targetText, cls: 'm-target', label: `target: ${ev.targetCode ?? ''}` },
            ]),
          ),
          h(
            'p',
            { class: 'cite' },
            d?.outlet ?? 'unknown outlet',
            d?.date ? `, ${d.date}` : '',
            ' — ',
            url ? h('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, d?.title || url) : (d?.title ?? ev.docId),
          ),
        );
      }),
    ),
    e.documents.length > e.evidence.length
      ? h(
          'details',
          {},
          h('summary', {}, `All ${e.documents.length} articles`),
          h(
            'ul',
            {},
            e.documents.map((d) => {
              const url = safeUrl(d.url);
              return h('li', {}, url ? h('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, d.title || url) : (d.title ?? d.id), ` — ${d.outlet ?? ''} ${d.date ?? ''}`);
            }),
          ),
        )
      : null,
  );
}
