import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/conformance.js';
import { makeRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

const DB = join(REPO_ROOT, '__tests__/fixtures/policy-check/osv');
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lockwarden-nothing-'));
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const LOCK = `${JSON.stringify(
  {
    name: 'app',
    version: '1.0.0',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'app', version: '1.0.0', dependencies: { 'left-pad': '^1.3.0' } },
      'node_modules/left-pad': {
        version: '1.3.0',
        resolved: 'https://registry.example.org/left-pad/-/left-pad-1.3.0.tgz',
        integrity: `sha512-${Buffer.alloc(64, 7).toString('base64')}`,
        license: 'WTFPL',
      },
    },
  },
  null,
  2,
)}\n`;

/** Two folders: `base` and `head`, each with the files given. */
function folders(base: Record<string, string>, head: Record<string, string>): string {
  const root = tempDir();
  for (const [side, files] of [['base', base], ['head', head]] as const) {
    mkdirSync(join(root, side));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(root, side, name), text);
  }
  return root;
}

const OFFLINE = ['--offline', '--db', DB];

describe('a gate that finds nothing does not pass', () => {
  it('check: no lockfile in base or head exits 2, naming what was searched and the supported formats', async () => {
    const root = folders({ 'notes.txt': 'x' }, { 'README.md': '# app' });
    const run = await runCli(['check', '--base-dir', 'base', '--head-dir', 'head', ...OFFLINE], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('no lockfile found');
    expect(run.stderr).toContain('folder head');
    expect(run.stderr).toContain('folder base');
    expect(run.stderr).toContain('package-lock.json');
    expect(run.stderr).toContain('Cargo.lock');
    expect(run.stderr).toContain('--parse-as');
  });

  it('check: a typo in a head path that leaves nothing to judge exits 2 (an unsupported file name too)', async () => {
    const root = folders({}, { 'package-lock.jsn': LOCK });
    const run = await runCli(['check', '--base-dir', 'base', '--head-dir', 'head', ...OFFLINE], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no lockfile found');
  });

  it('check: a head that removes the last lockfile is a real change, reported and judged (exit 0)', async () => {
    const root = folders({ 'package-lock.json': LOCK }, {});
    const run = await runCli(['check', '--base-dir', 'base', '--head-dir', 'head', '--format', 'json', ...OFFLINE], { cwd: root });
    expect(run.stderr).not.toContain('no lockfile found');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('removes every lockfile');
  });

  it('check in git: no lockfile at either ref exits 2 and names both refs', async () => {
    const repo = makeRepo([{ 'README.md': '# app\n' }, { 'src/index.js': 'export {};\n' }]);
    dirs.push(repo.dir);
    const [base, head] = repo.commits as [string, string];
    const run = await runCli(['check', '--base', base, '--head', head, ...OFFLINE], { cwd: repo.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`git ref ${head}`);
    expect(run.stderr).toContain(`git ref ${base}`);
  });

  it('check --mode audit and audit: an empty folder exits 2 with the same message', async () => {
    const root = folders({}, {});
    const check = await runCli(['check', '--mode', 'audit', '--head-dir', 'head', ...OFFLINE], { cwd: root });
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('no lockfile found in folder head');
    const audit = await runCli(['audit', 'head', ...OFFLINE], { cwd: root });
    expect(audit.code).toBe(2);
    expect(audit.stderr).toContain('no lockfile found');
    expect(audit.stderr).toContain('package-lock.json');
  });
});
