import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the test server received, body read as text. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Handler = (req: RecordedRequest, res: ServerResponse) => void | Promise<void>;

export interface TestServer {
  /** `http://127.0.0.1:<port>` with no trailing slash. */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * The one helper for HTTP test servers: a real node:http server on 127.0.0.1 with a random port, recording
 * every request. Tests point the real clients at `url` and speak the real API's shapes in `handler`.
 */
export async function startTestServer(handler: Handler): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      Promise.resolve(handler(recorded, res)).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`test server handler failed: ${String(err)}`);
      });
    });
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}

/** Writes a JSON response. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/**
 * A front server that demands HTTP basic auth (401 with `WWW-Authenticate` otherwise, as a private mirror answers)
 * and forwards authorised requests to `target`, so any test server can stand behind a credentialed URL.
 */
export async function startBasicAuthGate(target: TestServer, user: string, password: string): Promise<TestServer & { refused: number }> {
  const expected = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  let refused = 0;
  const gate = await startTestServer(async (req, res) => {
    if (req.headers.authorization !== expected) {
      refused++;
      res.writeHead(401, { 'www-authenticate': 'Basic realm="mirror"', 'content-type': 'text/plain' });
      res.end('401 Unauthorized');
      return;
    }
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter((e): e is [string, string] => typeof e[1] === 'string' && !['host', 'authorization', 'content-length', 'connection'].includes(e[0])),
    );
    const answer = await fetch(`${target.url}${req.url}`, { method: req.method, headers, ...(req.method === 'GET' ? {} : { body: req.body }) });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  return Object.defineProperty(gate, 'refused', { get: () => refused }) as TestServer & { refused: number };
}
