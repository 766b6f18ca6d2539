// pieces shared by the views: event lists, type badges, score bars, loading and error notes.
import type { EventItem } from './api.js';
import type { Nav } from './app.js';
import { scoreColor, TYPE_COLORS } from './colors.js';
import { fmt, h } from './dom.js';
import { actorName } from './names.js';

export function typeBadge(type: string): HTMLElement {
  const el = h('span', { class: 'badge' }, type);
  el.style.setProperty('--c', TYPE_COLORS[type] ?? '#999');
  return el;
}

export function eventDate(e: { date: string | null; dateEnd: string | null }): string {
  if (!e.date) return 'date unknown';
  return e.dateEnd && e.dateEnd !== e.date ? `${e.date} – ${e.dateEnd}` : e.date;
}

/** A list of events; each is a button that opens the evidence. */
export function eventList(items: readonly EventItem[], nav: Nav, empty = 'No events match.'): HTMLElement {
  if (items.length === 0) return h('p', { class: 'empty' }, empty);
  return h(
    'ol',
    { class: 'events' },
    items.map((e) =>
      h(
        'li',
        {},
        h(
          'button',
          { type: 'button', class: 'event', 'data-event': e.id, onclick: () => nav.openEvent(e.id) },
          h(
            'span',
            { class: 'event-head' },
            h('time', {}, eventDate(e)),
            typeBadge(e.type),
            e.flagged ? h('span', { class: 'flag', title: 'negated or hypothetical' }, e.aux.join(', ')) : null,
            h('span', { class: 'actors' }, actorName(e.source), ' → ', actorName(e.target)),
          ),
          h('span', { class: 'event-text' }, clip(e.text, 220)),
          h(
            'span',
            { class: 'event-meta' },
            `${e.numSources} ${e.numSources === 1 ? 'outlet' : 'outlets'} · ${e.numDocuments} ${e.numDocuments === 1 ? 'article' : 'articles'}`,
            e.location ? ` · ${e.location.name}` : '',
          ),
        ),
      ),
    ),
  );
}

export function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** A horizontal bar from −10 to +10 showing a cooperation–conflict score. */
export function scoreBar(score: number | null): HTMLElement {
  const label = score === null ? 'n/a' : (score > 0 ? '+' : '') + score.toFixed(1);
  const fill = h('span', { class: 'score-fill' });
  const bar = h('span', { class: 'score', role: 'img', 'aria-label': `score ${label}` }, h('span', { class: 'score-track' }, fill), h('span', { class: 'score-num' }, label));
  const v = Math.max(-10, Math.min(10, score ?? 0));
  fill.style.left = v >= 0 ? '50%' : `${50 + v * 5}%`;
  fill.style.width = `${Math.abs(v) * 5}%`;
  fill.style.background = scoreColor(score);
  return bar;
}

export function loading(): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, 'Loading…');
}

export function errorNote(e: unknown): HTMLElement {
  return h('p', { class: 'error', role: 'alert' }, `Could not load: ${e instanceof Error ? e.message : String(e)}`);
}

export function pager(total: number, page: number, size: number, nav: Nav): HTMLElement | null {
  const pages = Math.ceil(total / size);
  if (pages <= 1) return null;
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Pages' },
    page > 0 ? h('a', { href: nav.href({ page: page - 1 }), 'data-nav': true }, '← newer') : null,
    h('span', {}, `page ${fmt(page + 1)} of ${fmt(pages)}`),
    page + 1 < pages ? h('a', { href: nav.href({ page: page + 1 }), 'data-nav': true }, 'older →') : null,
  );
}
