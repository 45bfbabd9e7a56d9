import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/conformance.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * pnpm, yarn, bun, Cargo and Go lockfiles carry no license. Offline, every added package used to get "no license
 * declared" (306 false warnings on a real three-week pnpm update); the truth is that nobody looked.
 */
const DB = join(REPO_ROOT, 'examples/osv-db');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function pnpmLock(count: number, version: (i: number) => string): string {
  const names = Array.from({ length: count }, (_, i) => `pkg-${String(i).padStart(3, '0')}`);
  const integrity = `sha512-${Buffer.alloc(64, 9).toString('base64')}`;
  const importer = names.map((n, i) => `      ${n}:\n        specifier: ^${version(i)}\n        version: ${version(i)}\n`).join('');
  const packages = names.map((n, i) => `  ${n}@${version(i)}:\n    resolution: {integrity: ${integrity}}\n`).join('\n');
  const snapshots = names.map((n, i) => `  ${n}@${version(i)}: {}\n`).join('\n');
  return `lockfileVersion: '9.0'\n\nimporters:\n  .:\n    dependencies:\n${importer}\npackages:\n\n${packages}\nsnapshots:\n\n${snapshots}`;
}

describe('license findings tell the truth', () => {
  it('an offline check of a 300-package pnpm update has no "no license declared" finding, and says the rule was not evaluated', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lockwarden-license-'));
    dirs.push(dir);
    for (const side of ['base', 'head']) mkdirSync(join(dir, side));
    writeFileSync(join(dir, 'base/pnpm-lock.yaml'), pnpmLock(300, () => '1.0.0'));
    writeFileSync(join(dir, 'head/pnpm-lock.yaml'), pnpmLock(300, (i) => (i % 3 === 0 ? '1.0.0' : '1.1.0')));
    writeFileSync(join(dir, 'lockwarden.yml'), 'extends: [lockwarden:baseline]\nrules:\n  license: { action: block, allow: [MIT], unknown: warn }\n');
    const run = await runCli(
      ['check', '--base-dir', 'base', '--head-dir', 'head', '--offline', '--db', DB, '--policy', 'lockwarden.yml', '--format', 'json'],
      { cwd: dir },
    );
    const report = JSON.parse(run.stdout) as {
      verdict: string;
      findings: { rule: string; name: string }[];
      notEvaluated: { rule: string; reason: string; count: number }[];
    };
    expect(report.findings.filter((f) => f.rule === 'license')).toEqual([]);
    expect(report.notEvaluated.filter((n) => n.rule === 'license')).toEqual([
      expect.objectContaining({ reason: 'not in the lockfile; registry not consulted (offline)', count: 200 }),
    ]);
    expect(run.code, run.stderr).toBe(0);
  });
});

describe("the project's own packages are not registry packages", () => {
  it('does not match a workspace member named like a vulnerable npm package against its advisories', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lockwarden-local-'));
    dirs.push(dir);
    const lock = {
      name: 'app',
      version: '1.0.0',
      lockfileVersion: 3,
      packages: {
        '': { name: 'app', version: '1.0.0', workspaces: ['packages/*'] },
        'node_modules/lodash': { resolved: 'packages/lodash', link: true },
        'packages/lodash': { name: 'lodash', version: '4.17.20' },
      },
    };
    writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(lock, null, 2));
    const run = await runCli(['check', '--mode', 'audit', '--offline', '--db', DB, '--format', 'json'], { cwd: dir });
    const report = JSON.parse(run.stdout) as { findings: { rule: string; name: string }[] };
    expect(report.findings).toEqual([]);
    expect(run.code, run.stderr).toBe(0);
  });
});
