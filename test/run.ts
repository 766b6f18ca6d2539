// the single test entry: imports every *.test.ts under src/ and test/ into one process (fast on node:test).
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function find(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name === 'fixtures') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) find(path, out);
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const only = process.env.ENTENTE_TEST_ONLY;
for (const file of [...find(join(root, 'src'), []), ...find(join(root, 'test'), [])]) {
  if (only && !relative(root, file).includes(only)) continue;
  await import(pathToFileURL(file).href);
}
