import { parseArgs } from 'node:util';
import { EntenteError, UsageError } from '../../core/index.js';
import type { Command, Io } from './command.js';

// every command, loaded on demand so start-up stays fast; the order is the order of `entente --help`.
const COMMANDS = [
  'start', 'code', 'eval', 'ingest', 'events', 'actors', 'dyad', 'network', 'search', 'export', 'transfers', 'serve', 'watch',
] as const;

async function loadCommand(name: string): Promise<Command | null> {
  if (!(COMMANDS as readonly string[]).includes(name)) return null;
  try {
    return ((await import(`./commands/${name}.js`)) as { command: Command }).command;
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && String(e).includes(`commands/${name}.`)) return null;
    throw e;
  }
}

async function topHelp(): Promise<string> {
  const lines = ['usage: entente <command> [options]', '', 'commands:'];
  for (const name of COMMANDS) {
    const c = await loadCommand(name);
    if (c) lines.push(`  ${name.padEnd(10)} ${c.summary}`);
  }
  lines.push('', 'Run `entente <command> --help` for the options of one command.', '');
  return lines.join('\n');
}

/** Runs the CLI with argv (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(await topHelp());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.stdout.write('entente 0.1.0\n');
    return 0;
  }
  const command = await loadCommand(name);
  if (!command) {
    io.stderr.write(`entente: unknown command '${name}'\n\n${await topHelp()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.help.endsWith('\n') ? command.help : `${command.help}\n`);
    return 0;
  }
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...rest], options: command.options, allowPositionals: true, strict: true }) as typeof parsed;
  } catch (e) {
    io.stderr.write(`entente ${name}: ${(e as Error).message}\nRun \`entente ${name} --help\` for usage.\n`);
    return 2;
  }
  try {
    return await command.run(parsed, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`entente ${name}: ${e.message}\nRun \`entente ${name} --help\` for usage.\n`);
      return 2;
    }
    if (e instanceof EntenteError) {
      io.stderr.write(`entente ${name}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

export function processIo(): Io {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() };
}
