import { compareSemver } from '../semver-order.js';

/** Hex orders versions by SemVer 2.0 (Elixir's `Version.compare/2`): build metadata does not count. */
export function compareHexVersions(a: string, b: string): -1 | 0 | 1 {
  return compareSemver(a, b, 'Hex');
}
