import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { STICKY_NOTE_MARKER } from '../../packages/cli/src/gitlab/merge-request-notes.js';
import { GITLAB_REPORT_FILES } from '../../packages/cli/src/gitlab/report-files.js';
import { VERSION } from '../../packages/cli/src/version.js';
import { makeRepo, TEST_GIT_ENV } from '../helpers/git-repo.js';
import { REPO_ROOT } from '../helpers/conformance.js';
import { startGitLabNotesServer } from '../helpers/gitlab-notes-server.js';
import { sendJson, startTestServer } from '../helpers/http-server.js';
import { loadOsvRecords, startOsvServer, type OsvTestServer } from '../helpers/osv-server.js';
import { runCli, type CliRun } from '../helpers/run-cli.js';
import { readValidReports } from './report-validation.js';
import { interpolate, readTemplate, shellWords } from './template-helpers.js';

const INTEGRITY = `sha512-${Buffer.alloc(64, 7).toString('base64')}`;
const TOKEN = 'glpat-lockwarden-test';
const PROJECT_ID = '42';
const MR_IID = 7;

function registryEntry(name: string, version: string, license: string) {
  return { version, resolved: `https://registry.example.org/${name}/-/${name}-${version}.tgz`, integrity: INTEGRITY, license };
}

function lockfile(extra: Record<string, object>, deps: Record<string, string>): string {
  const packages = {
    '': { name: 'app', version: '1.0.0', dependencies: { 'left-pad': '^1.3.0', ...deps } },
    'node_modules/left-pad': registryEntry('left-pad', '1.3.0', 'WTFPL'),
    ...extra,
  };
  return `${JSON.stringify({ name: 'app', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`;
}

// Advisories come from a local OSV API (LOCKWARDEN_OSV_URL) holding the real lodash record. The rules that need
// registry data are off, and npm_config_registry points at a closed local port, so nothing leaves the machine.
const POLICY = `rules:
  vulnerability: { action: block, min-severity: high }
  malware: { action: block }
  nonexistent: { action: off }
  release-age: { action: off }
  popularity: { action: off }
  provenance: { action: off }
  deprecated: { action: off }
  license: { action: block, allow: [MIT, ISC, WTFPL], unknown: warn }
  source: { action: block, git: block }
  deny: { action: block, packages: ["pkg:npm/event-stream"] }
`;

const VIOLATIONS = {
  'node_modules/event-stream': registryEntry('event-stream', '3.3.6', 'MIT'),
  'node_modules/git-dep': { version: '1.0.0', resolved: 'git+ssh://git@git.example.org/acme/git-dep.git#0123456789abcdef0123456789abcdef01234567', license: 'MIT' },
  'node_modules/gpl-thing': registryEntry('gpl-thing', '2.0.0', 'GPL-3.0-only'),
  'node_modules/lodash': registryEntry('lodash', '4.17.20', 'MIT'),
};
const VIOLATION_DEPS = { 'event-stream': '3.3.6', 'git-dep': 'git+ssh://git@git.example.org/acme/git-dep.git', 'gpl-thing': '^2.0.0', lodash: '4.17.20' };
const HEAD_LOCK = lockfile(VIOLATIONS, VIOLATION_DEPS);
const { 'node_modules/event-stream': _dropped, ...WITHOUT_EVENT_STREAM } = VIOLATIONS;
const { 'event-stream': _droppedDep, ...DEPS_WITHOUT_EVENT_STREAM } = VIOLATION_DEPS;
const FIXED_LOCK = lockfile(WITHOUT_EVENT_STREAM, DEPS_WITHOUT_EVENT_STREAM);

