import { describe, expect, it } from 'vitest';
import {
  enabledRules,
  evaluate,
  packageKey,
  policyFromText,
  type Advisory,
  type Enrichment,
  type EvaluateInput,
  type JudgedChange,
  type Package,
  type RegistryMetadata,
} from '@lockwarden/core';
import { advisory, npmPackage, pypiPackage } from '../helpers/packages.js';

const NOW = new Date('2026-11-21T12:00:00Z');

function added(pkg: Package, lockfile = 'package-lock.json'): JudgedChange {
  return { type: 'added', ecosystem: pkg.ecosystem, name: pkg.name, after: pkg.version, direct: pkg.direct, lockfile, package: pkg };
}

function advisories(entries: Array<[Package, Advisory[]]>): Enrichment['advisories'] {
  return { byPackage: new Map(entries.map(([p, a]) => [packageKey(p), a])), source: 'test advisories', dataAsOf: new Date('2026-11-20T00:00:00Z') };
}

/** Runs a PR-mode evaluation of `pkgs` under a policy written as YAML (no extends unless given). */
function run(yaml: string, pkgs: Package[], extra: Partial<EvaluateInput> = {}) {
  const { policy } = policyFromText(yaml);
  return evaluate({
    mode: 'pr',
    changes: pkgs.map((p) => added(p, p.location.file)),
    enrichment: { advisories: advisories([]) },
    policy,
    now: NOW,
    ...extra,
  });
}

const ALL_OFF_BUT = (rule: string, opts = '{ action: block }') => `
rules:
  ${['malware', 'vulnerability', 'nonexistent', 'typosquat', 'deny', 'allow', 'source', 'release-age', 'popularity', 'provenance', 'install-scripts', 'license', 'deprecated', 'pinning', 'model-format', 'trust-remote-code', 'model-license']
    .map((r) => (r === rule ? `${r}: ${opts}` : `${r}: { action: off }`))
    .join('\n  ')}
`;

describe('vulnerability rule', () => {
  const lodash = npmPackage('lodash', '4.17.20');
  const enrichment = {
    advisories: advisories([
      [
        lodash,
        [
          advisory('GHSA-35jh-r3h4-6jhm', { ids: ['CVE-2021-23337'], severity: 'high', fixed: '4.17.21' }),
          advisory('GHSA-low', { severity: 'low' }),
          advisory('GHSA-nofix', { severity: 'critical' }),
          advisory('GHSA-unknown', { severity: 'unknown' }),
        ],
      ],
    ]),
  };

  it('reports advisories at or above min-severity, one finding per advisory, with the fix as remedy', () => {
    const d = run(ALL_OFF_BUT('vulnerability', '{ action: block, min-severity: high, include-unknown-severity: false }'), [lodash], { enrichment });
    expect(d.verdict).toBe('fail');
    expect(d.findings.map((f) => f.advisories?.[0])).toEqual(['GHSA-nofix', 'GHSA-35jh-r3h4-6jhm']);
    const fixed = d.findings[1]!;
    expect(fixed.fixed).toBe('4.17.21');
    expect(fixed.remedy).toBe('upgrade to 4.17.21 or later');
    expect(fixed.advisories).toEqual(['GHSA-35jh-r3h4-6jhm', 'CVE-2021-23337']);
    expect(fixed.location).toEqual({ file: 'package-lock.json', line: 10 });
  });

  it('fixable-only drops advisories without a fix; ignore matches any alias; unknown severity fails closed by default', () => {
    const d = run(ALL_OFF_BUT('vulnerability', '{ action: block, min-severity: low, fixable-only: true, ignore: [cve-2021-23337] }'), [lodash], { enrichment });
    expect(d.findings).toHaveLength(0);
    const d2 = run(ALL_OFF_BUT('vulnerability', '{ action: block, min-severity: critical }'), [lodash], { enrichment });
    expect(d2.findings.map((f) => f.advisories?.[0])).toEqual(['GHSA-nofix', 'GHSA-unknown']);
  });

  it('an advisory whose ranges could not be ordered takes the undetermined action and says so', () => {
    const odd = npmPackage('odd', '1.0.0');
    const e = { advisories: advisories([[odd, [advisory('GHSA-odd', { severity: 'critical', match: 'undetermined' })]]]) };
    const d = run(ALL_OFF_BUT('vulnerability', '{ action: block, undetermined: info }'), [odd], { enrichment: e });
    expect(d.findings.map((f) => [f.action, f.message])).toEqual([
      ['info', 'GHSA-odd: summary of GHSA-odd (could not determine whether this version is affected)'],
    ]);
    expect(d.verdict).toBe('pass');
  });

  it('scopes: [runtime] skips dev-only packages', () => {
    const dev = npmPackage('lodash', '4.17.20', { scopes: ['dev'] });
    const d = run(ALL_OFF_BUT('vulnerability', '{ action: block, min-severity: low, scopes: [runtime] }'), [dev], { enrichment });
    expect(d.findings).toHaveLength(0);
    expect(d.verdict).toBe('pass');
  });

  it('without advisory data reports "not evaluated", not a pass in disguise', () => {
    const d = run(ALL_OFF_BUT('vulnerability'), [lodash], { enrichment: {} });
    expect(d.verdict).toBe('pass');
    expect(d.notEvaluated).toEqual([{ rule: 'vulnerability', reason: 'no advisory data', packages: ['lodash@4.17.20'], count: 1 }]);
  });
});

