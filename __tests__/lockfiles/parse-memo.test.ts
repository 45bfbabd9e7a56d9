import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadWorkTreeInventories, SnapshotCache } from '@lockwarden/core';

const root = mkdtempSync(join(tmpdir(), 'lockwarden-memo-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function side(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const lock = (version: string): string =>
  JSON.stringify({
    name: 'app',
    lockfileVersion: 3,
    packages: {
      '': { name: 'app', dependencies: { a: '^1.0.0' } },
      'node_modules/a': { version, resolved: `https://registry.example.org/a/-/a-${version}.tgz` },
    },
  });

describe('a lockfile the same at base and head', () => {
  it('is parsed once per run; a changed one, or one in another run, is parsed again', async () => {
    const base = side('base', { 'package-lock.json': lock('1.0.0'), 'web/package-lock.json': lock('1.0.0') });
    const head = side('head', { 'package-lock.json': lock('1.0.0'), 'web/package-lock.json': lock('1.1.0') });
    const snapshots = new SnapshotCache();
    const [headRoot, headWeb] = await loadWorkTreeInventories(head, [], { snapshots });
    const [baseRoot, baseWeb] = await loadWorkTreeInventories(base, [], { snapshots });
    expect(baseRoot?.lockfile).toBe('package-lock.json');
    expect(baseRoot).toBe(headRoot);
    expect(baseWeb).not.toBe(headWeb);
    expect(baseWeb?.packages.find((p) => p.name === 'a')?.version).toBe('1.0.0');
    expect(headWeb?.packages.find((p) => p.name === 'a')?.version).toBe('1.1.0');
    // The memo belongs to one run's snapshots: a new run reads the tree as it is then.
    const [again] = await loadWorkTreeInventories(base, [], { snapshots: new SnapshotCache() });
    expect(again).not.toBe(baseRoot);
    expect(again).toEqual(baseRoot);
  });

  it('is parsed again when a file it includes differs (the same requirements.txt, another -r target)', async () => {
    const base = side('req-base', { 'requirements.txt': '-r common.txt\nflask==3.0.0\n', 'common.txt': 'requests==2.31.0\n' });
    const head = side('req-head', { 'requirements.txt': '-r common.txt\nflask==3.0.0\n', 'common.txt': 'requests==2.32.0\n' });
    const snapshots = new SnapshotCache();
    const [atHead] = await loadWorkTreeInventories(head, ['requirements.txt'], { snapshots });
    const [atBase] = await loadWorkTreeInventories(base, ['requirements.txt'], { snapshots });
    expect(atBase).not.toBe(atHead);
    expect(atHead?.packages.find((p) => p.name === 'requests')?.version).toBe('2.32.0');
    expect(atBase?.packages.find((p) => p.name === 'requests')?.version).toBe('2.31.0');
  });

  it('is reused when its includes read the same on both sides', async () => {
    const files = { 'requirements.txt': '-r common.txt\nflask==3.0.0\n', 'common.txt': 'requests==2.31.0\n' };
    const snapshots = new SnapshotCache();
    const [atHead] = await loadWorkTreeInventories(side('same-head', files), ['requirements.txt'], { snapshots });
    const [atBase] = await loadWorkTreeInventories(side('same-base', files), ['requirements.txt'], { snapshots });
    expect(atBase).toBe(atHead);
    expect(atBase?.packages.map((p) => p.name).sort()).toEqual(['flask', 'requests']);
  });
});
