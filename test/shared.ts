// access to ../shared (gold data, seed article): tests that need it skip with a message where it is absent.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));

/** The path of a file under ../shared, or null (and the reason to skip) when it is not there. */
export function sharedFile(rel: string): string | null {
  const p = SHARED + rel;
  return existsSync(p) ? p : null;
}

export const SKIP_NO_SHARED = '../shared is absent (plain clone): this test needs the shared data beside the project';
