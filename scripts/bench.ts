// npm run bench [-- --docs 10000,100000 --workers 1,2 --no-build --no-ingest --big-mb 1024]
// End-to-end throughput of the BUILT CLI (dist/), run as child processes on a deterministic corpus, next to a
// bare read + sentence split + tokenize pass over the same corpus in the same run. Prints a markdown table.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { benchDocs, writeCorpus } from './bench-corpus.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'entente.js');
const DIST = join(ROOT, 'dist');
const WORK = join(ROOT, '.bench');

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '2000,10000' },
    workers: { type: 'string', default: `1,${availableParallelism()}` },
    'no-build': { type: 'boolean', default: false },
    'no-ingest': { type: 'boolean', default: false },
    'ingest-max': { type: 'string', default: '10000' },
    'big-mb': { type: 'string' },
    'startup-runs': { type: 'string', default: '7' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write(`usage: npm run bench -- [options]
  --docs N,M       corpus sizes in documents (default 2000,10000)
  --workers A,B    worker counts for \`entente code\` (default 1,<cores>)
  --no-build       use dist/ as it is (default: compile the CLI first with tsc -p tsconfig.build.json)
  --no-ingest      skip \`entente ingest\`
  --ingest-max N   run \`entente ingest\` only on corpora of at most N documents (default 10000)
  --big-mb N       also code an N MB JSONL file with the default workers, for peak RSS (streaming)
  --startup-runs N start-up runs (median; default 7)
`);
  process.exit(0);
}
const sizes = String(values.docs).split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
const workerCounts = String(values.workers).split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);

// every child reports its own peak RSS and CPU time when it exits (process-wide: worker threads included)
const USAGE_HOOK = `data:text/javascript,${encodeURIComponent(`
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
if (isMainThread && process.env.BENCH_USAGE_FILE) process.on('exit', () => {
  const r = process.resourceUsage();
  writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify({ maxRssKb: r.maxRSS, userUs: r.userCPUTime, sysUs: r.systemCPUTime }));
});`)}`;

// the bare pass: the same reading as the CLI (readInputs), then sentence split + tokenize, nothing else
const BARE = `
import { readInputs } from ${JSON.stringify(pathToFileURL(join(DIST, 'ingest', 'index.js')).href)};
import { annotate } from ${JSON.stringify(pathToFileURL(join(DIST, 'annotate', 'index.js')).href)};
let docs = 0, sentences = 0, tokens = 0;
for await (const rec of readInputs(process.argv.slice(1), { stdin: process.stdin })) {
  if (!rec.ok) continue;
  const a = annotate(rec.doc);
  docs++;
  sentences += a.sentences.length;
  for (const s of a.sentences) tokens += s.tokens.length;
}
process.stdout.write(JSON.stringify({ docs, sentences, tokens }));`;

interface Usage {
  readonly wallS: number;
  readonly cpuS: number;
  readonly rssMb: number;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

async function measure(args: string[], label: string): Promise<Usage> {
  const usageFile = join(WORK, `usage-${process.pid}.json`);
  rmSync(usageFile, { force: true });
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', USAGE_HOOK, ...args], {
    cwd: ROOT,
    env: { ...process.env, BENCH_USAGE_FILE: usageFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    if (stdout.length < 1 << 20) stdout += d;
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    if (stderr.length < 1 << 20) stderr += d;
  });
  const code = await new Promise<number | null>((res) => child.on('close', res));
  const wallS = (performance.now() - t0) / 1000;
  if (code !== 0 && code !== 1) throw new Error(`${label}: exit ${code}\n${stderr.slice(-2000)}`);
  const u = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRssKb: number; userUs: number; sysUs: number };
  rmSync(usageFile, { force: true });
  return { wallS, cpuS: (u.userUs + u.sysUs) / 1e6, rssMb: u.maxRssKb / 1024, code, stdout, stderr };
}

function fileHash(path: string): string {
  const r = spawnSync('sha256sum', [path], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split(' ')[0] ?? '' : `size:${statSync(path).size}`;
}

const f1 = (n: number): string => n.toFixed(1);
const f0 = (n: number): string => Math.round(n).toLocaleString('en-US');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

async function startup(): Promise<string[]> {
  const one = join(WORK, 'one.jsonl');
  writeFileSync(one, `${JSON.stringify([...benchDocs(1, 11)][0])}\n`);
  const runs = Number(values['startup-runs']);
  const time = (args: string[]): number => {
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'ignore'] });
      if (r.status !== 0) throw new Error(`start-up run failed: ${args.join(' ')}`);
      ms.push(performance.now() - t);
    }
    return median(ms);
  };
  const bare = time(['-e', '0']);
  const version = time([BIN, '--version']);
  const lines = [
    '| start-up (median of ' + runs + ') | ms |',
    '|---|---:|',
    `| \`node -e 0\` (the runtime alone) | ${f0(bare)} |`,
    `| \`entente --version\` | ${f0(version)} |`,
  ];
  for (const w of workerCounts) lines.push(`| \`entente code one.jsonl --workers ${w}\` (load dictionaries, code 1 document) | ${f0(time([BIN, 'code', one, '--workers', String(w)]))} |`);
  return lines;
}

