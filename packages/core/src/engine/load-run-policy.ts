import { isAbsolute, relative, resolve } from 'node:path';
import { gitSnapshotFor } from '../lockfiles/load.js';
import { loadPolicyLazily, type LoadedPolicy } from '../policy/resolve-policy.js';

/** Where a run's policy comes from: a file in the work tree, or the same file at a git ref. */
export interface RunPolicyOptions {
  cwd: string;
  policyFile?: string;
  /**
   * Read the policy from this git ref instead of the work tree, so a pull request cannot relax the policy that
   * judges it (use the base ref under `pull_request_target`).
   */
  policyRef?: string;
  /** Force fail-open whatever the policy says; `undefined` keeps the policy's. */
  failOpen?: boolean;
  /** Who forced it, for the report ("--fail-open", "the Action's fail-open input"). */
  failOpenOrigin?: string;
}

/** Loads the policy of a run (discovery as in `check`), with the adapter's fail-open override applied. */
export async function loadRunPolicy(options: RunPolicyOptions): Promise<LoadedPolicy> {
  const policy = await loadFrom(options);
  if (options.failOpen !== undefined) {
    policy.policy.failOpen = options.failOpen;
    policy.policy.failOpenOrigin = options.failOpenOrigin ?? 'the run (--fail-open or the fail-open input)';
  }
  return policy;
}

function loadFrom(options: RunPolicyOptions): Promise<LoadedPolicy> {
  if (!options.policyRef) {
    return loadPolicyLazily({ root: options.cwd, ...(options.policyFile ? { file: options.policyFile } : {}) });
  }
  const snapshot = gitSnapshotFor(options.cwd, options.policyRef);
  const root = resolve(options.cwd);
  return loadPolicyLazily({
    root,
    ...(options.policyFile ? { file: options.policyFile } : {}),
    readFile: (path) => {
      const rel = relative(root, path);
      if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
      return snapshot.readFile(rel.split('\\').join('/'));
    },
  });
}
