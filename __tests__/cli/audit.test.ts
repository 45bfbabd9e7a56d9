import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../packages/cli/src/main.js';
import type { CliIO } from '../../packages/cli/src/io.js';
import { REPO_ROOT } from '../helpers/conformance.js';
import { startTestServer, type TestServer } from '../helpers/http-server.js';
import { loadOsvRecords, startOsvServer, type OsvTestServer } from '../helpers/osv-server.js';
import { writeOsvZip } from '../helpers/osv-zip.js';

const FIXTURES = join(REPO_ROOT, '__tests__', 'fixtures', 'osv');
const temp: string[] = [];
let server: OsvTestServer | TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const dir of temp.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lw-audit-'));
  temp.push(dir);
  return dir;
}

/** A copy of the fixture records to use as an offline database (the index is written beside the data). */
function fixtureDb(): string {
  const dir = tempDir();
  cpSync(FIXTURES, dir, { recursive: true });
  return dir;
}

async function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd, env };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** The advisory rules' findings: packages named by purl carry no license, which the license rule reports too. */
function advisoryFindings(out: AuditJson): AuditJson['findings'] {
  return out.findings.filter((f) => f.rule === 'vulnerability' || f.rule === 'malware');
}

const PURLS = ['--purl', 'pkg:npm/lodash@4.17.20', '--purl', 'pkg:npm/minimist@1.2.5', '--purl', 'pkg:pypi/h11@0.14.0'];

interface AuditJson {
  source: string;
  dataAsOf: string | null;
  packages: number;
  findings: { rule: string; action: string; severity: string; ecosystem: string; name: string; version: string; message: string; advisories: string[]; fixed: string | null }[];
}

