// near-duplicate detection: MinHash over word 5-shingles with LSH bands (written here; see STACK.md for why not a package).
import { createHash } from 'node:crypto';
import { fold } from '../../core/index.js';

export const SHINGLE_WORDS = 5;
export const NUM_HASHES = 128;
/** 32 bands of 4 rows: a pair with Jaccard 0.8 shares at least one band with probability > 0.99999. */
export const BANDS = 32;
export const ROWS = NUM_HASHES / BANDS;
/** Estimated Jaccard similarity at or above which a document is a near-copy of an earlier one. */
export const COPY_THRESHOLD = 0.8;
/** Fewer distinct shingles than this and a text is too short to call anything a copy of it. */
export const MIN_SHINGLES = 8;

/** Folded words of a text (letters and digits), the unit of shingles and of the text hash. */
export function words(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** sha1 of the text's words: equal for texts that differ only in case, accents, spacing or punctuation. */
export function textHash(text: string): string {
  return hashWords(words(text));
}

function hashWords(w: readonly string[]): string {
  return createHash('sha1').update(w.join(' ')).digest('hex');
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// murmur3's finaliser: a cheap 32-bit mixing function; xor with a per-row seed gives the hash family.
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// hash family h_i(x) = a_i * x + b_i (mod 2^32) with odd a_i: cheap, and the shingle hashes it
// permutes are already well mixed by fmix.
const MULS = Uint32Array.from({ length: NUM_HASHES }, (_, i) => fmix((i + 1) * 0x9e3779b9) | 1);
const ADDS = Uint32Array.from({ length: NUM_HASHES }, (_, i) => fmix((i + 1) * 0x85ebca6b + 7));

/** Distinct hashes of the word 5-shingles of a text (each word hashed once, shingles combine word hashes). */
export function shingleHashes(text: string | readonly string[]): Uint32Array {
  const wh = (typeof text === 'string' ? words(text) : text).map(fnv1a);
  const set = new Set<number>();
  const combine = (from: number, to: number) => {
    let h = 0x9747b28c;
    for (let k = from; k < to; k++) h = fmix(Math.imul(h ^ (wh[k] as number), 0x01000193));
    return h;
  };
  if (wh.length > 0 && wh.length < SHINGLE_WORDS) set.add(combine(0, wh.length));
  for (let i = 0; i + SHINGLE_WORDS <= wh.length; i++) set.add(combine(i, i + SHINGLE_WORDS));
  return Uint32Array.from(set);
}

/** MinHash signature (NUM_HASHES values), or null when the text has too few shingles to compare. */
export function minhash(text: string | readonly string[]): Uint32Array | null {
  const sh = shingleHashes(text);
  if (sh.length < MIN_SHINGLES) return null;
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (let j = 0; j < sh.length; j++) {
    const x = sh[j]!;
    for (let i = 0; i < NUM_HASHES; i++) {
      const h = (Math.imul(x, MULS[i]!) + ADDS[i]!) >>> 0;
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** The text hash and the MinHash signature of a text, splitting it into words once. */
export function fingerprint(text: string): { hash: string; signature: Uint32Array | null } {
  const w = words(text);
  return { hash: hashWords(w), signature: minhash(w) };
}

/** One integer per LSH band: band index in the high bits, a hash of the band's rows in the low 32. */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = fmix(Math.imul(h ^ sig[b * ROWS + r]!, 0x01000193));
    keys.push(b * 2 ** 32 + (h >>> 0));
  }
  return keys;
}

/** Share of equal positions in two signatures: an estimate of the Jaccard similarity of their shingle sets. */
export function jaccardEstimate(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < NUM_HASHES; i++) if (a[i] === b[i]) same++;
  return same / NUM_HASHES;
}

export function signatureToBuffer(sig: Uint32Array): Buffer {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength);
}

export function signatureFromBuffer(buf: Uint8Array): Uint32Array {
  const copy = new Uint8Array(buf);
  return new Uint32Array(copy.buffer, 0, NUM_HASHES);
}