async function main(): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  if (!values['no-build']) {
    process.stderr.write('bench: building the CLI (tsc -p tsconfig.build.json) ...\n');
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) process.stderr.write(`bench: tsc reported errors (dist/ was still written):\n${r.stdout.slice(0, 2000)}\n`);
  }
  if (!existsSync(join(DIST, 'serve', 'cli', 'main.js'))) throw new Error('dist/ is missing: run npm run build');
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const out = { push: (...lines: string[]): void => void process.stdout.write(`${lines.join('\n')}\n`) };
  out.push(
    `machine: ${availableParallelism()} cores (${cpu}), ${f1(totalmem() / 2 ** 30)} GiB RAM (${f1(freemem() / 2 ** 30)} free), node ${process.version}, ${process.platform}`,
  );
  out.push(`load average at start: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (other work on the machine slows every figure below)`);
  out.push('');
  out.push(...(await startup()));
  out.push('');
  out.push('| corpus | run | wall s | CPU s | docs/s | sentences/s | MB/s | peak RSS MB | × bare (wall) | × bare (CPU) |');
  out.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  const scaling: string[] = [];
  for (const n of sizes) {
    const corpus = join(WORK, `corpus-${n}.jsonl`);
    if (!existsSync(corpus)) {
      process.stderr.write(`bench: writing ${n} documents to ${corpus} ...\n`);
      await writeCorpus(corpus, n);
    }
    const mb = statSync(corpus).size / 1e6;
    const label = `${f0(n)} docs, ${f1(mb)} MB`;
    process.stderr.write(`bench: ${label}: bare pass ...\n`);
    const bare = await measure(['--input-type=module', '-e', BARE, corpus], 'bare');
    const counts = JSON.parse(bare.stdout) as { docs: number; sentences: number; tokens: number };
    const row = (run: string, u: Usage): string =>
      `| ${label} | ${run} | ${f1(u.wallS)} | ${f1(u.cpuS)} | ${f0(counts.docs / u.wallS)} | ${f0(counts.sentences / u.wallS)} | ${f1(mb / u.wallS)} | ${f0(u.rssMb)} | ${u === bare ? '1' : f1(u.wallS / bare.wallS)} | ${u === bare ? '1' : f1(u.cpuS / bare.cpuS)} |`;
    out.push(row(`bare split + tokenize (${f0(counts.sentences)} sentences, ${f0(counts.tokens)} tokens)`, bare));
    const codeRuns = new Map<number, Usage>();
    let firstHash: string | null = null;
    for (const w of workerCounts) {
      process.stderr.write(`bench: ${label}: code --workers ${w} ...\n`);
      const dest = join(WORK, `out-${n}-w${w}.jsonl`);
      const u = await measure([BIN, 'code', corpus, '--workers', String(w), '--out', dest], `code --workers ${w}`);
      const h = fileHash(dest);
      firstHash ??= h;
      out.push(row(`\`code --workers ${w}\`${h === firstHash ? '' : ' (OUTPUT DIFFERS from the first run!)'}`, u));
      codeRuns.set(w, u);
      rmSync(dest, { force: true });
    }
    if (!values['no-ingest'] && n <= Number(values['ingest-max'])) {
      for (const w of workerCounts) {
        process.stderr.write(`bench: ${label}: ingest --workers ${w} ...\n`);
        const db = join(WORK, `ingest-${n}.db`);
        for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
        const u = await measure([BIN, 'ingest', corpus, '--db', db, '--quiet', '--workers', String(w)], 'ingest');
        out.push(row(`\`ingest --workers ${w}\` (code + store, fresh database)`, u));
        for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
      }
    }
    const one = codeRuns.get(1);
    for (const [w, u] of codeRuns) if (one && w > 1) scaling.push(`- ${label}: 1 → ${w} workers: ${(one.wallS / u.wallS).toFixed(2)}× (wall clock)`);
  }
  const big = values['big-mb'] === undefined ? 0 : Number(values['big-mb']);
  if (big > 0) {
    const path = join(WORK, `corpus-${big}mb.jsonl`);
    const perDoc = 1500; // about the mean line length of the corpus
    const n = Math.ceil((big * 1e6) / perDoc);
    if (!existsSync(path)) {
      process.stderr.write(`bench: writing a ${big} MB corpus (${n} documents) ...\n`);
      await writeCorpus(path, n);
    }
    const mb = statSync(path).size / 1e6;
    process.stderr.write(`bench: coding the ${f0(mb)} MB corpus (default workers) ...\n`);
    const u = await measure([BIN, 'code', path, '--out', '/dev/null'], 'big');
    out.push('', `streaming: \`code\` on a ${f0(mb)} MB JSONL file (${f0(n)} documents, default workers): ${f1(u.wallS)} s, ${f1(mb / u.wallS)} MB/s, peak RSS ${f0(u.rssMb)} MB`);
  }
  if (scaling.length > 0) out.push('', 'scaling:', ...scaling);
  out.push('', `load average at end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
}

await main();
