// starts the HTTP server: loopback by default, and never beyond loopback without a token.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EntenteError } from '../../core/index.js';
import { type AppOptions, createApp } from './app.js';
import { isLoopback } from './security.js';

export interface ServeOptions extends Omit<AppOptions, 'loopbackOnly'> {
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
}

export interface RunningServer {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

/** Starts the API and dashboard server and resolves once it listens. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const loopbackOnly = isLoopback(host);
  const token = options.token ?? null;
  if (!loopbackOnly && !token) {
    throw new EntenteError('serve/token', `listening on ${host} (beyond loopback) needs a token: pass --token or set ENTENTE_TOKEN`);
  }
  if (token !== null && token.length < 16) throw new EntenteError('serve/token', 'the token must be at least 16 characters');
  const server = createServer(createApp({ ...options, token, loopbackOnly }));
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${shownHost}:${addr.port}/`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