describe('source failures', () => {
  const pkg = npmPackage('left-pad', '1.3.0');
  const failed: Enrichment = { failures: [{ data: 'advisories', source: 'OSV API', message: 'HTTP 503 after 4 attempts' }] };

  it('a failed advisory source makes the verdict error, never pass', () => {
    const d = run(ALL_OFF_BUT('vulnerability'), [pkg], { enrichment: failed });
    expect(d.verdict).toBe('error');
    expect(d.errors).toEqual(['OSV API could not be reached (HTTP 503 after 4 attempts); vulnerability not evaluated']);
  });

  it('fail-open turns it into a loud warning', () => {
    const d = run(`fail-open: true\n${ALL_OFF_BUT('malware')}`, [pkg], { enrichment: failed });
    expect(d.verdict).toBe('pass');
    expect(d.errors).toEqual([]);
    expect(d.warnings).toHaveLength(1);
    expect(d.warnings[0]).toMatch(/^FAIL-OPEN: OSV API could not be reached .*malware not evaluated/);
    expect(d.notEvaluated).toHaveLength(1);
  });

  it('a failure of data no enabled rule needs does not matter', () => {
    const d = run(ALL_OFF_BUT('deny', '{ action: block, packages: [] }'), [pkg], { enrichment: failed });
    expect(d.verdict).toBe('pass');
    expect(d.errors).toEqual([]);
  });
});

