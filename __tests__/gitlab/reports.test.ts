import { describe, expect, it } from 'vitest';
import {
  evaluate,
  packageKey,
  policyFromText,
  validateSbomJson,
  type Decision,
  type Inventory,
  type Package,
} from '@lockwarden/core';
import { renderCodeQualityReport } from '../../packages/cli/src/gitlab/code-quality.js';
import { renderDependencyScanningReport } from '../../packages/cli/src/gitlab/dependency-scanning.js';
import { renderGitLabSbom } from '../../packages/cli/src/gitlab/gitlab-sbom.js';
import { renderJunitReport } from '../../packages/cli/src/gitlab/junit.js';
import { advisory, npmPackage } from '../helpers/packages.js';
import {
  parseJunit,
  validateCodeQuality,
  validateDependencyScanning,
  type CodeQualityIssueJson,
  type DependencyScanningJson,
  type SbomJson,
} from './report-validation.js';

const NOW = new Date('2026-11-21T12:00:00Z');
const TIMES = { toolVersion: '0.1.0', startTime: new Date('2026-11-21T11:59:58.250Z'), endTime: new Date('2026-11-21T12:00:01.900Z') };

const POLICY = `
rules:
  vulnerability: { action: block, min-severity: high }
  malware: { action: block }
  license: { action: warn, allow: [MIT] }
  install-scripts: { action: quarantine }
`;

function decide(pkgs: Package[], advisories: Map<string, ReturnType<typeof advisory>[]>, failures: Decision['errors'] = []): Decision {
  const { policy } = policyFromText(POLICY, 'lockwarden.yml');
  return evaluate({
    mode: 'pr',
    changes: pkgs.map((p) => ({ type: 'added' as const, ecosystem: p.ecosystem, name: p.name, after: p.version, direct: true, lockfile: p.location.file, package: p })),
    enrichment: {
      advisories: { byPackage: advisories, source: 'offline DB' },
      skipped: { registry: 'offline' },
      failures: failures.map((message) => ({ data: 'registry' as const, source: 'npm registry', message })),
    },
    policy,
    now: NOW,
  });
}

const lodash = npmPackage('lodash', '4.17.20', { location: { file: 'web/package-lock.json', line: 120 } });
const evil = npmPackage('@evil/pkg', '6.6.6', { location: { file: 'package-lock.json', line: 12 } });
const scripted = npmPackage('scripted', '1.0.0', { hasInstallScript: true, location: { file: 'package-lock.json', line: 30 } });
const copyleft = npmPackage('copyleft', '2.0.0', { license: 'GPL-3.0-only', location: { file: 'package-lock.json', line: 40 } });
const lowVuln = npmPackage('minor-vuln', '1.0.0', { location: { file: 'package-lock.json', line: 50 } });

const ADVISORIES = new Map([
  [packageKey(lodash), [advisory('GHSA-35jh-r3h4-6jhm', { ids: ['CVE-2021-23337'], severity: 'high', fixed: '4.17.21', summary: 'Command Injection in lodash' })]],
  [packageKey(evil), [advisory('MAL-2026-1234', { kind: 'malware', severity: 'critical', summary: 'Malicious code in @evil/pkg' })]],
  [packageKey(lowVuln), [advisory('GHSA-xxxx-yyyy-zzzz', { severity: 'low', summary: 'Low issue <img src=x>' })]],
]);

