import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CocoaPodsRegistryClient,
  evaluate,
  findVersion,
  HexRegistryClient,
  loadPolicy,
  lookupKey,
  lookupPackages,
  PubRegistryClient,
  RegistryClients,
  RegistryEnrichmentSource,
  RegistryFetcher,
  RegistryHttp,
  resolveCocoaPodsTrunkUrl,
  resolveHexApiUrl,
  resolvePubHostedUrl,
  type Ecosystem,
  type Package,
} from '@lockwarden/core';
import type { TestServer } from '../helpers/http-server.js';
import { startRegistry } from './registry-fixtures.js';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function registry(routes: Parameters<typeof startRegistry>[0]): Promise<TestServer> {
  const s = await startRegistry(routes);
  servers.push(s);
  return s;
}
const fetcher = () => new RegistryFetcher({ http: new RegistryHttp({ retries: 0 }) });

// The Hosted Pub Repository Specification v2 shape, as pub.dev serves it (with its `published` times); real
// versions and dates of the `http` package, pubspecs trimmed.
const PUB_HTTP = {
  name: 'http',
  latest: { version: '1.2.2', pubspec: { name: 'http', version: '1.2.2', repository: 'https://github.com/dart-lang/http/tree/master/pkgs/http' }, archive_url: 'https://pub.example.org/api/archives/http-1.2.2.tar.gz', published: '2024-07-16T16:31:28.374540Z' },
  versions: [
    { version: '0.1.0', pubspec: { name: 'http', version: '0.1.0', homepage: 'http://www.dartlang.org' }, archive_url: 'https://pub.example.org/api/archives/http-0.1.0.tar.gz', published: '2012-11-30T00:49:17.418000Z' },
    { version: '1.2.1', retracted: true, pubspec: { name: 'http', version: '1.2.1' }, archive_url: 'https://pub.example.org/api/archives/http-1.2.1.tar.gz', published: '2024-02-15T23:25:27.572746Z' },
    { version: '1.2.2', pubspec: { name: 'http', version: '1.2.2', repository: 'https://github.com/dart-lang/http/tree/master/pkgs/http' }, archive_url: 'https://pub.example.org/api/archives/http-1.2.2.tar.gz', published: '2024-07-16T16:31:28.374540Z' },
  ],
};

// The Hex API package shape (hexpm's package view), real dates of phoenix releases, trimmed.
const HEX_PHOENIX = {
  name: 'phoenix',
  repository: 'hexpm',
  html_url: 'https://hex.pm/packages/phoenix',
  inserted_at: '2014-04-29T01:51:39.000000Z',
  updated_at: '2024-06-18T20:40:04.000000Z',
  latest_version: '1.7.14',
  latest_stable_version: '1.7.14',
  meta: { description: 'Peace of mind from prototype to production', licenses: ['MIT'], links: { GitHub: 'https://github.com/phoenixframework/phoenix' }, maintainers: [] },
  downloads: { all: 90_000_000, recent: 6_000_000, week: 500_000, day: 70_000 },
  releases: [
    { version: '1.7.14', url: 'https://hex.example.org/api/packages/phoenix/releases/1.7.14', has_docs: true, inserted_at: '2024-06-18T20:40:04.000000Z' },
    { version: '1.7.13', url: 'https://hex.example.org/api/packages/phoenix/releases/1.7.13', has_docs: true, inserted_at: '2024-06-18T13:50:28.000000Z' },
    { version: '0.1.0', url: 'https://hex.example.org/api/packages/phoenix/releases/0.1.0', has_docs: false, inserted_at: '2014-04-29T01:51:39.000000Z' },
  ],
  retirements: { '1.7.13': { reason: 'invalid', message: 'compile error on Elixir 1.17' } },
};

