import { compareSemver } from '../semver-order.js';
import type { EcosystemPlugin } from '../types.js';
import { packageResolvedParser, swiftPackageName } from './package-resolved.js';

/**
 * Swift Package Manager packages, named by repository URL (OSV's SwiftURL). SwiftPM versions are SemVer 2.0
 * tags, so they order by SemVer precedence (build metadata ignored), leniently for `v`-prefixed tags.
 */
export const swiftPlugin: EcosystemPlugin = {
  ecosystem: 'SwiftURL',
  purlType: 'swift',
  parsers: [packageResolvedParser],
  compareVersions: (a, b) => compareSemver(a, b, 'SwiftURL'),
  normalizeName: swiftPackageName,
};