describe('Dependency Scanning report', () => {
  const decision = decide([lodash, evil, scripted, copyleft, lowVuln], ADVISORIES);
  const report = JSON.parse(renderDependencyScanningReport(decision, TIMES)) as DependencyScanningJson;

  it('is valid against GitLab security report schema 15.2.1', () => {
    expect(validateDependencyScanning(report), JSON.stringify(validateDependencyScanning.errors)).toBe(true);
    expect(report.version).toBe('15.2.1');
  });

  // minor-vuln's advisory is below the policy's min-severity, so it is no finding and not listed.
  it('lists vulnerability and malware findings only, CVE first, with GitLab severities and solutions', () => {
    expect(report.vulnerabilities.map((v) => `${v.location.dependency.package.name}@${v.location.dependency.version} ${v.severity} ${v.identifiers.map((i) => `${i.type}:${i.value}`).join(',')}`)).toEqual([
      '@evil/pkg@6.6.6 Critical osv:MAL-2026-1234',
      'lodash@4.17.20 High cve:CVE-2021-23337,ghsa:GHSA-35jh-r3h4-6jhm',
    ]);
    const lodashVuln = report.vulnerabilities[1];
    expect(lodashVuln?.name).toBe('CVE-2021-23337 in lodash');
    expect(lodashVuln?.location.file).toBe('web/package-lock.json');
    expect(lodashVuln?.identifiers[0]?.url).toBe('https://nvd.nist.gov/vuln/detail/CVE-2021-23337');
    expect(lodashVuln?.solution).toMatch(/4\.17\.21/);
    expect(report.vulnerabilities[0]?.name).toBe('Malicious package @evil/pkg');
  });

  it('gives a finding the same id on every run, and times in the schema format', () => {
    const again = JSON.parse(renderDependencyScanningReport(decide([lodash, evil, scripted, copyleft, lowVuln], ADVISORIES), TIMES)) as DependencyScanningJson;
    expect(again.vulnerabilities.map((v) => v.id)).toEqual(report.vulnerabilities.map((v) => v.id));
    expect(new Set(report.vulnerabilities.map((v) => v.id)).size).toBe(2);
    expect(report.scan).toMatchObject({ start_time: '2026-11-21T11:59:58', end_time: '2026-11-21T12:00:01', status: 'success' });
  });

  it('marks a scan that could not evaluate as failed, with the reasons as messages', () => {
    const failed = decide([lodash], ADVISORIES, ['npm registry: HTTP 503 (after 5 attempts)']);
    expect(failed.verdict).toBe('error');
    const doc = JSON.parse(renderDependencyScanningReport(failed, TIMES)) as DependencyScanningJson;
    expect(validateDependencyScanning(doc)).toBe(true);
    expect(doc.scan.status).toBe('failure');
    expect(doc.scan.messages?.filter((m) => m.level === 'fatal').length).toBeGreaterThan(0);
  });
});

describe('Code Quality report', () => {
  const decision = decide([lodash, evil, scripted, copyleft, lowVuln], ADVISORIES);
  const issues = JSON.parse(renderCodeQualityReport(decision)) as CodeQualityIssueJson[];

  it('has one valid issue per finding, severity from the action, located on the lockfile line', () => {
    expect(validateCodeQuality(issues), JSON.stringify(validateCodeQuality.errors)).toBe(true);
    expect(issues.map((i) => `${i.check_name} ${i.severity} ${i.location.path}:${i.location.lines.begin}`).sort()).toEqual([
      'lockwarden/install-scripts major package-lock.json:30',
      'lockwarden/license minor package-lock.json:40',
      'lockwarden/malware blocker package-lock.json:12',
      'lockwarden/vulnerability critical web/package-lock.json:120',
    ]);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
  });

  it('is an empty array when nothing is found', () => {
    expect(JSON.parse(renderCodeQualityReport(decide([npmPackage('lodash', '4.17.21')], new Map())))).toEqual([]);
  });
});

