import { compareSemver } from '../semver-order.js';
import { lockfileFormat } from '../lazy-format.js';
import type { EcosystemPlugin } from '../types.js';
import { swiftPackageName } from './package-name.js';

/**
 * Swift Package Manager packages, named by repository URL (OSV's SwiftURL). SwiftPM versions are SemVer 2.0
 * tags, so they order by SemVer precedence (build metadata ignored), leniently for `v`-prefixed tags.
 */
export const swiftPlugin: EcosystemPlugin = {
  ecosystem: 'SwiftURL',
  purlType: 'swift',
  lockfiles: [
    lockfileFormat(
      { id: 'Package.resolved', ecosystem: 'SwiftURL', fileNames: ['Package.resolved'], conformance: ['swift/packageresolved'] },
      async () => (await import('./package-resolved.js')).packageResolvedParser,
    ),
  ],
  compareVersions: (a, b) => compareSemver(a, b, 'SwiftURL'),
  normalizeName: swiftPackageName,
};
