import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CratesRegistryClient,
  DEFAULT_MAX_RESPONSE_BYTES,
  DiskCache,
  downloadOsvDatabase,
  GoProxyRegistryClient,
  HttpClient,
  MavenRegistryClient,
  NpmRegistryClient,
  NpmRegistryConfig,
  NugetRegistryClient,
  OsvApiSource,
  PackagistRegistryClient,
  PypiRegistryClient,
  RegistryFetcher,
  RegistryHttp,
  ResponseTooLargeError,
  RubyGemsRegistryClient,
  SourceUnavailableError,
  UnexpectedResponseError,
  type Logger,
  type RegistryClient,
} from '@lockwarden/core';
import { sendJson, startTestServer, type TestServer } from '../helpers/http-server.js';

const servers: TestServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
async function serve(handler: Parameters<typeof startTestServer>[0]): Promise<TestServer> {
  const s = await startTestServer(handler);
  servers.push(s);
  return s;
}

const MB = 1024 * 1024;

/**
 * Streams `total` bytes of JSON whitespace inside `prefix`/`suffix` without a Content-Length (chunked), honouring
 * backpressure, and counts what actually left the server: a client that buffers first reads all of it.
 */
function streamHuge(res: ServerResponse, total: number, prefix: string, suffix: string, sent: { bytes: number }): void {
  const chunk = Buffer.alloc(MB, 0x20);
  let closed = false;
  res.on('close', () => (closed = true));
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write(prefix);
  const pump = (): void => {
    while (!closed && sent.bytes < total) {
      sent.bytes += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!closed) res.end(suffix);
  };
  pump();
}

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, debug: () => {}, info: (m) => lines.push(m), warn: (m) => lines.push(m) };
}

describe('one response-size cap for every remote', () => {
  it('refuses a 300 MB OSV querybatch body while streaming, with a typed error, without retrying', async () => {
    const sent = { bytes: 0 };
    const s = await serve((_req, res) => streamHuge(res, 300 * MB, '{"results":[', ']}', sent));
    const osv = new OsvApiSource({ baseUrl: s.url, retries: 3, backoffBaseMs: 1, timeoutMs: 20_000 });
    const err = await osv.query([{ ecosystem: 'npm', name: 'lodash', version: '4.17.20', purl: 'pkg:npm/lodash@4.17.20' }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResponseTooLargeError);
    expect((err as ResponseTooLargeError).limitBytes).toBe(DEFAULT_MAX_RESPONSE_BYTES);
    expect((err as Error).message).toMatch(/larger than the 64 MB allowed/);
    // Cancelled shortly after the cap, not read to the end; and a body that big is not asked for again.
    expect(sent.bytes).toBeLessThan(DEFAULT_MAX_RESPONSE_BYTES + 32 * MB);
    expect(s.requests).toHaveLength(1);
  });

  it('refuses a declared oversize body before reading it (OSV record, registry document)', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(300 * MB) });
      res.write('{');
      // Never finishes: only the headers can have been judged.
    });
    const http = new HttpClient({ source: 'OSV API', retries: 2, backoffBaseMs: 1, timeoutMs: 10_000 });
    await expect(http.fetchJson(`${s.url}/v1/vulns/GHSA-x`)).rejects.toBeInstanceOf(ResponseTooLargeError);
    const registry = new RegistryHttp({ retries: 2, baseDelayMs: 1, timeoutMs: 10_000 });
    await expect(registry.get(`${s.url}/serde`, 'crates.io')).rejects.toBeInstanceOf(ResponseTooLargeError);
  });

  it('caps every registry client the same way (a streamed 100 MB crates.io answer)', async () => {
    const sent = { bytes: 0 };
    const s = await serve((_req, res) => streamHuge(res, 100 * MB, '{"crate":{},"versions":[', ']}', sent));
    const client = new CratesRegistryClient(`${s.url}/api/v1/`, new RegistryFetcher({ http: new RegistryHttp({ retries: 2, baseDelayMs: 1 }) }));
    await expect(client.getPackage('serde')).rejects.toBeInstanceOf(ResponseTooLargeError);
    expect(sent.bytes).toBeLessThan(100 * MB);
  });

  it('caps OSV downloads and leaves no partial file behind', async () => {
    const sent = { bytes: 0 };
    const s = await serve((_req, res) => streamHuge(res, 64 * MB, '', '', sent));
    const dir = mkdtempSync(join(tmpdir(), 'lw-dl-'));
    dirs.push(dir);
    const err = await downloadOsvDatabase({ baseUrl: s.url, ecosystems: ['npm'], dir, maxDownloadBytes: 4 * MB, retries: 2, backoffBaseMs: 1 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ResponseTooLargeError);
    expect(s.requests).toHaveLength(1);
    expect(readdirSync(join(dir, 'npm'))).toEqual([]);
  });
});