describe('lockwarden audit', () => {
  it('--offline --db over the real fixture records: ids, severities, fixed versions, exit 1 (the baseline pack)', async () => {
    const cwd = tempDir();
    const db = fixtureDb();
    const { code, stdout, stderr } = await run(['audit', '--offline', '--db', db, ...PURLS, '--format', 'json'], cwd);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const out = JSON.parse(stdout) as AuditJson;
    expect(out.source).toBe(`offline OSV database at ${db}`);
    expect(out.dataAsOf).toBe('2025-04-24T21:41:36.000Z');
    expect(out.packages).toBe(3);
    // lockwarden:baseline blocks fixable high and critical advisories and does not report moderate ones.
    const npm = advisoryFindings(out).filter((f) => f.ecosystem === 'npm').map((f) => [f.action, f.rule, f.name, f.advisories, f.severity, f.fixed]);
    expect(npm).toEqual([
      ['block', 'vulnerability', 'minimist', ['GHSA-xvch-5gv4-984h', 'CVE-2021-44906'], 'critical', '1.2.6'],
      ['block', 'vulnerability', 'lodash', ['GHSA-35jh-r3h4-6jhm', 'CVE-2021-23337'], 'high', '4.17.21'],
    ]);
    expect(Object.keys(out.findings[0] ?? {})).toEqual(['rule', 'action', 'severity', 'ecosystem', 'name', 'version', 'message', 'advisories', 'fixed']);
    expect(advisoryFindings(out).filter((f) => f.ecosystem === 'PyPI').map((f) => [f.action, f.name, f.advisories, f.severity, f.fixed])).toEqual([
      ['block', 'h11', ['GHSA-vqfr-h8mv-ghfj', 'CVE-2025-43859'], 'critical', '0.16.0'],
    ]);
  });

  it('is policy-driven: the repository policy decides what an advisory does, with the same exceptions as check', async () => {
    const cwd = tempDir();
    const db = fixtureDb();
    writeFileSync(
      join(cwd, 'lockwarden.yml'),
      [
        'rules:',
        '  vulnerability: { action: warn, min-severity: moderate, fixable-only: false }',
        '  license: { action: off }',
        'exceptions:',
        '  - package: pkg:npm/lodash@4.17.20',
        '    rule: vulnerability',
        '    reason: "template() is never called with user input"',
        '    expires: 2999-01-31',
        '',
      ].join('\n'),
    );
    const { code, stdout } = await run(['audit', '--db', db, ...PURLS, '--format', 'json'], cwd);
    // Everything warns and lodash is excepted: exit 0, as check --mode audit would give.
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as AuditJson).findings.map((f) => [f.action, f.name, f.severity])).toEqual([
      ['warn', 'h11', 'critical'],
      ['warn', 'minimist', 'critical'],
    ]);
    // --policy names another file; lockwarden:strict ships with the same packs check uses.
    writeFileSync(join(cwd, 'strict.yml'), 'extends: [lockwarden:strict]\n');
    const strict = await run(['audit', '--db', db, ...PURLS, '--policy', 'strict.yml', '--format', 'json'], cwd);
    expect(strict.code).toBe(1);
  });

  it('a real malicious-package record blocks as malware', async () => {
    const { code, stdout } = await run(['audit', '--db', fixtureDb(), '--purl', 'pkg:npm/flatmap-stream@0.1.1', '--format', 'json'], tempDir());
    expect(code).toBe(1);
    expect(advisoryFindings(JSON.parse(stdout) as AuditJson)).toEqual([
      {
        rule: 'malware',
        action: 'block',
        severity: 'critical',
        ecosystem: 'npm',
        name: 'flatmap-stream',
        version: '0.1.1',
        message: 'MAL-2025-20690: reported as malicious: Malicious code in flatmap-stream (npm)',
        advisories: ['MAL-2025-20690'],
        fixed: null,
      },
    ]);
  });

  it('prints a table that states the data age', async () => {
    const { code, stdout } = await run(['audit', '--db', fixtureDb(), '--purl', 'pkg:npm/minimist@1.2.5'], tempDir());
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^ACTION\s+SEVERITY\s+RULE\s+ECOSYSTEM\s+PACKAGE\s+ADVISORIES\s+FIXED\s+LOCKFILE$/);
    expect(lines[1]).toMatch(/^block\s+critical\s+vulnerability\s+npm\s+minimist@1\.2\.5\s+GHSA-xvch-5gv4-984h,CVE-2021-44906\s+1\.2\.6\s+command line \(--purl\)$/);
    expect(lines[2]).toMatch(/^warn\s+low\s+license\s+npm\s+minimist@1\.2\.5\s+command line \(--purl\)$/);
    expect(lines[3]).toMatch(/^2 finding\(s\) in 1 packages; offline OSV database at .*, data as of 2026-01-21 \(\d+ days old\)$/);
  });

  it('exit 0 when nothing blocks, and markdown escapes untrusted text', async () => {
    const db = tempDir();
    mkdirSync(join(db, 'npm'));
    writeFileSync(
      join(db, 'npm', 'GHSA-mdmd-mdmd-mdmd.json'),
      JSON.stringify({
        id: 'GHSA-mdmd-mdmd-mdmd',
        modified: '2024-05-01T00:00:00Z',
        summary: 'Evil | summary <img src=x> @someone',
        database_specific: { severity: 'LOW' },
        affected: [{ package: { ecosystem: 'npm', name: 'tiny' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.0.1' }] }] }],
      }),
    );
    // The baseline does not report low advisories; a policy that warns on them does.
    const cwd = tempDir();
    writeFileSync(join(cwd, 'lockwarden.yml'), 'rules:\n  vulnerability: { action: warn, min-severity: low }\n');
    const { code, stdout } = await run(['audit', '--db', db, '--purl', 'pkg:npm/tiny@1.0.0', '--format', 'markdown'], cwd);
    expect(code).toBe(0);
    expect(stdout).toContain('| warn | low | `tiny@1.0.0` | GHSA-mdmd-mdmd-mdmd | 1.0.1 |');
    expect(stdout).not.toContain('<img');
    expect(stdout).toContain('@\u200bsomeone');
  });

  it('talks to the OSV API given by --osv-url or LOCKWARDEN_OSV_URL', async () => {
    const osv = await startOsvServer(loadOsvRecords(FIXTURES));
    server = osv;
    const viaFlag = await run(['audit', '--osv-url', osv.url, '--purl', 'pkg:npm/minimist@1.2.5', '--format', 'json'], tempDir());
    expect(viaFlag.code).toBe(1);
    expect(advisoryFindings(JSON.parse(viaFlag.stdout) as AuditJson).map((f) => f.advisories[0])).toEqual(['GHSA-xvch-5gv4-984h']);
    const viaEnv = await run(['audit', '--purl', 'pkg:npm/lodash@4.17.23', '--format', 'json'], tempDir(), { LOCKWARDEN_OSV_URL: osv.url });
    expect(viaEnv.code).toBe(0);
    const viaEnvOut = JSON.parse(viaEnv.stdout) as AuditJson;
    expect({ ...viaEnvOut, findings: advisoryFindings(viaEnvOut) }).toEqual({ source: `OSV API at ${osv.url}`, dataAsOf: null, packages: 1, findings: [] });
    expect(osv.count('/v1/querybatch')).toBe(2);

    // With LOCKWARDEN_CACHE_DIR the full record survives the run: a second run asks only the batch endpoint.
    const cwd = tempDir();
    const env = { LOCKWARDEN_OSV_URL: osv.url, LOCKWARDEN_CACHE_DIR: 'cache' };
    await run(['audit', '--purl', 'pkg:npm/minimist@1.2.5'], cwd, env);
    const again = await run(['audit', '--purl', 'pkg:npm/minimist@1.2.5'], cwd, env);
    expect(again.code).toBe(1);
    expect(osv.count('/v1/vulns/')).toBe(2);
    expect(readFileSync(join(cwd, 'cache', 'osv-records', 'GHSA-xvch-5gv4-984h.json'), 'utf8')).toContain('"id":"GHSA-xvch-5gv4-984h"');
  });

  it('an OSV outage exits 2 with one line, never "no findings"', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(503).end();
    });
    const { code, stdout, stderr } = await run(['audit', '--osv-url', server.url, '--purl', 'pkg:npm/minimist@1.2.5'], tempDir());
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^lockwarden: OSV API at http:\/\/127\.0\.0\.1:\d+ could not be reached \(.*HTTP 503.*\(after 5 attempts\)\); malware, vulnerability not evaluated\n$/);
  }, 60_000);

  it('bad input exits 2: missing database, bad purl, --offline with --osv-url', async () => {
    const cwd = tempDir();
    const missing = await run(['audit', '--offline', '--purl', 'pkg:npm/a@1.0.0'], cwd);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('the folder does not exist (fetch it with `lockwarden db download`)');
    const badPurl = await run(['audit', '--db', fixtureDb(), '--purl', 'pkg:npm/lodash'], cwd);
    expect(badPurl.code).toBe(2);
    expect(badPurl.stderr).toBe('lockwarden: "pkg:npm/lodash" has no version (write it as pkg:npm/lodash@VERSION)\n');
    const both = await run(['audit', '--offline', '--db', fixtureDb(), '--osv-url', 'http://127.0.0.1:1', '--purl', 'pkg:npm/a@1.0.0'], cwd);
    expect(both.code).toBe(2);
    expect(both.stderr).toBe('lockwarden: --offline reads only the local database; drop --osv-url\n');
  });

  it('audits the lockfiles in the working directory: package-lock.json and requirements.txt', async () => {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, 'package-lock.json'),
      JSON.stringify({
        name: 'app',
        version: '1.0.0',
        lockfileVersion: 3,
        requires: true,
        packages: {
          '': { name: 'app', version: '1.0.0', dependencies: { lodash: '4.17.20', minimist: '1.2.5' } },
          'node_modules/lodash': { version: '4.17.20', resolved: 'https://registry.example.org/lodash/-/lodash-4.17.20.tgz', integrity: 'sha512-PlhdFcillOINfeV7Ni6oF1TAEayyZBoZ8bcshTHqOYJYlrqzRK5hagpagky5o4HfCzzd1TRkXPMFq6cKk9rGmA==' },
          'node_modules/minimist': { version: '1.2.5', resolved: 'https://registry.example.org/minimist/-/minimist-1.2.5.tgz', integrity: 'sha512-FM9nNUYrRBAELZQT3xeZQ7fmMOBg6nWNmJKTcgsJeaLstP/UODVpGsr5OhXhhXg6f+qtJ8uiZ+PUxkDWcgIXLw==' },
        },
      }, null, 2),
    );
    writeFileSync(join(cwd, 'requirements.txt'), 'h11==0.14.0\n');
    const { code, stdout, stderr } = await run(['audit', '--offline', '--db', fixtureDb(), '--format', 'json'], cwd);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const out = JSON.parse(stdout) as AuditJson;
    expect(out.packages).toBe(3);
    expect(advisoryFindings(out).map((f) => [f.action, f.severity, f.ecosystem, `${f.name}@${f.version}`, f.advisories.join(' '), f.fixed])).toEqual([
      ['block', 'critical', 'PyPI', 'h11@0.14.0', 'GHSA-vqfr-h8mv-ghfj CVE-2025-43859', '0.16.0'],
      ['block', 'critical', 'npm', 'minimist@1.2.5', 'GHSA-xvch-5gv4-984h CVE-2021-44906', '1.2.6'],
      ['block', 'high', 'npm', 'lodash@4.17.20', 'GHSA-35jh-r3h4-6jhm CVE-2021-23337', '4.17.21'],
    ]);
    // The fixed versions leave only a moderate advisory, which the baseline does not report: exit 0.
    writeFileSync(join(cwd, 'requirements.txt'), 'h11==0.16.0\n');
    const fixedLock = JSON.parse(readFileSync(join(cwd, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> };
    (fixedLock.packages['node_modules/minimist'] as { version: string }).version = '1.2.8';
    (fixedLock.packages['node_modules/lodash'] as { version: string }).version = '4.17.21';
    writeFileSync(join(cwd, 'package-lock.json'), JSON.stringify(fixedLock, null, 2));
    const after = await run(['audit', '--db', fixtureDb(), '--format', 'json'], cwd);
    expect(after.code).toBe(0);
    expect(advisoryFindings(JSON.parse(after.stdout) as AuditJson)).toEqual([]);
  });
});

