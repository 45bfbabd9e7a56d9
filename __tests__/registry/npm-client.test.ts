import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DiskCache,
  findVersion,
  NpmRegistryClient,
  NpmRegistryConfig,
  RegistryFetcher,
  RegistryHttp,
  SourceUnavailableError,
  type RegistryHttpOptions,
} from '@lockwarden/core';
import { sendJson, type TestServer } from '../helpers/http-server.js';
import { fixture, startRegistry, withVersion } from './registry-fixtures.js';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function registry(routes: Parameters<typeof startRegistry>[0]): Promise<TestServer> {
  const s = await startRegistry(routes);
  servers.push(s);
  return s;
}

const fast: RegistryHttpOptions = { retries: 2, baseDelayMs: 1, timeoutMs: 2_000 };

function client(url: string, http: RegistryHttpOptions = fast, settings: Record<string, string> = {}, cache?: DiskCache): NpmRegistryClient {
  const config = NpmRegistryConfig.fromSettings(settings, url);
  return new NpmRegistryClient(config, new RegistryFetcher({ http: new RegistryHttp(http), ...(cache ? { cache } : {}) }));
}

describe('NpmRegistryClient', () => {
  it('reads a real packument: versions, times, licence, repository, install scripts', async () => {
    const s = await registry({ '/lodash': fixture('npm/lodash.json'), '/left-pad': fixture('npm/left-pad.json') });
    const meta = await client(`${s.url}/`).getPackage('lodash');
    expect(meta.exists).toBe(true);
    expect(meta.versions.map((v) => v.version)).toEqual(['4.17.20', '4.17.21', '4.18.1']);
    expect(meta.latest).toBe('4.18.1');
    const v = findVersion(meta, '4.17.21')!;
    expect(v.license).toBe('MIT');
    expect(v.repository).toBe('https://github.com/lodash/lodash');
    expect(v.publishedAt).toBe((fixture('npm/lodash.json').time as Record<string, string>)['4.17.21']);
    expect(v.installScripts).toBeUndefined();
    expect(v.publishing).toEqual({ level: 'none' });
    expect(s.requests[0]?.headers.accept).toBe('application/json');
  });

  it('ranks publishing evidence: staged > trusted publisher > provenance > none', async () => {
    const base = fixture('npm/sigstore-core.json');
    const staged = withVersion(base, '4.1.0', '2026-07-01T00:00:00Z', { _npmUser: { name: 'x', approver: { name: 'maint' } } });
    const s = await registry({ '/@sigstore%2fcore': staged });
    const meta = await client(`${s.url}/`).getPackage('@sigstore/core');
    expect(meta.versions.map((v) => `${v.version}:${v.publishing.level}`)).toEqual([
      '2.0.0:provenance',
      '3.0.0:provenance',
      '3.1.0:trusted-publisher',
      '4.0.0:trusted-publisher',
      '4.0.1:trusted-publisher',
      '4.1.0:staged',
    ]);
    expect(findVersion(meta, '4.0.1')?.publishing.sourceRepository).toBe('https://github.com/sigstore/sigstore-js');
    expect(s.requests[0]?.url).toBe('/@sigstore%2fcore');
  });

  it('reports install scripts and deprecations per version', async () => {
    const doc = withVersion(fixture('npm/left-pad.json'), '1.3.1', '2026-01-01T00:00:00Z', {
      scripts: { postinstall: 'node steal.js', test: 'tape' },
      deprecated: 'use String.prototype.padStart()',
    });
    const s = await registry({ '/left-pad': doc });
    const v = findVersion(await client(`${s.url}/`).getPackage('left-pad'), '1.3.1')!;
    expect(v.installScripts).toEqual(['postinstall']);
    expect(v.deprecated).toBe('use String.prototype.padStart()');
  });

  it('answers a missing name with exists: false, not an error', async () => {
    const s = await registry({});
    const meta = await client(`${s.url}/`).getPackage('no-such-package-xyz');
    expect(meta).toMatchObject({ exists: false, versions: [] });
    expect(s.requests).toHaveLength(1);
  });

  it('retries 500 then throws SourceUnavailableError: an outage is never "does not exist"', async () => {
    const s = await registry({ '/lodash': (_req, res) => sendJson(res, 500, { error: 'boom' }) });
    await expect(client(`${s.url}/`).getPackage('lodash')).rejects.toBeInstanceOf(SourceUnavailableError);
    expect(s.requests).toHaveLength(3);
  });

  it('does not retry other client errors', async () => {
    const s = await registry({ '/private': (_req, res) => sendJson(res, 403, { error: 'forbidden' }) });
    await expect(client(`${s.url}/`).getPackage('private')).rejects.toThrow(/HTTP 403/);
    expect(s.requests).toHaveLength(1);
  });

  it('honours Retry-After on 429 and succeeds on the next attempt', async () => {
    let calls = 0;
    const waits: number[] = [];
    const s = await registry({
      '/lodash': (_req, res) => {
        calls++;
        if (calls === 1) return sendJson(res, 429, { error: 'slow down' }, { 'retry-after': '2' });
        sendJson(res, 200, fixture('npm/lodash.json'));
      },
    });
    const http: RegistryHttpOptions = { ...fast, sleep: (ms) => (waits.push(ms), Promise.resolve()) };
    const meta = await client(`${s.url}/`, http).getPackage('lodash');
    expect(meta.exists).toBe(true);
    expect(waits).toEqual([2000]);
  });

  it('times out a slow registry and reports it unavailable', async () => {
    const s = await registry({
      '/slow': (_req, res) => {
        setTimeout(() => sendJson(res, 200, fixture('npm/lodash.json')), 1_000);
      },
    });
    await expect(client(`${s.url}/`, { retries: 1, baseDelayMs: 1, timeoutMs: 100 }).getPackage('slow')).rejects.toThrow(
      /npm registry: .*after 2 attempts/,
    );
  });

  it('sends the token to its registry and nothing to another host', async () => {
    const scoped = await registry({ '/@acme%2ftool': withVersion(fixture('npm/expresss.json'), '1.0.0', '2025-01-01T00:00:00Z') });
    const pub = await registry({ '/lodash': fixture('npm/lodash.json') });
    const scopedHost = new URL(scoped.url).host;
    const c = client(`${pub.url}/`, fast, {
      '@acme:registry': `${scoped.url}/`,
      [`//${scopedHost}/:_authToken`]: 'secret-token',
    });
    await c.getPackage('@acme/tool');
    await c.getPackage('lodash');
    expect(scoped.requests[0]?.headers.authorization).toBe('Bearer secret-token');
    expect(pub.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('serves a second run from the on-disk cache until the TTL passes', async () => {
    const s = await registry({ '/lodash': fixture('npm/lodash.json') });
    const dir = mkdtempSync(join(tmpdir(), 'lw-cache-'));
    let now = 1_000_000;
    const cache = () => new DiskCache(dir, 60_000, () => now);
    await client(`${s.url}/`, fast, {}, cache()).getPackage('lodash');
    const again = await client(`${s.url}/`, fast, {}, cache()).getPackage('lodash');
    expect(again.versions).toHaveLength(3);
    expect(s.requests).toHaveLength(1);
    now += 61_000;
    await client(`${s.url}/`, fast, {}, cache()).getPackage('lodash');
    expect(s.requests).toHaveLength(2);
  });
});
