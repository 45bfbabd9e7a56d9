import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, loadPolicy, RegistryClients, RegistryEnrichmentSource, type Package } from '@lockwarden/core';
import { main } from '../../packages/cli/src/main.js';
import { sendJson, type TestServer } from '../helpers/http-server.js';
import { loadOsvRecords, startOsvServer } from '../helpers/osv-server.js';
import { REPO_ROOT } from '../helpers/conformance.js';
import { fixture, startRegistry } from './registry-fixtures.js';

// A real react packument's shape, trimmed to one version (registry host replaced).
const REACT = {
  _id: 'react',
  name: 'react',
  'dist-tags': { latest: '18.3.1' },
  license: 'MIT',
  repository: { type: 'git', url: 'git+https://github.com/facebook/react.git', directory: 'packages/react' },
  versions: {
    '18.3.1': {
      name: 'react',
      version: '18.3.1',
      license: 'MIT',
      dependencies: { 'loose-envify': '^1.1.0' },
      dist: { integrity: 'sha512-AAAA', tarball: 'https://registry.example.org/react/-/react-18.3.1.tgz' },
    },
  },
  time: { created: '2011-10-26T17:46:21.942Z', '18.3.1': '2024-04-26T16:42:46.000Z' },
};

let npm: TestServer;
let osv: TestServer;
beforeAll(async () => {
  osv = await startOsvServer(loadOsvRecords(join(REPO_ROOT, '__tests__', 'fixtures', 'osv')));
  npm = await startRegistry({ '/answers-empty': {}, '/react': REACT, '/lodash': fixture('npm/lodash.json'), '/flaky': (_r, res) => sendJson(res, 503, {}) });
});
afterAll(async () => {
  await npm.close();
  await osv.close();
});

interface JsonReport {
  verdict: string;
  findings: Array<{ rule: string; name: string; message: string }>;
  notEvaluated: Array<{ rule: string; reason: string; packages: string[] }>;
  errors: string[];
}

describe('one registry failing does not blind the others', () => {
  it('vet npm:react pypi:requests with PyPI unreachable judges react and names PyPI and requests as not evaluated', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'lw-vet-split-'));
    let out = '';
    const code = await main(['vet', '--format', 'json', '--cache-dir', join(cwd, 'cache'), 'npm:react', 'pypi:requests@2.32.3'], {
      stdout: (t) => (out += t),
      stderr: () => {},
      cwd,
      env: {
        LOCKWARDEN_OSV_URL: osv.url,
        npm_config_registry: `${npm.url}/`,
        npm_config_userconfig: join(cwd, 'none'),
        npm_config_globalconfig: join(cwd, 'none'),
        // The discard port: connection refused, as for a PyPI mirror that is down.
        PIP_INDEX_URL: 'http://127.0.0.1:9/simple/',
      },
    });
    const report = JSON.parse(out) as JsonReport;
    expect(code).toBe(2);
    expect(report.verdict).toBe('error');
    // react was looked up and judged: its license came from the npm registry.
    expect(report.findings.filter((f) => f.name === 'react')).toEqual([]);
    const registryRules = report.notEvaluated.filter((n) => /PyPI/.test(n.reason));
    expect(registryRules.map((n) => n.rule)).toEqual(expect.arrayContaining(['nonexistent', 'release-age', 'license']));
    // Only the rule vet never applies (lockfile source facts) lists react; no registry rule does.
    for (const n of report.notEvaluated.filter((e) => e.rule !== 'source')) expect(n.packages).not.toContain('react@18.3.1');
    for (const n of registryRules) expect(n.packages).toEqual(['requests@2.32.3']);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatch(/^PyPI could not be reached .*; .*nonexistent.* not evaluated for 1 package \(requests@2\.32\.3\)/);
  });

  it('per package: a registry that answered for some packages leaves only the others unevaluated', async () => {
    const clients = new RegistryClients({ cwd: '/', env: {}, cacheDir: null, http: { retries: 0 }, endpoints: { npm: `${npm.url}/` } });
    const pkg = (name: string, version: string): Package => ({
      id: `npm:${name}@${version}`,
      ecosystem: 'npm',
      name,
      version,
      purl: `pkg:npm/${name}@${version}`,
      direct: true,
      scopes: [],
      integrity: [],
      source: { kind: 'registry' },
      location: { file: 'package-lock.json' },
    });
    const packages = [pkg('lodash', '4.17.21'), pkg('flaky', '1.0.0')];
    const data = await new RegistryEnrichmentSource(clients).lookup(packages);
    // Failures first: if lodash failed too, the assertion shows why.
    expect(data.failures).toEqual([
      expect.objectContaining({ data: 'registry', source: 'npm registry', packages: ['npm:flaky@1.0.0'] }),
    ]);
    expect([...data.byPackage.keys()]).toEqual(['npm:lodash@4.17.21']);
    const policy = loadPolicy({ root: mkdtempSync(join(tmpdir(), 'lw-policy-')) }).policy;
    const decision = evaluate({
      mode: 'pr',
      changes: packages.map((p) => ({ type: 'added' as const, ecosystem: p.ecosystem, name: p.name, after: p.version, direct: true, lockfile: 'package-lock.json', package: p })),
      enrichment: { registry: data, failures: data.failures ?? [] },
      policy,
      now: new Date('2026-12-01T00:00:00Z'),
    });
    expect(decision.verdict).toBe('error');
    const hit = decision.notEvaluated.filter((n) => n.reason.startsWith('npm registry failed'));
    expect(hit.length).toBeGreaterThan(0);
    for (const n of hit) expect(n.packages).toEqual(['flaky@1.0.0']);
    // lodash was evaluated: the failure does not reach it, its existence and license were judged.
    expect(decision.notEvaluated.filter((n) => n.reason.includes('failed')).flatMap((n) => n.packages)).not.toContain('lodash@4.17.21');
    expect(decision.notEvaluated.filter((n) => n.rule === 'nonexistent' || n.rule === 'license').flatMap((n) => n.packages)).not.toContain('lodash@4.17.21');
    expect(decision.findings.filter((f) => f.name === 'lodash' && f.rule === 'license')).toEqual([]);
    expect(decision.findings.filter((f) => f.name === 'flaky' && f.rule === 'license')).toEqual([]);
  });

  it('a registry answering {} makes vet exit 2 (could not evaluate), never 1 (nonexistent)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'lw-vet-empty-'));
    let out = '';
    const code = await main(['vet', '--format', 'json', '--cache-dir', join(cwd, 'cache'), 'npm:answers-empty@1.0.0'], {
      stdout: (t) => (out += t),
      stderr: () => {},
      cwd,
      env: { LOCKWARDEN_OSV_URL: osv.url, npm_config_registry: `${npm.url}/`, npm_config_userconfig: join(cwd, 'none'), npm_config_globalconfig: join(cwd, 'none') },
    });
    const report = JSON.parse(out) as JsonReport;
    expect(code).toBe(2);
    expect(report.findings.filter((f) => f.rule === 'nonexistent')).toEqual([]);
    expect(report.errors[0]).toMatch(/npm registry could not be reached \(the packument of answers-empty: unexpected response shape/);
  });
});

