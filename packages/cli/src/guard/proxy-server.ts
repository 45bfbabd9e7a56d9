import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NpmRegistryConfig } from '@lockwarden/core';
import type { AuditLog } from './audit-log.js';
import type { Judge } from './judge.js';
import { NpmProxy } from './npm-proxy.js';
import { PYPI_PREFIX, PypiProxy } from './pypi-proxy.js';
import { sendError } from './responses.js';
import type { UpstreamHttp } from './upstream-http.js';

export interface ProxyServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  npm: NpmRegistryConfig;
  /** The Python index the proxy stands in front of (simple API base URL). */
  pypiIndex: string;
  http: UpstreamHttp;
  judge: Judge;
  audit: AuditLog;
  /** How long an upstream document is used without asking again. */
  freshMs?: number;
}

/** A running proxy. */
export interface ProxyServer {
  /** `http://host:port/`: the npm registry URL to give clients. */
  npmUrl: string;
  /** The PEP 503/691 simple index URL to give pip and uv. */
  pypiUrl: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts the guard proxy: one loopback HTTP server speaking the npm registry protocol at `/` and the Python simple
 * API under `/-/pypi/simple/` (npm reserves `/-/` for registry endpoints, so no package name can collide).
 */
export async function startProxyServer(options: ProxyServerOptions): Promise<ProxyServer> {
  const npm = new NpmProxy({ config: options.npm, http: options.http, judge: options.judge, audit: options.audit, ...(options.freshMs !== undefined ? { freshMs: options.freshMs } : {}) });
  const pypi = new PypiProxy({ index: options.pypiIndex, http: options.http, judge: options.judge, audit: options.audit, ...(options.freshMs !== undefined ? { freshMs: options.freshMs } : {}) });
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const path = q >= 0 ? raw.slice(0, q) : raw;
    const query = q >= 0 ? raw.slice(q) : '';
    const handled = path.startsWith(PYPI_PREFIX) ? pypi.handle(req, res, path) : npm.handle(req, res, path, query);
    handled.catch((err: unknown) => {
      // A fault of lockwarden itself: fail closed with the reason, never an unjudged answer.
      sendError(res, 500, `lockwarden guard failed: ${err instanceof Error ? err.message : String(err)}`);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  npm.selfUrl = `http://${host}:${port}/`;
  return {
    npmUrl: npm.selfUrl,
    pypiUrl: `http://${host}:${port}${PYPI_PREFIX}simple/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
