import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/conformance.js';
import { runCli } from '../helpers/run-cli.js';
import { syntheticJsLockfiles } from '../../scripts/bench/synthetic-js-lockfiles.mjs';

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

  it('output piped into a reader that quits early (`ls | head`) ends in one line and exit 2, not an EPIPE stack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lockwarden-epipe-'));
    dirs.push(dir);
    const lockfiles = syntheticJsLockfiles(2000) as Record<string, [string, string]>;
    writeFileSync(join(dir, 'package-lock.json'), lockfiles['package-lock.json']![1]);
    const child = spawn(process.execPath, [join(REPO_ROOT, 'packages/cli/bin/lockwarden.js'), 'ls', '--format', 'json', 'package-lock.json'], {
      cwd: dir,
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Read the first chunk (the output is far larger than a pipe's buffer), then go away as `head` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(stderr).not.toContain('Unhandled');
    expect(stderr).toBe('lockwarden: standard output was closed before the report was written (EPIPE)\n');
    expect(status).toBe(2);
  });

  it('db --help names every command that reads the offline database', () => {
    const help = execFileSync(process.execPath, [join(REPO_ROOT, 'packages/cli/bin/lockwarden.js'), 'db', '--help'], { encoding: 'utf8' });
    for (const command of ['check', 'audit', 'vet']) expect(help).toContain(`\`${command}\``);
  });
});
