import { execFileSync } from 'node:child_process';
import { LockwardenError } from '../errors.js';

/**
 * Makes sure a commit is in the clone. CI checkouts are shallow (actions/checkout fetches depth 1; GitLab's
 * `GIT_DEPTH` is 20 and a merge request's diff base can be older), so fetch just that commit rather than the
 * whole history. Shared by the GitHub Action and `check --gitlab`.
 * @returns true when it had to fetch.
 */
export function ensureCommit(repoDir: string, sha: string, log: (message: string) => void): boolean {
  const has = (): boolean => {
    try {
      execFileSync('git', ['cat-file', '-e', `${sha}^{commit}`], { cwd: repoDir, stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  if (has()) return false;
  log(`commit ${sha} is not in this (shallow) clone: running git fetch --no-tags --depth=1 origin ${sha}`);
  try {
    execFileSync('git', ['fetch', '--no-tags', '--depth=1', 'origin', sha], { cwd: repoDir, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim();
    throw new LockwardenError('GIT_MISSING_COMMIT', `could not fetch commit ${sha}: ${stderr || String(err)}`, { cause: err });
  }
  if (!has()) throw new LockwardenError('GIT_MISSING_COMMIT', `commit ${sha} is still missing after git fetch`);
  return true;
}
