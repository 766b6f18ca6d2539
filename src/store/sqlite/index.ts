// the better-sqlite3 driver of the Store interface (default store).
import { EntenteError } from '../../core/index.js';
import type { OpenOptions, Store } from '../core/index.js';

/** Opens a SQLite event store (being implemented). */
export function openSqliteStore(_path: string, _options: OpenOptions = {}): Store {
  throw new EntenteError('not-implemented', 'the SQLite store is being written');
}
