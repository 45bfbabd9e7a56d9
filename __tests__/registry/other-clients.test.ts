import { afterEach, describe, expect, it } from 'vitest';
import {
  CratesRegistryClient,
  escapeModulePath,
  findVersion,
  GoProxyRegistryClient,
  expandMinified,
  findNonexistentDeclared,
  lookupKey,
  lookupPackages,
  MavenRegistryClient,
  NugetRegistryClient,
  PackagistRegistryClient,
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

describe('PackagistRegistryClient', () => {
  it('expands Composer minified metadata and reads times, licences and abandonment', async () => {
    const s = await registry({
      '/p2/monolog/monolog.json': {
        minified: 'composer/2.0',
        packages: {
          'monolog/monolog': [
            { name: 'monolog/monolog', version: '3.8.0', version_normalized: '3.8.0.0', license: ['MIT'], time: '2024-11-12T13:57:08+00:00', source: { type: 'git', url: 'https://github.com/Seldaek/monolog.git', reference: 'abc' } },
            { version: '3.7.0', version_normalized: '3.7.0.0', time: '2024-06-28T09:40:51+00:00' },
            { version: '1.0.0', version_normalized: '1.0.0.0', time: '2011-02-25T21:43:01+00:00', license: '__unset', abandoned: 'monolog/monolog-ng' },
          ],
        },
      },
    });
    const meta = await new PackagistRegistryClient(`${s.url}/`, fetcher()).getPackage('Monolog/Monolog');
    expect(meta.versions.map((v) => [v.version, v.publishedAt, v.license, v.deprecated])).toEqual([
      ['3.8.0', '2024-11-12T13:57:08+00:00', 'MIT', undefined],
      ['3.7.0', '2024-06-28T09:40:51+00:00', 'MIT', undefined],
      ['1.0.0', '2011-02-25T21:43:01+00:00', undefined, 'abandoned, use monolog/monolog-ng'],
    ]);
    expect(meta).toMatchObject({ latest: '3.8.0', firstPublishedAt: '2011-02-25T21:43:01+00:00', repository: 'https://github.com/Seldaek/monolog.git' });
    expect((await new PackagistRegistryClient(`${s.url}/`, fetcher()).getPackage('no/such')).exists).toBe(false);
    expect(expandMinified([{ a: 1, b: 2 }, { b: '__unset' }])).toEqual([{ a: 1, b: 2 }, { a: 1 }]);
  });
});

describe('NugetRegistryClient', () => {
  it('follows the service index to registrations, fetches pages that are not inlined, and reads unlisting', async () => {
    let base = '';
    const s = await registry({
      '/v3/index.json': (_r, res) =>
        sendJson(res, 200, { version: '3.0.0', resources: [{ '@id': `${base}/reg/`, '@type': 'RegistrationsBaseUrl/3.6.0' }] }),
      '/reg/newtonsoft.json/index.json': (_r, res) =>
        sendJson(res, 200, {
          count: 2,
          items: [
            { '@id': `${base}/reg/newtonsoft.json/page/1.json`, lower: '12.0.1', upper: '12.0.3' },
            {
              lower: '13.0.3',
              upper: '13.0.3',
              items: [{ catalogEntry: { id: 'Newtonsoft.Json', version: '13.0.3', published: '2023-03-08T07:42:54.647+00:00', listed: true, licenseExpression: 'MIT', projectUrl: 'https://www.newtonsoft.com/json' } }],
            },
          ],
        }),
      '/reg/newtonsoft.json/page/1.json': {
        items: [
          { catalogEntry: { version: '12.0.1', published: '2018-11-27T20:45:36.39+00:00', listed: true, licenseExpression: 'MIT', deprecation: { reasons: ['Legacy'], message: 'use 13' } } },
          { catalogEntry: { version: '12.0.3', published: '1900-01-01T00:00:00+00:00', listed: false } },
        ],
      },
    });
    base = s.url;
    const c = new NugetRegistryClient(`${s.url}/v3/index.json`, fetcher());
    const meta = await c.getPackage('Newtonsoft.Json');
    expect(meta.versions.map((v) => [v.version, v.publishedAt, v.yanked ?? false, v.deprecated])).toEqual([
      ['12.0.1', '2018-11-27T20:45:36.39+00:00', false, 'use 13'],
      ['12.0.3', undefined, true, undefined],
      ['13.0.3', '2023-03-08T07:42:54.647+00:00', false, undefined],
    ]);
    expect(meta.latest).toBe('13.0.3');
    expect((await c.getPackage('No.Such.Package')).exists).toBe(false);
    expect(s.requests.filter((r) => r.url === '/v3/index.json')).toHaveLength(1);
  });
});

describe('MavenRegistryClient', () => {
  it('lists versions from maven-metadata.xml and dates a version by its POM', async () => {
    const s = await registry({
      '/org/apache/commons/commons-lang3/maven-metadata.xml': (_r, res) => {
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.end(`<?xml version="1.0" encoding="UTF-8"?>
<metadata><groupId>org.apache.commons</groupId><artifactId>commons-lang3</artifactId>
<versioning><latest>3.17.0</latest><release>3.17.0</release><versions><version>3.16.0</version><version>3.17.0</version></versions>
<lastUpdated>20240826100000</lastUpdated></versioning></metadata>`);
      },
      '/org/apache/commons/commons-lang3/3.17.0/commons-lang3-3.17.0.pom': (_r, res) => {
        res.writeHead(200, { 'content-type': 'text/xml', 'last-modified': 'Mon, 26 Aug 2024 09:59:04 GMT' });
        res.end('<project/>');
      },
    });
    const c = new MavenRegistryClient(`${s.url}/`, fetcher());
    const meta = await c.getPackage('org.apache.commons:commons-lang3');
    expect(meta.versions.map((v) => v.version)).toEqual(['3.16.0', '3.17.0']);
    expect(meta.latest).toBe('3.17.0');
    expect(await c.getVersion('org.apache.commons:commons-lang3', '3.17.0')).toMatchObject({ publishedAt: '2024-08-26T09:59:04.000Z' });
    expect(await c.getVersion('org.apache.commons:commons-lang3', '9.9.9')).toBeUndefined();
    expect((await c.getPackage('org.example:nothing')).exists).toBe(false);
    expect((await c.getPackage('not-a-coordinate')).exists).toBe(false);
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
        { ecosystem: 'SwiftURL', name: 'gitlab.example.org/team/swift-lib' },
      ],
      clients,
      2,
    );
    expect(results.get(lookupKey('npm', 'lodash'))?.status).toBe('ok');
    expect(results.get(lookupKey('npm', 'broken'))?.status).toBe('error');
    expect(results.get(lookupKey('SwiftURL', 'gitlab.example.org/team/swift-lib'))?.status).toBe('unsupported');
    expect(npm.requests.filter((r) => r.url === '/lodash')).toHaveLength(1);
  });
});

describe('findNonexistentDeclared', () => {
  it('reports manifest names the registry does not have, skipping git, path and workspace specifiers', async () => {
    const npm = await registry({ '/lodash': fixture('npm/lodash.json') });
    const clients = new RegistryClients({ cwd: '/', env: {}, cacheDir: null, http: { retries: 0 }, endpoints: { npm: `${npm.url}/` } });
    const declared = (name: string, specifier: string, line: number) => ({
      ecosystem: 'npm' as const,
      name,
      specifier,
      purl: `pkg:npm/${name}`,
      scopes: [],
      location: { file: 'package.json', line },
    });
    const findings = await findNonexistentDeclared(
      [declared('lodash', '^4.17.21', 3), declared('lodash-hallucinated-utils', '^1.0.0', 4), declared('local', 'file:../local', 5), declared('fork', 'git+https://example.org/x.git', 6)],
      clients,
    );
    expect(findings.map((f) => [f.name, f.action, f.location?.line])).toEqual([['lodash-hallucinated-utils', 'block', 4]]);
    expect(npm.requests.map((r) => r.url).sort()).toEqual(['/lodash', '/lodash-hallucinated-utils']);
  });
});