describe('malware, deny and allow rules', () => {
  it('malware advisories block', () => {
    const evil = npmPackage('evil-pkg', '1.0.0');
    const d = run(ALL_OFF_BUT('malware'), [evil], {
      enrichment: { advisories: advisories([[evil, [advisory('MAL-2025-1', { kind: 'malware', severity: 'critical' })]]]) },
    });
    expect(d.findings).toHaveLength(1);
    expect(d.findings[0]).toMatchObject({ rule: 'malware', action: 'block', severity: 'critical', advisories: ['MAL-2025-1'] });
  });

  it('deny matches scope globs, exact versions and ecosystem version ranges', () => {
    const yaml = ALL_OFF_BUT(
      'deny',
      '{ action: block, packages: ["pkg:npm/@evil/*", "pkg:npm/event-stream@3.3.6", "pkg:npm/minimist@<1.2.6", "pkg:pypi/requests@<2.31"] }',
    );
    const pkgs = [
      npmPackage('@evil/a', '1.0.0'),
      npmPackage('@evilcorp/a', '1.0.0'),
      npmPackage('event-stream', '3.3.6'),
      npmPackage('event-stream', '3.3.5'),
      npmPackage('minimist', '1.2.5'),
      npmPackage('minimist', '1.2.10'),
      pypiPackage('requests', '2.30.0'),
    ];
    const d = run(yaml, pkgs);
    expect(d.findings.map((f) => `${f.name}@${f.version}`).sort()).toEqual(
      ['@evil/a@1.0.0', 'event-stream@3.3.6', 'minimist@1.2.5', 'requests@2.30.0'].sort(),
    );
    expect(d.findings.find((f) => f.name === '@evil/a')?.message).toBe('on the deny list (pkg:npm/@evil/*)');
  });

  it('allow-list flags packages matching no pattern, direct-only when asked', () => {
    const yaml = ALL_OFF_BUT('allow', '{ action: quarantine, direct-only: true, packages: ["pkg:npm/react", "pkg:npm/@types/*"] }');
    const d = run(yaml, [
      npmPackage('react', '19.0.0'),
      npmPackage('@types/node', '20.0.0'),
      npmPackage('reakt', '1.0.0'),
      npmPackage('loose-envify', '1.4.0', { direct: false }),
    ]);
    expect(d.findings.map((f) => f.name)).toEqual(['reakt']);
    expect(d.findings[0]!.action).toBe('quarantine');
    expect(d.verdict).toBe('fail');
  });
});

describe('license rule', () => {
  const allow = ALL_OFF_BUT('license', '{ action: block, allow: [MIT, Apache-2.0, ISC], unknown: warn }');
  const deny = ALL_OFF_BUT('license', '{ action: block, deny: [GPL-2.0+], unknown: info }');
  /** A package whose lockfile entry has this license (`undefined`: the format records none). */
  const lic = (license: string | null | undefined) => {
    const pkg = npmPackage(`pkg-${license ?? String(license)}`.replace(/[^a-z0-9-]/gi, '-'), '1.0.0', { license });
    if (license === undefined) delete pkg.license;
    return pkg;
  };

  it('evaluates allow-lists as SPDX expressions', () => {
    const d = run(allow, [lic('MIT OR GPL-3.0'), lic('MIT AND GPL-3.0'), lic('GPL-3.0-only'), lic('(ISC OR MIT) AND Apache-2.0')]);
    expect(d.findings.map((f) => f.message).sort()).toEqual([
      'license GPL-3.0-only is not in the allow-list',
      'license MIT AND GPL-3.0 is not in the allow-list',
    ]);
  });

  it('deny-lists fail an expression only when every choice uses a denied license; plus-ranges cover later versions', () => {
    const d = run(deny, [lic('MIT OR GPL-3.0-only'), lic('GPL-3.0-only'), lic('MIT AND GPL-2.0-only'), lic('LGPL-2.1-only')]);
    expect(d.findings.map((f) => f.name).sort()).toEqual(['pkg-GPL-3-0-only', 'pkg-MIT-AND-GPL-2-0-only']);
  });

  it('declared-none and non-SPDX licenses take the unknown action', () => {
    const d = run(allow, [lic(null), lic('SEE LICENSE IN LICENSE.txt')]);
    expect(d.findings.map((f) => [f.action, f.message])).toEqual([
      ['warn', 'license "SEE LICENSE IN LICENSE.txt" is not an SPDX expression'],
      ['warn', 'no license declared (the lockfile records none)'],
    ]);
    expect(d.verdict).toBe('pass');
  });

  it('a license nobody looked up is "not evaluated", listed once, never a finding per package', () => {
    const pkgs = Array.from({ length: 300 }, (_, i) => ({ ...lic(undefined), name: `unlicensed-${i}`, id: `u${i}` }));
    const d = run(allow, pkgs, { enrichment: { advisories: advisories([]), skipped: { registry: 'offline' } } });
    expect(d.findings).toEqual([]);
    expect(d.notEvaluated.filter((n) => n.rule === 'license')).toEqual([
      expect.objectContaining({ reason: 'not in the lockfile; registry not consulted (offline)', count: 300 }),
    ]);
  });

  it('takes the license from the registry, and "none" only where the registry says none', () => {
    const unrecorded = (name: string) => ({ ...lic(undefined), name, id: name });
    const [withMit, without, missing] = [unrecorded('has-mit'), unrecorded('has-none'), unrecorded('hallucinated')];
    const byPackage = new Map<string, RegistryMetadata>([
      ['npm:has-mit@1.0.0', { exists: true, license: 'MIT' }],
      ['npm:has-none@1.0.0', { exists: true, license: null }],
      ['npm:hallucinated@1.0.0', { exists: false }],
    ]);
    const d = run(allow, [withMit, without, missing], {
      enrichment: { advisories: advisories([]), registry: { byPackage, source: 'package registries' } },
    });
    expect(d.findings.filter((f) => f.rule === 'license').map((f) => [f.name, f.message])).toEqual([
      ['has-none', 'no license declared (the registry records none)'],
    ]);
  });

  it("judges no license of the project's own (local path) packages", () => {
    const member = npmPackage('workspace-member', '1.0.0', { source: { kind: 'path', path: 'packages/member' } });
    expect(run(allow, [member]).findings).toEqual([]);
  });
});

