// the dashboard: reads the state from the URL, draws the view, keeps the URL in step with every choice.
import './style.css';
import { abortAll } from './api.js';
import type { Nav, ViewRender } from './app.js';
import { $, h, replace } from './dom.js';
import { showEvent } from './event-panel.js';
import { CONTEXTS } from './names.js';
import { errorNote } from './parts.js';
import { readState, type State, stateUrl, type View } from './state.js';
import { renderDyad } from './views/dyad.js';
import { renderOverview } from './views/overview.js';
import { renderSearch } from './views/search.js';

// the network and map libraries are large: they load only when their view opens
const VIEWS: Record<View, () => Promise<ViewRender>> = {
  overview: async () => renderOverview,
  dyad: async () => renderDyad,
  search: async () => renderSearch,
  network: async () => (await import('./views/network.js')).renderNetwork,
  map: async () => (await import('./views/map.js')).renderMap,
  transfers: async () => (await import('./views/transfers.js')).renderTransfers,
};

const main = $('#main');
const dialog = $('#event-dialog') as HTMLDialogElement;
const filters = $('#filters') as HTMLFormElement;
const searchForm = $('#search-form') as HTMLFormElement;
let cleanup: (() => void) | undefined;
let rendered = '';
let generation = 0;

const nav: Nav = {
  go(patch, options = {}) {
    const next = { ...readState(), ...patch };
    const url = stateUrl(next);
    if (options.replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    void render();
  },
  href(patch) {
    return stateUrl({ ...readState(), ...patch });
  },
  openEvent(id) {
    nav.go({ event: id });
  },
};

/** The part of the state that decides what the main area shows (the open event does not). */
function viewKey(s: State): string {
  return stateUrl({ ...s, event: '' });
}

async function render(): Promise<void> {
  const state = readState();
  syncControls(state);
  const key = viewKey(state);
  if (key !== rendered) {
    rendered = key;
    const mine = ++generation;
    abortAll();
    cleanup?.();
    cleanup = undefined;
    main.dataset.view = state.view;
    main.dataset.ready = 'false';
    try {
      const view = await VIEWS[state.view]();
      const done = await view(main, state, nav);
      if (mine === generation) cleanup = done;
      else done?.();
    } catch (e) {
      if (mine === generation && !(e instanceof DOMException)) replace(main, errorNote(e));
    }
    if (mine === generation) main.dataset.ready = 'true';
  }
  if (state.event) void showEvent(dialog, state.event, onDialogClose);
  else if (dialog.open) dialog.close();
}

function onDialogClose(): void {
  if (readState().event) nav.go({ event: '' });
}

function syncControls(s: State): void {
  document.title = `entente · ${s.view}`;
  for (const a of document.querySelectorAll<HTMLAnchorElement>('#nav a[data-view]')) {
    const v = a.dataset.view as View;
    a.href = stateUrl({ ...s, view: v, event: '', page: 0 });
    if (v === s.view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const f = filters.elements;
  (f.namedItem('since') as HTMLInputElement).value = s.since;
  (f.namedItem('until') as HTMLInputElement).value = s.until;
  ensureOption(f.namedItem('type') as HTMLSelectElement, s.type);
  ensureOption(f.namedItem('context') as HTMLSelectElement, s.context);
  ($('#search-input') as HTMLInputElement).value = s.q;
}

/** Selects `value`, adding it as an option first when a shared URL carries one the list lacks. */
function ensureOption(select: HTMLSelectElement, value: string): void {
  if (value && ![...select.options].some((o) => o.value === value)) select.append(h('option', { value }, value));
  select.value = value;
}

function setup(): void {
  const context = filters.elements.namedItem('context') as HTMLSelectElement;
  for (const c of CONTEXTS) context.append(h('option', { value: c }, c.replace(/_/g, ' ')));
  const type = filters.elements.namedItem('type') as HTMLSelectElement;
  for (const t of ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT']) {
    type.append(h('option', { value: t }, t.toLowerCase()));
  }
  filters.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const data = new FormData(filters);
    nav.go({
      since: String(data.get('since') ?? ''),
      until: String(data.get('until') ?? ''),
      type: String(data.get('type') ?? ''),
      context: String(data.get('context') ?? ''),
      page: 0,
      event: '',
    });
  });
  $('#filters-reset').addEventListener('click', () => nav.go({ since: '', until: '', type: '', context: '', page: 0, event: '' }));
  searchForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = String(new FormData(searchForm).get('q') ?? '').trim();
    nav.go({ view: 'search', q, page: 0, event: '' });
  });
  // links marked data-nav (and the view tabs) move inside the page without a reload
  document.addEventListener('click', (ev) => {
    const a = (ev.target as Element | null)?.closest?.('a');
    if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    if (!(a.hasAttribute('data-nav') || a.hasAttribute('data-view')) || a.origin !== location.origin) return;
    ev.preventDefault();
    history.pushState(null, '', a.href);
    void render();
  });
  window.addEventListener('popstate', () => void render());
}

setup();
void render();
