// entente serve: the dashboard and the JSON API over the event store.
import { existsSync } from 'node:fs';
import { EntenteError, UsageError } from '../../../core/index.js';
import { openStore } from '../../../store/index.js';
import { DEFAULT_WEB_ROOT, type RunningServer, startServer } from '../../http/index.js';
import type { Command, Io, OptionSpec } from '../command.js';
import { dbOptions, dbPath } from '../format.js';

const HELP = `usage: entente serve [--db PATH] [--port 8080] [--host 127.0.0.1] [--token TOKEN]

Serves the dashboard and the JSON API (described at /api/openapi.json) from the event store.
Listens on 127.0.0.1 by default. POST /api/documents codes and stores new documents; it needs
Authorization: Bearer <token> whenever a token is set, and a token is required to listen beyond
loopback (--host 0.0.0.0).

options:
  --db PATH       database file (default ./entente.db; must exist: see entente ingest or entente start)
  --port N        port (default 8080; 0 picks a free one)
  --host HOST     address to listen on (default 127.0.0.1)
  --token TOKEN   bearer token for POST /api/documents (default: the ENTENTE_TOKEN environment variable)

example:
  entente serve --db events.db --port 8080`;

export const serveOptions: OptionSpec = {
  port: { type: 'string' },
  host: { type: 'string', default: '127.0.0.1' },
  token: { type: 'string' },
};

export function parsePort(value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const s = String(value);
  if (!/^\d{1,5}$/.test(s) || Number(s) > 65535) throw new UsageError(`--port must be a number from 0 to 65535 (got '${s}')`);
  return Number(s);
}

export interface LaunchOptions {
  readonly db: string;
  readonly port: number;
  readonly host: string;
  readonly token: string | null;
  readonly webRoot?: string;
}

/** Opens the store and starts the server; closing the result stops both. */
export async function launch(o: LaunchOptions, io: Io): Promise<RunningServer> {
  const store = openStore(o.db);
  const webRoot = o.webRoot ?? DEFAULT_WEB_ROOT;
  if (!existsSync(webRoot)) io.stderr.write(`entente: the dashboard is not built (${webRoot} is missing): run \`npm run build\`; the API works without it\n`);
  let running: RunningServer;
  try {
    running = await startServer({
      store,
      host: o.host,
      port: o.port,
      token: o.token,
      webRoot,
      onError: (e) => io.stderr.write(`entente serve: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`),
    });
  } catch (e) {
    store.close();
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new EntenteError('serve/port', `port ${o.port} on ${o.host} is in use: pass another --port`);
    throw e;
  }
  return {
    ...running,
    close: async () => {
      await running.close();
      store.close();
    },
  };
}

/** Resolves when the process is asked to stop (Ctrl-C or SIGTERM). */
export function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export function tokenFrom(values: Record<string, unknown>): string | null {
  const t = typeof values.token === 'string' && values.token !== '' ? values.token : process.env.ENTENTE_TOKEN;
  return t ? t : null;
}

export const command: Command = {
  name: 'serve',
  summary: 'serve the dashboard and the JSON API (127.0.0.1:8080 by default)',
  help: HELP,
  options: { ...dbOptions, ...serveOptions },
  async run({ values, positionals }, io: Io): Promise<number> {
    if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const port = parsePort(values.port, 8080);
    const db = dbPath(values, io);
    if (db !== ':memory:' && !existsSync(db)) throw new EntenteError('no-db', `no database at ${db}: create one with \`entente ingest\` or \`entente start\``);
    const server = await launch({ db, port, host: String(values.host), token: tokenFrom(values) }, io);
    io.stdout.write(`entente: serving ${server.url} (database ${db}); press Ctrl-C to stop\n`);
    await untilStopped();
    await server.close();
    return 0;
  },
};
