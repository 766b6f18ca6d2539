// a deterministic benchmark corpus: news-like documents recombined from the paragraphs of samples/articles.jsonl.
import { createWriteStream, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface BenchDoc {
  readonly id: string;
  readonly date: string;
  readonly title: string;
  readonly source: string;
  readonly url: string;
  readonly lang: 'en';
  readonly text: string;
}

interface Sample {
  readonly date: string;
  readonly title: string;
  readonly paragraphs: readonly string[];
}

export const SAMPLES_PATH = fileURLToPath(new URL('../samples/articles.jsonl', import.meta.url));

function loadSamples(path = SAMPLES_PATH): Sample[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const a = JSON.parse(l) as { date: string; title: string; text: string };
      return { date: a.date, title: a.title, paragraphs: a.text.split(/\n\s*\n/).filter((p) => p.trim() !== '') };
    });
}

/** mulberry32: a small seeded PRNG, so every run builds the same corpus. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shiftDate(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * `n` documents: each takes the paragraphs of one sample article (its title and date, shifted by up to a
 * year) and one or two paragraphs of another, in an order drawn from a seeded PRNG; so the texts are real
 * news prose, distinct from each other (no two are copies), and the same on every run.
 */
export function* benchDocs(n: number, seed = 7, samplesPath = SAMPLES_PATH): Generator<BenchDoc> {
  const samples = loadSamples(samplesPath);
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  for (let i = 0; i < n; i++) {
    const base = samples[i % samples.length] as Sample;
    const other = pick(samples);
    const paragraphs = [...base.paragraphs];
    const extra = 1 + Math.floor(r() * 2);
    for (let k = 0; k < extra; k++) {
      // never before the lead paragraph, so the dateline and the main event still open the story
      paragraphs.splice(1 + Math.floor(r() * paragraphs.length), 0, pick(other.paragraphs));
    }
    yield {
      id: `bench-${seed}-${i}`,
      date: shiftDate(base.date, Math.floor(r() * 365)),
      title: base.title,
      source: `outlet-${Math.floor(r() * 40)}.example`,
      url: `https://outlet.example/${seed}/${i}`,
      lang: 'en',
      text: paragraphs.join('\n\n'),
    };
  }
}

/** Writes `n` documents as JSONL to `path`; resolves to the number of bytes written. */
export async function writeCorpus(path: string, n: number, seed = 7): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  for (const d of benchDocs(n, seed)) {
    const line = `${JSON.stringify(d)}\n`;
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await new Promise((res) => out.once('drain', () => res(undefined)));
  }
  await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
  return bytes;
}
