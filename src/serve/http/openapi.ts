// the OpenAPI 3.1 description of the JSON API, served at /api/openapi.json.
import { PLOVER_TYPES } from '../../core/index.js';
import { MAX_BODY } from './routes/documents.js';

const actorSchema = { type: 'string', pattern: '^[A-Za-z-]{3}([A-Za-z]{3}){0,4}$', examples: ['AZE', 'TURGOV'] };

const list = (examples: string[]) => ({ type: 'string', description: 'comma-separated (or repeated)', examples });

/** The filters of every read route: the same names and meaning as the options of `entente events`. */
const filterParams = [
  { name: 'actor', in: 'query', description: 'actor as source or target: a country code (AZE) or a code prefix (AZEMIL)', schema: list(['AZE', 'TURGOV']) },
  { name: 'dyad', in: 'query', description: 'events between two country-level actors, both directions', schema: { type: 'string', examples: ['AZE,TUR'] } },
  { name: 'directed', in: 'query', description: 'with dyad: only the first -> the second', schema: { type: 'boolean' } },
  { name: 'type', in: 'query', description: `PLOVER types (${PLOVER_TYPES.join(', ')})`, schema: list(['COOPERATE,AGREE']) },
  { name: 'context', in: 'query', description: 'PLOVER contexts', schema: list(['military']) },
  { name: 'since', in: 'query', description: 'event date on or after (YYYY-MM-DD, YYYY-MM or YYYY)', schema: { type: 'string', examples: ['2024-01'] } },
  { name: 'until', in: 'query', description: 'event date on or before', schema: { type: 'string', examples: ['2024-12-31'] } },
  { name: 'mode', in: 'query', description: 'PLOVER mode (visit, phone, ...) or marker (intend, negated, hypothetical)', schema: list(['visit']) },
  { name: 'min-sources', in: 'query', description: 'reported by at least N outlets', schema: { type: 'integer', minimum: 1 } },
  { name: 'text', in: 'query', description: 'full-text match in the evidence sentences', schema: { type: 'string', maxLength: 200 } },
  {
    name: 'flagged',
    in: 'query',
    description: 'negated/hypothetical events; lists include them by default, counts and scores exclude them',
    schema: { type: 'string', enum: ['include', 'exclude', 'only'] },
  },
];

/** The filters of the transfer routes: the same names and meaning as the options of `entente transfers`. */
const transferParams = [
  { name: 'supplier', in: 'query', description: 'supplier: country code (TUR), actor code prefix (TURBUS) or part of a company name (Baykar)', schema: list(['TUR', 'Baykar']) },
  { name: 'recipient', in: 'query', description: 'recipient, same forms as supplier', schema: list(['POL']) },
  { name: 'category', in: 'query', description: 'weapon categories (uav, tank, artillery, air-defence, ...)', schema: list(['uav,tank']) },
  { name: 'status', in: 'query', description: 'discussed, planned, ordered, signed, delivered, in-production, unknown', schema: list(['delivered']) },
  { name: 'system', in: 'query', description: 'part of the system name', schema: list(['TB2']) },
  { name: 'since', in: 'query', description: 'transfer date on or after (YYYY-MM-DD, YYYY-MM or YYYY)', schema: { type: 'string', examples: ['2024'] } },
  { name: 'until', in: 'query', description: 'transfer date on or before', schema: { type: 'string', examples: ['2024-12-31'] } },
  { name: 'flagged', in: 'query', description: 'transfers of negated/hypothetical events', schema: { type: 'string', enum: ['include', 'exclude', 'only'], default: 'exclude' } },
];

const page = (max: number, fallback: number) => [
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: max, default: fallback } },
  { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
];
const by = { name: 'by', in: 'query', schema: { type: 'string', enum: ['day', 'week', 'month', 'quarter', 'year'], default: 'month' } };
const limit = (max: number, fallback: number) => ({ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: max, default: fallback } });

