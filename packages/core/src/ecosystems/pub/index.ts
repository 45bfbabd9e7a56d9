import { lockfileFormat } from '../lazy-format.js';
import type { EcosystemPlugin } from '../types.js';
import { comparePubVersions } from './version.js';

/** pub.dev (Dart and Flutter): names are lowercase identifiers, kept as written; pub_semver order. */
export const pubPlugin: EcosystemPlugin = {
  ecosystem: 'Pub',
  purlType: 'pub',
  lockfiles: [
    lockfileFormat(
      { id: 'pubspec.lock', ecosystem: 'Pub', fileNames: ['pubspec.lock'], conformance: ['dart/pubspec'] },
      async () => (await import('./pubspec-lock.js')).pubspecLockParser,
    ),
  ],
  compareVersions: comparePubVersions,
  normalizeName: (name) => name,
};
