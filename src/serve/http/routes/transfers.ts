// arms transfers: the register lines with filters and pagination, and supplier -> recipient flows.
import { WEAPON_CATEGORIES } from '../../../code/load-weapons.js';
import { parseTransferFilter, type TransferFilter, type TransferFilterParams } from '../../../store/index.js';
import type { Services } from '../context.js';
import { badParam } from '../errors.js';
import { Query } from '../params.js';
import type { Router } from '../router.js';

/** Query parameters of both routes: the same names as the options of `entente transfers`. */
export const TRANSFER_PARAMS = ['supplier', 'recipient', 'category', 'status', 'system', 'since', 'until', 'flagged'] as const;

const LISTS = new Set(['supplier', 'recipient', 'category', 'status', 'system']);

function readTransferFilter(query: Query): TransferFilter {
  const raw: Record<string, string | string[]> = {};
  for (const param of TRANSFER_PARAMS) {
    if (LISTS.has(param)) {
      const values = query.all(param, 200);
      if (values.length) raw[param] = values;
    } else {
      const v = query.string(param, { max: 200 });
      if (v !== undefined) raw[param] = v;
    }
  }
  const parsed = parseTransferFilter(raw as TransferFilterParams, WEAPON_CATEGORIES);
  if (!parsed.ok) {
    const issue = parsed.issues[0];
    throw badParam(issue?.field ?? 'filter', issue?.message ?? 'invalid');
  }
  const f = parsed.value;
  if (f.since && f.until && f.since > f.until) throw badParam('until', `'${f.until}' is before 'since' (${f.since})`);
  return f;
}

export function transferRoutes(router: Router, { store }: Services): void {
  router.get('/api/transfers', (req) => {
    const query = new Query(req.query);
    const filter = readTransferFilter(query);
    const limit = query.int('limit', { min: 1, max: 1000, fallback: 100 });
    const offset = query.int('offset', { min: 0, max: 10_000_000, fallback: 0 });
    query.done();
    const page = store.listTransfers(filter, { limit, offset });
    return { json: { total: page.total, limit, offset, items: page.items } };
  });

  router.get('/api/transfers/flows', (req) => {
    const query = new Query(req.query);
    const filter = readTransferFilter(query);
    const limit = query.int('limit', { min: 1, max: 1000, fallback: 100 });
    query.done();
    const flows = store.transferFlows(filter);
    return { json: { total: flows.length, items: flows.slice(0, limit) } };
  });
}
