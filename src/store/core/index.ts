// dialect-neutral part of the store: types, the Store interface, the filter parser, the merge rule, near-duplicates.
export * from './types.js';
export * from './filter.js';
export * from './merge.js';
export * from './minhash.js';
export * from './schema.js';
export * from './transfers.js';
