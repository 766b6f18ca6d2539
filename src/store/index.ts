// the store's public surface: open a database, and the types and helpers the CLI and the HTTP API use.
import { openSqliteStore } from './sqlite/index.js';
import type { OpenOptions, Store } from './core/index.js';

export * from './core/index.js';
export { openSqliteStore } from './sqlite/index.js';

/**
 * Opens (creating and migrating if needed) the event store at `path`: a SQLite file, or ':memory:'.
 * Throws EntenteError('schema') for a database made by a newer or unknown schema, and
 * EntenteError('no-db') when `readonly` is set and the file does not exist.
 * @example const store = openStore('entente.db', { readonly: true }); store.queryEvents({ dyad: ['AZE', 'TUR'] });
 */
export function openStore(path: string, options: OpenOptions = {}): Store {
  return openSqliteStore(path, options);
}
