import { LockwardenError } from '../../errors.js';
import { compareSemver } from '../semver-order.js';
import { lockfileFormat } from '../lazy-format.js';
import type { EcosystemPlugin } from '../types.js';

/**
 * GitHub Actions referenced by workflows and composite actions. Tags order as SemVer with the `v` dropped
 * (`v4` is 4.0.0, the lowest release the moving major tag can point at, which is what OSV ranges are matched
 * against); other refs (branches, SHAs) order as text.
 */
export const githubActionsPlugin: EcosystemPlugin = {
  ecosystem: 'GitHub Actions',
  purlType: 'githubactions',
  lockfiles: [
    lockfileFormat(
      { id: '.github/workflows/*.yml', ecosystem: 'GitHub Actions', fileNames: [], pathPatterns: ['.github/workflows/*.yml', '.github/workflows/*.yaml', '**/.github/workflows/*.yml', '**/.github/workflows/*.yaml'], scanner: true },
      async () => (await import('./workflow-file.js')).workflowFileParser,
    ),
    lockfileFormat(
      { id: 'action.yml', ecosystem: 'GitHub Actions', fileNames: ['action.yml', 'action.yaml'], scanner: true },
      async () => (await import('./workflow-file.js')).actionFileParser,
    ),
  ],
  compareVersions: compareActionRefs,
  normalizeName: (name) => name.toLowerCase(),
};

/**
 * SemVer order for version-like tags. A commit SHA or a branch has no place in that order: it throws
 * INVALID_VERSION, so advisory ranges report "undetermined" for it instead of a text comparison's accident
 * (a SHA-pinned action is matched by commit where the advisory lists commits).
 */
export function compareActionRefs(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  const semverLike = /^v?\d+(?:\.\d+){0,2}(?:[-+].*)?$/;
  for (const v of [a, b]) {
    if (!semverLike.test(v)) throw new LockwardenError('INVALID_VERSION', `GitHub Actions ref "${v}" is not a version tag`);
  }
  return compareSemver(a, b, 'GitHub Actions');
}
