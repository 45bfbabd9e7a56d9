import { compareSemver } from '../semver-order.js';

/** npm orders versions by SemVer 2.0 precedence (build metadata ignored), as node-semver does. */
export function compareNpmVersions(a: string, b: string): -1 | 0 | 1 {
  return compareSemver(a, b, 'npm');
}
