import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/conformance.js';
import { runCli } from '../helpers/run-cli.js';

const DB = join(REPO_ROOT, 'examples', 'osv-db');
const cwd = join(REPO_ROOT, '__tests__', 'fixtures', 'sbom');

interface Finding {
  rule: string;
  action: string;
  name: string;
  version: string;
  advisories?: string[];
  location?: { file: string };
}

describe('SBOMs made by other tools as input', () => {
  it('audits a cyclonedx-npm SBOM: the same advisories as its lockfile', async () => {
    const r = await runCli(['audit', '--sbom', 'cyclonedx-npm-example-head.json', '--offline', '--db', DB, '--format', 'json'], { cwd });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { findings: Finding[]; packages: number };
    expect(out.findings.filter((f) => f.action === 'block').map((f) => `${f.name}@${f.version}`).sort()).toEqual([
      'lodash@4.17.20',
      'minimist@1.2.5',
    ]);
    const lockfile = await runCli(['audit', join(REPO_ROOT, 'examples', 'basic', 'head'), '--offline', '--db', DB, '--format', 'json'], { cwd });
    const fromLock = (JSON.parse(lockfile.stdout) as { findings: Finding[] }).findings.map((f) => `${f.name}@${f.version} ${f.advisories?.[0]}`).sort();
    expect(out.findings.map((f) => `${f.name}@${f.version} ${f.advisories?.[0]}`).sort()).toEqual(fromLock);
  });

  it('judges the change between two SBOMs with the policy (check --base-sbom/--head-sbom)', async () => {
    const r = await runCli(
      ['check', '--base-sbom', 'cyclonedx-npm-example-base.json', '--head-sbom', 'cyclonedx-npm-example-head.json', '--offline', '--db', DB, '--format', 'json'],
      { cwd },
    );
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { verdict: string; findings: Finding[] };
    expect(out.verdict).toBe('fail');
    const blocked = out.findings.filter((f) => f.action === 'block');
    expect(blocked.map((f) => `${f.rule}:${f.name}@${f.version}`).sort()).toEqual(['vulnerability:lodash@4.17.20', 'vulnerability:minimist@1.2.5']);
    expect(blocked.every((f) => f.location?.file === 'cyclonedx-npm-example-head.json')).toBe(true);
  });

  it('passes when the head SBOM equals the base', async () => {
    const r = await runCli(
      ['check', '--base-sbom', 'cyclonedx-npm-example-head.json', '--head-sbom', 'cyclonedx-npm-example-head.json', '--offline', '--db', DB, '--format', 'json'],
      { cwd },
    );
    expect(r.code).toBe(0);
  });

  it('needs both SBOMs', async () => {
    const r = await runCli(['check', '--head-sbom', 'cyclonedx-npm-example-head.json'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--base-sbom and --head-sbom go together/);
  });
});

describe('audit --format sarif', () => {
  it('is valid SARIF 2.1.0 with results located on the lockfile lines', async () => {
    const { readFileSync } = await import('node:fs');
    const { default: Ajv04 } = await import('ajv-draft-04');
    const { default: addFormats } = await import('ajv-formats');
    const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(REPO_ROOT, '__tests__/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8')) as object);
    const head = join(REPO_ROOT, 'examples', 'basic', 'head');
    const r = await runCli(['audit', '.', '--offline', '--db', DB, '--format', 'sarif'], { cwd: head });
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.stdout) as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> }> };
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    const results = sarif.runs[0]?.results ?? [];
    // lockwarden:baseline: the fixable critical and high advisories of lodash and minimist (moderate ones are not reported).
    expect(results).toHaveLength(2);
    const lines = readFileSync(join(head, 'package-lock.json'), 'utf8').split('\n');
    for (const result of results) {
      const loc = result.locations[0]?.physicalLocation;
      expect(loc?.artifactLocation.uri).toBe('package-lock.json');
      expect(lines[(loc?.region.startLine ?? 0) - 1]).toMatch(/"node_modules\/(lodash|minimist)"/);
    }
  });
});
