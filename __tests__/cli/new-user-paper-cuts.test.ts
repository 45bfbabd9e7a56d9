import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/conformance.js';
import { runCli } from '../helpers/run-cli.js';

/** What a new user meets first: an unbuilt checkout, a fail-open run, the db command's help. */
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('new-user paper cuts', () => {
  it('the command before a build says to build, in one line, and exits 2 (no ERR_MODULE_NOT_FOUND stack)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lockwarden-unbuilt-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'bin'));
    copyFileSync(join(REPO_ROOT, 'packages/cli/bin/lockwarden.js'), join(dir, 'bin/lockwarden.js'));
    const run = spawnSync(process.execPath, [join(dir, 'bin/lockwarden.js'), '--version'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('lockwarden: not built yet; run `npm ci && npm run build` in the repository first\n');
  });

  it('--fail-open is credited to the command line, and its warning is printed once', async () => {
    const example = join(REPO_ROOT, 'examples/basic');
    const run = await runCli(['check', '--base-dir', 'base', '--head-dir', 'head', '--fail-open', '--osv-url', 'http://127.0.0.1:9'], {
      cwd: example,
      env: { LOCKWARDEN_SOURCE_DEADLINE: '5' },
    });
    const all = run.stdout + run.stderr;
    // One warning per failed source (OSV here; the test registry is closed too), each printed once.
    expect(all.match(/FAIL-OPEN: OSV API/g)).toHaveLength(1);
    expect(all).toContain('because --fail-open sets fail-open');
    expect(all).not.toContain('the policy sets fail-open');
  });

  it('db --help names every command that reads the offline database', () => {
    const help = execFileSync(process.execPath, [join(REPO_ROOT, 'packages/cli/bin/lockwarden.js'), 'db', '--help'], { encoding: 'utf8' });
    for (const command of ['check', 'audit', 'vet']) expect(help).toContain(`\`${command}\``);
  });
});
