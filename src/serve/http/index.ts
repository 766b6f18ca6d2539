// the HTTP server: JSON API (OpenAPI at /api/openapi.json) and the built dashboard.
export { createApp } from './app.js';
export type { AppOptions, RequestHandler } from './app.js';
export type { Services } from './context.js';
export { HttpError } from './errors.js';
export { openapi } from './openapi.js';
export { validateDocuments, MAX_BODY } from './routes/documents.js';
export { CSP } from './security.js';
export { startServer } from './server.js';
export type { RunningServer, ServeOptions } from './server.js';
export { DEFAULT_WEB_ROOT } from './static.js';
