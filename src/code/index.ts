export { loadPatterns, inflections } from './patterns.js';
export type { Pattern, PatternIndex, Roles } from './patterns.js';
export { codeTokens, EXERCISE_RULES, exerciseHost, findTriggers } from './coder.js';
export type { RawEvent } from './coder.js';
export { modalityOf } from './modality.js';
