// public library API.
export * from './core/index.js';
export { createCoder } from './pipeline.js';
export type { Coder, CoderOptions } from './pipeline.js';
