import { afterEach, describe, expect, it } from 'vitest';
import {
  CratesRegistryClient,
  escapeModulePath,
  findVersion,
  GoProxyRegistryClient,
  lookupKey,
  lookupPackages,
  PypiRegistryClient,
  RegistryClients,
  RegistryFetcher,
  RegistryHttp,
  resolveGoProxies,
  resolvePipIndexUrl,
  RubyGemsRegistryClient,
  versionFromFilename,
} from '@lockwarden/core';
import { sendJson, type TestServer } from '../helpers/http-server.js';
import { fixture, startRegistry } from './registry-fixtures.js';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function registry(routes: Parameters<typeof startRegistry>[0]): Promise<TestServer> {
  const s = await startRegistry(routes);
  servers.push(s);
  return s;
}
const fetcher = () => new RegistryFetcher({ http: new RegistryHttp({ retries: 1, baseDelayMs: 1 }) });

describe('PypiRegistryClient', () => {
  it('reads the JSON API: upload times, yanks with reasons, licence and source repository', async () => {
    const s = await registry({ '/pypi/requests/json': fixture('pypi/requests.json') });
    const meta = await new PypiRegistryClient(`${s.url}/simple/`, fetcher()).getPackage('Requests');
    expect(meta.name).toBe('requests');
    expect(meta.latest).toBe('2.32.3');
    expect(meta.versions.map((v) => v.version)).toEqual(['2.31.0', '2.32.0', '2.32.3']);
    expect(meta.firstPublishedAt).toBe('2023-05-22T15:12:42.313790Z');
    expect(findVersion(meta, '2.32.0')).toMatchObject({ yanked: true, yankedReason: 'Yanked due to conflicts with CVE-2024-35195 mitigation' });
    expect(findVersion(meta, '2.32.3')).toMatchObject({ publishedAt: '2024-05-29T15:37:47.027577Z', license: 'Apache-2.0' });
    expect(meta.repository).toBe('https://github.com/psf/requests');
  });

  it('falls back to the PEP 691 simple API, and only a 404 there means "does not exist"', async () => {
    const s = await registry({ '/simple/acme-internal-tools/': fixture('pypi/acme-internal-tools.simple.json') });
    const c = new PypiRegistryClient(`http://ci:pa%24s@${new URL(s.url).host}/simple/`, fetcher());
    const meta = await c.getPackage('acme_internal.tools');
    expect(meta.versions.map((v) => [v.version, v.publishedAt, v.yanked ?? false])).toEqual([
      ['0.9.0', '2025-01-10T09:00:00.000000Z', false],
      ['1.0.0', '2025-03-02T10:30:00.000000Z', true],
    ]);
    const simple = s.requests.find((r) => r.url === '/simple/acme-internal-tools/');
    expect(simple?.headers.accept).toBe('application/vnd.pypi.simple.v1+json');
    expect(simple?.headers.authorization).toBe(`Basic ${Buffer.from('ci:pa$s').toString('base64')}`);
    const missing = await c.getPackage('not-there');
    expect(missing.exists).toBe(false);
    expect(s.requests.map((r) => r.url)).toEqual([
      '/pypi/acme-internal-tools/json',
      '/simple/acme-internal-tools/',
      '/pypi/not-there/json',
      '/simple/not-there/',
    ]);
  });

  it('respects PIP_INDEX_URL over pip.conf and pip’s default', () => {
    expect(resolvePipIndexUrl({ PIP_INDEX_URL: 'https://pi.example.org/simple' }, '/nonexistent')).toBe('https://pi.example.org/simple');
    expect(versionFromFilename('acme-internal-tools', 'acme_internal_tools-1.0.0-py3-none-any.whl')).toBe('1.0.0');
  });
});

describe('CratesRegistryClient', () => {
  it('reads versions with times and yanks', async () => {
    const s = await registry({
      '/api/v1/crates/serde': {
        crate: { name: 'serde', created_at: '2014-12-05T20:20:39.487502Z', max_version: '1.0.215', max_stable_version: '1.0.215', recent_downloads: 90_000_000, repository: 'https://github.com/serde-rs/serde' },
        versions: [
          { num: '1.0.215', created_at: '2024-11-11T03:36:35.519707Z', yanked: false, license: 'MIT OR Apache-2.0' },
          { num: '1.0.214', created_at: '2024-10-28T00:00:00.000000Z', yanked: true, license: 'MIT OR Apache-2.0' },
        ],
      },
    });
    const meta = await new CratesRegistryClient(`${s.url}/api/v1/`, fetcher()).getPackage('serde');
    expect(meta).toMatchObject({ latest: '1.0.215', firstPublishedAt: '2014-12-05T20:20:39.487502Z', downloadsLastMonth: 30_000_000 });
    expect(findVersion(meta, '1.0.214')?.yanked).toBe(true);
    expect((await new CratesRegistryClient(`${s.url}/api/v1/`, fetcher()).getPackage('nope')).exists).toBe(false);
  });
});

