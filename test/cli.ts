// runs one CLI command in-process with captured output (for tests).
import { PassThrough, Readable } from 'node:stream';
import type { Io } from '../src/serve/cli/command.js';
import { main } from '../src/serve/cli/main.js';

export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

function capture(stream: PassThrough): () => string {
  let s = '';
  stream.on('data', (b: Buffer) => {
    s += b.toString();
  });
  return () => s;
}

/** Runs `entente <args>` with `stdin` as standard input and `cwd` as working directory. */
export async function runCli(args: readonly string[], options: { stdin?: string; cwd: string }): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = capture(stdout);
  const err = capture(stderr);
  const io: Io = { stdin: Readable.from([options.stdin ?? '']), stdout, stderr, cwd: options.cwd };
  const code = await main(args, io);
  return { code, out: out(), err: err() };
}
