import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/conformance.js';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';
import { startGitHubFake, type GitHubFake } from '../helpers/github-server.js';
import { packageLockV3 } from '../helpers/lockfile-builder.js';
import { runAction } from '../helpers/run-action.js';

const BUNDLE = join(REPO_ROOT, 'dist', 'index.js');
const STICKY = '<!-- lockwarden:sticky-comment -->';
let osvDb: string;

beforeAll(() => {
  // The Action is tested as shipped: the committed bundle, not the sources.
  expect(existsSync(BUNDLE), 'dist/index.js is missing: run npm run build:action').toBe(true);
  osvDb = mkdtempSync(join(tmpdir(), 'lw-osvdb-'));
  cpSync(join(REPO_ROOT, '__tests__', 'fixtures', 'osv', 'npm'), join(osvDb, 'npm'), { recursive: true });
});

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function setup(history: Array<Record<string, string | null>>, pulls = [{ number: 7, labels: [] as string[] }]) {
  const repo = makeRepo(history);
  const gh = await startGitHubFake({ pulls });
  cleanups.push(() => repo.cleanup(), () => gh.close());
  return { repo, gh };
}

function prPayload(repo: TestRepo, number: number, labels: string[] = []) {
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      base: { sha: repo.commits[0], ref: 'main' },
      head: { sha: repo.commits[repo.commits.length - 1], ref: 'feature' },
      labels: labels.map((name) => ({ name })),
    },
    repository: { name: 'app', owner: { login: 'acme' } },
  };
}

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return { token: 'ghs_test', comment: 'always', 'fail-open': 'false', 'approve-label': 'lockwarden:approved', 'offline-db': osvDb, ...extra };
}

const base = { 'package-lock.json': packageLockV3({ lodash: '4.17.21', ms: '2.1.3' }) };
const vulnerableHead = { 'package-lock.json': packageLockV3({ lodash: '4.17.20', ms: '2.1.3', debug: '4.3.5' }) };
const fixedHead = { 'package-lock.json': packageLockV3({ lodash: '4.17.21', ms: '2.1.3', debug: '4.3.5' }) };

function comments(gh: GitHubFake, number = 7) {
  return gh.issues.get(number)?.comments ?? [];
}

