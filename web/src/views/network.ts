// network view: countries as nodes, cooperation and conflict as coloured edges weighted by events.
import cytoscape from 'cytoscape';
import { get, type NetworkData } from '../api.js';
import type { ViewRender } from '../app.js';
import { scoreColor } from '../colors.js';
import { fmt, h, replace } from '../dom.js';
import { countryName, dyadLabel } from '../names.js';
import { errorNote, loading, scoreBar } from '../parts.js';
import { filterParams } from '../state.js';

/** The heaviest ties drawn: enough to see the structure, few enough to read it. */
const EDGES = 120;

export const renderNetwork: ViewRender = async (el, state, nav) => {
  const graphBox = h('div', { class: 'graph', id: 'network-graph', role: 'img', 'aria-label': 'Network of countries; the table below lists the same ties' });
  const tableBox = h('div', {}, loading());
  replace(
    el,
    h('h1', {}, 'Network'),
    h(
      'p',
      { class: 'lede' },
      'Countries linked by the events between them: green ties lean to cooperation, red to conflict; thicker ties have more events. Select a tie to open the dyad.',
    ),
    h('section', { class: 'card' }, graphBox),
    h('section', { class: 'card' }, h('h2', {}, 'Strongest ties'), tableBox),
  );
  let data: NetworkData;
  try {
    data = await get<NetworkData>('/api/network', { ...filterParams(state), limit: EDGES });
  } catch (e) {
    if (!(e instanceof DOMException)) replace(tableBox, errorNote(e));
    return undefined;
  }
  if (data.edges.length === 0) {
    replace(graphBox, h('p', { class: 'empty' }, 'No ties in this selection.'));
    replace(tableBox);
    return undefined;
  }
  // cytoscape would inject a <style> that the CSP blocks; .graph in style.css already is position: relative
  if (!document.getElementById('__________cytoscape_stylesheet')) document.head.append(h('meta', { id: '__________cytoscape_stylesheet', name: 'cytoscape-style', content: 'in style.css' }));
  const maxNode = Math.max(1, ...data.nodes.map((n) => n.events));
  const maxEdge = Math.max(1, ...data.edges.map((e) => e.events));
  const cy = cytoscape({
    container: graphBox,
    elements: [
      ...data.nodes.map((n) => ({
        data: { id: n.id, label: countryName(n.id), size: 18 + 42 * Math.sqrt(n.events / maxNode) },
      })),
      ...data.edges.map((e, i) => ({
        data: {
          id: `e${i}`,
          source: e.source,
          target: e.target,
          width: 1.5 + 10 * Math.sqrt(e.events / maxEdge),
          color: scoreColor(e.score),
        },
      })),
    ],
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          width: 'data(size)',
          height: 'data(size)',
          'background-color': '#3b4a5a',
          color: '#1d2733',
          'font-size': 12,
          'text-valign': 'bottom',
          'text-margin-y': 4,
          'text-outline-color': '#fff',
          'text-outline-width': 2,
        },
      },
      { selector: 'edge', style: { width: 'data(width)', 'line-color': 'data(color)', opacity: 0.8, 'curve-style': 'bezier' } },
      { selector: 'edge:selected', style: { opacity: 1, 'overlay-opacity': 0.15 } },
    ],
    layout: { name: data.nodes.length > 200 ? 'circle' : 'cose', animate: false, randomize: false, fit: true, padding: 20, nodeRepulsion: () => 9000, idealEdgeLength: () => 90 } as cytoscape.LayoutOptions,
    minZoom: 0.05,
    maxZoom: 4,
  });
  cy.on('tap', 'edge', (ev) => {
    const e = ev.target as cytoscape.EdgeSingular;
    nav.go({ view: 'dyad', a: e.source().id(), b: e.target().id(), page: 0 });
  });
  cy.on('tap', 'node', (ev) => {
    const n = ev.target as cytoscape.NodeSingular;
    cy.elements().removeClass('dim');
    n.closedNeighborhood().select();
  });

  const edges = [...data.edges].sort((x, y) => y.events - x.events).slice(0, 25);
  replace(
    tableBox,
    h(
      'table',
      { class: 'table', id: 'network-table' },
      h(
        'thead',
        {},
        h('tr', {}, h('th', { scope: 'col' }, 'Tie'), h('th', { scope: 'col', class: 'num' }, 'Events'), h('th', { scope: 'col', class: 'num' }, 'Coop.'), h('th', { scope: 'col', class: 'num' }, 'Conflict'), h('th', { scope: 'col' }, 'Score')),
      ),
      h(
        'tbody',
        {},
        edges.map((e) =>
          h(
            'tr',
            {},
            h('td', {}, h('a', { href: nav.href({ view: 'dyad', a: e.source, b: e.target, page: 0 }), 'data-nav': true }, dyadLabel(e.source, e.target))),
            h('td', { class: 'num' }, fmt(e.events)),
            h('td', { class: 'num' }, fmt(e.cooperation)),
            h('td', { class: 'num' }, fmt(e.conflict)),
            h('td', {}, scoreBar(e.score)),
          ),
        ),
      ),
    ),
  );
  return () => cy.destroy();
};