const json = (schema: object, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const error = json({ $ref: '#/components/schemas/Error' }, 'error');
const errors = { '400': error };

const docSchema = {
  type: 'object',
  required: ['id', 'text'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[\\w.:-]{1,200}$' },
    date: { type: ['string', 'null'], format: 'date' },
    title: { type: ['string', 'null'], maxLength: 1000 },
    text: { type: 'string', minLength: 1 },
    url: { type: ['string', 'null'], format: 'uri' },
    source: { type: ['string', 'null'], description: 'the outlet', maxLength: 200 },
    lang: { type: ['string', 'null'] },
  },
};

export const openapi = {
  openapi: '3.1.0',
  info: {
    title: 'entente API',
    version: '0.1.0',
    description: 'International-relations events coded from news articles (PLOVER), with the evidence sentences.',
  },
  paths: {
    '/api/health': { get: { summary: 'Liveness', responses: { '200': json({ type: 'object' }) } } },
    '/api/countries': {
      get: {
        summary: 'Events per country-level actor (an event counts for each country on either side)',
        parameters: filterParams,
        responses: { '200': json({ type: 'object' }), ...errors },
      },
    },
    '/api/stats': { get: { summary: 'Counts of documents and events, and the date range', responses: { '200': json({ type: 'object' }) } } },
    '/api/events': {
      get: {
        summary: 'Events, newest first, filtered and paginated',
        parameters: [
          ...filterParams,
          ...page(500, 50),
          { name: 'order', in: 'query', schema: { type: 'string', enum: ['date', 'sources', 'reported'], default: 'date' } },
        ],
        responses: { '200': json({ $ref: '#/components/schemas/EventPage' }), ...errors },
      },
    },
    '/api/events/{id}': {
      get: {
        summary: 'One event with all its evidence sentences and documents',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': json({ type: 'object' }), '404': error, ...errors },
      },
    },
    '/api/search': {
      get: {
        summary: 'Full-text search over evidence sentences',
        parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string', maxLength: 200 } }, limit(200, 20)],
        responses: { '200': json({ type: 'object', properties: { q: { type: 'string' }, items: { type: 'array', items: { type: 'object' } } } }), ...errors },
      },
    },
    '/api/actors': {
      get: {
        summary: 'Actors with their event counts',
        parameters: [
          { name: 'q', in: 'query', description: 'an upper-case code prefix (AZE) or part of a name', schema: { type: 'string' } },
          ...page(1000, 100),
        ],
        responses: { '200': json({ type: 'object' }), ...errors },
      },
    },
    '/api/timeline': {
      get: {
        summary: 'Event counts per period and type',
        parameters: [...filterParams, by],
        responses: { '200': json({ type: 'object' }), ...errors },
      },
    },
    '/api/dyads': {
      get: {
        summary: 'The most active country pairs',
        parameters: [...filterParams, limit(200, 10)],
        responses: { '200': json({ type: 'object' }), ...errors },
      },
    },
    '/api/dyads/{a}/{b}': {
      get: {
        summary: "A dyad's timeline by type and its cooperation–conflict score per period",
        parameters: [
          { name: 'a', in: 'path', required: true, schema: actorSchema },
          { name: 'b', in: 'path', required: true, schema: actorSchema },
          ...filterParams,
          by,
        ],
        responses: { '200': json({ type: 'object' }), ...errors },
      },
    },
    '/api/network': {
      get: {
        summary: 'Countries as nodes, cooperation and conflict as weighted edges',
        parameters: [...filterParams, { ...limit(5000, 300), description: 'the heaviest edges kept' }],
        responses: { '200': json({ type: 'object' }), ...errors },
      },
    },
    '/api/geo': {
      get: {
        summary: 'Event places (from the newest 5,000 events; lat/lon null when only the country is known) and events per country',
        parameters: filterParams,
        responses: { '200': json({ type: 'object' }), ...errors },
      },
    },
    '/api/transfers': {
      get: {
        summary: 'Arms-transfer register: one line per deal and weapon system (supplier, recipient, system, quantity, value, status), newest first',
        parameters: [...transferParams, ...page(1000, 100)],
        responses: { '200': json({ type: 'object', properties: { total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, items: { type: 'array', items: { type: 'object' } } } }), ...errors },
      },
    },
    '/api/transfers/flows': {
      get: {
        summary: 'Supplier -> recipient totals of the transfer lines (deals, lines, quantity, categories, statuses, values per currency), most deals first',
        parameters: [...transferParams, limit(1000, 100)],
        responses: { '200': json({ type: 'object', properties: { total: { type: 'integer' }, items: { type: 'array', items: { type: 'object' } } } }), ...errors },
      },
    },
    '/api/documents': {
      post: {
        summary: 'Add documents: they are coded and stored',
        description: `At most ${MAX_BODY} bytes. Requires a bearer token whenever the server listens beyond loopback.`,
        security: [{ bearer: [] }],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { oneOf: [docSchema, { type: 'array', items: docSchema, maxItems: 1000 }] } } },
        },
        responses: {
          '201': json({ type: 'object', properties: { received: { type: 'integer' }, documents: { type: 'integer' }, events: { type: 'integer' } } }),
          '401': error,
          '413': error,
          '415': error,
          ...errors,
        },
      },
    },
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Error: { type: 'object', required: ['error'], properties: { error: { type: 'string' }, status: { type: 'integer' } } },
      EventPage: {
        type: 'object',
        properties: {
          total: { type: 'integer' },
          limit: { type: 'integer' },
          offset: { type: 'integer' },
          items: { type: 'array', items: { $ref: '#/components/schemas/Event' } },
        },
      },
      Event: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          type: { type: 'string', enum: [...PLOVER_TYPES] },
          cameo: { type: ['string', 'null'] },
          mode: { type: 'string' },
          context: { type: 'array', items: { type: 'string' } },
          source: { type: ['object', 'null'] },
          target: { type: ['object', 'null'] },
          date: { type: 'object' },
          location: { type: ['object', 'null'] },
          evidence: { type: 'object' },
          confidence: { type: 'number' },
          doc: { type: 'object' },
        },
      },
    },
  },
} as const;
