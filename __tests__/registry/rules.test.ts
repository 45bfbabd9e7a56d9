import { describe, expect, it } from 'vitest';
import {
  judgeProvenance,
  judgeTyposquat,
  packageKey,
  parsePackument,
  parseVetTarget,
  publishingHistory,
  toRegistryMetadata,
  type Enrichment,
  type PackageMetadata,
  type Package,
  type RegistryMetadata,
} from '@lockwarden/core';
import { npmPackage, pypiPackage } from '../helpers/packages.js';
import { fixture, withVersion } from './registry-fixtures.js';

const NOW = new Date('2026-11-21T12:00:00Z');

function sigstore(extraVersions: Array<[string, string, Record<string, unknown>]>): PackageMetadata {
  let doc = fixture('npm/sigstore-core.json');
  for (const [v, t, extra] of extraVersions) doc = withVersion(doc, v, t, extra);
  return parsePackument('@sigstore/core', doc, 'https://registry.example.org/');
}

function enrichmentFor(pkg: Package, meta: RegistryMetadata): Enrichment {
  return { registry: { byPackage: new Map([[packageKey(pkg), meta]]), source: 'test' } };
}

const provenanceOptions = { action: 'block' as const, 'repository-change': 'warn' as const };
const attested = (repo: string) => ({
  repository: repo,
  dist: { tarball: 'https://registry.example.org/x.tgz', attestations: { url: 'https://registry.example.org/att', provenance: { predicateType: 'https://slsa.dev/provenance/v1' } } },
});

function judge(meta: PackageMetadata, version: string) {
  const pkg = npmPackage('@sigstore/core', version);
  return judgeProvenance({
    pkg,
    devOnly: false,
    mode: 'pr',
    change: { type: 'added' },
    options: provenanceOptions,
    enrichment: enrichmentFor(pkg, toRegistryMetadata(meta, version)),
    now: NOW,
  });
}

describe('provenance', () => {
  it('passes versions at or above the strongest earlier level', () => {
    const meta = sigstore([]);
    for (const v of ['2.0.0', '3.1.0', '4.0.1']) expect(judge(meta, v)).toEqual({ findings: [] });
  });

  it('blocks a version with weaker evidence than an earlier-published one, naming the latest such version', () => {
    const meta = sigstore([['4.0.2', '2026-07-01T00:00:00Z', { repository: 'sigstore/sigstore-js' }]]);
    const r = judge(meta, '4.0.2');
    expect('findings' in r && r.findings.map((f) => [f.severity, f.evidence])).toEqual([
      ['high', { level: 'none', earlierVersion: '4.0.1', earlierLevel: 'trusted-publisher' }],
    ]);
  });

  it('compares by publish time: a backport published before the attested release is no downgrade', () => {
    const meta = sigstore([['1.9.9', '2020-01-01T00:00:00Z', {}]]);
    expect(judge(meta, '1.9.9')).toEqual({ findings: [] });
  });

  it('ignores prereleases when judging a release, but not the other way round', () => {
    const meta = sigstore([
      ['5.0.0-rc.1', '2026-08-01T00:00:00Z', { _npmUser: { name: 'x', approver: { name: 'm' } }, ...attested('sigstore/sigstore-js') }],
      ['4.0.3', '2026-08-02T00:00:00Z', { _npmUser: { name: 'bot', trustedPublisher: { id: 'github', oidcConfigId: 'oidc:1' } }, ...attested('sigstore/sigstore-js') }],
      ['5.0.0-rc.2', '2026-08-03T00:00:00Z', attested('sigstore/sigstore-js')],
    ]);
    expect(judge(meta, '4.0.3')).toEqual({ findings: [] });
    const rc = judge(meta, '5.0.0-rc.2');
    expect('findings' in rc && rc.findings[0]?.evidence).toMatchObject({ earlierVersion: '5.0.0-rc.1', earlierLevel: 'staged' });
  });

  it('reports a change of the attested source repository with its own action', () => {
    const meta = sigstore([
      ['4.1.0', '2026-08-01T00:00:00Z', { _npmUser: { name: 'bot', trustedPublisher: { id: 'github', oidcConfigId: 'oidc:1' } }, ...attested('github:evil-fork/sigstore-js') }],
    ]);
    const r = judge(meta, '4.1.0');
    expect('findings' in r && r.findings.map((f) => [f.action, f.evidence])).toEqual([
      ['warn', { previousVersion: '4.0.1', previousRepository: 'https://github.com/sigstore/sigstore-js', repository: 'https://github.com/evil-fork/sigstore-js' }],
    ]);
  });

  it('is not evaluated when the publish time is unknown, and only for npm', () => {
    const doc = withVersion(fixture('npm/sigstore-core.json'), '4.0.9', '2026-01-01T00:00:00Z');
    delete (doc.time as Record<string, string>)['4.0.9'];
    const meta = parsePackument('@sigstore/core', doc, 'https://registry.example.org/');
    expect(judge(meta, '4.0.9')).toEqual({ notEvaluated: 'the registry does not say when this version was published' });
    expect(publishingHistory(meta, meta.versions.find((v) => v.version === '4.0.9')!).ordered).toBe(false);
    const py = pypiPackage('requests', '2.32.3');
    expect(
      judgeProvenance({ pkg: py, devOnly: false, mode: 'audit', options: provenanceOptions, enrichment: {}, now: NOW }),
    ).toEqual({ findings: [] });
  });
});

