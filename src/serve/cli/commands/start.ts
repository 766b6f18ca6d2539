// entente start (what `npm start` runs): make the database from the bundled samples if there is none, then serve.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EntenteError, UsageError } from '../../../core/index.js';
import type { Command, Io } from '../command.js';
import { dbOptions, dbPath } from '../format.js';
import { command as ingest } from './ingest.js';
import { launch, parsePort, serveOptions, tokenFrom, untilStopped } from './serve.js';

/** samples/articles.jsonl beside the package (four levels up from src/serve/cli/commands and dist/serve/cli/commands). */
export const SAMPLES = fileURLToPath(new URL('../../../../samples/articles.jsonl', import.meta.url));

const HELP = `usage: entente start [--db PATH] [--port 8080] [--host 127.0.0.1] [--samples FILE] [--no-serve]

The one-step start: when the database does not exist, codes the bundled sample articles into it,
then serves the dashboard and prints its URL. If the port is taken (and --port was not given),
the next free port is used.

options:
  --db PATH        database file (default ./entente.db)
  --samples FILE   documents to ingest into a new database (default: the bundled samples/articles.jsonl)
  --port N         port (default 8080)
  --host HOST      address to listen on (default 127.0.0.1)
  --token TOKEN    bearer token for POST /api/documents (default: ENTENTE_TOKEN)
  --no-serve       only prepare the database, do not serve`;

export const command: Command = {
  name: 'start',
  summary: 'create the database from the sample articles if needed, then serve the dashboard',
  help: HELP,
  options: { ...dbOptions, ...serveOptions, samples: { type: 'string' }, 'no-serve': { type: 'boolean' } },
  async run({ values, positionals }, io: Io): Promise<number> {
    if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const db = dbPath(values, io);
    if (db === ':memory:') throw new UsageError('--db must be a file for start');
    if (!existsSync(db)) {
      const samples = typeof values.samples === 'string' ? resolve(io.cwd, values.samples) : SAMPLES;
      if (!existsSync(samples)) throw new EntenteError('no-samples', `no sample articles at ${samples}`);
      io.stderr.write(`entente: no database at ${db}; coding the sample articles from ${samples}\n`);
      const code = await ingest.run({ values: { db, quiet: true }, positionals: [samples] }, io);
      if (code !== 0) return code;
    } else {
      io.stderr.write(`entente: using the existing database ${db}\n`);
    }
    if (values['no-serve'] === true) return 0;
    const explicit = values.port !== undefined;
    const first = parsePort(values.port, 8080);
    const host = String(values.host);
    for (let port = first; ; port++) {
      try {
        const server = await launch({ db, port, host, token: tokenFrom(values) }, io);
        io.stdout.write(`\nentente is ready: open ${server.url} in a browser (Ctrl-C to stop)\n\n`);
        await untilStopped();
        await server.close();
        return 0;
      } catch (e) {
        if (explicit || !(e instanceof EntenteError) || e.code !== 'serve/port' || port >= first + 10) throw e;
        io.stderr.write(`entente: port ${port} is in use, trying ${port + 1}\n`);
      }
    }
  },
};