describe('source and install-scripts rules', () => {
  it('reports disallowed registries, git, tarball, file, insecure http and missing integrity with their own actions', () => {
    const yaml = ALL_OFF_BUT(
      'source',
      '{ action: block, registries: ["https://npm.corp.example/", "*.mirror.example"], git: block, tarball: warn, file: info, http: block, missing-integrity: warn, unknown-registry: warn }',
    );
    const pkgs = [
      npmPackage('ok-a', '1.0.0', { source: { kind: 'registry', url: 'https://npm.corp.example/ok-a/-/ok-a-1.0.0.tgz' } }),
      npmPackage('ok-b', '1.0.0', { source: { kind: 'registry', url: 'https://eu.mirror.example/ok-b.tgz' } }),
      npmPackage('confused', '9.9.9', { source: { kind: 'registry', url: 'https://registry.example.org/confused/-/confused-9.9.9.tgz' } }),
      npmPackage('from-git', '1.0.0', { source: { kind: 'git', url: 'git+ssh://git@git.example/x/y.git', commit: 'a'.repeat(40) } }),
      npmPackage('insecure', '1.0.0', { source: { kind: 'tarball', url: 'http://files.example/insecure.tgz' }, integrity: [] }),
      npmPackage('local', '1.0.0', { source: { kind: 'path', path: '../local' } }),
      npmPackage('member', '1.0.0', { source: { kind: 'path', path: 'packages/member' } }),
      npmPackage('unrecorded', '1.0.0', { source: { kind: 'registry' } }),
    ];
    const d = run(yaml, pkgs);
    expect(d.findings.map((f) => `${f.action} ${f.name}: ${f.message}`)).toEqual([
      'block confused: resolved from registry.example.org, which is not an allowed registry',
      'block insecure: fetched over insecure http (http://files.example/insecure.tgz)',
      `block from-git: git dependency (git+ssh://git@git.example/x/y.git at ${'a'.repeat(12)})`,
      'warn insecure: tarball dependency (http://files.example/insecure.tgz)',
      'warn insecure: the lockfile records no integrity hash for this package',
      'warn unrecorded: the lockfile does not record which registry this package came from',
      'info local: local path dependency outside the project (../local)',
    ]);
  });

  it('install scripts: npm only, allow-list respected', () => {
    const yaml = ALL_OFF_BUT('install-scripts', '{ action: warn, allow: ["pkg:npm/esbuild"] }');
    const d = run(yaml, [
      npmPackage('esbuild', '0.25.0', { hasInstallScript: true }),
      npmPackage('sketchy', '1.0.0', { hasInstallScript: true }),
      npmPackage('plain', '1.0.0'),
    ]);
    expect(d.findings.map((f) => `${f.action} ${f.name}`)).toEqual(['warn sketchy']);
    expect(d.verdict).toBe('pass');
  });
});