describe('typosquat rule', () => {
  const input = (pkg: Package, extra: Partial<Parameters<typeof judgeTyposquat>[0]> = {}) => ({
    pkg,
    devOnly: false,
    mode: 'pr' as const,
    change: { type: 'added' as const },
    options: { action: 'quarantine' as const, ignore: [] as string[] },
    enrichment: {},
    now: NOW,
    ...extra,
  });

  it('names the target and runs with no registry data at all', () => {
    const r = judgeTyposquat(input(npmPackage('lodahs', '1.0.0')));
    expect('findings' in r && r.findings.map((f) => [f.severity, f.remedy, f.evidence?.technique])).toEqual([
      ['high', 'did you mean `lodash`?', 'swap'],
    ]);
  });

  it('skips upgrades in PR mode, ignored names and targets, git dependencies, and ecosystems without a snapshot', () => {
    expect(judgeTyposquat(input(npmPackage('lodahs', '1.0.1'), { change: { type: 'upgraded', before: '1.0.0' } }))).toEqual({ findings: [] });
    expect(judgeTyposquat(input(npmPackage('lodahs', '1.0.0'), { options: { action: 'quarantine', ignore: ['lodahs'] } }))).toEqual({ findings: [] });
    expect(judgeTyposquat(input(npmPackage('lodahs', '1.0.0'), { options: { action: 'quarantine', ignore: ['lodash'] } }))).toEqual({ findings: [] });
    expect(judgeTyposquat(input(npmPackage('lodahs', '1.0.0', { source: { kind: 'git', url: 'https://example.org/x.git' } })))).toEqual({ findings: [] });
    const go = { ...npmPackage('github.com/x/y', 'v1.0.0'), ecosystem: 'Go' as const };
    expect(judgeTyposquat(input(go))).toEqual({ notEvaluated: 'no popularity snapshot for Go ships with lockwarden' });
  });
});

describe('registry metadata for the engine', () => {
  it('flattens one version, with snapshot popularity when the registry reports no downloads', () => {
    const meta = parsePackument('lodash', fixture('npm/lodash.json'), 'https://registry.example.org/');
    const m = toRegistryMetadata(meta, '4.17.21');
    expect(m).toMatchObject({ exists: true, versionExists: true, versionCount: 3, license: 'MIT', belowPopularitySnapshot: false });
    expect(m.downloads).toBeGreaterThan(1_000_000);
    expect(toRegistryMetadata(meta, '9.9.9')).toMatchObject({ exists: true, versionExists: false });
    const squat = parsePackument('expresss', fixture('npm/expresss.json'), 'https://registry.example.org/');
    expect(toRegistryMetadata(squat, '0.0.0')).toMatchObject({ belowPopularitySnapshot: true, versionCount: 1 });
    expect(toRegistryMetadata({ ...squat, exists: false, versions: [] }, '0.0.0')).toEqual({ exists: false });
  });
});

describe('vet targets', () => {
  it('reads TYPE:NAME[@VERSION] and purls', () => {
    expect(parseVetTarget('npm:@scope/x@1.2.3')).toEqual({ ecosystem: 'npm', purlType: 'npm', name: '@scope/x', version: '1.2.3' });
    expect(parseVetTarget('npm:expresss')).toEqual({ ecosystem: 'npm', purlType: 'npm', name: 'expresss' });
    expect(parseVetTarget('pypi:huggingface-cli@0.0.1')).toEqual({ ecosystem: 'PyPI', purlType: 'pypi', name: 'huggingface-cli', version: '0.0.1' });
    expect(parseVetTarget('pkg:golang/golang.org/x/net@v0.17.0')).toEqual({ ecosystem: 'Go', purlType: 'golang', name: 'golang.org/x/net', version: 'v0.17.0' });
    expect(parseVetTarget('pkg:maven/org.apache.commons/commons-lang3@3.14.0')).toMatchObject({ ecosystem: 'Maven', name: 'org.apache.commons:commons-lang3' });
    expect(() => parseVetTarget('left-pad')).toThrow(/expected TYPE:NAME/);
    expect(() => parseVetTarget('npm:x@')).toThrow(/missing package name or version/);
    expect(() => parseVetTarget('pkg:swift/github.com/a/b@1.0.0')).toThrow(/not supported/);
  });
});