// Trunk's `GET /api/v1/pods/<name>` (versions + owners) and a podspec from `/specs/<version>`.
const TRUNK_AFNETWORKING = {
  versions: [
    { name: '0.5.1', created_at: '2014-05-19 20:27:03 UTC' },
    { name: '4.0.1', created_at: '2020-04-19 23:21:46 UTC' },
  ],
  owners: [{ name: 'Mattt', email: 'owner@example.org', created_at: '2014-05-19 20:27:03 UTC', updated_at: '2020-04-19 23:21:46 UTC' }],
};
const AFNETWORKING_SPEC = {
  name: 'AFNetworking',
  version: '4.0.1',
  license: 'MIT',
  summary: 'A delightful networking framework for Apple platforms.',
  source: { git: 'https://github.com/AFNetworking/AFNetworking.git', tag: '4.0.1' },
};

describe('PubRegistryClient', () => {
  it('reads versions, publish times, retractions and the repository; honours PUB_HOSTED_URL', async () => {
    const s = await registry({ '/api/packages/http': PUB_HTTP });
    const meta = await new PubRegistryClient(`${s.url}/`, fetcher()).getPackage('http');
    expect(meta).toMatchObject({ exists: true, latest: '1.2.2', firstPublishedAt: '2012-11-30T00:49:17.418000Z', repository: 'https://github.com/dart-lang/http/tree/master/pkgs/http' });
    expect(findVersion(meta, '1.2.1')).toMatchObject({ yanked: true, yankedReason: 'retracted' });
    expect(s.requests[0]?.headers.accept).toBe('application/vnd.pub.v2+json');
    expect((await new PubRegistryClient(`${s.url}/`, fetcher()).getPackage('htttp')).exists).toBe(false);
    expect(resolvePubHostedUrl({ PUB_HOSTED_URL: 'https://pub.internal.example.org' })).toBe('https://pub.internal.example.org/');
  });
});

describe('HexRegistryClient', () => {
  it('reads releases, retirements, licences, links and downloads; honours HEX_API_URL', async () => {
    const s = await registry({ '/api/packages/phoenix': HEX_PHOENIX });
    const meta = await new HexRegistryClient(`${s.url}/api/`, fetcher()).getPackage('phoenix');
    expect(meta).toMatchObject({ latest: '1.7.14', firstPublishedAt: '2014-04-29T01:51:39.000000Z', license: 'MIT', repository: 'https://github.com/phoenixframework/phoenix', downloadsLastMonth: 2_000_000 });
    expect(findVersion(meta, '1.7.13')?.deprecated).toBe('retired (invalid): compile error on Elixir 1.17');
    expect(findVersion(meta, '1.7.14')).toMatchObject({ publishedAt: '2024-06-18T20:40:04.000000Z', license: 'MIT' });
    expect((await new HexRegistryClient(`${s.url}/api/`, fetcher()).getPackage('phoenixx')).exists).toBe(false);
    expect(resolveHexApiUrl({ HEX_API_URL: 'https://hex.internal.example.org/api' })).toBe('https://hex.internal.example.org/api/');
  });
});

describe('CocoaPodsRegistryClient', () => {
  it('reads trunk versions with their push times, and licence and repository from the latest podspec', async () => {
    const s = await registry({ '/api/v1/pods/AFNetworking': TRUNK_AFNETWORKING, '/api/v1/pods/AFNetworking/specs/4.0.1': AFNETWORKING_SPEC });
    const meta = await new CocoaPodsRegistryClient(`${s.url}/api/v1/`, fetcher()).getPackage('AFNetworking/NSURLSession');
    expect(meta).toMatchObject({ exists: true, latest: '4.0.1', firstPublishedAt: '2014-05-19T20:27:03Z', license: 'MIT', repository: 'https://github.com/afnetworking/afnetworking' });
    expect(findVersion(meta, '4.0.1')?.publishedAt).toBe('2020-04-19T23:21:46Z');
    expect((await new CocoaPodsRegistryClient(`${s.url}/api/v1/`, fetcher()).getPackage('AFNetwork1ng')).exists).toBe(false);
    expect(resolveCocoaPodsTrunkUrl({ COCOAPODS_TRUNK_URL: 'https://trunk.internal.example.org/api/v1' })).toBe('https://trunk.internal.example.org/api/v1/');
  });
});

