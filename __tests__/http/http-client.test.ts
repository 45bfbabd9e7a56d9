import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient, SourceUnavailableError, parseRetryAfter } from '@lockwarden/core';
import { sendJson, startTestServer, type TestServer } from '../helpers/http-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function client(extra: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}) {
  const delays: number[] = [];
  const http = new HttpClient({
    source: 'test API',
    retries: 3,
    timeoutMs: 2_000,
    backoffBaseMs: 1,
    sleep: async (ms) => {
      delays.push(ms);
    },
    ...extra,
  });
  return { http, delays };
}

describe('HttpClient', () => {
  it('retries 500, 502, 408 and succeeds', async () => {
    const statuses = [500, 502, 408];
    server = await startTestServer((_req, res) => {
      const status = statuses.shift();
      if (status) sendJson(res, status, { error: status });
      else sendJson(res, 200, { ok: true });
    });
    const { http, delays } = client();
    await expect(http.fetchJson(`${server.url}/x`)).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(4);
    expect(delays).toHaveLength(3);
  });

  it('backs off exponentially with jitter', async () => {
    server = await startTestServer((_req, res) => sendJson(res, 503, {}));
    const { http, delays } = client({ backoffBaseMs: 100, random: () => 0.5 });
    await expect(http.fetchJson(`${server.url}/x`)).rejects.toBeInstanceOf(SourceUnavailableError);
    // ceiling 100, 200, 400; with random 0.5 each delay is 3/4 of its ceiling.
    expect(delays).toEqual([75, 150, 300]);
  });

  it('gives up with SourceUnavailableError naming the source, never an empty answer', async () => {
    server = await startTestServer((_req, res) => sendJson(res, 500, {}));
    const { http } = client();
    const err = await http.fetchJson(`${server.url}/x`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceUnavailableError);
    expect((err as Error).message).toBe(`test API: ${server.url}/x: HTTP 500 Internal Server Error (after 4 attempts)`);
    expect(server.requests).toHaveLength(4);
  });

  it('does not retry other 4xx', async () => {
    server = await startTestServer((_req, res) => sendJson(res, 403, {}));
    const { http } = client();
    await expect(http.fetchJson(`${server.url}/x`)).rejects.toThrow('HTTP 403 Forbidden');
    expect(server.requests).toHaveLength(1);
  });

  it('answers 404 with undefined when asked to', async () => {
    server = await startTestServer((_req, res) => sendJson(res, 404, {}));
    const { http } = client();
    await expect(http.fetchJson(`${server.url}/x`, { notFoundAsUndefined: true })).resolves.toBeUndefined();
  });

  it('honours Retry-After on 429 (delta seconds)', async () => {
    let first = true;
    server = await startTestServer((_req, res) => {
      if (first) {
        first = false;
        sendJson(res, 429, {}, { 'retry-after': '3' });
      } else sendJson(res, 200, [1]);
    });
    const { http, delays } = client();
    await expect(http.fetchJson(`${server.url}/x`)).resolves.toEqual([1]);
    expect(delays).toEqual([3000]);
  });

  it('really waits for Retry-After with the default sleep', async () => {
    const seen: number[] = [];
    server = await startTestServer((_req, res) => {
      seen.push(Date.now());
      if (seen.length === 1) sendJson(res, 429, {}, { 'retry-after': '1' });
      else sendJson(res, 200, {});
    });
    const http = new HttpClient({ source: 'test API', retries: 1, backoffBaseMs: 1 });
    await http.fetchJson(`${server.url}/x`);
    expect(seen).toHaveLength(2);
    expect((seen[1] as number) - (seen[0] as number)).toBeGreaterThanOrEqual(990);
  });

  it('refuses a Retry-After longer than allowed', async () => {
    server = await startTestServer((_req, res) => sendJson(res, 429, {}, { 'retry-after': '3600' }));
    const { http } = client();
    await expect(http.fetchJson(`${server.url}/x`)).rejects.toThrow('longer than the 120 s allowed');
    expect(server.requests).toHaveLength(1);
  });

  it('times out a hanging server and retries', async () => {
    let calls = 0;
    server = await startTestServer((_req, res) => {
      calls++;
      if (calls === 1) return; // never answers
      sendJson(res, 200, { late: false });
    });
    const { http } = client({ timeoutMs: 200 });
    await expect(http.fetchJson(`${server.url}/x`)).resolves.toEqual({ late: false });
    expect(calls).toBe(2);
  });

  it('reports a persistent hang as a timeout', async () => {
    server = await startTestServer(() => undefined);
    const { http } = client({ timeoutMs: 100, retries: 1 });
    await expect(http.fetchJson(`${server.url}/x`)).rejects.toThrow('timed out after 100 ms (after 2 attempts)');
  });

  it('retries truncated JSON', async () => {
    let calls = 0;
    server = await startTestServer((_req, res) => {
      calls++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(calls === 1 ? '{"a": [1, 2' : '{"a": [1, 2]}');
    });
    const { http } = client();
    await expect(http.fetchJson(`${server.url}/x`)).resolves.toEqual({ a: [1, 2] });
  });

  it('retries network errors (connection refused) and then gives up', async () => {
    const s = await startTestServer((_req, res) => sendJson(res, 200, {}));
    const url = s.url;
    await s.close();
    const { http, delays } = client({ retries: 2 });
    await expect(http.fetchJson(`${url}/x`)).rejects.toThrow(/network error/);
    expect(delays).toHaveLength(2);
  });

  it('sends JSON bodies and the user agent', async () => {
    server = await startTestServer((req, res) => sendJson(res, 200, { echo: JSON.parse(req.body) as unknown }));
    const { http } = client({ userAgent: 'lockwarden-test/1' });
    await expect(http.fetchJson(`${server.url}/x`, { method: 'POST', json: { q: 1 } })).resolves.toEqual({ echo: { q: 1 } });
    expect(server.requests[0]?.headers['user-agent']).toBe('lockwarden-test/1');
    expect(server.requests[0]?.headers['content-type']).toBe('application/json');
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('5')).toBe(5000);
    expect(parseRetryAfter('Sat, 21 Nov 2026 10:00:30 GMT', Date.parse('Sat, 21 Nov 2026 10:00:00 GMT'))).toBe(30_000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
