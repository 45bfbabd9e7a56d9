import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DirectorySnapshot, mayBeInGitWorkTree } from '@lockwarden/core';
import { makeRepo } from '../helpers/git-repo.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A `git` first on PATH that records each call, then runs the real git with the same arguments. */
function recordingGit(): { calls: () => string[] } {
  const bin = tempDir('lw-fake-git-');
  const log = join(bin, 'calls.log');
  const realPath = process.env.PATH ?? '';
  writeFileSync(
    join(bin, 'git'),
    `#!/bin/sh\necho "$PWD $*" >> '${log}'\nPATH='${realPath}' exec git "$@"\n`,
  );
  chmodSync(join(bin, 'git'), 0o755);
  process.env.PATH = `${bin}${delimiter}${realPath}`;
  cleanups.push(() => {
    process.env.PATH = realPath;
  });
  return { calls: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []) };
}

describe('listing a folder', () => {
  it.skipIf(process.platform === 'win32')('does not start git for a folder outside any work tree, and walks it', () => {
    const git = recordingGit();
    const dir = tempDir('lw-nogit-');
    mkdirSync(join(dir, 'app'));
    writeFileSync(join(dir, 'app', 'package-lock.json'), '{}');
    writeFileSync(join(dir, 'package.json'), '{}');
    expect(mayBeInGitWorkTree(dir, {})).toBe(false);
    expect(new DirectorySnapshot(dir).listFiles()).toEqual(['app/package-lock.json', 'package.json']);
    expect(git.calls()).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('asks git inside a work tree (from a subfolder too), which applies .gitignore', () => {
    const repo = makeRepo([{ '.gitignore': 'ignored/\n', 'app/package-lock.json': '{}', 'ignored/package-lock.json': '{}' }]);
    cleanups.push(repo.cleanup);
    const git = recordingGit();
    expect(mayBeInGitWorkTree(join(repo.dir, 'app'), {})).toBe(true);
    expect(new DirectorySnapshot(repo.dir).listFiles()).toEqual(['.gitignore', 'app/package-lock.json']);
    expect(new DirectorySnapshot(join(repo.dir, 'app')).listFiles()).toEqual(['package-lock.json']);
    expect(git.calls()).toHaveLength(2);
    expect(git.calls()[0]).toContain('ls-files');
  });

  it('leaves the decision to git when GIT_DIR or GIT_WORK_TREE point it elsewhere', () => {
    const dir = tempDir('lw-gitdir-');
    expect(mayBeInGitWorkTree(dir, { GIT_DIR: '/somewhere/.git' })).toBe(true);
    expect(mayBeInGitWorkTree(dir, { GIT_WORK_TREE: dir })).toBe(true);
  });
});