describe('response shapes are validated: a wrong shape is "could not evaluate", never "nonexistent"', () => {
  const fetcher = () => new RegistryFetcher({ http: new RegistryHttp({ retries: 0 }) });
  async function npmClient(url: string): Promise<RegistryClient> {
    const config = await NpmRegistryConfig.load({ cwd: '/', env: { npm_config_registry: `${url}/`, npm_config_userconfig: '/nonexistent', npm_config_globalconfig: '/nonexistent' } });
    return new NpmRegistryClient(config, fetcher());
  }
  const clients: Array<[string, (url: string) => RegistryClient | Promise<RegistryClient>, string]> = [
    ['npm', npmClient, 'left-pad'],
    ['PyPI JSON API', (url) => new PypiRegistryClient(`${url}/simple/`, fetcher()), 'requests'],
    ['PyPI simple API', (url) => new PypiRegistryClient(`${url}/private/`, fetcher()), 'requests'],
    ['crates.io', (url) => new CratesRegistryClient(`${url}/api/v1/`, fetcher()), 'serde'],
    ['RubyGems', (url) => new RubyGemsRegistryClient(`${url}/`, fetcher()), 'rails'],
    ['Packagist', (url) => new PackagistRegistryClient(`${url}/`, fetcher()), 'monolog/monolog'],
    ['NuGet', (url) => new NugetRegistryClient(`${url}/v3/index.json`, fetcher()), 'Newtonsoft.Json'],
    ['Maven', (url) => new MavenRegistryClient(`${url}/`, fetcher()), 'org.apache.commons:commons-lang3'],
    ['Go module proxy', (url) => new GoProxyRegistryClient([`${url}/`], fetcher()), 'golang.org/x/net'],
  ];

  for (const [label, make, name] of clients) {
    for (const [shape, body] of [
      ['{}', {}],
      ['a list', [1, 2]],
      ['versions of the wrong type', { name, versions: 'none', crate: 3, info: [], releases: 1, packages: [], resources: 'x', items: 'x', files: 'x' }],
    ] as const) {
      it(`${label} answering ${shape} is a source failure`, async () => {
        const s = await serve((_req, res) => {
          if (label === 'Maven') {
            res.writeHead(200, { 'content-type': 'text/xml' });
            res.end(shape === '{}' ? '<html><body>Mirror maintenance</body></html>' : '<metadata><groupId>x</groupId></metadata>');
          } else if (label === 'Go module proxy') {
            res.writeHead(200, { 'content-type': 'text/plain' });
            res.end(JSON.stringify(body));
          } else sendJson(res, 200, body);
        });
        const client = await make(s.url);
        const err = await client.getPackage(name).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(UnexpectedResponseError);
        expect(err).toBeInstanceOf(SourceUnavailableError);
        expect((err as Error).message).toMatch(/unexpected response shape|not JSON|not XML|does not list/);
      });
    }
  }

  it('a wrong-shaped answer is not cached: the next run asks again and gets the real document', async () => {
    let calls = 0;
    const s = await serve((_req, res) => (calls++ === 0 ? sendJson(res, 200, {}) : sendJson(res, 200, { crate: {}, versions: [{ num: '1.0.0' }] })));
    const dir = mkdtempSync(join(tmpdir(), 'lw-cache-'));
    dirs.push(dir);
    const run = () => new CratesRegistryClient(`${s.url}/api/v1/`, new RegistryFetcher({ http: new RegistryHttp({ retries: 0 }), cache: new DiskCache(dir, 3_600_000) }));
    await expect(run().getPackage('serde')).rejects.toBeInstanceOf(UnexpectedResponseError);
    await expect(run().getPackage('serde')).resolves.toMatchObject({ exists: true, versions: [{ version: '1.0.0' }] });
    // The good answer is cached and served from disk.
    await expect(run().getPackage('serde')).resolves.toMatchObject({ exists: true });
    expect(calls).toBe(2);
  });

  it('NuGet: a service index without resources and a registration without items are failures', async () => {
    let base = '';
    const s = await serve((req, res) => {
      if (req.url === '/v3/index.json') return sendJson(res, 200, { version: '3.0.0', resources: [{ '@id': `${base}/reg/`, '@type': 'RegistrationsBaseUrl/3.6.0' }] });
      sendJson(res, 200, { count: 0 });
    });
    base = s.url;
    await expect(new NugetRegistryClient(`${s.url}/v3/index.json`, fetcher()).getPackage('Newtonsoft.Json')).rejects.toBeInstanceOf(UnexpectedResponseError);
  });

  it('OSV: a querybatch answer or a record of the wrong shape is a failure', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/v1/querybatch') return sendJson(res, 200, { results: [{ vulns: [{ id: 'GHSA-1', modified: '2024-01-01T00:00:00Z' }] }] });
      sendJson(res, 200, { id: 'GHSA-1' });
    });
    const osv = new OsvApiSource({ baseUrl: s.url, retries: 0 });
    const ref = { ecosystem: 'npm' as const, name: 'lodash', version: '4.17.20', purl: 'pkg:npm/lodash@4.17.20' };
    await expect(osv.query([ref])).rejects.toThrow(/unexpected response shape \(the document must have required property 'modified'\)/);
    const empty = await serve((_req, res) => sendJson(res, 200, {}));
    await expect(new OsvApiSource({ baseUrl: empty.url, retries: 0 }).query([ref])).rejects.toBeInstanceOf(UnexpectedResponseError);
  });
});

