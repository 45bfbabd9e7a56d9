import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DirectorySnapshot, GitSnapshot, LockwardenError, findLockfiles, gitSnapshotFor } from '@lockwarden/core';
import { makeRepo, TEST_GIT_ENV } from '../helpers/git-repo.js';

const repo = makeRepo([
  { 'package-lock.json': '{"v":1}', 'web/package-lock.json': '{"v":"web1"}', 'node_modules/x/package-lock.json': '{}', 'README.md': 'x' },
  { 'package-lock.json': '{"v":2}', 'api/npm-shrinkwrap.json': '{}', 'api/package-lock.json': '{}', 'vendor/package-lock.json': '{}' },
]);
afterAll(() => repo.cleanup());

describe('GitSnapshot', () => {
  it('reads files of a commit without checking it out', () => {
    const base = new GitSnapshot(repo.dir, 'HEAD~1');
    expect(base.readFile('package-lock.json')).toBe('{"v":1}');
    expect(base.readFile('api/package-lock.json')).toBeUndefined();
    expect(new GitSnapshot(repo.dir, 'HEAD').readFile('package-lock.json')).toBe('{"v":2}');
    expect(base.commit).toBe(repo.commits[0]);
  });

  it('lists files and skips dependency folders', () => {
    expect(new GitSnapshot(repo.dir, 'HEAD').listFiles()).toEqual([
      'README.md',
      'api/npm-shrinkwrap.json',
      'api/package-lock.json',
      'package-lock.json',
      'web/package-lock.json',
    ]);
  });

  it('roots a snapshot at a subfolder of the repository', () => {
    const web = gitSnapshotFor(join(repo.dir, 'web'), 'HEAD~1');
    expect(web.listFiles()).toEqual(['package-lock.json']);
    expect(web.readFile('package-lock.json')).toBe('{"v":"web1"}');
    // A parent POM or an include may sit above the subfolder, but never outside the repository.
    expect(web.readFile('../package-lock.json')).toBe('{"v":1}');
    // Outside it, the read is refused with a typed error, which the loader turns into a warning.
    expect(() => web.readFile('../../etc/passwd')).toThrow(expect.objectContaining({ code: 'PATH_OUTSIDE_ROOT' }));
  });

  it('says which fetch to run when the base commit is not in a shallow clone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lockwarden-shallow-'));
    try {
      execFileSync('git', ['clone', '-q', '--depth=1', `file://${repo.dir}`, dir], { env: { ...process.env, ...TEST_GIT_ENV } });
      const missing = repo.commits[0] as string;
      let caught: unknown;
      try {
        new GitSnapshot(dir, missing);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(LockwardenError);
      expect((caught as LockwardenError).code).toBe('GIT_MISSING_COMMIT');
      expect((caught as LockwardenError).message).toContain(`git fetch --no-tags --depth=1 origin ${missing}`);
      expect((caught as LockwardenError).message).toContain('shallow');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails with GIT_ERROR outside a repository', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lockwarden-nogit-'));
    try {
      expect(() => gitSnapshotFor(dir, 'HEAD')).toThrow(/not inside a git repository/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('DirectorySnapshot', () => {
  it('lists the work tree and skips node_modules, vendor and .git', () => {
    expect(new DirectorySnapshot(repo.dir).listFiles()).toEqual([
      'README.md',
      'api/npm-shrinkwrap.json',
      'api/package-lock.json',
      'package-lock.json',
      'web/package-lock.json',
    ]);
  });
});

describe('findLockfiles', () => {
  it('takes a lockfile named explicitly, whatever its name, and respects folder filters', () => {
    const snap = new DirectorySnapshot(repo.dir);
    expect(findLockfiles(snap, { paths: ['README.md'] })).toEqual(['README.md']);
    expect(findLockfiles(snap, { paths: ['web'] }).length).toBeLessThanOrEqual(1);
  });
});

describe('a lockfile named explicitly', () => {
  it('is found without listing the tree around it (a home or /tmp folder outside git is not walked)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lockwarden-named-'));
    try {
      writeFileSync(join(dir, 'npm-shrinkwrap.json'), '{}');
      writeFileSync(join(dir, 'package-lock.json'), '{}');
      writeFileSync(join(dir, 'pnpm-lock.yaml'), "lockfileVersion: '9.0'\n");
      mkdirSync(join(dir, 'deep', 'er'), { recursive: true });
      writeFileSync(join(dir, 'deep', 'er', 'yarn.lock'), '');
      const snap = new DirectorySnapshot(dir);
      let walked = 0;
      const listFiles = snap.listFiles.bind(snap);
      snap.listFiles = () => {
        walked++;
        return listFiles();
      };
      expect(findLockfiles(snap, { paths: ['pnpm-lock.yaml'] })).toEqual(['pnpm-lock.yaml']);
      expect(findLockfiles(snap, { paths: ['./pnpm-lock.yaml'] })).toEqual(['pnpm-lock.yaml']);
      // The shrinkwrap rule still sees the named file's siblings: npm ignores package-lock.json beside it.
      expect(findLockfiles(snap, { paths: ['package-lock.json', 'npm-shrinkwrap.json'] })).toEqual(['npm-shrinkwrap.json']);
      expect(walked).toBe(0);
      // A folder named is searched below it, which needs the listing.
      expect(findLockfiles(snap, { paths: ['deep'] })).toEqual(['deep/er/yarn.lock']);
      expect(walked).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
