import { compareSemver } from '../semver-order.js';
import type { EcosystemPlugin } from '../types.js';
import { actionFileParser, workflowFileParser } from './workflow-file.js';

/**
 * GitHub Actions referenced by workflows and composite actions. Tags order as SemVer with the `v` dropped
 * (`v4` is 4.0.0, the lowest release the moving major tag can point at, which is what OSV ranges are matched
 * against); other refs (branches, SHAs) order as text.
 */
export const githubActionsPlugin: EcosystemPlugin = {
  ecosystem: 'GitHub Actions',
  purlType: 'githubactions',
  parsers: [workflowFileParser, actionFileParser],
  compareVersions: compareActionRefs,
  normalizeName: (name) => name.toLowerCase(),
};

/** SemVer order for version-like tags; text order otherwise. */
export function compareActionRefs(a: string, b: string): -1 | 0 | 1 {
  const semverLike = /^v?\d+(?:\.\d+){0,2}(?:[-+].*)?$/;
  if (semverLike.test(a) && semverLike.test(b)) return compareSemver(a, b, 'GitHub Actions');
  return a === b ? 0 : a < b ? -1 : 1;
}