describe('one deadline per source per run', () => {
  it('a hanging registry fails every lookup within the deadline, and is not asked again', async () => {
    const s = await serve(() => {
      // Never answers.
    });
    const http = new RegistryHttp({ retries: 4, baseDelayMs: 1, timeoutMs: 30_000, deadlineMs: 400 });
    const started = Date.now();
    const results = await Promise.allSettled([1, 2, 3, 4].map((i) => http.get(`${s.url}/pkg-${i}`, 'npm registry')));
    const elapsed = Date.now() - started;
    expect(results.every((r) => r.status === 'rejected' && r.reason instanceof SourceUnavailableError)).toBe(true);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/no answer within the 0\.4 s deadline/);
    // 30 s × 5 attempts without the deadline.
    expect(elapsed).toBeLessThan(5_000);
    const asked = s.requests.length;
    await expect(http.get(`${s.url}/later`, 'npm registry')).rejects.toThrow(/deadline/);
    expect(s.requests.length).toBe(asked);
  });

  it('the deadline is per source: another registry still answers', async () => {
    const hang = await serve(() => {});
    const ok = await serve((_req, res) => sendJson(res, 200, { ok: true }));
    const http = new RegistryHttp({ retries: 1, baseDelayMs: 1, deadlineMs: 300 });
    await expect(http.get(`${hang.url}/x`, 'PyPI')).rejects.toThrow(/deadline/);
    await expect(http.get(`${ok.url}/x`, 'npm registry')).resolves.toMatchObject({ status: 200 });
  });

  it('a source that keeps answering is never cut off, however long the run', async () => {
    const s = await serve((_req, res) => setTimeout(() => sendJson(res, 200, { ok: true }), 150));
    const http = new RegistryHttp({ retries: 0, deadlineMs: 400 });
    for (let i = 0; i < 5; i++) await expect(http.get(`${s.url}/x${i}`, 'npm registry')).resolves.toMatchObject({ status: 200 });
  });

  it('OSV: a hanging API fails within the deadline instead of 30 s × 5 attempts', async () => {
    const s = await serve(() => {});
    const osv = new OsvApiSource({ baseUrl: s.url, retries: 4, timeoutMs: 30_000, backoffBaseMs: 1, deadlineMs: 400 });
    const started = Date.now();
    await expect(osv.query([{ ecosystem: 'npm', name: 'a', version: '1.0.0', purl: 'pkg:npm/a@1.0.0' }])).rejects.toThrow(/no answer within the 0\.4 s deadline/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('redirects to another origin', () => {
  it('are followed without credentials and reported in the log (registry metadata)', async () => {
    const elsewhere = await serve((_req, res) => sendJson(res, 200, { crate: {}, versions: [{ num: '1.0.0' }] }));
    const origin = await serve((req, res) => {
      if (req.url === '/api/v1/crates/serde') {
        res.writeHead(302, { location: `${elsewhere.url}/mirror/serde` });
        return res.end();
      }
      if (req.url === '/api/v1/crates/same') {
        res.writeHead(301, { location: '/api/v1/crates/moved' });
        return res.end();
      }
      sendJson(res, 200, { crate: {}, versions: [{ num: '2.0.0' }] });
    });
    const logger = recordingLogger();
    const http = new RegistryHttp({ retries: 0, logger });
    const res = await http.get(`${origin.url}/api/v1/crates/serde`, 'crates.io', { authorization: 'Bearer s3cret', accept: 'application/json' });
    expect(res.status).toBe(200);
    expect(origin.requests[0]?.headers.authorization).toBe('Bearer s3cret');
    expect(elsewhere.requests[0]?.headers.authorization).toBeUndefined();
    expect(elsewhere.requests[0]?.headers.accept).toBe('application/json');
    expect(logger.lines.join('\n')).toContain(`crates.io: ${origin.url}/api/v1/crates/serde redirected to another origin (${elsewhere.url}); followed without credentials (authorization not sent)`);
    expect(logger.lines.join('\n')).not.toContain('s3cret');
    // Same origin: the credentials go along, and nothing is reported.
    await http.get(`${origin.url}/api/v1/crates/same`, 'crates.io', { authorization: 'Bearer s3cret' });
    expect(origin.requests.find((r) => r.url === '/api/v1/crates/moved')?.headers.authorization).toBe('Bearer s3cret');
    expect(logger.lines).toHaveLength(1);
  });

  it('HttpClient (OSV, GitLab) drops tokens on a cross-origin redirect too', async () => {
    const elsewhere = await serve((_req, res) => sendJson(res, 200, { id: 'X' }));
    const origin = await serve((_req, res) => {
      res.writeHead(307, { location: `${elsewhere.url}/v1/vulns/X` });
      res.end();
    });
    const logger = recordingLogger();
    const http = new HttpClient({ source: 'GitLab API', retries: 0, logger, headers: { 'private-token': 'glpat-secret' } });
    await expect(http.fetchJson(`${origin.url}/v1/vulns/X`)).resolves.toEqual({ id: 'X' });
    expect(origin.requests[0]?.headers['private-token']).toBe('glpat-secret');
    expect(elsewhere.requests[0]?.headers['private-token']).toBeUndefined();
    expect(logger.lines.join('\n')).toMatch(/redirected to another origin .*private-token not sent/);
  });
});
