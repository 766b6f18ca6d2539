// search view: full-text hits over article text and evidence sentences.
import { get, type SearchHit } from '../api.js';
import type { ViewRender } from '../app.js';
import { h, replace, snippet } from '../dom.js';
import { errorNote, loading } from '../parts.js';

export const renderSearch: ViewRender = async (el, state, nav) => {
  const box = h('div', { id: 'search-results' }, loading());
  replace(el, h('h1', {}, 'Search'), h('p', { class: 'lede' }, state.q ? `Results for “${state.q}”` : 'Type words in the search box.'), box);
  if (!state.q) {
    replace(box);
    return undefined;
  }
  try {
    const res = await get<{ items: SearchHit[] }>('/api/search', { q: state.q, limit: 50 });
    if (res.items.length === 0) {
      replace(box, h('p', { class: 'empty' }, 'Nothing found.'));
      return undefined;
    }
    // one sentence that states several events comes back once per event: show it once
    const groups = new Map<string, { hit: SearchHit; events: string[] }>();
    for (const hit of res.items) {
      const key = `${hit.kind}|${hit.docId}|${hit.snippet}`;
      const g = groups.get(key) ?? { hit, events: [] };
      if (hit.eventId && !g.events.includes(hit.eventId)) g.events.push(hit.eventId);
      groups.set(key, g);
    }
    replace(
      box,
      h(
        'ol',
        { class: 'hits' },
        [...groups.values()].map(({ hit, events }) =>
          h(
            'li',
            { class: 'hit' },
            h('p', { class: 'hit-meta' }, [hit.title ?? hit.docId, hit.outlet, hit.date].filter(Boolean).join(' · ')),
            h('p', { class: 'hit-text' }, snippet(hit.snippet)),
            events.length
              ? h(
                  'p',
                  { class: 'hit-actions' },
                  events.map((id, i) =>
                    h('button', { type: 'button', class: 'secondary', onclick: () => nav.openEvent(id) }, events.length === 1 ? 'Open the event' : `Event ${i + 1}`),
                  ),
                )
              : h('span', { class: 'muted' }, hit.kind === 'document' ? 'in the article text' : ''),
          ),
        ),
      ),
    );
  } catch (e) {
    if (!(e instanceof DOMException)) replace(box, errorNote(e));
  }
  return undefined;
};