describe('JUnit report', () => {
  it('has a verdict case and one case per finding; blocking and quarantined ones fail', () => {
    const suite = parseJunit(renderJunitReport(decide([lodash, evil, scripted, copyleft, lowVuln], ADVISORIES)));
    expect(suite.tests).toBe(5);
    expect(suite.failures).toBe(4);
    expect(suite.cases.filter((c) => c.failure === undefined).map((c) => c.name).sort()).toEqual(['license: copyleft@2.0.0']);
    expect(suite.cases.find((c) => c.name === 'license: copyleft@2.0.0')?.out).toMatch(/^warn: /);
  });

  it('passes with one case when nothing is found, and shows an evaluation error as an error', () => {
    const clean = parseJunit(renderJunitReport(decide([npmPackage('lodash', '4.17.21')], new Map())));
    expect(clean).toMatchObject({ tests: 1, failures: 0, errors: 0 });
    const errored = parseJunit(renderJunitReport(decide([npmPackage('lodash', '4.17.21')], new Map(), ['npm registry: HTTP 503'])));
    expect(errored).toMatchObject({ tests: 1, failures: 0, errors: 1 });
    expect(errored.cases[0]?.error).toContain('HTTP 503');
  });

  it('carries hostile names as text: markup escaped, characters XML cannot hold dropped', () => {
    const hostile = npmPackage('x</testcase><injected a="1">\u0001\u0008', '1.0.0', { license: 'GPL-3.0-only', purl: 'pkg:npm/hostile@1.0.0' });
    const xml = renderJunitReport(decide([hostile], new Map()));
    const suite = parseJunit(xml);
    expect(xml).not.toContain('<injected');
    expect(suite.cases.map((c) => c.name)).toEqual(['verdict', 'license: x</testcase><injected a="1">@1.0.0']);
  });
});

describe('GitLab CycloneDX SBOM', () => {
  const web: Inventory = {
    lockfile: 'web/package-lock.json',
    format: 'package-lock.json',
    ecosystem: 'npm',
    packages: [lodash, npmPackage('vitest', '4.0.0', { scopes: ['dev'], direct: true })],
    projects: [{ id: '', path: '' }],
  };
  const api: Inventory = { lockfile: 'api/yarn.lock', format: 'yarn.lock', ecosystem: 'npm', packages: [lodash, npmPackage('express', '5.0.0')], projects: [{ id: '', path: '' }] };

  it('is a valid CycloneDX 1.6 BOM with GitLab taxonomy properties on the metadata and every component', async () => {
    const text = renderGitLabSbom([web, api], { toolVersion: '0.1.0', sourceDateEpoch: '1700000000' });
    expect((await validateSbomJson(text)).issues).toEqual([]);
    const bom = JSON.parse(text) as SbomJson;
    expect(bom.specVersion).toBe('1.6');
    // Two lockfiles: the per-lockfile properties are on the components, not on the metadata.
    expect(bom.metadata.properties).toEqual([{ name: 'gitlab:meta:schema_version', value: '1' }]);
    const props = (name: string) =>
      Object.fromEntries((bom.components.find((c) => c.name === name)?.properties ?? []).filter((p) => p.name.startsWith('gitlab:')).map((p) => [p.name, p.value]));
    expect(props('vitest')).toEqual({
      'gitlab:dependency_scanning:category': 'development',
      'gitlab:dependency_scanning:input_file:path': 'web/package-lock.json',
      'gitlab:dependency_scanning:language:name': 'JavaScript',
      'gitlab:dependency_scanning:package_manager:name': 'npm',
    });
    expect(props('express')['gitlab:dependency_scanning:package_manager:name']).toBe('yarn');
    expect(props('express')['gitlab:dependency_scanning:category']).toBe('production');
    // lodash is in both lockfiles: one component, attributed to the first lockfile by path.
    expect(bom.components.filter((c) => c.name === 'lodash')).toHaveLength(1);
    expect(props('lodash')['gitlab:dependency_scanning:input_file:path']).toBe('api/yarn.lock');
  });

  it('is byte-identical under SOURCE_DATE_EPOCH', () => {
    const a = renderGitLabSbom([web], { toolVersion: '0.1.0', sourceDateEpoch: '1700000000' });
    const b = renderGitLabSbom([web], { toolVersion: '0.1.0', sourceDateEpoch: '1700000000' });
    expect(a).toBe(b);
  });
});