describe('registry-data rules', () => {
  const young = npmPackage('fresh', '1.0.1');
  const meta = (m: RegistryMetadata): Enrichment['registry'] => ({ byPackage: new Map([[packageKey(young), m]]), source: 'test registry' });

  it('are "not evaluated" without registry data, and offline says why; that alone is no error', () => {
    const d = run('extends: lockwarden:baseline', [young], { enrichment: { advisories: advisories([]), skipped: { registry: 'offline' } } });
    expect(d.verdict).toBe('pass');
    expect(d.notEvaluated.map((n) => `${n.rule}: ${n.reason}`)).toEqual([
      'deprecated: registry not consulted (offline)',
      'nonexistent: registry not consulted (offline)',
      'popularity: registry not consulted (offline)',
      'provenance: registry not consulted (offline)',
      'release-age: registry not consulted (offline)',
    ]);
    // typosquat needs no registry: the bundled popularity snapshot judges names offline.
  });

  it('evaluate release-age, nonexistent, deprecated and popularity when metadata is given', () => {
    const m: RegistryMetadata = {
      exists: true,
      versionExists: true,
      publishedAt: '2026-11-20T18:00:00Z',
      firstPublishedAt: '2026-11-01T00:00:00Z',
      versionCount: 1,
      downloads: 12,
      deprecated: 'use fresh2',
    };
    const d = run('extends: lockwarden:baseline', [young], { enrichment: { advisories: advisories([]), registry: meta(m) } });
    expect(d.findings.map((f) => `${f.rule} ${f.action}: ${f.message}`)).toEqual([
      'popularity quarantine: young, unpopular and thin: first published 20 days ago, 12 downloads, a single version, no repository link',
      'release-age quarantine: published 18 hours ago (policy: at least 3 days)',
      'deprecated warn: deprecated: use fresh2',
    ]);
    expect(d.verdict).toBe('fail');
    const gone = run('extends: lockwarden:baseline', [young], { enrichment: { advisories: advisories([]), registry: meta({ exists: false }) } });
    // A missing package is nonexistent's finding alone; release-age has no publish time to judge.
    expect(gone.findings.map((f) => `${f.rule} ${f.action}`)).toEqual(['nonexistent block']);
  });
});

