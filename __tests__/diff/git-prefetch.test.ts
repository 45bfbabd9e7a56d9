import { afterAll, describe, expect, it } from 'vitest';
import { GitSnapshot } from '@lockwarden/core';
import { makeRepo } from '../helpers/git-repo.js';

const repo = makeRepo([{ 'a.py': 'x = 1\n', 'sub/b.yml': 'k: "ü"\n', 'big.txt': 'y'.repeat(10) }]);
afterAll(() => repo.cleanup());

describe('GitSnapshot.prefetch', () => {
  it('reads many blobs in one batch with the same text readFile gives, and knows missing ones', () => {
    const plain = new GitSnapshot(repo.dir, 'HEAD');
    const batched = new GitSnapshot(repo.dir, 'HEAD');
    batched.prefetch(['a.py', 'sub/b.yml', 'nope.py']);
    for (const path of ['a.py', 'sub/b.yml', 'nope.py', 'big.txt']) expect(batched.readFile(path), path).toBe(plain.readFile(path));
    expect(batched.readFile('sub/b.yml')).toBe('k: "ü"\n');
    expect(batched.readFile('nope.py')).toBeUndefined();
  });
});