describe('GoProxyRegistryClient', () => {
  it('walks GOPROXY in order, escapes capitals, and reads a version time from .info', async () => {
    const empty = await registry({});
    const proxy = await registry({
      '/github.com/!burnt!sushi/toml/@v/list': (_r, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('v1.3.2\nv1.4.0\n');
      },
      '/github.com/!burnt!sushi/toml/@latest': { Version: 'v1.4.0', Time: '2024-06-08T10:00:00Z' },
      '/github.com/!burnt!sushi/toml/@v/v1.3.2.info': { Version: 'v1.3.2', Time: '2023-06-08T10:00:00Z' },
    });
    const proxies = resolveGoProxies({ GOPROXY: `${empty.url},${proxy.url}|direct` });
    expect(proxies).toEqual([`${empty.url}/`, `${proxy.url}/`]);
    const c = new GoProxyRegistryClient(proxies, fetcher());
    const meta = await c.getPackage('github.com/BurntSushi/toml');
    expect(meta.versions.map((v) => v.version)).toEqual(['v1.3.2', 'v1.4.0']);
    expect(meta.latest).toBe('v1.4.0');
    expect(await c.getVersion('github.com/BurntSushi/toml', 'v1.3.2')).toMatchObject({ publishedAt: '2023-06-08T10:00:00Z' });
    expect(escapeModulePath('github.com/Azure/azure-sdk')).toBe('github.com/!azure/azure-sdk');
    expect((await c.getPackage('example.com/none')).exists).toBe(false);
  });
});

describe('RubyGemsRegistryClient', () => {
  it('reads versions, platforms and licences', async () => {
    const s = await registry({
      '/api/v1/versions/nokogiri.json': [
        { number: '1.16.7', platform: 'x86_64-linux', created_at: '2024-07-29T00:00:00.000Z', licenses: ['MIT'], prerelease: false },
        { number: '1.16.7', platform: 'ruby', created_at: '2024-07-29T00:00:00.000Z', licenses: ['MIT'], prerelease: false },
        { number: '1.17.0.rc1', platform: 'ruby', created_at: '2024-11-01T00:00:00.000Z', licenses: ['MIT'], prerelease: true },
      ],
    });
    const c = new RubyGemsRegistryClient(`${s.url}/`, fetcher());
    const meta = await c.getPackage('nokogiri');
    expect(meta.versions.map((v) => v.version)).toEqual(['1.16.7-x86_64-linux', '1.16.7', '1.17.0.rc1']);
    expect(meta.latest).toBe('1.16.7');
    expect((await c.getPackage('nope')).exists).toBe(false);
  });
});

describe('lookupPackages', () => {
  it('looks each name up once, reports unsupported ecosystems and keeps one outage from hiding other answers', async () => {
    const npm = await registry({ '/lodash': fixture('npm/lodash.json'), '/broken': (_r, res) => sendJson(res, 503, {}) });
    const clients = new RegistryClients({
      cwd: '/',
      env: {},
      cacheDir: null,
      http: { retries: 0 },
      endpoints: { npm: `${npm.url}/` },
      askNpm: () => Promise.reject(new Error('not asked')),
    });
    const results = await lookupPackages(
      [
        { ecosystem: 'npm', name: 'lodash', version: '4.17.20' },
        { ecosystem: 'npm', name: 'lodash', version: '4.17.21' },
        { ecosystem: 'npm', name: 'broken' },
        { ecosystem: 'Hex', name: 'phoenix' },
      ],
      clients,
      2,
    );
    expect(results.get(lookupKey('npm', 'lodash'))?.status).toBe('ok');
    expect(results.get(lookupKey('npm', 'broken'))?.status).toBe('error');
    expect(results.get(lookupKey('Hex', 'phoenix'))?.status).toBe('unsupported');
    expect(npm.requests.filter((r) => r.url === '/lodash')).toHaveLength(1);
  });
});