describe('the GitHub Action bundle on pull_request', () => {
  it('fails on a violation, creates one sticky comment, sets outputs, annotates the lockfile line', async () => {
    const { repo, gh } = await setup([base, vulnerableHead]);
    const run = await runAction({ workspace: repo.dir, eventName: 'pull_request', payload: prPayload(repo, 7), inputs: inputs(), apiUrl: gh.url });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::lockwarden: policy violated: 1 blocking');
    expect(run.outputs.verdict).toBe('fail');
    const findings = JSON.parse(run.outputs.findings ?? '[]') as Array<{ rule: string; name: string; action: string; advisories?: string[] }>;
    expect(findings.filter((f) => f.action === 'block').map((f) => `${f.rule}:${f.name}`)).toEqual(['vulnerability:lodash']);
    expect(findings.find((f) => f.action === 'block')?.advisories).toContain('GHSA-35jh-r3h4-6jhm');
    expect(comments(gh)).toHaveLength(1);
    expect(comments(gh)[0]?.body.startsWith(STICKY)).toBe(true);
    expect(comments(gh)[0]?.body).toContain('lodash');
    expect(run.outputs['comment-url']).toBe(comments(gh)[0]?.html_url);
    expect(run.summary).toContain('GHSA-35jh-r3h4-6jhm');
    const line = vulnerableHead['package-lock.json'].split('\n').findIndex((l) => l.includes('"node_modules/lodash"')) + 1;
    expect(run.stdout).toMatch(new RegExp(`::error title=lockwarden vulnerability%3A lodash@4\\.17\\.20,file=package-lock\\.json,line=${line}::`));
    expect(gh.rejected).toEqual([]);
  });

  it('updates the same comment on the next run, and turns it green once the PR is fixed', async () => {
    const { repo, gh } = await setup([base, vulnerableHead]);
    const first = await runAction({ workspace: repo.dir, eventName: 'pull_request', payload: prPayload(repo, 7), inputs: inputs(), apiUrl: gh.url, runId: 1 });
    expect(first.code).toBe(1);
    const second = await runAction({ workspace: repo.dir, eventName: 'pull_request', payload: prPayload(repo, 7), inputs: inputs(), apiUrl: gh.url, runId: 2 });
    expect(second.code).toBe(1);
    expect(comments(gh)).toHaveLength(1);
    expect(gh.requests.filter((r) => r.method === 'PATCH' && r.url.includes('/issues/comments/'))).toHaveLength(1);

    // A later push fixes the PR: with comment: on-failure no new comment is made, but the red one is edited.
    repo.git('checkout', '-q', '-b', 'fix');
    const fixed = makeRepo([fixedHead], { dir: repo.dir });
    const run = await runAction({
      workspace: repo.dir,
      eventName: 'pull_request',
      payload: { ...prPayload(repo, 7), pull_request: { ...prPayload(repo, 7).pull_request, head: { sha: fixed.commits[0] } } },
      inputs: inputs({ comment: 'on-failure' }),
      apiUrl: gh.url,
      runId: 3,
    });
    expect(run.code).toBe(0);
    expect(run.outputs.verdict).toBe('pass');
    expect(comments(gh)).toHaveLength(1);
    expect(comments(gh)[0]?.body).toMatch(/pass/i);
    expect(comments(gh)[0]?.body).not.toContain('GHSA-35jh-r3h4-6jhm');
    expect(gh.rejected).toEqual([]);
  });

  it("degrades to the job summary on a fork's read-only token; the exit reflects only the policy", async () => {
    const { repo, gh } = await setup([base, vulnerableHead]);
    gh.readOnly = true;
    const run = await runAction({ workspace: repo.dir, eventName: 'pull_request', payload: prPayload(repo, 7), inputs: inputs(), apiUrl: gh.url });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::notice::lockwarden cannot comment on this PR (HTTP 403');
    expect(run.stdout).toContain('policy violated');
    expect(run.summary).toContain('lodash');
    expect(comments(gh)).toHaveLength(0);

    const clean = await setup([base, fixedHead]);
    clean.gh.readOnly = true;
    const ok = await runAction({ workspace: clean.repo.dir, eventName: 'pull_request', payload: prPayload(clean.repo, 7), inputs: inputs(), apiUrl: clean.gh.url });
    expect(ok.code).toBe(0);
  });

  it('retries an API outage, then fails with a clear "could not evaluate"', async () => {
    const { repo, gh } = await setup([base, vulnerableHead]);
    gh.failNext = 1000;
    const run = await runAction({ workspace: repo.dir, eventName: 'pull_request', payload: prPayload(repo, 7), inputs: inputs(), apiUrl: gh.url });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::lockwarden could not evaluate: .*Server Error/);
    expect(run.outputs.verdict).toBe('error');
    // The retry plugin tried again before giving up.
    expect(gh.requests.length).toBeGreaterThan(1);
  });

  it('fails with "could not evaluate" when neither base nor head holds a lockfile (nothing judged is no pass)', async () => {
    const { repo, gh } = await setup([{ 'README.md': '# app\n' }, { 'README.md': '# app, again\n', 'package-lock.jsn': packageLockV3({ ms: '2.1.3' }) }]);
    const run = await runAction({ workspace: repo.dir, eventName: 'pull_request', payload: prPayload(repo, 7), inputs: inputs(), apiUrl: gh.url });
    expect(run.code).toBe(1);
    expect(run.outputs.verdict).toBe('error');
    expect(run.stdout).toMatch(/::error::lockwarden could not evaluate: no lockfile found in .* or git ref [0-9a-f]{40}.*package-lock\.json/);
  });

  it('lets the approval label approve a quarantined typosquat, never a blocked finding', async () => {
    const squat = { 'package-lock.json': packageLockV3({ lodash: '4.17.21', ms: '2.1.3', expresss: '1.0.0' }) };
    const { repo, gh } = await setup([base, squat], [{ number: 7, labels: [] }, { number: 8, labels: ['lockwarden:approved'] }]);
    const without = await runAction({ workspace: repo.dir, eventName: 'pull_request', payload: prPayload(repo, 7), inputs: inputs(), apiUrl: gh.url });
    expect(without.code).toBe(1);
    const findings = JSON.parse(without.outputs.findings ?? '[]') as Array<{ rule: string; name: string; action: string }>;
    expect(findings.filter((f) => f.action === 'quarantine').map((f) => `${f.rule}:${f.name}`)).toEqual(['typosquat:expresss']);

    const approved = await runAction({ workspace: repo.dir, eventName: 'pull_request', payload: prPayload(repo, 8, ['lockwarden:approved']), inputs: inputs(), apiUrl: gh.url });
    expect(approved.code).toBe(0);
    expect(approved.stdout).toContain('label "lockwarden:approved" is on the PR');
    expect(approved.summary).toMatch(/approv/i);
    expect(approved.summary).toContain('expresss');

    // The label cannot approve a blocked vulnerability.
    const vuln = await setup([base, vulnerableHead], [{ number: 9, labels: ['lockwarden:approved'] }]);
    const blocked = await runAction({ workspace: vuln.repo.dir, eventName: 'pull_request', payload: prPayload(vuln.repo, 9, ['lockwarden:approved']), inputs: inputs(), apiUrl: vuln.gh.url });
    expect(blocked.code).toBe(1);
  });

  it('under pull_request_target reads the PR head as data, with the work tree on the base', async () => {
    const { repo, gh } = await setup([base, vulnerableHead]);
    repo.git('checkout', '-q', repo.commits[0] as string);
    const run = await runAction({ workspace: repo.dir, eventName: 'pull_request_target', payload: prPayload(repo, 7), inputs: inputs(), apiUrl: gh.url });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('read as data with git show');
    expect(readFileSync(join(repo.dir, 'package-lock.json'), 'utf8')).toBe(base['package-lock.json']);
  });

  it('writes SARIF and an SBOM when asked', async () => {
    const { repo, gh } = await setup([base, vulnerableHead]);
    const run = await runAction({
      workspace: repo.dir,
      eventName: 'pull_request',
      payload: prPayload(repo, 7),
      inputs: inputs({ sarif: 'out/lockwarden.sarif', sbom: 'out/sbom.cdx.json', comment: 'never' }),
      apiUrl: gh.url,
      env: { SOURCE_DATE_EPOCH: '1700000000' },
    });
    expect(run.code).toBe(1);
    expect(comments(gh)).toHaveLength(0);
    const sarif = JSON.parse(readFileSync(join(repo.dir, 'out', 'lockwarden.sarif'), 'utf8')) as { version: string; runs: Array<{ results: unknown[] }> };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results.length).toBeGreaterThan(0);
    const bom = JSON.parse(readFileSync(join(repo.dir, 'out', 'sbom.cdx.json'), 'utf8')) as { bomFormat: string; specVersion: string; components: Array<{ purl: string }> };
    expect(bom.bomFormat).toBe('CycloneDX');
    expect(bom.specVersion).toBe('1.6');
    expect(bom.components.map((c) => c.purl).sort()).toEqual(['pkg:npm/debug@4.3.5', 'pkg:npm/lodash@4.17.20', 'pkg:npm/ms@2.1.3']);
    expect(run.outputs.sarif).toBe('out/lockwarden.sarif');
    expect(run.outputs.sbom).toBe('out/sbom.cdx.json');
  });
});

