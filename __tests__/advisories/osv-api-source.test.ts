import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OsvApiSource, SourceUnavailableError, type PackageRef } from '@lockwarden/core';
import { REPO_ROOT } from '../helpers/conformance.js';
import { loadOsvRecords, startOsvServer, type OsvTestServer } from '../helpers/osv-server.js';

const FIXTURES = join(REPO_ROOT, '__tests__', 'fixtures', 'osv');
const REAL = loadOsvRecords(FIXTURES);

let server: OsvTestServer | undefined;
const tempDirs: string[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function source(url: string, extra: ConstructorParameters<typeof OsvApiSource>[0] = {}) {
  return new OsvApiSource({ baseUrl: url, retries: 3, backoffBaseMs: 1, timeoutMs: 2_000, ...extra });
}

const LODASH: PackageRef = { ecosystem: 'npm', name: 'lodash', version: '4.17.20' };
const MINIMIST: PackageRef = { ecosystem: 'npm', name: 'minimist', version: '1.2.5' };
const H11: PackageRef = { ecosystem: 'PyPI', name: 'h11', version: '0.14.0' };
const CLEAN: PackageRef = { ecosystem: 'npm', name: 'lodash', version: '4.17.23' };

describe('OsvApiSource against a local OSV server', () => {
  it('finds the real advisories for lodash, minimist and h11 with one batch call', async () => {
    server = await startOsvServer(REAL);
    const osv = source(server.url);
    const result = await osv.query([LODASH, MINIMIST, H11, CLEAN]);
    expect(server.count('/v1/querybatch')).toBe(1);
    expect(server.count('/v1/vulns/')).toBe(5);
    expect(result.source).toBe(`OSV API at ${server.url}`);
    expect(result.dataAsOf).toBeUndefined();
    expect([...result.byPackage.keys()].sort()).toEqual(['PyPI:h11@0.14.0', 'npm:lodash@4.17.20', 'npm:minimist@1.2.5']);

    const lodash = result.byPackage.get('npm:lodash@4.17.20') ?? [];
    expect(lodash.map((a) => [a.ids, a.severity, a.fixed, a.match])).toEqual([
      [['GHSA-35jh-r3h4-6jhm', 'CVE-2021-23337'], 'high', '4.17.21', 'range'],
      [['GHSA-29mw-wpgm-hmr9', 'CVE-2020-28500'], 'moderate', '4.17.21', 'range'],
      [['GHSA-xxjr-mmjv-4gpg', 'CVE-2025-13465'], 'moderate', '4.17.23', 'range'],
    ]);
    expect(result.byPackage.get('npm:minimist@1.2.5')?.map((a) => [a.id, a.severity, a.fixed])).toEqual([
      ['GHSA-xvch-5gv4-984h', 'critical', '1.2.6'],
    ]);
    expect(result.byPackage.get('PyPI:h11@0.14.0')?.map((a) => [a.id, a.severity, a.fixed, a.match])).toEqual([
      ['GHSA-vqfr-h8mv-ghfj', 'critical', '0.16.0', 'range'],
    ]);
  });

  it('needs ⌈N/1000⌉ batch calls and fetches each record once', async () => {
    server = await startOsvServer(REAL);
    const osv = source(server.url);
    const packages: PackageRef[] = Array.from({ length: 2_345 }, (_, i) => ({ ecosystem: 'npm', name: `pkg-${i}`, version: '1.0.0' }));
    packages.push(LODASH, { ...LODASH }, { ecosystem: 'npm', name: 'lodash', version: '4.17.19' });
    const result = await osv.query(packages);
    expect(server.count('/v1/querybatch')).toBe(3);
    const batchSizes = server.requests
      .filter((r) => r.url === '/v1/querybatch')
      .map((r) => (JSON.parse(r.body) as { queries: unknown[] }).queries.length);
    expect(batchSizes).toEqual([1000, 1000, 347]);
    expect(server.count('/v1/vulns/')).toBe(3);
    expect(result.byPackage.get('npm:lodash@4.17.19')).toHaveLength(3);

    // A second run with the same source reuses the records it fetched.
    await osv.query([LODASH]);
    expect(server.count('/v1/vulns/')).toBe(3);
    expect(osv.stats).toEqual({ batchRequests: 4, recordRequests: 3, recordCacheHits: 3 });
  });

  it('follows next_page_token per result', async () => {
    server = await startOsvServer(REAL, { pageSize: 1 });
    const osv = source(server.url);
    const result = await osv.query([LODASH, MINIMIST]);
    // lodash has 3 records → 3 pages; minimist 1 page: batches [lodash, minimist], [lodash p2], [lodash p3].
    expect(server.count('/v1/querybatch')).toBe(3);
    const second = JSON.parse(server.requests.filter((r) => r.url === '/v1/querybatch')[1]?.body ?? '{}') as {
      queries: { page_token?: string; package?: { name: string } }[];
    };
    expect(second.queries).toHaveLength(1);
    expect(second.queries[0]?.package?.name).toBe('lodash');
    expect(typeof second.queries[0]?.page_token).toBe('string');
    expect(result.byPackage.get('npm:lodash@4.17.20')).toHaveLength(3);
  });

  it('keeps records on disk keyed by id and modified', async () => {
    server = await startOsvServer(REAL);
    const cacheDir = mkdtempSync(join(tmpdir(), 'lw-osv-cache-'));
    tempDirs.push(cacheDir);
    await source(server.url, { cacheDir }).query([MINIMIST]);
    expect(readdirSync(cacheDir)).toEqual(['GHSA-xvch-5gv4-984h.json']);
    const fresh = source(server.url, { cacheDir });
    const result = await fresh.query([MINIMIST]);
    expect(server.count('/v1/vulns/')).toBe(1);
    expect(fresh.stats.recordCacheHits).toBe(1);
    expect(result.byPackage.get('npm:minimist@1.2.5')?.[0]?.id).toBe('GHSA-xvch-5gv4-984h');
  });

  it('recovers from a 500 and from truncated JSON', async () => {
    server = await startOsvServer(REAL);
    server.inject({ kind: 'status', status: 500 }, { pathPrefix: '/v1/querybatch' });
    server.inject({ kind: 'truncated' }, { pathPrefix: '/v1/querybatch' });
    server.inject({ kind: 'status', status: 503 }, { pathPrefix: '/v1/vulns/' });
    const result = await source(server.url).query([MINIMIST]);
    expect(server.count('/v1/querybatch')).toBe(3);
    expect(server.count('/v1/vulns/')).toBe(2);
    expect(result.byPackage.get('npm:minimist@1.2.5')?.[0]?.id).toBe('GHSA-xvch-5gv4-984h');
  });

  it('honours Retry-After from a 429', async () => {
    server = await startOsvServer(REAL);
    server.inject({ kind: 'retry-after', seconds: 2 }, { pathPrefix: '/v1/querybatch' });
    const delays: number[] = [];
    const osv = source(server.url, {
      sleep: async (ms) => {
        delays.push(ms);
      },
    });
    const result = await osv.query([MINIMIST]);
    expect(delays).toEqual([2000]);
    expect(result.byPackage.size).toBe(1);
  });

  it('times out a hanging request and retries it', async () => {
    server = await startOsvServer(REAL);
    server.inject({ kind: 'hang' }, { pathPrefix: '/v1/vulns/' });
    const result = await source(server.url, { timeoutMs: 200 }).query([MINIMIST]);
    expect(server.count('/v1/vulns/')).toBe(2);
    expect(result.byPackage.size).toBe(1);
  });

  it('an outage is SourceUnavailableError, never an empty result', async () => {
    server = await startOsvServer(REAL);
    server.inject({ kind: 'status', status: 502 }, { times: 4, pathPrefix: '/v1/querybatch' });
    const err = await source(server.url).query([MINIMIST]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceUnavailableError);
    expect((err as SourceUnavailableError).code).toBe('SOURCE_UNAVAILABLE');
    expect(server.count('/v1/querybatch')).toBe(4);
  });

  it('a record that never arrives fails the query', async () => {
    server = await startOsvServer(REAL);
    server.inject({ kind: 'truncated' }, { times: 4, pathPrefix: '/v1/vulns/' });
    await expect(source(server.url).query([MINIMIST])).rejects.toThrow(/invalid JSON in response/);
  });

  it('keeps a record the server matched even when local matching cannot place it', async () => {
    // The server says affected; lockwarden has no ordering for Bitnami versions, so the match rests on the source.
    const record = {
      id: 'BIT-2024-1',
      modified: '2024-01-01T00:00:00Z',
      affected: [{ package: { ecosystem: 'Bitnami', name: 'thing' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.0.0' }] }] }],
    };
    server = await startOsvServer([record]);
    const result = await source(server.url).query([{ ecosystem: 'Bitnami' as PackageRef['ecosystem'], name: 'thing', version: '1.0.0' }]);
    expect(result.byPackage.get('Bitnami:thing@1.0.0')?.map((a) => [a.id, a.match, a.fixed])).toEqual([['BIT-2024-1', 'source', undefined]]);
  });

  it('queries git-pinned packages by commit', async () => {
    const gitRecord = {
      id: 'OSV-2024-1',
      modified: '2024-01-01T00:00:00Z',
      affected: [
        {
          package: { ecosystem: 'npm', name: 'gitdep' },
          ranges: [{ type: 'GIT', repo: 'https://example.org/gitdep.git', events: [{ introduced: '1111111111111111111111111111111111111111' }, { fixed: '2222222222222222222222222222222222222222' }] }],
        },
      ],
    };
    server = await startOsvServer([gitRecord]);
    const result = await source(server.url).query([{ ecosystem: 'npm', name: 'gitdep', version: '', commit: '1111111111111111111111111111111111111111' }]);
    const body = JSON.parse(server.requests[0]?.body ?? '{}') as { queries: unknown[] };
    expect(body.queries).toEqual([{ commit: '1111111111111111111111111111111111111111' }]);
    expect(result.byPackage.get('npm:gitdep@')?.map((a) => [a.id, a.match])).toEqual([['OSV-2024-1', 'git']]);
  });
});
