import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluate, loadPolicy, lookupKey, lookupPackages, RegistryClients, RegistryEnrichmentSource, resolveSwiftSourceHost, type Package } from '@lockwarden/core';
import type { TestServer } from '../helpers/http-server.js';
import { startRegistry } from './registry-fixtures.js';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const TAG_SHA = 'a'.repeat(40);
const COMMIT_SHA = 'b'.repeat(40);

/** A local GitHub REST API speaking the real shapes of repos, git refs, annotated tags and commits (trimmed). */
async function githubApi(): Promise<TestServer> {
  const s = await startRegistry({
    '/repos/apple/swift-nio': { id: 1, name: 'swift-nio', full_name: 'apple/swift-nio', html_url: 'https://github.com/apple/swift-nio', created_at: '2017-08-22T10:20:08Z', archived: false, license: { key: 'apache-2.0', name: 'Apache License 2.0', spdx_id: 'Apache-2.0' } },
    // An annotated tag with the plain version as its name.
    '/repos/apple/swift-nio/git/ref/tags/2.65.0': { ref: 'refs/tags/2.65.0', node_id: 'x', url: 'https://api.example.org/x', object: { type: 'tag', sha: TAG_SHA, url: 'https://api.example.org/t' } },
    [`/repos/apple/swift-nio/git/tags/${TAG_SHA}`]: { sha: TAG_SHA, tag: '2.65.0', tagger: { name: 'Release bot', email: 'bot@example.org', date: '2024-04-16T09:12:00Z' }, object: { type: 'commit', sha: COMMIT_SHA } },
    // A lightweight tag with a `v` prefix, pointing at a commit published yesterday relative to the test clock.
    '/repos/apple/swift-nio/git/ref/tags/v2.66.0': { ref: 'refs/tags/v2.66.0', object: { type: 'commit', sha: COMMIT_SHA } },
    [`/repos/apple/swift-nio/git/commits/${COMMIT_SHA}`]: { sha: COMMIT_SHA, committer: { name: 'Someone', email: 'someone@example.org', date: '2024-05-01T08:00:00Z' }, message: 'Release 2.66.0' },
  });
  servers.push(s);
  return s;
}

const swift = (name: string, version: string): Package => ({
  id: `SwiftURL:${name}@${version}`,
  ecosystem: 'SwiftURL',
  name,
  version,
  purl: `pkg:swift/${name}@${version}`,
  direct: false,
  scopes: [],
  integrity: [],
  source: { kind: 'git', url: `https://${name}.git`, commit: 'c'.repeat(40) },
  location: { file: 'Package.resolved' },
});

describe('Swift packages through their GitHub source host', () => {
  it('judges existence, tag existence and tag age; other hosts are unsupported, not nonexistent', async () => {
    const api = await githubApi();
    const clients = new RegistryClients({ cwd: '/', cacheDir: null, http: { retries: 0 }, env: { GITHUB_API_URL: api.url, GITHUB_TOKEN: 'ghs_test' } });
    const packages = [
      swift('github.com/apple/swift-nio', '2.65.0'),
      swift('github.com/apple/swift-nio', '2.66.0'),
      swift('github.com/apple/swift-nio', '9.9.9'),
      swift('github.com/apple/swift-nioo', '1.0.0'),
      swift('gitlab.example.org/team/swift-lib', '1.0.0'),
    ];
    const data = await new RegistryEnrichmentSource(clients).lookup(packages);
    expect(data.byPackage.get('SwiftURL:github.com/apple/swift-nio@2.65.0')).toMatchObject({ exists: true, versionExists: true, publishedAt: '2024-04-16T09:12:00Z', license: 'Apache-2.0', firstPublishedAt: '2017-08-22T10:20:08Z' });
    expect(data.byPackage.get('SwiftURL:github.com/apple/swift-nio@2.66.0')).toMatchObject({ versionExists: true, publishedAt: '2024-05-01T08:00:00Z' });
    expect(data.byPackage.has('SwiftURL:gitlab.example.org/team/swift-lib@1.0.0')).toBe(false);
    expect(api.requests.every((r) => r.headers.authorization === 'Bearer ghs_test')).toBe(true);

    const decision = evaluate({
      mode: 'pr',
      changes: packages.map((p) => ({ type: 'added' as const, ecosystem: p.ecosystem, name: p.name, after: p.version, direct: false, lockfile: 'Package.resolved', package: p })),
      enrichment: { registry: data, failures: [] },
      policy: loadPolicy({ root: mkdtempSync(join(tmpdir(), 'lw-policy-')) }).policy,
      now: new Date('2024-05-02T08:00:00Z'),
    });
    expect(decision.findings.filter((f) => f.rule === 'nonexistent').map((f) => `${f.name}@${f.version}: ${f.message}`).sort()).toEqual([
      'github.com/apple/swift-nio@9.9.9: the registry has no such version',
      'github.com/apple/swift-nioo@1.0.0: the registry has no package of this name',
    ]);
    expect(decision.findings.filter((f) => f.rule === 'release-age').map((f) => `${f.name}@${f.version}`)).toEqual(['github.com/apple/swift-nio@2.66.0']);
    expect(decision.notEvaluated.find((n) => n.rule === 'nonexistent')?.packages).toEqual(['gitlab.example.org/team/swift-lib@1.0.0']);
  });

  it('reads the host and API from the variables GitHub Actions sets', async () => {
    expect(resolveSwiftSourceHost({ GITHUB_SERVER_URL: 'https://ghe.example.org', GITHUB_API_URL: 'https://ghe.example.org/api/v3' })).toEqual({ host: 'ghe.example.org', api: 'https://ghe.example.org/api/v3/' });
    const clients = new RegistryClients({ cwd: '/', cacheDir: null, env: {} });
    const r = await lookupPackages([{ ecosystem: 'SwiftURL', name: 'bitbucket.org/team/lib' }], clients);
    expect(r.get(lookupKey('SwiftURL', 'bitbucket.org/team/lib'))?.status).toBe('unsupported');
  });
});