describe('the GitHub Action bundle in audit mode', () => {
  it('opens one tracking issue, reports what is new, and closes it when clean', async () => {
    const { repo, gh } = await setup([vulnerableHead]);
    const payload = { schedule: '0 6 * * *', repository: { name: 'app', owner: { login: 'acme' } } };
    const first = await runAction({ workspace: repo.dir, eventName: 'schedule', payload, inputs: inputs(), apiUrl: gh.url });
    expect(first.code).toBe(1);
    const tracking = [...gh.issues.values()].filter((i) => !i.pull_request);
    expect(tracking).toHaveLength(1);
    expect(tracking[0]?.body).toContain('lodash');

    const again = await runAction({ workspace: repo.dir, eventName: 'schedule', payload, inputs: inputs(), apiUrl: gh.url });
    expect(again.code).toBe(1);
    expect([...gh.issues.values()].filter((i) => !i.pull_request)).toHaveLength(1);
    expect(tracking[0]?.comments).toHaveLength(0);

    makeRepo([fixedHead], { dir: repo.dir });
    const clean = await runAction({ workspace: repo.dir, eventName: 'schedule', payload, inputs: inputs(), apiUrl: gh.url });
    expect(clean.code).toBe(0);
    expect(tracking[0]?.state).toBe('closed');
    expect(gh.rejected).toEqual([]);
  });
});