describe('exceptions, quarantine approval, scopes and overrides', () => {
  const lodash = npmPackage('lodash', '4.17.20');
  const enrichment = { advisories: advisories([[lodash, [advisory('GHSA-35jh-r3h4-6jhm', { ids: ['CVE-2021-23337'], fixed: '4.17.21' })]]]) };
  const exception = (expires: string, extra = '') => `
${ALL_OFF_BUT('vulnerability')}
exceptions:
  - package: pkg:npm/lodash@4.17.20
    rule: vulnerability
    id: CVE-2021-23337
    reason: "template() is never called with user input"
    expires: ${expires}
${extra}`;

  it('a live exception accepts the finding and is listed', () => {
    const d = run(exception('2027-01-31'), [lodash], { enrichment });
    expect(d.verdict).toBe('pass');
    expect(d.findings).toHaveLength(0);
    expect(d.exceptionsApplied).toHaveLength(1);
    expect(d.exceptionsApplied[0]!.exception.reason).toBe('template() is never called with user input');
    expect(d.exceptionsApplied[0]!.exception.origin).toBe('policy.yml:23');
    expect(d.exceptionsApplied[0]!.findings.map((f) => f.advisories?.[0])).toEqual(['GHSA-35jh-r3h4-6jhm']);
  });

  it('a date is valid through that day (UTC); after it the exception stops applying and a warning names it', () => {
    expect(run(exception('2026-11-21'), [lodash], { enrichment }).verdict).toBe('pass');
    const d = run(exception('2026-11-20'), [lodash], { enrichment });
    expect(d.verdict).toBe('fail');
    expect(d.exceptionsApplied).toHaveLength(0);
    expect(d.exceptionsExpired).toHaveLength(1);
    expect(d.exceptionsExpired[0]!.findings).toHaveLength(1);
    expect(d.warnings).toEqual([
      'exception expired: pkg:npm/lodash@4.17.20 (rule vulnerability, id CVE-2021-23337), expires 2026-11-20, policy.yml:23; it no longer covers 1 finding (vulnerability on lodash@4.17.20)',
    ]);
  });

  it('an exception for another version or id does not apply', () => {
    const other = exception('2027-01-31').replace('lodash@4.17.20', 'lodash@4.17.19');
    expect(run(other, [lodash], { enrichment }).verdict).toBe('fail');
    const otherId = exception('2027-01-31').replace('id: CVE-2021-23337', 'id: CVE-1999-0001');
    expect(run(otherId, [lodash], { enrichment }).verdict).toBe('fail');
  });

  it('quarantine fails unless approved; approval never covers block', () => {
    const yaml = ALL_OFF_BUT('install-scripts', '{ action: quarantine }').replace('deny: { action: off }', 'deny: { action: block, packages: ["pkg:npm/bad"] }');
    const pkgs = [npmPackage('scripted', '1.0.0', { hasInstallScript: true }), npmPackage('bad', '1.0.0')];
    const without = run(yaml, pkgs);
    expect(without.findings.map((f) => f.action)).toEqual(['block', 'quarantine']);
    const approved = run(yaml, pkgs, { approveQuarantine: true });
    expect(approved.verdict).toBe('fail');
    expect(approved.findings.map((f) => f.rule)).toEqual(['deny']);
    expect(approved.quarantineApproved.map((f) => f.name)).toEqual(['scripted']);
    expect(run(yaml, [pkgs[0]!], { approveQuarantine: true }).verdict).toBe('pass');
  });

  it('dev-only packages take scopes.dev rules; overrides apply by lockfile path', () => {
    const yaml = `${ALL_OFF_BUT('install-scripts', '{ action: block }')}
scopes:
  dev:
    rules:
      install-scripts: { action: info }
overrides:
  - paths: ["services/legacy/**"]
    rules:
      install-scripts: { action: warn }
`;
    const runtime = npmPackage('a', '1.0.0', { hasInstallScript: true });
    const dev = npmPackage('b', '1.0.0', { hasInstallScript: true, scopes: ['dev'] });
    const legacy = npmPackage('c', '1.0.0', { hasInstallScript: true, location: { file: 'services/legacy/package-lock.json', line: 3 } });
    const d = run(yaml, [runtime, dev, legacy]);
    expect(d.findings.map((f) => `${f.action} ${f.name}`)).toEqual(['block a', 'warn c', 'info b']);
  });
});

describe('modes', () => {
  const pkg = npmPackage('bad', '1.0.0');
  const yaml = ALL_OFF_BUT('deny', '{ action: block, packages: ["pkg:npm/bad"] }');

  it('PR mode ignores removed packages and judges each package once per lockfile', () => {
    const { policy } = policyFromText(yaml);
    const d = evaluate({
      mode: 'pr',
      changes: [
        { type: 'removed', ecosystem: 'npm', name: 'bad', before: '0.9.0', direct: true, lockfile: 'package-lock.json' },
        added(pkg),
        added({ ...pkg, id: 'node_modules/x/node_modules/bad' }),
        { type: 'upgraded', ecosystem: 'npm', name: 'bad', before: '0.9.0', after: '1.0.0', direct: true, lockfile: 'web/package-lock.json', package: { ...pkg, location: { file: 'web/package-lock.json', line: 7 } } },
      ],
      enrichment: {},
      policy,
      now: NOW,
    });
    expect(d.packagesJudged).toBe(2);
    expect(d.findings.map((f) => f.location?.file)).toEqual(['package-lock.json', 'web/package-lock.json']);
  });

  it('audit mode judges every package of every inventory', () => {
    const { policy } = policyFromText(yaml);
    const d = evaluate({
      mode: 'audit',
      inventories: [{ lockfile: 'package-lock.json', format: 'package-lock.json', ecosystem: 'npm', packages: [pkg, npmPackage('fine', '1.0.0')], projects: [] }],
      enrichment: {},
      policy,
      now: NOW,
    });
    expect(d.packagesJudged).toBe(2);
    expect(d.findings).toHaveLength(1);
    expect(d.verdict).toBe('fail');
  });
});

