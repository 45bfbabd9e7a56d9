import { compareSemver } from '../semver-order.js';
import { lockfileFormat } from '../lazy-format.js';
import type { EcosystemPlugin } from '../types.js';

/**
 * CocoaPods trunk. Pod versions are SemVer-style (`Pod::Version`: `1.2.3`, `1.2.3-beta.1`), so they order by
 * SemVer precedence, leniently (missing minor/patch are 0). Pod names are case-sensitive and kept as written.
 */
export const cocoapodsPlugin: EcosystemPlugin = {
  ecosystem: 'CocoaPods',
  purlType: 'cocoapods',
  lockfiles: [
    lockfileFormat(
      { id: 'Podfile.lock', ecosystem: 'CocoaPods', fileNames: ['Podfile.lock'], conformance: ['swift/podfilelock'] },
      async () => (await import('./podfile-lock.js')).podfileLockParser,
    ),
  ],
  compareVersions: (a, b) => compareSemver(a, b, 'CocoaPods'),
  normalizeName: (name) => name,
};
