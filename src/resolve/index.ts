export { loadLexicon, matchAt, pluralize } from './lexicon.js';
export type { Entry, EntryKind, Lexicon, LexMatch } from './lexicon.js';
export { findChunks, newMemory } from './actors.js';
export type { ActorRef, Chunk, DocMemory, LearnedPerson } from './actors.js';