describe('enabledRules', () => {
  it('counts a rule enabled when the top level, the dev scope or an override turns it on', () => {
    const { policy } = policyFromText(`${ALL_OFF_BUT('deny')}
scopes:
  dev:
    rules:
      license: { action: warn }
overrides:
  - paths: ["legacy/**"]
    rules:
      vulnerability: { action: block }
`);
    expect([...enabledRules(policy)].sort()).toEqual(['deny', 'license', 'vulnerability']);
  });
});

describe('typosquat: registry evidence and names already accepted', () => {
  const reordered = npmPackage('fresh-import', '2.0.0');
  const typo = npmPackage('l0dash', '1.0.0');
  const registry = (entries: Array<[Package, RegistryMetadata]>): Enrichment['registry'] => ({
    byPackage: new Map(entries.map(([p, m]) => [packageKey(p), m])),
    source: 'test registry',
  });
  const established: RegistryMetadata = {
    exists: true,
    firstPublishedAt: '2015-06-01T00:00:00Z',
    versionCount: 7,
    repository: 'https://git.example.org/fresh-import',
    downloads: 40_000,
  };
  const findings = (pkgs: Package[], extra: Partial<EvaluateInput>) =>
    run(ALL_OFF_BUT('typosquat', '{ action: quarantine }'), pkgs, extra).findings.map((f) => `${f.name}: ${f.message}`);

  it('offline, a word-reordering of a popular name is reported, saying the registry was not consulted', () => {
    const d = run(ALL_OFF_BUT('typosquat', '{ action: quarantine }'), [reordered], {
      enrichment: { advisories: advisories([]), skipped: { registry: 'offline' } },
    });
    expect(d.findings.map((f) => f.message)).toEqual([expect.stringMatching(/^name imitates the popular package import-fresh \(words reordered/)]);
    expect(d.findings[0]!.evidence).toMatchObject({ registryEvidence: 'not consulted: registry not consulted (offline)' });
  });

  it('an established package (a year old, several releases, a repository, real downloads) is not a squat', () => {
    expect(findings([reordered], { enrichment: { advisories: advisories([]), registry: registry([[reordered, established]]) } })).toEqual([]);
  });

  it('a young, thin or unused look-alike still is, and look-alike characters are never excused', () => {
    const young = { ...established, firstPublishedAt: '2026-10-01T00:00:00Z' };
    const unused = { ...established, downloads: 20 };
    const noRepo: RegistryMetadata = { ...established };
    delete noRepo.repository;
    for (const meta of [young, unused, noRepo]) {
      expect(findings([reordered], { enrichment: { advisories: advisories([]), registry: registry([[reordered, meta]]) } })).toHaveLength(1);
    }
    expect(findings([typo], { enrichment: { advisories: advisories([]), registry: registry([[typo, established]]) } })).toEqual([
      'l0dash: name imitates the popular package lodash (look-alike characters; 452,000,000 downloads a month)',
    ]);
  });

  it('another version of a name already in the base is not judged again (the name was accepted)', () => {
    const change = { ...added(typo), nameInBase: true };
    const d = evaluate({
      mode: 'pr',
      changes: [change],
      enrichment: { advisories: advisories([]) },
      policy: policyFromText(ALL_OFF_BUT('typosquat', '{ action: quarantine }')).policy,
      now: NOW,
    });
    expect(d.findings).toEqual([]);
  });
});