describe('the same for advisories: an offline database missing one ecosystem', () => {
  it('still reports npm vulnerabilities and lists only the PyPI packages as not evaluated', async () => {
    const { mkdirSync } = await import('node:fs');
    const { writeOsvZip } = await import('../helpers/osv-zip.js');
    const { OsvOfflineSource } = await import('@lockwarden/core');
    const { enrich } = await import('../../packages/core/src/engine/enrich.js');
    const dir = mkdtempSync(join(tmpdir(), 'lw-osv-npm-only-'));
    mkdirSync(join(dir, 'npm'));
    await writeOsvZip(join(dir, 'npm', 'all.zip'), loadOsvRecords(join(REPO_ROOT, '__tests__', 'fixtures', 'osv', 'npm')));
    const pkg = (ecosystem: 'npm' | 'PyPI', name: string, version: string): Package => ({
      id: `${ecosystem}:${name}@${version}`, ecosystem, name, version, purl: `pkg:generic/${name}@${version}`, direct: true, scopes: [], integrity: [], source: { kind: 'registry' }, location: { file: 'lockfile' },
    });
    const packages = [pkg('npm', 'lodash', '4.17.20'), pkg('PyPI', 'h11', '0.14.0')];
    const policy = loadPolicy({ root: mkdtempSync(join(tmpdir(), 'lw-policy-')) }).policy;
    const source = new OsvOfflineSource({ dir });
    const enrichment = await enrich(packages, policy, { advisories: source, offline: true });
    await source.close();
    const decision = evaluate({
      mode: 'pr',
      changes: packages.map((p) => ({ type: 'added' as const, ecosystem: p.ecosystem, name: p.name, after: p.version, direct: true, lockfile: 'lockfile', package: p })),
      enrichment,
      policy,
      now: new Date('2026-12-01T00:00:00Z'),
    });
    expect(decision.findings.filter((f) => f.rule === 'vulnerability').map((f) => f.name)).toContain('lodash');
    const vuln = decision.notEvaluated.find((n) => n.rule === 'vulnerability');
    expect(vuln?.packages).toEqual(['h11@0.14.0']);
    expect(decision.verdict).toBe('error');
  });
});

describe('the check pipeline (enrich) keeps per-registry failures', () => {
  it('passes the failed registry and its packages to the verdict, with the other answers kept', async () => {
    const { enrich } = await import('../../packages/core/src/engine/enrich.js');
    const clients = new RegistryClients({ cwd: '/', env: {}, cacheDir: null, http: { retries: 0 }, endpoints: { npm: `${npm.url}/`, PyPI: 'http://127.0.0.1:9/simple/' } });
    const pkg = (ecosystem: 'npm' | 'PyPI', name: string, version: string): Package => ({
      id: `${ecosystem}:${name}@${version}`, ecosystem, name, version, purl: `pkg:generic/${name}@${version}`, direct: true, scopes: [], integrity: [], source: { kind: 'registry' }, location: { file: 'lockfile' },
    });
    const policy = loadPolicy({ root: mkdtempSync(join(tmpdir(), 'lw-policy-')) }).policy;
    const enrichment = await enrich([pkg('npm', 'react', '18.3.1'), pkg('PyPI', 'requests', '2.32.3')], policy, { registry: new RegistryEnrichmentSource(clients) });
    expect([...(enrichment.registry?.byPackage.keys() ?? [])]).toEqual(['npm:react@18.3.1']);
    expect(enrichment.failures).toEqual([expect.objectContaining({ data: 'registry', source: 'PyPI', packages: ['PyPI:requests@2.32.3'] })]);
  });
});
