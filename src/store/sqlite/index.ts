// the better-sqlite3 driver of the Store interface (default store).
import type { OpenOptions, Store } from '../core/index.js';
import { SqliteStore } from './driver.js';

export { MIGRATIONS } from './migrate.js';
export { SqliteStore } from './driver.js';

/**
 * Opens a SQLite event store at `path` (':memory:' for a throwaway one), creating and migrating it
 * unless `readonly`. WAL mode, so other processes can read while one ingests.
 * @example const store = openSqliteStore('entente.db'); store.ingest(doc, coder.codeDoc(doc)); store.close();
 */
export function openSqliteStore(path: string, options: OpenOptions = {}): Store {
  return new SqliteStore(path, options);
}
