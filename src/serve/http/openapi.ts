// the OpenAPI 3.1 description of the JSON API, served at /api/openapi.json.
import { PLOVER_TYPES } from '../../core/index.js';
import { MAX_BODY } from './routes/documents.js';

const actorSchema = { type: 'string', pattern: '^[A-Za-z-]{3}([A-Za-z]{3}){0,4}$', examples: ['AZE', 'TURGOV'] };

const filterParams = [
  { name: 'actor', in: 'query', description: 'either side; a country code matches all its actors', schema: actorSchema },
  { name: 'source', in: 'query', description: 'initiating actor', schema: actorSchema },
  { name: 'target', in: 'query', description: 'recipient actor', schema: actorSchema },
  {
    name: 'type',
    in: 'query',
    description: 'PLOVER types, comma-separated',
    schema: { type: 'string', examples: ['COOPERATE,AGREE'] },
  },
  { name: 'context', in: 'query', description: 'PLOVER contexts, comma-separated', schema: { type: 'string', examples: ['military'] } },
  { name: 'from', in: 'query', description: 'first event date (inclusive)', schema: { type: 'string', format: 'date' } },
  { name: 'to', in: 'query', description: 'last event date (inclusive)', schema: { type: 'string', format: 'date' } },
  { name: 'q', in: 'query', description: 'full-text query over evidence sentences', schema: { type: 'string', maxLength: 200 } },
];

const page = (max: number, fallback: number) => [
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: max, default: fallback } },
  { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
];
const by = { name: 'by', in: 'query', schema: { type: 'string', enum: ['day', 'week', 'month', 'year'], default: 'month' } };

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
    '/api/stats': { get: { summary: 'Counts of documents and events, and the date range', responses: { '200': json({ type: 'object' }) } } },
    '/api/events': {
      get: {
        summary: 'Events, newest first, filtered and paginated',
        parameters: [...filterParams, ...page(500, 50)],
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
        parameters: [
          { name: 'q', in: 'query', required: true, schema: { type: 'string', maxLength: 200 } },
          ...page(200, 20),
        ],
        responses: { '200': json({ $ref: '#/components/schemas/EventPage' }), ...errors },
      },
    },
    '/api/actors': {
      get: {
        summary: 'Actors with their event counts',
        parameters: [
          { name: 'q', in: 'query', description: 'code or name prefix', schema: { type: 'string' } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
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
        parameters: [...filterParams, { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 10 } }],
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
        parameters: [...filterParams, { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 2000, default: 300 } }],
        responses: { '200': json({ type: 'object' }), ...errors },
      },
    },
    '/api/geo': {
      get: {
        summary: 'Event locations (points) and events per country',
        parameters: filterParams,
        responses: { '200': json({ type: 'object' }), ...errors },
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
