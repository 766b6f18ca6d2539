export * from './types.js';
export * from './errors.js';
export * from './util.js';
export * from './tsv.js';
export * from './numbers.js';
