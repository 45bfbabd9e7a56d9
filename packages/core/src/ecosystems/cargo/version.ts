import { compareSemver } from '../semver-order.js';

/** crates.io orders versions by SemVer 2.0 precedence (Cargo's `semver` crate; build metadata ignored). */
export function compareCargoVersions(a: string, b: string): -1 | 0 | 1 {
  return compareSemver(a, b, 'crates.io');
}
