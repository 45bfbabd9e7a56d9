import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadWorkTreeInventories } from '@lockwarden/core';

/**
 * `ls`/`check` on a repository root read every lockfile below it, test fixtures and git-ignored build output
 * included. Discovery leaves those out: git's own ignore rules inside a work tree, test-data folders by default,
 * and `exclude` globs; a path named explicitly is always read.
 */
const LOCK = JSON.stringify({ name: 'x', lockfileVersion: 3, packages: { '': { name: 'x' } } });
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tree(files: string[], gitignore?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lockwarden-discovery-'));
  dirs.push(dir);
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), LOCK);
  }
  if (gitignore !== undefined) {
    writeFileSync(join(dir, '.gitignore'), gitignore);
    execFileSync('git', ['init', '-q'], { cwd: dir });
  }
  return dir;
}

const lockfiles = async (dir: string, paths: string[] = [], options = {}) =>
  (await loadWorkTreeInventories(dir, paths, options)).map((i) => i.lockfile).sort();

const FILES = [
  'package-lock.json',
  'apps/web/package-lock.json',
  'test/fixtures/old/package-lock.json',
  'internal/testdata/package-lock.json',
  'examples/demo/package-lock.json',
  'build/out/package-lock.json',
];

describe('lockfile discovery leaves out what is not the project', () => {
  it('skips test fixtures by default, and git-ignored files inside a git work tree', async () => {
    const dir = tree(FILES, 'build/\n');
    expect(await lockfiles(dir)).toEqual(['apps/web/package-lock.json', 'examples/demo/package-lock.json', 'package-lock.json']);
  });

  it('outside git, walks the folder (no .gitignore reimplementation) and still skips fixtures', async () => {
    const dir = tree(FILES);
    expect(await lockfiles(dir)).toEqual([
      'apps/web/package-lock.json',
      'build/out/package-lock.json',
      'examples/demo/package-lock.json',
      'package-lock.json',
    ]);
  });

  it('takes exclude globs, and can search fixtures again with defaultExcludes: false', async () => {
    const dir = tree(FILES);
    expect(await lockfiles(dir, [], { exclude: ['examples/**', 'build/**'] })).toEqual(['apps/web/package-lock.json', 'package-lock.json']);
    expect(await lockfiles(dir, [], { defaultExcludes: false })).toHaveLength(6);
  });

  it('reads a named folder inside an excluded area and a named file whatever the globs say', async () => {
    const dir = tree(FILES);
    expect(await lockfiles(dir, ['test/fixtures'])).toEqual(['test/fixtures/old/package-lock.json']);
    expect(await lockfiles(dir, ['examples/demo/package-lock.json'], { exclude: ['examples/**'] })).toEqual([
      'examples/demo/package-lock.json',
    ]);
  });
});

describe('the policy can exclude lockfiles too', () => {
  it('check leaves out what the policy file excludes', async () => {
    const { runCheck } = await import('@lockwarden/core');
    const dir = tree(['head/package-lock.json', 'head/examples/demo/package-lock.json', 'base/package-lock.json']);
    writeFileSync(join(dir, 'lockwarden.yml'), 'extends: [lockwarden:baseline]\nexclude: ["examples/**"]\n');
    const result = await runCheck({ cwd: dir, baseDir: 'base', headDir: 'head', offline: true, policyFile: 'lockwarden.yml' });
    expect(result.inventories.map((i) => i.lockfile)).toEqual(['package-lock.json']);
  });
});
