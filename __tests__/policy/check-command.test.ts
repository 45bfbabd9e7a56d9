import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OsvApiSource, runCheck } from '@lockwarden/core';
import { REPO_ROOT } from '../helpers/conformance.js';
import { makeRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { loadOsvRecords, startOsvServer } from '../helpers/osv-server.js';

const DB = join(REPO_ROOT, '__tests__/fixtures/policy-check/osv');
const INTEGRITY = `sha512-${Buffer.alloc(64, 7).toString('base64')}`;

function registryEntry(name: string, version: string, license: string) {
  return { version, resolved: `https://registry.example.org/${name}/-/${name}-${version}.tgz`, integrity: INTEGRITY, license };
}

function lockfile(extra: Record<string, object>, deps: Record<string, string>): string {
  return `${JSON.stringify(
    {
      name: 'app',
      version: '1.0.0',
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': { name: 'app', version: '1.0.0', dependencies: { 'left-pad': '^1.3.0', ...deps } },
        'node_modules/left-pad': registryEntry('left-pad', '1.3.0', 'WTFPL'),
        ...extra,
      },
    },
    null,
    2,
  )}\n`;
}

const POLICY = `# yaml-language-server: $schema=../policies/schema.json
rules:
  vulnerability: { action: block, min-severity: high }
  license: { action: block, allow: [MIT, ISC, WTFPL], unknown: warn }
  source: { action: block, git: block }
  deny: { action: block, packages: ["pkg:npm/event-stream"] }
`;

function exceptions(expiries: [string, string, string, string]): string {
  const [vuln, license, source, deny] = expiries;
  return `${POLICY}exceptions:
  - package: pkg:npm/lodash@4.17.20
    rule: vulnerability
    id: CVE-2021-23337
    reason: "template() is never called with user input"
    expires: ${vuln}
  - package: pkg:npm/gpl-thing
    rule: license
    reason: "internal tool, not distributed"
    expires: ${license}
    approved-by: legal
  - package: pkg:npm/git-dep
    rule: source
    reason: "fork with a security fix until upstream releases"
    expires: ${source}
  - package: pkg:npm/event-stream@3.3.6
    rule: deny
    reason: "pinned to the audited 3.3.6 build"
    expires: ${deny}
`;
}

const HEAD_LOCK = lockfile(
  {
    'node_modules/event-stream': registryEntry('event-stream', '3.3.6', 'MIT'),
    'node_modules/git-dep': {
      version: '1.0.0',
      resolved: 'git+ssh://git@git.example.org/acme/git-dep.git#0123456789abcdef0123456789abcdef01234567',
      license: 'MIT',
    },
    'node_modules/gpl-thing': registryEntry('gpl-thing', '2.0.0', 'GPL-3.0-only'),
    'node_modules/lodash': registryEntry('lodash', '4.17.20', 'MIT'),
  },
  { 'event-stream': '3.3.6', 'git-dep': 'git+ssh://git@git.example.org/acme/git-dep.git', 'gpl-thing': '^2.0.0', lodash: '4.17.20' },
);

// Base: one package and the policy; head adds a vulnerable package, a GPL-3.0 package under an allow-list without
// it, a git dependency and a denied package. Tests edit lockwarden.yml in the work tree (the default policy source).
const repo = makeRepo([{ 'package-lock.json': lockfile({}, {}), 'lockwarden.yml': POLICY }, { 'package-lock.json': HEAD_LOCK }]);
afterAll(() => repo.cleanup());

const check = (argv: string[]) => runCli(argv, { cwd: repo.dir });

interface JsonReport {
  verdict: string;
  findings: Array<{ rule: string; name: string; version: string; action: string; location: { file: string; line?: number } }>;
  exceptionsApplied: Array<{ exception: { package: string; reason: string }; findings: unknown[] }>;
  exceptionsExpired: Array<{ exception: { package: string; expires: string }; findings: unknown[] }>;
  notEvaluated: Array<{ rule: string; reason: string }>;
}

const ARGS = ['check', '--base', 'HEAD~1', '--offline', '--db', DB, '--format', 'json'];

describe('lockwarden check (done-when)', () => {
  it('fails with one finding per rule and exit 1', async () => {
    writeFileSync(join(repo.dir, 'lockwarden.yml'), POLICY);
    const { code, stdout, stderr } = await check(ARGS);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.verdict).toBe('fail');
    expect(report.findings.map((f) => `${f.rule} ${f.name}@${f.version} ${f.action}`).sort()).toEqual([
      'deny event-stream@3.3.6 block',
      'license gpl-thing@2.0.0 block',
      'source git-dep@1.0.0 block',
      'vulnerability lodash@4.17.20 block',
    ]);
    for (const f of report.findings) {
      expect(f.location.file).toBe('package-lock.json');
      expect(f.location.line).toBeGreaterThan(1);
    }
    // --offline: the registry rules say so instead of passing silently.
    expect(report.notEvaluated.map((n) => n.rule)).toEqual(['deprecated', 'nonexistent', 'popularity', 'provenance', 'release-age']);
  });

  it('passes with exit 0 and lists every exception when each finding has a live exception', async () => {
    writeFileSync(join(repo.dir, 'lockwarden.yml'), exceptions(['2099-12-31', '2099-12-31', '2099-12-31', '2099-12-31']));
    const { code, stdout } = await check(ARGS);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.findings).toEqual([]);
    expect(report.verdict).toBe('pass');
    expect(code).toBe(0);
    expect(report.exceptionsApplied.map((a) => `${a.exception.package}: ${a.exception.reason} (${a.findings.length})`)).toEqual([
      'pkg:npm/lodash@4.17.20: template() is never called with user input (1)',
      'pkg:npm/gpl-thing: internal tool, not distributed (1)',
      'pkg:npm/git-dep: fork with a security fix until upstream releases (1)',
      'pkg:npm/event-stream@3.3.6: pinned to the audited 3.3.6 build (1)',
    ]);
  });

  it('fails again with exit 1 and names the exception that expired', async () => {
    writeFileSync(join(repo.dir, 'lockwarden.yml'), exceptions(['2099-12-31', '2020-01-31', '2099-12-31', '2099-12-31']));
    const { code, stdout, stderr } = await check(ARGS);
    const report = JSON.parse(stdout) as JsonReport;
    expect(code).toBe(1);
    expect(report.findings.map((f) => `${f.rule} ${f.name}`)).toEqual(['license gpl-thing']);
    expect(report.exceptionsExpired.map((x) => `${x.exception.package} ${x.exception.expires} (${x.findings.length})`)).toEqual([
      'pkg:npm/gpl-thing 2020-01-31 (1)',
    ]);
    expect(stderr).toBe(
      'warning: exception expired: pkg:npm/gpl-thing (rule license), expires 2020-01-31, lockwarden.yml:13; it no longer covers 1 finding (license on gpl-thing@2.0.0)\n',
    );
    // The markdown report a reviewer reads says the same.
    const md = await check([...ARGS.slice(0, -1), 'markdown']);
    expect(md.code).toBe(1);
    expect(md.stdout).toContain('### Expired exceptions (1)');
  });

  it('a policy error is exit 2 with file:line', async () => {
    writeFileSync(join(repo.dir, 'lockwarden.yml'), `${POLICY}exceptions:\n  - package: pkg:npm/lodash\n    expires: 2099-01-01\n`);
    const { code, stderr, stdout } = await check(ARGS);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('lockwarden: lockwarden.yml:8:5: invalid policy: exceptions.0: missing required key "reason": every exception says why the finding is accepted\n');
  });

  it('sarif output locates findings on the lockfile lines; --output writes a file', async () => {
    writeFileSync(join(repo.dir, 'lockwarden.yml'), POLICY);
    const { code, stdout } = await check([...ARGS.slice(0, -1), 'sarif', '--output', 'report.sarif']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const sarif = JSON.parse(readFileSync(join(repo.dir, 'report.sarif'), 'utf8')) as { runs: Array<{ results: unknown[] }> };
    expect(sarif.runs[0]!.results).toHaveLength(4);
  });

  it('--policy-ref reads the policy from the base, so a change cannot relax the policy that judges it', async () => {
    writeFileSync(join(repo.dir, 'lockwarden.yml'), 'rules:\n  deny: { action: off }\n  source: { action: off, git: off }\n  license: { action: off, unknown: off }\n');
    const relaxed = await check([...ARGS, '--head', 'HEAD']);
    expect(JSON.parse(relaxed.stdout).findings.map((f: { rule: string }) => f.rule).sort()).not.toContain('deny');
    const pinned = await check([...ARGS, '--head', 'HEAD', '--policy-ref', 'HEAD~1']);
    expect(pinned.code).toBe(1);
    expect(JSON.parse(pinned.stdout).findings.map((f: { rule: string }) => f.rule).sort()).toEqual(expect.arrayContaining(['deny', 'license', 'source']));
  });

  it('usage and git errors are exit 2 with one line, no stack trace', async () => {
    const noBase = await check(['check', '--format', 'json']);
    expect(noBase).toEqual({ code: 2, stdout: '', stderr: 'lockwarden: check needs --base <ref>, --base-dir <dir> or --base-sbom <file>\n' });
    const missing = await check(['check', '--base', 'no-such-ref', '--format', 'json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('lockwarden: commit "no-such-ref" is not in this clone: run `git fetch --no-tags --depth=1 origin no-such-ref` first\n');
    const badFormat = await check(['check', '--base', 'HEAD~1', '--format', 'xml']);
    expect(badFormat.code).toBe(2);
  });

  it('without advisory rules the other rules decide alone: 3 findings and exit 1, then exit 0 with their exceptions', async () => {
    const noAdvisories = POLICY.replace('vulnerability: { action: block, min-severity: high }', 'vulnerability: { action: off }\n  malware: { action: off }');
    writeFileSync(join(repo.dir, 'lockwarden.yml'), noAdvisories);
    const failing = await check(['check', '--base', 'HEAD~1', '--offline', '--db', DB, '--format', 'json']);
    expect(failing.stderr).toBe('');
    expect(failing.code).toBe(1);
    expect((JSON.parse(failing.stdout) as JsonReport).findings.map((f) => `${f.rule} ${f.name}`).sort()).toEqual([
      'deny event-stream',
      'license gpl-thing',
      'source git-dep',
    ]);
    const withExceptions = exceptions(['2099-12-31', '2099-12-31', '2099-12-31', '2099-12-31']).replace(
      'vulnerability: { action: block, min-severity: high }',
      'vulnerability: { action: off }\n  malware: { action: off }',
    );
    writeFileSync(join(repo.dir, 'lockwarden.yml'), withExceptions);
    const passing = await check(['check', '--base', 'HEAD~1', '--offline', '--db', DB, '--format', 'json']);
    expect(passing.code).toBe(0);
    expect((JSON.parse(passing.stdout) as JsonReport).exceptionsApplied).toHaveLength(3);
  });
});

describe('runCheck when the advisory source is down', () => {
  const REGISTRY_OFF = '\n  nonexistent: { action: off }\n  release-age: { action: off }\n  popularity: { action: off }\n  provenance: { action: off }\n  deprecated: { action: off }\n';

  it('the verdict is error (never pass) after the retries; fail-open turns it into a loud warning', async () => {
    const server = await startOsvServer(loadOsvRecords(DB));
    try {
      server.inject({ kind: 'status', status: 503 }, { times: 100 });
      const source = new OsvApiSource({ baseUrl: server.url, retries: 2, backoffBaseMs: 1, backoffMaxMs: 2 });
      writeFileSync(join(repo.dir, 'lockwarden.yml'), `${POLICY.trimEnd()}${REGISTRY_OFF}`);
      const closed = await runCheck({ cwd: repo.dir, base: 'HEAD~1', offline: false }, { advisories: source });
      expect(closed.decision.verdict).toBe('error');
      expect(closed.decision.errors).toHaveLength(1);
      expect(closed.decision.errors[0]).toMatch(/could not be reached .*503.*; malware, vulnerability not evaluated$/);
      expect(server.count('/v1/querybatch')).toBe(3);

      writeFileSync(join(repo.dir, 'lockwarden.yml'), `fail-open: true\n${POLICY.trimEnd()}${REGISTRY_OFF}`);
      const open = await runCheck({ cwd: repo.dir, base: 'HEAD~1' }, { advisories: source });
      expect(open.decision.verdict).toBe('fail');
      expect(open.decision.findings.map((f) => f.rule).sort()).toEqual(['deny', 'license', 'source']);
      expect(open.decision.warnings[0]).toMatch(/^FAIL-OPEN: /);
    } finally {
      await server.close();
    }
  });
});