// The project's history: the target branch (base) and the merge request's head, which adds a vulnerable package, a
// GPL-3.0 package under an allow-list without it, a git dependency and a denied package.
const origin = makeRepo([
  { 'package-lock.json': lockfile({}, {}), 'lockwarden.yml': POLICY, 'package.json': '{"name":"app","version":"1.0.0"}\n' },
  { 'package-lock.json': HEAD_LOCK },
]);
const [BASE, HEAD] = origin.commits as [string, string];
const scratch = mkdtempSync(join(tmpdir(), 'lockwarden-gitlab-'));
let osv: OsvTestServer;
beforeAll(async () => {
  osv = await startOsvServer(loadOsvRecords(join(REPO_ROOT, '__tests__/fixtures/policy-check/osv')));
});
afterAll(async () => {
  await osv.close();
  origin.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

/** A fresh shallow clone of the head, as a GitLab runner makes one (GIT_DEPTH): the base commit is not in it. */
function runnerClone(name: string): string {
  const dir = join(scratch, name);
  execFileSync('git', ['clone', '-q', '--depth=1', `file://${origin.dir}`, dir], { env: { ...process.env, ...TEST_GIT_ENV }, stdio: 'ignore' });
  return dir;
}

function hasCommit(dir: string, sha: string): boolean {
  try {
    execFileSync('git', ['cat-file', '-e', `${sha}^{commit}`], { cwd: dir, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Keeps every data source on this machine: the local OSV API, no registry, no shared cache. */
function offlineSafety(): Record<string, string> {
  return { LOCKWARDEN_OSV_URL: osv.url, npm_config_registry: 'http://127.0.0.1:9/', LOCKWARDEN_CACHE_DIR: join(scratch, 'cache'), HOME: scratch };
}

/** GitLab's predefined variables for a merge request pipeline of MR !7 in project 42. */
function mergeRequestEnv(projectDir: string, apiUrl: string): Record<string, string> {
  return {
    CI: 'true',
    GITLAB_CI: 'true',
    CI_PROJECT_DIR: projectDir,
    CI_PROJECT_ID: PROJECT_ID,
    CI_API_V4_URL: apiUrl,
    CI_PIPELINE_SOURCE: 'merge_request_event',
    CI_DEFAULT_BRANCH: 'main',
    CI_COMMIT_SHA: HEAD,
    CI_COMMIT_BEFORE_SHA: '0000000000000000000000000000000000000000',
    CI_MERGE_REQUEST_IID: String(MR_IID),
    CI_MERGE_REQUEST_DIFF_BASE_SHA: BASE,
    CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
    CI_JOB_TOKEN: 'job-token-that-cannot-write-notes',
    LOCKWARDEN_GITLAB_TOKEN: TOKEN,
    ...offlineSafety(),
  };
}

/**
 * Runs the template's job script as a runner would: inputs interpolated, each script line split and expanded by
 * shell rules with the job's variables, the `npx --yes lockwarden@<version>` prefix checked and the rest run by
 * the CLI in the clone. Stops at the first failing line, as GitLab does.
 */
async function runJob(projectDir: string, env: Record<string, string>, inputs: Record<string, string | boolean> = {}): Promise<CliRun> {
  const jobs = interpolate(readTemplate('remote'), inputs);
  const job = Object.values(jobs)[0];
  let last: CliRun = { code: 0, stdout: '', stderr: '' };
  for (const line of job?.script ?? []) {
    // The opt-in inventory step is a shell `if`; with the input off (every case here) its condition is false.
    if (line.startsWith('if [ "false" = "true" ]')) continue;
    const words = shellWords(line, env);
    expect(words.slice(0, 3)).toEqual(['npx', '--yes', `lockwarden@${VERSION}`]);
    last = await runCli(words.slice(3), { cwd: projectDir, env });
    if (last.code !== 0) break;
  }
  return last;
}

describe('the GitLab job in a merge request pipeline (done-when)', () => {
  it('fails on the violations, creates one sticky MR note, updates it on the next run, and leaves four valid reports', async () => {
    const gitlab = await startGitLabNotesServer({ token: TOKEN });
    try {
      const dir = runnerClone('mr');
      expect(hasCommit(dir, BASE)).toBe(false);
      const human = gitlab.addNote(PROJECT_ID, MR_IID, `Please have a look ${STICKY_NOTE_MARKER} (quoted)`, { username: 'alice' });
      // Someone else's note that starts with the marker is not ours to edit.
      const bait = gitlab.addNote(PROJECT_ID, MR_IID, `${STICKY_NOTE_MARKER}\nmallory's words`, { username: 'mallory' });
      gitlab.addNote(PROJECT_ID, MR_IID, `${STICKY_NOTE_MARKER} added 1 commit`, { system: true });
      // One transient failure on each side: a 503 on the list, a 429 with Retry-After on the create.
      gitlab.inject('GET', 503);
      gitlab.inject('POST', 429, { retryAfter: '0' });
      const env = mergeRequestEnv(dir, gitlab.apiUrl);

      const first = await runJob(dir, env);
      expect(first.code).toBe(1);
      expect(first.stderr).toContain(`lockwarden: base ${BASE} (CI_MERGE_REQUEST_DIFF_BASE_SHA)`);
      expect(first.stderr).toContain(`git fetch --no-tags --depth=1 origin ${BASE}`);
      expect(hasCommit(dir, BASE)).toBe(true);
      expect(first.stderr).toMatch(/merge request note created \(id \d+\)/);
      // The advisories came from the local OSV API, once.
      expect(osv.count('/v1/querybatch')).toBeGreaterThan(0);
      expect(gitlab.requests.map((r) => `${r.method} ${r.url.replace(/\?.*/, '')}`)).toEqual([
        `GET /api/v4/projects/${PROJECT_ID}/merge_requests/${MR_IID}/notes`,
        `GET /api/v4/projects/${PROJECT_ID}/merge_requests/${MR_IID}/notes`,
        'GET /api/v4/user',
        `POST /api/v4/projects/${PROJECT_ID}/merge_requests/${MR_IID}/notes`,
        `POST /api/v4/projects/${PROJECT_ID}/merge_requests/${MR_IID}/notes`,
      ]);
      for (const r of gitlab.requests) expect(r.headers['private-token']).toBe(TOKEN);
      expect(gitlab.requests[1]?.url).toBe(`/api/v4/projects/${PROJECT_ID}/merge_requests/${MR_IID}/notes?sort=asc&order_by=created_at&per_page=100&page=1`);

      const notes = () => gitlab.notes.get(`${PROJECT_ID}!${MR_IID}`) ?? [];
      const ours = () => notes().filter((n) => !n.system && n.body.startsWith(STICKY_NOTE_MARKER) && n.author.username === 'project_42_bot');
      expect(notes()).toHaveLength(4);
      expect(ours()).toHaveLength(1);
      const created = ours()[0];
      expect(created?.body).toContain('event-stream');
      expect(created?.body).toContain('gpl-thing');
      expect(created?.body).toContain('git-dep');
      expect(created?.body).toMatch(/CVE(&#45;|-)2021(&#45;|-)23337/);
      expect(human.body).toBe(`Please have a look ${STICKY_NOTE_MARKER} (quoted)`);
      expect(bait.body).toBe(`${STICKY_NOTE_MARKER}\nmallory's words`);

      const reports = await readValidReports(dir);
      expect(reports.codeQuality.map((i) => `${i.check_name} ${i.severity} ${i.location.path}`).sort()).toEqual([
        'lockwarden/deny critical package-lock.json',
        'lockwarden/license critical package-lock.json',
        'lockwarden/source critical package-lock.json',
        'lockwarden/vulnerability critical package-lock.json',
      ]);
      for (const issue of reports.codeQuality) expect(issue.location.lines.begin).toBeGreaterThan(1);
      expect(
        reports.dependencyScanning.vulnerabilities.map((v) => `${v.name} ${v.severity} ${v.location.file} ${v.identifiers.map((i) => i.value).join(',')}`),
      ).toEqual(['CVE-2021-23337 in lodash High package-lock.json CVE-2021-23337,GHSA-35jh-r3h4-6jhm']);
      expect(reports.dependencyScanning.vulnerabilities[0]?.solution).toContain('4.17.21');
      expect(reports.dependencyScanning.scan.status).toBe('success');
      expect(reports.junit.tests).toBe(5);
      expect(reports.junit.failures).toBe(5);
      expect(reports.junit.cases.map((c) => c.name).sort()).toEqual([
        'deny: event-stream@3.3.6',
        'license: gpl-thing@2.0.0',
        'source: git-dep@1.0.0',
        'verdict',
        'vulnerability: lodash@4.17.20',
      ]);
      const sbom = reports.sbom;
      expect(sbom?.metadata.properties).toEqual(
        expect.arrayContaining([
          { name: 'gitlab:meta:schema_version', value: '1' },
          { name: 'gitlab:dependency_scanning:input_file:path', value: 'package-lock.json' },
          { name: 'gitlab:dependency_scanning:package_manager:name', value: 'npm' },
          { name: 'gitlab:dependency_scanning:language:name', value: 'JavaScript' },
        ]),
      );
      expect(sbom?.components.map((c) => c.name).sort()).toEqual(['event-stream', 'git-dep', 'gpl-thing', 'left-pad', 'lodash']);

      // The merge request gets a new commit that drops the denied package: the same note is edited.
      writeFileSync(join(dir, 'package-lock.json'), FIXED_LOCK);
      gitlab.requests.length = 0;
      const second = await runJob(dir, env);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`merge request note updated (id ${created?.id})`);
      expect(gitlab.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'PUT']);
      expect(gitlab.requests[2]?.url).toBe(`/api/v4/projects/${PROJECT_ID}/merge_requests/${MR_IID}/notes/${created?.id}`);
      expect(notes()).toHaveLength(4);
      expect(bait.body).toBe(`${STICKY_NOTE_MARKER}\nmallory's words`);
      expect(ours()).toHaveLength(1);
      expect(ours()[0]?.body).not.toContain('event-stream');
      expect(ours()[0]?.body).toContain('gpl-thing');
      const after = await readValidReports(dir);
      expect(after.codeQuality.map((i) => i.check_name).sort()).toEqual(['lockwarden/license', 'lockwarden/source', 'lockwarden/vulnerability']);
      // Fingerprints are stable, so GitLab sees the remaining issues as the same ones and the deny one as fixed.
      expect(after.codeQuality.map((i) => i.fingerprint).every((f) => reports.codeQuality.some((i) => i.fingerprint === f))).toBe(true);
    } finally {
      await gitlab.close();
    }
  });

  it('skips the note with a notice and still fails and reports without LOCKWARDEN_GITLAB_TOKEN', async () => {
    const gitlab = await startGitLabNotesServer({ token: TOKEN });
    try {
      const dir = runnerClone('no-token');
      const { LOCKWARDEN_GITLAB_TOKEN: _token, ...env } = mergeRequestEnv(dir, gitlab.apiUrl);
      const run = await runJob(dir, env);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('LOCKWARDEN_GITLAB_TOKEN is not set: no merge request note (CI_JOB_TOKEN cannot write notes');
      expect(gitlab.requests).toHaveLength(0);
      const reports = await readValidReports(dir);
      expect(reports.codeQuality).toHaveLength(4);
    } finally {
      await gitlab.close();
    }
  });

  it('keeps the verdict as the exit code when GitLab refuses the token', async () => {
    const gitlab = await startGitLabNotesServer({ token: 'another-token' });
    try {
      const dir = runnerClone('bad-token');
      const run = await runJob(dir, mergeRequestEnv(dir, gitlab.apiUrl));
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('warning: could not write the merge request note: GitLab API:');
      expect(run.stderr).toContain('HTTP 401');
      expect(gitlab.requests.map((r) => r.method)).toEqual(['GET']);
    } finally {
      await gitlab.close();
    }
  });

  it('cannot evaluate (exit 2) when the merge request base cannot be fetched, and says which commit', async () => {
    const gitlab = await startGitLabNotesServer({ token: TOKEN });
    try {
      const dir = runnerClone('missing-base');
      const missing = 'f'.repeat(40);
      const run = await runJob(dir, { ...mergeRequestEnv(dir, gitlab.apiUrl), CI_MERGE_REQUEST_DIFF_BASE_SHA: missing });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`lockwarden: could not fetch commit ${missing}`);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(gitlab.requests).toHaveLength(0);
      expect(existsSync(join(dir, GITLAB_REPORT_FILES.junit))).toBe(false);
    } finally {
      await gitlab.close();
    }
  });

  it('prints and reports no credential from LOCKWARDEN_OSV_URL when the mirror refuses it', async () => {
    const gitlab = await startGitLabNotesServer({ token: TOKEN });
    const mirror = await startTestServer((_req, res) => sendJson(res, 401, { message: 'bad credentials' }));
    try {
      const dir = runnerClone('osv-credentials');
      const env = { ...mergeRequestEnv(dir, gitlab.apiUrl), LOCKWARDEN_OSV_URL: mirror.url.replace('http://', 'http://mirror-user:mirror-secret@') };
      const run = await runJob(dir, env);
      expect(run.code).toBe(2);
      const written = Object.values(GITLAB_REPORT_FILES)
        .filter((file) => existsSync(join(dir, file)))
        .map((file) => readFileSync(join(dir, file), 'utf8'));
      expect(written.length).toBeGreaterThanOrEqual(3);
      const notes = (gitlab.notes.get(`${PROJECT_ID}!${MR_IID}`) ?? []).map((n) => n.body);
      expect(notes).toHaveLength(1);
      const all = [run.stdout, run.stderr, ...written, ...notes].join('\n');
      expect(all).toMatch(/http:\/\/\*\*\*@127\.0\.0\.1/);
      expect(all).not.toMatch(/mirror-(user|secret)/);
    } finally {
      await gitlab.close();
      await mirror.close();
    }
  });

  it('with comment: never and sbom: false, writes no note and three reports', async () => {
    const gitlab = await startGitLabNotesServer({ token: TOKEN });
    try {
      const dir = runnerClone('no-note');
      const run = await runJob(dir, mergeRequestEnv(dir, gitlab.apiUrl), { comment: 'never', sbom: false });
      expect(run.code).toBe(1);
      expect(gitlab.requests).toHaveLength(0);
      await readValidReports(dir, { sbom: false });
    } finally {
      await gitlab.close();
    }
  });
});

describe('the GitLab job outside merge requests', () => {
  let dir: string;
  beforeEach((ctx) => {
    dir = runnerClone(ctx.task.name.replace(/\W+/g, '-'));
  });

  it('on a default-branch push compares with CI_COMMIT_BEFORE_SHA and writes no note', async () => {
    const env = { CI: 'true', CI_PROJECT_DIR: dir, CI_PIPELINE_SOURCE: 'push', CI_DEFAULT_BRANCH: 'main', CI_COMMIT_BRANCH: 'main', CI_COMMIT_BEFORE_SHA: BASE, LOCKWARDEN_GITLAB_TOKEN: TOKEN, ...offlineSafety() };
    const run = await runJob(dir, env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`lockwarden: base ${BASE} (CI_COMMIT_BEFORE_SHA)`);
    expect(run.stderr).not.toContain('merge request note');
    expect((await readValidReports(dir)).junit.tests).toBe(5);
  });

  it('takes the base from --base-dir when given one, with no git base to find', async () => {
    const base = join(scratch, 'dirs', 'base');
    const head = join(scratch, 'dirs', 'head');
    for (const [folder, lock] of [[base, lockfile({}, {})], [head, HEAD_LOCK]] as const) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'package-lock.json'), lock);
    }
    writeFileSync(join(scratch, 'dirs', 'lockwarden.yml'), POLICY);
    const out = join(scratch, 'dirs', 'reports');
    const run = await runCli(['check', '--gitlab', '--base-dir', 'base', '--head-dir', 'head'], {
      cwd: join(scratch, 'dirs'),
      env: { CI: 'true', CI_PROJECT_DIR: out, CI_PIPELINE_SOURCE: 'push', ...offlineSafety() },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain('audit');
    expect((await readValidReports(out)).junit.tests).toBe(5);
  });

  it('in audit mode on a schedule judges every package', async () => {
    const env = { CI: 'true', CI_PROJECT_DIR: dir, CI_PIPELINE_SOURCE: 'schedule', CI_DEFAULT_BRANCH: 'main', CI_COMMIT_BEFORE_SHA: '0000000000000000000000000000000000000000', ...offlineSafety() };
    const run = await runJob(dir, env, { mode: 'audit', 'job-name': 'lockwarden-audit' });
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain('base ');
    const reports = await readValidReports(dir);
    // Audit judges left-pad too (WTFPL is allowed, so it adds no finding) and needs no base commit.
    expect(reports.junit.cases.map((c) => c.name).sort()).toEqual([
      'deny: event-stream@3.3.6',
      'license: gpl-thing@2.0.0',
      'source: git-dep@1.0.0',
      'verdict',
      'vulnerability: lodash@4.17.20',
    ]);
    expect(reports.dependencyScanning.vulnerabilities).toHaveLength(1);
    expect(hasCommit(dir, BASE)).toBe(false);
    expect(existsSync(join(dir, GITLAB_REPORT_FILES.cyclonedx))).toBe(true);
  });
});