describe('the registry rules evaluate for Pub, Hex and CocoaPods', () => {
  const pkg = (ecosystem: Ecosystem, name: string, version: string, file: string): Package => ({
    id: `${ecosystem}:${name}@${version}`,
    ecosystem,
    name,
    version,
    purl: `pkg:generic/${name}@${version}`,
    direct: true,
    scopes: [],
    integrity: [],
    source: { kind: 'registry' },
    location: { file },
  });

  it('nonexistent and release-age are judged from each registry, configured through each tool\'s variables', async () => {
    const s = await registry({
      '/pub/api/packages/http': PUB_HTTP,
      '/hex/api/packages/phoenix': HEX_PHOENIX,
      '/trunk/api/v1/pods/AFNetworking': TRUNK_AFNETWORKING,
      '/trunk/api/v1/pods/AFNetworking/specs/4.0.1': AFNETWORKING_SPEC,
    });
    const clients = new RegistryClients({
      cwd: '/',
      cacheDir: null,
      http: { retries: 0 },
      env: { PUB_HOSTED_URL: `${s.url}/pub`, HEX_API_URL: `${s.url}/hex/api`, COCOAPODS_TRUNK_URL: `${s.url}/trunk/api/v1` },
    });
    const lookups = await lookupPackages([{ ecosystem: 'Pub', name: 'http' }, { ecosystem: 'Hex', name: 'phoenix' }, { ecosystem: 'CocoaPods', name: 'AFNetworking' }], clients);
    for (const key of [lookupKey('Pub', 'http'), lookupKey('Hex', 'phoenix'), lookupKey('CocoaPods', 'AFNetworking')]) expect(lookups.get(key)?.status).toBe('ok');

    const packages = [
      pkg('Pub', 'http', '0.1.0', 'pubspec.lock'),
      pkg('Pub', 'htttp', '1.0.0', 'pubspec.lock'),
      pkg('Hex', 'phoenix', '1.7.14', 'mix.lock'),
      pkg('Hex', 'phoenix_hallucinated', '0.1.0', 'mix.lock'),
      pkg('CocoaPods', 'AFNetworking', '4.0.1', 'Podfile.lock'),
      pkg('CocoaPods', 'AFNetworking', '9.9.9', 'Podfile.lock'),
    ];
    const data = await new RegistryEnrichmentSource(clients).lookup(packages);
    expect(data.failures).toBeUndefined();
    const decision = evaluate({
      mode: 'pr',
      changes: packages.map((p) => ({ type: 'added' as const, ecosystem: p.ecosystem, name: p.name, after: p.version, direct: true, lockfile: p.location.file, package: p })),
      enrichment: { registry: data, failures: [] },
      policy: loadPolicy({ root: mkdtempSync(join(tmpdir(), 'lw-policy-')) }).policy,
      // A day after phoenix 1.7.14 was published: release-age (3 days in the baseline) quarantines it.
      now: new Date('2024-06-19T20:40:04Z'),
    });
    const nonexistent = decision.findings.filter((f) => f.rule === 'nonexistent').map((f) => `${f.name}@${f.version}: ${f.message}`);
    expect(nonexistent.sort()).toEqual([
      'AFNetworking@9.9.9: the registry has no such version',
      'htttp@1.0.0: the registry has no package of this name',
      'phoenix_hallucinated@0.1.0: the registry has no package of this name',
    ]);
    expect(decision.findings.filter((f) => f.rule === 'release-age').map((f) => f.name)).toEqual(['phoenix']);
    // No registry rule is "not evaluated" for lack of a client any more.
    expect(decision.notEvaluated.filter((n) => n.rule === 'nonexistent' || n.rule === 'release-age')).toEqual([]);
  });
});
