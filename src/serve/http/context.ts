// what the routes share: the store, and a coder made on first use (loading dictionaries takes a moment).
import type { Coder } from '../../pipeline.js';
import type { Store } from '../../store/index.js';

export interface Services {
  readonly store: Store;
  /** Returns the coder used for POSTed documents. */
  readonly coder: () => Coder;
}
