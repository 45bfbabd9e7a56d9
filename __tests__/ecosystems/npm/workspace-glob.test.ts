import { describe, expect, it } from 'vitest';
import { loadLockfileParser } from '@lockwarden/core';
import { WorkspaceGlobs } from '../../../packages/core/src/ecosystems/npm/workspace-glob.js';

const lockWith = (workspaces: unknown, keys: string[]): string =>
  JSON.stringify({
    lockfileVersion: 3,
    packages: { '': { name: 'root', workspaces }, ...Object.fromEntries(keys.map((k) => [k, { name: k.split('/').pop(), version: '1.0.0' }])) },
  });

describe('workspace globs match without regular expressions', () => {
  it('matches *, **, ?, braces and negations as npm workspaces do', () => {
    const globs = new WorkspaceGlobs(['packages/*', 'apps/**/web', 'tools/{lint,fmt}', 'lib-?', '!packages/old']);
    const hits = ['packages/a', 'packages/old', 'packages/a/b', 'apps/web', 'apps/x/y/web', 'apps/x/api', 'tools/lint', 'tools/fmt', 'tools/x', 'lib-1', 'lib-12', 'packages/.hidden'].filter(
      (k) => globs.matches(k),
    );
    expect(hits).toEqual(['packages/a', 'apps/web', 'apps/x/y/web', 'tools/lint', 'tools/fmt', 'lib-1']);
  });

  it('matches stars within a segment leftmost-first', () => {
    const globs = new WorkspaceGlobs(['pkg-*-plugin*', '*a*b*c']);
    expect(['pkg-x-plugin', 'pkg-x-plugin-y', 'pkg-plugin', 'xaybzc', 'abc', 'acb'].filter((k) => globs.matches(k))).toEqual([
      'pkg-x-plugin',
      'pkg-x-plugin-y',
      'xaybzc',
      'abc',
    ]);
  });

  it('a 40,000-character pattern (fuzz #84419: "regular expression too large") is a plain comparison', async () => {
    const long = 'a'.repeat(40_000);
    const inventory = (await loadLockfileParser('package-lock.json')).parse(lockWith([long], [long, 'b']), 'package-lock.json');
    expect(inventory.projects?.map((p) => p.path)).toContain(long);
  });

  it('backtracking-shaped patterns and brace bombs stay fast', () => {
    const started = performance.now();
    const globs = new WorkspaceGlobs(['*a'.repeat(200) + 'b', '{a,b}'.repeat(40), '**/'.repeat(200) + 'x']);
    expect(globs.matches('a'.repeat(4000))).toBe(false);
    expect(globs.matches('ab'.repeat(20))).toBe(false);
    expect(globs.matches('y/'.repeat(300) + 'z')).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
