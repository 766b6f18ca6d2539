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
    replace(
      box,
      h(
        'ol',
        { class: 'hits' },
        res.items.map((hit) =>
          h(
            'li',
            { class: 'hit' },
            h('p', { class: 'hit-meta' }, [hit.title ?? hit.docId, hit.outlet, hit.date].filter(Boolean).join(' · ')),
            h('p', { class: 'hit-text' }, snippet(hit.snippet)),
            hit.eventId
              ? h('button', { type: 'button', class: 'secondary', onclick: () => nav.openEvent(hit.eventId as string) }, 'Open the event')
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