describe('lockwarden db download', () => {
  it('downloads the exports and audit --offline reads them', async () => {
    const exports = tempDir();
    await writeOsvZip(join(exports, 'npm.zip'), loadOsvRecords(join(FIXTURES, 'npm')));
    const zip = readFileSync(join(exports, 'npm.zip'));
    server = await startTestServer((req, res) => {
      if (req.url !== '/npm/all.zip') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/zip' }).end(zip);
    });
    const cwd = tempDir();
    const dl = await run(['db', 'download', '--ecosystems', 'npm', '--base-url', server.url], cwd);
    expect(dl.code).toBe(0);
    expect(dl.stdout).toBe(`npm: 5 entries, ${zip.length} bytes → ${join(cwd, '.lockwarden-cache', 'osv', 'npm', 'all.zip')}\n`);
    const audit = await run(['audit', '--offline', '--purl', 'pkg:npm/minimist@1.2.5', '--format', 'json'], cwd);
    expect(audit.code).toBe(1);
    expect(advisoryFindings(JSON.parse(audit.stdout) as AuditJson)).toHaveLength(1);
    const bad = await run(['db', 'download', '--ecosystems', 'npm,Nope'], cwd);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('lockwarden: unknown ecosystem(s): Nope (OSV names such as npm, PyPI, crates.io)\n');
  });
});

// Keeps the fixture folder layout honest: the CLI test reads it as an offline database directly.
it('fixture folder is an OSV database layout', () => {
  const copy = tempDir();
  cpSync(FIXTURES, copy, { recursive: true });
  expect(loadOsvRecords(copy).map((r) => r.id).sort()).toEqual([
    'GHSA-29mw-wpgm-hmr9',
    'GHSA-35jh-r3h4-6jhm',
    'GHSA-vqfr-h8mv-ghfj',
    'GHSA-xvch-5gv4-984h',
    'GHSA-xxjr-mmjv-4gpg',
    'MAL-2025-20690',
  ]);
});
