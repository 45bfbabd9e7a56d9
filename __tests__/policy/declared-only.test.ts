import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/http-server.js';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';
import { packageLockV3 } from '../helpers/lockfile-builder.js';
import { loadOsvRecords, startOsvServer } from '../helpers/osv-server.js';
import { REPO_ROOT } from '../helpers/conformance.js';
import { runCli } from '../helpers/run-cli.js';
import { fixture, startRegistry } from '../registry/registry-fixtures.js';

interface Finding {
  rule: string;
  action: string;
  name: string;
  version: string;
  location?: { file: string; line?: number };
}

const manifest = (deps: Record<string, string>, pyDeps: string[] = []) => ({
  'package.json': `${JSON.stringify({ name: 'app', version: '1.0.0', dependencies: deps }, null, 2)}\n`,
  'pyproject.toml': `[project]\nname = "svc"\nversion = "1.0.0"\ndependencies = [${pyDeps.map((d) => JSON.stringify(d)).join(', ')}]\n`,
});

let registry: TestServer;
let osv: TestServer;
let repo: TestRepo;

beforeAll(async () => {
  registry = await startRegistry({ '/lodash': fixture('npm/lodash.json'), '/expresss': fixture('npm/expresss.json') });
  osv = await startOsvServer(loadOsvRecords(join(REPO_ROOT, '__tests__', 'fixtures', 'osv')));
  repo = makeRepo([
    { ...manifest({ lodash: '^4.17.21' }), 'package-lock.json': packageLockV3({ lodash: '4.17.21' }) },
    // An assistant edits the manifests and nobody runs the package manager: nothing new is locked.
    manifest({ lodash: '^4.17.21', 'lodahs-utils-does-not-exist': '^1.0.0', expresss: '^1.0.0', 'my-lib': 'file:../my-lib' }),
  ]);
});
afterAll(async () => {
  await registry.close();
  await osv.close();
  repo.cleanup();
});

async function check(extra: string[]) {
  const env = {
    LOCKWARDEN_OSV_URL: osv.url,
    npm_config_registry: `${registry.url}/`,
    npm_config_userconfig: join(repo.dir, 'no-npmrc'),
    npm_config_globalconfig: join(repo.dir, 'no-global'),
    LOCKWARDEN_CACHE_DIR: join(repo.dir, '.cache'),
  };
  const r = await runCli(['check', '--base', 'HEAD~1', '--format', 'json', ...extra], { cwd: repo.dir, env });
  return { ...r, report: JSON.parse(r.stdout || '{}') as { verdict: string; findings: Finding[] } };
}

describe('dependencies declared in a manifest but not locked', () => {
  it('blocks a name the registry does not have and flags a typosquat, pointing at the manifest line', async () => {
    const { code, report } = await check(['--offline', '--db', join(REPO_ROOT, '__tests__', 'fixtures', 'osv')]);
    // Offline: the registry is not asked, but the bundled popularity data still judges the names.
    expect(code).toBe(1);
    const squat = report.findings.find((f) => f.name === 'expresss');
    expect(squat).toMatchObject({ rule: 'typosquat', action: 'quarantine', version: '' });
    expect(squat?.location?.file).toBe('package.json');
    expect(squat?.location?.line).toBeGreaterThan(1);
    // A local path and an unchanged dependency are not judged as new names.
    expect(report.findings.map((f) => f.name)).not.toContain('my-lib');
    expect(report.findings.map((f) => f.name)).not.toContain('lodash');
  });

  it('asks the registry whether the names exist when online', async () => {
    const { code, report, stderr } = await check([]);
    expect(stderr).not.toMatch(/could not evaluate/);
    expect(code).toBe(1);
    expect(report.findings.filter((f) => f.name === 'lodahs-utils-does-not-exist').map((f) => `${f.rule}:${f.action}`)).toEqual(['nonexistent:block']);
    // Only name rules run: no release-age or vulnerability finding for a package without a version.
    expect(report.findings.filter((f) => f.version === '').every((f) => ['nonexistent', 'typosquat', 'deny', 'allow'].includes(f.rule))).toBe(true);
  });

  it('fails closed when the registry cannot answer for a new declared name', async () => {
    const py = makeRepo([manifest({}), manifest({}, ['requests>=2'])]);
    try {
      // PIP_INDEX_URL points at a closed local port in the test environment.
      const r = await runCli(['check', '--base', 'HEAD~1', '--format', 'json'], { cwd: py.dir, env: { PIP_INDEX_URL: 'http://127.0.0.1:9/simple', LOCKWARDEN_OSV_URL: osv.url, LOCKWARDEN_CACHE_DIR: join(py.dir, '.cache'), LOCKWARDEN_RETRY_BASE_MS: '1' } });
      expect(r.code).toBe(2);
      expect((JSON.parse(r.stdout) as { verdict: string }).verdict).toBe('error');
    } finally {
      py.cleanup();
    }
  });
});
