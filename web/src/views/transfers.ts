// transfers view: the arms-transfer register (who supplies which weapons to whom) and a supplier → recipient flow chart.
import { SankeyChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { get } from '../api.js';
import type { ViewRender } from '../app.js';
import { type Chart, makeChart } from '../charts.js';
import { fmt, h, replace } from '../dom.js';
import { countryName } from '../names.js';
import { clip, errorNote, loading } from '../parts.js';
import { filterParams } from '../state.js';

echarts.use([SankeyChart, TooltipComponent, CanvasRenderer]);

/** One register line as GET /api/transfers gives it. */
export interface TransferItem {
  eventId: string;
  flagged: boolean;
  date: string | null;
  supplier: { country: string | null; code: string | null; org: string | null };
  recipient: { country: string | null; code: string | null; org: string | null };
  system: { text: string | null; name: string | null; category: string | null };
  quantity: number | null;
  value: { amount: number; currency: string | null; text: string | null } | null;
  status: string;
  expected: string | null;
  evidence: { docId: string; text: string };
  docIds: string[];
  reports: number;
}

export interface TransferFlowItem {
  supplier: string | null;
  recipient: string | null;
  deals: number;
  lines: number;
  quantity: number;
  categories: Record<string, number>;
  statuses: Record<string, number>;
  values: Record<string, number>;
}

const STATUSES = ['discussed', 'planned', 'ordered', 'signed', 'delivered', 'in-production'];
const PAGE = 50;
const FLOWS_SHOWN = 60;

// category and status choices last while the page is open (supplier and recipient live in the URL as a and b)
let chosen = { category: '', status: '' };

const side = (p: TransferItem['supplier']) => {
  const c = p.country ? countryName(p.country) : 'unknown';
  return p.org ? `${c} (${p.org})` : c;
};

function nowrap(td: HTMLTableCellElement): HTMLTableCellElement {
  td.style.whiteSpace = 'nowrap';
  return td;
}

function money(v: TransferItem['value']): string {
  if (!v) return '';
  return v.text ?? `${fmt(v.amount)} ${v.currency ?? ''}`;
}

/** ECharts sankey data: suppliers on the left, recipients on the right (separate nodes, so no cycles). */
export function sankeyData(flows: readonly TransferFlowItem[]) {
  const left = (c: string | null) => `${c ? countryName(c) : 'unknown'} ▸`;
  const right = (c: string | null) => `▸ ${c ? countryName(c) : 'unknown'}`;
  const names = new Set<string>();
  const links = flows.map((f) => {
    names.add(left(f.supplier));
    names.add(right(f.recipient));
    return { source: left(f.supplier), target: right(f.recipient), value: f.deals, flow: f };
  });
  return { nodes: [...names].map((name) => ({ name })), links };
}

export const renderTransfers: ViewRender = async (el, state, nav) => {
  const dates = filterParams(state);
  delete dates.type;
  delete dates.context;
  replace(el, h('h1', {}, 'Arms transfers'), loading());
  // the choices of the pickers: every supplier, recipient and category in the period
  const all = await get<{ items: TransferFlowItem[] }>('/api/transfers/flows', { ...dates, limit: 1000 });
  const codes = (pick: (f: TransferFlowItem) => string | null) =>
    [...new Set(all.items.map(pick).filter((c): c is string => c !== null))].map((c) => ({ c, n: countryName(c) })).sort((x, y) => x.n.localeCompare(y.n));
  const categories = [...new Set(all.items.flatMap((f) => Object.keys(f.categories)).filter((c) => c !== ''))].sort();
  const select = (name: string, label: string, options: { value: string; text: string }[], value: string) => {
    if (value && !options.some((o) => o.value === value)) options.push({ value, text: value });
    return h(
      'select',
      { name, id: `transfers-${name}`, 'aria-label': label },
      h('option', { value: '' }, `any ${label}`),
      options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.text)),
    );
  };
  const selSupplier = select('supplier', 'supplier', codes((f) => f.supplier).map(({ c, n }) => ({ value: c, text: `${n} (${c})` })), state.a);
  const selRecipient = select('recipient', 'recipient', codes((f) => f.recipient).map(({ c, n }) => ({ value: c, text: `${n} (${c})` })), state.b);
  const selCategory = select('category', 'category', categories.map((c) => ({ value: c, text: c.replace(/-/g, ' ') })), chosen.category);
  const selStatus = select('status', 'status', STATUSES.map((s) => ({ value: s, text: s })), chosen.status);
  const picker = h(
    'form',
    { class: 'picker', id: 'transfers-picker', 'aria-label': 'Filter the transfers' },
    h('label', { for: 'transfers-supplier' }, 'From'),
    selSupplier,
    h('label', { for: 'transfers-recipient' }, 'to'),
    selRecipient,
    selCategory,
    selStatus,
    h('button', { type: 'submit' }, 'Show'),
  );
  const lede = h('p', { class: 'lede' });
  const chartBox = h('div', { class: 'chart tall', id: 'transfers-chart', role: 'img', 'aria-label': 'Arms transfers from supplier to recipient countries' });
  const tableBox = h('div', { id: 'transfers-table' }, loading());
  replace(
    el,
    h('h1', {}, 'Arms transfers'),
    h('p', { class: 'muted' }, 'Sales, purchases, contracts, deliveries and donations of weapons found in the articles: one line per deal and weapon system. The dates of the filter bar apply.'),
    picker,
    lede,
    h('section', { class: 'card' }, h('h2', {}, 'Supplier → recipient (deals)'), chartBox),
    h('section', { class: 'card' }, h('h2', {}, 'Register'), tableBox),
  );

  let chart: Chart | null = null;
  let page = state.page;
  const params = () => ({
    ...dates,
    supplier: selSupplier.value,
    recipient: selRecipient.value,
    category: selCategory.value,
    status: selStatus.value,
  });

  // a view left while a request is in flight draws nothing more (its chart is disposed)
  let disposed = false;
  const drawFlows = async () => {
    const flows = await get<{ total: number; items: TransferFlowItem[] }>('/api/transfers/flows', { ...params(), limit: FLOWS_SHOWN });
    if (disposed) return;
    const deals = flows.items.reduce((n, f) => n + f.deals, 0);
    replace(lede, `${fmt(flows.total)} supplier → recipient ${flows.total === 1 ? 'pair' : 'pairs'}`, flows.total > FLOWS_SHOWN ? ` (the ${FLOWS_SHOWN} with most deals drawn)` : '', `, ${fmt(deals)} deals.`);
    if (flows.items.length === 0) {
      chart?.dispose();
      chart = null;
      replace(chartBox, h('p', { class: 'empty' }, 'No transfers in this selection.'));
      return;
    }
    if (!chart) {
      chartBox.replaceChildren();
      chart = makeChart(chartBox);
    }
    const data = sankeyData(flows.items);
    chart.setOption(
      {
        animation: false,
        tooltip: {
          trigger: 'item',
          confine: true,
          formatter: (p: { dataType?: string; name?: string; data?: { flow?: TransferFlowItem } }) => {
            const f = p.data?.flow;
            if (p.dataType !== 'edge' || !f) return echarts.format.encodeHTML(p.name ?? '');
            const cats = Object.entries(f.categories).map(([c, n]) => `${c || 'unnamed'} ${n}`).join(', ');
            const vals = Object.entries(f.values).map(([c, v]) => `${fmt(v)} ${c}`).join(', ');
            return echarts.format.encodeHTML(
              `${countryName(f.supplier ?? '?')} → ${countryName(f.recipient ?? '?')}: ${f.deals} deals, ${f.lines} lines, ${fmt(f.quantity)} units (${cats})${vals ? `; ${vals}` : ''}`,
            );
          },
        },
        series: [{ type: 'sankey', data: data.nodes, links: data.links, nodeAlign: 'justify', emphasis: { focus: 'adjacency' }, lineStyle: { color: 'gradient', opacity: 0.4 }, label: { fontSize: 12 } }],
      },
      true,
    );
  };

  const drawTable = async () => {
    const res = await get<{ total: number; items: TransferItem[] }>('/api/transfers', { ...params(), limit: PAGE, offset: page * PAGE });
    if (disposed) return;
    if (res.items.length === 0) {
      replace(tableBox, h('p', { class: 'empty' }, 'No transfers match.'));
      return;
    }
    const pages = Math.ceil(res.total / PAGE);
    const move = (to: number) => () => {
      page = to;
      void drawTable().catch((e: unknown) => replace(tableBox, errorNote(e)));
    };
    replace(
      tableBox,
      h('p', { class: 'muted' }, `${fmt(res.total)} lines, newest first`),
      h(
        'table',
        { class: 'table', id: 'transfers-rows' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['Date', 'Supplier', 'Recipient', 'System', 'Category'].map((t) => h('th', { scope: 'col' }, t)),
            h('th', { scope: 'col', class: 'num' }, 'Qty'),
            ['Status', 'Value', 'Expected'].map((t) => h('th', { scope: 'col' }, t)),
            h('th', { scope: 'col', class: 'num' }, 'Reports'),
            h('th', { scope: 'col' }, 'Evidence'),
          ),
        ),
        h(
          'tbody',
          {},
          res.items.map((r) =>
            h(
              'tr',
              {},
              nowrap(h('td', {}, r.date ?? '')),
              h('td', {}, side(r.supplier)),
              h('td', {}, side(r.recipient)),
              h('td', { title: r.system.text ?? '' }, r.system.name ?? r.system.text ?? ''),
              h('td', {}, (r.system.category ?? '').replace(/-/g, ' ')),
              h('td', { class: 'num' }, r.quantity === null ? '' : fmt(r.quantity)),
              h('td', {}, r.status, r.flagged ? h('span', { class: 'flag', title: 'negated or hypothetical' }, ' !') : null),
              h('td', {}, money(r.value)),
              h('td', {}, r.expected ?? ''),
              h('td', { class: 'num' }, fmt(r.reports)),
              h('td', {}, h('button', { type: 'button', class: 'event-link secondary', 'data-event': r.eventId, title: r.evidence.text, onclick: () => nav.openEvent(r.eventId) }, clip(r.evidence.text, 60))),
            ),
          ),
        ),
      ),
      pages > 1
        ? h(
            'nav',
            { class: 'pager', 'aria-label': 'Pages' },
            page > 0 ? h('button', { type: 'button', class: 'secondary', onclick: move(page - 1) }, '← newer') : null,
            h('span', {}, `page ${fmt(page + 1)} of ${fmt(pages)}`),
            page + 1 < pages ? h('button', { type: 'button', class: 'secondary', onclick: move(page + 1) }, 'older →') : null,
          )
        : null,
    );
  };

  const draw = async () => {
    const results = await Promise.allSettled([drawFlows(), drawTable()]);
    results.forEach((r, i) => {
      if (r.status === 'rejected' && !(r.reason instanceof DOMException)) replace([chartBox, tableBox][i] as HTMLElement, errorNote(r.reason));
    });
  };

  picker.addEventListener('submit', (ev) => {
    ev.preventDefault();
    chosen = { category: selCategory.value, status: selStatus.value };
    page = 0;
    // supplier and recipient live in the URL (a shareable view): a change there redraws the view
    if (selSupplier.value !== state.a || selRecipient.value !== state.b) nav.go({ a: selSupplier.value, b: selRecipient.value, page: 0, event: '' });
    else void draw();
  });

  await draw();
  return () => {
    disposed = true;
    (chart as Chart | null)?.dispose();
  };
};
