import type { ParseArgsConfig } from 'node:util';

/** Where a command reads and writes: injected so tests run commands in-process. */
export interface Io {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly cwd: string;
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Full help text printed by `entente <name> --help`. */
  readonly help: string;
  readonly options: OptionSpec;
  /** Runs the command; resolves to the exit code (0 ok, 1 failure or rejects, 2 usage). */
  run(args: { values: Record<string, unknown>; positionals: string[] }, io: Io): Promise<number>;
}

/** Options shared by the commands that touch the database. */
export const dbOption: OptionSpec = {
  db: { type: 'string', default: 'entente.db' },
};

export function write(stream: NodeJS.WritableStream, text: string): void {
  stream.write(text);
}
